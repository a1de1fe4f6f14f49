import { describe, expect, it } from 'vitest';
import type { ReportTestOptions } from '../helpers/build.js';
import { checkMetricCase, metricRows, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * csat: over records with a satisfaction response whose resolved_at (else created_at) is in the
 * period: satisfied / responses (spec, "Core metrics"). Satisfied: `good` (any case), 4 or 5;
 * unsatisfied: `bad`, 1, 2, 3; blank: no response (spec, "Input").
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'csat';

type Case = MetricCase;
const rowsOf = (records: Case['records'], options?: ReportTestOptions) => metricRows(METRIC, records, options);
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });

const CASES: Case[] = [
  {
    name: 'worked example: placed by resolved_at, else created_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), satisfaction: 'good' }, // W10 ✓
      { id: 'b', created_at: utc('03-02 10:00'), solved_at: utc('03-04 09:00'), satisfaction: 'BAD' }, // W10 ✗
      { id: 'c', created_at: utc('03-03 09:00'), solved_at: utc('03-05 09:00'), satisfaction: 5 }, // W10 ✓
      { id: 'd', created_at: utc('03-03 10:00'), solved_at: utc('03-05 10:00'), satisfaction: '4' }, // W10 ✓
      { id: 'e', created_at: utc('03-04 09:00'), solved_at: utc('03-06 09:00'), satisfaction: 3 }, // W10 ✗
      { id: 'f', created_at: utc('03-06 09:00'), satisfaction: '1' }, // never resolved: created W10 ✗
      { id: 'g', created_at: utc('03-04 10:00'), solved_at: utc('03-06 10:00') }, // no response
      { id: 'h', created_at: utc('03-06 10:00'), solved_at: utc('03-10 09:00'), satisfaction: 'Good' }, // W11 ✓
      { id: 'i', created_at: utc('03-10 10:00'), closed_at: utc('03-11 09:00'), satisfaction: '2' }, // closed: W11 ✗
      { id: 'j', created_at: utc('03-17 09:00') }, // W12: no response
    ],
    rows: [
      { period: '2026-W10', value: rate(3, 6, 0.5) },
      { period: '2026-W11', value: rate(1, 2, 0.5) },
      { period: '2026-W12', value: rate(0, 0, null) },
    ],
    totals: rate(4, 8, 0.5),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), satisfaction: 'good' }],
    rows: [
      { period: '2026-W10', value: rate(0, 0, null) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'never resolved: placed by created_at',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), satisfaction: 'bad' },
      { id: 'b', created_at: utc('03-10 09:00'), satisfaction: 'good' },
    ],
    rows: [
      { period: '2026-W10', value: rate(0, 1, 0) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'placed by closed_at when solved_at is blank, by solved_at when both are set',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), solved_at: '', closed_at: utc('03-10 09:00'), satisfaction: 'good' }, // W11
      { id: 'b', created_at: utc('03-06 09:00'), solved_at: utc('03-07 09:00'), closed_at: utc('03-10 09:00'), satisfaction: 'bad' }, // W10
    ],
    rows: [
      { period: '2026-W10', value: rate(0, 1, 0) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', satisfaction: 'bad' },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', satisfaction: 'good' },
    ],
    rows: [
      { period: '2026-W10', value: rate(0, 1, 0) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'created in the range but resolved after --to: counted nowhere',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-10 09:00'), satisfaction: 'good' },
      { id: 'b', created_at: utc('03-03 09:00'), satisfaction: 'bad' }, // never resolved: created W10
    ],
    options: { to: '2026-03-09T00:00:00Z' },
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: 'resolved inside the range but created before --from: counted',
    records: [{ id: 'a', created_at: utc('02-25 09:00'), solved_at: utc('03-03 09:00'), satisfaction: 5 }],
    options: { from: '2026-03-02T00:00:00Z' },
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    // Spec silent on this combination; read literally, "resolved_at (else created_at)" places every
    // ticket by created_at when no file has a resolution column, and csat stays available.
    name: 'no solved_at or closed_at column: csat is still available, placed by created_at',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), satisfaction: 'good' },
      { id: 'b', created_at: utc('03-10 09:00'), satisfaction: 'bad' },
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'the column exists but is blank: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: '' },
      { id: 'b', created_at: utc('03-02 09:00'), satisfaction: null },
    ],
    rows: [{ period: '2026-W10', value: rate(0, 0, null) }],
    totals: rate(0, 0, null),
  },
  {
    name: 'day boundaries follow the report zone (Europe/Berlin, DST night)',
    records: [
      { id: 'a', created_at: '2026-03-28T22:59:00Z', satisfaction: 'bad' }, // Sat 23:59 CET: day 03-28
      { id: 'b', created_at: '2026-03-28T23:30:00Z', satisfaction: 'good' }, // Sun 00:30 CET: day 03-29
      { id: 'c', created_at: '2026-03-29T01:30:00Z', satisfaction: 'good' }, // Sun 03:30 CEST: day 03-29
    ],
    options: { zone: 'Europe/Berlin', period: 'day' },
    rows: [
      { period: '2026-03-28', value: rate(0, 1, 0) },
      { period: '2026-03-29', value: rate(2, 2, 1) },
    ],
    totals: rate(2, 3, 2 / 3),
  },
  {
    name: 'duplicate id: the later updated_at wins (read first)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'bad', updated_at: utc('03-05 09:00') },
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'good', updated_at: utc('03-04 09:00') },
    ],
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: 'duplicate id without updated_at: the record read last wins, even without a response',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'good' },
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: '' },
      { id: 'b', created_at: utc('03-02 09:00'), satisfaction: 'bad' },
    ],
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: 'duplicate id: a record without updated_at loses to one with it',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'good', updated_at: utc('03-02 10:00') },
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'bad' },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: '--by agent: per agent, placed by resolved_at else created_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-10 09:00'), agent: 'ann', satisfaction: 'good' }, // W11
      { id: '2', created_at: utc('03-03 09:00'), agent: 'ann', satisfaction: 'bad' }, // W10
      { id: '3', created_at: utc('03-03 09:00'), agent: 'bob', satisfaction: 4 }, // W10
      { id: '4', created_at: utc('03-03 09:00'), satisfaction: 2 }, // W10, no agent
    ],
    options: { by: ['agent'] },
    rows: [
      { period: '2026-W10', agent: 'ann', value: rate(0, 1, 0) },
      { period: '2026-W10', agent: 'bob', value: rate(1, 1, 1) },
      { period: '2026-W10', agent: null, value: rate(0, 1, 0) },
      { period: '2026-W11', agent: 'ann', value: rate(1, 1, 1) },
    ],
    totals: rate(2, 4, 0.5),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

