import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { METRICS } from '../../src/metrics/index.js';
import { withFieldsTable } from '../../src/render/fields-doc.js';
import { renderMetricsDoc } from '../../src/render/metrics-doc.js';

const committed = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated files are up to date (run `npm run docs` after changing a metric or the config schema)', () => {
  it('docs/metrics.md is what the metric modules generate', () => {
    expect(committed('docs/metrics.md')).toBe(renderMetricsDoc(METRICS));
  });

  it('docs/metrics.md documents every metric of the registry', () => {
    for (const { meta } of METRICS) expect(committed('docs/metrics.md')).toContain(`### ${meta.id}\n`);
  });

  it("docs/input.md's column table is what the field table generates", () => {
    expect(committed('docs/input.md')).toBe(withFieldsTable(committed('docs/input.md')));
  });

  it('schema/support-metrics.config.schema.json is what the zod schema generates', () => {
    expect(committed('schema/support-metrics.config.schema.json')).toBe(configJsonSchema());
  });
});
