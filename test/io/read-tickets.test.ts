import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../helpers/temp-files.js';
import { InputError, UsageError } from '../../src/errors.js';
import type { InputFormat } from '../../src/io/input-formats.js';
import { readTicketSources } from '../../src/reading/read-exports.js';
import { Ingest, type IngestSummary, type Rejection } from '../../src/tickets/ingest.js';
import type { TicketStore } from '../../src/tickets/store.js';
import { wallTimeReader } from '../../src/time/zone.js';

/** Writes `content` to a fresh file named `name` (in its own sub-directory) and returns its path. */
const { file: fixture } = tempFiles('read');

const noStdin = (): Readable => Readable.from([]);

/** Every rejection of a read, in reading order, as the rejects file gets them (the summary keeps only examples). */
const allRejections = new WeakMap<IngestSummary, Rejection[]>();

async function read(paths: string[], options: { stdin?: Readable; format?: InputFormat; inputZone?: string } = {}): Promise<IngestSummary> {
  const rejected: Rejection[] = [];
  const ingest = new Ingest(wallTimeReader(options.inputZone ?? 'UTC'), { rejects: { write: (r) => rejected.push(r) } });
  await readTicketSources(paths, ingest, options.stdin ?? noStdin(), { format: options.format });
  const summary = ingest.finish();
  allRejections.set(summary, rejected);
  return summary;
}

/** The tickets kept, in store order, with the fields these tests look at. */
function tickets(store: TicketStore): { id: string; createdAt: string; agent: string | null; team: string | null }[] {
  return Array.from({ length: store.length }, (_, slot) => ({
    id: store.idOf(slot),
    createdAt: new Date(store.createdAt[slot]!).toISOString(),
    agent: store.dictionaries.agent.valueOf(store.agent[slot]!),
    team: store.dictionaries.team.valueOf(store.team[slot]!),
  }));
}

/** Rejected records as `line field code`, in reading order (values set aside left out). */
function rejections(summary: IngestSummary): { file: string; line: number; field: string | null; code: string }[] {
  return allRejections
    .get(summary)!
    .filter((r) => r.scope === 'record')
    .map(({ file, line, field, code }) => ({ file, line, field, code }));
}

/** Everything read is accounted for: read = header + blank + used + duplicates + rejected, in every file. */
function expectBalancedAccounts(summary: IngestSummary): void {
  for (const f of summary.files) expect(f.header + f.blank + f.used + f.duplicates + f.rejected, f.path).toBe(f.read);
  expect(summary.records).toBe(summary.files.reduce((n, f) => n + f.used + f.duplicates + f.rejected, 0));
}

