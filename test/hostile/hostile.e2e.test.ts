import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, stderrLines, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * The hostile corpus, end to end: the built CLI (`npm run build` first) on each file of
 * test/fixtures/hostile/ (written byte for byte by generate.mjs there; its README lists what each
 * file holds). One row of CASES per guarantee: the file, the arguments, the exit code, and what
 * must (not) be on stdout and stderr. A user error is always exactly one stderr line starting
 * `support-metrics: `, nothing on stdout, no stack trace (expectOneLineError).
 *
 * The files the line-ending and encoding cases compare with, lf.csv (UTC, -p month: one row, March 2026):
 *
 *   line  id  created_at  first_response  solved       agent       channel  satisfaction
 *   2     H1  02 09:00    +10 min         02 11:00     José        email    good
 *   3     H2  03 10:00    +30 min         —            "Zoë, Jr."  chat     —
 *   4     H3  10 08:00    +5 min          11 08:00     José        email    4
 *   5     H4  16 12:00    —               —            —           phone    bad
 */

const cwd = fixtureDir('hostile');
const work = workDirectory('hostile');
afterAll(() => work.remove());

const sm = async (args: string[], options: { cwd?: string } = {}): Promise<Run> => await cli(args, { cwd: options.cwd ?? cwd });

const ESC = '\x1b';
const BEL = '\x07';
const RLO = '\u202e';

/** The JSON report as a comparable value: the file names in `input` left out. */
function reportWithoutPaths(stdout: string): unknown {
  const report = JSON.parse(stdout) as { input: { files: { path: string }[] } };
  return { ...report, input: { ...report.input, files: report.input.files.map(({ path: _path, ...counts }) => counts) } };
}

/** `report lf.csv -p month -f json`, computed once (in beforeAll). */
let lfReport: unknown;
beforeAll(async () => {
  const r = await sm(['report', 'lf.csv', '-p', 'month', '-f', 'json']);
  expect(r.code, r.stderr).toBe(0);
  lfReport = reportWithoutPaths(r.stdout);
});

/** Exit 0, all four records of lf.csv used, and the same report as lf.csv, to the last field. */
function sameReportAsLf(r: Run): void {
  const report = JSON.parse(r.stdout) as { input: { records: number; rejected: number; duplicates: number } };
  expect(report.input).toMatchObject({ records: 4, rejected: 0, duplicates: 0 });
  expect(reportWithoutPaths(r.stdout)).toEqual(lfReport);
}

/** The one error line, checked against every pattern. */
const errorLine =
  (...patterns: (string | RegExp)[]) =>
  (r: Run): void => {
    const line = expectOneLineError(r, r.code as 2 | 3);
    for (const p of patterns) expect(line).toMatch(typeof p === 'string' ? new RegExp(escapeRegExp(p)) : p);
  };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `agent` values of a `report --by agent -f json`. */
const agentsOf = (stdout: string): (string | null)[] => (JSON.parse(stdout) as { rows: { agent: string | null }[] }).rows.map((row) => row.agent);

/** Nothing a terminal would act on: no ESC, no BEL (and no raw U+202E) in `text`. */
function expectNoControls(text: string, what: string): void {
  expect(text.includes(ESC), `${what} holds ESC`).toBe(false);
  expect(text.includes(BEL), `${what} holds BEL`).toBe(false);
}

/** Every cell of a CSV output: none starts as a spreadsheet formula unless it is a plain number. */
function expectNoFormulaCells(csv: string): string[][] {
  const rows = parseCsv(csv, { relax_column_count: false }) as string[][];
  for (const cell of rows.flat()) {
    if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
    expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
  }
  return rows;
}

interface HostileCase {
  /** The guarantee, as the README's list of them words it. */
  name: string;
  file: string;
  /** After the file name. */
  args: string[];
  command?: 'report' | 'tickets';
  /** Also write a rejects file (to a temporary directory). */
  withRejects?: boolean;
  code: 0 | 2 | 3;
  check: (r: Run) => void;
}

