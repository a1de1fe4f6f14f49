import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TWO_PARTS_FROM } from '../../src/io/read-limits.js';
import { binPath, cliProcess, projectRoot, type Run } from '../helpers/cli.js';
import { tempFiles } from '../helpers/temp-files.js';

/**
 * A CSV, NDJSON or JSON array file read in two parts at once (--threads 2, src/reading/later-part.ts), through the built
 * CLI (the second thread runs the bundle's part-worker.js): the output, the notices, the rejection
 * summary and the exit code are those of --threads 1, byte for byte. `--verbose` says where the
 * second thread started; a file that could not be split is read in one piece and says nothing.
 * The merging itself is checked on random files at every line start in test/reading/two-parts.test.ts.
 * (An NDJSON file's --verbose output describes its keys: counted in both parts.)
 */

const temp = tempFiles('threads');
const samples = fileURLToPath(new URL('../../samples/tickets.csv', import.meta.url));
const zendesk = fileURLToPath(new URL('../../../shared/data/real/zendesk_tickets_plum_2023.csv', import.meta.url));

const run = (args: string[], threads: '1' | '2'): Run => cliProcess([...args, '--threads', threads]);

/** The same run with one thread and with two: everything it writes the same. */
function same(args: string[]): Run {
  const one = run(args, '1');
  const two = run(args, '2');
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr).toBe(one.stderr);
  expect(two.code).toBe(one.code);
  return two;
}

/** The line --verbose starts the second thread's part on, or undefined when the file was read in one piece. */
function secondFrom(args: string[]): number | undefined {
  const r = run([...args, '--verbose'], '2');
  expect(r.code, r.stderr).toBe(0);
  const line = /threads: +2: the second read the lines from ([\d,]+) on/.exec(r.stderr);
  return line === null ? undefined : Number(line[1]!.replaceAll(',', ''));
}

const HEADER = 'id,created_at,updated_at,first_response_at,status,agent,customer,satisfaction,tags';

/** `n` tickets; ids repeat (duplicates across the middle), some records are rejected, some values set aside. */
function tickets(n: number, lineOf: (i: number) => string = ticketLine): string {
  return `${HEADER}\n${Array.from({ length: n }, (_, i) => lineOf(i)).join('\n')}\n`;
}

