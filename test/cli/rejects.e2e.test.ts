import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, expectOneLineError, cli, stderrLines } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/** --rejects, --max-rejects, --max-record-size and --max-expansion, end to end (issues 5 and 15). */

const work = workDirectory('rejects');
afterAll(() => work.remove());

/** 10 records: 7 used, 1 duplicate, 2 rejected (a bad date on line 4, a ragged row on line 9), and a blank line. */
const TICKETS = [
  'id,created_at,agent',
  'T1,2026-03-02T09:00:00Z,Ann',
  'T2,2026-03-02T10:00:00Z,=HYPERLINK("http://evil")',
  'T3,"not a ""date""",Bob',
  'T4,2026-03-03T09:00:00Z,Cy',
  '',
  'T5,2026-03-03T10:00:00Z,Di',
  'T6,2026-03-04T09:00:00Z,Ed',
  'T7,2026-03-04T10:00:00Z,"Fay\nSmith",extra',
  'T8,2026-03-05T09:00:00Z,Gus',
  '',
  'T9,2026-03-05T10:00:00Z,Hal',
  'T1,2026-03-02T09:00:00Z,Ann',
].join('\n');

function setUp(name: string): string {
  const dir = work.fresh(name);
  writeFileSync(join(dir, 'tickets.csv'), TICKETS);
  return dir;
}

