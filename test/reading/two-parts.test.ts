import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readCsvExport } from '../../src/reading/csv-export.js';
import { readCsvPart, type CsvPartPlan, type CsvPartRead } from '../../src/reading/csv-part.js';
import type { LaterReader } from '../../src/reading/later-part.js';
import { loadPresets } from '../../src/presets/index.js';
import { blankUnderstanding } from '../../src/tickets/file-reading.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import { wallTimeReader } from '../../src/time/zone.js';

/**
 * A CSV file read in two parts (src/reading/later-part.ts) must give what reading it in one piece
 * gives, to the last count and example: the later part is read here as the second thread reads it
 * (readCsvPart, on the bytes from the line start on), and merged (Ingest.merge) at the split.
 * Every line start of each generated file is tried as the split; a split inside a quoted field
 * that runs over lines, or one made before the header is understood, is read on in one piece.
 */

/** The later part read in this thread, as LaterPart reads it in another: from the bytes at `at` on, in small chunks. */
class PartHere implements LaterReader {
  started = false;
  /** Whether the part read here was taken (the records ended at the split). */
  taken = false;
  private part: Promise<CsvPartRead | undefined> | undefined;

  constructor(
    private readonly bytes: Buffer,
    readonly at: number,
    private readonly chunk: number,
  ) {}

  begin(plan: Omit<CsvPartPlan, 'path' | 'at' | 'size'>): void {
    this.started = true;
    const full: CsvPartPlan = { ...structuredClone(plan), path: 'unused', at: this.at, size: this.bytes.length };
    this.part = readCsvPart(full, chunksOf(this.bytes.subarray(this.at), this.chunk)).catch(() => undefined);
  }

  async result(): Promise<CsvPartRead | undefined> {
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

/** Reads `files` (name, text) in order into one Ingest, the last one split at `at` when given. */
async function read(files: [string, string][], countValues: boolean, split?: { at: number; chunk: number }): Promise<{ summary: IngestSummary; part: PartHere | undefined }> {
  const presets = await loadPresets();
  const ingest = new Ingest(wallTimeReader('UTC'));
  let part: PartHere | undefined;
  for (const [i, [name, text]] of files.entries()) {
    const bytes = Buffer.from(text);
    const understood = blankUnderstanding(name, 'UTC');
    const file = ingest.openFile(name, understood);
    const last = i === files.length - 1;
    if (last && split !== undefined) part = new PartHere(bytes, split.at, split.chunk);
    const source = { name, file, text: { chunks: chunksOf(bytes, split?.chunk ?? 64), firstLine: 1 }, reread: undefined, delimiter: ',' as const, understood, size: bytes.length, later: last ? part : undefined };
    await readCsvExport(source, ingest, { inputZone: 'UTC', countValues }, presets).catch((error: Error) => ingest.notice(`stopped: ${error.message}`));
  }
  return { summary: ingest.finish(), part };
}

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

describe('a CSV file read in two parts', () => {
  it('gives what reading it in one piece gives, split at any line start, in any chunking', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.option(file, { nil: undefined }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (text, before, chunk, countValues) => {
        const files: [string, string][] = before === undefined ? [['t.csv', text]] : [['first.csv', before], ['t.csv', text]];
        const whole = shown((await read(files, countValues)).summary);
        for (const at of lineStarts(text)) {
          const { summary, part } = await read(files, countValues, { at, chunk });
          expect(shown(summary)).toEqual(whole);
          const split = summary.readings.at(-1)!.laterPartFrom;
          if (part!.taken) {
            taken++;
            // The line the part starts on: one more than the line feeds before it.
            expect(split).toBe(Buffer.from(text).subarray(0, at).toString().split('\n').length);
          } else expect(split).toBeUndefined();
        }
      }),
      { numRuns: 150 },
    );
    // Most splits are taken (the others fall inside a quoted field, or before the first record).
    expect(taken).toBeGreaterThan(500);
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