const MONTH_JSON = ['-p', 'month', '-f', 'json'];

const CASES: HostileCase[] = [
  // Line endings and byte order marks: every record used, the same numbers as the LF file.
  { name: 'a UTF-8 byte order mark is not part of the first column name', file: 'bom.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },
  { name: 'CRLF line endings', file: 'crlf.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },
  { name: 'CR-only line endings (classic Mac)', file: 'cr.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },
  { name: 'CRLF, LF and CR mixed in one file', file: 'mixed-endings.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },

  // CSV syntax that cannot be read: one line naming the line to look at.
  {
    name: 'a quote opened on line 3 and never closed: one line naming line 3',
    file: 'unterminated-quote.csv',
    args: MONTH_JSON,
    code: 3,
    check: errorLine(/^support-metrics: /, 'unterminated-quote.csv:3:', /never closed/),
  },
  {
    name: 'text after a closing quote ("x"y) is kept as text, quotes and all, as spreadsheets read it',
    file: 'invalid-closing-quote.csv',
    args: ['--by', 'agent', ...MONTH_JSON],
    code: 0,
    check: (r) => {
      const report = JSON.parse(r.stdout) as { input: unknown; rows: { agent: string | null }[] };
      expect(report.input).toMatchObject({ records: 3, rejected: 0 });
      expect(report.rows.map((row) => row.agent)).toContain('"x"y');
    },
  },
  {
    name: 'rows with too few or too many fields are rejected as malformed_record, with their lines',
    file: 'ragged-rows.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 3, rejected: 2 });
      expect(r.stderr).toContain('(malformed_record)');
      expect(r.stderr).toMatch(/ragged-rows\.csv:3: has 2 fields where the header has 3/);
      expect(r.stderr).toMatch(/ragged-rows\.csv:5: has 4 fields where the header has 3/);
    },
  },
  {
    name: 'ragged rows under --strict: exit 3',
    file: 'ragged-rows.csv',
    args: [...MONTH_JSON, '--strict'],
    code: 3,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/ragged-rows\.csv:3: /);
      const errors = stderrLines(r).filter((l) => l.startsWith('support-metrics: '));
      expect(errors).toEqual([stderrLines(r).at(-1)]);
      expect(errors[0]).toMatch(/--strict/);
    },
  },

  // Record size.
  {
    name: 'a 20 KB record over --max-record-size 10000: one line naming line 3, where it starts',
    file: 'huge-field.csv',
    args: [...MONTH_JSON, '--max-record-size', '10000'],
    code: 3,
    check: errorLine('huge-field.csv:3:', /record size limit|--max-record-size/),
  },
  {
    name: 'a 20 KB record under the default limit (4 MiB) is read',
    file: 'huge-field.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => expect(JSON.parse(r.stdout).input).toMatchObject({ records: 3, rejected: 0 }),
  },

  // Bytes that are not text.
  { name: 'a NUL byte on line 3: one line naming line 3 and NUL', file: 'nul.csv', args: MONTH_JSON, code: 3, check: errorLine('nul.csv:3:', 'NUL') },
  { name: 'UTF-16 LE with its byte order mark: the same report as UTF-8', file: 'utf16le.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },
  { name: 'UTF-16 BE with its byte order mark: the same report as UTF-8', file: 'utf16be.csv', args: MONTH_JSON, code: 0, check: sameReportAsLf },
  {
    name: 'Windows-1252 read as UTF-8: one line suggesting --encoding windows-1252',
    file: 'windows-1252.csv',
    args: MONTH_JSON,
    code: 3,
    check: errorLine('windows-1252.csv', '--encoding windows-1252'),
  },
  {
    name: 'Windows-1252 with --encoding windows-1252: é (byte E9) reads as é',
    file: 'windows-1252.csv',
    args: ['-p', 'month', '--by', 'agent', '-f', 'json', '--encoding', 'windows-1252'],
    code: 0,
    check: (r) => expect(agentsOf(r.stdout).sort()).toEqual(['José', 'bob'].sort()),
  },

  // Output safety: values from the file never act on a spreadsheet or a terminal.
  {
    name: 'formula cells (=, +, -, @, tab) are written with a leading quote in CSV output; numbers stay numbers',
    file: 'formula-cells.csv',
    args: ['--by', 'agent', '-f', 'csv'],
    code: 0,
    check: (r) => {
      const rows = expectNoFormulaCells(r.stdout);
      const agent = rows[0]!.indexOf('agent');
      expect(rows.slice(1).map((row) => row[agent]).sort()).toEqual(
        // The tab is trimmed away by the reader (values are trimmed), so nothing is left to quote.
        ["'+cmd", "'-2+3", '\'=HYPERLINK("http://evil","x")', "'@SUM(A1)", 'cmd|/c calc', 'plain'].sort(),
      );
      // nps: 0 and 1–6 are detractors: -100 for each agent but "plain" (10: +100), written as a number.
      const nps = rows[0]!.indexOf('nps.value');
      expect(rows.slice(1).map((row) => row[nps]).sort()).toEqual(['-100', '-100', '-100', '-100', '-100', '100']);
    },
  },
  {
    name: 'formula cells in tickets -f csv too',
    file: 'formula-cells.csv',
    args: ['-f', 'csv'],
    command: 'tickets',
    code: 0,
    check: (r) => {
      const rows = expectNoFormulaCells(r.stdout);
      expect(rows).toHaveLength(7);
    },
  },
  ...(['table', 'markdown', 'csv'] as const).map(
    (format): HostileCase => ({
      name: `terminal escapes (SGR, OSC 8 link, OSC 0 title + BEL) in agent names: none in ${format} output`,
      file: 'ansi-escapes.csv',
      args: ['--by', 'agent', '-f', format],
      code: 0,
      check: (r) => {
        expectNoControls(r.stdout, format);
        expectNoControls(r.stderr, 'stderr');
        expect(r.stdout).toContain('plain');
      },
    }),
  ),
  {
    name: 'terminal escapes in JSON output: only as \\u escapes',
    file: 'ansi-escapes.csv',
    args: ['--by', 'agent', '-f', 'json'],
    code: 0,
    check: (r) => {
      expectNoControls(r.stdout, 'json');
      expect(r.stdout.toLowerCase()).toContain('\\u001b');
    },
  },
  ...(['table', 'markdown', 'csv'] as const).map(
    (format): HostileCase => ({
      name: `a right-to-left override (U+202E) in an agent name: none in ${format} output`,
      file: 'bidi.csv',
      args: ['--by', 'agent', '-f', format],
      code: 0,
      check: (r) => {
        expect(r.stdout.includes(RLO)).toBe(false);
        expect(r.stdout).toContain('invoice');
      },
    }),
  ),
  {
    name: 'a right-to-left override in JSON output: escaped as \\u202e, never raw',
    file: 'bidi.csv',
    args: ['--by', 'agent', '-f', 'json'],
    code: 0,
    check: (r) => {
      expect(r.stdout.includes(RLO)).toBe(false);
      expect(r.stdout).toMatch(/invoice\\u202efdp\.exe/i);
      expect(JSON.parse(r.stdout).rows.map((row: { agent: string }) => row.agent)).toContain(`invoice${RLO}fdp.exe`);
    },
  },
  {
    name: 'escapes and U+202E in rejected values: none on stderr',
    file: 'escapes-in-rejections.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 1, rejected: 3 });
      expectNoControls(r.stderr, 'stderr');
      expect(r.stderr.includes(RLO)).toBe(false);
      expect(r.stderr).toMatch(/escapes-in-rejections\.csv:2: created_at: /);
    },
  },

  // Ids.
  {
    name: '20-digit ids that differ in the last digit stay two tickets, kept to the digit (CSV)',
    file: 'big-ids.csv',
    args: ['-f', 'json'],
    command: 'tickets',
    code: 0,
    check: (r) => {
      const ids = (JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id);
      expect(ids).toEqual(['12345678901234567890', '12345678901234567891']);
      expect(r.stdout).toContain('"12345678901234567890"');
    },
  },
  {
    name: 'a 20-digit id as a JSON number is rejected (invalid_value); as a JSON string it is used',
    file: 'big-ids.json',
    args: ['-f', 'json'],
    command: 'tickets',
    code: 0,
    check: (r) => {
      expect((JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id)).toEqual(['12345678901234567891']);
      expect(r.stderr).toContain('(invalid_value)');
      expect(r.stderr).toMatch(/big-ids\.json:1: id: /);
    },
  },

  // Dates.
  {
    name: 'created_at 1900-01-01 is rejected as a placeholder (invalid_timestamp); the range does not start in 1900',
    file: 'dates-1900.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      const report = JSON.parse(r.stdout);
      expect(report.input).toMatchObject({ records: 2, rejected: 1 });
      expect(report.range.from).toMatch(/^2026-03-01T/);
      expect(r.stderr).toContain('(invalid_timestamp)');
      expect(r.stderr).toMatch(/dates-1900\.csv:3: created_at: .*(1970|placeholder)/);
    },
  },

  {
    name: 'solved_at 9999-12-31 (a "never" placeholder) is rejected (invalid_timestamp); the range stays in 2026',
    file: 'dates-9999.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      const report = JSON.parse(r.stdout);
      expect(report.input).toMatchObject({ records: 2, rejected: 1 });
      expect(report.range).toEqual({ from: '2026-03-01T00:00:00+00:00', to: '2026-04-01T00:00:00+00:00' });
      expect(r.stderr).toMatch(/dates-9999\.csv:3: solved_at: "9999-12-31T00:00:00Z" is after 2200: a placeholder for "never"\?/);
    },
  },
  {
    name: 'one date a century off (2126): the weekly range found from the data would hold 5,218 weeks; exit 3 naming both ends',
    file: 'far-off-date.csv',
    args: ['-f', 'json'],
    code: 3,
    check: errorLine(
      'the data runs from 2026-03-02 (ticket T1 in far-off-date.csv, created) to 2126-03-03 (ticket T2 in far-off-date.csv, resolved): 5,218 weeks',
      /more than the 5,000 a range found from the data may hold/,
      /give --from and --to$/,
    ),
  },
  {
    name: 'the same file with --from and --to: reported (the range is the user\'s)',
    file: 'far-off-date.csv',
    args: ['--from', '2026-03-01', '--to', '2026-04-01', '-f', 'json'],
    code: 0,
    check: (r) => expect(JSON.parse(r.stdout).input).toMatchObject({ records: 3, rejected: 0 }),
  },
  {
    name: 'Zendesk minutes 99999999999999 and Infinity: those two records rejected with their lines; 9999-12-31 in Solved at read as never',
    file: 'zendesk-absurd-minutes.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      const report = JSON.parse(r.stdout);
      expect(report.input).toMatchObject({ records: 2, rejected: 2 });
      expect(report.totals.metrics.tickets_resolved).toBe(1);
      expect(r.stderr).toContain('zendesk-absurd-minutes.csv:3: first_response_at: "99999999999999" is more than 100 years');
      expect(r.stderr).toContain('zendesk-absurd-minutes.csv:4: first_response_at: "Infinity" is not a number of minutes ≥ 0');
    },
  },
  // Nothing to use.
  { name: 'an empty (0-byte) file: one line saying it is empty', file: 'empty.csv', args: MONTH_JSON, code: 3, check: errorLine('empty.csv', /empty/) },
  { name: 'a header and no records: "no valid records"', file: 'header-only.csv', args: MONTH_JSON, code: 3, check: errorLine(/no valid records/) },
  {
    name: 'every record invalid: exit 3, the summary lists each reason',
    file: 'all-invalid.csv',
    args: MONTH_JSON,
    code: 3,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(stderrLines(r)[0]).toMatch(/^3 of 3 records rejected/);
      for (const code of ['invalid_timestamp', 'missing_required', 'before_created']) expect(r.stderr).toContain(`(${code})`);
      expect(r.stderr).toMatch(/all-invalid\.csv:2: created_at: /);
      expect(r.stderr).toMatch(/all-invalid\.csv:3: id: /);
      expect(r.stderr).toMatch(/all-invalid\.csv:4: solved_at: /);
      const errors = stderrLines(r).filter((l) => l.startsWith('support-metrics: '));
      expect(errors).toEqual([stderrLines(r).at(-1)]);
      expect(errors[0]).toMatch(/no valid records/);
    },
  },

  // Headers.
  {
    name: 'a header cell with no name (id,created_at,,agent): one line naming column 3',
    file: 'empty-header-name.csv',
    args: MONTH_JSON,
    code: 3,
    check: errorLine('empty-header-name.csv:1:', /column 3\b/, /no name/),
  },
  {
    name: 'a column named twice (agent, Agent): one line naming both columns',
    file: 'duplicate-header.csv',
    args: MONTH_JSON,
    code: 3,
    check: errorLine('duplicate-header.csv:1:', /agent/i, /\b3\b/, /\b4\b/),
  },
  {
    name: 'header names with spaces and capitals ( ID ,Created_At, Agent ) read as the canonical ones',
    file: 'spaces-and-case-header.csv',
    args: ['-p', 'month', '--by', 'agent', '-f', 'json'],
    code: 0,
    check: (r) => {
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 2, rejected: 0 });
      expect(agentsOf(r.stdout)).toEqual(['alice', 'bob']);
    },
  },

  // JSON and NDJSON of the wrong shape.
  { name: 'a JSON file that is an object, not an array: one line', file: 'not-array.json', args: MONTH_JSON, code: 3, check: errorLine('not-array.json', /array/) },
  {
    name: 'NDJSON lines that are not objects ([1,2], 42) are rejected as malformed with their lines; the others used',
    file: 'not-object.ndjson',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 3, rejected: 2 });
      expect(r.stderr).toContain('(malformed_record)');
      expect(r.stderr).toMatch(/not-object\.ndjson:2: /);
      expect(r.stderr).toMatch(/not-object\.ndjson:4: /);
    },
  },
  ...(['deep.json', 'deep.ndjson'] as const).map(
    (file): HostileCase => ({
      name: 'a record nested 50,000 deep is rejected (malformed_record) with its position; the others used',
      file,
      args: MONTH_JSON,
      withRejects: true,
      code: 0,
      check: (r) => {
        expect(JSON.parse(r.stdout).input).toMatchObject({ records: 2, rejected: 1 });
        expect(r.stderr).toContain(`${file}:2: nests objects and lists more than 64 levels deep`);
      },
    }),
  ),
  {
    name: 'two keys naming one field ("id" and "Id") reject that record rather than pick one',
    file: 'duplicate-keys.ndjson',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 2, rejected: 1 });
      expect(r.stderr).toContain('duplicate-keys.ndjson:2: id: the keys "id" and "Id" both name id; keep one');
    },
  },

  // Blank lines, Excel's habits.
  {
    name: '10,000 blank lines (and blank lines before the header and at the end) are counted, and later lines keep their numbers',
    file: 'blank-lines.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input.files[0]).toMatchObject({ read: 10_008, header: 1, blank: 10_004, records: 2, rejected: 1 });
      expect(r.stderr).toContain('blank-lines.csv:10007: created_at: "bad"');
    },
  },
  {
    name: "Excel's sep=; first line names the delimiter and counts as a header line",
    file: 'sep-line.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      const report = JSON.parse(r.stdout);
      expect(report.input.files[0]).toMatchObject({ read: 4, header: 2, records: 1, rejected: 1 });
      expect(report.totals.metrics.handle_time).toBe(null);
      expect(r.stderr).toContain('fields separated by semicolons (from its first line, "sep=;")');
      expect(r.stderr).toContain('sep-line.csv:4: created_at: "never"');
    },
  },
  {
    name: 'ids a spreadsheet rounded (1.23457E+19) are rejected rather than merged as duplicates',
    file: 'excel-ids.csv',
    args: MONTH_JSON,
    code: 0,
    check: (r) => {
      expect(JSON.parse(r.stdout).input).toMatchObject({ records: 1, rejected: 2, duplicates: 0 });
      expect(r.stderr).toMatch(/excel-ids\.csv:3: id: "1\.23457E\+19" is a number a spreadsheet rounded/);
    },
  },
  {
    name: 'full-width formula signs (＝＋＠－) lead a cell: written with a leading quote in CSV output',
    file: 'fullwidth-formula.csv',
    args: ['-f', 'csv'],
    command: 'tickets',
    code: 0,
    check: (r) => {
      const rows = parseCsv(r.stdout) as string[][];
      const agent = rows[0]!.indexOf('agent');
      expect(rows.slice(1).map((row) => row[agent])).toEqual(['\'＝HYPERLINK("http://evil")', "'＋cmd", "'＠SUM(A1)", "'－1"]);
    },
  },
];

