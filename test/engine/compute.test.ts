import { describe, expect, it, vi } from 'vitest';
import { reportOf, type ReportTestOptions, type TicketInput } from '../helpers/build.js';
import { TICKET_FIELDS } from '../../src/schema/fields.js';
import { METRIC_IDS } from '../helpers/catalogue.js';
import { METRICS } from '../../src/metrics/index.js';
import { ScratchArrays } from '../../src/engine/views.js';

/**
 * The engine: placing events in periods and groups, the range, the rows and the totals
 * (spec, "Periods, time zone and range" and "Output").
 *
 * Weeks used below (UTC unless a test says otherwise), ISO weeks starting on Monday:
 * W09 = [Mon 2026-02-23, 03-02), W10 = [03-02, 03-09), W11 = [03-09, 03-16), W12 = [03-16, 03-23).
 */

const NO_DURATION = { count: 0, mean: null, median: null, p90: null };
const NO_RATE = { numerator: 0, denominator: 0, value: null };
const NO_NPS = { responses: 0, promoters: 0, passives: 0, detractors: 0, value: null };

/** period, start, end and one metric of every row. */
function rowsOf(records: TicketInput[] | TicketInput[][], options: ReportTestOptions, metric: string) {
  return reportOf(records, options).rows.map((row) => ({ period: row.period, start: row.start, end: row.end, value: row.metrics[metric] }));
}

/** Length of a row in hours, from its RFC 3339 start and end. */
const hoursOf = (row: { start: string; end: string }): number => (Date.parse(row.end) - Date.parse(row.start)) / 3_600_000;

describe('range clipping', () => {
  it('a range starting and ending mid-week clips the first and last rows, which keep their week labels', () => {
    const rows = rowsOf(
      [
        { id: 'before-from', created_at: '2026-03-03T23:59:59Z' },
        { id: 'at-from', created_at: '2026-03-04T00:00:00Z' },
        { id: 'before-to', created_at: '2026-03-18T11:59:59Z' },
        { id: 'at-to', created_at: '2026-03-18T12:00:00Z' },
      ],
      { from: '2026-03-04T00:00:00Z', to: '2026-03-18T12:00:00Z' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-W10', start: '2026-03-04T00:00:00+00:00', end: '2026-03-09T00:00:00+00:00', value: 1 },
      { period: '2026-W11', start: '2026-03-09T00:00:00+00:00', end: '2026-03-16T00:00:00+00:00', value: 0 },
      { period: '2026-W12', start: '2026-03-16T00:00:00+00:00', end: '2026-03-18T12:00:00+00:00', value: 1 },
    ]);
  });

  it('the report states the range it used', () => {
    const report = reportOf([{ id: 'a', created_at: '2026-03-05T10:00:00Z' }], {
      from: '2026-03-04T00:00:00Z',
      to: '2026-03-18T12:00:00Z',
    });
    expect(report.range).toEqual({ from: '2026-03-04T00:00:00+00:00', to: '2026-03-18T12:00:00+00:00' });
  });

  it('a clipped month keeps its month label', () => {
    const rows = rowsOf(
      [{ id: 'a', created_at: '2026-03-20T10:00:00Z' }],
      { period: 'month', from: '2026-02-15T00:00:00Z', to: '2026-03-25T00:00:00Z' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-02', start: '2026-02-15T00:00:00+00:00', end: '2026-03-01T00:00:00+00:00', value: 0 },
      { period: '2026-03', start: '2026-03-01T00:00:00+00:00', end: '2026-03-25T00:00:00+00:00', value: 1 },
    ]);
  });
});

