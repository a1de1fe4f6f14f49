import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliProcess, type Run } from '../helpers/cli.js';

/**
 * End-to-end: the built CLI (`npm run build` first; `npm test` does it in pretest), run with the
 * Node that runs the tests. Fixtures: test/fixtures/e2e/, worked out by hand below.
 *
 * tickets.csv (UTC; ISO weeks W10 = 2–8 March 2026, W11 = 9–15 March):
 *   line 2  T1 alice/core    created 02 09:00   first response +600 s    solved  +7200 s     good
 *   line 3  T2 bob/core      created 03 09:00Z  first response +1800 s   closed  +86400 s    2 (unsatisfied)
 *           (written 10:00+01:00)
 *   line 4  T3 —/billing     created 05 12:00   —                        open                —
 *   line 5  T4 alice/billing created 09 08:00   first response +42 s     solved  +86400 s    5 (satisfied)
 *   line 6  T5 rejected: solved_at 2026-03-01T10:00:00Z is before created_at 2026-03-04T08:00:00Z
 * Read 6 = 1 header + 0 blank + 4 records used + 0 duplicates + 1 rejected.
 *
 * Channels: T1 email, T2 chat, T3 email, T4 chat. The file has no handle_time, agent_replies,
 * reopens, escalated, tags, nps or customer column, and no config is used: those metrics and both
 * SLA metrics are null with a note. abandonment_rate: the chats T2 (W10) and T4 (W11) were both
 * answered, so 0 of 1 in each week. resolved_per_agent: W10 T1 alice, T2 bob (2 / 2 agents);
 * W11 T4 alice (1 / 1); in total 3 tickets / 2 agents.
 */

const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

/** Runs the CLI in this process, in test/fixtures/e2e/ unless told otherwise. */
const run = (args: string[], options: { input?: string; cwd?: string } = {}): Promise<Run> => cli(args, { cwd: options.cwd ?? fixtures, input: options.input });

async function runBytes(args: string[]): Promise<Buffer> {
  const result = await cli(args, { cwd: fixtures });
  expect(result.code).toBe(0);
  return result.stdoutBytes;
}

const stderrLines = (r: Run): string[] => r.stderr.split('\n').filter((l) => l !== '');

interface InputFile {
  path: string;
  read: number;
  header: number;
  blank: number;
  records: number;
  duplicates: number;
  rejected: number;
}

/** Everything read from each file is accounted for: read = header + blank + records + duplicates + rejected. */
function expectFilesBalance(files: InputFile[]): void {
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(f.header + f.blank + f.records + f.duplicates + f.rejected, f.path).toBe(f.read);
}

/** A user error: the exit code, nothing on stdout, no stack trace, and one `support-metrics:` or `error:` line. */
function expectUserError(r: Run, code: 2 | 3): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/\w+Error:/);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'support-metrics-cli-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh, empty directory under the temporary work directory. */
function workDirWithTickets(name: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
}

const duration = (count: number, mean: number | null, median: number | null, p90: number | null) => ({ count, mean, median, p90 });
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

