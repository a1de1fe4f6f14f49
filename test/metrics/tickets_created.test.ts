import { describe, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * tickets_created: records with created_at in the period (spec, "Core metrics").
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'tickets_created';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const CASES: Case[] = [
  {
    name: 'worked example: counts by the week of created_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // W10
      { id: 'b', created_at: utc('03-04 12:00') }, // W10
      { id: 'c', created_at: utc('03-08 23:59') }, // W10 (Sunday night)
      { id: 'd', created_at: utc('03-10 08:00') }, // W11
      { id: 'e', created_at: utc('03-17 10:00') }, // W12
      { id: 'f', created_at: utc('03-22 23:00') }, // W12
    ],
    rows: [
      { period: '2026-W10', value: 3 },
      { period: '2026-W11', value: 1 },
      { period: '2026-W12', value: 2 },
    ],
    totals: 6,
  },
  {
    name: 'an event exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'last-of-w10', created_at: '2026-03-08T23:59:59.999Z' },
      { id: 'first-of-w11', created_at: '2026-03-09T00:00:00Z' },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'placed by created_at only, not by the later response or resolution',
    records: [{ id: 'a', created_at: utc('03-06 10:00'), first_response_at: utc('03-10 10:00'), solved_at: utc('03-17 10:00') }],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 0 },
      { period: '2026-W12', value: 0 },
    ],
    totals: 1,
  },
  {
    name: 'needs only id and created_at: never null, no note',
    records: [{ id: 'a', created_at: utc('03-02 09:00') }],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: 'week boundaries follow the report zone (Europe/Berlin, CET = UTC+1)',
    records: [
      { id: 'sunday-night', created_at: '2026-03-08T22:59:59Z' }, // Sun 23:59:59 CET → W10
      { id: 'monday-early', created_at: '2026-03-08T23:30:00Z' }, // Mon 00:30 CET → W11
    ],
    options: { zone: 'Europe/Berlin' },
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'created before --from or at/after --to is not counted',
    records: [
      { id: 'before', created_at: utc('03-01 23:59') },
      { id: 'at-from', created_at: utc('03-02 00:00') },
      { id: 'inside', created_at: utc('03-05 12:00') },
      { id: 'at-to', created_at: utc('03-09 00:00') },
    ],
    options: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' },
    rows: [{ period: '2026-W10', value: 2 }],
    totals: 2,
  },
  {
    name: 'a rejected record is not counted (solved_at before created_at)',
    records: [
      { id: 'ok', created_at: utc('03-02 09:00') },
      { id: 'bad', created_at: utc('03-03 09:00'), solved_at: utc('03-02 09:00') },
    ],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: 'timestamps without an offset are read in the input zone (America/New_York, EDT since 03-08)',
    records: [
      { id: 'a', created_at: '2026-03-08T19:59:00' }, // 19:59 EDT = 23:59Z: W10 in the UTC report
      { id: 'b', created_at: '2026-03-08T20:30:00' }, // 20:30 EDT = 00:30Z on 03-09: W11
    ],
    options: { zone: 'UTC', inputZone: 'America/New_York' },
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  // Duplicates: one ticket per id. 'x' (W10) keeps W10 non-empty so a wrong winner shows as W10 = 2.
  {
    name: 'duplicate id: the later updated_at wins, even when read first',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-11 09:00'), updated_at: utc('03-12 00:00') },
      { id: 'a', created_at: utc('03-04 09:00'), updated_at: utc('03-11 00:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'duplicate id without updated_at: the record read last wins',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-11 09:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'duplicate id without updated_at, the other way round: the W10 record is read last and wins',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-11 09:00') },
      { id: 'a', created_at: utc('03-04 09:00') },
    ],
    // The loser's W11 event is gone, so the range ends with W10.
    rows: [{ period: '2026-W10', value: 2 }],
    totals: 2,
  },
  {
    name: 'a record without updated_at loses to one with it, even when read last',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-11 09:00'), updated_at: utc('03-11 10:00') },
      { id: 'a', created_at: utc('03-04 09:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'a record with updated_at beats an earlier-read one without it',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-11 09:00'), updated_at: utc('03-11 10:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'duplicate id across files: the record read last (second file) wins',
    records: [
      [
        { id: 'x', created_at: utc('03-03 09:00') },
        { id: 'a', created_at: utc('03-04 09:00') },
      ],
      [{ id: 'a', created_at: utc('03-11 09:00') }],
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    // Spec: "the latest updated_at wins, else the one read last"; with equal updated_at there is no latest.
    name: 'duplicate id with equal updated_at: the record read last wins',
    records: [
      { id: 'x', created_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-04 09:00'), updated_at: utc('03-12 00:00') },
      { id: 'a', created_at: utc('03-11 09:00'), updated_at: utc('03-12 00:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 2,
  },
  {
    name: 'a rejected record never takes part in de-duplication, even with a later updated_at',
    records: [
      { id: 'a', created_at: utc('03-04 09:00'), updated_at: utc('03-04 09:00') },
      // created_at in W11 but solved before it: rejected, so it cannot replace the valid record.
      { id: 'a', created_at: utc('03-11 09:00'), solved_at: utc('03-10 09:00'), updated_at: utc('03-12 09:00') },
    ],
    rows: [{ period: '2026-W10', value: 1 }],
    totals: 1,
  },
  {
    name: '--by agent: one row per agent seen in the week, blank agent is null and sorts last',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), agent: 'bob' },
      { id: '2', created_at: utc('03-03 09:00'), agent: 'ann' },
      { id: '3', created_at: utc('03-04 09:00'), agent: '' },
      { id: '4', created_at: utc('03-05 09:00'), agent: 'ann' },
      { id: '5', created_at: utc('03-06 09:00') }, // no agent key at all: blank too
      { id: '6', created_at: utc('03-10 09:00'), agent: 'bob' },
    ],
    options: { by: ['agent'] },
    // No W11 row for ann or (none): they have no event in W11.
    rows: [
      { period: '2026-W10', agent: 'ann', value: 2 },
      { period: '2026-W10', agent: 'bob', value: 1 },
      { period: '2026-W10', agent: null, value: 2 },
      { period: '2026-W11', agent: 'bob', value: 1 },
    ],
    totals: 6,
  },
  {
    name: '--by team,agent: sorted by team, then agent',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), team: 'tier2', agent: 'ann' },
      { id: '2', created_at: utc('03-02 10:00'), team: 'tier1', agent: 'cid' },
      { id: '3', created_at: utc('03-02 11:00'), team: 'tier1', agent: 'bob' },
      { id: '4', created_at: utc('03-02 12:00'), team: 'tier1', agent: 'bob' },
      { id: '5', created_at: utc('03-02 13:00'), agent: 'ann' },
    ],
    options: { by: ['team', 'agent'] },
    rows: [
      { period: '2026-W10', team: 'tier1', agent: 'bob', value: 2 },
      { period: '2026-W10', team: 'tier1', agent: 'cid', value: 1 },
      { period: '2026-W10', team: 'tier2', agent: 'ann', value: 1 },
      { period: '2026-W10', team: null, agent: 'ann', value: 1 },
    ],
    totals: 5,
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
