import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * resolved_per_agent (rate-shaped): numerator = tickets resolved in the period with an `agent`,
 * denominator = distinct agents among them (issue 3, "Metrics"); value = numerator / denominator
 * as a plain ratio (docs/metrics.md, unit "ratio"). Placed by resolved_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'resolved_per_agent';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'tickets resolved with an agent per distinct agent; distinct per row and over the range',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent: 'ann' }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), agent: 'ann' }, // W10
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), agent: 'ann' }, // W10
      { id: 'd', created_at: utc('03-02 09:00'), closed_at: utc('03-04 11:00'), agent: 'bob' }, // W10 (closed_at)
      { id: 'e', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00'), agent: '' }, // no agent: in neither
      { id: 'f', created_at: utc('03-02 09:00'), solved_at: utc('03-05 10:00') }, // no agent: in neither
      { id: 'g', created_at: utc('03-03 09:00'), agent: 'cy' }, // never resolved: nowhere
      { id: 'h', created_at: utc('03-10 09:00'), solved_at: utc('03-10 10:00'), agent: 'ann' }, // W11
      { id: 'i', created_at: utc('03-10 09:00'), solved_at: utc('03-11 10:00'), agent: 'dee' }, // W11
    ],
    // W10: 4 / {ann, bob} = 2; W11: 2 / {ann, dee} = 1; totals: 6 / {ann, bob, dee} = 2
    rows: [
      { period: '2026-W10', value: rate(4, 2, 2) },
      { period: '2026-W11', value: rate(2, 2, 1) },
    ],
    totals: rate(6, 3, 2),
  },
  {
    name: 'a ratio, not a share: 7 tickets by 2 agents is 3.5',
    records: ['ann', 'ann', 'ann', 'ann', 'ann', 'bob', 'bob'].map((agent, i) => ({
      id: `t${i}`,
      created_at: utc('03-02 09:00'),
      solved_at: utc('03-02 10:00'),
      agent,
    })),
    rows: [{ period: '2026-W10', value: rate(7, 2, 3.5) }],
    totals: rate(7, 2, 3.5),
  },
  {
    name: 'created in week 1 and resolved in week 2 counts in week 2 (placed by resolved_at)',
    records: [{ id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), agent: 'ann' }],
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'resolved exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '2026-03-08T23:59:59.999Z', agent: 'ann' }, // W10
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', agent: 'ann' }, // W11
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: '2026-03-09T00:00:00Z', agent: 'bob' }, // W11
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(2, 2, 1) },
    ],
    totals: rate(3, 2, 1.5),
  },
  {
    name: 'tickets created with an agent but none resolved: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: '', agent: 'ann' },
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '', agent: 'bob' },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: '--by agent: each row has one agent, so the value is that agent’s count; no-agent row is 0 of 0',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), agent: 'ann' },
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-03 10:00'), agent: 'ann' },
      { id: '3', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), agent: 'ann' },
      { id: '4', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00'), agent: 'bob' },
      { id: '5', created_at: utc('03-02 09:00'), solved_at: utc('03-04 10:00') }, // no agent
      { id: '6', created_at: utc('03-05 09:00'), solved_at: utc('03-10 10:00'), agent: 'bob' }, // W11
    ],
    options: { by: ['agent'] },
    // W10 ann 3/1; W10 bob 1/1 (ticket 6 created then too); W10 (none): 0/0; W11 bob 1/1.
    // totals: 5 / {ann, bob} = 2.5
    rows: [
      { period: '2026-W10', agent: 'ann', value: rate(3, 1, 3) },
      { period: '2026-W10', agent: 'bob', value: rate(1, 1, 1) },
      { period: '2026-W10', agent: null, value: NO_DATA },
      { period: '2026-W11', agent: 'bob', value: rate(1, 1, 1) },
    ],
    totals: rate(5, 2, 2.5),
  },
  {
    name: '--by team: distinct agents within each team',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'billing', agent: 'ann' },
      { id: '2', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'billing', agent: 'ann' },
      { id: '3', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'billing', agent: 'bob' },
      { id: '4', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'tech', agent: 'ann' },
      { id: '5', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'tech', agent: 'cy' },
      { id: '6', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'tech', agent: 'cy' },
      { id: '7', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00'), team: 'tech', agent: 'cy' },
    ],
    options: { by: ['team'] },
    // billing: 3 / {ann, bob} = 1.5; tech: 4 / {ann, cy} = 2; totals: 7 / {ann, bob, cy} = 7/3 (ann once)
    rows: [
      { period: '2026-W10', team: 'billing', value: rate(3, 2, 1.5) },
      { period: '2026-W10', team: 'tech', value: rate(4, 2, 2) },
    ],
    totals: rate(7, 3, 7 / 3),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 3 / 2 = 1.5 (ann 2, bob 1; D no agent; E unresolved)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(3, 2, 1.5);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