describe('report: the JSON report of a small export', () => {
  const result = async (): Promise<Run> => await run(['report', 'tickets.csv', '--format', 'json']);

  it('exits 0, prints the report on stdout and only the rejection summary on stderr', async () => {
    const r = await result();
    expect(r.code).toBe(0);
    const lines = stderrLines(r);
    expect(lines[0]).toBe('1 of 5 records rejected:');
    expect(lines[1]).toMatch(/^\s+1 {2}.*\(before_created\)$/);
    expect(lines[2]!.trim()).toBe('tickets.csv:6: solved_at: 2026-03-01T10:00:00Z is before created_at 2026-03-04T08:00:00Z');
    expect(lines).toHaveLength(3);
  });

  it('the report holds the values worked out by hand', async () => {
    const report = JSON.parse((await result()).stdout);
    expect(report).toMatchObject({
      schema: 'support-metrics/report@1',
      timezone: 'UTC',
      inputTimezone: 'UTC',
      period: 'week',
      by: [],
      range: { from: '2026-03-02T00:00:00+00:00', to: '2026-03-16T00:00:00+00:00' },
      attribution: 'event',
      input: {
        records: 4,
        rejected: 1,
        duplicates: 0,
        folded: 0,
        setAside: 0,
        files: [{ path: 'tickets.csv', read: 6, header: 1, blank: 0, folded: 0, records: 4, duplicates: 0, rejected: 1, setAside: 0 }],
      },
    });
    expectFilesBalance(report.input.files);
    expect(report.notes).toEqual([
      // More than 5% of the file rejected: a warning about the input, before the metrics' notes.
      { metric: null, message: 'tickets.csv: 1 of 5 records (20.0%) rejected; the figures leave them out (the reasons are on standard error, the records in --rejects)' },
      { metric: 'handle_time', message: 'no input file has the handle_time column' },
      { metric: 'business_first_response_time', message: 'no input file has the business_first_response_time column' },
      { metric: 'business_resolution_time', message: 'no input file has the business_resolution_time column' },
      { metric: 'first_contact_resolution', message: 'no input file has the agent_replies column' },
      { metric: 'reopen_rate', message: 'no input file has the reopens column' },
      { metric: 'escalation_rate', message: 'no input file has the escalated column' },
      { metric: 'cancellation_rate', message: 'no input file has the tags column' },
      { metric: 'nps', message: 'no input file has the nps column' },
      { metric: 'first_response_sla', message: 'no SLA policy in the config has a firstResponse target' },
      { metric: 'resolution_sla', message: 'no SLA policy in the config has a resolution target' },
      { metric: 'tickets_per_customer', message: 'no input file has the customer column' },
    ]);
    const unavailable = {
      handle_time: null,
      business_first_response_time: null,
      business_resolution_time: null,
      first_contact_resolution: null,
      reopen_rate: null,
      escalation_rate: null,
      cancellation_rate: null,
      nps: null,
      first_response_sla: null,
      resolution_sla: null,
      tickets_per_customer: null,
    };
    expect(report.rows.map((row: { period: string; start: string; end: string }) => [row.period, row.start, row.end])).toEqual([
      ['2026-W10', '2026-03-02T00:00:00+00:00', '2026-03-09T00:00:00+00:00'],
      ['2026-W11', '2026-03-09T00:00:00+00:00', '2026-03-16T00:00:00+00:00'],
    ]);
    // W10: T1, T2, T3 created; T1, T2 resolved; T3 open at the end.
    expect(report.rows[0].metrics).toEqual({
      tickets_created: 3,
      tickets_resolved: 2,
      backlog: 1,
      resolution_rate: rate(2, 3),
      first_response_time: duration(2, 1200, 1200, 600 + 0.9 * 1200),
      resolution_time: duration(2, 46_800, 46_800, 7200 + 0.9 * 79_200),
      csat: rate(1, 2),
      abandonment_rate: rate(0, 1),
      resolved_per_agent: rate(2, 2),
      ...unavailable,
    });
    // W11: T4 created and resolved; T3 still open.
    expect(report.rows[1].metrics).toEqual({
      tickets_created: 1,
      tickets_resolved: 1,
      backlog: 1,
      resolution_rate: rate(1, 1),
      first_response_time: duration(1, 42, 42, 42),
      resolution_time: duration(1, 86_400, 86_400, 86_400),
      csat: rate(1, 1),
      abandonment_rate: rate(0, 1),
      resolved_per_agent: rate(1, 1),
      ...unavailable,
    });
    // first responses 42, 600, 1800; resolutions 7200, 86400, 86400.
    expect(report.totals.metrics).toEqual({
      tickets_created: 4,
      tickets_resolved: 3,
      backlog: 1,
      resolution_rate: rate(3, 4),
      first_response_time: duration(3, 814, 600, 600 + 0.8 * 1200),
      resolution_time: duration(3, 60_000, 86_400, 86_400),
      csat: rate(2, 3),
      abandonment_rate: rate(0, 2),
      resolved_per_agent: rate(3, 2),
      ...unavailable,
    });
  });

  it('--by agent,team gives rows with both keys, sorted by period then values, blank as null', async () => {
    const r = await run(['report', 'tickets.csv', '--format', 'json', '--by', 'agent,team']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.by).toEqual(['agent', 'team']);
    expect(report.rows.map((row: Record<string, unknown>) => Object.keys(row))).toEqual(
      Array(4).fill(['period', 'start', 'end', 'agent', 'team', 'metrics']),
    );
    expect(report.rows.map((row: { period: string; agent: string | null; team: string | null }) => [row.period, row.agent, row.team])).toEqual([
      ['2026-W10', 'alice', 'core'],
      ['2026-W10', 'bob', 'core'],
      ['2026-W10', null, 'billing'],
      ['2026-W11', 'alice', 'billing'],
    ]);
    expect(report.rows[1].metrics.first_response_time).toEqual(duration(1, 1800, 1800, 1800));
    expect(report.totals.metrics.tickets_created).toBe(4);
  });

  it('several files: a duplicate id is one ticket, the later file wins, and each file is accounted for', async () => {
    const r = await run(['report', 'tickets.csv', 'more.ndjson', '--format', 'json', '--period', 'all']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input).toEqual({
      records: 5,
      rejected: 1,
      duplicates: 1,
      folded: 0,
      setAside: 0,
      files: [
        // the header line and T1–T5: T3 loses to more.ndjson, T5 rejected
        { path: 'tickets.csv', read: 6, header: 1, blank: 0, folded: 0, records: 3, duplicates: 1, rejected: 1, setAside: 0 },
        // NDJSON has no header line: T3 and T6
        { path: 'more.ndjson', read: 2, header: 0, blank: 0, folded: 0, records: 2, duplicates: 0, rejected: 0, setAside: 0 },
      ],
    });
    expectFilesBalance(report.input.files);
    // T3 is solved in more.ndjson; T6 is open.
    expect(report.totals.metrics).toMatchObject({ tickets_created: 5, tickets_resolved: 4, backlog: 1 });
    expect(report.rows.map((row: { period: string }) => row.period)).toEqual(['all']);
  });
});

