import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/index.js';
import { reportOf } from '../helpers/build.js';

// Every metric's worked example (printed by `support-metrics metrics ID` and in docs/metrics.md)
// is computed here: the documented result must be what the code gives.
describe('worked examples in the catalogue', () => {
  it.each(METRICS.map((m) => [m.meta.id, m] as const))('%s', (id, metric) => {
    const { example } = metric.meta;
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]!.metrics[id]).toEqual(example.result);
    expect(report.totals.metrics[id]).toEqual(example.result);
  });

  it('every metric has an example with at least three tickets and an explanation', () => {
    for (const { meta } of METRICS) {
      expect(meta.example.tickets.length, meta.id).toBeGreaterThanOrEqual(3);
      expect(meta.example.explanation.length, meta.id).toBeGreaterThan(40);
    }
  });
});
