import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readCsvExport } from '../../src/reading/csv-export.js';
import { readCsvPart } from '../../src/reading/csv-part.js';
import { readJsonExport, readNdjsonExport } from '../../src/reading/json-export.js';
import { readJsonPart } from '../../src/reading/json-part.js';
import type { LaterReader, PartPlan, PartRead, PartWork } from '../../src/reading/parts.js';
import { elementStart, findElementStart } from '../../src/io/json-records.js';
import type { ReadOptions } from '../../src/reading/read-options.js';
import { loadPresets } from '../../src/presets/index.js';
import { blankUnderstanding } from '../../src/tickets/file-reading.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import type { Dimension } from '../../src/schema/fields.js';
import { wallTimeReader } from '../../src/time/zone.js';

/**
 * A CSV or NDJSON file read in two parts (src/reading/later-part.ts) must give what reading it in
 * one piece gives, to the last count and example: the later part is read here as the second thread
 * reads it (readCsvPart, readNdjsonPart, on the bytes from the line start on), and merged
 * (Ingest.merge) at the split. Every line start of each generated file is tried as the split; a
 * split inside a quoted CSV field that runs over lines, or one made before the header (or the
 * first object) is understood, is read on in one piece.
 */

/** The later part read in this thread, as LaterPart reads it in another: from the bytes at `at` on, in small chunks. */
class PartHere implements LaterReader {
  started = false;
  /** Whether the part read here was taken (the records ended at the split). */
  taken = false;
  /** Whether the reader of the first part asked for it (it found itself between two records at the split). */
  asked = false;
  private part: Promise<PartRead | undefined> | undefined;

  constructor(
    private readonly bytes: Buffer,
    readonly at: number,
    private readonly chunk: number,
  ) {}

  begin(work: PartWork): void {
    this.started = true;
    // As posted between threads: plain data, cloned.
    const plan = { ...structuredClone(work), path: 'unused', at: this.at, size: this.bytes.length } as PartPlan;
    const chunks = chunksOf(this.bytes.subarray(this.at), this.chunk);
    this.part = (plan.kind === 'csv' ? readCsvPart(plan, chunks) : readJsonPart(plan, chunks)).catch(() => undefined);
  }

  async result(): Promise<PartRead | undefined> {
    this.asked = true;
    // As posted between threads: plain data, cloned.
    const part = await this.part;
    this.taken = part !== undefined;
    return part === undefined ? undefined : structuredClone(part);
  }

  cancel(): void {}
}

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * Reads `files` (name, text) of a `format` in order into one Ingest, the last one split at `at`
 * when given (its later part read by PartHere); an input error ends the reading with a notice.
 */
async function readAll(
  format: 'csv' | 'ndjson' | 'json',
  files: [string, string | Buffer][],
  options: ReadOptions,
  split?: { at: number; chunk: number },
  unread: readonly Dimension[] = [],
): Promise<{ summary: IngestSummary; part: PartHere | undefined }> {
  const presets = await loadPresets();
  const ingest = new Ingest(wallTimeReader('UTC'), { unread });
  let part: PartHere | undefined;
  for (const [i, [name, text]] of files.entries()) {
    const bytes = Buffer.from(text);
    const understood = blankUnderstanding(name, 'UTC');
    const file = ingest.openFile(name, understood);
    const last = i === files.length - 1;
    if (last && split !== undefined) part = new PartHere(bytes, split.at, split.chunk);
    const chunks = chunksOf(bytes, split?.chunk ?? 64);
    const common = { name, file, understood, size: bytes.length, later: last ? part : undefined };
    const given = { inputZone: 'UTC', ...options };
    const reading =
      format === 'csv'
        ? readCsvExport({ ...common, text: { chunks, firstLine: 1 }, reread: undefined, delimiter: ',' }, ingest, given, presets)
        : (format === 'ndjson' ? readNdjsonExport : readJsonExport)({ ...common, chunks }, ingest, given, presets);
    await reading.catch((error: Error) => ingest.notice(`stopped: ${error.message}`));
  }
  return { summary: ingest.finish(), part };
}

/** A CSV file read as a run reads it. */
const read = (files: [string, string][], countValues: boolean, split?: { at: number; chunk: number }) => readAll('csv', files, { countValues }, split);