function ticketLine(i: number): string {
  const id = i % 7 === 3 ? `T${(i * 31) % n2}` : `T${i}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const created = i % 97 === 5 ? 'yesterday' : `2026-02-${day}T09:00:00Z`;
  const updated = `2026-03-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`;
  const csat = i % 53 === 1 ? 'maybe' : i % 3 === 0 ? 'good' : '';
  return `${id},${created},${updated},2026-02-${day}T10:00:00Z,${i % 5 === 0 ? 'open' : 'solved'},Agent ${i % 9},C${i % 400},${csat},"a,b"`;
}
const n2 = 4000;

describe('--threads 2: a CSV file read in two parts at once', () => {
  it('the sample export: the same report, notices and rejections; --verbose says where the second part started', () => {
    same(['report', samples, '--by', 'agent', '--period', 'week', '--format', 'json']);
    same(['report', samples, '--format', 'markdown']);
    same(['tickets', samples, '--format', 'csv']);
    expect(secondFrom(['report', samples, '--format', 'json'])).toBeGreaterThan(1000);
  });

  it('duplicate ids, rejected records and values set aside in both parts: the same counts and examples', () => {
    const path = temp.file('mixed.csv', tickets(n2));
    const r = same(['report', path, '--by', 'agent', '--format', 'json']);
    expect(r.stderr).toMatch(/rejected/);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeGreaterThan(n2 / 3);
  });

  it('a middle that falls inside a quoted field over many lines: read in one piece, the same result', () => {
    const long = `T-long,2026-02-01T09:00:00Z,2026-03-01T09:00:00Z,,solved,Ann,C1,,"${'line\n'.repeat(3000)}end"`;
    const path = temp.file('quoted.csv', tickets(400, (i) => (i === 200 ? long : ticketLine(i))));
    same(['report', path, '--format', 'json']);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeUndefined();
  });

  it('an invalid byte or a quote never closed in the later part: the same one-line error, where it is in the file', () => {
    const text = tickets(n2);
    const bad = Buffer.from(text);
    bad[Math.floor(bad.length * 0.8)] = 0xff;
    const r = same(['report', temp.file('bad-byte.csv', bad), '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-byte\.csv:\d+: byte \d+: not valid UTF-8/);
    const open = same(['report', temp.file('open-quote.csv', `${text}T9,2026-02-01T09:00:00Z,,,solved,Ann,C1,,"never closed\n`), '--format', 'json']);
    expect(open.code).toBe(3);
    expect(open.stderr).toMatch(/a quoted field in the record that starts here is never closed/);
  });

  it('gzip data is read in one piece', () => {
    const path = temp.file('t.csv.gz', gzipSync(tickets(n2)));
    same(['report', path, '--format', 'json']);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeUndefined();
  });

  it('auto: two threads for a file of 32 MiB or more on two cores; one under a limit on the address space (ulimit -v)', () => {
    const text = tickets(350_000);
    expect(text.length).toBeGreaterThanOrEqual(TWO_PARTS_FROM.csv);
    const file = temp.file('large.csv', text);
    const args = ['report', file, '--format', 'json', '--verbose'];
    const auto = cliProcess(args);
    expect(auto.code, auto.stderr).toBe(0);
    expect(/threads: +2: the second read/.test(auto.stderr)).toBe(availableParallelism() >= 2);
    // V8 reserves address space per thread and aborts the process when it cannot: one thread there.
    const limited = spawnSync('bash', ['-c', 'ulimit -v 3000000 && exec "$0" "$@"', process.execPath, binPath, ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    expect(limited.status, limited.stderr.toString()).toBe(0);
    expect(limited.stderr.toString()).not.toMatch(/threads:/);
    expect(limited.stdout.toString()).toBe(auto.stdout);
  });

  it('--threads takes auto, 1 or 2', () => {
    const r = cliProcess(['report', samples, '--threads', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads <n>' argument '3' is invalid. Allowed choices are auto, 1, 2/);
  });

  it.skipIf(!existsSync(zendesk))(`a real Zendesk export (../shared/data/real)${existsSync(zendesk) ? '' : ' (skipped: not found)'}`, () => {
    same(['report', zendesk, '--by', 'agent', '--format', 'json']);
    expect(secondFrom(['report', zendesk, '--format', 'json'])).toBeGreaterThan(1);
  });
});

/** `n` NDJSON tickets made from the CSV lines above (the same duplicates, rejections and values set aside), with blank and malformed lines. */
function ndjsonTickets(n: number): string {
  const names = HEADER.split(',');
  const lines = Array.from({ length: n }, (_, i) => {
    if (i % 211 === 7) return '{"id": "broken",';
    if (i % 150 === 9) return '';
    const values = ticketLine(i).replace(',"a,b"', '').split(',');
    return JSON.stringify({ ...Object.fromEntries(names.slice(0, -1).map((name, c) => [name, values[c]])), tags: ['a', 'b'], ...(i > n / 2 ? { team: `Team ${i % 3}` } : {}) });
  });
  return `${lines.join('\n')}\n`;
}

describe('--threads 2: an NDJSON file read in two parts at once', () => {
  it('the same report, notices and rejections; --verbose says where the second part started, and counts the keys of both', () => {
    const path = temp.file('mixed.ndjson', ndjsonTickets(n2));
    const r = same(['report', path, '--by', 'team', '--format', 'json']);
    expect(r.stderr).toMatch(/rejected/);
    same(['report', path, '--format', 'markdown']);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeGreaterThan(n2 / 3);
    const verbose = (threads: '1' | '2') => run(['report', path, '--format', 'json', '--verbose'], threads).stderr.replace(/\n *threads: .*\n/, '\n');
    expect(verbose('2')).toBe(verbose('1'));
  });

  it('a Zendesk Chat export (a JSON preset, decided by the first object): the same report', () => {
    const chats = readFileSync(fileURLToPath(new URL('../fixtures/presets/zendesk-chat-chats.ndjson', import.meta.url)), 'utf8').trim().split('\n');
    const lines = Array.from({ length: 2000 }, (_, i) => chats[i % chats.length]!.replace(/"id":"([^"]+)"/, `"id":"$1-${i}"`));
    const path = temp.file('chats.ndjson', `${lines.join('\n')}\n`);
    same(['report', path, '--by', 'agent', '--format', 'json']);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeGreaterThan(500);
  });

  it('an invalid byte in the later part: the same one-line error, where it is in the file; gzip data is read in one piece', () => {
    const bad = Buffer.from(ndjsonTickets(n2));
    bad[Math.floor(bad.length * 0.8)] = 0xff;
    const r = same(['report', temp.file('bad-byte.ndjson', bad), '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-byte\.ndjson:\d+: byte \d+: not valid UTF-8/);
    const gz = temp.file('t.ndjson.gz', gzipSync(ndjsonTickets(n2)));
    same(['report', gz, '--format', 'json']);
    expect(secondFrom(['report', gz, '--format', 'json'])).toBeUndefined();
  });
});

describe('--threads 2: a JSON array read in two parts at once', () => {
  /** The NDJSON tickets above as a JSON array: pretty-printed, on one line, or one element a line. */
  const array = (layout: 'pretty' | 'one line' | 'lines'): string => {
    const items = ndjsonTickets(n2)
      .split('\n')
      .filter((line) => line.startsWith('{"id":"T'))
      .map((line) => JSON.parse(line) as unknown);
    items.splice(100, 0, 'not a ticket', { id: 'nested', created_at: '2026-02-01T09:00:00Z', extra: { list: [{ id: 1 }, { id: 2 }] } });
    if (layout === 'pretty') return JSON.stringify(items, null, 2);
    return layout === 'one line' ? JSON.stringify(items) : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`;
  };

  it.each(['pretty', 'one line', 'lines'] as const)('%s: the same report, notices and rejections; --verbose says from which record the second part read', (layout) => {
    const path = temp.file(`${layout.replace(' ', '-')}.json`, array(layout));
    const r = same(['report', path, '--by', 'team', '--format', 'json']);
    expect(r.stderr).toMatch(/rejected/);
    const verbose = run(['report', path, '--format', 'json', '--verbose'], '2');
    const from = /threads: +2: the second read the records from ([\d,]+) on/.exec(verbose.stderr);
    expect(Number(from![1]!.replaceAll(',', ''))).toBeGreaterThan(n2 / 3);
  });

  it('an API page (a JSON document that is no array) is read in one piece', () => {
    const page = readFileSync(fileURLToPath(new URL('../fixtures/presets/helpscout-conversations.json', import.meta.url)), 'utf8');
    const path = temp.file('page.json', page);
    same(['report', path, '--format', 'json']);
    expect(secondFrom(['report', path, '--format', 'json'])).toBeUndefined();
  });
});
