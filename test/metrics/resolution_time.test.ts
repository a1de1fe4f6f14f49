import { describe, expect, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * resolution_time: over records resolved in the period, resolved_at − created_at in seconds:
 * count, mean, median, p90 (spec, "Core metrics"). resolved_at is solved_at, or closed_at when
 * solved_at is blank; percentiles interpolate linearly, h = (n−1)·p.
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'resolution_time';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

/** A duration value; numbers compared to 6 decimals (interpolation works in floating point). */
const duration = (count: number, mean: number | null, median: number | null, p90: number | null) => {
  const near = (x: number | null): unknown => (x === null ? null : expect.closeTo(x, 6));
  return { count, mean: near(mean), median: near(median), p90: near(p90) };
};
const NO_DATA = { count: 0, mean: null, median: null, p90: null };
const one = (seconds: number) => duration(1, seconds, seconds, seconds);

const HOUR = 3600;
const DAY = 24 * HOUR;

const CASES: Case[] = [
  {
    name: 'worked example: count, mean, median, p90 per week of resolved_at',
    records: [
      { id: 'a', created_at: utc('03-02 00:00'), solved_at: utc('03-02 01:00') }, // 3600 s
      { id: 'b', created_at: utc('03-02 00:00'), closed_at: utc('03-03 00:00') }, // solved blank → closed: 86400 s
      { id: 'c', created_at: utc('03-03 00:00'), solved_at: utc('03-03 02:00'), closed_at: utc('03-05 00:00') }, // solved: 7200 s
      { id: 'd', created_at: utc('03-04 00:00'), solved_at: utc('03-05 06:00') }, // 30 h = 108000 s
      { id: 'e', created_at: utc('03-06 12:00'), solved_at: utc('03-09 12:00') }, // 3 days, resolved in W11
      { id: 'f', created_at: utc('03-17 09:00') }, // never resolved
    ],
    // W10: [3600, 7200, 86400, 108000]: mean 205200/4 = 51300; median h = 1.5 → 7200 + 0.5·79200 = 46800;
    //   p90 h = 2.7 → 86400 + 0.7·21600 = 101520
    // totals: [3600, 7200, 86400, 108000, 259200]: mean 464400/5 = 92880; median x₂ = 86400;
    //   p90 h = 3.6 → 108000 + 0.6·151200 = 198720
    rows: [
      { period: '2026-W10', value: duration(4, 51300, 46800, 101520) },
      { period: '2026-W11', value: one(3 * DAY) },
      { period: '2026-W12', value: NO_DATA },
    ],
    totals: duration(5, 92880, 86400, 198720),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2',
    records: [{ id: 'a', created_at: utc('03-06 10:00'), solved_at: utc('03-10 10:00') }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: one(4 * DAY) },
    ],
    totals: one(4 * DAY),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-08 23:00'), solved_at: '2026-03-08T23:59:59.999Z' }, // 3599.999 s, W10
      { id: 'b', created_at: utc('03-08 23:00'), solved_at: '2026-03-09T00:00:00Z' }, // 3600 s, W11
    ],
    rows: [
      { period: '2026-W10', value: one(3599.999) },
      { period: '2026-W11', value: one(HOUR) },
    ],
    totals: duration(2, 3600, 3600, 3600), // 3599.9995, 3599.9995, 3599.9999 to the millisecond
  },
  {
    name: 'solved_at wins over closed_at; closed_at counts when solved_at is blank',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), closed_at: utc('03-02 14:00') }, // 1 h
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '', closed_at: utc('03-02 12:00') }, // 3 h
    ],
    // [3600, 10800]: mean 7200; median 7200; p90 3600 + 0.9·7200 = 10080
    rows: [{ period: '2026-W10', value: duration(2, 7200, 7200, 10080) }],
    totals: duration(2, 7200, 7200, 10080),
  },
  {
    name: 'created before --from, resolved inside: counted; resolved at --to: not counted anywhere',
    records: [
      { id: 'old', created_at: utc('03-05 00:00'), solved_at: utc('03-09 06:00') }, // 4 d 6 h = 367200 s
      { id: 'late', created_at: utc('03-10 00:00'), solved_at: utc('03-16 00:00') }, // at --to
    ],
    options: { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' },
    rows: [{ period: '2026-W11', value: one(367200) }],
    totals: one(367200),
  },
  {
    name: 'the columns exist but are blank: count 0, nulls (never 0)',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: '', closed_at: '' }],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'across the fall-back night (Europe/Berlin) a duration is elapsed time, not wall-clock',
    // 01:30 CEST → 02:30 CET on 2026-10-25 is 2 hours, although the clock moved 1.
    records: [{ id: 'a', created_at: '2026-10-25T01:30:00+02:00', solved_at: '2026-10-25T02:30:00+01:00' }],
    options: { zone: 'Europe/Berlin', period: 'day' },
    rows: [{ period: '2026-10-25', value: one(2 * HOUR) }],
    totals: one(2 * HOUR),
  },
  {
    name: 'week boundaries follow the report zone (Europe/Berlin)',
    records: [
      { id: 'a', created_at: utc('03-08 20:00'), solved_at: '2026-03-08T22:30:00Z' }, // Sun 23:30 CET: W10, 2.5 h
      { id: 'b', created_at: utc('03-08 20:00'), solved_at: '2026-03-08T23:30:00Z' }, // Mon 00:30 CET: W11, 3.5 h
    ],
    options: { zone: 'Europe/Berlin' },
    rows: [
      { period: '2026-W10', value: one(2.5 * HOUR) },
      { period: '2026-W11', value: one(3.5 * HOUR) },
    ],
    totals: duration(2, 3 * HOUR, 3 * HOUR, 9000 + 0.9 * HOUR), // p90 9000 + 0.9·3600 = 12240
  },
  {
    name: 'duplicate id: the later updated_at wins (read first)',
    records: [
      { id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 12:00'), updated_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 11:00'), updated_at: utc('03-02 12:00') },
    ],
    rows: [{ period: '2026-W10', value: one(2 * HOUR) }],
    totals: one(2 * HOUR),
  },
  {
    name: 'duplicate id without updated_at: the record read last wins',
    records: [
      { id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 12:00') },
      { id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 11:00') },
    ],
    rows: [{ period: '2026-W10', value: one(HOUR) }],
    totals: one(HOUR),
  },
  {
    name: 'duplicate id across files: a record without updated_at loses to one with it',
    records: [
      [{ id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 12:00'), updated_at: utc('03-02 12:00') }],
      [{ id: 'a', created_at: utc('03-02 10:00'), solved_at: utc('03-02 11:00') }],
    ],
    rows: [{ period: '2026-W10', value: one(2 * HOUR) }],
    totals: one(2 * HOUR),
  },
  {
    name: '--by priority: per priority, placed by resolved_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), priority: 'urgent' }, // 1 h, W10
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-02 13:00'), priority: 'urgent' }, // 4 h, W10
      { id: '3', created_at: utc('03-06 09:00'), solved_at: utc('03-09 09:00'), priority: 'low' }, // 3 d, W11
      { id: '4', created_at: utc('03-02 09:00'), solved_at: utc('03-02 09:30') }, // 30 min, W10, blank priority
    ],
    options: { by: ['priority'] },
    // urgent W10: [3600, 14400]: mean 9000, median 9000, p90 3600 + 0.9·10800 = 13320
    // totals: [1800, 3600, 14400, 259200]: mean 279000/4 = 69750; median h = 1.5 → 3600 + 0.5·10800 = 9000;
    //   p90 h = 2.7 → 14400 + 0.7·244800 = 185760
    rows: [
      { period: '2026-W10', priority: 'low', value: NO_DATA },
      { period: '2026-W10', priority: 'urgent', value: duration(2, 9000, 9000, 13320) },
      { period: '2026-W10', priority: null, value: one(1800) },
      { period: '2026-W11', priority: 'low', value: one(3 * DAY) },
    ],
    totals: duration(4, 69750, 9000, 185760),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
