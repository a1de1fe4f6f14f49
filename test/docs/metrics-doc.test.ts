import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/index.js';
import { renderMetricsDoc } from '../../src/render/metrics-doc.js';

describe('docs/metrics.md', () => {
  it('is what the metric modules generate (run `npm run docs` after changing a metric)', () => {
    const committed = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderMetricsDoc(METRICS));
  });

  it('documents every metric of the registry', () => {
    const committed = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    for (const { meta } of METRICS) expect(committed).toContain(`### ${meta.id}\n`);
  });
});
