import { describe, expect, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * first_response_time: over records with first_response_at in the period, first_response_at −
 * created_at in seconds: count, mean, median, p90 (spec, "Core metrics"; percentiles interpolate
 * linearly, h = (n−1)·p).
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'first_response_time';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

/** A duration value; numbers compared to 6 decimals (interpolation works in floating point). */
const duration = (count: number, mean: number | null, median: number | null, p90: number | null) => {
  const near = (x: number | null): unknown => (x === null ? null : expect.closeTo(x, 6));
  return { count, mean: near(mean), median: near(median), p90: near(p90) };
};
const NO_DATA = { count: 0, mean: null, median: null, p90: null };

const HOUR = 3600;
const DAY = 24 * HOUR;

const CASES: Case[] = [
  {
    name: 'worked example: count, mean, median, p90 per week of first_response_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), first_response_at: utc('03-02 09:01') }, // 60 s
      { id: 'b', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 10:02') }, // 120 s
      { id: 'c', created_at: utc('03-03 09:00'), first_response_at: utc('03-03 09:05') }, // 300 s
      { id: 'd', created_at: utc('03-04 09:00'), first_response_at: utc('03-04 09:10') }, // 600 s
      { id: 'e', created_at: utc('03-05 09:00'), first_response_at: utc('03-05 10:00') }, // 3600 s
      { id: 'f', created_at: utc('03-06 10:00'), first_response_at: utc('03-09 10:00') }, // 3 days, answered in W11
      { id: 'g', created_at: utc('03-05 11:00') }, // never answered
      { id: 'h', created_at: utc('03-17 09:00') }, // never answered; W12 has no response
    ],
    // W10: [60, 120, 300, 600, 3600]: mean 4680/5 = 936; median x₂ = 300; p90 h = 3.6 → 600 + 0.6·3000 = 2400
    // totals: [60, 120, 300, 600, 3600, 259200]: mean 263880/6 = 43980;
    //   median h = 2.5 → 300 + 0.5·300 = 450; p90 h = 4.5 → 3600 + 0.5·255600 = 131400
    rows: [
      { period: '2026-W10', value: duration(5, 936, 300, 2400) },
      { period: '2026-W11', value: duration(1, 3 * DAY, 3 * DAY, 3 * DAY) },
      { period: '2026-W12', value: NO_DATA },
    ],
    totals: duration(6, 43980, 450, 131400),
  },
  {
    name: 'created in week 1 and first answered in week 2 counts in week 2',
    records: [{ id: 'a', created_at: utc('03-06 10:00'), first_response_at: utc('03-10 10:00') }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: duration(1, 4 * DAY, 4 * DAY, 4 * DAY) },
    ],
    totals: duration(1, 4 * DAY, 4 * DAY, 4 * DAY),
  },
  {
    name: 'answered exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-08 23:00'), first_response_at: '2026-03-08T23:59:59.999Z' }, // 3599.999 s, W10
      { id: 'b', created_at: utc('03-08 23:00'), first_response_at: '2026-03-09T00:00:00Z' }, // 3600 s, W11
    ],
    rows: [
      { period: '2026-W10', value: duration(1, 3599.999, 3599.999, 3599.999) },
      { period: '2026-W11', value: duration(1, HOUR, HOUR, HOUR) },
    ],
    totals: duration(2, 3600, 3600, 3600), // mean 3599.9995, p90 h = 0.9 → 3599.999 + 0.9·0.001 = 3599.9999: each 3600 to the millisecond
  },
  {
    name: 'two values: median halfway, p90 nine tenths of the way',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), first_response_at: '2026-03-02T09:05:00Z' }, // 300 s
      { id: 'b', created_at: utc('03-02 09:00'), first_response_at: '2026-03-02T09:01:40Z' }, // 100 s
    ],
    // mean 200; median h = 0.5 → 200; p90 h = 0.9 → 100 + 0.9·200 = 280
    rows: [{ period: '2026-W10', value: duration(2, 200, 200, 280) }],
    totals: duration(2, 200, 200, 280),
  },
  {
    name: 'four values 1, 2, 3, 4 s: median 2.5, p90 3.7',
    records: [
      { id: 'a', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:03Z' },
      { id: 'b', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:01Z' },
      { id: 'c', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:04Z' },
      { id: 'd', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:02Z' },
    ],
    rows: [{ period: '2026-W10', value: duration(4, 2.5, 2.5, 3.7) }],
    totals: duration(4, 2.5, 2.5, 3.7),
  },
  {
    name: 'an immediate response is a real 0 s; fractions of a second are kept',
    records: [
      { id: 'a', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:00Z' }, // 0 s
      { id: 'b', created_at: '2026-03-02T09:00:00.000Z', first_response_at: '2026-03-02T09:00:01.500Z' }, // 1.5 s
    ],
    // mean 0.75; median 0.75; p90 0 + 0.9·1.5 = 1.35
    rows: [{ period: '2026-W10', value: duration(2, 0.75, 0.75, 1.35) }],
    totals: duration(2, 0.75, 0.75, 1.35),
  },
  {
    name: 'created before --from, answered inside: counted; answered at --to: not counted',
    records: [
      { id: 'a', created_at: utc('03-05 00:00'), first_response_at: utc('03-09 06:00') }, // 4 d 6 h = 367200 s
      { id: 'b', created_at: utc('03-10 00:00'), first_response_at: utc('03-16 00:00') }, // at --to: outside
    ],
    options: { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' },
    rows: [{ period: '2026-W11', value: duration(1, 367200, 367200, 367200) }],
    totals: duration(1, 367200, 367200, 367200),
  },
  {
    name: 'the column exists but is blank: count 0, nulls (never 0)',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), first_response_at: '' }],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'the column in one file only: available; the other file’s tickets are unanswered',
    records: [
      [{ id: 'a', created_at: utc('03-02 09:00'), first_response_at: utc('03-02 09:30') }],
      [{ id: 'b', created_at: utc('03-02 09:00') }],
    ],
    rows: [{ period: '2026-W10', value: duration(1, 1800, 1800, 1800) }],
    totals: duration(1, 1800, 1800, 1800),
  },
  {
    name: 'across the spring-forward night (Europe/Berlin) a duration is elapsed time, not wall-clock',
    // 00:30 CET → 03:30 CEST on 2026-03-29 is 2 hours, although the clock moved 3.
    records: [{ id: 'a', created_at: '2026-03-29T00:30:00+01:00', first_response_at: '2026-03-29T03:30:00+02:00' }],
    options: { zone: 'Europe/Berlin', period: 'day' },
    rows: [{ period: '2026-03-29', value: duration(1, 2 * HOUR, 2 * HOUR, 2 * HOUR) }],
    totals: duration(1, 2 * HOUR, 2 * HOUR, 2 * HOUR),
  },
  {
    name: 'timestamps without an offset are read in the input zone (Europe/Berlin), across the DST gap',
    records: [{ id: 'a', created_at: '2026-03-29T00:30:00', first_response_at: '2026-03-29T03:30:00' }],
    options: { zone: 'Europe/Berlin', period: 'day' },
    rows: [{ period: '2026-03-29', value: duration(1, 2 * HOUR, 2 * HOUR, 2 * HOUR) }],
    totals: duration(1, 2 * HOUR, 2 * HOUR, 2 * HOUR),
  },
  {
    name: 'duplicate id: the later updated_at wins (read first)',
    records: [
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 10:10'), updated_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 11:00'), updated_at: utc('03-02 12:00') },
    ],
    rows: [{ period: '2026-W10', value: duration(1, 600, 600, 600) }],
    totals: duration(1, 600, 600, 600),
  },
  {
    name: 'duplicate id without updated_at: the record read last wins',
    records: [
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 10:10') },
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 11:00') },
    ],
    rows: [{ period: '2026-W10', value: duration(1, HOUR, HOUR, HOUR) }],
    totals: duration(1, HOUR, HOUR, HOUR),
  },
  {
    name: 'duplicate id: a record without updated_at loses to one with it',
    records: [
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 10:10'), updated_at: utc('03-02 10:10') },
      { id: 'a', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 11:00') },
    ],
    rows: [{ period: '2026-W10', value: duration(1, 600, 600, 600) }],
    totals: duration(1, 600, 600, 600),
  },
  {
    name: '--by agent: per agent, placed by first_response_at',
    records: [
      { id: '1', created_at: utc('03-06 10:00'), first_response_at: utc('03-10 10:00'), agent: 'ann' }, // 4 days, W11
      { id: '2', created_at: utc('03-10 10:00'), first_response_at: utc('03-10 10:02'), agent: 'bob' }, // 120 s, W11
      { id: '3', created_at: utc('03-10 10:00'), first_response_at: utc('03-10 10:06'), agent: 'bob' }, // 360 s, W11
      { id: '4', created_at: utc('03-03 10:00'), first_response_at: utc('03-03 10:01') }, // 60 s, W10, no agent
    ],
    options: { by: ['agent'] },
    // W10 has a row for ann (her ticket was created then) with no response in it.
    // bob W11: [120, 360]: mean 240, median 240, p90 120 + 0.9·240 = 336.
    // totals: [60, 120, 360, 345600]: mean 346140/4 = 86535; median h = 1.5 → 240; p90 h = 2.7 → 360 + 0.7·345240 = 242028
    rows: [
      { period: '2026-W10', agent: 'ann', value: NO_DATA },
      { period: '2026-W10', agent: null, value: duration(1, 60, 60, 60) },
      { period: '2026-W11', agent: 'ann', value: duration(1, 4 * DAY, 4 * DAY, 4 * DAY) },
      { period: '2026-W11', agent: 'bob', value: duration(2, 240, 240, 336) },
    ],
    totals: duration(4, 86535, 240, 242028),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
