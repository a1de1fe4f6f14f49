import { describe, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * resolution_rate: of the tickets created in the period, the share resolved at any time in the
 * data (spec, "Core metrics"): {numerator: resolved, denominator: created, value}. resolved_at is
 * solved_at, or closed_at when solved_at is blank.
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'resolution_rate';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });

const CASES: Case[] = [
  {
    name: 'worked example: placed by created_at, resolved whenever',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00') }, // W10, resolved in W10
      { id: 'b', created_at: utc('03-03 09:00'), solved_at: utc('03-12 09:00') }, // W10, resolved in W11
      { id: 'c', created_at: utc('03-04 09:00'), closed_at: utc('03-20 09:00') }, // W10, closed in W12
      { id: 'd', created_at: utc('03-05 09:00') }, // W10, open
      { id: 'e', created_at: utc('03-10 09:00') }, // W11, open
      { id: 'f', created_at: utc('03-10 10:00'), solved_at: utc('03-11 09:00') }, // W11, resolved
      { id: 'g', created_at: utc('03-17 09:00'), solved_at: utc('03-18 09:00') }, // W12, resolved
    ],
    rows: [
      { period: '2026-W10', value: rate(3, 4, 0.75) },
      { period: '2026-W11', value: rate(1, 2, 0.5) },
      { period: '2026-W12', value: rate(1, 1, 1) },
    ],
    totals: rate(5, 7, 5 / 7),
  },
  {
    name: 'resolved after the end of the range still counts as resolved',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-20 09:00') },
      { id: 'b', created_at: utc('03-03 09:00') },
    ],
    options: { to: '2026-03-09T00:00:00Z' },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'created exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: '2026-03-08T23:59:59.999Z' },
      { id: 'b', created_at: '2026-03-09T00:00:00Z', solved_at: utc('03-09 01:00') },
    ],
    rows: [
      { period: '2026-W10', value: rate(0, 1, 0) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'created before --from is not in any denominator, even when resolved inside the range',
    records: [
      { id: 'old', created_at: utc('02-27 09:00'), solved_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-03 09:00') },
    ],
    options: { from: '2026-03-02T00:00:00Z' },
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: 'closed_at counts as resolved when solved_at is blank',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '', closed_at: utc('03-04 09:00') },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '', closed_at: '' },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'the column exists but is blank: 0 of n, value 0',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') },
      { id: 'b', created_at: utc('03-03 09:00') },
    ],
    options: { presentFields: ['solved_at'] },
    rows: [{ period: '2026-W10', value: rate(0, 2, 0) }],
    totals: rate(0, 2, 0),
  },
  {
    name: 'week boundaries follow the report zone (Europe/Berlin)',
    records: [
      { id: 'a', created_at: '2026-03-08T22:59:59Z', solved_at: utc('03-10 09:00') }, // Sun 23:59:59 CET: W10
      { id: 'b', created_at: '2026-03-08T23:30:00Z' }, // Mon 00:30 CET: W11
    ],
    options: { zone: 'Europe/Berlin' },
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'duplicate id: the later updated_at wins (read first)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), updated_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-02 09:00'), updated_at: utc('03-03 09:00') },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: 'duplicate id without updated_at: the record read last wins',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-02 09:00') },
      { id: 'b', created_at: utc('03-02 10:00'), solved_at: utc('03-05 09:00') },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'duplicate id across files: a record without updated_at loses to one with it',
    records: [
      [{ id: 'a', created_at: utc('03-02 09:00'), updated_at: utc('03-02 10:00') }],
      [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00') }],
    ],
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: '--by channel: share per channel, blank channel null and last',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), channel: 'email', solved_at: utc('03-03 09:00') },
      { id: '2', created_at: utc('03-02 10:00'), channel: 'email' },
      { id: '3', created_at: utc('03-02 11:00'), channel: 'chat', solved_at: utc('03-12 09:00') }, // resolved in W11
      { id: '4', created_at: utc('03-02 12:00'), solved_at: utc('03-02 13:00') },
    ],
    options: { by: ['channel'] },
    // W11 has a row for chat (its resolution is an event there) but nothing was created in it: 0 of 0.
    rows: [
      { period: '2026-W10', channel: 'chat', value: rate(1, 1, 1) },
      { period: '2026-W10', channel: 'email', value: rate(1, 2, 0.5) },
      { period: '2026-W10', channel: null, value: rate(1, 1, 1) },
      { period: '2026-W11', channel: 'chat', value: rate(0, 0, null) },
    ],
    totals: rate(3, 4, 0.75),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
