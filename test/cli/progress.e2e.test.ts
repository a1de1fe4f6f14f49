import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempFiles } from '../helpers/temp-files.js';

/**
 * The progress line on a terminal (issue 15), end to end through `main(argv, io)`: stderr a fake
 * TTY, the clock a fake one that moves 100 ms each time it is read, so that a read of a megabyte
 * (sixteen 64 KiB chunks, each read and each block of records reading the clock) takes "seconds".
 * And --quiet: what it leaves out of stderr, and what it never does.
 */

const { file } = tempFiles('progress');

const CLEAR = '\r\u001b[K';

/** About 1 MiB of CSV: 4,000 tickets of some 260 bytes, one of them rejected (line 101), in `delimiter`. */
function bigExport(delimiter = ','): string {
  const note = 'x'.repeat(200);
  const rows = Array.from({ length: 4000 }, (_, i) => {
    const day = String(2 + (i % 20)).padStart(2, '0');
    const created = i === 99 ? 'not a date' : `2026-03-${day}T09:00:00Z`;
    return [`T${i}`, created, `2026-03-${day}T10:00:00Z`, `agent${i % 7}`, 'chat', note].join(delimiter);
  });
  return `${['id', 'created_at', 'first_response_at', 'agent', 'channel', 'note'].join(delimiter)}\n${rows.join('\n')}\n`;
}

const path = file('tickets.csv', bigExport());

interface Write {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A stream that records its writes, in order with the other's, in `log`. */
function recorder(stream: Write['stream'], log: Write[], tty: boolean): Writable {
  const writable = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      log.push({ stream, text: chunk.toString() });
      done();
    },
  });
  return Object.assign(writable, { isTTY: tty });
}

/** Runs the CLI with stderr a terminal (or not), a fake clock, and only `env`. */
async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}): Promise<{ code: number; log: Write[]; stderr: string; stdout: string }> {
  const log: Write[] = [];
  let time = 0;
  const code = await main(['node', 'support-metrics', ...args], {
    stdin: Readable.from([]),
    stdout: recorder('stdout', log, false),
    stderr: recorder('stderr', log, options.tty ?? true),
    color: false,
    env: options.env ?? {},
    now: () => (time += 100),
  });
  const text = (stream: Write['stream']): string => log.filter((w) => w.stream === stream).map((w) => w.text).join('');
  return { code, log, stderr: text('stderr'), stdout: text('stdout') };
}

const isProgress = (w: Write): boolean => w.stream === 'stderr' && w.text.startsWith('\r');

