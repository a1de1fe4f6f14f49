import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { servicenow } from '../../src/presets/servicenow.js';
import { expectOneLineError, fixtureDir, cli, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * The servicenow preset (issue 4) on test/fixtures/presets/servicenow-incident-log.csv, written from
 * ServiceNow's incident table as its event log exports it: one row per update, so a `number`
 * repeats and the row with the latest `sys_updated_at` is the incident's current state; `?` for
 * null; dates day-first `DD-MM-YYYY HH:MM` without an offset; priority like `3 - Moderate`.
 *
 * The fixture (10 rows, 4 incidents), read in UTC (W10 = 2–8 March 2026, W11 = 9–15 March):
 *
 *   INC0010001  rows New (upd 02-03 09:05), Active (02-03 10:00), Resolved (03-03 15:00)
 *               latest: Resolved, opened 02-03 09:00, resolved 03-03 15:00 (30 h = 108000 s), Agent 7
 *   INC0010002  rows New (04-03 13:35), Active reopened (06-03 09:00, resolved_at ?, reopen_count 1),
 *               then Resolved (05-03 14:30) LAST IN THE FILE but earlier: the latest is the reopened
 *               row, so the incident is open (in the backlog) with reopens 1, Agent 8
 *   INC0010003  rows New (10-03 08:10), Closed (15-03 12:00), then Resolved (14-03 12:00): the latest
 *               is Closed: opened 10-03 08:00, resolved 14-03 12:00 (100 h = 360000 s), closed 15-03 12:00
 *   INC0010004  one row New, opened 13-03 17:45, assigned_to and assignment_group "?" (blank)
 *
 * Each date column holds a day > 12 (13-03, 14-03, 15-03), so each is decided day-first.
 *
 *   W10: created 0001 0002 (2); resolved 0001 (108000 s); open at the end: 0002 (1).
 *   W11: created 0003 0004 (2); resolved 0003 (360000 s); open at the end: 0002 0004 (2).
 *   Total: created 4, resolved 2, backlog 2; resolution mean 234000, median 234000,
 *          p90 108000 + 0.9 × 252000 = 334800; 10 rows = 4 incidents + 6 duplicates.
 */

const fixtures = fixtureDir('presets');
const fixture = join(fixtures, 'servicenow-incident-log.csv');
const work = workDirectory('servicenow');
afterAll(() => work.remove());

const report = async (args: string[] = [], file = fixture): Promise<{ run: Run; json: any }> => {
  const r = await cli(['report', file, '--format', 'json', ...args], { cwd: work.fresh('report') });
  expect(r.code, r.stderr).toBe(0);
  return { run: r, json: JSON.parse(r.stdout) };
};

const ticketLines = async (args: string[] = []): Promise<any[]> => {
  const r = await cli(['tickets', fixture, '--format', 'json', ...args], { cwd: work.fresh('tickets') });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as any[]).sort((a, b) => a.id.localeCompare(b.id));
};

const byPeriod = (json: any, metric: string): [string, unknown][] => [
  ...json.rows.map((row: any) => [row.period, row.metrics[metric]] as [string, unknown]),
  ['total', json.totals.metrics[metric]],
];

describe('servicenow preset: recognised and read', () => {
  it('is recognised from the header, and says so on stderr, with the dates read day-first', async () => {
    const { run: r, json } = await report();
    expect(r.stderr).toContain('servicenow-incident-log.csv: read as a ServiceNow incident export or event log (preset servicenow, recognised from the header)');
    expect(r.stderr).toMatch(/servicenow-incident-log\.csv: dates read as .*opened_at \(created_at\) day first/);
    expect(r.stderr).toMatch(/sys_updated_at \(updated_at\) day first/);
    expect(json.input).toMatchObject({ records: 4, rejected: 0, duplicates: 6 });
    expect(json.range).toEqual({ from: '2026-03-02T00:00:00+00:00', to: '2026-03-16T00:00:00+00:00' });
  });

  it('--preset servicenow gives the same report', async () => {
    const detected = (await report()).json;
    const { run: r, json } = await report(['--preset', 'servicenow']);
    expect(json).toEqual(detected);
    expect(r.stderr).not.toContain('recognised from the header');
  });

  it('each incident in its latest state (latest sys_updated_at, not last row); "?" is blank; priority as written', async () => {
    const seen = (await ticketLines()).map((t) => ({
      id: t.id,
      created_at: t.created_at,
      resolved_at: t.resolved_at,
      status: t.status,
      agent: t.agent,
      team: t.team,
      channel: t.channel,
      priority: t.priority,
      resolution_time: t.resolution_time,
      reopens: t.reopens,
    }));
    expect(seen).toEqual([
      {
        id: 'INC0010001', created_at: '2026-03-02T09:00:00+00:00', resolved_at: '2026-03-03T15:00:00+00:00', status: 'solved',
        agent: 'Agent 7', team: 'Service Desk', channel: 'Phone', priority: '3 - Moderate', resolution_time: 108000, reopens: 0,
      },
      {
        id: 'INC0010002', created_at: '2026-03-04T13:30:00+00:00', resolved_at: null, status: 'open',
        agent: 'Agent 8', team: 'Network', channel: 'Email', priority: '2 - High', resolution_time: null, reopens: 1,
      },
      {
        id: 'INC0010003', created_at: '2026-03-10T08:00:00+00:00', resolved_at: '2026-03-14T12:00:00+00:00', status: 'closed',
        agent: 'Agent 7', team: 'Service Desk', channel: 'Self service', priority: '3 - Moderate', resolution_time: 360000, reopens: 0,
      },
      {
        id: 'INC0010004', created_at: '2026-03-13T17:45:00+00:00', resolved_at: null, status: 'new',
        agent: null, team: null, channel: 'Phone', priority: '4 - Low', resolution_time: null, reopens: 0,
      },
    ]);
  });
});

