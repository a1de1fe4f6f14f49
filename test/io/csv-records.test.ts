import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { csvRecords, type CsvBlock } from '../../src/io/csv-records.js';
import { readTicketSources } from '../../src/reading/read-exports.js';
import { Ingest } from '../../src/tickets/ingest.js';
import { wallTimeReader } from '../../src/time/zone.js';

/**
 * The CSV record splitter: blank lines make no record (when csv-parse split the text, each such
 * record cost ~20 µs: 400,000 blank lines took 9 s) and are still counted, and every record keeps
 * the line it starts on. The tokenizer itself is tested in csv-scanner.test.ts.
 */

async function split(text: string, options: { chunkSize?: number; keepRaw?: boolean; firstLine?: number } = {}) {
  const bytes = Buffer.from(text);
  const size = options.chunkSize ?? bytes.length;
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const blocks: CsvBlock[] = [];
  for await (const block of csvRecords(Readable.from(chunks), 'FILE', { delimiter: ',', maxRecordSize: 1 << 20, keepRaw: options.keepRaw ?? false, firstLine: options.firstLine ?? 1 })) {
    blocks.push(block);
  }
  return {
    blank: blocks.reduce((n, b) => n + b.blankLines, 0),
    records: blocks.flatMap((b) => b.records.map((fields, i) => ({ line: b.lines[i]!, fields, ...(b.raws === undefined ? {} : { raw: b.raws[i] }) }))),
  };
}

describe('csvRecords', () => {
  it('blank lines make no record: they are counted, and the records after them keep their lines', async () => {
    expect(await split('\n\nid,x\n1,a\n\n\n2,b\n\n')).toEqual({
      blank: 5,
      records: [
        { line: 3, fields: ['id', 'x'] },
        { line: 4, fields: ['1', 'a'] },
        { line: 7, fields: ['2', 'b'] },
      ],
    });
  });

  it('a line break inside quotes moves the next record down; CRLF, CR and LF each end one line', async () => {
    expect(await split('id,x\r\n1,"a\r\nb"\r\n\r\n2,"c\nd\re"\r3,f')).toEqual({
      blank: 1,
      records: [
        { line: 1, fields: ['id', 'x'] },
        { line: 2, fields: ['1', 'a\r\nb'] },
        { line: 5, fields: ['2', 'c\nd\re'] },
        { line: 8, fields: ['3', 'f'] },
      ],
    });
  });

  it('the last line break of the text is no blank line; a text of blank lines only is all blank lines', async () => {
    expect((await split('id\n1\n')).blank).toBe(0);
    expect((await split('id\n1')).blank).toBe(0);
    expect((await split('id\n1\n\n')).blank).toBe(1);
    expect(await split('\n\n\n')).toEqual({ blank: 3, records: [] });
    expect(await split('')).toEqual({ blank: 0, records: [] });
  });

  it('keeps each record as written (without its line break) for the rejects file, and starts at firstLine', async () => {
    expect(await split('id,x\n\n1,"a\nb"\n', { keepRaw: true, firstLine: 2 })).toEqual({
      blank: 1,
      records: [
        { line: 2, fields: ['id', 'x'], raw: 'id,x' },
        { line: 4, fields: ['1', 'a\nb'], raw: '1,"a\nb"' },
      ],
    });
  });

  it('a quote never closed is named by the line its record starts on, after blank lines, in any chunking', async () => {
    for (const chunkSize of [1, 3, 1000]) {
      const error = await split('id,x\n1,a\n\n\n2,"open\n3,c\n', { chunkSize }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^FILE:5: a quoted field in the record that starts here is never closed/);
    }
  });

  it('property: a quote never closed names the last line of the text, counted as an editor counts (CRLF once, after a sep= line)', async () => {
    const line = fc.oneof(fc.constant(''), fc.constant('a,b'), fc.constant('"x\ny",z'), fc.constant('"p\r\nq",r'));
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    const tail = fc.array(fc.tuple(fc.constantFrom('', 'more', 'x,y', ' '), ending), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, ending), { maxLength: 12 }),
        tail,
        fc.boolean(),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 2 }),
        async (lines, after, endsWithBreak, chunkSize, firstLine) => {
          let text = `h1,h2\n${lines.map(([l, e]) => l + e).join('')}1,"open${after.map(([l, e]) => e + l).join('')}`;
          if (endsWithBreak) text += '\n';
          const lastLine = firstLine - 1 + text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0); // a final line break ends the last line
          const error = await split(text, { chunkSize, firstLine }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InputError);
          const message = (error as Error).message;
          const start = Number(/^FILE:(\d+):/.exec(message)![1]);
          if (lastLine > start) expect(message).toContain(`(the file ends inside it, at line ${lastLine})`);
          else expect(message).toContain('(the file ends inside it)');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: wherever the chunks end, the records, their lines and the blank count are the same', async () => {
    const line = fc.oneof(fc.constant(''), fc.constant('a,b'), fc.constant('"x\ny",z'), fc.constant('"p\r\nq",r'), fc.constant(' , '));
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, ending), { maxLength: 30 }), fc.integer({ min: 1, max: 17 }), async (lines, chunkSize) => {
        const text = `h1,h2\n${lines.map(([l, e]) => l + e).join('')}`;
        expect(await split(text, { chunkSize })).toEqual(await split(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('reading stays a bug when the code that reads has one', () => {
  it('an error thrown while a record is handled comes out as it is (exit 1 with its stack), never as "cannot read"', async () => {
    class Broken extends Ingest {
      override record(): void {
        throw new RangeError('a bug');
      }
    }
    const error = await readTicketSources(['-'], new Broken(wallTimeReader('UTC')), Readable.from([Buffer.from('id,created_at\nA,2026-03-02T09:00:00Z\n')]), {
      format: 'csv',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('a bug');
  });

  it('a failure to read the bytes is an input error naming the file', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      },
    });
    const error = await readTicketSources(['-'], new Ingest(wallTimeReader('UTC')), failing, { format: 'csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('<stdin>: cannot read: input/output error');
  });
});