describe('events outside the range', () => {
  // Range = W11 only. Ticket x: created in W10, first answered in W11, resolved in W12.
  const records: TicketInput[] = [
    {
      id: 'x',
      created_at: '2026-03-05T00:00:00Z',
      first_response_at: '2026-03-10T00:00:00Z', // 5 days after creation
      solved_at: '2026-03-20T00:00:00Z',
      satisfaction: 'good',
    },
    { id: 'at-to', created_at: '2026-03-16T00:00:00Z', solved_at: '2026-03-16T01:00:00Z', first_response_at: '2026-03-16T00:30:00Z', satisfaction: 'bad' },
    { id: 'before', created_at: '2026-03-01T00:00:00Z', solved_at: '2026-03-02T00:00:00Z', first_response_at: '2026-03-01T01:00:00Z', satisfaction: 'bad' },
  ];
  const options: ReportTestOptions = { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' };

  it('are counted in no row and not in the totals; only what happened inside counts', () => {
    const report = reportOf(records, options);
    // Inside W11: x's first response (432000 s) and x being open at the end (resolved 03-20 ≥ 03-16).
    const expected = {
      tickets_created: 0,
      tickets_resolved: 0,
      backlog: 1,
      resolution_rate: NO_RATE,
      first_response_time: { count: 1, mean: 432000, median: 432000, p90: 432000 },
      resolution_time: NO_DURATION,
      csat: NO_RATE, // placed by resolved_at (03-20), outside
      // No handle_time, agent_replies, reopens, escalated, channel, tags, nps, customer or agent
      // column, and no SLA policy: null, whatever the range.
      handle_time: null,
      business_first_response_time: null,
      business_resolution_time: null,
      first_contact_resolution: null,
      reopen_rate: null,
      escalation_rate: null,
      abandonment_rate: null,
      cancellation_rate: null,
      nps: null,
      first_response_sla: null,
      resolution_sla: null,
      tickets_per_customer: null,
      resolved_per_agent: null,
    };
    expect(report.rows.map((r) => r.period)).toEqual(['2026-W11']);
    expect(report.rows[0]!.metrics).toEqual(expected);
    expect(report.totals.metrics).toEqual(expected);
  });
});

describe('rows', () => {
  const records: TicketInput[] = [
    { id: '1', created_at: '2026-03-02T10:00:00Z', agent: 'ann' },
    { id: '2', created_at: '2026-03-17T10:00:00Z', agent: 'bob' },
  ];

  it('without --by, every period of the range gets a row, quiet ones included', () => {
    const report = reportOf(records, {});
    expect(report.rows.map((r) => [r.period, r.metrics.tickets_created])).toEqual([
      ['2026-W10', 1],
      ['2026-W11', 0],
      ['2026-W12', 1],
    ]);
  });

  it('with --by, a quiet period gets no row at all', () => {
    const report = reportOf(records, { by: ['agent'] });
    expect(report.rows.map((r) => [r.period, r.agent, r.metrics.tickets_created])).toEqual([
      ['2026-W10', 'ann', 1],
      ['2026-W12', 'bob', 1],
    ]);
  });

  it('with --by, a period where the group has any event gets a row, even an event no selected metric is placed by', () => {
    // bob only resolves in W12 and answers in W11; with --metrics tickets_created his rows there show 0.
    const events: TicketInput[] = [
      { id: '1', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-10T10:00:00Z', solved_at: '2026-03-17T10:00:00Z', agent: 'bob' },
    ];
    const onlyCreated = METRICS.filter((m) => m.meta.id === 'tickets_created');
    const report = reportOf(events, { by: ['agent'], metrics: onlyCreated });
    expect(report.rows.map((r) => [r.period, r.agent, r.metrics.tickets_created])).toEqual([
      ['2026-W10', 'bob', 1],
      ['2026-W11', 'bob', 0],
      ['2026-W12', 'bob', 0],
    ]);
  });

  it('are sorted by period, then by dimension values in order, blank (null) last, whatever the input order', () => {
    const week10 = '2026-03-03T10:00:00Z';
    const week11 = '2026-03-10T10:00:00Z';
    const report = reportOf(
      [
        { id: '1', created_at: week11, team: 'b', agent: 'ann' },
        { id: '2', created_at: week10, agent: 'cid' },
        { id: '3', created_at: week10, team: 'b', agent: 'bob' },
        { id: '4', created_at: week10, team: 'a' },
        { id: '5', created_at: week10, team: 'b' },
        { id: '6', created_at: week10, team: 'a', agent: 'zed' },
        { id: '7', created_at: week10, team: 'b', agent: 'ann' },
        { id: '8', created_at: week11, team: 'a', agent: 'ann' },
        { id: '9', created_at: week10 },
        { id: '10', created_at: week10, team: 'a', agent: 'bob' },
      ],
      { by: ['team', 'agent'] },
    );
    expect(report.rows.map((r) => [r.period, r.team, r.agent])).toEqual([
      ['2026-W10', 'a', 'bob'],
      ['2026-W10', 'a', 'zed'],
      ['2026-W10', 'a', null],
      ['2026-W10', 'b', 'ann'],
      ['2026-W10', 'b', 'bob'],
      ['2026-W10', 'b', null],
      ['2026-W10', null, 'cid'],
      ['2026-W10', null, null],
      ['2026-W11', 'a', 'ann'],
      ['2026-W11', 'b', 'ann'],
    ]);
  });

  it('dimension values compare by code unit, so the order is the same on every machine (assumption: spec says only "sorted")', () => {
    const report = reportOf(
      [
        { id: '1', created_at: '2026-03-03T10:00:00Z', agent: 'ann' },
        { id: '2', created_at: '2026-03-03T10:00:00Z', agent: 'Zoe' },
        { id: '3', created_at: '2026-03-03T10:00:00Z', agent: 'Ann' },
        { id: '4', created_at: '2026-03-03T10:00:00Z', agent: 'émile' },
      ],
      { by: ['agent'] },
    );
    expect(report.rows.map((r) => r.agent)).toEqual(['Ann', 'Zoe', 'ann', 'émile']);
  });

  it('have period, start, end, one key per --by dimension, and one metric per id, in registry order', () => {
    const report = reportOf([{ id: '1', created_at: '2026-03-03T10:00:00Z', agent: 'ann' }], { by: ['agent', 'channel'] });
    expect(report.by).toEqual(['agent', 'channel']);
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0]!;
    expect(Object.keys(row).sort()).toEqual(['agent', 'channel', 'end', 'metrics', 'period', 'start']);
    expect(row.agent).toBe('ann');
    expect(row.channel).toBeNull();
    expect(Object.keys(row.metrics)).toEqual(METRIC_IDS);
    expect(Object.keys(report.totals.metrics)).toEqual(METRIC_IDS);
    expect(report.metrics.map((m) => m.id)).toEqual(METRIC_IDS);
  });
});

describe('totals', () => {
  it('cover the whole range without the split: durations are pooled, not averaged per group', () => {
    const report = reportOf(
      [
        { id: '1', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-02T10:01:40Z', agent: 'ann' }, // 100 s
        { id: '2', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-02T10:03:20Z', agent: 'bob' }, // 200 s
        { id: '3', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-02T10:05:00Z', agent: 'bob' }, // 300 s
        { id: '4', created_at: '2026-03-10T10:00:00Z', first_response_at: '2026-03-10T10:16:40Z', agent: 'bob' }, // 1000 s, W11
      ],
      { by: ['agent'] },
    );
    // Pooled [100, 200, 300, 1000]: mean 400; median h = 1.5 → 250; p90 h = 2.7 → 300 + 0.7·700 = 790.
    // (The mean of the rows' means would be (100 + 250 + 1000) / 3 = 450.)
    expect(report.totals.metrics.first_response_time).toEqual({ count: 4, mean: 400, median: 250, p90: expect.closeTo(790, 6) });
    expect(report.totals.metrics.tickets_created).toBe(4);
  });

  it('backlog totals: open at the end of the range, also for groups with no row in the last period', () => {
    const report = reportOf(
      [
        { id: '1', created_at: '2026-03-02T10:00:00Z', agent: 'ann' }, // open, no event after W10
        { id: '2', created_at: '2026-03-10T10:00:00Z', agent: 'bob', solved_at: '2026-03-11T10:00:00Z' },
        { id: '3', created_at: '2026-03-10T10:00:00Z', agent: 'bob' }, // open
      ],
      { by: ['agent'] },
    );
    expect(report.rows.map((r) => [r.period, r.agent, r.metrics.backlog])).toEqual([
      ['2026-W10', 'ann', 1],
      ['2026-W11', 'bob', 1],
    ]);
    expect(report.totals.metrics.backlog).toBe(2);
  });

  it('equal the single row for period all', () => {
    const report = reportOf(
      [
        { id: '1', created_at: '2026-03-02T10:00:00Z', solved_at: '2026-03-20T08:00:00Z', satisfaction: 'good' },
        { id: '2', created_at: '2026-03-05T10:00:00Z' },
      ],
      { period: 'all' },
    );
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]!.metrics).toEqual(report.totals.metrics);
    expect(report.totals.metrics.tickets_created).toBe(2);
    expect(report.totals.metrics.backlog).toBe(1);
  });
});

describe('periods', () => {
  it('all: one row from the start of the earliest day to the end of the latest day', () => {
    const rows = rowsOf(
      [{ id: '1', created_at: '2026-03-02T10:00:00Z', solved_at: '2026-03-20T08:00:00Z' }],
      { period: 'all' },
      'tickets_resolved',
    );
    expect(rows).toEqual([{ period: 'all', start: '2026-03-02T00:00:00+00:00', end: '2026-03-21T00:00:00+00:00', value: 1 }]);
  });

  it('all in Europe/Berlin: local days', () => {
    // 03-01T23:30Z is 03-02 00:30 CET; 03-20T23:30Z is 03-21 00:30 CET.
    const rows = rowsOf(
      [{ id: '1', created_at: '2026-03-01T23:30:00Z', solved_at: '2026-03-20T23:30:00Z' }],
      { period: 'all', zone: 'Europe/Berlin' },
      'tickets_created',
    );
    expect(rows).toEqual([{ period: 'all', start: '2026-03-02T00:00:00+01:00', end: '2026-03-22T00:00:00+01:00', value: 1 }]);
  });

  it('month: labels and a quiet month', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-01-31T23:59:59Z' },
        { id: '2', created_at: '2026-03-01T00:00:00Z' },
      ],
      { period: 'month' },
      'tickets_created',
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });

  it('quarter: the last second of Q1 and the first of Q2, and in Berlin 03-31T22:30Z is already Q2', () => {
    const records = [
      { id: '1', created_at: '2026-03-31T21:59:59Z' }, // 23:59:59 CEST, Q1 in either zone
      { id: '2', created_at: '2026-03-31T22:30:00Z' }, // UTC: Q1; Berlin: 04-01 00:30 CEST, Q2
      { id: '3', created_at: '2026-04-01T00:00:00Z' }, // Q2 in either zone
    ];
    expect(rowsOf(records, { period: 'quarter' }, 'tickets_created').map((r) => [r.period, r.value])).toEqual([
      ['2026-Q1', 2],
      ['2026-Q2', 1],
    ]);
    expect(rowsOf(records, { period: 'quarter', zone: 'Europe/Berlin' }, 'tickets_created').map((r) => [r.period, r.value])).toEqual([
      ['2026-Q1', 1],
      ['2026-Q2', 2],
    ]);
  });

  it('year', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2025-12-31T23:59:59Z' },
        { id: '2', created_at: '2026-01-01T00:00:00Z' },
      ],
      { period: 'year' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2025', start: '2025-01-01T00:00:00+00:00', end: '2026-01-01T00:00:00+00:00', value: 1 },
      { period: '2026', start: '2026-01-01T00:00:00+00:00', end: '2027-01-01T00:00:00+00:00', value: 1 },
    ]);
  });

  it('weeks across the year end: 2026-W53 holds 2026-12-31 and 2027-01-01', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-12-27T12:00:00Z' }, // Sunday: 2026-W52
        { id: '2', created_at: '2026-12-31T12:00:00Z' }, // Thursday: 2026-W53
        { id: '3', created_at: '2027-01-01T12:00:00Z' }, // Friday: 2026-W53
        { id: '4', created_at: '2027-01-04T00:00:00Z' }, // Monday: 2027-W01
      ],
      {},
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-W52', start: '2026-12-21T00:00:00+00:00', end: '2026-12-28T00:00:00+00:00', value: 1 },
      { period: '2026-W53', start: '2026-12-28T00:00:00+00:00', end: '2027-01-04T00:00:00+00:00', value: 2 },
      { period: '2027-W01', start: '2027-01-04T00:00:00+00:00', end: '2027-01-11T00:00:00+00:00', value: 1 },
    ]);
  });
});