describe('servicenow preset: the report, worked out by hand', () => {
  it('volume: the reopened incident (latest row) is in the backlog', async () => {
    const { json } = await report();
    expect(byPeriod(json, 'tickets_created')).toEqual([['2026-W10', 2], ['2026-W11', 2], ['total', 4]]);
    expect(byPeriod(json, 'tickets_resolved')).toEqual([['2026-W10', 1], ['2026-W11', 1], ['total', 2]]);
    expect(byPeriod(json, 'backlog')).toEqual([['2026-W10', 1], ['2026-W11', 2], ['total', 2]]);
  });

  it('resolution time from opened_at to resolved_at (not closed_at)', async () => {
    const { json } = await report();
    expect(byPeriod(json, 'resolution_time')).toEqual([
      ['2026-W10', { count: 1, mean: 108000, median: 108000, p90: 108000 }],
      ['2026-W11', { count: 1, mean: 360000, median: 360000, p90: 360000 }],
      ['total', { count: 2, mean: 234000, median: 234000, p90: 334800 }],
    ]);
    expect(json.totals.metrics.resolved_per_agent).toEqual({ numerator: 2, denominator: 1, value: 2 });
  });

  it('no first-response or satisfaction column: those metrics are null with a note, not zero', async () => {
    const { json } = await report();
    expect(json.totals.metrics.first_response_time).toBeNull();
    expect(json.totals.metrics.csat).toBeNull();
    expect(json.notes.map((n: { metric: string }) => n.metric)).toEqual(expect.arrayContaining(['first_response_time', 'csat']));
  });
});

describe('servicenow preset: --input-tz for the offset-less day-first dates', () => {
  it('--input-tz Europe/Berlin (UTC+1 in March): every date is an hour earlier in UTC; durations stay', async () => {
    const lines = await ticketLines(['--input-tz', 'Europe/Berlin']);
    expect(lines.map((t) => [t.id, t.created_at, t.resolved_at, t.resolution_time])).toEqual([
      ['INC0010001', '2026-03-02T08:00:00+00:00', '2026-03-03T14:00:00+00:00', 108000],
      ['INC0010002', '2026-03-04T12:30:00+00:00', null, null],
      ['INC0010003', '2026-03-10T07:00:00+00:00', '2026-03-14T11:00:00+00:00', 360000],
      ['INC0010004', '2026-03-13T16:45:00+00:00', null, null],
    ]);
  });
});

describe('servicenow preset: a date column whose every value is ambiguous', () => {
  /** Writes an event log whose columns are all clearly day-first except `ambiguousColumn`. */
  function eventLog(name: string, rows: string[]): string {
    const dir = work.fresh(name);
    const file = join(dir, 'incidents.csv');
    writeFileSync(file, ['number,incident_state,opened_at,sys_updated_at,resolved_at,closed_at', ...rows].join('\n') + '\n');
    return file;
  }

  it('closed_at: stops and asks for --date-format, naming the column and an example; with it, the file reads', async () => {
    // closed_at holds only 05-03-2026 12:00 (5 March or 3 May); the other columns hold a day > 12.
    const file = eventLog('ambiguous-closed', [
      'INC1,New,01-03-2026 09:00,01-03-2026 09:05,?,?',
      'INC1,Closed,01-03-2026 09:00,05-03-2026 12:00,02-03-2026 10:00,05-03-2026 12:00',
      'INC2,New,13-03-2026 17:45,13-03-2026 17:45,?,?',
      'INC2,Resolved,13-03-2026 17:45,14-03-2026 09:00,14-03-2026 09:00,?',
    ]);
    const line = expectOneLineError(await cli(['report', file, '--format', 'json'], { cwd: work.fresh('ambiguous-closed-run') }), 2);
    expect(line).toContain('closed_at');
    expect(line).toContain('"05-03-2026 12:00"');
    expect(line).toContain('--date-format');
    const { json } = await report(['--date-format', 'DMY'], file);
    expect(json.input).toMatchObject({ records: 2, rejected: 0, duplicates: 2 });
    expect(json.totals.metrics.tickets_resolved).toBe(2);
  });

  it('resolved_at: the message names the column as the export writes it ("resolved_at")', async () => {
    // Only resolved_at is ambiguous (02-03-2026 10:00). The user's file has no "solved_at" column.
    const file = eventLog('ambiguous-resolved', [
      'INC1,Closed,01-03-2026 09:00,15-03-2026 12:00,02-03-2026 10:00,15-03-2026 12:00',
      'INC2,New,13-03-2026 17:45,13-03-2026 17:45,?,?',
    ]);
    const line = expectOneLineError(await cli(['report', file, '--format', 'json'], { cwd: work.fresh('ambiguous-resolved-run') }), 2);
    expect(line).toContain('"02-03-2026 10:00"');
    expect(line).toContain('resolved_at');
  });
});

describe('servicenow preset: declared as issue 4 describes the export', () => {
  it('maps the documented columns and reads "?" as blank', () => {
    expect(servicenow.dialect.columns).toMatchObject({
      id: 'number',
      created_at: 'opened_at',
      solved_at: 'resolved_at',
      closed_at: 'closed_at',
      updated_at: 'sys_updated_at',
      agent: 'assigned_to',
      team: 'assignment_group',
      channel: 'contact_type',
      priority: 'priority',
      reopens: 'reopen_count',
    });
    expect(servicenow.dialect.sentinels).toContain('?');
  });
});