/** Everything a run shows of what was read, as plain data: each ticket's columns, the dictionaries, the accounts, tallies and notices. */
function shown(summary: IngestSummary): unknown {
  const { store } = summary;
  const columns = Object.entries(store).flatMap(([name, value]) => (ArrayBuffer.isView(value) ? [[name, Array.from((value as Float64Array).subarray(0, store.length))]] : []));
  const ids = Array.from({ length: store.length }, (_, slot) => store.idOf(slot));
  const dictionaries = Object.entries(store.dictionaries).map(([name, d]) => [name, d.values]);
  return {
    ids,
    columns,
    dictionaries,
    latest: store.latestTimestamp,
    files: summary.files,
    records: summary.records,
    rejections: [...summary.rejectionsByCode],
    examples: summary.examples,
    setAsides: [[...summary.setAsides.byCode], summary.setAsides.examples],
    setAsideByField: summary.setAsideByField.map((m) => [...m]),
    notices: summary.notices,
    present: [...summary.presentFields].sort(),
    // Said of a file read in two parts (inspect, --verbose), and of no other: compared on its own.
    readings: summary.readings.map(({ laterPartFrom: _, ...reading }) => reading),
  };
}

const HEADER = 'id,created_at,first_response_at,updated_at,status,agent,customer,satisfaction,reopens,tags';
const TIMES = ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', '2026-03-03T09:00:00Z', ''];
const row = fc
  .record({
    id: fc.constantFrom('A1', 'A2', 'B7', 'C9', 'é3', ''),
    created: fc.constantFrom(...TIMES, 'yesterday'),
    responded: fc.constantFrom(...TIMES),
    updated: fc.constantFrom(...TIMES),
    status: fc.constantFrom('open', 'solved', 'closed', ''),
    agent: fc.constantFrom('Ann', 'Bob', 'Chloé', ''),
    customer: fc.constantFrom('c1', 'c2', 'c3', 'c4', ''),
    satisfaction: fc.constantFrom('', 'good', 'bad', 'meh'),
    reopens: fc.constantFrom('', '0', '2', '-1'),
    tags: fc.constantFrom('', 'a', '"a,b"', '"x\ny"', '"say ""hi"""'),
  })
  .map((r) => Object.values(r).join(','));