/** Which responses count as satisfied: `good` (any case), 4 and 5; `bad`, 1, 2 and 3 do not. */
const RATINGS: { rating: unknown; satisfied: boolean }[] = [
  { rating: 'good', satisfied: true },
  { rating: 'GOOD', satisfied: true },
  { rating: ' Good ', satisfied: true },
  { rating: 'bad', satisfied: false },
  { rating: 'Bad', satisfied: false },
  { rating: 1, satisfied: false },
  { rating: '2', satisfied: false },
  { rating: 3, satisfied: false },
  { rating: '3', satisfied: false },
  { rating: 4, satisfied: true },
  { rating: '4', satisfied: true },
  { rating: 5, satisfied: true },
  { rating: '5', satisfied: true },
];

describe(`${METRIC}: ratings`, () => {
  it('an unreadable rating is set aside: the ticket counts, with no survey response', () => {
    const { report } = rowsOf([
      { id: 'a', created_at: utc('03-02 09:00'), satisfaction: 'good' },
      { id: 'b', created_at: utc('03-02 09:00'), satisfaction: 'meh' },
      { id: 'c', created_at: utc('03-02 09:00'), satisfaction: 6 },
      { id: 'd', created_at: utc('03-02 09:00'), satisfaction: '0' },
    ]);
    expect(report.input.rejected).toBe(0);
    expect(report.input.setAside).toBe(3);
    expect(report.totals.metrics.tickets_created).toBe(4);
    expect(report.totals.metrics[METRIC]).toEqual(rate(1, 1, 1));
  });

  it.each(RATINGS)('$rating → satisfied: $satisfied', ({ rating, satisfied }) => {
    const { report } = rowsOf([{ id: 'a', created_at: utc('03-02 09:00'), satisfaction: rating }]);
    expect(report.totals.metrics[METRIC]).toEqual(satisfied ? rate(1, 1, 1) : rate(0, 1, 0));
  });
});
