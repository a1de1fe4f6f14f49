import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * nps: responses with `nps` placed like satisfaction (resolved_at, else created_at); promoters
 * 9–10, passives 7–8, detractors 0–6; value = 100 × (promoters − detractors) / responses
 * (issue 3, "Metrics"). `nps` is an integer 0–10, typed or as a string in JSON (issue 2, "Input").
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'nps';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const score = (responses: number, promoters: number, passives: number, detractors: number, value: number | null) => ({
  responses,
  promoters,
  passives,
  detractors,
  value: value === null ? null : expect.closeTo(value, 9),
});
const NO_DATA = { responses: 0, promoters: 0, passives: 0, detractors: 0, value: null };

const CASES: Case[] = [
  {
    name: 'bands and value per week, placed by resolved_at, else created_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), nps: 10 }, // W10 promoter
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), nps: '9' }, // W10 promoter
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), nps: 8 }, // W10 passive
      { id: 'd', created_at: utc('03-04 09:00'), nps: '6' }, // never resolved: W10 detractor
      { id: 'e', created_at: utc('03-04 09:00'), solved_at: utc('03-05 09:00') }, // no response
      { id: 'f', created_at: utc('03-05 09:00'), solved_at: utc('03-10 09:00'), nps: 0 }, // W11 detractor
      { id: 'g', created_at: utc('03-10 09:00'), closed_at: utc('03-11 09:00'), nps: 7 }, // W11 passive (closed_at)
    ],
    // W10: 2 promoters, 1 passive, 1 detractor of 4: 100 × (2 − 1) / 4 = 25
    // W11: 0 promoters, 1 passive, 1 detractor of 2: 100 × (0 − 1) / 2 = −50
    // totals: 2, 2, 2 of 6: 100 × 0 / 6 = 0 (a real 0: there are responses)
    rows: [
      { period: '2026-W10', value: score(4, 2, 1, 1, 25) },
      { period: '2026-W11', value: score(2, 0, 1, 1, -50) },
    ],
    totals: score(6, 2, 2, 2, 0),
  },
  {
    name: 'all promoters: +100',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: 9 },
      { id: 'b', created_at: utc('03-02 09:00'), nps: 10 },
    ],
    rows: [{ period: '2026-W10', value: score(2, 2, 0, 0, 100) }],
    totals: score(2, 2, 0, 0, 100),
  },
  {
    name: 'all detractors: −100',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: 0 },
      { id: 'b', created_at: utc('03-02 09:00'), nps: '6' },
      { id: 'c', created_at: utc('03-02 09:00'), nps: 3 },
    ],
    rows: [{ period: '2026-W10', value: score(3, 0, 0, 3, -100) }],
    totals: score(3, 0, 0, 3, -100),
  },
  {
    name: 'all passives: 0 (a real 0, with responses)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: 7 },
      { id: 'b', created_at: utc('03-02 09:00'), nps: '8' },
    ],
    rows: [{ period: '2026-W10', value: score(2, 0, 2, 0, 0) }],
    totals: score(2, 0, 2, 0, 0),
  },
  {
    name: 'a value that is not a whole number: 100 × (3 − 2) / 6 = 16.67',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: 9 },
      { id: 'b', created_at: utc('03-02 09:00'), nps: 10 },
      { id: 'c', created_at: utc('03-02 09:00'), nps: 10 },
      { id: 'd', created_at: utc('03-02 09:00'), nps: 8 },
      { id: 'e', created_at: utc('03-02 09:00'), nps: 1 },
      { id: 'f', created_at: utc('03-02 09:00'), nps: 5 },
    ],
    rows: [{ period: '2026-W10', value: score(6, 3, 1, 2, 100 / 6) }],
    totals: score(6, 3, 1, 2, 100 / 6),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), nps: 10 }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: score(1, 1, 0, 0, 100) },
    ],
    totals: score(1, 1, 0, 0, 100),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', nps: 2 }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', nps: 9 }, // W11
    ],
    rows: [
      { period: '2026-W10', value: score(1, 0, 0, 1, -100) },
      { period: '2026-W11', value: score(1, 1, 0, 0, 100) },
    ],
    totals: score(2, 1, 0, 1, 0),
  },
  {
    name: 'never resolved, created exactly at a period start: placed in that period',
    records: [
      { id: 'a', created_at: '2026-03-08T23:59:59.999Z', nps: 9 }, // W10
      { id: 'b', created_at: '2026-03-09T00:00:00Z', nps: 6 }, // W11
    ],
    rows: [
      { period: '2026-W10', value: score(1, 1, 0, 0, 100) },
      { period: '2026-W11', value: score(1, 0, 0, 1, -100) },
    ],
    totals: score(2, 1, 0, 1, 0),
  },
  {
    name: 'the column exists but is blank: no responses, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: '' },
      { id: 'b', created_at: utc('03-02 09:00'), nps: null },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    // As for csat: "placed like satisfaction" needs no resolution column (never resolved → created_at).
    name: 'no solved_at or closed_at column: still available, placed by created_at',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), nps: 9 },
      { id: 'b', created_at: utc('03-10 09:00'), nps: 3 },
    ],
    rows: [
      { period: '2026-W10', value: score(1, 1, 0, 0, 100) },
      { period: '2026-W11', value: score(1, 0, 0, 1, -100) },
    ],
    totals: score(2, 1, 0, 1, 0),
  },
  {
    name: 'a record with an unreadable score is rejected whole (11, −1, 7.5, "ten")',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), nps: 8 },
      { id: 'b', created_at: utc('03-02 09:00'), nps: 11 },
      { id: 'c', created_at: utc('03-02 09:00'), nps: -1 },
      { id: 'd', created_at: utc('03-02 09:00'), nps: 7.5 },
      { id: 'e', created_at: utc('03-02 09:00'), nps: 'ten' },
    ],
    rows: [{ period: '2026-W10', value: score(1, 0, 1, 0, 0) }],
    totals: score(1, 0, 1, 0, 0),
  },
  {
    name: '--by channel: per channel',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), channel: 'chat', nps: 10 },
      { id: '2', created_at: utc('03-02 09:00'), channel: 'chat', nps: 4 },
      { id: '3', created_at: utc('03-02 09:00'), channel: 'email', nps: 9 },
      { id: '4', created_at: utc('03-02 09:00'), channel: 'email', nps: 9 },
      { id: '5', created_at: utc('03-02 09:00'), channel: 'email', nps: 7 },
    ],
    options: { by: ['channel'] },
    // chat: 100 × (1 − 1) / 2 = 0; email: 100 × (2 − 0) / 3 = 66.67; totals: 100 × (3 − 1) / 5 = 40
    rows: [
      { period: '2026-W10', channel: 'chat', value: score(2, 1, 0, 1, 0) },
      { period: '2026-W10', channel: 'email', value: score(3, 2, 1, 0, 200 / 3) },
    ],
    totals: score(5, 3, 1, 1, 40),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

