import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * escalation_rate: of the tickets created in the period whose `escalated` is known, the share
 * escalated (issue 3, "Metrics"). `escalated`: true/false/yes/no/1/0, any case, typed or as a
 * string in JSON (issue 2, "Input"). Placed by created_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'escalation_rate';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'known values only, per week of created_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), escalated: true }, // W10 ✓
      { id: 'b', created_at: utc('03-02 09:00'), escalated: 'yes' }, // W10 ✓
      { id: 'c', created_at: utc('03-03 09:00'), escalated: false }, // W10 ✗
      { id: 'd', created_at: utc('03-03 09:00'), escalated: '0' }, // W10 ✗
      { id: 'e', created_at: utc('03-04 09:00'), escalated: '' }, // unknown: left out
      { id: 'f', created_at: utc('03-04 09:00') }, // unknown: left out
      { id: 'g', created_at: utc('03-10 09:00'), escalated: 1 }, // W11 ✓
      { id: 'h', created_at: utc('03-10 09:00'), escalated: 'No' }, // W11 ✗
      { id: 'i', created_at: utc('03-11 09:00'), escalated: 'FALSE' }, // W11 ✗
    ],
    // W10: a, b of a–d = 2/4; W11: g of g, h, i = 1/3; totals 3/7
    rows: [
      { period: '2026-W10', value: rate(2, 4, 0.5) },
      { period: '2026-W11', value: rate(1, 3, 1 / 3) },
    ],
    totals: rate(3, 7, 3 / 7),
  },
  {
    name: 'created in week 1, resolved in week 2: counts in week 1 (placed by created_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), escalated: true }],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: NO_DATA },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'created exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: '2026-03-08T23:59:59.999Z', escalated: 'true' }, // W10
      { id: 'b', created_at: '2026-03-09T00:00:00Z', escalated: 'no' }, // W11
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'tickets created but escalated never known: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), escalated: '' },
      { id: 'b', created_at: utc('03-02 09:00'), escalated: null },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'a record with an unreadable escalated is rejected whole',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), escalated: 'no' },
      { id: 'b', created_at: utc('03-02 09:00'), escalated: 'maybe' },
      { id: 'c', created_at: utc('03-02 09:00'), escalated: 2 },
    ],
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: '--by team: per team, placed by created_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), team: 'billing', escalated: true },
      { id: '2', created_at: utc('03-02 09:00'), team: 'billing', escalated: false },
      { id: '3', created_at: utc('03-02 09:00'), team: 'billing', escalated: false },
      { id: '4', created_at: utc('03-02 09:00'), team: 'tech', escalated: 'YES' },
      { id: '5', created_at: utc('03-10 09:00'), team: 'tech' }, // unknown
    ],
    options: { by: ['team'] },
    rows: [
      { period: '2026-W10', team: 'billing', value: rate(1, 3, 1 / 3) },
      { period: '2026-W10', team: 'tech', value: rate(1, 1, 1) },
      { period: '2026-W11', team: 'tech', value: NO_DATA },
    ],
    totals: rate(2, 4, 0.5),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

/** Every accepted spelling (issue 2: true/false/yes/no/1/0, any case; typed or as strings in JSON). */
const VALUES: { escalated: unknown; yes: boolean }[] = [
  { escalated: true, yes: true },
  { escalated: 'true', yes: true },
  { escalated: 'True', yes: true },
  { escalated: 'yes', yes: true },
  { escalated: 'YES', yes: true },
  { escalated: 1, yes: true },
  { escalated: '1', yes: true },
  { escalated: false, yes: false },
  { escalated: 'false', yes: false },
  { escalated: 'no', yes: false },
  { escalated: 'No', yes: false },
  { escalated: 0, yes: false },
  { escalated: '0', yes: false },
];

describe(`${METRIC}: values`, () => {
  it.each(VALUES)('$escalated → escalated: $yes', ({ escalated, yes }) => {
    const report = reportOf([{ id: 'a', created_at: utc('03-02 09:00'), escalated }]);
    expect(report.totals.metrics[METRIC]).toEqual(yes ? rate(1, 1, 1) : rate(0, 1, 0));
  });
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 1 of 3 (A escalated; B, C not; D unknown)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(1, 3, 1 / 3);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