describe('the hostile corpus (test/fixtures/hostile/)', () => {
  it('every fixture file has a case, and every case a fixture file', () => {
    const files = readdirSync(cwd).filter((f) => !['README.md', 'generate.mjs', 'lf.csv'].includes(f));
    expect([...new Set(CASES.map((c) => c.file))].sort()).toEqual(files.sort());
  });

  for (const { name, file, args, command, withRejects, code, check } of CASES) {
    it(`${file} (${[command ?? 'report', ...args, ...(withRejects ? ['--rejects FILE'] : [])].join(' ')}): exit ${code}: ${name}`, async () => {
      const rejects = withRejects ? ['--rejects', join(work.fresh(`rejects-${file}`), 'rejects.json')] : [];
      const r = await sm([command ?? 'report', file, ...args, ...rejects]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).not.toMatch(/^\s{4}at /m);
      check(r);
    });
  }

  it('a 5 MB field under the default record size limit (4 MiB): exit 3, one line naming line 2', async () => {
    const dir = work.fresh('five-megabytes');
    writeFileSync(join(dir, 'huge.csv'), `id,created_at,notes\nT1,2026-03-02T09:00:00Z,"${'x'.repeat(5 * 1000 * 1000)}"\nT2,2026-03-03T09:00:00Z,short\n`);
    const line = expectOneLineError(await sm(['report', 'huge.csv', ...MONTH_JSON], { cwd: dir }), 3);
    expect(line).toContain('huge.csv:2:');
    expect(line).toMatch(/4 MiB/);
  });

  it('a quote left open before 5 MB of lines: exit 3 at the default limit, naming the line where the quote opened', async () => {
    const dir = work.fresh('open-quote-megabytes');
    const rows = Array.from({ length: 120_000 }, (_, i) => `T${i + 3},2026-03-03T09:00:00Z,agent ${i}`);
    writeFileSync(join(dir, 'open.csv'), ['id,created_at,agent', 'T1,2026-03-02T09:00:00Z,alice', 'T2,2026-03-02T10:00:00Z,"bob', ...rows].join('\n') + '\n');
    const line = expectOneLineError(await sm(['report', 'open.csv', ...MONTH_JSON], { cwd: dir }), 3);
    expect(line).toContain('open.csv:3:');
  });
});
