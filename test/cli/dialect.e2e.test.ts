import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, stderrLines, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Issue 4, "Your own mapping": `--map created_at="Opened On",agent=Owner` or a `columns` section in
 * the config file, plus value maps (`"satisfaction": {"Very happy": 5}`, `"channel": {"Mail":
 * "email"}`), validated like the rest of the config; and "Dates": when every value of a date
 * column is ambiguous between day-first and month-first, stop and ask for --date-format DMY|MDY.
 *
 * helpdesk.csv, an export of no known vendor (UTC; W10 = 2–8 March 2026, W11 = 9–15 March):
 *
 *   Ref  Opened On         Owner Handler Answered          Closed On         Rating      Medium
 *   H-1  2026-03-02 09:00  Ana   Dan     09:20 (+1200 s)   11:00 (+7200 s)   Very happy  Mail
 *   H-2  2026-03-03 10:00  Ben   Eve     N/A               03-04 10:00 (+1 d) Unhappy    Phone
 *   H-3  2026-03-10 08:00  Ana   Dan     08:05 (+300 s)    -                 (blank)     mail
 */

const HELPDESK = [
  'Ref,Opened On,Owner,Handler,Answered,Closed On,Rating,Medium',
  'H-1,2026-03-02 09:00,Ana,Dan,2026-03-02 09:20,2026-03-02 11:00,Very happy,Mail',
  'H-2,2026-03-03 10:00,Ben,Eve,N/A,2026-03-04 10:00,Unhappy,Phone',
  'H-3,2026-03-10 08:00,Ana,Dan,2026-03-10 08:05,-,,mail',
].join('\n');

const work = workDirectory('dialect');
afterAll(() => work.remove());

/** A fresh directory holding `files` (name → content) and, if given, support-metrics.config.json. */
function directory(name: string, files: Record<string, string>, config?: unknown): string {
  const dir = work.fresh(name);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content.endsWith('\n') ? content : `${content}\n`);
  if (config !== undefined) writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

const ok = (r: Run): any => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const tickets = async (dir: string, args: string[]): Promise<any[]> =>
  (ok(await cli(['tickets', 'helpdesk.csv', '--format', 'json', ...args], { cwd: dir })) as any[]).sort((a, b) => a.id.localeCompare(b.id));

describe('--map', () => {
  it('--map id=Ref,created_at="Opened On",agent=Owner reads a custom export', async () => {
    const dir = directory('map', { 'helpdesk.csv': HELPDESK });
    const lines = await tickets(dir, ['--map', 'id=Ref,created_at="Opened On",agent=Owner']);
    expect(lines.map((t) => [t.id, t.created_at, t.agent, t.first_response_at, t.resolved_at])).toEqual([
      ['H-1', '2026-03-02T09:00:00+00:00', 'Ana', null, null],
      ['H-2', '2026-03-03T10:00:00+00:00', 'Ben', null, null],
      ['H-3', '2026-03-10T08:00:00+00:00', 'Ana', null, null],
    ]);
  });

  it('the header may be written without quotes, and matched ignoring case', async () => {
    const dir = directory('map-unquoted', { 'helpdesk.csv': HELPDESK });
    const lines = await tickets(dir, ['--map', 'id=ref, created_at=opened on ,agent=OWNER']);
    expect(lines.map((t) => [t.id, t.agent])).toEqual([
      ['H-1', 'Ana'],
      ['H-2', 'Ben'],
      ['H-3', 'Ana'],
    ]);
  });

  it('mapped timestamps feed the metrics; "N/A" and "-" read as blank', async () => {
    const dir = directory('map-times', { 'helpdesk.csv': HELPDESK });
    const lines = await tickets(dir, ['--map', 'id=Ref,created_at="Opened On",first_response_at=Answered,solved_at="Closed On"']);
    expect(lines.map((t) => [t.id, t.first_response_time, t.resolution_time])).toEqual([
      ['H-1', 1200, 7200],
      ['H-2', null, 86400],
      ['H-3', 300, null],
    ]);
    const report = ok(await cli(['report', 'helpdesk.csv', '--format', 'json', '--map', 'id=Ref,created_at="Opened On",first_response_at=Answered,solved_at="Closed On"'], { cwd: dir }));
    // W10: H-1 and H-2 created and resolved; W11: H-3 created, still open.
    expect(report.rows.map((row: any) => [row.period, row.metrics.tickets_created, row.metrics.tickets_resolved, row.metrics.backlog])).toEqual([
      ['2026-W10', 2, 2, 0],
      ['2026-W11', 1, 0, 1],
    ]);
  });

  it('a mapped header missing from the file: exit 3, naming the field and the header looked for', async () => {
    const dir = directory('map-missing', { 'helpdesk.csv': HELPDESK });
    const r = await cli(['report', 'helpdesk.csv', '--map', 'id=Ref,created_at=Created'], { cwd: dir });
    const line = expectOneLineError(r, 3);
    expect(line).toContain('created_at');
    expect(line).toContain('"Created"');
  });

  it('--map nonsense=X: exit 2, one line naming the word and how to write a mapping', async () => {
    const dir = directory('map-nonsense', { 'helpdesk.csv': HELPDESK });
    const line = expectOneLineError(await cli(['report', 'helpdesk.csv', '--map', 'nonsense=X'], { cwd: dir }), 2);
    expect(line).toContain('--map');
    expect(line).toContain('"nonsense" is not a ticket field');
    expect(line).toContain('field=Header');
  });

  it('--map with a near miss: exit 2 with a did-you-mean', async () => {
    const dir = directory('map-typo', { 'helpdesk.csv': HELPDESK });
    expect(expectOneLineError(await cli(['report', 'helpdesk.csv', '--map', 'agnet=Owner'], { cwd: dir }), 2)).toContain('did you mean "agent"');
    expect(expectOneLineError(await cli(['report', 'helpdesk.csv', '--map', 'id=Ref,creatd_at="Opened On"'], { cwd: dir }), 2)).toContain('did you mean "created_at"');
  });

  it('--map field= with no header: exit 2', async () => {
    const dir = directory('map-empty', { 'helpdesk.csv': HELPDESK });
    expect(expectOneLineError(await cli(['report', 'helpdesk.csv', '--map', 'id=Ref,created_at='], { cwd: dir }), 2)).toContain('created_at');
  });

  it('--preset with --map on top: --map wins for its field, the preset reads the rest', async () => {
    const zendesk = join(fixtureDir('presets'), 'zendesk-support.csv');
    const r = await cli(['tickets', zendesk, '--preset', 'zendesk', '--map', 'agent=Group', '--format', 'json'], { cwd: work.fresh('preset-map') });
    const lines = (ok(r) as any[]).sort((a, b) => a.id.localeCompare(b.id));
    expect(lines.map((t) => [t.id, t.agent, t.channel])).toEqual([
      ['101', 'Support', 'email'],
      ['102', 'Support', 'chat'],
      ['103', 'Billing', 'web'],
      ['104', 'Support', 'email'],
      ['105', 'Support', 'chat'],
      ['106', 'Support', 'email'],
    ]);
  });
});

