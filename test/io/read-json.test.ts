import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../helpers/temp-files.js';
import { InputError } from '../../src/errors.js';
import { MAX_NESTING, nestedDeeperThan } from '../../src/io/json-records.js';
import { jsonSyntaxError } from '../../src/io/json-syntax.js';
import { loadPresets } from '../../src/presets/index.js';
import { readJsonExport, readNdjsonExport } from '../../src/reading/json-export.js';
import type { ReadOptions } from '../../src/reading/read-options.js';
import { readTicketSources } from '../../src/reading/read-exports.js';
import { blankUnderstanding, type FileUnderstanding } from '../../src/tickets/file-reading.js';
import { Ingest, type IngestSummary, type Rejection } from '../../src/tickets/ingest.js';
import type { TicketStore } from '../../src/tickets/store.js';
import { wallTimeReader } from '../../src/time/zone.js';

/** Writes `content` to a fresh file named `name` (in its own sub-directory) and returns its path. */
const { file: fixture } = tempFiles('read-json');

interface Read {
  summary: IngestSummary;
  /** Every rejection, with the raw text the reader kept for it. */
  rejected: { rejection: Rejection; raw: string | undefined }[];
}

/** Reads files through readTicketSources (format from the extension), sending rejections to a sink. */
async function readFiles(paths: string[], options: ReadOptions = {}): Promise<Read> {
  const rejected: Read['rejected'] = [];
  const ingest = new Ingest(wallTimeReader('UTC'), { rejects: { write: (rejection, raw) => rejected.push({ rejection, raw }) } });
  await readTicketSources(paths, ingest, Readable.from([]), options);
  return { summary: ingest.finish(), rejected };
}

const PRESETS = await loadPresets();
/** The JSON readers as the tests below call them: a stream, the file's name and Ingest index, what is understood of it. */
const readJsonArray = (stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions) =>
  readJsonExport({ name, file, chunks: stream, understood }, ingest, options, PRESETS);
const readNdjson = (stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions) =>
  readNdjsonExport({ name, file, chunks: stream, understood }, ingest, options, PRESETS);

/** Feeds `chunks` as they are to readJsonArray or readNdjson (chunk boundaries exactly where the test puts them). */
async function readChunks(format: 'json' | 'ndjson', chunks: (string | Buffer)[], options: ReadOptions = {}, keepRaw = true): Promise<Read> {
  const rejected: Read['rejected'] = [];
  const sink = { write: (rejection: Rejection, raw: string | undefined) => rejected.push({ rejection, raw }) };
  const ingest = new Ingest(wallTimeReader('UTC'), keepRaw ? { rejects: sink } : {});
  const name = format === 'json' ? 't.json' : 't.ndjson';
  const understood = blankUnderstanding(name, 'UTC');
  const file = ingest.openFile(name, understood);
  const stream = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  await (format === 'json' ? readJsonArray : readNdjson)(stream, name, file, ingest, understood, options);
  return { summary: ingest.finish(), rejected };
}