/** The progress writes were drawn, and cleared before anything else was written (on stdout or stderr). */
function expectDrawnThenCleared(log: Write[]): void {
  const drawn = log.filter(isProgress);
  expect(drawn.length).toBeGreaterThan(2);
  for (const { text } of drawn.slice(0, -1)) expect(text).toMatch(/^\rreading \S+\.csv(, first pass)?: [\d.]+ [KM]iB of [\d.]+ [KM]iB \(\d+%\)(, [\d,]+ records)?(, [\d.]+ [KM]iB\/s(, about \d+s left)?)?\u001b\[K$/);
  const last = log.findLastIndex(isProgress);
  expect(log[last]!.text).toBe(CLEAR);
  expect(log.slice(0, last).every((w) => isProgress(w))).toBe(true);
}

describe('the progress line', () => {
  it.each([
    ['report', ['-f', 'json']],
    ['tickets', []],
    ['coverage', ['-f', 'json']],
    ['staffing', ['-f', 'json', '--aht', '6m']],
    ['inspect', []],
  ])('%s: shown on a terminal once reading takes over a second, cleared before anything else is written', async (command, flags) => {
    const r = await run([command, path, ...flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expectDrawnThenCleared(r.log);
    expect(r.log.find(isProgress)!.text).toMatch(/tickets\.csv: [\d.]+ KiB of 1018\.5 KiB/);
  });

  it('is cleared before the notices and the rejection summary', async () => {
    const r = await run(['report', file('semicolons.csv', bigExport(';')), '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expectDrawnThenCleared(r.log);
    // Its dates are decided from every value first (a `;` file may have Excel's local dates): a first pass, then the records.
    const lines = r.log.filter(isProgress).map((w) => w.text);
    const firstPass = lines.findIndex((l) => l.includes('semicolons.csv, first pass: '));
    expect(firstPass).toBeGreaterThanOrEqual(0);
    expect(firstPass).toBeLessThan(lines.findIndex((l) => / [\d,]+ records/.test(l)));
    const afterClear = r.stderr.slice(r.stderr.lastIndexOf(CLEAR) + CLEAR.length);
    expect(afterClear).toMatch(/^\S*semicolons\.csv: fields separated by semicolons/);
    expect(afterClear).toContain('1 of 4,000 records rejected');
  });

  it('is cleared before an error line (a record over --max-record-size at the end of the file)', async () => {
    const r = await run(['report', file('too-big.csv', `${bigExport()}T9999,2026-03-02T09:00:00Z,,ann,chat,${'y'.repeat(8000)}\n`), '--max-record-size', '4K']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expectDrawnThenCleared(r.log);
    expect(r.stderr.slice(r.stderr.lastIndexOf(CLEAR) + CLEAR.length)).toMatch(/^support-metrics: \S*too-big\.csv:4002: the record that starts here is over the record size limit \(4,096 bytes\)[^\n]*\n$/);
  });

  it('a short read shows nothing', async () => {
    const r = await run(['report', file('small.csv', 'id,created_at\nA,2026-03-02T09:00:00Z\n'), '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['stderr is not a terminal', { tty: false }, []],
    ['CI is set', { env: { CI: 'true' } }, []],
    ['CI is set to 1', { env: { CI: '1' } }, []],
    ['the terminal cannot clear a line (TERM=dumb)', { env: { TERM: 'dumb' } }, []],
    ['--quiet', {}, ['--quiet']],
    ['-q', {}, ['-q']],
  ])('never when %s', async (_, options, flags) => {
    const r = await run(['report', path, '-f', 'json', ...flags], options);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('reading');
  });

  it.each(['', 'false', '0'])('shown with CI=%j', async (ci) => {
    const r = await run(['report', path, '-f', 'json'], { env: { CI: ci } });
    expectDrawnThenCleared(r.log);
  });
});

describe('--quiet', () => {
  it('leaves out the notices, the rejection summary and the rejects line; the output is the same', async () => {
    const semicolons = file('semicolons.csv', bigExport(';'));
    const rejects = `${semicolons}.rejects.csv`;
    const loud = await run(['report', semicolons, '-f', 'json', '--rejects', rejects], { tty: false });
    const quiet = await run(['report', semicolons, '-f', 'json', '--rejects', rejects, '--quiet'], { tty: false });
    expect(loud.stderr).toMatch(/fields separated by semicolons[\s\S]*1 of 4,000 records rejected[\s\S]*1 rejected record written to/);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('never silences an error', async () => {
    const r = await run(['report', path, '--quiet', '--strict']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('support-metrics: --strict: 1 of 4,000 records rejected; no output written\n');
  });

  it('never silences the failed goals (exit 4)', async () => {
    const args = ['report', path, '--goal', 'first_response_time.median<=30m', '--output', `${path}.report.json`];
    const loud = await run(args, { tty: false });
    const quiet = await run([...args, '--quiet'], { tty: false });
    expect(loud.code).toBe(4);
    expect(loud.stderr).toContain('1 of 4,000 records rejected');
    expect(quiet.code).toBe(4);
    expect(quiet.stderr).toBe(
      'goal failed (error): first_response_time median <= 30m: 1h 00m (sample 3,999)\nsupport-metrics: 1 goal of level error failed (the report is written)\n',
    );
  });

  it('leaves out the alerts echoed on stderr for an --output file (they are in the report)', async () => {
    // Ten weeks of about 20 tickets, and 200 in the ninth: a volume spike.
    const rows = Array.from({ length: 10 }, (_, week) =>
      Array.from({ length: week === 8 ? 200 : 20 + (week % 3) }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * week, 9) + i * 60_000).toISOString().replace('.000', '')),
    )
      .flat()
      .map((created, i) => `T${i},${created}`);
    const surge = file('surge.csv', `id,created_at\n${rows.join('\n')}\n`);
    const loud = await run(['report', surge, '--output', `${surge}.json`], { tty: false });
    const quiet = await run(['report', surge, '--output', `${surge}.json`, '--quiet'], { tty: false });
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr).toBe('alert: Volume spike: 2026-W10: 200 tickets created against a usual 21 (score 39.06)\n');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('and --verbose cannot go together (exit 2)', async () => {
    const r = await run(['report', path, '--quiet', '--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("support-metrics: option '-q, --quiet' cannot be used with option '-v, --verbose'\n");
  });
});
