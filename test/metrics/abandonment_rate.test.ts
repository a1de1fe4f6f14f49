import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';
import { checkMetricCase, utc, type MetricCase } from '../helpers/metric-cases.js';
import { metricById } from '../../src/metrics/index.js';

/**
 * abandonment_rate: of the contacts that say whether they were answered (`answered`, any channel)
 * and of the chats (`channel` = `chat`) that do not, created in the period, the share abandoned:
 * answered no, or a chat that ended (`resolved_at` set) without any first response. The channel is compared
 * ignoring case; a chat still waiting (no response, not ended) is in the denominator only
 * (docs/metrics.md). Placed by created_at.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */
const METRIC = 'abandonment_rate';


type Case = MetricCase;
const check = (c: Case): void => checkMetricCase(METRIC, c);

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_DATA = rate(0, 0, null);

const CASES: Case[] = [
  {
    name: 'ended without a response is abandoned; answered or still waiting is not; other channels left out',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), channel: 'chat', closed_at: utc('03-02 09:04') }, // W10 abandoned (closed_at)
      { id: 'b', created_at: utc('03-02 10:00'), channel: 'Chat', solved_at: utc('03-02 10:03') }, // W10 abandoned (case)
      { id: 'c', created_at: utc('03-02 11:00'), channel: 'CHAT', first_response_at: utc('03-02 11:01'), closed_at: utc('03-02 11:20') }, // answered, then closed
      { id: 'd', created_at: utc('03-03 09:00'), channel: 'chat' }, // still waiting: denominator only
      { id: 'e', created_at: utc('03-03 09:00'), channel: 'chat', first_response_at: utc('03-03 09:02') }, // answered, still open
      { id: 'f', created_at: utc('03-03 09:00'), channel: 'email', solved_at: utc('03-03 12:00') }, // not a chat
      { id: 'g', created_at: utc('03-03 09:00'), channel: 'chatbot', closed_at: utc('03-03 09:01') }, // not "chat"
      { id: 'h', created_at: utc('03-03 09:00'), closed_at: utc('03-03 09:01') }, // no channel: not a chat
      { id: 'i', created_at: utc('03-10 09:00'), channel: ' chat ', closed_at: utc('03-10 09:05') }, // W11 abandoned (trimmed)
    ],
    // W10 chats: a, b, c, d, e; abandoned a, b: 2/5. W11: i: 1/1. totals 3/6
    rows: [
      { period: '2026-W10', value: rate(2, 5, 0.4) },
      { period: '2026-W11', value: rate(1, 1, 1) },
    ],
    totals: rate(3, 6, 0.5),
  },
  {
    name: 'created in week 1, ended unanswered in week 2: abandoned in week 1 (placed by created_at)',
    records: [{ id: 'a', created_at: utc('03-08 23:50'), channel: 'chat', first_response_at: '', closed_at: utc('03-09 00:10') }],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: NO_DATA },
    ],
    totals: rate(1, 1, 1),
  },
  {
    name: 'created exactly at a period start belongs to it; the end is exclusive',
    records: [
      { id: 'a', created_at: '2026-03-08T23:59:59.999Z', channel: 'chat', closed_at: '2026-03-09T00:05:00Z' }, // W10 abandoned
      { id: 'b', created_at: '2026-03-09T00:00:00Z', channel: 'chat', first_response_at: '2026-03-09T00:01:00Z' }, // W11 answered
    ],
    rows: [
      { period: '2026-W10', value: rate(1, 1, 1) },
      { period: '2026-W11', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 2, 0.5),
  },
  {
    name: 'no chats at all: 0 of 0, value null',
    records: [
      { id: 'a', created_at: utc('03-02 09:00'), channel: 'email', closed_at: utc('03-02 09:01') },
      { id: 'b', created_at: utc('03-02 09:00'), channel: 'phone', first_response_at: utc('03-02 09:01') },
    ],
    rows: [{ period: '2026-W10', value: NO_DATA }],
    totals: NO_DATA,
  },
  {
    name: '--by team: per team, placed by created_at',
    records: [
      { id: '1', created_at: utc('03-02 09:00'), team: 'sales', channel: 'chat', closed_at: utc('03-02 09:02') }, // abandoned
      { id: '2', created_at: utc('03-02 09:00'), team: 'sales', channel: 'chat' }, // waiting
      { id: '3', created_at: utc('03-02 09:00'), team: 'support', channel: 'chat', first_response_at: utc('03-02 09:01') },
      { id: '4', created_at: utc('03-02 09:00'), team: 'support', channel: 'email', closed_at: utc('03-02 10:00') },
    ],
    options: { by: ['team'] },
    rows: [
      { period: '2026-W10', team: 'sales', value: rate(1, 2, 0.5) },
      { period: '2026-W10', team: 'support', value: rate(0, 1, 0) },
    ],
    totals: rate(1, 3, 1 / 3),
  },
];

describe(METRIC, () => {
  it.each(CASES)('$name', (c) => check(c));
});

describe(`${METRIC}: worked example`, () => {
  it('the documented example gives 2 of 5 (A abandoned; B answered; C waiting; D email; E a call not answered; F answered)', () => {
    const { example } = metricById(METRIC)!.meta;
    const expected = rate(2, 5, 2 / 5);
    expect(example.result).toEqual(expected);
    const report = reportOf(example.tickets, { period: 'all', from: example.from, to: example.to, config: example.config });
    expect(report.totals.metrics[METRIC]).toEqual(expected);
  });

  it('answered says it on any channel, over the chat rule: answered yes is not abandoned even when it ended unanswered', () => {
    const report = reportOf(
      [
        { id: 'call-1', created_at: utc('03-02 09:00'), channel: 'phone', answered: 'N' },
        { id: 'call-2', created_at: utc('03-02 09:01'), channel: 'phone', answered: 'Y' },
        { id: 'chat-1', created_at: utc('03-02 09:02'), channel: 'chat', answered: 'yes', closed_at: utc('03-02 09:05') },
        { id: 'chat-2', created_at: utc('03-02 09:03'), channel: 'chat', closed_at: utc('03-02 09:05') },
        { id: 'mail-1', created_at: utc('03-02 09:04'), channel: 'email' },
      ],
      { period: 'all' },
    );
    expect(report.totals.metrics[METRIC]).toEqual(rate(2, 4, 0.5));
  });

  it('answered alone is enough to compute it (a call log without channel or timestamps of response)', () => {
    const report = reportOf([
      { id: '1', created_at: utc('03-02 09:00'), answered: false },
      { id: '2', created_at: utc('03-02 09:00'), answered: true },
    ]);
    expect(report.totals.metrics[METRIC]).toEqual(rate(1, 2, 0.5));
    expect(report.notes.filter((n) => n.metric === METRIC)).toEqual([]);
  });
});
