import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { METRICS } from '../../src/metrics/index.js';
import { loadPresets } from '../../src/presets/index.js';
import { generatedParts, withGenerated } from '../../src/render/generated-docs.js';
import { renderMetricsDoc } from '../../src/render/metrics-doc.js';

const PRESETS = await loadPresets();
const committed = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated files are up to date (run `npm run docs` after changing a metric or the config schema)', () => {
  it('docs/metrics.md is what the metric modules generate', () => {
    expect(committed('docs/metrics.md')).toBe(renderMetricsDoc(METRICS));
  });

  it('docs/metrics.md documents every metric of the registry', () => {
    for (const { meta } of METRICS) expect(committed('docs/metrics.md')).toContain(`### ${meta.id}\n`);
  });

  it.each(Object.entries(generatedParts(PRESETS)))("%s: its generated parts are what the code makes (the field table, the presets)", (path, parts) => {
    expect(committed(path)).toBe(withGenerated(committed(path), parts));
  });

  it('schema/support-metrics.config.schema.json is what the zod schema generates', () => {
    expect(committed('schema/support-metrics.config.schema.json')).toBe(configJsonSchema());
  });
});
