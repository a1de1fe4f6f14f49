import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * first_contact_resolution: of the tickets resolved in the period with agent_replies >= 1, the
 * share with exactly one agent reply and no reopen (reopens blank or 0) (issue 3, "Metrics").
 * Placed by resolved_at (solved_at, else closed_at).
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'first_contact_resolution';

type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'one reply and no reopen counts; 0 or blank replies are left out; 2 replies or a reopen do not count',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 1, reopens: 0 }, // W10 ✓
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), agent_replies: '1', reopens: '' }, // W10 ✓ (reopens blank)
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-03 11:00'), agent_replies: 2, reopens: 0 }, // W10 ✗ (2 replies)
      { id: 'd', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), agent_replies: 1, reopens: 1 }, // W10 ✗ (reopened)
      { id: 'e', created_at: utc('03-02 09:00'), solved_at: utc('03-04 11:00'), agent_replies: 0, reopens: 0 }, // excluded
      { id: 'f', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00'), agent_replies: '', reopens: 0 }, // excluded (blank)
      { id: 'g', created_at: utc('03-02 09:00'), solved_at: utc('03-05 11:00'), agent_replies: '0' }, // excluded
      { id: 'h', created_at: utc('03-03 09:00'), agent_replies: 1, reopens: 0 }, // never resolved: nowhere
      { id: 'i', created_at: utc('03-10 09:00'), closed_at: utc('03-11 09:00'), agent_replies: 1 }, // W11 ✓ (closed_at)
      { id: 'j', created_at: utc('03-10 09:00'), solved_at: utc('03-12 09:00'), agent_replies: 1, reopens: '3' }, // W11 ✗
    ],
    // W10: a, b of a, b, c, d = 2/4; W11: i of i, j = 1/2; totals 3/6
    rows: [
      { period: '2026-W10', value: rate(2, 4, 0.5) },
      { period: '2026-W11', value: rate(1, 2, 0.5) },
    ],
    totals: rate(3, 6, 0.5),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2 (placed by resolved_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), agent_replies: 1, reopens: 0 }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'resolved_at falls back to closed_at; solved_at wins when both are set',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), solved_at: '', closed_at: utc('03-10 09:00'), agent_replies: 1 }, // W11 ✓
      { id: 'b', created_at: utc('03-06 09:00'), solved_at: utc('03-07 09:00'), closed_at: utc('03-10 09:00'), agent_replies: 3 }, // W10 ✗
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
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', agent_replies: 2 }, // W10 ✗
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', agent_replies: 1 }, // W11 ✓
    ],
    rows: [
      { period: '2026-W10', value: rate(0, 1, 0) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'only tickets without an agent reply were resolved: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 0 },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 11:00'), agent_replies: '' },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    // Assumption (issue silent on an absent reopens column): the needs in the module list only
    // agent_replies and a resolution column, and "reopens blank" means no reopen.
    name: 'no reopens column: still available, every ticket counts as not reopened',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 1 },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 11:00'), agent_replies: 4 },
    ],
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'the column in one file only: the other file’s tickets have no reply count and are left out',
    records: [
      [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 1 }],
      [{ id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00') }],
    ],
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: 'duplicate id: the record with the later updated_at decides the reply count',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 2, updated_at: utc('03-03 09:00') },
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent_replies: 1, updated_at: utc('03-02 10:00') },
    ],
    rows: [{ period: '2026-W10', value: rate(0, 1, 0) }],
    totals: rate(0, 1, 0),
  },
  {
    name: '--by agent: per agent, placed by resolved_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-03 09:00'), agent: 'ann', agent_replies: 1 }, // W10 ann ✓
      { id: '2', created_at: utc('03-04 09:00'), solved_at: utc('03-10 09:00'), agent: 'ann', agent_replies: 2 }, // W11 ann ✗
      { id: '3', created_at: utc('03-05 09:00'), solved_at: utc('03-05 12:00'), agent: 'bob', agent_replies: 0 }, // W10 bob: excluded
      { id: '4', created_at: utc('03-05 09:00'), solved_at: utc('03-06 09:00'), agent_replies: 1, reopens: 2 }, // W10 (none) ✗
    ],
    options: { by: ['agent'] },
    rows: [
      { period: '2026-W10', agent: 'ann', value: rate(1, 1, 1) },
      { period: '2026-W10', agent: 'bob', value: NO_DATA },
      { period: '2026-W10', agent: null, value: rate(0, 1, 0) },
      { period: '2026-W11', agent: 'ann', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 3, 1 / 3),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 2 of 4 (A and B; C has 3 replies, D a reopen; E no reply)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(2, 4, 0.5);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