const line = fc.oneof(
  { weight: 24, arbitrary: row },
  { weight: 2, arbitrary: fc.constant('') },
  // ragged
  { weight: 2, arbitrary: fc.constant('A1,2026-03-02T09:00:00Z') },
  // a quote never closed: the file ends in an error, said where it starts
  { weight: 1, arbitrary: fc.constant('A2,2026-03-02T09:00:00Z,,,open,Ann,c1,,,"never closed') },
);
const file = fc.tuple(fc.array(line, { minLength: 1, maxLength: 24 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => [HEADER, ...lines].join(eol) + eol);

/** The line starts of a text (after each line feed, before its end). */
const lineStarts = (text: string): number[] => {
  const bytes = Buffer.from(text);
  const starts: number[] = [];
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
};

/**
 * Every file `files` makes (alone, or after another), split at each of `cuts` in a random chunking,
 * counting values or not: what one piece gives; where a split is taken, its part starts at the
 * position the cut says (undefined: the split must not be taken there). Returns how many were.
 */
async function splitEverywhere(format: 'csv' | 'ndjson' | 'json', files: fc.Arbitrary<string>, cuts: (text: string) => { at: number; next: number | undefined }[], numRuns = 150): Promise<number> {
  let taken = 0;
  await fc.assert(
    fc.asyncProperty(files, fc.option(files, { nil: undefined }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (text, before, chunk, countValues) => {
      const named: [string, string][] = before === undefined ? [[`t.${format}`, text]] : [[`first.${format}`, before], [`t.${format}`, text]];
      const whole = shown((await readAll(format, named, { countValues })).summary);
      for (const { at, next } of cuts(text)) {
        const { summary, part } = await readAll(format, named, { countValues }, { at, chunk });
        expect(shown(summary)).toEqual(whole);
        const split = summary.readings.at(-1)!.laterPartFrom;
        if (part!.taken) {
          taken++;
          expect(split).toBe(next);
        } else expect(split).toBeUndefined();
        // Where the text is not between two records, the reader of the first part does not even ask for the second.
        if (next === undefined) expect(part!.asked).toBe(false);
      }
    }),
    { numRuns },
  );
  return taken;
}

/** Each line start, and the line it starts: one more than the line breaks before it (CRLF, LF, CR). */
const lineCuts = (text: string) => lineStarts(text).map((at) => ({ at, next: Buffer.from(text).subarray(0, at).toString().split(/\r\n|\r|\n/).length }));

describe('a CSV file read in two parts', () => {
  it('gives what reading it in one piece gives, split at any line start, in any chunking', async () => {
    // Most splits are taken (the others fall inside a quoted field, or before the first record).
    expect(await splitEverywhere('csv', file, lineCuts)).toBeGreaterThan(500);
  });

  it('is read on in one piece when the split falls inside a quoted field that runs over lines', async () => {
    const text = `${HEADER}\nA1,2026-03-02T09:00:00Z,,,open,Ann,c1,,,"x\ny"\nA2,2026-03-02T09:00:00Z,,,open,Ann,c1,,,a\n`;
    const at = text.indexOf('y"') ;
    const { summary, part } = await read([['t.csv', text]], false, { at, chunk: 7 });
    expect(part!.taken).toBe(false);
    expect(shown(summary)).toEqual(shown((await read([['t.csv', text]], false)).summary));
  });

  it('gives the second thread its plan once the first record has settled how records are read, before the rest of the first block', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `T${i},2026-03-02T09:00:00Z,,,open,Ann,c${i % 7},,,a`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    const at = lineStarts(text)[150]!;
    // One chunk: the records up to the split are one block. How many records were read when the plan went.
    const recorded = vi.spyOn(Ingest.prototype, 'record');
    let recordsAtBegin = -1;
    const begin = PartHere.prototype.begin;
    PartHere.prototype.begin = function (this: PartHere, plan) {
      recordsAtBegin = recorded.mock.calls.length;
      begin.call(this, plan);
    };
    try {
      const { summary, part } = await read([['t.csv', text]], false, { at, chunk: text.length });
      expect(part!.taken).toBe(true);
      expect(summary.records).toBe(300);
      expect(recordsAtBegin).toBe(0);
    } finally {
      PartHere.prototype.begin = begin;
      recorded.mockRestore();
    }
  });
});

/** An NDJSON file read as a run reads it. */
const readNdjson = (files: [string, string | Buffer][], split?: { at: number; chunk: number }, options: ReadOptions = {}) => readAll('ndjson', files, options, split);

const json = JSON.stringify;
/** A canonical ticket object; `team` only in some (a field the later part alone may hold). */
const ticket = fc
  .record(
    {
      id: fc.constantFrom('A1', 'A2', 'B7', 'é3', '', 12345678901234567890),
      created_at: fc.constantFrom(...TIMES, 'yesterday'),
      first_response_at: fc.constantFrom(...TIMES),
      status: fc.constantFrom('open', 'solved', ''),
      agent: fc.constantFrom('Ann', 'Bob', 'Chloé', null),
      customer: fc.constantFrom('c1', 'c2', 'c3'),
      satisfaction: fc.constantFrom('', 'good', 'bad', 'meh', 4),
      tags: fc.constantFrom([], ['a'], ['a,b', 'c']),
      team: fc.constantFrom('north', 'south'),
    },
    { requiredKeys: ['id', 'created_at'] },
  )
  .map((t) => json(t));
/** A Zendesk Chat object (the zendesk-chat preset, recognised from the first object's keys). */
const chat = fc
  .record({
    id: fc.constantFrom('2603.1', '2603.2', '2603.3'),
    timestamp: fc.constantFrom(...TIMES.slice(0, 3), 'soon'),
    end_timestamp: fc.constantFrom(...TIMES.slice(1, 3)),
    missed: fc.boolean(),
    rating: fc.constantFrom('good', 'bad', null),
    agent_names: fc.constantFrom([], ['Ana Ruiz'], ['Ben Okafor', 'Ana Ruiz']),
    department_name: fc.constantFrom('Support', null),
    visitor: fc.constantFrom({ id: '1.1', name: 'Carla' }, { id: '1.2', name: 'Dario' }),
    response_time: fc.constantFrom({ first: 20 }, { first: null }),
    tags: fc.constantFrom([], ['billing']),
    type: fc.constant('chat'),
    duration: fc.constantFrom(300, 900),
  })
  .map((t) => json(t));
// A byte order mark starting a line inside the file is text (it moves the column a syntax error is said at).
const otherLine = fc.constantFrom('', '   ', '{"id": "A9", ', '\ufeff{"id": "A9", ', '[1, 2]', '"a ticket"', '{"id":"A1","Id":"A2","created_at":"2026-03-02T09:00:00Z"}');
const ndjsonFile = fc
  .tuple(fc.constantFrom('canonical', 'chat'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.integer({ min: 1, max: 20 }))
  .chain(([shape, eol, bom, n]) =>
    fc.array(fc.oneof({ weight: 8, arbitrary: shape === 'chat' ? chat : ticket }, { weight: 2, arbitrary: otherLine }), { minLength: n, maxLength: n }).map((lines) => `${bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`),
  );

describe('a column nothing of the run reads (see unreadColumns)', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', agent: `Agent ${i % 3}`, customer: `c${i % 7}` }));
  const texts = {
    csv: `id,created_at,agent,customer\n${rows.map((r) => Object.values(r).join(',')).join('\n')}\n`,
    ndjson: `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`,
    json: `[${rows.map((r) => JSON.stringify(r)).join(',')}]`,
  };
  for (const format of ['csv', 'ndjson', 'json'] as const) {
    it(`is left blank by both threads reading ${format}, the other columns read as in one piece`, async () => {
      const text = texts[format];
      const at = format === 'json' ? text.indexOf('{"id":"T20"') : text.indexOf(format === 'csv' ? '\nT20,' : '\n{"id":"T20"') + 1;
      const { summary, part } = await readAll(format, [[`t.${format}`, text]], {}, { at, chunk: 64 }, ['agent']);
      expect(part!.taken).toBe(true);
      expect((await part!.result())!.ingest.log.values.agent).toEqual([]);
      const { store } = summary;
      expect(store.length).toBe(40);
      expect(Array.from(store.agent.subarray(0, 40))).toEqual(new Array(40).fill(-1));
      expect(store.dictionaries.agent.values).toEqual([]);
      expect(() => store.dictionaries.agent.valueOf(-1)).toThrow(/internal: the agent column/);
      // Read as it is without the split, and as when every column is read.
      const whole = (await readAll(format, [[`t.${format}`, text]], {}, undefined, [])).summary;
      expect(Array.from(store.customer.subarray(0, 40))).toEqual(Array.from(whole.store.customer.subarray(0, 40)));
      expect(store.dictionaries.customer.values).toEqual(whole.store.dictionaries.customer.values);
      expect(whole.store.dictionaries.agent.values).toEqual(['Agent 0', 'Agent 1', 'Agent 2']);
    });
  }
});

describe('an NDJSON file read in two parts', () => {
  it('gives what reading it in one piece gives, split at any line start, in any chunking', async () => {
    // Most splits are taken (the others come before the first object decided how objects are read).
    expect(await splitEverywhere('ndjson', ndjsonFile, lineCuts)).toBeGreaterThan(500);
  });

  it('a part with a line over the record size limit, or a byte that is not UTF-8: read here, as in one piece', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => json({ id: `T${i}`, created_at: TIMES[0], ...(i === 30 ? { note: 'x'.repeat(300) } : {}) }));
    const text = `${lines.join('\n')}\n`;
    const at = lineStarts(text)[20]!;
    const invalid = Buffer.from(text);
    invalid[at + 5] = 0xff;
    for (const [bytes, limit] of [[invalid, undefined], [Buffer.from(text), 200]] as const) {
      const whole = await readNdjson([['t.ndjson', bytes]], undefined, { maxRecordSize: limit });
      const { summary, part } = await readNdjson([['t.ndjson', bytes]], { at, chunk: 50 }, { maxRecordSize: limit });
      expect(part!.taken).toBe(false);
      expect(shown(summary)).toEqual(shown(whole.summary));
    }
  });
});