/** `text`'s UTF-8 bytes cut into chunks of the sizes given, in turn (a multi-byte character may be cut too). */
function cut(text: string, sizes: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** The error a read ends in (undefined when it succeeds). */
async function failure(read: Promise<unknown>): Promise<Error | undefined> {
  try {
    await read;
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

function ids(store: TicketStore): string[] {
  return Array.from({ length: store.length }, (_, slot) => store.idOf(slot));
}

const T = '2026-03-02T08:00:00Z';

describe('a JSON array is read element by element', () => {
  it('50,000 elements from a file: the same tickets as the same records in NDJSON, in order', async () => {
    const records = Array.from({ length: 50_000 }, (_, i) => ({ id: `T${i}`, created_at: T, agent: `a${i % 7}`, tags: ['x', 'y'], nps: i % 11 }));
    const array = await readFiles([fixture('t.json', JSON.stringify(records))]);
    const ndjson = await readFiles([fixture('t.ndjson', records.map((r) => JSON.stringify(r)).join('\n'))]);
    expect(array.summary.files[0]).toMatchObject({ read: 50_000, used: 50_000, rejected: 0 });
    expect(ids(array.summary.store)).toEqual(records.map((r) => r.id));
    expect(ids(array.summary.store)).toEqual(ids(ndjson.summary.store));
    // The tickets' own slots: each file's columns keep the room made for it from its size.
    const created = ({ store }: IngestSummary) => Array.from(store.createdAt.subarray(0, store.length));
    expect(created(array.summary)).toEqual(created(ndjson.summary));
  });

  it('a file far larger than the record size limit is read (memory bounded by the largest element, not the file)', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ id: `T${i}`, created_at: T, customer: 'c'.repeat(200) }));
    const text = JSON.stringify(records, null, 2);
    expect(text.length).toBeGreaterThan(4_000_000);
    const { summary } = await readFiles([fixture('t.json', text)], { maxRecordSize: 1024 });
    expect(summary.files[0]).toMatchObject({ read: 20_000, used: 20_000 });
  });

  // Strings holding what the splitter looks for, nested values, and characters of 2, 3 and 4 bytes.
  const tricky = [
    { id: 'A]', created_at: T, team: 'a}b,c', tags: ['[', ']', '{', '}', ','] },
    { id: 'B"q"', created_at: T, agent: 'back\\slash\\', extra: { deep: [[1, [2, { x: '}]' }]]], empty: {}, none: [] } },
    { id: 'C\u00e9\u4e2d\ud83d\ude00', created_at: T, agent: '\\"', note: 'tab\tnew\nline\u0001' },
    { id: 'D', created_at: T, n: -1.5e3, t: true, f: false, z: null },
  ];
  const prettyTricky = '\uFEFF \n' + JSON.stringify(tricky, null, '\t').replace(/"created_at"/g, '"created_at" ') + '\n';

  it.each([
    ['one chunk', [1 << 20]],
    ['1-byte chunks', [1]],
    ['chunks of 1 to 7 bytes', [1, 2, 3, 4, 5, 6, 7]],
    ['chunks of 7, 3, 5 bytes', [7, 3, 5]],
  ])('elements split across chunk boundaries, strings with ] } , \\" and \\u escapes, nesting: %s', async (_what, sizes) => {
    const { summary } = await readChunks('json', cut(prettyTricky, sizes));
    expect(summary.rejected).toBe(0);
    expect(ids(summary.store)).toEqual(tricky.map((t) => t.id));
    const slot = ids(summary.store).indexOf('B"q"');
    expect(summary.store.dictionaries.agent.valueOf(summary.store.agent[slot]!)).toBe('back\\slash\\');
  });

  it('property: any array of records, however indented and chunked, gives each element its own exact text', async () => {
    const record = fc.record({ id: fc.string({ minLength: 1 }), extra: fc.jsonValue() });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 8 }), fc.constantFrom(undefined, 1, '\t', ' \r\n '), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), async (records, indent, sizes) => {
        // No created_at: every record is rejected, so the rejects sink sees every element's raw text.
        const text = indent === ' \r\n ' ? `[ ${records.map((r) => JSON.stringify(r)).join(' \r\n,\r\n ')} ]` : JSON.stringify(records, null, indent);
        const { rejected } = await readChunks('json', cut(text, sizes));
        expect(rejected.map((r) => r.rejection.line)).toEqual(records.map((_, i) => i + 1));
        expect(rejected.map((r) => JSON.parse(r.raw!) as unknown)).toEqual(records.map((r) => JSON.parse(JSON.stringify(r)) as unknown));
      }),
      { numRuns: 200 },
    );
  });

  it('elements that are not objects are rejected as malformed with their record number; strings and numbers split too', async () => {
    const { rejected, summary } = await readChunks('json', cut(`[5, "a]b", null, [1, [2]], {"id":"A","created_at":"${T}"}, -0.5e+2, true]`, [3]));
    expect(rejected.map((r) => [r.rejection.line, r.rejection.code, r.raw])).toEqual([
      [1, 'malformed_record', '5'],
      [2, 'malformed_record', '"a]b"'],
      [3, 'malformed_record', 'null'],
      [4, 'malformed_record', '[1, [2]]'],
      [6, 'malformed_record', '-0.5e+2'],
      [7, 'malformed_record', 'true'],
    ]);
    expect(ids(summary.store)).toEqual(['A']);
  });
});

