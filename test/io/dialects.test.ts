import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDecimalPoint } from '../../src/dialect/dialect.js';
import { ExitCode, exitCodeOf, InputError } from '../../src/errors.js';
import { detectDelimiter, headerLineEnded } from '../../src/io/csv-delimiter.js';
import { decodeInput, firstInvalidUtf16, firstInvalidUtf8 } from '../../src/io/decode-input.js';
import { delimiterFromFlag, formatFromExtension, type InputEncoding } from '../../src/io/input-formats.js';
import { readTicketSources, type ReadOptions } from '../../src/reading/read-exports.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import { wallTimeReader } from '../../src/time/zone.js';
import { projectRoot } from '../helpers/cli.js';
import { tempFiles } from '../helpers/temp-files.js';
import { INVALID_UTF8, INVALID_UTF8_OFFSET, LONE_SURROGATE_OFFSET, writeDialectFixtures } from '../helpers/dialect-fixtures.js';

/**
 * Issue 4, "Dialects and formats seen in the wild", at the reader: the delimiter from the header
 * line, decimal commas with `;`, UTF-8 (BOM or not) and UTF-16 by its BOM, --encoding decoded
 * strictly with the offset of the first bad byte, and gzip. Fixtures: test/fixtures/dialects/,
 * written byte for byte by test/helpers/dialect-fixtures.ts.
 */

let dir: string;
beforeAll(() => {
  dir = writeDialectFixtures();
});
const fixture = (name: string): string => join(dir, name);

async function read(paths: string[], options: ReadOptions = {}, stdin: Readable = Readable.from([])): Promise<IngestSummary> {
  const ingest = new Ingest(wallTimeReader('UTC'));
  await readTicketSources(paths, ingest, stdin, options);
  return ingest.finish();
}

/** The tickets kept, with the fields these tests look at. */
function tickets(summary: IngestSummary): { id: string; createdAt: string; agent: string | null; team: string | null }[] {
  const { store } = summary;
  return Array.from({ length: store.length }, (_, slot) => ({
    id: store.idOf(slot),
    createdAt: new Date(store.createdAt[slot]!).toISOString(),
    agent: store.dictionaries.agent.valueOf(store.agent[slot]!),
    team: store.dictionaries.team.valueOf(store.team[slot]!),
  }));
}

/** What PLAIN_ROWS hold, however they were encoded. */
const PLAIN_TICKETS = [
  { id: 'A', createdAt: '2026-03-02T09:00:00.000Z', agent: 'José', team: 'Équipe €' },
  { id: 'B', createdAt: '2026-03-03T09:00:00.000Z', agent: 'Zoë', team: 'core' },
];

async function readError(paths: string[], options: ReadOptions = {}, stdin?: Readable): Promise<Error> {
  const error = await read(paths, options, stdin).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

async function* chunksOf(buffers: Buffer[]): AsyncGenerator<Buffer> {
  yield* buffers;
}

/** `bytes` cut at the given offsets (sorted, deduplicated, inside the buffer). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, p));
    start = p;
  }
  return pieces;
}

/** Decodes `chunks` to text, or returns the error message. */
async function decodeAll(chunks: Buffer[], encoding?: InputEncoding): Promise<string> {
  try {
    const input = await decodeInput(chunksOf(chunks), 'f.csv', encoding, undefined);
    const out: Buffer[] = [];
    for await (const chunk of input.chunks) out.push(chunk);
    return Buffer.concat(out).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) return `error: ${error.message}`;
    throw error;
  }
}

