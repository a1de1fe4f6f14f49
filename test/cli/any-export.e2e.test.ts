import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateFormatFlag, fieldMap, FlagValueError } from '../../src/cli/flag-values.js';
import { TICKET_FIELDS } from '../../src/schema/fields.js';
import { utcMillis } from '../../src/time/zone.js';
import { binPath, cli, expectOneLineError, fixtureDir } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Exports nobody on this project wrote (fixtures written from each format's documented shape,
 * test/fixtures/any-export/README.md): a date and a time in separate columns, dates in a pattern,
 * headers with commas.
 */

const anyExport = fixtureDir('any-export');
const work = workDirectory('any-export');
afterAll(() => work.remove());

describe('--map: quoting and joining', () => {
  const map = fieldMap(TICKET_FIELDS);

  it('a header in double quotes keeps its commas, = and + (a doubled quote is a quote)', () => {
    expect(map('created_at="Opened, On",agent=Owner,team="C++ ""core"" = yes"')).toEqual({ created_at: 'Opened, On', agent: 'Owner', team: 'C++ "core" = yes' });
  });

  it('Date+Time joins two columns; a quoted part may hold a +', () => {
    expect(map('created_at=Date received+Time received')).toEqual({ created_at: ['Date received', 'Time received'] });
    expect(map('created_at="Date+"+Time')).toEqual({ created_at: ['Date+', 'Time'] });
  });

  it.each([
    ['created_at="Opened, On', /a double quote is left open/],
    ['created_at=Date+', /a header is missing around "\+"/],
    ['created_at=', /no header after "="/],
    ['created_at=A,created_at=B+C', /created_at is given twice \("A" and "B\+C"\)/],
  ])('%s: a usage error saying what is wrong', (value, message) => {
    expect(() => map(value)).toThrow(FlagValueError);
    expect(() => map(value)).toThrow(message);
  });
});

describe('--date-format: an order or a pattern', () => {
  it('DMY and MDY in any case; a pattern is compiled once', () => {
    expect(dateFormatFlag('dmy')).toBe('DMY');
    expect(dateFormatFlag('MDY')).toBe('MDY');
    const pattern = dateFormatFlag('dd/MMM/yy h:mm a');
    if (typeof pattern !== 'object') throw new Error('not a pattern');
    expect(pattern.pattern).toBe('dd/MMM/yy h:mm a');
    expect(pattern.read('12/Mar/24 3:05 PM', utcMillis)).toBe(Date.UTC(2024, 2, 12, 15, 5));
  });

  it('a value that is neither says so, naming the two ways', () => {
    expect(() => dateFormatFlag('european')).toThrow(/"european" is not DMY or MDY nor a date pattern/);
    expect(() => dateFormatFlag('dd/QQ/yyyy')).toThrow(/QQ/);
  });
});