describe('JSON that is not valid: an InputError naming line and column', () => {
  it.each([
    ['a missing comma inside an element', `[{"id":"A","created_at":"${T}"},\n  {"id": "B" "created_at": 1}]`, "t.json:2:14: not valid JSON: expected ',' or '}', found \"\\\"\""],
    ['columns count characters, not bytes', `[{"id":"\u00e9\u00e9\ud83d\ude00"}, {"id" 1}]`, "t.json:1:23: not valid JSON: expected ':' after the key, found \"1\""],
    ['columns after a record over several lines with wide characters', '[{\n "a": "\u00e9\u4e2d"}, x]', 't.json:2:14: not valid JSON: expected a value, found "x"'],
    ['trailing garbage after the array', '[]\n x', 't.json:2:2: not valid JSON: text after the end of the array: "x"'],
    ['trailing garbage after the last element, on its line', `[{"id":"\u00e9"}] ]`, 't.json:1:14: not valid JSON: text after the end of the array: "]"'],
    ['no comma between elements', `[{"id":"A"}\n{"id":"B"}]`, "t.json:2:1: not valid JSON: expected ',' or ']' after record 1, found \"{\""],
    ['a comma after the last element', `[{"id":"A"},\n]`, "t.json:2:1: not valid JSON: expected a record after ',', found \"]\""],
    ['an empty element', `[,{"id":"A"}]`, 't.json:1:2: not valid JSON: expected a record, found ","'],
    ['a bracket that closes nothing open', `[\n  {"id": [1, 2}\n]`, "t.json:2:15: not valid JSON: expected ',' or ']', found \"}\""],
    ['a line break inside a string', `[\n  {"id": "A\nB"}]`, 't.json:2:12: not valid JSON: a line break inside a string; write it escaped (\\n, \\t, \\u0001)'],
    ['a bad literal', `[{"id": "A", "x": nul}]`, 't.json:1:19: not valid JSON: expected a value, found "n"'],
    ['an element cut short', `[\n {"id": "A"},\n {"id": "B", "x": [1,`, 't.json:3:2: not valid JSON: record 2, which starts here, is not closed before the file ends (is the file cut short?)'],
    ['an array never closed', `[\n {"id": "A"}\n`, "t.json:3:1: not valid JSON: the file ends before the array's closing ]"],
    ['an object page that is not valid', `\n\n  {"tickets": [1,}`, 't.json:3:18: not valid JSON: expected a value, found "}"'],
    ['an object page with trailing text', `{"tickets": []} x`, 't.json:1:17: not valid JSON: text after the end of the value: "x"'],
  ])('%s', async (_what, text, message) => {
    for (const sizes of [[1 << 20], [1], [2, 5]]) {
      const error = await failure(readChunks('json', cut(text, sizes)));
      expect(error).toBeInstanceOf(InputError);
      expect(error?.message).toBe(message);
    }
  });

  it.each([
    ['empty', ''],
    ['white space only', ' \n\t\r\n '],
    ['a byte order mark only', '\uFEFF'],
  ])('a file that holds no JSON is refused as empty: %s', async (_what, text) => {
    const error = await failure(readFiles([fixture('t.json', text)]));
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(/t\.json: is empty \(expected a JSON array of ticket objects\)$/);
  });

  it('a top-level value that is no array and no API page is refused, with where it starts', async () => {
    const error = await failure(readChunks('json', ['{"id": "A"}']));
    expect(error?.message).toBe('t.json:1:1: expected a JSON array of ticket objects, found an object that is no API page a preset knows');
    const late = await failure(readChunks('json', ['\n\n  {"id": "A"}']));
    expect(late?.message).toMatch(/^t\.json:3:3: expected a JSON array/);
  });

  it('an error in reading the stream is an InputError saying the file cannot be read', async () => {
    const stream = new Readable({
      read() {
        this.push(Buffer.from('[{"id": "A", '));
        this.destroy(Object.assign(new Error('i/o error'), { code: 'EIO' }));
      },
    });
    // Named by the input that is opened (io/open-input.ts), here standard input.
    const error = await failure(readTicketSources(['-'], new Ingest(wallTimeReader('UTC')), stream, { format: 'json' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(/^<stdin>: cannot read: /);
  });

  it('jsonSyntaxError finds nothing wrong in valid JSON', () => {
    for (const text of ['[]', '{}', ' {"a": [1, -2.5e-3, "\\u00e9\\n", true, false, null, {}]} ', '"x"', '0']) expect(jsonSyntaxError(text, 'the end')).toBeUndefined();
  });
});

describe('the record size limit', () => {
  const element = (n: number): string => `{"id":"${'x'.repeat(n)}","created_at":"${T}"}`;

  it('an array element over the limit stops the read, naming its record number, line and column', async () => {
    const small = element(10);
    const big = element(100);
    const text = `[\n  ${small},\n  ${big}\n]`;
    for (const sizes of [[1 << 20], [3]]) {
      const error = await failure(readChunks('json', cut(text, sizes), { maxRecordSize: 100 }));
      expect(error).toBeInstanceOf(InputError);
      expect(error?.message).toBe('t.json:3:3: record 2, which starts here, is over the record size limit (100 bytes); raise --max-record-size if it is real');
    }
  });

  it('an element exactly at the limit is read; the limit counts UTF-8 bytes', async () => {
    const text = `{"id":"\u00e9","created_at":"${T}"}`; // é is 2 bytes
    const size = Buffer.byteLength(text);
    expect((await readChunks('json', [`[${text}]`], { maxRecordSize: size })).summary.files[0]).toMatchObject({ used: 1 });
    const error = await failure(readChunks('json', [`[${text}]`], { maxRecordSize: size - 1 }));
    expect(error?.message).toMatch(/^t\.json:1:2: record 1, which starts here, is over the record size limit/);
  });

  it('an element that never ends (a quote left open) stops at the limit, not at the end of the file', async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('[{"id": "A');
      for (;;) {
        chunksRead++;
        yield Buffer.alloc(1024, 'x');
      }
    }
    const ingest = new Ingest(wallTimeReader('UTC'));
    const understood = blankUnderstanding('t.json', 'UTC');
    const error = await failure(readJsonArray(Readable.from(endless()), 't.json', ingest.openFile('t.json', understood), ingest, understood, { maxRecordSize: 64 * 1024 }));
    expect(error?.message).toBe('t.json:1:2: record 1, which starts here, is over the record size limit (65,536 bytes); raise --max-record-size if it is real');
    expect(chunksRead).toBeLessThan(70);
  });

  it('an API page (read whole) may be 16 times the record size limit; over that it is refused, saying why', async () => {
    const page = JSON.stringify({ tickets: Array.from({ length: 40 }, (_, i) => JSON.parse(element(50 + i)) as unknown) });
    const limit = Math.ceil(page.length / 16);
    const error = await failure(readChunks('json', cut(page, [7]), { maxRecordSize: limit - 1 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toBe(
      `t.json:1:1: the JSON document is not an array, so it is read whole, and it is over ${((limit - 1) * 16).toLocaleString('en-US')} bytes (16 times the record size limit); raise --max-record-size if it is real, or give the tickets as a JSON array or NDJSON`,
    );
    expect((await readChunks('json', [page], { maxRecordSize: limit })).summary.files[0]).toMatchObject({ used: 40 });
  });

  it('an NDJSON line over the limit stops the read with its line number', async () => {
    const text = `${element(10)}\n\n${element(10)}\r\n${element(200)}\n${element(10)}\n`;
    for (const sizes of [[1 << 20], [1], [4, 9]]) {
      const error = await failure(readChunks('ndjson', cut(text, sizes), { maxRecordSize: 100 }));
      expect(error).toBeInstanceOf(InputError);
      expect(error?.message).toBe('t.ndjson:4: the record starting here is over the record size limit (100 bytes); raise --max-record-size if it is real');
    }
  });

  it('an NDJSON file without line breaks is not held whole: it stops at the limit', async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        chunksRead++;
        yield Buffer.alloc(1024, ' ');
      }
    }
    const ingest = new Ingest(wallTimeReader('UTC'));
    const understood = blankUnderstanding('t.ndjson', 'UTC');
    const error = await failure(readNdjson(Readable.from(endless()), 't.ndjson', ingest.openFile('t.ndjson', understood), ingest, understood, { maxRecordSize: 10_000 }));
    expect(error?.message).toMatch(/^t\.ndjson:1: the record starting here is over the record size limit \(10,000 bytes\)/);
    expect(chunksRead).toBeLessThan(30);
  });

  it('the default limit is 4 MiB', async () => {
    const error = await failure(readChunks('json', [`[${element(4 * 1024 * 1024)}]`]));
    expect(error?.message).toMatch(/record 1, which starts here, is over the record size limit \(4 MiB\)/);
  });
});

describe('NDJSON lines', () => {
  const lines = [`{"id":"A","created_at":"${T}"}`, '', '   ', `{"id":"B","created_at":`, '[1]', `{"id":"C","created_at":"${T}","agent":"\u00e9"}`];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('%s line breaks, a BOM on the first line, blank lines counted, in chunks of any size', async (_what, eol) => {
    const text = `\uFEFF${lines.join(eol)}${eol}`;
    for (const sizes of [[1 << 20], [1], [1, 2, 3, 4, 5, 6, 7]]) {
      const { summary, rejected } = await readChunks('ndjson', cut(text, sizes));
      expect(ids(summary.store)).toEqual(['A', 'C']);
      expect(summary.files[0]).toMatchObject({ read: 6, blank: 2, used: 2, rejected: 2 });
      expect(rejected.map((r) => [r.rejection.line, r.raw])).toEqual([
        [4, '{"id":"B","created_at":'],
        [5, '[1]'],
      ]);
    }
  });

  it('a broken line says where it goes wrong; the last line needs no line break', async () => {
    const { rejected, summary } = await readChunks('ndjson', [`  {"id": "A" "x": 1}\n{"id":"B","created_at":"${T}"}`]);
    expect(rejected.map((r) => r.rejection.message)).toEqual(['not valid JSON at column 14: expected \',\' or \'}\', found "\\""']);
    expect(ids(summary.store)).toEqual(['B']);
  });

  it('a CRLF cut between its CR and its LF is one line break', async () => {
    const { summary } = await readChunks('ndjson', [`{"id":"A","created_at":"${T}"}\r`, `\n{"id":"B","created_at":"${T}"}\r`, '\n']);
    expect(summary.files[0]).toMatchObject({ read: 2, blank: 0, used: 2 });
  });
});

describe('canonical keys, in any order and case', () => {
  it('each object\'s keys are matched to their fields, whatever order and case the objects before used', async () => {
    const key = fc.record({ name: fc.constantFrom('agent', 'Agent', 'AGENT', ' agent ', 'team', 'Team', 'note', 'x'), value: fc.constantFrom('a', 'b', 'c') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.uniqueArray(key, { selector: (k) => k.name, maxLength: 5 }), fc.nat(3)), { minLength: 1, maxLength: 12 }), async (objects) => {
        const lines = objects.map(([keys, at], i) => {
          const entries: [string, string][] = keys.map((k) => [k.name, k.value]);
          entries.splice(Math.min(at, entries.length), 0, ['id', `T${i}`], ['created_at', T]);
          return JSON.stringify(Object.fromEntries(entries));
        });
        const { summary } = await readChunks('ndjson', [`${lines.join('\n')}\n`], {}, false);
        const { store } = summary;
        objects.forEach(([keys], i) => {
          const slot = ids(store).indexOf(`T${i}`);
          const of = (field: 'agent' | 'team') => keys.filter((k) => k.name.trim().toLowerCase() === field);
          // Two keys that name one field: its value is set aside (for agent and team; id or created_at would reject the record).
          const agent = of('agent');
          const team = of('team');
          expect(slot).toBeGreaterThanOrEqual(0);
          expect(store.dictionaries.agent.valueOf(store.agent[slot]!) ?? '').toBe(agent.length === 1 ? agent[0]!.value : '');
          expect(store.dictionaries.team.valueOf(store.team[slot]!) ?? '').toBe(team.length === 1 ? team[0]!.value : '');
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('raw records for the rejects file', () => {
  it("a rejected array element's raw text is exactly as written, over several lines", async () => {
    const text = `[\n  {"id": "A", "created_at": "${T}"},\n  {\n    "id": "B",\n    "created_at": "yesterday"\n  }\n]`;
    const { rejected } = await readChunks('json', cut(text, [5]));
    expect(rejected).toEqual([
      { rejection: expect.objectContaining({ line: 2, field: 'created_at', code: 'invalid_timestamp' }), raw: '{\n    "id": "B",\n    "created_at": "yesterday"\n  }' },
    ]);
  });

  it("an API page's rejected record: its JSON (the page was read whole)", async () => {
    const page = JSON.stringify({ chats: [{ id: 'A' }], tickets: [{ id: 'A', created_at: 'bad' }] });
    const { rejected } = await readChunks('json', [page], { preset: 'zendesk-api' });
    expect(rejected.map((r) => r.raw)).toEqual(['{"id":"A","created_at":"bad"}']);
  });

  it('without a rejects sink the readers never set raw', async () => {
    const sets: unknown[] = [];
    const ingest = new Ingest(wallTimeReader('UTC'));
    let raw: string | undefined;
    Object.defineProperty(ingest, 'raw', {
      get: () => raw,
      set: (value: string | undefined) => {
        sets.push(value);
        raw = value;
      },
    });
    const understood = blankUnderstanding('t.json', 'UTC');
    await readJsonArray(Readable.from([Buffer.from('[{"id":"A"},5]')]), 't.json', ingest.openFile('t.json', understood), ingest, understood, {});
    await readNdjson(Readable.from([Buffer.from('{"id":"A"}\n5\n')]), 't.ndjson', ingest.openFile('t.ndjson', understood), ingest, understood, {});
    expect(ingest.finish().rejected).toBe(4);
    expect(sets.filter((s) => s !== undefined)).toEqual([]);
  });
});

describe('identifiers too large for a JSON number', () => {
  const big = '12345678901234567890';

  it('a 20-digit numeric id is rejected, quoting its digits; a 20-digit string id is kept exactly', async () => {
    const text = `[{"id": ${big}, "created_at": "${T}"}, {"id": "${big}", "created_at": "${T}"}, {"id": 9007199254740991, "created_at": "${T}"}]`;
    const { summary, rejected } = await readChunks('json', [text]);
    expect(rejected.map((r) => r.rejection)).toEqual([
      { scope: 'record', file: 't.json', line: 1, field: 'id', code: 'invalid_value', message: `${big} is too large for a JSON number to hold exactly; export ids as strings` },
    ]);
    expect(ids(summary.store)).toEqual([big, '9007199254740991']);
  });

  it.each(['agent', 'team', 'customer'])('the same for %s (NDJSON): set aside, the ticket used without it', async (field) => {
    const text = `{"id": "A", "created_at": "${T}", "${field}": -${big}.0, "nps": ${big}}\n`;
    const { summary, rejected } = await readChunks('ndjson', [text]);
    expect(rejected.map((r) => [r.rejection.scope, r.rejection.field, r.rejection.message])).toEqual([
      ['field', field, `-${big}.0 is too large for a JSON number to hold exactly; export ids as strings`],
      ['field', 'nps', '"12345678901234567000" is not a score from 0 to 10'],
    ]);
    expect(ids(summary.store)).toEqual(['A']);
  });

  it('in a preset, by the key path that feeds the field; in an API page, found in the page', async () => {
    const ticket = (id: number, assignee: string) => `{"id": ${id}, "created_at": "${T}", "via": {"channel": "web"}, "metric_set": {}, "assignee_id": ${assignee}}`;
    const array = await readChunks('json', [`[${ticket(1, big)}, ${ticket(2, '5')}]`]);
    expect(array.rejected.map((r) => [r.rejection.line, r.rejection.scope, r.rejection.field, r.rejection.message])).toEqual([
      [1, 'field', 'agent', `${big} (assignee_id) is too large for a JSON number to hold exactly; export ids as strings`],
    ]);
    expect(ids(array.summary.store)).toEqual(['1', '2']);
    const page = await readChunks('json', [`{"tickets": [${ticket(1, '5')}, ${ticket(2, '98765432109876543210')}]}`]);
    expect(page.rejected.map((r) => [r.rejection.line, r.rejection.message])).toEqual([[2, '98765432109876543210 (assignee_id) is too large for a JSON number to hold exactly; export ids as strings']]);
  });
});

describe('hostile values in one record cost that record, never the run', () => {
  const deep = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

  it('a record of an API page nested 50,000 deep is rejected without its text (it cannot be written out); the others are read', async () => {
    const page = `{"tickets": [{"id": 1, "created_at": "${T}", "via": {"channel": "web"}, "metric_set": {}}, {"id": 2, "created_at": ${deep(50_000)}, "via": {}, "metric_set": {}}]}`;
    const { summary, rejected } = await readChunks('json', [page], { preset: 'zendesk-api' });
    expect(summary.store.length).toBe(1);
    expect(rejected).toEqual([{ rejection: expect.objectContaining({ line: 2, code: 'malformed_record', message: 'nests objects and lists more than 64 levels deep; no ticket does' }), raw: undefined }]);
  });

  it('64 levels are read as usual (the value is then refused by the validator, as any list would be)', async () => {
    const { rejected } = await readChunks('ndjson', [`{"id": "A", "created_at": "${T}", "tags": ${deep(62)}}\n`]);
    expect(rejected.map((r) => r.rejection.code)).toEqual(['invalid_value']);
  });

  it('Zendesk API minutes of 1e300 reject that record (not a RangeError)', async () => {
    const ticket = (id: number, minutes: string) =>
      `{"id": ${id}, "created_at": "${T}", "via": {"channel": "web"}, "metric_set": {"reply_time_in_minutes": {"calendar": ${minutes}, "business": ${minutes}}}}`;
    const { summary, rejected } = await readChunks('json', [`[${ticket(1, '10')}, ${ticket(2, '1e300')}]`], { preset: 'zendesk-api' });
    expect(summary.store.length).toBe(1);
    expect(rejected.map((r) => [r.rejection.line, r.rejection.message])).toEqual([[2, '"1e+300" is more than 100 years']]);
  });
});

describe('JSON preset keys ignoring case', () => {
  it('recognised from keys in another case, and read through them (key paths too)', async () => {
    const ticket = `{"Id": 7, "Created_At": "${T}", "Via": {"Channel": "web"}, "Metric_Set": {}, "Status": "open"}`;
    const { summary } = await readChunks('ndjson', [`${ticket}\n`], { preset: 'zendesk-api' });
    expect(ids(summary.store)).toEqual(['7']);
    expect(summary.store.dictionaries.channel.valueOf(summary.store.channel[0]!)).toBe('web');
    expect(summary.store.dictionaries.status.valueOf(summary.store.status[0]!)).toBe('open');
  });
});

describe('how deep a record nests', () => {
  /** The levels of objects and lists a value holds: 0 for a scalar, 1 for `{}` or `[1]`, 2 for `[[1]]`… */
  const depth = (value: unknown): number =>
    typeof value !== 'object' || value === null ? 0 : 1 + Math.max(0, ...Object.values(value).map(depth));

  it('is deeper than a limit exactly when its levels are more than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, limit) => {
        expect(nestedDeeperThan(value, limit)).toBe(depth(value) > limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('at the limit (64) and past it, and far past it without overflowing the stack', () => {
    /** `levels` (even) of lists and objects in turn. */
    const nested = (levels: number): unknown => JSON.parse(`${'[{"a":'.repeat(levels / 2)}1${'}]'.repeat(levels / 2)}`);
    expect(nestedDeeperThan(nested(MAX_NESTING), MAX_NESTING)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_NESTING + 2), MAX_NESTING)).toBe(true);
    // The deep value after a shallow one, one level below the record.
    expect(nestedDeeperThan({ id: 'T1', tags: [[[]]], x: nested(MAX_NESTING - 2) }, MAX_NESTING)).toBe(false);
    expect(nestedDeeperThan({ id: 'T1', tags: [[[]]], x: nested(MAX_NESTING) }, MAX_NESTING)).toBe(true);
    expect(nestedDeeperThan(nested(100_000), MAX_NESTING)).toBe(true);
  });
});