describe('delimiter detection from the header line', () => {
  it.each([
    ['commas', 'id,created_at,agent\n', ','],
    ['semicolons', 'id;created_at;agent\r\n', ';'],
    ['tabs', 'id\tcreated_at\tagent\n', '\t'],
    ['pipes', 'id|created_at|agent\n', '|'],
    ['the most fields wins', 'id;created_at;agent,team;channel\n', ';'],
    ['delimiters inside quotes do not count', '"a;b;c;d",id,created_at\n', ','],
    ['doubled quotes stay inside the quoted name', '"say ""hi""; or not; ok",id,created_at\n', ','],
    ['a quoted comma in a semicolon header', '"Name, full";id;created_at\n', ';'],
    ['only the first line counts', 'id,created_at\na;b;c;d;e\n', ','],
    ['a tie goes to the comma', 'id,created_at;agent\n', ','],
    ['a tie without a comma goes to the semicolon, then tab', 'id;created_at\tagent\n', ';'],
    ['one column: comma', 'id\n', ','],
    ['empty: comma', '', ','],
    ['a quoted line break inside the header line', '"first\nline";id;created_at\n', ';'],
  ])('%s', (_what, head, expected) => {
    expect(detectDelimiter(head)).toBe(expected);
  });

  it.each([
    ['id,created_at\n', true],
    ['id,created_at\r\n', true],
    ['id,created_at', false],
    ['"a\nb",id', false],
    ['"a\nb",id\n', true],
  ])('the header line %j has ended: %s', (head, ended) => {
    expect(headerLineEnded(head)).toBe(ended);
  });

  it('--delimiter values: , ; | and a tab written tab, \\t or as itself', () => {
    expect([',', ';', '|', 'tab', '\\t', '\t', 'x', ';;', ''].map(delimiterFromFlag)).toEqual([',', ';', '|', '\t', '\t', '\t', undefined, undefined, undefined]);
  });
});

describe('reading with the delimiter of each file', () => {
  it.each([
    ['pipe.csv', {}],
    ['quoted-header.csv', {}],
    ['tickets.csv', { delimiter: ',' }],
  ] as const)('%s', async (name, options) => {
    const summary = await read([fixture(name)], options);
    expect(summary.rejected).toBe(0);
    expect(tickets(summary).map((t) => t.id)).toEqual(name === 'quoted-header.csv' ? ['A'] : ['A', 'B']);
    expect(summary.notices).toEqual(name === 'pipe.csv' ? [`${fixture(name)}: fields separated by pipes (detected from the header line)`] : []);
  });

  it('--delimiter overrides the detection (and says nothing about it)', async () => {
    const path = fixture('pipe.csv');
    const error = await readError([path], { delimiter: ',' });
    expect(error.message).toBe(`${path}:1: no "id" or "created_at" column, and no preset fits the header (columns found: "id|created_at|agent|team"); \`support-metrics inspect ${path}\` describes the columns and how to map them`);
    const summary = await read([path], { delimiter: '|' });
    expect(tickets(summary)).toHaveLength(2);
    expect(summary.notices).toEqual([]);
  });

  it('standard input: the delimiter is detected too', async () => {
    const summary = await read(['-'], {}, Readable.from([Buffer.from('id;created_at;agent\nA;2026-03-02T09:00:00Z;ann\n')]));
    expect(tickets(summary)).toEqual([{ id: 'A', createdAt: '2026-03-02T09:00:00.000Z', agent: 'ann', team: null }]);
  });

  it('a header line longer than one chunk', async () => {
    const header = `id;created_at;${Array.from({ length: 20_000 }, (_, i) => `extra_${i}`).join(';')}`;
    const row = `A;2026-03-02T09:00:00Z;${';'.repeat(19_999)}`;
    const bytes = Buffer.from(`${header}\n${row}\n`);
    const summary = await read(['-'], {}, Readable.from(cut(bytes, [1000, 70_000, 140_000])));
    expect(tickets(summary).map((t) => t.id)).toEqual(['A']);
  });
});