describe('CSV', () => {
  it('reads an LF file', async () => {
    const path = fixture('t.csv', 'id,created_at,agent\nA,2026-03-02T08:00:00Z,alice\nB,2026-03-03T09:30:00Z,\n');
    const summary = await read([path]);
    expect(tickets(summary.store)).toEqual([
      { id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: null },
      { id: 'B', createdAt: '2026-03-03T09:30:00.000Z', agent: null, team: null },
    ]);
    // 3 read = 1 header + 2 records
    expect(summary.files).toEqual([{ path, read: 3, header: 1, blank: 0, folded: 0, rejected: 0, duplicates: 0, used: 2, setAside: 0 }]);
    expectBalancedAccounts(summary);
    expect([...summary.presentFields].sort()).toEqual(['agent', 'created_at', 'id']);
  });

  it('reads a file without a final line break', async () => {
    const summary = await read([fixture('t.csv', 'id,created_at\nA,2026-03-02T08:00:00Z')]);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A']);
  });

  it('RFC 4180 quoting: commas, doubled quotes and line breaks inside quoted fields', async () => {
    const csv = [
      'id,created_at,agent,team',
      '"A",2026-03-02T08:00:00Z,"Doe, ""JJ""","core"',
      'B,2026-03-02T09:00:00Z,"two',
      'lines",""',
    ].join('\n');
    const summary = await read([fixture('t.csv', `${csv}\n`)]);
    expect(summary.rejected).toBe(0);
    expect(tickets(summary.store)).toEqual([
      { id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'Doe, "JJ"', team: 'core' },
      { id: 'B', createdAt: '2026-03-02T09:00:00.000Z', agent: 'two\nlines', team: null },
    ]);
  });

  // Physical lines:            1                           2                       3        4
  const withEmbeddedNewlines = ['id,created_at,agent,solved_at', '1,2026-03-02T08:00:00Z,"multi', 'line",', '2,2026-03-02T08:00:00Z,"Doe, ""JJ""",',
    //   5                            6    7
    '3,2026-03-02T08:00:00Z,"three', '', 'lines",2026-03-01T00:00:00Z',
    //   8
    '4,nope,x,',
    //   9
    '5,2026-03-02T08:00:00Z,ragged',
  ];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('the line of a rejection after quoted line breaks is the physical line where its record starts (%s)', async (_name, eol) => {
    const summary = await read([fixture('t.csv', withEmbeddedNewlines.join(eol) + eol)]);
    expect(rejections(summary)).toEqual([
      { file: expect.stringMatching(/t\.csv$/), line: 5, field: 'solved_at', code: 'before_created' },
      { file: expect.stringMatching(/t\.csv$/), line: 8, field: 'created_at', code: 'invalid_timestamp' },
      { file: expect.stringMatching(/t\.csv$/), line: 9, field: null, code: 'malformed_record' },
    ]);
    expect(tickets(summary.store).map((t) => [t.id, t.agent])).toEqual([
      ['1', `multi${eol}line`],
      ['2', 'Doe, "JJ"'],
    ]);
    // 6 read = 1 header + 5 records (those starting on lines 2, 4, 5, 8, 9); line 6 is inside a quoted field, not blank
    expect(summary.files[0]).toMatchObject({ read: 6, header: 1, used: 2, rejected: 3, duplicates: 0, blank: 0 });
    expectBalancedAccounts(summary);
  });

  it('CRLF: no carriage return is left in the values', async () => {
    const summary = await read([fixture('t.csv', 'id,created_at,agent\r\nA,2026-03-02T08:00:00Z,alice\r\nB,2026-03-02T08:00:00Z,bob\r\n')]);
    expect(tickets(summary.store).map((t) => t.agent)).toEqual(['alice', 'bob']);
  });

  it('a UTF-8 BOM before the header is not part of the first column name', async () => {
    const summary = await read([fixture('t.csv', '\uFEFFid,created_at\r\nA,2026-03-02T08:00:00Z\r\n')]);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A']);
    expect(summary.presentFields.has('id')).toBe(true);
  });

  it('blank lines are counted as blank, are not records, and do not shift line numbers', async () => {
    // lines: 1 header, 2 A, 3 blank, 4 blank, 5 B (rejected), 6 spaces only, 7 C, 8 blank
    const csv = 'id,created_at\nA,2026-03-02T08:00:00Z\n\n\nB,soon\n   \nC,2026-03-02T09:00:00Z\n\n';
    const summary = await read([fixture('t.csv', csv)]);
    expect(rejections(summary)).toEqual([{ file: expect.any(String), line: 5, field: 'created_at', code: 'invalid_timestamp' }]);
    // 8 read = 1 header + 4 blank (lines 3, 4, 6, 8) + 3 records (A, C used; B rejected)
    expect(summary.files[0]).toMatchObject({ read: 8, header: 1, blank: 4, used: 2, rejected: 1, duplicates: 0 });
    expectBalancedAccounts(summary);
  });

  it('a row with too few or too many fields is rejected as malformed, with its line', async () => {
    const csv = 'id,created_at,agent\nA,2026-03-02T08:00:00Z\nB,2026-03-02T08:00:00Z,bob,extra\nC,2026-03-02T08:00:00Z,carol\n';
    const summary = await read([fixture('t.csv', csv)]);
    expect(rejections(summary)).toEqual([
      { file: expect.any(String), line: 2, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 3, field: null, code: 'malformed_record' },
    ]);
    expect(summary.examples[0]!.message).toContain('2');
    expect(summary.rejectionsByCode.get('malformed_record')).toBe(2);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['C']);
  });

  it('header names are trimmed and case-insensitive', async () => {
    const summary = await read([fixture('t.csv', ' ID ,Created_At,  AGENT,Team \nA,2026-03-02T08:00:00Z,alice,core\n')]);
    expect(tickets(summary.store)).toEqual([{ id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: 'core' }]);
  });

  it('unknown columns are ignored, wherever they are', async () => {
    const csv = 'ticket_url,id,notes,created_at,agent,resolved_at\nhttp://x/1,A,"anything, at all",2026-03-02T08:00:00Z,alice,not a date\n';
    const summary = await read([fixture('t.csv', csv)]);
    expect(summary.rejected).toBe(0);
    expect(tickets(summary.store)).toEqual([{ id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: null }]);
    expect([...summary.presentFields].sort()).toEqual(['agent', 'created_at', 'id']);
  });

  it('a header with columns in another order', async () => {
    const summary = await read([fixture('t.csv', 'agent,created_at,id\nalice,2026-03-02T08:00:00Z,A\n')]);
    expect(tickets(summary.store)).toEqual([{ id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: null }]);
  });

  it('a header row only: no records, no error', async () => {
    const summary = await read([fixture('t.csv', 'id,created_at\n')]);
    expect(summary.store.length).toBe(0);
    // the header line is all there is to read
    expect(summary.files[0]).toMatchObject({ read: 1, header: 1, blank: 0, used: 0, rejected: 0, duplicates: 0 });
    expectBalancedAccounts(summary);
  });

  it.each([
    ['no id column', 'ticket,created_at\nA,2026-03-02T08:00:00Z\n', /"id"/],
    ['no created_at column', 'id,created\nA,2026-03-02T08:00:00Z\n', /"created_at"/],
    ['neither', 'a,b\n1,2\n', /"id" or "created_at"/],
  ])('a header without a required column is refused: %s', async (_what, csv, mentions) => {
    const path = fixture('t.csv', csv);
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(mentions);
    expect((error as Error).message.startsWith(`${path}:1: `)).toBe(true);
  });

  it.each([
    ['same name', 'id,created_at,id\n'],
    ['same name in another case', 'id,created_at,Agent,AGENT\n'],
    ['same name with spaces', 'id,created_at, team,team \n'],
  ])('a column named twice is refused: %s', async (_what, header) => {
    const path = fixture('t.csv', `${header}A,2026-03-02T08:00:00Z,x,y\n`);
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/twice/);
    expect((error as Error).message.startsWith(`${path}:1: `)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a BOM only', '\uFEFF'],
  ])('an empty file is refused: %s', async (_what, content) => {
    const path = fixture('t.csv', content);
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/empty/);
  });

  it('an unterminated quote makes the file unreadable, naming it', async () => {
    const path = fixture('t.csv', 'id,created_at,agent\nA,2026-03-02T08:00:00Z,"never closed\n');
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`${path}:`);
  });

  it('property: every record is used, rejected or a duplicate, and each rejection names the line its record starts on', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é'), maxLength: 8 });
    const row = fc.record({ id: fc.constantFrom('1', '2', '3', '4', '5', '6'), valid: fc.boolean(), agent: text, eol: fc.constantFrom('\n', '\r\n') });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 15 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const records = rows.map((r) => [r.id, r.valid ? '2026-03-02T08:00:00Z' : '2026-02-30T08:00:00Z', r.agent.replace(/\n/g, r.eol)]);
        const header = stringify([['id', 'created_at', 'agent']], { record_delimiter: eol });
        // Any line break in a field is quoted: the reader ends records at CRLF, LF and CR alike.
        const lines = records.map((r) => stringify([r], { record_delimiter: eol, quoted_match: /[\r\n]/ }));
        const expectedLines: number[] = [];
        let line = 2;
        records.forEach((_, i) => {
          if (!rows[i]!.valid) expectedLines.push(line);
          line += lines[i]!.split('\n').length - 1;
        });
        const summary = await read([fixture('p.csv', header + lines.join(''))]);
        expectBalancedAccounts(summary);
        // the header line, then one record per row (a record over several lines counts once); no blank line
        expect(summary.files[0]).toMatchObject({ read: rows.length + 1, header: 1, blank: 0 });
        expect(summary.rejected).toBe(rows.filter((r) => !r.valid).length);
        expect(rejections(summary).map((r) => [r.line, r.code])).toEqual(expectedLines.map((l) => [l, 'invalid_timestamp']));
        expect(summary.store.length).toBe(new Set(rows.filter((r) => r.valid).map((r) => r.id)).size);
      }),
      { numRuns: 60 },
    );
  });
});

