import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * reopen_rate: of the tickets resolved in the period, the share with reopens >= 1 (issue 3,
 * "Metrics"); a blank reopens counts as not reopened (docs/metrics.md). Placed by resolved_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'reopen_rate';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'reopens ≥ 1 is reopened; 0 and blank are not; unresolved tickets do not count',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), reopens: 0 }, // W10 ✗
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), reopens: 1 }, // W10 ✓
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), reopens: '3' }, // W10 ✓ (string)
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00'), reopens: '' }, // W10 ✗ (blank)
      { id: 'e', created_at: utc('03-02 09:00'), solved_at: utc('03-05 11:00') }, // W10 ✗ (absent)
      { id: 'f', created_at: utc('03-03 09:00'), reopens: 2 }, // never resolved: nowhere
      { id: 'g', created_at: utc('03-10 09:00'), closed_at: utc('03-11 09:00'), reopens: 1 }, // W11 ✓ (closed_at)
      { id: 'h', created_at: utc('03-10 09:00'), solved_at: utc('03-12 09:00'), reopens: 0 }, // W11 ✗
      { id: 'i', created_at: utc('03-10 09:00'), solved_at: utc('03-12 10:00'), reopens: 0 }, // W11 ✗
    ],
    // W10: b, c of a–e = 2/5; W11: g of g, h, i = 1/3; totals 3/8
    rows: [
      { period: '2026-W10', value: rate(2, 5, 0.4) },
      { period: '2026-W11', value: rate(1, 3, 1 / 3) },
    ],
    totals: rate(3, 8, 3 / 8),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2 (placed by resolved_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), reopens: 1 }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', reopens: 1 }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', reopens: 0 }, // W11
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'tickets created but none resolved in the week: 0 of 0, value null',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: '', reopens: 1 }],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'an unreadable reopens is set aside: the ticket is resolved, and not in the reopen rate',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), reopens: 1 },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), reopens: '-1' },
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), reopens: 'twice' },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: '--by team: per team, placed by resolved_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), team: 'billing', reopens: 1 }, // W10 billing ✓
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), team: 'billing', reopens: 0 }, // W10 billing ✗
      { id: '3', created_at: utc('03-05 09:00'), solved_at: utc('03-10 09:00'), team: 'tech', reopens: 2 }, // W11 tech ✓
      { id: '4', created_at: utc('03-05 09:00'), solved_at: utc('03-06 09:00'), reopens: 0 }, // W10 (none) ✗
    ],
    options: { by: ['team'] },
    // W10 tech: ticket 3 was created then (a row), but resolved in W11.
    rows: [
      { period: '2026-W10', team: 'billing', value: rate(1, 2, 0.5) },
      { period: '2026-W10', team: 'tech', value: NO_DATA },
      { period: '2026-W10', team: null, value: rate(0, 1, 0) },
      { period: '2026-W11', team: 'tech', value: rate(1, 1, 1) },
    ],
    totals: rate(2, 4, 0.5),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 1 of 3 (A, B, C resolved; only B reopened; D unresolved)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(1, 3, 1 / 3);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