describe('decimal comma with `;`', () => {
  it.each([
    ['1,5', '1.5'],
    ['90,25', '90.25'],
    ['1.234,5', '1234.5'],
    ['12.345.678,9', '12345678.9'],
    ['120', '120'],
    ['1.5', '1.5'],
    ['1,2,3', '1,2,3'],
    ['-1,5', '-1,5'],
    ['1.23,4', '1.23,4'],
    [',5', ',5'],
  ])('%s → %s', (text, expected) => {
    expect(withDecimalPoint(text)).toBe(expected);
  });

  it('the Excel export: BOM, `;`, CRLF, decimal commas, day-first dates', async () => {
    const path = fixture('excel-it.csv');
    const summary = await read([path]);
    expect(summary.rejected).toBe(0);
    const { store } = summary;
    expect(Array.from({ length: store.length }, (_, slot) => [store.idOf(slot), Number.isNaN(store.handleTime[slot]!) ? null : store.handleTime[slot]])).toEqual([
      ['T1', 90.5],
      ['T2', 120],
      ['T3', 1234.5],
      ['T4', null],
    ]);
    expect(tickets(summary).map((t) => [t.id, t.createdAt, t.agent])).toEqual([
      ['T1', '2026-03-02T09:00:00.000Z', 'Niccolò'],
      ['T2', '2026-03-03T14:30:00.000Z', 'Marco'],
      ['T3', '2026-03-13T08:00:00.000Z', 'Niccolò'],
      ['T4', '2026-03-10T10:00:00.000Z', null],
    ]);
    expect(store.tagsOf(0)).toEqual(['billing', 'refund']);
    expect(summary.notices).toEqual([
      `${path}: fields separated by semicolons (detected from the header line); numbers read with a decimal comma (1,5 = 1.5)`,
      `${path}: dates read as created_at day first; first_response_at day first; solved_at day first`,
    ]);
  });

  it('a comma-delimited file keeps its decimal point, and a decimal comma there is set aside', async () => {
    const ingest = new Ingest(wallTimeReader('UTC'));
    const stdin = Readable.from([Buffer.from('id,created_at,handle_time\nA,2026-03-02T09:00:00Z,"1,5"\nB,2026-03-02T09:00:00Z,2.5\n')]);
    await readTicketSources(['-'], ingest, stdin);
    const summary = ingest.finish();
    expect(summary.setAsides.examples.map((e) => [e.line, e.field, e.code])).toEqual([[2, 'handle_time', 'invalid_value']]);
    expect(Array.from(summary.store.handleTime.subarray(0, 2))).toEqual([Number.NaN, 2.5]);
  });

  it('the first pass that decides date formats splits on the same delimiter (and gunzips)', async () => {
    // Every created_at but T3's is ambiguous: were the first pass to split on commas, it would see
    // no dates at all and leave the column ISO 8601, rejecting them all.
    const summary = await read([fixture('excel-it.csv.gz')]);
    expect(summary.rejected).toBe(0);
    expect(tickets(summary).map((t) => t.createdAt)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-03T14:30:00.000Z',
      '2026-03-13T08:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
    ]);
  });
});

