import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * resolution_sla (issue 3, "Metrics" and "SLA policies and the config file"): each ticket under an
 * SLA policy with a resolution target has one outcome, counted once, in the period where it
 * happened: met when resolved within the target (at or before created_at + target), placed at the
 * resolution; breached when the target passed first, placed at the deadline, whether or not it was
 * ever resolved. Still open with the deadline after the end of the data: pending, not counted.
 * value = met / (met + breached). The first policy whose match fits applies; a policy without a
 * resolution target gives no resolution outcome (docs/metrics.md). The end of the data is the
 * latest timestamp of any valid record, updated_at and closed_at included (src/tickets/store.ts).
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'resolution_sla';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const EIGHT_HOURS = { sla: [{ name: 'Default', resolution: '8h' }] };
const THREE_DAYS = { sla: [{ name: 'Default', firstResponse: '24h', resolution: '72h' }] };
const URGENT_THEN_DEFAULT = {
  sla: [
    { name: 'Urgent', match: { priority: 'urgent' }, firstResponse: '1h', resolution: '8h' },
    { name: 'Default', firstResponse: '24h', resolution: '72h' },
  ],
};

const CASES: Case[] = [
  {
    name: 'resolved exactly at the deadline is met (≤); a millisecond later is breached',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 17:00') }, // 8 h: met
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: '2026-03-02T17:00:00.001Z' }, // breached
      { id: 'c', created_at: utc('03-02 09:00'), closed_at: utc('03-02 12:00') }, // met (closed_at)
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(2, 3, 2 / 3) }],
    totals: rate(2, 3, 2 / 3),
  },
  {
    name: 'resolved late, much later: breached at the deadline (next week), not at the resolution (the week after)',
    // created Fri 03-06 12:00; deadline Mon 03-09 12:00 (W11); solved Tue 03-17 (W12)
    records: [{ id: 'a', created_at: utc('03-06 12:00'), solved_at: utc('03-17 09:00') }],
    options: { config: THREE_DAYS },
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(0, 1, 0) },
      { period: '2026-W12', value: NO_DATA },
    ],
    totals: rate(0, 1, 0),
  },
  {
    name: 'met is placed at the resolution: created in one week, resolved in time in the next',
    // created Fri 03-06 12:00, solved Mon 03-09 10:00 (70 h of 72 h)
    records: [{ id: 'a', created_at: utc('03-06 12:00'), solved_at: utc('03-09 10:00') }],
    options: { config: THREE_DAYS },
    rows: [
      { period: '2026-W10', value: NO_DATA },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'outcomes exactly at a period start belong to it (met at the resolution, breached at the deadline)',
    records: [
      { id: 'a', created_at: utc('03-08 16:00'), solved_at: '2026-03-08T23:59:59.999Z' }, // met, W10
      { id: 'b', created_at: utc('03-08 16:00'), solved_at: '2026-03-09T00:00:00Z' }, // met at 00:00, W11
      { id: 'c', created_at: utc('03-08 16:00'), solved_at: '2026-03-09T00:00:00.001Z' }, // breached at 00:00, W11
    ],
    options: { config: EIGHT_HOURS },
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(1, 2, 0.5) },
    ],
    totals: rate(2, 3, 2 / 3),
  },
  {
    name: 'never resolved, deadline before the end of the data: breached (a first response does not resolve it)',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), first_response_at: utc('03-02 09:10') }, // deadline 17:00
      { id: 'b', created_at: utc('03-02 10:00'), solved_at: utc('03-02 18:00') }, // met at its deadline; end of data 18:00
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'still open, deadline after the end of the data: pending, not counted',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // deadline 17:00
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 12:00') }, // met; end of data 12:00
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: 'only pending tickets: 0 of 0, value null',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: '' }],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: 'the end of the data counts any record’s updated_at',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // deadline 17:00: breached (end of data 17:30)
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 12:00'), updated_at: utc('03-02 17:30') }, // met
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'the end of the data counts closed_at even when solved_at is the resolution',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // deadline 17:00: breached (end of data 17:30)
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 12:00'), closed_at: utc('03-02 17:30') }, // met at 12:00
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'the end of the data counts another ticket’s first response',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // deadline 17:00: breached (end of data 17:30)
      { id: 'b', created_at: utc('03-02 10:00'), first_response_at: utc('03-02 17:30') }, // deadline 18:00: pending
      { id: 'c', created_at: utc('03-02 09:00'), solved_at: utc('03-02 12:00') }, // met
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'a rejected record does not move the end of the data',
    records: [
      { id: 'a', created_at: utc('03-02 09:00') }, // deadline 17:00: pending (end of data 12:00)
      { id: 'b', created_at: utc('03-02 09:00'), solved_at: utc('03-02 12:00') }, // met
      { id: 'c', created_at: utc('03-02 08:00'), updated_at: utc('03-02 17:30'), solved_at: 'late' }, // rejected
    ],
    options: { config: EIGHT_HOURS },
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: 'resolved without any response still has a resolution outcome',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 09:30') }], // met (no first-response outcome)
    options: { config: { sla: [{ name: 'Default', firstResponse: '1h', resolution: '8h' }] } },
    rows: [{ period: '2026-W10', value: rate(1, 1, 1) }],
    totals: rate(1, 1, 1),
  },
  {
    name: 'the first matching policy wins although a later one also matches',
    records: [
      { id: 'a', created_at: utc('03-02 08:00'), priority: 'urgent', solved_at: utc('03-02 18:00') }, // Urgent: 10 h > 8 h
      { id: 'b', created_at: utc('03-02 08:00'), priority: 'normal', solved_at: utc('03-02 18:00') }, // Default: met
    ],
    options: { config: URGENT_THEN_DEFAULT },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'order matters: a catch-all policy first applies to every ticket',
    records: [
      { id: 'a', created_at: utc('03-02 08:00'), priority: 'urgent', solved_at: utc('03-02 18:00') }, // Default: met
      { id: 'b', created_at: utc('03-02 08:00'), priority: 'normal', solved_at: utc('03-02 18:00') }, // Default: met
    ],
    options: { config: { sla: [URGENT_THEN_DEFAULT.sla[1], URGENT_THEN_DEFAULT.sla[0]] } },
    rows: [{ period: '2026-W10', value: rate(2, 2, 1) }],
    totals: rate(2, 2, 1),
  },
  {
    name: 'a policy without a resolution target gives no outcome and does not fall through to the next',
    records: [
      { id: 'a', created_at: utc('03-02 08:00'), channel: 'chat', solved_at: utc('03-04 08:00') }, // Chat: none
      { id: 'b', created_at: utc('03-02 08:00'), channel: 'email', solved_at: utc('03-04 08:00') }, // Default: 48 h > 24 h
      { id: 'c', created_at: utc('03-02 08:00'), channel: 'email', solved_at: utc('03-02 09:00') }, // Default: met
    ],
    options: {
      config: {
        sla: [
          { name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' },
          { name: 'Default', resolution: '24h' },
        ],
      },
    },
    rows: [{ period: '2026-W10', value: rate(1, 2, 0.5) }],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'match with a list of values: any of them, ignoring case',
    records: [
      { id: 'a', created_at: utc('03-02 08:00'), priority: 'urgent', solved_at: utc('03-02 13:00') }, // Fast: 5 h > 4 h
      { id: 'b', created_at: utc('03-02 08:00'), priority: 'High', solved_at: utc('03-02 11:00') }, // Fast: met
      { id: 'c', created_at: utc('03-02 08:00'), priority: 'high', solved_at: utc('03-02 13:00') }, // Fast: breached
      { id: 'd', created_at: utc('03-02 08:00'), priority: 'low', solved_at: utc('03-02 13:00') }, // Default: met
    ],
    options: {
      config: {
        sla: [
          { name: 'Fast', match: { priority: ['Urgent', 'high'] }, resolution: '4h' },
          { name: 'Default', resolution: '72h' },
        ],
      },
    },
    rows: [{ period: '2026-W10', value: rate(2, 4, 0.5) }],
    totals: rate(2, 4, 0.5),
  },
  {
    name: 'tags match a ticket with any of the listed tags',
    records: [
      { id: 'a', created_at: utc('03-02 08:00'), tags: ['Outage', 'x'], solved_at: utc('03-02 11:00') }, // Incident: 3 h > 2 h
      { id: 'b', created_at: utc('03-02 08:00'), tags: 'security', solved_at: utc('03-02 09:00') }, // Incident: met
      { id: 'c', created_at: utc('03-02 08:00'), tags: ['billing'], solved_at: utc('03-02 11:00') }, // Default: met
    ],
    options: {
      config: {
        sla: [
          { name: 'Incident', match: { tags: ['outage', 'security'] }, resolution: '2h' },
          { name: 'Default', resolution: '72h' },
        ],
      },
    },
    rows: [{ period: '2026-W10', value: rate(2, 3, 2 / 3) }],
    totals: rate(2, 3, 2 / 3),
  },
  {
    name: 'no SLA policy at all: null with a note',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00') }],
    rows: [{ period: '2026-W10', value: null }],
    totals: null,
    note: ['resolution'],
  },
  {
    name: 'no policy has a resolution target: null with a note',
    records: [{ id: 'a', created_at: utc('03-02 09:00'), solved_at: utc('03-02 10:00') }],
    options: { config: { sla: [{ name: 'First response only', firstResponse: '1h' }] } },
    rows: [{ period: '2026-W10', value: null }],
    totals: null,
    note: ['resolution'],
  },
  {
    name: '--by priority: per priority, where the outcome happened',
    records: [
      { id: 'a', created_at: utc('03-06 12:00'), priority: 'urgent', solved_at: utc('03-06 18:00') }, // met W10
      { id: 'b', created_at: utc('03-06 12:00'), priority: 'normal', solved_at: utc('03-10 12:00') }, // breached 03-09 12:00, W11
      { id: 'c', created_at: utc('03-06 12:00'), priority: 'normal', solved_at: utc('03-08 12:00') }, // met W10
    ],
    options: { config: URGENT_THEN_DEFAULT, by: ['priority'] },
    rows: [
      { period: '2026-W10', priority: 'normal', value: rate(1, 1, 1) },
      { period: '2026-W10', priority: 'urgent', value: rate(1, 1, 1) },
      { period: '2026-W11', priority: 'normal', value: rate(0, 1, 0) },
    ],
    totals: rate(2, 3, 2 / 3),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 3 of 5 (A, C, E met; B, D breached; F pending)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(3, 5, 0.6);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });
});