/**
 * Where a JSON array's text may be cut between two elements, found independently of the reader:
 * just after a comma at the array's own level, at a line start after it and at the next element's
 * first byte, with the number that element has; every other line start too (inside an element, or
 * before the first: not to be taken).
 */
function arrayCuts(text: string): { at: number; next: number | undefined }[] {
  const bytes = Buffer.from(text);
  const lines = new Set(lineStarts(text));
  const cuts = new Map<number, number | undefined>([...lines].map((at) => [at, undefined]));
  let depth = 0;
  let inString = false;
  let elements = 0;
  let afterComma = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    const space = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    // Just after the comma, a line start after it, and the element's first byte.
    if (depth === 1 && afterComma && (!space || bytes[i - 1] === 0x2c || lines.has(i))) cuts.set(i, elements + 1);
    if (space) continue;
    if (depth === 1 && (afterComma || elements === 0) && c !== 0x5d) {
      elements++;
      afterComma = false;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) afterComma = true;
  }
  return [...cuts].map(([at, next]) => ({ at, next })).sort((a, b) => a.at - b.at);
}

/** A JSON array of tickets (or chats), one element a line, pretty-printed or on one line; some elements no object. */
const jsonFile = fc
  .tuple(fc.constantFrom('canonical', 'chat'), fc.constantFrom(',', ',\n', ', ', ',\r\n  '), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 16 }))
  .chain(([shape, sep, pretty, bom, n]) =>
    fc
      .array(fc.oneof({ weight: 8, arbitrary: shape === 'chat' ? chat : ticket }, { weight: 1, arbitrary: fc.constantFrom('1', '"a ticket"', '[1, {"id": "x"}]', 'null') }), { minLength: n, maxLength: n })
      .map((elements) => {
        const shown = pretty ? elements.map((e) => JSON.stringify(JSON.parse(e), null, 2)) : elements;
        return `${bom ? '\ufeff' : ''}[${sep === ',' ? '' : '\n'}${shown.join(sep)}\n]\n`;
      }),
  );