describe('encodings', () => {
  it.each([
    ['utf16be.csv', {}, ['read as UTF-16 BE (from its byte order mark)']],
    ['excel-unicode.txt', {}, ['read as UTF-16 LE (from its byte order mark); fields separated by tabs (detected from the header line)']],
    ['excel-unicode.txt', { encoding: 'utf-16le' }, ['fields separated by tabs (detected from the header line)']],
    ['windows-1252.csv', { encoding: 'windows-1252' }, []],
    ['tickets.csv', { encoding: 'utf-8' }, []],
  ] as const)('%s %j', async (name, options, notices) => {
    const path = fixture(name);
    const summary = await read([path], options);
    expect(tickets(summary)).toEqual(PLAIN_TICKETS);
    expect(summary.notices).toEqual(notices.map((n) => `${path}: ${n}`));
  });

  it('an invalid UTF-8 byte stops the read with its offset and a hint', async () => {
    const path = fixture('invalid-utf8.csv');
    expect(INVALID_UTF8[INVALID_UTF8_OFFSET]).toBe(0xe9);
    const error = await readError([path]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${path}:3: byte 72: not valid UTF-8; if the file came from Excel, try --encoding windows-1252`);
  });

  it('… and the same file read as Windows-1252 is fine', async () => {
    const summary = await read([fixture('invalid-utf8.csv')], { encoding: 'windows-1252' });
    expect(tickets(summary).map((t) => t.agent)).toEqual(['ok', 'José']);
  });

  it('Windows-1252 read as UTF-8: the error is at its first non-ASCII byte', async () => {
    const path = fixture('windows-1252.csv');
    const error = await readError([path]);
    expect(error.message).toBe(`${path}:2: byte ${'id,created_at,agent,team\r\nA,2026-03-02T09:00:00Z,Jos'.length}: not valid UTF-8; if the file came from Excel, try --encoding windows-1252`);
  });

  it('an unpaired UTF-16 surrogate is an error with its offset', async () => {
    const path = fixture('lone-surrogate.csv');
    const error = await readError([path]);
    expect(error.message).toBe(`${path}:2: byte ${LONE_SURROGATE_OFFSET}: not valid UTF-16 LE; the file may be damaged or cut short`);
  });

  it('a byte order mark that contradicts --encoding is refused', async () => {
    const path = fixture('excel-unicode.txt');
    const error = await readError([path], { encoding: 'windows-1252' });
    expect(error.message).toBe(`${path}: starts with the byte order mark of UTF-16 LE, not Windows-1252; leave out --encoding windows-1252`);
  });

  it('UTF-16 without a byte order mark is refused with a hint', async () => {
    const error = await readError(['-'], {}, Readable.from([Buffer.from('id,created_at\n', 'utf16le')]));
    expect(error.message).toBe('<stdin>: starts with a NUL byte: it looks like UTF-16 without a byte order mark; try --encoding utf-16le (or utf-16be)');
    const summary = await read(['-'], { encoding: 'utf-16le' }, Readable.from([Buffer.from('id,created_at\nA,2026-03-02T09:00:00Z\n', 'utf16le')]));
    expect(tickets(summary).map((t) => t.id)).toEqual(['A']);
  });

  it('JSON and NDJSON are checked too', async () => {
    const error = await readError(['-'], {}, Readable.from([Buffer.concat([Buffer.from('[{"id":"A","created_at":"2026-03-02T09:00:00Z","agent":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]')])]));
    expect(error.message).toBe('<stdin>:1: byte 56: not valid UTF-8; if the file came from Excel, try --encoding windows-1252');
    const ndjson = Buffer.concat([Buffer.from('{"id":"A","created_at":"2026-03-02T09:00:00Z"}\n{"id":"B","agent":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    // 47 bytes of line 1 with its line break, then 19 before the 0xFF.
    expect((await readError(['-'], {}, Readable.from([ndjson]))).message).toMatch(/^<stdin>:\d+: byte 66: not valid UTF-8;/);
  });
});

describe('strict decoding, whatever the chunks', () => {
  // Any text after a start that is neither a NUL byte (UTF-16 without BOM) nor gzip's signature.
  // Any text but NUL, which is refused wherever it is (see csv-hardening.test.ts).
  const text = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `id${s.replaceAll('\0', '')}`);
  const lineOf = (before: string): number => before.split('\n').length;
  const cuts = fc.array(fc.nat(), { maxLength: 8 });

  it('UTF-8: the bytes come out as they went in', async () => {
    await fc.assert(
      fc.asyncProperty(text, cuts, async (s, at) => {
        expect(await decodeAll(cut(Buffer.from(s), at))).toBe(s);
      }),
    );
  });

  it('UTF-8: an invalid byte between two characters is reported at its offset', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.nat(), fc.constantFrom(0xff, 0xc0, 0x80, 0xf8), cuts, async (s, where, bad, at) => {
        const chars = Array.from(s);
        const k = where % (chars.length + 1);
        const before = Buffer.from(chars.slice(0, k).join(''));
        const bytes = Buffer.concat([before, Buffer.from([bad]), Buffer.from(chars.slice(k).join(''))]);
        // None of these bytes can start a character, nor continue one that ended before it.
        expect(await decodeAll(cut(bytes, at))).toBe(`error: f.csv:${lineOf(before.toString())}: byte ${before.length}: not valid UTF-8; if the file came from Excel, try --encoding windows-1252`);
      }),
    );
  });

  it('UTF-8: a character cut by the end of the file is reported at its first byte', async () => {
    expect(await decodeAll([Buffer.from('id,é'), Buffer.from([0xe2, 0x82])])).toBe(
      'error: f.csv:1: byte 5: not valid UTF-8; if the file came from Excel, try --encoding windows-1252',
    );
  });

  it('UTF-16 LE and BE with BOM: the text comes out as it went in', async () => {
    await fc.assert(
      fc.asyncProperty(text, cuts, fc.boolean(), async (s, at, little) => {
        const body = little ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf16le').swap16();
        const bom = Buffer.from(little ? [0xff, 0xfe] : [0xfe, 0xff]);
        expect(await decodeAll(cut(Buffer.concat([bom, body]), at))).toBe(s);
      }),
    );
  });

  it('UTF-16: an unpaired surrogate between two characters is reported at its offset', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.nat(), fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff), cuts, async (s, where, unit, at) => {
        const chars = Array.from(s);
        const k = where % (chars.length + 1);
        const before = Buffer.from(chars.slice(0, k).join(''), 'utf16le');
        const lone = Buffer.from([unit & 0xff, unit >> 8]);
        const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), before, lone, Buffer.from(chars.slice(k).join(''), 'utf16le')]);
        expect(await decodeAll(cut(bytes, at))).toBe(`error: f.csv:${lineOf(chars.slice(0, k).join(''))}: byte ${2 + before.length}: not valid UTF-16 LE; the file may be damaged or cut short`);
      }),
    );
  });

  it('UTF-16: the line of a bad code unit is right when the chunk before ended inside a code unit (found by the property above)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\u0001\n', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('\u0001', 'utf16le')]);
    // The first chunk ends in the middle of "d": counted from there, the line feed was missed.
    expect(await decodeAll([bytes.subarray(0, 5), bytes.subarray(5)])).toBe('error: f.csv:2: byte 10: not valid UTF-16 LE; the file may be damaged or cut short');
  });

  it('UTF-16: an odd byte at the end', async () => {
    expect(await decodeAll([Buffer.from([0xff, 0xfe, 0x69, 0x00, 0x64])])).toBe('error: f.csv:1: byte 4: not valid UTF-16 LE; the file may be damaged or cut short');
  });

  it('Windows-1252: every byte but NUL is a character', async () => {
    const all = Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1));
    const decoded = await decodeAll(cut(all, [1, 100, 200]), 'windows-1252');
    expect(decoded).toHaveLength(255);
    expect(decoded.slice(0x7f, 0x80)).toBe('€');
    expect(decoded.slice(0xe8, 0xe9)).toBe('é');
    expect(decoded).not.toContain('\uFFFD');
  });

  it('the error finders agree with the decoders', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const valid = (() => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            return true;
          } catch {
            return false;
          }
        })();
        expect(firstInvalidUtf8(bytes) < 0).toBe(valid);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const valid = (() => {
          try {
            new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes);
            return true;
          } catch {
            return false;
          }
        })();
        // A low surrogate first is taken as the end of a pair checked before: not an error here.
        const leadingLow = bytes.length >= 2 && bytes[1]! >= 0xdc && bytes[1]! <= 0xdf;
        if (!leadingLow) expect(firstInvalidUtf16(bytes, true) < 0).toBe(valid);
      }),
    );
  });
});

describe('gzip', () => {
  it('tickets.csv.gz reads as tickets.csv', async () => {
    const summary = await read([fixture('tickets.csv.gz')]);
    expect(tickets(summary)).toEqual(PLAIN_TICKETS);
    expect(summary.notices).toEqual([]);
  });

  it('the format comes from the extension before .gz', async () => {
    expect(['a.csv.gz', 'a.ndjson.GZ', 'a.json.gz', 'a.gz', 'a.csv'].map(formatFromExtension)).toEqual(['csv', 'ndjson', 'json', undefined, 'csv']);
    const summary = await read([fixture('tickets.ndjson.gz')]);
    expect(tickets(summary).map((t) => t.agent)).toEqual(['José', 'Zoë']);
  });

  it('gzip data is recognised by its first bytes, on standard input too', async () => {
    const summary = await read(['-'], {}, Readable.from([gzipSync(Buffer.from('id;created_at\nA;2026-03-02T09:00:00Z\n'))]));
    expect(tickets(summary).map((t) => t.id)).toEqual(['A']);
  });

  it('damaged gzip data is an input error', async () => {
    const path = fixture('truncated.csv.gz');
    const error = await readError([path]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${path}: not valid gzip data: unexpected end of file`);
  });

  it('an invalid byte inside gzip data: the offset is in the uncompressed text', async () => {
    const error = await readError(['-'], {}, Readable.from([gzipSync(INVALID_UTF8)]));
    expect(error.message).toBe(`<stdin>:3: byte ${INVALID_UTF8_OFFSET} (uncompressed): not valid UTF-8; if the file came from Excel, try --encoding windows-1252`);
  });

  describe('a limit on expansion (--max-expansion)', () => {
    /** A header, one ticket and 1 MiB of blank lines: about 1 KiB of gzip data, a 1,000-fold expansion. */
    const blankLines = gzipSync(Buffer.concat([Buffer.from('id,created_at\nA,2026-03-02T09:00:00Z\n'), Buffer.alloc(1024 * 1024, 0x0a)]));
    /** A floor far below the 64 MiB of a run, so that a small file shows what a gigabyte would. */
    const floor = 64 * 1024;
    const { file } = tempFiles('expansion');

    it('gzip data that expands more than the ratio once past the floor stops the read: the file, the ratio and the flag named (exit 3)', async () => {
      const path = file('bomb.csv.gz', blankLines);
      const error = await readError([path], { maxExpansion: 100, expansionFloor: floor });
      expect(error).toBeInstanceOf(InputError);
      expect(exitCodeOf(error)).toBe(ExitCode.input);
      expect(error.message).toMatch(
        new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the gzip data expands more than 100-fold \\([\\d,]+ bytes of text from [\\d,]+ bytes read\\), which no ticket export does; if the file is real, raise --max-expansion \\(none: no limit\\)$`),
      );
    });

    it('is checked as the data comes, on standard input too: long before its end', async () => {
      // 64 MiB of blank lines, about 64 KiB of gzip data, handed over 256 bytes at a time (zlib
      // and the stream between take some 20 KiB ahead of what they have inflated).
      const bomb = gzipSync(Buffer.concat([Buffer.from('id,created_at\n'), Buffer.alloc(64 * 1024 * 1024, 0x0a)]));
      let pulled = 0;
      async function* slowly(): AsyncGenerator<Buffer> {
        for (; pulled < bomb.length; pulled += 256) yield bomb.subarray(pulled, pulled + 256);
      }
      const error = await readError(['-'], { maxExpansion: 100, expansionFloor: floor }, Readable.from(slowly()));
      expect(error.message).toMatch(/^<stdin>: the gzip data expands more than 100-fold/);
      expect(pulled).toBeLessThan(bomb.length / 2);
    });

    it('a higher ratio, or none, lets the same data through', async () => {
      const path = file('bomb.csv.gz', blankLines);
      for (const maxExpansion of [null, 5000]) {
        const summary = await read([path], { maxExpansion, expansionFloor: floor });
        expect(tickets(summary).map((t) => t.id)).toEqual(['A']);
        expect(summary.files[0]!.blank).toBe(1024 * 1024);
      }
    });

    it('below the floor a file expands as it likes', async () => {
      const path = file('bomb.csv.gz', blankLines);
      const summary = await read([path], { maxExpansion: 100, expansionFloor: 2 * 1024 * 1024 });
      expect(tickets(summary).map((t) => t.id)).toEqual(['A']);
    });

    it('a real export (the sample, 5-fold) passes the default ratio with the same small floor', async () => {
      const path = file('tickets.csv.gz', gzipSync(readFileSync(join(projectRoot, 'samples/tickets.csv')), { level: 9 }));
      const summary = await read([path], { expansionFloor: floor });
      expect(summary.records).toBe(3000);
    });
  });
});
