import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * handle_time: `handle_time` (seconds) of the tickets resolved in the period: count, mean, median,
 * p90 (issue 3, "Metrics"; AHT is the mean). Placed by resolved_at. Percentiles interpolate
 * linearly: for sorted x₀…xₙ₋₁, h = (n−1)·p (issue 2, "Core metrics").
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'handle_time';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

/** A duration value; numbers compared to 6 decimals (interpolation works in floating point). */
const duration = (count: number, mean: number | null, median: number | null, p90: number | null) => {
  const near = (x: number | null): unknown => (x === null ? null : expect.closeTo(x, 6));
  return { count, mean: near(mean), median: near(median), p90: near(p90) };
};
const NO_DATA = { count: 0, mean: null, median: null, p90: null };

const CASES: Case[] = [
  {
    name: 'per week of resolved_at: count, mean, median, p90; blank and unresolved left out',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: 600 }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), handle_time: '60' }, // W10 (string)
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), handle_time: 1200 }, // W10
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00'), handle_time: 300 }, // W10
      { id: 'e', created_at: utc('03-02 09:00'), solved_at: utc('03-05 11:00'), handle_time: '' }, // no handle time
      { id: 'f', created_at: utc('03-03 09:00'), handle_time: 9999 }, // never resolved: nowhere
      { id: 'g', created_at: utc('03-05 09:00'), closed_at: utc('03-10 09:00'), handle_time: 90.5 }, // W11 (closed_at)
    ],
    // W10 sorted [60, 300, 600, 1200]: mean 2160/4 = 540; median h = 1.5 → 300 + 0.5·300 = 450;
    //   p90 h = 2.7 → 600 + 0.7·600 = 1020
    // totals [60, 90.5, 300, 600, 1200]: mean 2250.5/5 = 450.1; median x₂ = 300; p90 h = 3.6 → 600 + 0.6·600 = 960
    rows: [
      { period: '2026-W10', value: duration(4, 540, 450, 1020) },
      { period: '2026-W11', value: duration(1, 90.5, 90.5, 90.5) },
    ],
    totals: duration(5, 450.1, 300, 960),
  },
  {
    name: 'a handle time of 0 is a real 0 s',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: 0 },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: '100' },
    ],
    // [0, 100]: mean 50, median 50, p90 0 + 0.9·100 = 90
    rows: [{ period: '2026-W10', value: duration(2, 50, 50, 90) }],
    totals: duration(2, 50, 50, 90),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2 (placed by resolved_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), handle_time: 420 }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: duration(1, 420, 420, 420) },
    ],
    totals: duration(1, 420, 420, 420),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', handle_time: 100 }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', handle_time: 200 }, // W11
    ],
    rows: [
      { period: '2026-W10', value: duration(1, 100, 100, 100) },
      { period: '2026-W11', value: duration(1, 200, 200, 200) },
    ],
    totals: duration(2, 150, 150, 190), // p90 100 + 0.9·100
  },
  {
    name: 'an unreadable handle_time is set aside: the ticket is not in the handle time',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: 100 },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: -5 },
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), handle_time: 'long' },
    ],
    rows: [{ period: '2026-W10', value: duration(1, 100, 100, 100) }],
    totals: duration(1, 100, 100, 100),
  },
  {
    name: '--by agent: per agent, placed by resolved_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), agent: 'ann', handle_time: 100 }, // W10 ann
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), agent: 'ann', handle_time: 300 }, // W10 ann
      { id: '3', created_at: utc('03-05 09:00'), solved_at: utc('03-10 09:00'), agent: 'bob', handle_time: 50 }, // W11 bob
    ],
    options: { by: ['agent'] },
    // W10 bob: his ticket was created then (a row), resolved in W11.
    // ann [100, 300]: mean 200, median 200, p90 100 + 0.9·200 = 280.
    // totals [50, 100, 300]: mean 150, median 100, p90 h = 1.8 → 100 + 0.8·200 = 260
    rows: [
      { period: '2026-W10', agent: 'ann', value: duration(2, 200, 200, 280) },
      { period: '2026-W10', agent: 'bob', value: NO_DATA },
      { period: '2026-W11', agent: 'bob', value: duration(1, 50, 50, 50) },
    ],
    totals: duration(3, 150, 100, 260),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 300, 600, 1200 s: mean 700, median 600, p90 1080', () => {
    const { example } = metricById(METRIC)!.meta;
    // p90: h = 2·0.9 = 1.8 → 600 + 0.8·(1200 − 600) = 1080
    const expected = { count: 3, mean: 700, median: 600, p90: 1080 };
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(duration(3, 700, 600, 1080));
  });
});