describe('config columns and values', () => {
  const CONFIG = {
    columns: { id: 'Ref', created_at: 'Opened On', agent: 'Owner', satisfaction: 'Rating', channel: 'Medium' },
    values: { satisfaction: { 'Very happy': 5, Unhappy: 1 }, channel: { Mail: 'email' } },
  };

  it('columns map the headers; values map "Very happy" to 5 and "Mail" (any case) to email', async () => {
    const dir = directory('config', { 'helpdesk.csv': HELPDESK }, CONFIG);
    const lines = await tickets(dir, []);
    expect(lines.map((t) => [t.id, t.agent, t.satisfied, t.channel])).toEqual([
      ['H-1', 'Ana', 'yes', 'email'],
      ['H-2', 'Ben', 'no', 'Phone'],
      ['H-3', 'Ana', null, 'email'],
    ]);
    // No resolution mapped: each rating is placed by its creation: W10 H-1 (5) and H-2 (1).
    const report = ok(await cli(['report', 'helpdesk.csv', '--format', 'json'], { cwd: dir }));
    expect(report.totals.metrics.csat).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('--map wins over the config for the same field; the config maps the rest', async () => {
    const dir = directory('config-map', { 'helpdesk.csv': HELPDESK }, CONFIG);
    const lines = await tickets(dir, ['--map', 'agent=Handler']);
    expect(lines.map((t) => [t.id, t.agent, t.satisfied])).toEqual([
      ['H-1', 'Dan', 'yes'],
      ['H-2', 'Eve', 'no'],
      ['H-3', 'Dan', null],
    ]);
  });

  it('a value mapped to "" reads as blank', async () => {
    const dir = directory('config-blank', { 'helpdesk.csv': HELPDESK }, { ...CONFIG, values: { satisfaction: { 'Very happy': 5, Unhappy: '' } } });
    expect((await tickets(dir, [])).map((t) => [t.id, t.satisfied])).toEqual([
      ['H-1', 'yes'],
      ['H-2', null],
      ['H-3', null],
    ]);
  });

  it('an unmapped value the field cannot read is set aside, naming the value; the ticket counts', async () => {
    // "Rather happy" is in no value map and is not a rating.
    const csv = `${HELPDESK}\nH-4,2026-03-10 09:00,Ana,Dan,,,Rather happy,Mail`;
    // Answered mapped to first_response_at: not read as the answered field too (by its canonical name).
    const dir = directory('config-unmapped', { 'helpdesk.csv': csv }, { ...CONFIG, columns: { ...CONFIG.columns, first_response_at: 'Answered' } });
    const r = await cli(['report', 'helpdesk.csv', '--format', 'json'], { cwd: dir });
    expect(ok(r).input).toMatchObject({ records: 4, rejected: 0, setAside: 1 });
    expect(r.stderr).toContain('1 value set aside (the tickets are used without them):');
    expect(r.stderr).toContain('helpdesk.csv:5: satisfaction: "Rather happy"');
  });

  it.each([
    ['an unknown field in columns', { columns: { agnet: 'Owner' } }, 'agnet'],
    ['an empty header in columns', { columns: { agent: '' } }, 'columns.agent'],
    ['an unknown field in values', { values: { mood: { happy: 5 } } }, 'mood'],
    ['a value that is a list', { values: { satisfaction: { 'Very happy': [5] } } }, 'values.satisfaction'],
  ])('the config is validated: %s is exit 2 naming the key', async (_what, config, mentions) => {
    const dir = directory('config-invalid', { 'helpdesk.csv': HELPDESK }, config);
    expect(expectOneLineError(await cli(['report', 'helpdesk.csv'], { cwd: dir }), 2)).toContain(mentions);
  });
});

describe('--date-format', () => {
  // Every Opened On value reads both ways: 03/04/2026 is 3 April (DMY) or 4 March (MDY); 03/05/2026
  // is 3 May or 5 March.
  const AMBIGUOUS = ['Ref,Opened On', 'A-1,03/04/2026 09:00', 'A-2,03/05/2026 10:00'].join('\n');
  const MAP = ['--map', 'id=Ref,created_at="Opened On"'];

  it('every date ambiguous: exit 2, one line naming the column, an example and --date-format', async () => {
    const dir = directory('ambiguous', { 'ambiguous.csv': AMBIGUOUS });
    const line = expectOneLineError(await cli(['report', 'ambiguous.csv', ...MAP], { cwd: dir }), 2);
    expect(line).toContain('ambiguous.csv');
    expect(line).toMatch(/Opened On|created_at/);
    expect(line).toContain('"03/04/2026 09:00"');
    expect(line).toContain('--date-format DMY');
    expect(line).toContain('--date-format MDY');
  });

  it('--date-format DMY and MDY are accepted and put the tickets in different months', async () => {
    const dir = directory('ambiguous-ok', { 'ambiguous.csv': AMBIGUOUS });
    const created = async (order: string): Promise<{ rows: [string, number][]; stderr: string }> => {
      const r = await cli(['report', 'ambiguous.csv', ...MAP, '--date-format', order, '--period', 'month', '--format', 'json'], { cwd: dir });
      const report = ok(r);
      return { rows: report.rows.map((row: any) => [row.period, row.metrics.tickets_created]), stderr: r.stderr };
    };
    const dmy = await created('DMY');
    expect(dmy.rows).toEqual([
      ['2026-04', 1],
      ['2026-05', 1],
    ]);
    expect(dmy.stderr).toMatch(/day first \(from --date-format\)/);
    const mdy = await created('MDY');
    expect(mdy.rows).toEqual([['2026-03', 2]]);
    expect(mdy.stderr).toMatch(/month first \(from --date-format\)/);
  });

  it('--date-format does not override a column that decides itself', async () => {
    // 29/02/2016 can only be day-first: --date-format MDY does not turn the column month-first.
    const dir = directory('decided', { 'decided.csv': ['Ref,Opened On', 'D-1,29/02/2016 01:16', 'D-2,01/03/2016 09:00'].join('\n') });
    const r = await cli(['tickets', 'decided.csv', ...MAP, '--date-format', 'MDY', '--format', 'json'], { cwd: dir });
    expect((ok(r) as any[]).map((t) => [t.id, t.created_at])).toEqual([
      ['D-1', '2016-02-29T01:16:00+00:00'],
      ['D-2', '2016-03-01T09:00:00+00:00'],
    ]);
  });

  it('an invalid --date-format is a usage error (exit 2)', async () => {
    const dir = directory('bad-order', { 'ambiguous.csv': AMBIGUOUS });
    const r = await cli(['report', 'ambiguous.csv', ...MAP, '--date-format', 'YMD'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrLines(r).join('\n')).toContain('DMY');
  });

  it('day-first dates are read in a CSV with the canonical header too', async () => {
    // Issue 4 lists DD/MM/YYYY HH:MM among the date formats to read, "decided per column from all
    // its values"; a lead's own export named id,created_at is such a CSV.
    const dir = directory('canonical-dmy', { 't.csv': ['id,created_at', 'C-1,29/02/2016 01:16', 'C-2,01/03/2016 09:00'].join('\n') });
    const r = await cli(['tickets', 't.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as any[]).map((t) => [t.id, t.created_at])).toEqual([
      ['C-1', '2016-02-29T01:16:00+00:00'],
      ['C-2', '2016-03-01T09:00:00+00:00'],
    ]);
  });
});

describe('presets and mappings read CSV only', () => {
  const JSON_TICKETS = JSON.stringify([{ id: 'J-1', created_at: '2026-03-02T09:00:00Z' }]);

  it.each([
    ['--preset zendesk', ['--preset', 'zendesk']],
    ['--preset servicenow', ['--preset', 'servicenow']],
    ['--map', ['--map', 'agent=Owner']],
  ])('%s with a JSON file: exit 2, one line naming the file', async (_what, flags) => {
    const dir = directory('json', { 'tickets.json': JSON_TICKETS });
    const line = expectOneLineError(await cli(['report', 'tickets.json', ...flags], { cwd: dir }), 2);
    expect(line).toContain('tickets.json');
    expect(line).toContain('CSV');
  });
});
