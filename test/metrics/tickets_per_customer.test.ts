import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * tickets_per_customer (rate-shaped): numerator = tickets created in the period with a `customer`,
 * denominator = distinct customers among them (issue 3, "Metrics"); value = numerator /
 * denominator as a plain ratio (docs/metrics.md, unit "ratio"). Placed by created_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'tickets_per_customer';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'tickets with a customer per distinct customer; distinct per row and over the whole range',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), customer: 'c1' }, // W10
      { id: 'b', created_at: utc('03-03 09:00'), customer: 'c1' }, // W10
      { id: 'c', created_at: utc('03-04 09:00'), customer: 'c1' }, // W10
      { id: 'd', created_at: utc('03-04 09:00'), customer: 'c2' }, // W10
      { id: 'e', created_at: utc('03-05 09:00'), customer: '' }, // no customer: in neither
      { id: 'f', created_at: utc('03-05 09:00') }, // no customer: in neither
      { id: 'g', created_at: utc('03-10 09:00'), customer: 'c1' }, // W11
      { id: 'h', created_at: utc('03-11 09:00'), customer: 'c3' }, // W11
    ],
    // W10: 4 tickets / {c1, c2} = 2; W11: 2 / {c1, c3} = 1; totals: 6 / {c1, c2, c3} = 2 (c1 once over the range)
    rows: [
      { period: '2026-W10', value: rate(4, 2, 2) },
      { period: '2026-W11', value: rate(2, 2, 1) },
    ],
    totals: rate(6, 3, 2),
  },
  {
    name: 'a ratio, not a share: 5 tickets from 2 customers is 2.5',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), customer: 'acme' },
      { id: 'b', created_at: utc('03-02 09:00'), customer: 'acme' },
      { id: 'c', created_at: utc('03-02 09:00'), customer: 'acme' },
      { id: 'd', created_at: utc('03-02 09:00'), customer: 'acme' },
      { id: 'e', created_at: utc('03-02 09:00'), customer: 'globex' },
    ],
    rows: [{ period: '2026-W10', value: rate(5, 2, 2.5) }],
    totals: rate(5, 2, 2.5),
  },
  {
    name: 'placed by created_at, not by resolved_at',
    records: [
      { id: 'a', created_at: utc('03-06 09:00'), solved_at: utc('03-10 09:00'), customer: 'c1' },
      { id: 'b', created_at: utc('03-06 10:00'), solved_at: utc('03-11 09:00'), customer: 'c1' },
    ],
    rows: [
      { period: '2026-W10', value: rate(2, 1, 2) },
      { period: '2026-W11', value: NO_DATA },
    ],
    totals: rate(2, 1, 2),
  },
  {
    name: 'created exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: '2026-03-08T23:59:59.999Z', customer: 'c1' }, // W10
      { id: 'b', created_at: '2026-03-09T00:00:00Z', customer: 'c1' }, // W11
      { id: 'c', created_at: '2026-03-09T00:00:00Z', customer: 'c2' }, // W11
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(2, 2, 1) },
    ],
    totals: rate(3, 2, 1.5),
  },
  {
    name: 'tickets created but none names a customer: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), customer: '' },
      { id: 'b', created_at: utc('03-02 09:00'), customer: '   ' },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'surrounding spaces do not make another customer',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), customer: 'c1' },
      { id: 'b', created_at: utc('03-02 09:00'), customer: ' c1 ' },
    ],
    rows: [{ period: '2026-W10', value: rate(2, 1, 2) }],
    totals: rate(2, 1, 2),
  },
  {
    name: 'duplicate id is one ticket',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), customer: 'c1' },
      { id: 'a', created_at: utc('03-02 09:00'), customer: 'c1' },
      { id: 'b', created_at: utc('03-02 09:00'), customer: 'c2' },
    ],
    rows: [{ period: '2026-W10', value: rate(2, 2, 1) }],
    totals: rate(2, 2, 1),
  },
  {
    name: '--by agent: distinct customers within each row',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), agent: 'ann', customer: 'c1' },
      { id: '2', created_at: utc('03-02 09:00'), agent: 'ann', customer: 'c1' },
      { id: '3', created_at: utc('03-02 09:00'), agent: 'ann', customer: 'c2' },
      { id: '4', created_at: utc('03-02 09:00'), agent: 'bob', customer: 'c1' },
      { id: '5', created_at: utc('03-02 09:00'), agent: 'bob' }, // no customer
    ],
    options: { by: ['agent'] },
    // ann: 3 / {c1, c2} = 1.5; bob: 1 / {c1} = 1; totals: 4 / {c1, c2} = 2
    rows: [
      { period: '2026-W10', agent: 'ann', value: rate(3, 2, 1.5) },
      { period: '2026-W10', agent: 'bob', value: rate(1, 1, 1) },
    ],
    totals: rate(4, 2, 2),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 3 / 2 = 1.5 (C1 twice, C2 once; D names none)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(3, 2, 1.5);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
