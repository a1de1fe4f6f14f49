import { describe, expect, it } from 'vitest';
import { reportOf, type ReportTestOptions, type TicketInput } from '../helpers/build.js';
import type { Attribution } from '../../src/engine/attribution.js';
import type { Report } from '../../src/report/types.js';

/**
 * --attribution (issue 3, "Attribution that peers argue about"): `event` (default) places each
 * metric by its own event; `created` counts every metric of a ticket in the period the ticket was
 * created (Intercom's way). docs/metrics.md: under `created`, backlog stays a count of tickets open
 * at each period's end. The example: a ticket created Friday 2026-03-06 and first answered
 * Monday 2026-03-09 counts in 2026-W10 under `created` and in 2026-W11 under `event`.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday:
 * W10 = [Mon 2026-03-02, Mon 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */

const HOUR = 3600;
const DAY = 24 * HOUR;

const rate = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
const NO_RATE = rate(0, 0, null);
const duration = (seconds: number) => ({ count: 1, mean: seconds, median: seconds, p90: seconds });
const NO_DURATION = { count: 0, mean: null, median: null, p90: null };
const NO_NPS = { responses: 0, promoters: 0, passives: 0, detractors: 0, value: null };

/** period → metrics, for reports without --by. */
function byPeriod(report: Report): Record<string, Report['rows'][number]['metrics']> {
  return Object.fromEntries(report.rows.map((row) => [row.period, row.metrics]));
}

const both = (records: TicketInput[], options: ReportTestOptions = {}): Record<Attribution, Report> => ({
  event: reportOf(records, { ...options, attribution: 'event' }),
  created: reportOf(records, { ...options, attribution: 'created' }),
});

describe('the issue’s example: created Friday 2026-03-06, first answered Monday 2026-03-09', () => {
  const records: TicketInput[] = [{ id: 'a', created_at: '2026-03-06T10:00:00Z', first_response_at: '2026-03-09T10:00:00Z' }];
  const reports = both(records);

  it('event: first response time in 2026-W11; created: in 2026-W10', () => {
    const threeDays = duration(3 * DAY); // 03-06 10:00 → 03-09 10:00
    expect(byPeriod(reports.event)['2026-W10']!.first_response_time).toEqual(NO_DURATION);
    expect(byPeriod(reports.event)['2026-W11']!.first_response_time).toEqual(threeDays);
    expect(byPeriod(reports.created)['2026-W10']!.first_response_time).toEqual(threeDays);
    expect(byPeriod(reports.created)['2026-W11']!.first_response_time).toEqual(NO_DURATION);
  });

  it('the volume is in 2026-W10 either way, and the report says which attribution it used', () => {
    for (const mode of ['event', 'created'] as const) {
      expect(reports[mode].attribution).toBe(mode);
      expect(reports[mode].rows.map((r) => [r.period, r.metrics.tickets_created])).toEqual([
        ['2026-W10', 1],
        ['2026-W11', 0],
      ]);
    }
  });

  it('the default is event', () => {
    expect(reportOf(records).attribution).toBe('event');
    expect(reportOf(records).rows).toEqual(reports.event.rows);
  });
});

