import { describe, it } from 'vitest';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';

/**
 * backlog: records with created_at < end and (resolved_at blank or >= end): open at the end of the
 * period, whenever created (spec, "Core metrics"). Totals: open at the end of the range.
 *
 * Weeks used below (UTC unless a case says otherwise), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23), W13 = [03-23, 03-30).
 */
const METRIC = 'backlog';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const CASES: Case[] = [
  {
    name: 'worked example: open at the end of each week',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // never resolved: open at every end
      { id: 'b', created_at: utc('03-03 09:00'), solved_at: utc('03-05 09:00') }, // resolved within W10: never open at an end
      { id: 'c', created_at: utc('03-04 09:00'), solved_at: utc('03-10 09:00') }, // open at end of W10 only
      { id: 'd', created_at: utc('03-10 09:00'), closed_at: utc('03-20 09:00') }, // closed_at: open at end of W11 only
      { id: 'e', created_at: utc('03-12 09:00') }, // open from the end of W11 on
      { id: 'f', created_at: utc('03-17 09:00'), solved_at: utc('03-25 09:00') }, // open at end of W12; the range runs to W13
    ],
    // W10 end (03-09): a, c → 2; W11 end (03-16): a, d, e → 3; W12 end (03-23): a, e, f → 3; W13 end (03-30): a, e → 2
    rows: [
      { period: '2026-W10', value: 2 },
      { period: '2026-W11', value: 3 },
      { period: '2026-W12', value: 3 },
      { period: '2026-W13', value: 2 },
    ],
    totals: 2,
  },
  {
    name: 'tickets created before --from still count',
    records: [
      { id: 'old-open', created_at: utc('02-20 09:00') },
      { id: 'old-resolved', created_at: utc('02-25 09:00'), solved_at: utc('03-04 09:00') },
      { id: 'new', created_at: utc('03-03 09:00'), solved_at: utc('03-11 09:00') },
    ],
    options: { from: '2026-03-02T00:00:00Z' },
    // W10 end: old-open, new → 2; W11 end: old-open → 1
    rows: [
      { period: '2026-W10', value: 2 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'resolved exactly at the period end is still open at that end',
    records: [
      { id: 'at-end', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z' },
      { id: 'just-before', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z' },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 0 },
    ],
    totals: 0,
  },
  {
    name: 'created exactly at the period end is not open at that end',
    records: [
      { id: 'x', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00') },
      { id: 'at-end', created_at: '2026-03-09T00:00:00Z' },
    ],
    rows: [
      { period: '2026-W10', value: 0 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'a quiet week still has its backlog',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') },
      { id: 'b', created_at: utc('03-17 09:00'), solved_at: utc('03-18 09:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
      { period: '2026-W12', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'totals: open at the end of the range, including tickets resolved after --to',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-20 09:00') },
      { id: 'b', created_at: utc('03-03 09:00'), solved_at: utc('03-12 09:00') },
    ],
    options: { to: '2026-03-16T00:00:00Z' },
    rows: [
      { period: '2026-W10', value: 2 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'totals: resolved exactly at --to is still open at the end of the range',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-16T00:00:00Z' }],
    options: { to: '2026-03-16T00:00:00Z' },
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: '--to inside a week: the last row ends at --to',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-13 09:00') }, // open at 03-12 (the clipped end)
      { id: 'b', created_at: utc('03-03 09:00'), solved_at: utc('03-11 12:00') },
    ],
    options: { to: '2026-03-12T00:00:00Z' },
    // W10 end: a, b → 2; W11 (clipped to end at 03-12): a → 1. Had W11 ended at 03-16, it would be 0.
    rows: [
      { period: '2026-W10', value: 2 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'closed_at counts when solved_at is blank; solved_at wins when both are set',
    records: [
      { id: 'closed', created_at: utc('03-02 09:00'), closed_at: utc('03-10 09:00') }, // open at W10 end
      { id: 'both', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), closed_at: utc('03-12 09:00') }, // resolved 03-04
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 0 },
    ],
    totals: 0,
  },
  {
    name: 'the column exists but is blank: every ticket is open',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') },
      { id: 'b', created_at: utc('03-10 09:00') },
    ],
    options: { presentFields: ['closed_at'] },
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 2 },
    ],
    totals: 2,
  },
  {
    name: 'period ends follow the report zone (Europe/Berlin): resolved Mon 00:30 CET is after the W10 end',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:30:00Z' }],
    options: { zone: 'Europe/Berlin' },
    // W10 ends at 2026-03-09T00:00+01:00 = 03-08T23:00Z ≤ 23:30Z: still open then. (In UTC it would be 0.)
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 0 },
    ],
    totals: 0,
  },
  {
    name: 'duplicate id: the later updated_at wins (read first) and it is resolved',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00'), updated_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-02 09:00'), updated_at: utc('03-03 09:00') },
      { id: 'x', created_at: utc('03-10 09:00') },
    ],
    // A wrong winner would give W10 1, W11 2, totals 2.
    rows: [
      { period: '2026-W10', value: 0 },
      { period: '2026-W11', value: 1 },
    ],
    totals: 1,
  },
  {
    name: 'duplicate id without updated_at: the record read last (open) wins',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-04 09:00') },
      { id: 'a', created_at: utc('03-02 09:00') },
      { id: 'x', created_at: utc('03-10 09:00') },
    ],
    rows: [
      { period: '2026-W10', value: 1 },
      { period: '2026-W11', value: 2 },
    ],
    totals: 2,
  },
  {
    name: '--by agent: backlog per agent, in the rows the agent has an event in',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), agent: 'ann' }, // open throughout
      { id: '2', created_at: utc('03-03 09:00'), agent: 'bob' }, // open throughout
      { id: '3', created_at: utc('03-10 09:00'), solved_at: utc('03-11 09:00'), agent: 'bob' },
      { id: '4', created_at: utc('03-04 09:00'), solved_at: utc('03-12 09:00') }, // agent blank, open at W10 end
    ],
    options: { by: ['agent'] },
    // ann has no event in W11, so no W11 row for ann; the blank agent's resolution makes a W11 row.
    rows: [
      { period: '2026-W10', agent: 'ann', value: 1 },
      { period: '2026-W10', agent: 'bob', value: 1 },
      { period: '2026-W10', agent: null, value: 1 },
      { period: '2026-W11', agent: 'bob', value: 1 },
      { period: '2026-W11', agent: null, value: 0 },
    ],
    totals: 2,
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});