describe('report: input that cannot be used (exit 3)', () => {
  it('--strict with a rejection: exit 3, no report, the rejection still explained', async () => {
    const r = await run(['report', 'tickets.csv', '--strict', '--format', 'json']);
    expectUserError(r, 3);
    expect(r.stderr).toContain('tickets.csv:6: solved_at: ');
    const errors = stderrLines(r).filter((l) => l.startsWith('support-metrics:'));
    expect(errors).toHaveLength(1);
    expect(stderrLines(r).at(-1)).toBe(errors[0]);
  });

  it('--strict without a rejection is an ordinary run', async () => {
    const r = await run(['report', 'naive-times.csv', '--strict', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('all records rejected: exit 3, the summary, then one line saying there are no valid records', async () => {
    const r = await run(['report', 'all-rejected.csv', '--format', 'json']);
    expectUserError(r, 3);
    const lines = stderrLines(r);
    expect(lines[0]).toMatch(/^3 of 3 records rejected/);
    expect(lines.filter((l) => l.startsWith('support-metrics:'))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toMatch(/^support-metrics: no valid records/);
    expect(r.stderr).toMatch(/all-rejected\.csv:2: created_at: /);
    expect(r.stderr).toMatch(/all-rejected\.csv:3: id: /);
    expect(r.stderr).toMatch(/all-rejected\.csv:4: solved_at: .* is before created_at/);
  });

  it('no records at all: exit 3 with exactly one line', async () => {
    const r = await run(['report', 'header-only.csv']);
    expectUserError(r, 3);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(/^support-metrics: no valid records/);
  });

  it('a missing file: exit 3 with one line naming it', async () => {
    const r = await run(['report', 'tickets.csv', 'no-such-file.csv']);
    expectUserError(r, 3);
    expect(stderrLines(r).filter((l) => l.startsWith('support-metrics:'))).toEqual(['support-metrics: no-such-file.csv: cannot read: no such file']);
  });

  it('a directory: exit 3 with one line naming it', async () => {
    const r = await run(['report', '.']);
    expectUserError(r, 3);
    expect(stderrLines(r)).toEqual(['support-metrics: .: is a directory, not a file']);
  });

  it('an empty file: exit 3 with one line', async () => {
    const dir = workDirWithTickets('empty');
    writeFileSync(join(dir, 'empty.csv'), '');
    const r = await run(['report', 'empty.csv'], { cwd: dir });
    expectUserError(r, 3);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(/^support-metrics: empty\.csv/);
  });
});

describe('report: bad usage (exit 2, one line, no stack trace)', () => {
  it.each([
    ['an unknown flag', ['--bogus'], /--bogus/],
    ['a bad --period', ['--period', 'fortnight'], /fortnight/],
    ['a bad --tz', ['--tz', 'Mars/Olympus_Mons'], /--tz.*Mars\/Olympus_Mons/],
    ['a bad --input-tz', ['--input-tz', 'Nowhere'], /--input-tz.*Nowhere/],
    ['a bad --by value', ['--by', 'agent,planet'], /--by.*planet/],
    ['a --by dimension named twice', ['--by', 'agent,agent'], /--by/],
    ['--from after --to', ['--from', '2026-03-10', '--to', '2026-03-01'], /--from/],
    ['--from equal to --to', ['--from', '2026-03-01', '--to', '2026-03-01'], /--from/],
    ['a bad --from', ['--from', 'yesterday'], /--from.*yesterday/],
    ['an impossible --from date', ['--from', '2026-02-30'], /--from.*2026-02-30/],
    ['a bad --to', ['--to', '31/03/2026'], /--to.*31\/03\/2026/],
    ['a bad --format', ['--format', 'xml'], /xml/],
    ['a bad --input-format', ['--input-format', 'xlsx'], /xlsx/],
  ])('%s', async (_what, flags, mentions) => {
    const r = await run(['report', 'tickets.csv', ...flags]);
    expectUserError(r, 2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(mentions);
  });

  it('no input file', async () => {
    const r = await run(['report']);
    expectUserError(r, 2);
    expect(stderrLines(r)).toHaveLength(1);
  });

  it('a misspelt flag: exit 2, no stack trace, and the right flag suggested', async () => {
    const r = await run(['report', 'tickets.csv', '--perod', 'day']);
    expectUserError(r, 2);
    expect(r.stderr).toMatch(/--perod/);
    expect(r.stderr).toMatch(/--period/);
  });

  it('an unknown command', async () => {
    const r = await run(['summarise', 'tickets.csv']);
    expectUserError(r, 2);
    expect(r.stderr).toMatch(/summarise/);
  });

  it('a bad flag is reported before any input is read', async () => {
    const r = await run(['report', 'no-such-file.csv', '--tz', 'Nowhere/Else']);
    expectUserError(r, 2);
    expect(r.stderr).toMatch(/--tz/);
    expect(r.stderr).not.toMatch(/no-such-file/);
  });
});

describe('help and version', () => {
  it('--version prints the package version and exits 0', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${packageVersion}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('--help lists the report command and the exit codes, and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: support-metrics/);
    expect(r.stdout).toMatch(/\breport\b/);
    expect(r.stdout).toMatch(/^\s*3\s/m);
    expect(r.stderr).toBe('');
  });

  it('report --help lists every flag and exits 0', async () => {
    const r = await run(['report', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--period', '--by', '--tz', '--input-tz', '--from', '--to', '--format', '--output', '--strict']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stderr).toBe('');
  });
});

describe('--output', () => {
  it.each([
    ['report.json', (text: string) => expect(JSON.parse(text).schema).toBe('support-metrics/report@1')],
    ['report.md', (text: string) => expect(text.split('\n')[0]).toBe('# Support metrics')],
    ['report.csv', (text: string) => expect((parseCsv(text) as string[][])[0]!.slice(0, 3)).toEqual(['period', 'start', 'end'])],
    ['REPORT.JSON', (text: string) => expect(JSON.parse(text).schema).toBe('support-metrics/report@1')],
  ])('the format follows the extension of %s; nothing on stdout', async (name, check) => {
    const target = join(work, name);
    const r = await run(['report', 'tickets.csv', '--output', target]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    check(readFileSync(target, 'utf8'));
  });

  it('the file holds exactly what stdout would have held', async () => {
    const target = join(work, 'same.md');
    expect((await run(['report', 'tickets.csv', '-o', target])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe((await run(['report', 'tickets.csv', '--format', 'markdown'])).stdout);
  });

  it('an explicit --format wins over the extension', async () => {
    const target = join(work, 'forced.txt');
    expect((await run(['report', 'tickets.csv', '--output', target, '--format', 'json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).period).toBe('week');
  });

  it.each([
    ['the same name', 'tickets.csv', 'tickets.csv'],
    ['another spelling of the same path', 'tickets.csv', './tickets.csv'],
    ['an absolute path', './tickets.csv', 'ABSOLUTE'],
  ])('over one of the inputs is refused (exit 2) and leaves it untouched: %s', async (what, input, output) => {
    const dir = workDirWithTickets(`over-${what.replace(/\W/g, '-')}`);
    copyFileSync(join(fixtures, 'tickets.csv'), join(dir, 'tickets.csv'));
    const before = readFileSync(join(dir, 'tickets.csv'));
    const r = await run(['report', input, '--output', output === 'ABSOLUTE' ? join(dir, 'tickets.csv') : output], { cwd: dir });
    expectUserError(r, 2);
    expect(stderrLines(r).at(-1)).toMatch(/^support-metrics: --output: .*input/);
    expect(readFileSync(join(dir, 'tickets.csv'))).toEqual(before);
  });

  it('over an input reached through a symbolic link is refused and leaves the input untouched', async () => {
    const dir = workDirWithTickets('symlink-in');
    copyFileSync(join(fixtures, 'tickets.csv'), join(dir, 'tickets.csv'));
    symlinkSync('tickets.csv', join(dir, 'link.csv'));
    const before = readFileSync(join(dir, 'tickets.csv'));
    const r = await run(['report', 'link.csv', '--output', 'tickets.csv'], { cwd: dir });
    expect(readFileSync(join(dir, 'tickets.csv'))).toEqual(before);
    expectUserError(r, 2);
  });

  it('to a symbolic link that points at an input is refused and leaves the input untouched', async () => {
    const dir = workDirWithTickets('symlink-out');
    copyFileSync(join(fixtures, 'tickets.csv'), join(dir, 'tickets.csv'));
    symlinkSync('tickets.csv', join(dir, 'out.csv'));
    const before = readFileSync(join(dir, 'tickets.csv'));
    const r = await run(['report', 'tickets.csv', '--output', 'out.csv'], { cwd: dir });
    expect(readFileSync(join(dir, 'tickets.csv'))).toEqual(before);
    expectUserError(r, 2);
  });

  it('a hard link to an input is still readable after the report is written next to it', async () => {
    // Not a refusal case: an atomic rename leaves the other name's data in place.
    const dir = workDirWithTickets('hardlink');
    copyFileSync(join(fixtures, 'tickets.csv'), join(dir, 'tickets.csv'));
    linkSync(join(dir, 'tickets.csv'), join(dir, 'copy.csv'));
    const before = readFileSync(join(dir, 'copy.csv'));
    await run(['report', 'copy.csv', '--output', 'tickets.csv'], { cwd: dir });
    expect(readFileSync(join(dir, 'copy.csv'))).toEqual(before);
  });
});

describe('standard input', () => {
  it('- reads CSV from stdin; the file is called <stdin>', async () => {
    const r = await run(['report', '-', '--format', 'json'], { input: readFileSync(join(fixtures, 'tickets.csv'), 'utf8') });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input.files).toEqual([{ path: '<stdin>', read: 6, header: 1, blank: 0, folded: 0, records: 4, duplicates: 0, rejected: 1, setAside: 0 }]);
    expectFilesBalance(report.input.files);
    expect(report.totals.metrics.tickets_created).toBe(4);
    expect(r.stderr).toContain('<stdin>:6: solved_at: ');
  });

  it('- reads NDJSON and JSON arrays from stdin too', async () => {
    const ndjson = readFileSync(join(fixtures, 'more.ndjson'), 'utf8');
    const viaNdjson = await run(['report', '-', '--format', 'json'], { input: ndjson });
    expect(viaNdjson.code).toBe(0);
    expect(JSON.parse(viaNdjson.stdout).input.records).toBe(2);
    const array = `[${ndjson.trim().split('\n').join(',')}]`;
    const viaArray = await run(['report', '-', '--format', 'json'], { input: array });
    expect(viaArray.code).toBe(0);
    expect(JSON.parse(viaArray.stdout).input.records).toBe(2);
  });

  it('- given twice is bad usage', async () => {
    const r = await run(['report', '-', '-'], { input: 'id,created_at\n' });
    expectUserError(r, 2);
  });
});

describe('determinism', () => {
  it.each(['table', 'markdown', 'json', 'csv'])('%s: two runs give byte-identical stdout', async (format) => {
    const args = ['report', 'tickets.csv', 'more.ndjson', '--by', 'agent', '--format', format];
    const first = await runBytes(args);
    const second = await runBytes(args);
    expect(first.length).toBeGreaterThan(0);
    expect(first.equals(second)).toBe(true);
  });

  it('the table is the default format and has no colour when stdout is not a terminal (the bin, in a process)', () => {
    const r = cliProcess(['report', 'tickets.csv'], { cwd: fixtures, env: { NO_COLOR: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2026-W10/);
    expect(r.stdout).not.toMatch(/\u001b/); // eslint-disable-line no-control-regex
  });
});

describe('--input-tz', () => {
  it('a timestamp without an offset is read in --input-tz: 00:30 in Berlin is still 1 March in UTC', async () => {
    const r = await run(['report', 'naive-times.csv', '--input-tz', 'Europe/Berlin', '--tz', 'UTC', '--period', 'day', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ timezone: 'UTC', inputTimezone: 'Europe/Berlin' });
    expect(report.rows.map((row: { period: string; metrics: { tickets_created: number } }) => [row.period, row.metrics.tickets_created])).toEqual([
      ['2026-03-01', 1],
    ]);
    expect(report.range).toEqual({ from: '2026-03-01T00:00:00+00:00', to: '2026-03-02T00:00:00+00:00' });
  });

  it('without --input-tz, such a timestamp is read in the report zone', async () => {
    const utc = JSON.parse((await run(['report', 'naive-times.csv', '--period', 'day', '--format', 'json'])).stdout);
    expect(utc.rows.map((row: { period: string }) => row.period)).toEqual(['2026-03-02']);
    expect(utc.inputTimezone).toBe('UTC');
    const berlin = JSON.parse((await run(['report', 'naive-times.csv', '--tz', 'Europe/Berlin', '--period', 'day', '--format', 'json'])).stdout);
    expect(berlin).toMatchObject({ timezone: 'Europe/Berlin', inputTimezone: 'Europe/Berlin' });
    expect(berlin.rows.map((row: { period: string; start: string }) => [row.period, row.start])).toEqual([['2026-03-02', '2026-03-02T00:00:00+01:00']]);
  });

  it('the table and Markdown reports state which zone was used for timestamps without an offset', async () => {
    for (const format of ['table', 'markdown']) {
      const r = await run(['report', 'naive-times.csv', '--input-tz', 'Europe/Berlin', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Europe/Berlin');
    }
  });
});