describe('a tab-separated complaints log: date and time apart, a 12-hour time with dots', () => {
  const map = 'id=Complaint ID,created_at=Date received+Time received,closed_at=Closed date,channel=Channel,satisfaction=Customer rating';

  it('reads every complaint; the bad ratings are set aside, 3.0 is 3', async () => {
    const r = await cli(['report', 'complaints.tsv', '--map', map, '--date-format', 'dd-MM-yyyy h.mm.ss a', '--period', 'all', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input).toMatchObject({ records: 24, rejected: 0, setAside: 2 });
    expect(report.totals.metrics).toMatchObject({ tickets_created: 24, tickets_resolved: 19, backlog: 5 });
    // 15 ratings read (3.0 among them): the README's facts table.
    expect(report.totals.metrics.csat.denominator).toBe(15);
    expect(report.range.from).toBe('2021-01-04T00:00:00+00:00');
  });

  it('the created_at of a record is its date and time joined: 04-01-2021 9.05.12 AM', async () => {
    const r = await cli(['tickets', 'complaints.tsv', '--map', map, '--date-format', 'dd-MM-yyyy h.mm.ss a', '-f', 'json'], { cwd: anyExport });
    const lines = JSON.parse(r.stdout) as { id: string; created_at: string }[];
    expect(lines.find((t) => t.id === 'CR-2021-001')?.created_at).toBe('2021-01-04T09:05:12+00:00');
  });

  it('the config does the same: columns with a list of headers, dateFormats per column', async () => {
    const dir = work.fresh('config');
    const config = {
      columns: { id: 'Complaint ID', created_at: ['Date received', 'Time received'], closed_at: 'Closed date', satisfaction: 'Customer rating' },
      dateFormats: { created_at: 'dd-MM-yyyy h.mm.ss a' },
    };
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify(config));
    const r = await cli(['report', join(anyExport, 'complaints.tsv'), '--period', 'all', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.metrics).toMatchObject({ tickets_created: 24, tickets_resolved: 19 });
    const inspected = JSON.parse((await cli(['inspect', join(anyExport, 'complaints.tsv'), '-f', 'json'], { cwd: dir })).stdout);
    expect(inspected.files[0].dateFormats[0]).toEqual({ field: 'created_at', header: 'Date received', format: 'pattern', pattern: 'dd-MM-yyyy h.mm.ss a', from: 'config' });
  });

  it('a config pattern that cannot be used: exit 2 naming the key', async () => {
    const dir = work.fresh('bad-config');
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ dateFormats: { created_at: 'dd/QQ/yyyy' } }));
    const line = expectOneLineError(await cli(['report', join(anyExport, 'complaints.tsv')], { cwd: dir }), 2);
    expect(line).toMatch(/dateFormats\.created_at: .*QQ/);
  });

  it('without the pattern too: day-first with a dotted 12-hour time is recognised from the values', async () => {
    const r = await cli(['report', 'complaints.tsv', '--map', map, '--period', 'all', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.metrics).toMatchObject({ tickets_created: 24, tickets_resolved: 19 });
    expect(r.stderr).toContain('dates read as Date received (created_at) day first');
  });

  it('dates no format reads say which format was expected and how to give another', async () => {
    const dir = work.fresh('jira-dates');
    writeFileSync(join(dir, 'issues.csv'), 'Key,Opened\nK-1,12/Mar/24 3:05 PM\nK-2,2024-03-12 15:05\n');
    const r = await cli(['report', 'issues.csv', '--map', 'id=Key,created_at=Opened', '--period', 'all', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`issues.csv:2: created_at: "12/Mar/24 3:05 PM" is not a date in this column's format (ISO 8601; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`);
    const fixed = await cli(['report', 'issues.csv', '--map', 'id=Key,created_at=Opened', '--date-format', 'dd/MMM/yy h:mm a', '--period', 'all', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(fixed.stdout).input).toMatchObject({ records: 2, rejected: 0 });
  });
});

describe('inspect on an export nothing explains: described, with a mapping that works', () => {
  const inspectJson = async (file: string) => {
    const r = await cli(['inspect', file, '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).files[0] as { proposal: { mapping: { mapFlag: string; configColumns: Record<string, unknown>; missing: string[] } } };
  };

  it.each(['no-known-headers.csv', 'call-log.csv', 'complaints.tsv'])('%s: the proposed --map, pasted into a shell, gives a report with no record rejected', async (file) => {
    const { proposal } = await inspectJson(file);
    expect(proposal.mapping.missing).toEqual([]);
    const shell = spawnSync('bash', ['-c', `node "$BIN" report ${file} ${proposal.mapping.mapFlag} --period all -f json`], { cwd: anyExport, env: { ...process.env, BIN: binPath }, encoding: 'utf8' });
    expect(shell.status, shell.stderr).toBe(0);
    const report = JSON.parse(shell.stdout);
    expect(report.input.rejected).toBe(0);
    expect(report.totals.metrics.tickets_created).toBe(report.input.records);
  });

  it('the proposed config columns do the same', async () => {
    const { proposal } = await inspectJson('call-log.csv');
    const dir = work.fresh('proposed-config');
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ columns: proposal.mapping.configColumns }));
    const r = await cli(['report', join(anyExport, 'call-log.csv'), '--period', 'all', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // 30 calls; 25 answered ones rated (the README's facts table).
    const report = JSON.parse(r.stdout);
    expect(report.input).toMatchObject({ records: 30, rejected: 0, setAside: 0 });
    expect(report.totals.metrics.csat.denominator).toBe(25);
    // Talk time h:mm:ss read as seconds: 0:02:23 is 143 s (4,863 s over the 25 answered calls).
    const lines = JSON.parse((await cli(['tickets', join(anyExport, 'call-log.csv'), '-f', 'json'], { cwd: dir })).stdout) as { id: string; handle_time: number | null }[];
    expect(lines.find((t) => t.id === 'ID0001')?.handle_time).toBe(143);
    expect(lines.reduce((sum, t) => sum + (t.handle_time ?? 0), 0)).toBe(4863);
  });

  it('report on such a file: exit 3, one line pointing to inspect with the proposed --map', async () => {
    const line = expectOneLineError(await cli(['report', 'no-known-headers.csv'], { cwd: anyExport }), 3);
    expect(line).toBe(
      `support-metrics: no-known-headers.csv:1: no "id" or "created_at" column, and no preset fits the header (columns found: "Ref", "Opened On", "Opened By", "Owner", "Queue", "State", "Closed On", "Score"); \`support-metrics inspect no-known-headers.csv\` describes the columns and proposes --map 'id=Ref,created_at=Opened On,closed_at=Closed On,status=State,agent=Owner,team=Queue,satisfaction=Score'`,
    );
  });

  it('read once (standard input): no first pass to propose from, the line still points to inspect', async () => {
    const r = await cli(['report', '-'], { input: 'Ref,Opened On\nA,2024-05-02 14:03\n' });
    expect(expectOneLineError(r, 3)).toMatch(/`support-metrics inspect <stdin>` describes the columns and how to map them$/);
  });
});

describe('the jira preset: a Jira Cloud "Export CSV (all fields)" with BOM, CRLF, multi-line comments and repeated columns', () => {
  it('is recognised from its header and read whole: dates in dd/MMM/yy h:mm a, repeated Labels as one tag list', async () => {
    const r = await cli(['report', 'jira-cloud.csv', '--period', 'all', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('jira-cloud.csv: read as a Jira issue CSV export (preset jira, recognised from the header)');
    const report = JSON.parse(r.stdout);
    // The README's facts: 25 issues over 32 lines (comments span lines), 12 with a Resolved date,
    // 10 satisfaction ratings.
    expect(report.input).toMatchObject({ records: 25, rejected: 0, setAside: 0, files: [{ read: 26, header: 1 }] });
    // 12 with a Resolved date; HELP-114 (Closed) and HELP-104 (Done) in the Done category without
    // one: resolved at a moment the data does not give, counted in resolution_rate, in no backlog.
    expect(report.totals.metrics).toMatchObject({ tickets_created: 25, tickets_resolved: 12, backlog: 11, resolution_rate: { numerator: 14, denominator: 25 } });
    expect(report.notes.filter((n: { metric: string | null }) => n.metric === null)).toEqual([
      {
        metric: null,
        message:
          '2 tickets are resolved by their status or resolved column without a resolution time: resolution_rate counts them as resolved and no backlog holds them; tickets_resolved, resolution_time and resolution_sla leave them out',
      },
    ]);
    expect(report.totals.metrics.csat.denominator).toBe(10);
    const lines = JSON.parse((await cli(['tickets', 'jira-cloud.csv', '-f', 'json'], { cwd: anyExport })).stdout) as { id: string; created_at: string; team: string; tags: string[] }[];
    expect(lines.find((t) => t.id === 'HELP-106')).toMatchObject({ created_at: '2024-03-05T13:33:00+00:00', team: 'Collaboration', tags: ['teams', 'meeting-room', 'audio'] });
  });

  it('another date format: --date-format with its pattern wins over the preset', async () => {
    const dir = work.fresh('jira-iso');
    writeFileSync(join(dir, 'jira.csv'), 'Issue key,Issue id,Created,Status,Labels,Labels\nK-1,1,2024.03.12 15:05,Open,a,b\n');
    const wrong = await cli(['report', 'jira.csv', '-f', 'json'], { cwd: dir });
    expect(wrong.stderr).toContain(`jira.csv:2: created_at: "2024.03.12 15:05" is not a date in this column's format (the pattern "dd/MMM/yy h:mm a"; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`);
    const right = await cli(['report', 'jira.csv', '--date-format', 'yyyy.MM.dd HH:mm', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(right.stdout).input).toMatchObject({ records: 1, rejected: 0 });
  });
});

describe('durations standing for timestamps, and answered', () => {
  it('a Freshdesk export re-saved by Excel: the (in hrs) durations stand in where the timestamps are blank', async () => {
    const r = await cli(['tickets', 'freshdesk-excel.csv', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    const byId = new Map((JSON.parse(r.stdout) as { id: string; first_response_time: number | null; resolution_time: number | null; satisfied: string | null }[]).map((t) => [t.id, t]));
    // 4114: no Initial response time; First response time (in hrs) 27:15:00.
    expect(byId.get('4114')?.first_response_time).toBe(27 * 3600 + 15 * 60);
    // 4115: neither Resolved time nor Closed time; Resolution time (in hrs) 16:40:00.
    expect(byId.get('4115')?.resolution_time).toBe(16 * 3600 + 40 * 60);
    // 4112: Closed time is there, so the duration does not replace it (4 days from creation to closing).
    expect(byId.get('4112')?.resolution_time).toBe(4 * 86_400);
    // A label beyond the known ones is set aside; the satisfied/dissatisfied wording is read.
    expect(r.stderr).toContain('freshdesk-excel.csv:14: satisfaction: "Somewhat dissatisfied" is not a rating');
    expect(byId.get('4114')?.satisfied).toBe('yes');
  });

  it('a call log: speed of answer stands for the first response, Answered (Y/N) no is abandoned on any channel', async () => {
    const map = 'id=Call Id,created_at=Date+Time,agent=Agent,answered=Answered (Y/N),first_response_time=Speed of answer in seconds,handle_time=AvgTalkDuration';
    const r = await cli(['report', 'call-log.csv', '--map', map, '--period', 'all', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    const { totals } = JSON.parse(r.stdout);
    // The README's facts: 30 calls, 5 unanswered; speed of answer 1,454 s over the 25 answered.
    expect(totals.metrics.abandonment_rate).toEqual({ numerator: 5, denominator: 30, value: 5 / 30 });
    expect(totals.metrics.first_response_time).toMatchObject({ count: 25, mean: 1454 / 25 });
  });
});

describe('an event log read as tickets says so', () => {
  it('ids repeated with another created_at: one notice per file, counting the records', async () => {
    const r = await cli(['report', 'event-log.csv', '--map', 'id=CaseID,created_at=CompleteTimestamp,agent=Resource', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    // 33 events of 8 cases: 25 rows repeat an id, each with its own timestamp.
    expect(r.stderr).toContain(
      'event-log.csv: 25 records repeat an id with another created_at: this looks like an event log (one row per event), but rows are read as tickets: each id keeps its row with the latest updated_at (else the last read), and that row\'s created_at; --event-log folds each id\'s events into one ticket',
    );
    expect(JSON.parse(r.stdout).input).toMatchObject({ records: 8, duplicates: 25 });
  });

  it('duplicates with the same created_at (copies, or a ServiceNow log of updates) say nothing', async () => {
    const dir = work.fresh('copies');
    writeFileSync(join(dir, 't.csv'), 'id,created_at,updated_at\nA,2026-03-02T09:00:00Z,2026-03-02T09:00:00Z\nA,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n');
    const r = await cli(['report', 't.csv', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
  });
});

describe('an event log read with --event-log: one ticket per id, folded by time', () => {
  const MAP = ['--map', 'id=CaseID,created_at=CompleteTimestamp,agent=Resource,activity=ActivityID'];
  const CONDITIONS = ['--resolved-when', 'activity=6', '--responded-when', 'activity=2'];
  const report = async (args: string[]) => {
    const r = await cli(['report', ...args, '--period', 'day', '--by', 'agent', '-f', 'json'], { cwd: anyExport });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('gives the report of its folded form (event-log-folded.csv), row for row, and accounts for every event', async () => {
    const events = await report(['event-log.csv', ...MAP, '--event-log', ...CONDITIONS]);
    const folded = await report(['event-log-folded.csv']);
    expect(events.rows).toEqual(folded.rows);
    expect(events.totals).toEqual(folded.totals);
    expect(events.notes).toEqual(folded.notes);
    // 34 lines = the header + 25 events folded into the 8 cases' latest events
    expect(events.input).toEqual({
      records: 8,
      rejected: 0,
      duplicates: 0,
      folded: 25,
      setAside: 0,
      files: [{ path: 'event-log.csv', read: 34, header: 1, blank: 0, folded: 25, records: 8, duplicates: 0, rejected: 0, setAside: 0 }],
    });
    // README facts: 6 closed cases, 687,891.996 s from creation to the last 6; Case 6's agent from its latest event.
    expect(events.totals.metrics.tickets_resolved).toBe(6);
    expect(events.totals.metrics.resolution_time.mean * 6).toBeCloseTo(687891.996, 3);
    expect(events.totals.metrics.backlog).toBe(2);
  });

  it('the config does the same (columns and eventLog), and the table says how many events were folded', async () => {
    const dir = work.fresh('event-config');
    writeFileSync(
      join(dir, 'support-metrics.config.json'),
      JSON.stringify({
        columns: { id: 'CaseID', created_at: 'CompleteTimestamp', agent: 'Resource', activity: 'ActivityID' },
        eventLog: { resolvedWhen: { activity: '6' }, respondedWhen: { activity: ['2'] } },
      }),
    );
    const fromConfig = await cli(['report', join(anyExport, 'event-log.csv'), '--period', 'all', '-f', 'json'], { cwd: dir });
    const fromFlags = await cli(['report', join(anyExport, 'event-log.csv'), ...MAP, '--event-log', ...CONDITIONS, '--period', 'all', '-f', 'json'], { cwd: anyExport });
    expect(JSON.parse(fromConfig.stdout).totals).toEqual(JSON.parse(fromFlags.stdout).totals);
    const table = await cli(['report', 'event-log.csv', ...MAP, '--event-log', ...CONDITIONS, '--period', 'all'], { cwd: anyExport });
    expect(table.stdout).toContain('event-log.csv: 34 read = 1 header + 0 blank + 25 events folded + 8 used + 0 duplicates + 0 rejected');
    const markdown = await cli(['report', 'event-log.csv', ...MAP, '--event-log', ...CONDITIONS, '--period', 'all', '-f', 'markdown'], { cwd: anyExport });
    expect(markdown.stdout).toContain('| File | Read | Header | Blank | Events folded | Used | Duplicates | Rejected |');
    expect(markdown.stdout).toContain('| event-log.csv | 34 | 1 | 0 | 25 | 8 | 0 | 0 |');
  });

  it('inspect proposes --event-log and names the activity column; the proposal with a condition reports every case', async () => {
    const r = await cli(['inspect', 'event-log.csv', '-f', 'json'], { cwd: anyExport });
    const { mapping } = JSON.parse(r.stdout).files[0].proposal;
    expect(mapping.mapFlag).toBe("--map 'id=CaseID,created_at=CompleteTimestamp,activity=ActivityID,agent=Resource' --event-log");
    expect(mapping.eventLog).toMatch(/^8 ids in 33 rows and 33 different CompleteTimestamp times: one row per event of a ticket, read with --event-log; then say which activity resolves/);
    const shell = spawnSync('bash', ['-c', `node "$BIN" report event-log.csv ${mapping.mapFlag} --resolved-when activity=6 --period all -f json`], { cwd: anyExport, env: { ...process.env, BIN: binPath }, encoding: 'utf8' });
    expect(shell.status, shell.stderr).toBe(0);
    expect(JSON.parse(shell.stdout).totals.metrics).toMatchObject({ tickets_created: 8, tickets_resolved: 6 });
  });

  it.each([
    [['--resolved-when', 'activity=6'], '--resolved-when applies to an event log: add --event-log (rows that share an id are the events of one ticket)'],
    [['--event-log', '--resolved-when', 'activty=6'], '--resolved-when: "activty" is not a text field of the events (did you mean "activity"?)'],
    [['--event-log', '--responded-when', 'activity='], '--responded-when: activity: no value after "=" (write activity=value, or several: activity=a,b)'],
  ])('%j: exit 2, one line', async (args, message) => {
    const r = await cli(['report', 'event-log.csv', ...MAP, ...args], { cwd: anyExport });
    expect(expectOneLineError(r, 2)).toContain(message);
  });

  it('a config eventLog condition must name one field', async () => {
    const dir = work.fresh('event-config-bad');
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ eventLog: { resolvedWhen: { activity: '6', status: 'Closed' } } }));
    const r = await cli(['report', join(anyExport, 'event-log.csv'), ...MAP], { cwd: dir });
    expect(expectOneLineError(r, 2)).toContain('eventLog.resolvedWhen: name one field');
  });
});

describe('inspect: a status that contradicts a resolution time', () => {
  it('says how many records say open but have a resolution time', async () => {
    const dir = work.fresh('contradiction');
    writeFileSync(join(dir, 't.csv'), 'id,created_at,solved_at,status\nA,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,Open\nB,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,Solved\nC,2026-03-02T09:00:00Z,,pending\n');
    const r = await cli(['inspect', 't.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  status:    1 record says open (status, or resolved no) but has a resolution time: the time decides, and it counts as resolved\n');
    expect(JSON.parse((await cli(['inspect', 't.csv', '-f', 'json'], { cwd: dir })).stdout).files[0].counts.openButResolved).toBe(1);
  });
});