describe('DST', () => {
  it('Europe/Berlin spring forward: 2026-03-29 is a 23-hour day and keeps every ticket', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-03-28T22:59:00Z' }, // Sat 23:59 CET → 03-28
        { id: '2', created_at: '2026-03-28T23:30:00Z' }, // Sun 00:30 CET → 03-29
        { id: '3', created_at: '2026-03-29T01:30:00Z' }, // Sun 03:30 CEST → 03-29
        { id: '4', created_at: '2026-03-29T21:59:00Z' }, // Sun 23:59 CEST → 03-29
        { id: '5', created_at: '2026-03-29T22:00:00Z' }, // Mon 00:00 CEST → 03-30
      ],
      { zone: 'Europe/Berlin', period: 'day' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-03-28', start: '2026-03-28T00:00:00+01:00', end: '2026-03-29T00:00:00+01:00', value: 1 },
      { period: '2026-03-29', start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00', value: 3 },
      { period: '2026-03-30', start: '2026-03-30T00:00:00+02:00', end: '2026-03-31T00:00:00+02:00', value: 1 },
    ]);
    expect(rows.map(hoursOf)).toEqual([24, 23, 24]);
  });

  it('Europe/Berlin fall back: 2026-10-25 is a 25-hour day; both 02:30s land in it', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-10-24T21:59:00Z' }, // Sat 23:59 CEST → 10-24
        { id: '2', created_at: '2026-10-24T22:00:00Z' }, // Sun 00:00 CEST → 10-25
        { id: '3', created_at: '2026-10-25T00:30:00Z' }, // Sun 02:30 CEST → 10-25
        { id: '4', created_at: '2026-10-25T01:30:00Z' }, // Sun 02:30 CET → 10-25
        { id: '5', created_at: '2026-10-25T22:59:00Z' }, // Sun 23:59 CET → 10-25
        { id: '6', created_at: '2026-10-25T23:00:00Z' }, // Mon 00:00 CET → 10-26
      ],
      { zone: 'Europe/Berlin', period: 'day' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-10-24', start: '2026-10-24T00:00:00+02:00', end: '2026-10-25T00:00:00+02:00', value: 1 },
      { period: '2026-10-25', start: '2026-10-25T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00', value: 4 },
      { period: '2026-10-26', start: '2026-10-26T00:00:00+01:00', end: '2026-10-27T00:00:00+01:00', value: 1 },
    ]);
    expect(rows.map(hoursOf)).toEqual([24, 25, 24]);
  });

  it('input without an offset, read in Europe/Berlin across the spring-forward gap, lands on the right day', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-03-28T23:59:00' }, // CET
        { id: '2', created_at: '2026-03-29T02:30:00' }, // in the gap: read as 03:30 CEST, still 03-29
        { id: '3', created_at: '2026-03-29T23:59:00' }, // CEST
      ],
      { zone: 'Europe/Berlin', period: 'day' },
      'tickets_created',
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
    ]);
  });

  it('America/New_York weeks: Monday midnight local, EST before the 2026-03-08 change and EDT after', () => {
    const rows = rowsOf(
      [
        { id: '1', created_at: '2026-03-02T04:59:00Z' }, // Sun 03-01 23:59 EST → W09
        { id: '2', created_at: '2026-03-02T05:00:00Z' }, // Mon 03-02 00:00 EST → W10
        { id: '3', created_at: '2026-03-09T03:59:00Z' }, // Sun 03-08 23:59 EDT → W10
        { id: '4', created_at: '2026-03-09T04:00:00Z' }, // Mon 03-09 00:00 EDT → W11
      ],
      { zone: 'America/New_York' },
      'tickets_created',
    );
    expect(rows).toEqual([
      { period: '2026-W09', start: '2026-02-23T00:00:00-05:00', end: '2026-03-02T00:00:00-05:00', value: 1 },
      { period: '2026-W10', start: '2026-03-02T00:00:00-05:00', end: '2026-03-09T00:00:00-04:00', value: 2 },
      { period: '2026-W11', start: '2026-03-09T00:00:00-04:00', end: '2026-03-16T00:00:00-04:00', value: 1 },
    ]);
    expect(rows.map(hoursOf)).toEqual([168, 167, 168]);
  });

  it('a backlog is taken at the local end of the DST day', () => {
    // Resolved 2026-03-29T22:30Z = 03-30 00:30 CEST: after the end of 03-29 (22:00Z), so open at it.
    const rows = rowsOf(
      [{ id: '1', created_at: '2026-03-29T01:30:00Z', solved_at: '2026-03-29T22:30:00Z' }],
      { zone: 'Europe/Berlin', period: 'day' },
      'backlog',
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-03-29', 1],
      ['2026-03-30', 0],
    ]);
  });
});