describe('JSON (an array of objects)', () => {
  it('reads typed and string values; a rejection, and a value set aside, name the record number', async () => {
    const json = JSON.stringify([
      { id: 1, created_at: '2026-03-02T08:00:00Z', agent: 'alice', nps: 9, escalated: false },
      { id: '2', created_at: '2026-03-02T08:00:00Z', nps: '11' },
      { id: '3', created_at: '2026-03-02T09:00:00Z', nps: '9', escalated: 'yes', Team: 'core' },
      { id: '4', created_at: '2026-03-02T09:00:00Z', solved_at: 'soon' },
    ]);
    const summary = await read([fixture('t.json', json)]);
    expect(rejections(summary)).toEqual([{ file: expect.any(String), line: 4, field: 'solved_at', code: 'invalid_timestamp' }]);
    expect(summary.setAsides.examples.map(({ line, field, code }) => ({ line, field, code }))).toEqual([{ line: 2, field: 'nps', code: 'invalid_value' }]);
    expect(tickets(summary.store)).toEqual([
      { id: '1', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: null },
      { id: '2', createdAt: '2026-03-02T08:00:00.000Z', agent: null, team: null },
      { id: '3', createdAt: '2026-03-02T09:00:00.000Z', agent: null, team: 'core' },
    ]);
    // a JSON array has no header and no blank lines: its elements are all there is to read
    expect(summary.files[0]).toMatchObject({ read: 4, header: 0, blank: 0, used: 3, rejected: 1, duplicates: 0, setAside: 1 });
    expectBalancedAccounts(summary);
  });

  it('pretty-printed over many lines: the record number, not the line, locates a rejection', async () => {
    const json = JSON.stringify(
      [
        { id: 'A', created_at: '2026-03-02T08:00:00Z' },
        { id: 'B', created_at: '2026-03-02T08:00:00Z' },
        { id: 'C', created_at: 'bad' },
      ],
      null,
      2,
    );
    const summary = await read([fixture('t.json', json)]);
    expect(rejections(summary)).toEqual([{ file: expect.any(String), line: 3, field: 'created_at', code: 'invalid_timestamp' }]);
  });

  it('an element that is not an object is rejected as malformed, with its record number', async () => {
    const json = JSON.stringify([5, { id: 'A', created_at: '2026-03-02T08:00:00Z' }, null, ['id', 'x'], 'B', { id: 'C', created_at: '2026-03-02T08:00:00Z' }]);
    const summary = await read([fixture('t.json', json)]);
    expect(rejections(summary)).toEqual([
      { file: expect.any(String), line: 1, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 3, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 4, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 5, field: null, code: 'malformed_record' },
    ]);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A', 'C']);
    expect(summary.files[0]).toMatchObject({ read: 6, header: 0, blank: 0, used: 2, rejected: 4, duplicates: 0 });
    expectBalancedAccounts(summary);
  });

  it('fields of one object never leak into the next', async () => {
    const json = JSON.stringify([
      { id: 'A', created_at: '2026-03-02T08:00:00Z', agent: 'alice', team: 'core' },
      { id: 'B', created_at: '2026-03-02T08:00:00Z' },
    ]);
    const summary = await read([fixture('t.json', json)]);
    expect(tickets(summary.store)[1]).toEqual({ id: 'B', createdAt: '2026-03-02T08:00:00.000Z', agent: null, team: null });
  });

  it('an empty array: no records, no error; a BOM is fine', async () => {
    const summary = await read([fixture('t.json', '\uFEFF[]')]);
    expect(summary.files[0]).toMatchObject({ read: 0, header: 0, blank: 0, used: 0 });
    expectBalancedAccounts(summary);
  });

  it.each([
    ['an object', '{"id": "A", "created_at": "2026-03-02T08:00:00Z"}'],
    ['a number', '42'],
    ['a string', '"tickets"'],
    ['null', 'null'],
    ['not JSON at all', '[{"id": "A",'],
    ['empty', ''],
  ])('a file that is not a JSON array is refused: %s', async (_what, content) => {
    const path = fixture('t.json', content);
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // `t.json: is empty …`, or `t.json:1:13: not valid JSON: …` with where the text goes wrong.
    expect((error as Error).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?: `));
  });

  it('keys are matched like CSV headers; unknown keys are ignored', async () => {
    const json = JSON.stringify([{ ' ID ': 'A', Created_At: '2026-03-02T08:00:00Z', AGENT: 'alice', extra: { deep: true } }]);
    const summary = await read([fixture('t.json', json)]);
    expect(summary.rejected).toBe(0);
    expect(tickets(summary.store)).toEqual([{ id: 'A', createdAt: '2026-03-02T08:00:00.000Z', agent: 'alice', team: null }]);
  });
});

describe('NDJSON', () => {
  // lines: 1 ok, 2 blank, 3 broken JSON, 4 not an object, 5 bad nps, 6 ok
  const ndjson = [
    '{"id":"A","created_at":"2026-03-02T08:00:00Z","agent":"alice"}',
    '',
    '{"id":"B","created_at":',
    '[1,2]',
    '{"id":"C","created_at":"2026-03-02T08:00:00Z","solved_at":"2026-03-01T08:00:00Z"}',
    '{"id":"D","created_at":"2026-03-02T09:00:00Z"}',
  ];

  it.each([
    ['.ndjson', '\n'],
    ['.jsonl', '\n'],
    ['.ndjson', '\r\n'],
  ])('%s (%j): blank lines counted, bad lines rejected with their line numbers', async (ext, eol) => {
    const summary = await read([fixture(`t${ext}`, ndjson.join(eol) + eol)]);
    expect(rejections(summary)).toEqual([
      { file: expect.any(String), line: 3, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 4, field: null, code: 'malformed_record' },
      { file: expect.any(String), line: 5, field: 'solved_at', code: 'before_created' },
    ]);
    expect(tickets(summary.store).map((t) => [t.id, t.agent])).toEqual([
      ['A', 'alice'],
      ['D', null],
    ]);
    // 6 read = no header + 1 blank (line 2) + 5 records (A, D used; lines 3, 4, 5 rejected)
    expect(summary.files[0]).toMatchObject({ read: 6, header: 0, blank: 1, used: 2, rejected: 3, duplicates: 0 });
    expectBalancedAccounts(summary);
  });

  it('an empty NDJSON file has no records (and is not an error)', async () => {
    const summary = await read([fixture('t.ndjson', '')]);
    expect(summary.files[0]).toMatchObject({ read: 0, header: 0, blank: 0, used: 0 });
    expectBalancedAccounts(summary);
  });
});

describe('choosing the format', () => {
  const csv = 'id,created_at\nA,2026-03-02T08:00:00Z\n';
  const json = '[{"id":"A","created_at":"2026-03-02T08:00:00Z"}]';
  const ndjson = '{"id":"A","created_at":"2026-03-02T08:00:00Z"}\n';

  // header: 1 for CSV's header line; JSON and NDJSON have none (whitespace before a JSON array is not a blank line)
  it.each([
    ['CSV', csv, 1],
    ['a JSON array', json, 0],
    ['a JSON array after whitespace', `\n  \t${json}`, 0],
    ['NDJSON', ndjson, 0],
    ['a JSON array with a BOM', `\uFEFF${json}`, 0],
  ])('stdin (-) holding %s is detected from its first bytes', async (_what, content, header) => {
    const summary = await read(['-'], { stdin: Readable.from([Buffer.from(content)]) });
    expect(summary.files).toEqual([{ path: '<stdin>', read: header + 1, header, blank: 0, folded: 0, rejected: 0, duplicates: 0, used: 1, setAside: 0 }]);
    expectBalancedAccounts(summary);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A']);
  });

  // The rule is "the first character that is not whitespace": neither the amount of leading
  // whitespace nor where the pipe happens to split its chunks may change the answer.
  it.each([
    ['100 spaces, then the array, in one chunk', [`${' '.repeat(100)}\n${json}`]],
    ['a first chunk holding only a line break', ['\n', json]],
  ])('stdin is detected as JSON however much whitespace comes before the [: %s', async (_what, chunks) => {
    const summary = await read(['-'], { stdin: Readable.from(chunks.map((c) => Buffer.from(c))) });
    expect(summary.rejected).toBe(0);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A']);
  });

  it('stdin detection still sees the whole stream (the sniffed bytes are not lost)', async () => {
    const stdin = Readable.from([Buffer.from('id,created_at\nA,2026-03-0'), Buffer.from('2T08:00:00Z\nB,2026-03-02T09:00:00Z\n')]);
    const summary = await read(['-'], { stdin });
    expect(tickets(summary.store).map((t) => [t.id, t.createdAt])).toEqual([
      ['A', '2026-03-02T08:00:00.000Z'],
      ['B', '2026-03-02T09:00:00.000Z'],
    ]);
  });

  it('a rejection from stdin names <stdin>', async () => {
    const summary = await read(['-'], { stdin: Readable.from([Buffer.from('id,created_at\nA,nope\n')]) });
    expect(rejections(summary)).toEqual([{ file: '<stdin>', line: 2, field: 'created_at', code: 'invalid_timestamp' }]);
  });

  it('empty stdin is refused as an empty input', async () => {
    const error = await read(['-'], { stdin: Readable.from([]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('<stdin>');
  });

  it('stdin can be read only once', async () => {
    const error = await read(['-', '-'], { stdin: Readable.from([Buffer.from(csv)]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
  });

  it('a file without a known extension is detected like stdin', async () => {
    const summary = await read([fixture('export.txt', json), fixture('export', ndjson), fixture('export.dat', csv)]);
    expect(summary.files.map((f) => f.used)).toEqual([0, 0, 1]);
    expect(summary.duplicates).toBe(2);
    expectBalancedAccounts(summary);
    expect(summary.rejected).toBe(0);
  });

  it('the extension decides, in any case (.JSON, .Csv)', async () => {
    const summary = await read([fixture('T.JSON', json), fixture('T.Csv', csv)]);
    expect(summary.rejected).toBe(0);
    // T.JSON: 1 record; T.Csv: its header line and 1 record
    expect(summary.files.map((f) => [f.read, f.header])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expectBalancedAccounts(summary);
  });

  it('an explicit format overrides the extension', async () => {
    const summary = await read([fixture('t.csv', ndjson)], { format: 'ndjson' });
    expect(summary.rejected).toBe(0);
    expect(tickets(summary.store).map((t) => t.id)).toEqual(['A']);
  });
});

describe('several files', () => {
  it('the same id in two files is one ticket: the later file wins when neither has updated_at', async () => {
    const first = fixture('a.csv', 'id,created_at,agent\nA,2026-03-02T08:00:00Z,alice\nB,2026-03-02T08:00:00Z,bob\n');
    const second = fixture('b.json', JSON.stringify([{ id: 'A', created_at: '2026-03-02T08:00:00Z', agent: 'anna' }, { id: 'C', created_at: 'bad' }]));
    const summary = await read([first, second]);
    expect(tickets(summary.store).map((t) => [t.id, t.agent]).sort()).toEqual([
      ['A', 'anna'],
      ['B', 'bob'],
    ]);
    expect(summary.files).toEqual([
      { path: first, read: 3, header: 1, blank: 0, folded: 0, rejected: 0, duplicates: 1, used: 1, setAside: 0 },
      { path: second, read: 2, header: 0, blank: 0, folded: 0, rejected: 1, duplicates: 0, used: 1, setAside: 0 },
    ]);
    expect(summary.duplicates).toBe(1);
    expect(summary.rejected).toBe(1);
    expectBalancedAccounts(summary);
  });

  it('the record with the latest updated_at wins, whichever file it is in', async () => {
    const first = fixture('a.csv', 'id,created_at,updated_at,agent\nA,2026-03-02T08:00:00Z,2026-03-05T00:00:00Z,alice\n');
    const second = fixture('b.csv', 'id,created_at,updated_at,agent\nA,2026-03-02T08:00:00Z,2026-03-04T00:00:00Z,anna\n');
    const summary = await read([first, second]);
    expect(tickets(summary.store).map((t) => t.agent)).toEqual(['alice']);
    expect(summary.files.map((f) => [f.used, f.duplicates])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expectBalancedAccounts(summary);
  });

  it('a file read later that has no updated_at column loses to one that has', async () => {
    const first = fixture('a.csv', 'id,created_at,updated_at,agent\nA,2026-03-02T08:00:00Z,2026-03-05T00:00:00Z,alice\n');
    const second = fixture('b.csv', 'id,created_at,agent\nA,2026-03-02T08:00:00Z,anna\n');
    const summary = await read([first, second]);
    expect(tickets(summary.store).map((t) => t.agent)).toEqual(['alice']);
  });

  it('accounts balance per file with rejections, blanks and duplicates in each', async () => {
    const a = fixture('a.csv', 'id,created_at\nA,2026-03-02T08:00:00Z\nA,2026-03-02T09:00:00Z\n\nX,nope\nB,2026-03-02T08:00:00Z\n');
    const b = fixture('b.ndjson', '{"id":"B","created_at":"2026-03-02T08:00:00Z"}\n\n{"id":"C","created_at":"2026-03-02T08:00:00Z"}\n[]\n');
    const c = fixture('c.json', '[{"id":"C","created_at":"2026-03-02T08:00:00Z"},{"id":"A","created_at":"2026-03-02T08:00:00Z"}]');
    const summary = await read([a, b, c]);
    expectBalancedAccounts(summary);
    expect(summary.files.map(({ read, header, blank, used, rejected, duplicates }) => ({ read, header, blank, used, rejected, duplicates }))).toEqual([
      // the header, A twice (first loses to second, second loses to c.json), a blank line, X rejected, B loses to b.ndjson
      { read: 6, header: 1, blank: 1, used: 0, rejected: 1, duplicates: 3 },
      // B kept, a blank line, C loses to c.json, [] malformed
      { read: 4, header: 0, blank: 1, used: 1, rejected: 1, duplicates: 1 },
      { read: 2, header: 0, blank: 0, used: 2, rejected: 0, duplicates: 0 },
    ]);
    expect(summary.store.length).toBe(3);
    expect(summary.duplicates).toBe(4);
    expect(summary.rejected).toBe(2);
  });

  it('a file and stdin together', async () => {
    const file = fixture('a.csv', 'id,created_at\nA,2026-03-02T08:00:00Z\n');
    const summary = await read([file, '-'], { stdin: Readable.from([Buffer.from('{"id":"B","created_at":"2026-03-02T08:00:00Z"}\n')]) });
    expect(summary.files.map((f) => [f.path, f.used])).toEqual([
      [file, 1],
      ['<stdin>', 1],
    ]);
    expectBalancedAccounts(summary);
  });
});

describe('files that cannot be read', () => {
  /** A directory of its own, with one file in it. */
  const freshDir = (): string => dirname(fixture('present.csv', 'id,created_at\n'));

  it('a missing file is an InputError naming it', async () => {
    const path = join(freshDir(), 'no-such-file.csv');
    const error = await read([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${path}: cannot read: no such file`);
  });

  it('a directory is an InputError naming it', async () => {
    const dir = freshDir();
    const error = await read([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${dir}: is a directory, not a file`);
  });

  it('a missing second file fails the run even though the first was fine', async () => {
    const good = fixture('a.csv', 'id,created_at\nA,2026-03-02T08:00:00Z\n');
    const error = await read([good, join(dirname(good), 'missing.json')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('missing.json');
  });
});

describe('input time zone', () => {
  it('timestamps without an offset are read in the input zone; those with one are not', async () => {
    const csv = 'id,created_at\nA,2026-03-02 00:30:00\nB,2026-03-02T00:30:00Z\n';
    const summary = await read([fixture('t.csv', csv)], { inputZone: 'Europe/Berlin' });
    expect(tickets(summary.store).map((t) => t.createdAt)).toEqual(['2026-03-01T23:30:00.000Z', '2026-03-02T00:30:00.000Z']);
  });
});
