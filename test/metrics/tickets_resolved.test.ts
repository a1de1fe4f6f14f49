import { describe, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * tickets_resolved: records with resolved_at in the period, where resolved_at = solved_at, or
 * closed_at when solved_at is blank (spec, "Core metrics" and "Input").
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'tickets_resolved';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const CASES: Case[] = [
  {
    name: 'worked example: counts by the week of resolved_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00') }, // W10
      { id: 'b', created_at: utc('03-03 09:00'), solved_at: utc('03-10 09:00') }, // W11 (created W10)
      { id: 'c', created_at: utc('03-04 09:00'), closed_at: utc('03-11 09:00') }, // solved blank → closed: W11
      { id: 'd', created_at: utc('03-05 09:00'), solved_at: utc('03-06 09:00'), closed_at: utc('03-16 09:00') }, // solved wins: W10
      { id: 'e', created_at: utc('03-05 10:00') }, // never resolved
      { id: 'f', created_at: utc('03-10 09:00'), solved_at: utc('03-17 09:00') }, // W12
    ],
    rows: [
      { period: '2026-W10', value: 2 },
      { period: '2026-W11', value: 2 },
      { period: '2026-W12', value: 1 },
    ],
    totals: 5,
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z' },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z' },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'resolved_at falls back to closed_at when solved_at is blank (empty string)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '', closed_at: utc('03-10 09:00') }, // W11
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), closed_at: utc('03-12 09:00') }, // W10
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'a closed_at column alone makes the metric available',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), closed_at: utc('03-03 09:00') },
      { id: 'b', created_at: utc('03-02 09:00') },
    ],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: 'solved_at in one file and closed_at in another: available',
    records: [
      [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00') }],
      [{ id: 'b', created_at: utc('03-02 09:00'), closed_at: utc('03-04 09:00') }],
    ],
    rows: [{ period: '2026-W10', value: 2 }],
    totals: 2,
  },
  {
    name: 'the columns exist but are blank: 0, no note',
    records: [{ id: 'a', created_at: utc('03-02 09:00') }],
    options: { presentFields: ['solved_at', 'closed_at'] },
    rows: [{ period: '2026-W10', value: 0 }],
    totals: 0,
  },
  {
    name: 'created before --from and resolved inside counts; resolved at --to does not',
    records: [
      { id: 'old', created_at: utc('02-20 09:00'), solved_at: utc('03-03 09:00') },
      { id: 'at-to', created_at: utc('03-02 09:00'), solved_at: utc('03-09 00:00') },
    ],
    options: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' },
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: 'week boundaries follow the report zone (Europe/Berlin)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T22:59:00Z' }, // Sun 23:59 CET → W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:30:00Z' }, // Mon 00:30 CET → W11
    ],
    options: { zone: 'Europe/Berlin' },
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'duplicate id: the later updated_at wins (read first); its resolution counts',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), updated_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 09:00'), updated_at: utc('03-02 12:00') },
    ],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: 'duplicate id: the later updated_at wins (read last); resolved in W11',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), updated_at: utc('03-02 12:00') },
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-10 09:00'), updated_at: utc('03-10 09:00') },
    ],
    rows: [
      { period: '2026-W10', value: 0 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'duplicate id without updated_at: the unresolved record read last wins',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 09:00') },
    ],
    rows: [{ period: '2026-W10', value: 0 }],
    totals: 0,
  },
  {
    name: 'duplicate id: a record without updated_at loses to one with it',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), updated_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 09:00') },
    ],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: '--by team: rows where the team has any event, resolved counted by resolved_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-10 09:00'), team: 'alpha' }, // row W10 (created), resolved W11
      { id: '2', created_at: utc('03-10 09:00'), team: 'beta' }, // row W11, never resolved
      { id: '3', created_at: utc('03-03 09:00'), solved_at: utc('03-04 09:00') }, // team blank: W10
    ],
    options: { by: ['team'] },
    rows: [
      { period: '2026-W10', team: 'alpha', value: 0 },
      { period: '2026-W10', team: null, value: 1 },
      { period: '2026-W11', team: 'alpha', value: 1 },
      { period: '2026-W11', team: 'beta', value: 0 },
    ],
    totals: 2,
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