describe('the report object', () => {
  it('states schema, zones, period, split and the input counts (distinct tickets, duplicates, rejected)', () => {
    const report = reportOf(
      [
        [
          { id: 'a', created_at: '2026-03-02T10:00:00Z' },
          { id: 'b', created_at: '2026-03-02T10:00:00Z' },
          { id: 'bad', created_at: 'yesterday' },
        ],
        [
          { id: 'a', created_at: '2026-03-03T10:00:00Z' },
          { id: 'c', created_at: '2026-03-03T10:00:00Z' },
        ],
      ],
      { zone: 'Europe/Berlin', inputZone: 'America/New_York', period: 'day', by: ['team'] },
    );
    expect(report).toMatchObject({
      schema: 'support-metrics/report@1',
      timezone: 'Europe/Berlin',
      inputTimezone: 'America/New_York',
      period: 'day',
      by: ['team'],
      // a (twice), b, c: 3 distinct tickets; file 1's a lost to file 2's a (read last).
      input: {
        records: 3,
        rejected: 1,
        duplicates: 1,
        files: [
          { path: 'file1.json', records: 1, rejected: 1, duplicates: 1 },
          { path: 'file2.json', records: 2, rejected: 0, duplicates: 0 },
        ],
      },
    });
  });

  it('only id and created_at: every metric that needs more is null, each with a note', () => {
    const report = reportOf([{ id: 'a', created_at: '2026-03-02T10:00:00Z' }]);
    const unavailable = METRIC_IDS.filter((id) => id !== 'tickets_created');
    expect(report.notes.map((n) => n.metric)).toEqual(unavailable);
    // Each note names every column the metric misses (src/metrics/*.ts `needs`); a missing column
    // is reported before a missing SLA policy.
    const missing: Record<string, string[]> = {
      tickets_resolved: ['solved_at or closed_at'],
      backlog: ['solved_at or closed_at or resolved or status'],
      resolution_rate: ['solved_at or closed_at or resolved or status'],
      first_response_time: ['first_response_at'],
      resolution_time: ['solved_at or closed_at'],
      handle_time: ['handle_time', 'solved_at or closed_at'],
      business_first_response_time: ['business_first_response_time'],
      business_resolution_time: ['business_resolution_time', 'solved_at or closed_at'],
      first_contact_resolution: ['agent_replies', 'solved_at or closed_at'],
      reopen_rate: ['reopens', 'solved_at or closed_at'],
      escalation_rate: ['escalated'],
      abandonment_rate: ['answered or channel', 'answered or first_response_at', 'answered or solved_at or closed_at'],
      cancellation_rate: ['tags', 'solved_at or closed_at'],
      csat: ['satisfaction'],
      nps: ['nps'],
      first_response_sla: ['first_response_at'],
      resolution_sla: ['solved_at or closed_at'],
      tickets_per_customer: ['customer'],
      resolved_per_agent: ['agent', 'solved_at or closed_at'],
    };
    for (const note of report.notes) {
      const columns = missing[note.metric!]!;
      if (columns.length === 1) expect(note.message, note.metric!).toBe(`no input file has the ${columns[0]} column`);
      else for (const column of columns) expect(note.message, note.metric!).toMatch(new RegExp(`^no input file has the columns .*\\b${column}\\b`));
    }
    for (const id of unavailable) {
      expect(report.rows[0]!.metrics[id]).toBeNull();
      expect(report.totals.metrics[id]).toBeNull();
    }
    expect(report.rows[0]!.metrics.tickets_created).toBe(1);
  });

  it('no tickets in a given range, all columns present and SLA targets set: zeros and nulls, never 0 for a mean or a rate', () => {
    const config = { sla: [{ name: 'Default', firstResponse: '24h', resolution: '72h' }] };
    const report = reportOf([], { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z', presentFields: [...TICKET_FIELDS], config });
    const empty = {
      tickets_created: 0,
      tickets_resolved: 0,
      backlog: 0,
      resolution_rate: NO_RATE,
      first_response_time: NO_DURATION,
      resolution_time: NO_DURATION,
      handle_time: NO_DURATION,
      business_first_response_time: NO_DURATION,
      business_resolution_time: NO_DURATION,
      first_contact_resolution: NO_RATE,
      reopen_rate: NO_RATE,
      escalation_rate: NO_RATE,
      abandonment_rate: NO_RATE,
      cancellation_rate: NO_RATE,
      csat: NO_RATE,
      nps: NO_NPS,
      first_response_sla: NO_RATE,
      resolution_sla: NO_RATE,
      tickets_per_customer: NO_RATE,
      resolved_per_agent: NO_RATE,
    };
    expect(report.notes).toEqual([]);
    expect(report.rows.map((r) => [r.period, r.metrics])).toEqual([
      ['2026-W10', empty],
      ['2026-W11', empty],
    ]);
    expect(report.totals.metrics).toEqual(empty);
  });

  it('all columns present but no config: only the SLA metrics are null, each with a note', () => {
    const report = reportOf([], { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', presentFields: [...TICKET_FIELDS] });
    expect(report.notes).toEqual([
      { metric: 'first_response_sla', message: 'no SLA policy in the config has a firstResponse target' },
      { metric: 'resolution_sla', message: 'no SLA policy in the config has a resolution target' },
    ]);
    for (const metrics of [report.rows[0]!.metrics, report.totals.metrics]) {
      expect(metrics.first_response_sla).toBeNull();
      expect(metrics.resolution_sla).toBeNull();
      expect(metrics.cancellation_rate).toEqual(NO_RATE);
    }
  });

  it('a policy with only one target: the other SLA metric is null, with its note', () => {
    const config = { sla: [{ name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' }] };
    const report = reportOf([], { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', presentFields: [...TICKET_FIELDS], config });
    expect(report.notes).toEqual([{ metric: 'resolution_sla', message: 'no SLA policy in the config has a resolution target' }]);
    expect(report.totals.metrics.first_response_sla).toEqual(NO_RATE);
    expect(report.totals.metrics.resolution_sla).toBeNull();
  });
});

describe('--attribution created (issue 3: "every metric of a ticket counts in the period the ticket was created")', () => {
  // R: created W10, resolved W11 (8 days later), one reply, reopened once, refund tag.
  // O: created W10, answered, never resolved; it has a handle time, a reply, a churn tag and an
  //    agent so far, but no resolution, so no metric "of the tickets resolved" may count it.
  const records: TicketInput[] = [
    {
      id: 'R',
      created_at: '2026-03-02T09:00:00Z',
      first_response_at: '2026-03-02T09:10:00Z',
      solved_at: '2026-03-10T09:00:00Z',
      handle_time: 300,
      agent_replies: 1,
      reopens: 1,
      tags: ['refund'],
      agent: 'ann',
    },
    {
      id: 'O',
      created_at: '2026-03-03T09:00:00Z',
      first_response_at: '2026-03-03T09:30:00Z',
      handle_time: 600,
      agent_replies: 1,
      reopens: 0,
      tags: ['cancellation'],
      agent: 'bob',
    },
  ];
  const resolvedMetrics = (report: ReturnType<typeof reportOf>, period: string) => {
    const { metrics } = report.rows.find((r) => r.period === period)!;
    return {
      tickets_resolved: metrics.tickets_resolved,
      resolution_time: metrics.resolution_time,
      handle_time: metrics.handle_time,
      first_contact_resolution: metrics.first_contact_resolution,
      reopen_rate: metrics.reopen_rate,
      cancellation_rate: metrics.cancellation_rate,
      resolved_per_agent: metrics.resolved_per_agent,
    };
  };
  // Only R's resolution is counted: 691200 s; handle time 300 s; not first-contact (reopened);
  // reopened; churn-tagged; one ticket for one agent.
  const onlyR = {
    tickets_resolved: 1,
    resolution_time: { count: 1, mean: 691_200, median: 691_200, p90: 691_200 },
    handle_time: { count: 1, mean: 300, median: 300, p90: 300 },
    first_contact_resolution: { numerator: 0, denominator: 1, value: 0 },
    reopen_rate: { numerator: 1, denominator: 1, value: 1 },
    cancellation_rate: { numerator: 1, denominator: 1, value: 1 },
    resolved_per_agent: { numerator: 1, denominator: 1, value: 1 },
  };

  it('event: the resolution-placed metrics count R in W11, where it was resolved, and never O', () => {
    const report = reportOf(records, { attribution: 'event' });
    expect(report.rows.map((r) => r.period)).toEqual(['2026-W10', '2026-W11']);
    expect(resolvedMetrics(report, '2026-W11')).toEqual(onlyR);
    expect(report.rows[0]!.metrics.tickets_resolved).toBe(0);
  });

  it('created: the same metrics count R in W10, where it was created, and still never O', () => {
    const report = reportOf(records, { attribution: 'created' });
    expect(report.attribution).toBe('created');
    expect(resolvedMetrics(report, '2026-W10')).toEqual(onlyR);
    expect(report.totals.metrics.tickets_resolved).toBe(1);
  });
});

describe('the arrays placing a view borrows', () => {
  it('are made in memory the store holds spare (a filed log) before new memory, and given back ones before either', () => {
    const given = [new ArrayBuffer(64), new ArrayBuffer(40)];
    const spare = [...given];
    const asked: number[] = [];
    const scratch = new ScratchArrays(10, (bytes) => {
      asked.push(bytes);
      const at = spare.findIndex((b) => b.byteLength >= bytes);
      return at < 0 ? undefined : spare.splice(at, 1)[0];
    });
    const [a, b, c] = [scratch.take(), scratch.take(), scratch.take()];
    expect(asked).toEqual([40, 40, 40]);
    expect(a.buffer).toBe(given[0]);
    expect(b.buffer).toBe(given[1]);
    expect(c.buffer !== given[0] && c.buffer !== given[1]).toBe(true);
    expect([a.length, b.length, c.length]).toEqual([10, 10, 10]);
    scratch.give(b);
    expect(scratch.take()).toBe(b);
    expect(asked).toHaveLength(3);
  });

  it('are the same few for every view of a report (rows by agent, headline, comparison, goal), each given back before the next view', () => {
    const take = vi.spyOn(ScratchArrays.prototype, 'take');
    try {
      const records = Array.from({ length: 40 }, (_, i) => ({
        id: `T${i}`,
        created_at: `2026-03-0${2 + (i % 7)}T09:00:00Z`,
        first_response_at: `2026-03-0${2 + (i % 7)}T10:00:00Z`,
        solved_at: i % 3 === 0 ? undefined : `2026-03-${10 + (i % 9)}T09:00:00Z`,
        agent: `Agent ${i % 4}`,
      }));
      const report = reportOf(records, { by: ['agent'], compare: 'previous', config: { goals: [{ metric: 'first_response_time', max: '2h', by: 'agent' }] } });
      expect(report.headline).not.toBeNull();
      const borrowed = take.mock.results.map((r) => r.value as Int32Array);
      // Four views (rows, comparison, headline, goal), three or four arrays each.
      expect(borrowed.length).toBeGreaterThanOrEqual(12);
      expect(new Set(borrowed).size).toBeLessThanOrEqual(4);
    } finally {
      take.mockRestore();
    }
  });
});