describe('created: every metric of a ticket counts in its creation period', () => {
  // Created Fri 03-06 10:00 (W10); answered Mon 03-09 10:00, solved Tue 03-10 09:00 (W11).
  // SLA: first response 72 h → deadline 03-09 10:00, met at the answer (W11);
  //      resolution 96 h → deadline 03-10 10:00, met at the resolution 03-10 09:00 (W11).
  const records: TicketInput[] = [
    {
      id: 'x',
      created_at: '2026-03-06T10:00:00Z',
      first_response_at: '2026-03-09T10:00:00Z',
      solved_at: '2026-03-10T09:00:00Z',
      agent: 'ann',
      customer: 'c1',
      channel: 'chat',
      satisfaction: 'good',
      nps: 10,
      agent_replies: 1,
      reopens: 0,
      handle_time: 600,
      escalated: true,
      tags: ['refund'],
      business_first_response_time: 1800,
      business_resolution_time: 7200,
    },
  ];
  const config = { sla: [{ name: 'Default', firstResponse: '72h', resolution: '96h' }] };
  const reports = both(records, { config });
  const firstResponse = duration(3 * DAY); // 259200 s
  const resolution = duration(3 * DAY + 23 * HOUR); // 03-06 10:00 → 03-10 09:00 = 342000 s

  // Metrics placed by created_at, and backlog (a state), are the same in both modes.
  const createdPlaced = {
    tickets_created: [1, 0],
    backlog: [1, 0], // open at the end of W10 (resolved 03-10), not at the end of W11
    resolution_rate: [rate(1, 1, 1), NO_RATE],
    escalation_rate: [rate(1, 1, 1), NO_RATE],
    abandonment_rate: [rate(0, 1, 0), NO_RATE], // a chat that was answered
    tickets_per_customer: [rate(1, 1, 1), NO_RATE],
    business_first_response_time: [duration(1800), NO_DURATION], // placed by created_at in both modes
  };
  // Metrics placed by another event: W11 under event, W10 under created.
  const movedValue = {
    tickets_resolved: [1, 0],
    first_response_time: [firstResponse, NO_DURATION],
    resolution_time: [resolution, NO_DURATION],
    handle_time: [duration(600), NO_DURATION],
    business_resolution_time: [duration(7200), NO_DURATION],
    first_contact_resolution: [rate(1, 1, 1), NO_RATE],
    reopen_rate: [rate(0, 1, 0), NO_RATE],
    cancellation_rate: [rate(1, 1, 1), NO_RATE],
    csat: [rate(1, 1, 1), NO_RATE],
    nps: [{ responses: 1, promoters: 1, passives: 0, detractors: 0, value: 100 }, NO_NPS],
    first_response_sla: [rate(1, 1, 1), NO_RATE],
    resolution_sla: [rate(1, 1, 1), NO_RATE],
    resolved_per_agent: [rate(1, 1, 1), NO_RATE],
  };

  it('the report has exactly the two weeks', () => {
    expect(reports.event.rows.map((r) => r.period)).toEqual(['2026-W10', '2026-W11']);
    expect(reports.created.rows.map((r) => r.period)).toEqual(['2026-W10', '2026-W11']);
  });

  it.each(Object.entries(createdPlaced))('%s: the same in both modes', (metric, [w10, w11]) => {
    for (const mode of ['event', 'created'] as const) {
      const rows = byPeriod(reports[mode]);
      expect(rows['2026-W10']![metric], mode).toEqual(w10);
      expect(rows['2026-W11']![metric], mode).toEqual(w11);
    }
  });

  it.each(Object.entries(movedValue))('%s: W11 under event, W10 under created', (metric, [value, none]) => {
    const event = byPeriod(reports.event);
    const created = byPeriod(reports.created);
    expect(event['2026-W10']![metric]).toEqual(none);
    expect(event['2026-W11']![metric]).toEqual(value);
    expect(created['2026-W10']![metric]).toEqual(value);
    expect(created['2026-W11']![metric]).toEqual(none);
  });

  it('every metric is covered by the two tables above', () => {
    expect(Object.keys(reports.event.totals.metrics).sort()).toEqual([...Object.keys(createdPlaced), ...Object.keys(movedValue)].sort());
  });

  it('totals are the same in both modes (all events lie inside the range)', () => {
    expect(reports.created.totals).toEqual(reports.event.totals);
    expect(reports.created.totals.metrics.first_response_time).toEqual(firstResponse);
  });
});