/** Each band at its edges, typed and as strings. */
const BANDS: { nps: unknown; band: 'promoter' | 'passive' | 'detractor' }[] = [
  { nps: 0, band: 'detractor' },
  { nps: '0', band: 'detractor' },
  { nps: 6, band: 'detractor' },
  { nps: '6', band: 'detractor' },
  { nps: 7, band: 'passive' },
  { nps: '7', band: 'passive' },
  { nps: 8, band: 'passive' },
  { nps: '8', band: 'passive' },
  { nps: 9, band: 'promoter' },
  { nps: '9', band: 'promoter' },
  { nps: ' 9 ', band: 'promoter' },
  { nps: 10, band: 'promoter' },
  { nps: '10', band: 'promoter' },
];

describe(`${METRIC}: bands`, () => {
  it.each(BANDS)('$nps → $band', ({ nps, band }) => {
    const report = reportOf([{ id: 'a', created_at: utc('03-02 09:00'), nps }]);
    expect(report.input.rejected).toBe(0);
    const expected = {
      promoter: score(1, 1, 0, 0, 100),
      passive: score(1, 0, 1, 0, 0),
      detractor: score(1, 0, 0, 1, -100),
    }[band];
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 25 (A, B promoters; C passive; D detractor; E next week)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = { responses: 4, promoters: 2, passives: 1, detractors: 1, value: 25 }; // 100 × (2 − 1) / 4
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