describe('a JSON array read in two parts', () => {

  it('gives what reading it in one piece gives, split between any two elements, in any chunking', async () => {
    // Most splits between elements are taken (the others come before the first object decided how objects are read).
    expect(await splitEverywhere('json', jsonFile, arrayCuts, 30)).toBeGreaterThan(150);
  });

  it('an element that is not valid JSON in the part: read here, as in one piece', async () => {
    const elements = Array.from({ length: 40 }, (_, i) => json({ id: `T${i}`, created_at: TIMES[0] }));
    elements[30] = '{"id": "T30", "created_at": }';
    const text = `[\n${elements.join(',\n')}\n]\n`;
    const at = text.indexOf('{"id":"T20"');
    const whole = await readAll('json', [['t.json', text]], {});
    const { summary, part } = await readAll('json', [['t.json', text]], {}, { at, chunk: 50 });
    expect(part!.taken).toBe(false);
    expect(shown(summary)).toEqual(shown(whole.summary));
    expect(summary.notices.at(-1)).toMatch(/^stopped: t\.json:32:\d+: not valid JSON/);
  });
});

describe('where a JSON array\'s later part may start', () => {
  const conversation = (i: number) => ({ id: 1000 + i, number: i, tags: [{ id: 1, tag: 'a' }, { id: 2, tag: 'b' }], createdAt: TIMES[0] });
  const layouts: [string, (items: unknown[]) => string][] = [
    ['on one line', (items) => JSON.stringify(items)],
    ['one element a line', (items) => `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`],
    ['pretty-printed', (items) => JSON.stringify(items, null, 2)],
  ];

  it.each(layouts)('%s: an element of the array, not one of a list inside an element that starts with the same name', (_layout, write) => {
    const text = Buffer.from(write(Array.from({ length: 200 }, (_, i) => conversation(i))));
    const start = elementStart(text.subarray(0, 4096))!;
    expect(start).toBeDefined();
    const middle = Math.floor(text.length / 2);
    const at = middle + findElementStart(text.subarray(middle), start);
    const cut = arrayCuts(text.toString()).find((c) => c.at === at);
    expect(cut?.next).toBeGreaterThan(90);
    expect(text[at]).toBe(0x7b);
  });

  it('none when the first two elements are not objects, or the document is no array', () => {
    expect(elementStart(Buffer.from('[1, 2, 3]'))).toBeUndefined();
    expect(elementStart(Buffer.from('{"tickets": [{"id": 1}, {"id": 2}]}'))).toBeUndefined();
    expect(elementStart(Buffer.from('[{"id": 1}'))).toBeUndefined();
  });
});