describe('created: a ticket counts only for the events it has', () => {
  // Created in W10, never answered, never resolved; the columns exist (another file has them).
  // Under created it must not count as resolved, nor enter metrics "of the tickets resolved".
  const open: TicketInput = {
    id: 'open',
    created_at: '2026-03-04T10:00:00Z',
    agent: 'ann',
    satisfaction: 'bad',
    agent_replies: 1,
    reopens: 0,
    handle_time: 600,
    tags: ['refund'],
  };
  const options: ReportTestOptions = {
    presentFields: ['solved_at', 'first_response_at'],
    config: { sla: [{ name: 'Default', firstResponse: '1h', resolution: '8h' }] },
    from: '2026-03-02',
    to: '2026-03-09',
  };
  // The end of the data is 03-04 10:00 (its creation): both SLA deadlines lie after it, so pending.
  const EXPECTED: Record<string, unknown> = {
    tickets_created: 1,
    tickets_resolved: 0,
    backlog: 1,
    resolution_rate: rate(0, 1, 0),
    first_response_time: NO_DURATION,
    resolution_time: NO_DURATION,
    handle_time: NO_DURATION, // "of the tickets resolved in the period"
    first_contact_resolution: NO_RATE, // "of the tickets resolved in the period with agent_replies >= 1"
    reopen_rate: NO_RATE, // "of the tickets resolved in the period"
    cancellation_rate: NO_RATE, // "of the tickets resolved in the period"
    csat: rate(0, 1, 0), // never resolved: placed by created_at in both modes
    first_response_sla: NO_RATE, // pending
    resolution_sla: NO_RATE, // pending
    resolved_per_agent: NO_RATE, // "tickets resolved in the period with an agent"
  };

  it.each(Object.entries(EXPECTED))('%s', (metric, expected) => {
    const reports = both([open], options);
    expect(reports.event.totals.metrics[metric], 'event').toEqual(expected);
    expect(reports.created.totals.metrics[metric], 'created').toEqual(expected);
  });
});

describe('created: SLA outcomes', () => {
  // Policy: first response within 24 h.
  // p: created Sun 03-08 12:00, answered Tue 03-10 12:00: breached at the deadline Mon 03-09 12:00 (W11).
  // q: created Tue 03-10 09:00, never answered: deadline 03-11 09:00 after the end of the data
  //    (03-10 12:00): pending, counted nowhere in either mode.
  const records: TicketInput[] = [
    { id: 'p', created_at: '2026-03-08T12:00:00Z', first_response_at: '2026-03-10T12:00:00Z' },
    { id: 'q', created_at: '2026-03-10T09:00:00Z' },
  ];
  const reports = both(records, { config: { sla: [{ name: 'Default', firstResponse: '24h' }] } });

  it('a breach at a deadline in the next week: W11 under event, W10 under created; pending nowhere', () => {
    expect(reports.event.rows.map((r) => [r.period, r.metrics.first_response_sla])).toEqual([
      ['2026-W10', NO_RATE],
      ['2026-W11', rate(0, 1, 0)],
    ]);
    expect(reports.created.rows.map((r) => [r.period, r.metrics.first_response_sla])).toEqual([
      ['2026-W10', rate(0, 1, 0)],
      ['2026-W11', NO_RATE],
    ]);
    expect(reports.created.totals.metrics.first_response_sla).toEqual(rate(0, 1, 0));
  });
});

