import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * cancellation_rate: of the tickets resolved in the period, the share tagged with any of the
 * configured churn tags (default `cancellation`, `refund`) (issue 3, "Metrics"); compared ignoring
 * case (docs/metrics.md). `tags`: a comma-separated list in CSV, an array in JSON (issue 2).
 * Placed by resolved_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'cancellation_rate';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'default churn tags, any case; untagged resolved tickets are in the denominator',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: ['refund'] }, // W10 ✓
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), tags: ['vip', 'CANCELLATION'] }, // W10 ✓
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-03 11:00'), tags: 'billing, Refund' }, // W10 ✓ (CSV-style)
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), tags: ['billing'] }, // W10 ✗
      { id: 'e', created_at: utc('03-02 09:00'), solved_at: utc('03-04 11:00'), tags: ['refunds', 'cancel'] }, // W10 ✗ (not equal)
      { id: 'f', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00') }, // W10 ✗ (no tags)
      { id: 'g', created_at: utc('03-02 09:00'), tags: ['refund'] }, // never resolved: nowhere
      { id: 'h', created_at: utc('03-10 09:00'), closed_at: utc('03-11 09:00'), tags: 'cancellation' }, // W11 ✓ (closed_at)
      { id: 'i', created_at: utc('03-10 09:00'), solved_at: utc('03-11 10:00'), tags: [] }, // W11 ✗
    ],
    // W10: a, b, c of a–f = 3/6; W11: h of h, i = 1/2; totals 4/8
    rows: [
      { period: '2026-W10', value: rate(3, 6, 0.5) },
      { period: '2026-W11', value: rate(1, 2, 0.5) },
    ],
    totals: rate(4, 8, 0.5),
  },
  {
    name: 'custom churnTags replace the defaults, compared ignoring case and surrounding spaces',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: ['refund'] }, // ✗: not configured
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: ['Downgrade'] }, // ✓
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: 'other, CHURN ' }, // ✓
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: ['cancellation'] }, // ✗: not configured
    ],
    options: { config: { churnTags: ['downgrade', ' Churn'] } },
    rows: [{ period: '2026-W10', value: rate(2, 4, 0.5) }],
    totals: rate(2, 4, 0.5),
  },
  {
    name: 'CSV-style comma string and JSON array of the same tags count the same',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: 'billing, refund' }, // ✓
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: ['billing', 'refund'] }, // ✓
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: 'billing,refund,' }, // ✓
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), tags: 'billing, upgrade' }, // ✗
    ],
    rows: [{ period: '2026-W10', value: rate(3, 4, 0.75) }],
    totals: rate(3, 4, 0.75),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2 (placed by resolved_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), tags: ['refund'] }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', tags: ['refund'] }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', tags: ['billing'] }, // W11
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: '--by channel: per channel',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), channel: 'email', tags: ['refund'] },
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), channel: 'email', tags: ['billing'] },
      { id: '3', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), channel: 'email' },
      { id: '4', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), channel: 'phone', tags: 'Cancellation' },
    ],
    options: { by: ['channel'] },
    rows: [
      { period: '2026-W10', channel: 'email', value: rate(1, 3, 1 / 3) },
      { period: '2026-W10', channel: 'phone', value: rate(1, 1, 1) },
    ],
    totals: rate(2, 4, 0.5),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 2 of 4 (A refund, C Cancellation; B billing; D untagged)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(2, 4, 0.5);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