describe('--rejects', () => {
  it('CSV: every rejected record with file, line, field, code, message and the record as read; formulas neutralised', async () => {
    const dir = setUp('csv');
    const r = await cli(['report', 'tickets.csv', '--rejects', 'rejects.csv', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(stderrLines(r)).toContain('2 rejected records written to rejects.csv');
    const rows = parse(readFileSync(join(dir, 'rejects.csv')), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        file: 'tickets.csv',
        line: '4',
        scope: 'record',
        field: 'created_at',
        code: 'invalid_timestamp',
        message: `"not a \\"date\\"" is not an ISO 8601 timestamp (e.g. 2026-03-02T09:15:00Z; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`,
        record: 'T3,"not a ""date""",Bob',
      },
      {
        file: 'tickets.csv',
        line: '9',
        scope: 'record',
        field: '',
        code: 'malformed_record',
        message: 'has 4 fields where the header has 3 (the record runs over 2 lines: is a quote on its first line left open?)',
        record: 'T7,2026-03-04T10:00:00Z,"Fay\nSmith",extra',
      },
    ]);
    // The report's own accounting agrees: 13 read = 1 header + 2 blank + 7 used + 1 duplicate + 2 rejected.
    const report = JSON.parse(r.stdout) as { input: { files: unknown[] } };
    expect(report.input.files).toEqual([{ path: 'tickets.csv', read: 13, header: 1, blank: 2, folded: 0, records: 7, duplicates: 1, rejected: 2, setAside: 0 }]);
  });

  it('JSON and NDJSON by the extension', async () => {
    const dir = setUp('json');
    expect((await cli(['report', 'tickets.csv', '--rejects', 'rejects.json'], { cwd: dir })).code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'rejects.json'), 'utf8')) as { line: number; code: string; field: string | null; record: string }[];
    expect(json.map((x) => [x.line, x.field, x.code, x.record])).toEqual([
      [4, 'created_at', 'invalid_timestamp', 'T3,"not a ""date""",Bob'],
      [9, null, 'malformed_record', 'T7,2026-03-04T10:00:00Z,"Fay\nSmith",extra'],
    ]);
    expect((await cli(['report', 'tickets.csv', '--rejects', 'rejects.ndjson'], { cwd: dir })).code).toBe(0);
    const lines = readFileSync(join(dir, 'rejects.ndjson'), 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([4, 9]);
  });

  it('no rejection: the file holds the header only (a CI job always finds it)', async () => {
    const dir = work.fresh('none');
    writeFileSync(join(dir, 'ok.csv'), 'id,created_at\nA,2026-03-02T09:00:00Z\n');
    expect((await cli(['report', 'ok.csv', '--rejects', 'r.csv'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('file,line,scope,field,code,message,record\n');
    expect((await cli(['report', 'ok.csv', '--rejects', 'r.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual([]);
  });

  it('is written also when the run then fails on its rejections, and the summary says where', async () => {
    const dir = setUp('strict');
    const r = await cli(['report', 'tickets.csv', '--strict', '--rejects', 'r.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')[1]).toMatch(/^tickets\.csv,4,record,created_at,/);
  });

  it('a read that fails leaves no rejects file and no temporary file', async () => {
    const dir = work.fresh('fails');
    writeFileSync(join(dir, 'bad.csv'), 'id,created_at\nA,bad\nB,"open\n');
    const r = await cli(['report', 'bad.csv', '--rejects', 'r.csv'], { cwd: dir });
    expect(expectOneLineError(r, 3)).toMatch(/^support-metrics: bad\.csv:3: a quoted field/);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('refuses to write over an input, over the --output file (also through a link), or to standard output', async () => {
    const dir = setUp('over');
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--rejects', 'tickets.csv'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects: tickets.csv is the input file tickets.csv; refusing to overwrite it',
    );
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--rejects', 'x.csv', '-o', './x.csv'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects and --output name the same file (./x.csv)',
    );
    symlinkSync('x.csv', join(dir, 'link.csv'));
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--rejects', 'x.csv', '-o', 'link.csv'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects and --output name the same file (link.csv)',
    );
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--rejects', '-'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects: give a file name; standard output carries the report',
    );
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--rejects', 'no/such/dir/r.csv'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects: cannot write no/such/dir/r.csv: its directory does not exist',
    );
  });

  it('Ctrl-C while reading leaves no temporary file', async () => {
    const dir = work.fresh('sigint');
    // Standard input that never ends: the run is still reading when the signal comes.
    const child = spawn(process.execPath, [binPath, 'report', '-', '--input-format', 'csv', '--rejects', 'r.csv'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('id,created_at\nA,bad\n');
    // Wait (up to 10 s) for the temporary rejects file: then the run is reading.
    for (let waited = 0; waited < 10_000 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGINT');
    const { code, signal } = await exit;
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('--max-rejects', () => {
  it.each([
    ['2', 0],
    ['1', 3],
    ['20%', 0],
    ['16.6%', 3],
    ['0', 3],
  ])('--max-rejects %s with 2 of 10 records rejected: exit %i', async (limit, code) => {
    const dir = setUp(`max-${limit}`);
    const r = await cli(['report', 'tickets.csv', '--max-rejects', limit, '-f', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(code);
    if (code === 3) {
      expect(r.stdout).toBe('');
      const share = limit.endsWith('%') ? ' (20.00%)' : '';
      expect(stderrLines(r).at(-1)).toBe(`support-metrics: --max-rejects ${limit}: 2 of 10 records rejected${share}; no output written`);
    }
  });

  it.each(['-1', 'lots', '101%', '5%%'])('a bad value (%s) is a usage error', async (limit) => {
    const dir = setUp(`bad-${limit}`);
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--max-rejects', limit], { cwd: dir }), 2)).toMatch(/^support-metrics: --max-rejects: .* is not a number of records/);
  });
});

describe('--max-record-size', () => {
  it('takes bytes or K/M, and a bad value is a usage error', async () => {
    const dir = work.fresh('size');
    writeFileSync(join(dir, 't.csv'), `id,created_at,agent\nA,2026-03-02T09:00:00Z,${'x'.repeat(3000)}\n`);
    expect((await cli(['report', 't.csv', '--max-record-size', '4K'], { cwd: dir })).code).toBe(0);
    expect(expectOneLineError(await cli(['report', 't.csv', '--max-record-size', '2K'], { cwd: dir }), 3)).toMatch(/^support-metrics: t\.csv:2: the record that starts here is over the record size limit \(2,048 bytes\)/);
    expect(expectOneLineError(await cli(['inspect', 't.csv', '--max-record-size', 'big'], { cwd: dir }), 2)).toMatch(/^support-metrics: --max-record-size: "big" is not a size/);
  });
});

describe('--max-expansion', () => {
  // A refused file needs 64 MiB of text (the floor): test/io/dialects.test.ts lowers the floor to show it.
  it('takes a whole ratio, or none (0); a bad value is a usage error', async () => {
    const dir = work.fresh('expansion');
    writeFileSync(join(dir, 't.csv.gz'), gzipSync(TICKETS));
    const plain = await cli(['report', 't.csv.gz', '-f', 'json'], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    for (const ratio of ['none', '0', '1', '1000']) {
      const run = await cli(['report', 't.csv.gz', '-f', 'json', '--max-expansion', ratio], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(plain.stdout);
    }
    for (const ratio of ['lots', '-5', '1.5', '']) {
      expect(expectOneLineError(await cli(['inspect', 't.csv.gz', '--max-expansion', ratio], { cwd: dir }), 2)).toBe(
        `support-metrics: --max-expansion: ${JSON.stringify(ratio)} is not a ratio (a whole number such as 100 or 1000) or none`,
      );
    }
  });
});