describe('backlog is unchanged by attribution', () => {
  const records: TicketInput[] = [
    { id: 'a', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-11T09:00:00Z' }, // open at the end of W10
    { id: 'b', created_at: '2026-03-05T09:00:00Z' }, // open at the end of W10, W11, W12
    { id: 'c', created_at: '2026-03-10T09:00:00Z', solved_at: '2026-03-10T10:00:00Z' }, // never open at an end
    { id: 'd', created_at: '2026-03-17T09:00:00Z', solved_at: '2026-03-22T09:00:00Z' }, // never open at an end
    { id: 'e', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-09T00:00:00Z' }, // resolved at the end of W10: open then
  ];

  it.each(['event', 'created'] as const)('%s: 3, 1, 1; totals 1 (open at the end of the range)', (attribution) => {
    const report = reportOf(records, { attribution });
    expect(report.rows.map((r) => [r.period, r.metrics.backlog])).toEqual([
      ['2026-W10', 3], // a, b, e
      ['2026-W11', 1], // b
      ['2026-W12', 1], // b
    ]);
    expect(report.totals.metrics.backlog).toBe(1);
  });
});

describe('--by under created: rows only where tickets were created', () => {
  const records: TicketInput[] = [
    // ann's ticket: created W10, answered and resolved in W11
    { id: '1', agent: 'ann', created_at: '2026-03-06T10:00:00Z', first_response_at: '2026-03-09T10:00:00Z', solved_at: '2026-03-10T10:00:00Z' },
    // bob's ticket: created and resolved in W11
    { id: '2', agent: 'bob', created_at: '2026-03-10T10:00:00Z', first_response_at: '2026-03-10T11:00:00Z', solved_at: '2026-03-11T10:00:00Z' },
  ];
  const view = (report: Report) =>
    report.rows.map((r) => ({
      period: r.period,
      agent: r.agent,
      created: r.metrics.tickets_created,
      resolved: r.metrics.tickets_resolved,
      firstResponses: (r.metrics.first_response_time as { count: number }).count,
    }));

  it('event: ann has a row in W10 (created) and in W11 (answered, resolved)', () => {
    expect(view(reportOf(records, { by: ['agent'], attribution: 'event' }))).toEqual([
      { period: '2026-W10', agent: 'ann', created: 1, resolved: 0, firstResponses: 0 },
      { period: '2026-W11', agent: 'ann', created: 0, resolved: 1, firstResponses: 1 },
      { period: '2026-W11', agent: 'bob', created: 1, resolved: 1, firstResponses: 1 },
    ]);
  });

  it('created: ann only in W10, bob only in W11, with all their events', () => {
    expect(view(reportOf(records, { by: ['agent'], attribution: 'created' }))).toEqual([
      { period: '2026-W10', agent: 'ann', created: 1, resolved: 1, firstResponses: 1 },
      { period: '2026-W11', agent: 'bob', created: 1, resolved: 1, firstResponses: 1 },
    ]);
  });
});

describe('totals over a range: the same tickets, placed differently', () => {
  // Every ticket is resolved, and every event lies in W10–W11.
  const records: TicketInput[] = [
    // created W10, answered W10 (1 h), resolved W11 (4 d)
    { id: 'a', created_at: '2026-03-05T09:00:00Z', first_response_at: '2026-03-05T10:00:00Z', solved_at: '2026-03-09T09:00:00Z', satisfaction: 5 },
    // created W10, answered W11 (3 d), resolved W11 (3 d 1 h)
    { id: 'b', created_at: '2026-03-06T09:00:00Z', first_response_at: '2026-03-09T09:00:00Z', solved_at: '2026-03-09T10:00:00Z', satisfaction: 1 },
    // created, answered (30 min) and resolved (2 h) in W11
    { id: 'c', created_at: '2026-03-10T09:00:00Z', first_response_at: '2026-03-10T09:30:00Z', solved_at: '2026-03-10T11:00:00Z' },
  ];

  it('over the whole data, totals are identical', () => {
    const reports = both(records);
    expect(reports.created.totals).toEqual(reports.event.totals);
    // first responses [1800, 3600, 259200]: mean 264600/3 = 88200, median 3600
    expect(reports.created.totals.metrics.first_response_time).toEqual({
      count: 3,
      mean: 88200,
      median: 3600,
      p90: 3600 + 0.8 * (259200 - 3600), // h = 1.8
    });
  });

  it('per week, the same tickets fall in different rows', () => {
    const reports = both(records);
    const counts = (report: Report) =>
      report.rows.map((r) => [r.period, (r.metrics.first_response_time as { count: number }).count, r.metrics.tickets_resolved, r.metrics.csat]);
    expect(counts(reports.event)).toEqual([
      ['2026-W10', 1, 0, NO_RATE], // a answered
      ['2026-W11', 2, 3, rate(1, 2, 0.5)], // b, c answered; a, b, c resolved; a ✓ b ✗ rated
    ]);
    expect(counts(reports.created)).toEqual([
      ['2026-W10', 2, 2, rate(1, 2, 0.5)], // a, b created
      ['2026-W11', 1, 1, NO_RATE], // c created
    ]);
  });

  it('over a range that cuts through, each mode counts the events (or creations) inside it', () => {
    // Range W11 only. event: b and c answered, a, b and c resolved in it.
    // created: only c was created in it, so only c's events count.
    const reports = both(records, { from: '2026-03-09', to: '2026-03-16' });
    expect(reports.event.totals.metrics.tickets_resolved).toBe(3);
    expect(reports.created.totals.metrics.tickets_resolved).toBe(1);
    expect(reports.event.totals.metrics.first_response_time).toEqual({
      count: 2,
      mean: (1800 + 259200) / 2, // 130500
      median: 130500,
      p90: 1800 + 0.9 * (259200 - 1800), // 233460
    });
    expect(reports.created.totals.metrics.first_response_time).toEqual(duration(1800));
    expect(reports.event.totals.metrics.tickets_created).toBe(1);
    expect(reports.created.totals.metrics.tickets_created).toBe(1);
  });
});
