import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CsvScanError, CsvScanner } from '../../src/io/csv-scanner.js';
import type { Delimiter } from '../../src/io/input-formats.js';
import { csvParseRecords } from '../helpers/csv-parse-records.js';

/**
 * The tokenizer against the csv-parse splitter it replaced on the reading path
 * (test/helpers/csv-parse-records.ts): on any text, in any chunking, the same records, lines,
 * blank lines and errors.
 */

interface Split {
  records: { fields: string[]; line: number; raw?: string }[];
  blank: number;
  error?: CsvScanError['code'];
}

function scan(text: string, options: { delimiter?: string; chunks?: number[]; keepRaw?: boolean; maxRecordSize?: number; firstLine?: number } = {}): Split {
  const bytes = Buffer.from(text);
  const out: Split = { records: [], blank: 0 };
  const scanner = new CsvScanner((options.delimiter ?? ',').charCodeAt(0), options.maxRecordSize ?? 1 << 20, options.keepRaw ?? false, options.firstLine ?? 1, {
    record: (fields, line, raw) => out.records.push({ fields: [...fields], line, ...(raw === undefined ? {} : { raw }) }),
    blank: (count) => (out.blank += count),
  });
  try {
    // Cut the bytes where the chunk sizes say (cycling), possibly inside a UTF-8 character.
    const sizes = options.chunks ?? [bytes.length || 1];
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = sizes[k % sizes.length]!;
      scanner.write(bytes.subarray(at, at + size));
      at += size;
    }
    scanner.finish();
  } catch (error) {
    if (!(error instanceof CsvScanError)) throw error;
    out.error = error.code;
  }
  return out;
}

/** What the csv-parse splitter the scanner replaced makes of the text, in one chunk. */
async function reference(text: string, delimiter: string, keepRaw: boolean): Promise<Split> {
  const out: Split = { records: [], blank: 0 };
  try {
    for await (const block of csvParseRecords(Readable.from([Buffer.from(text)]), 'FILE', { delimiter: delimiter as Delimiter, maxRecordSize: 1 << 20, keepRaw, firstLine: 1 })) {
      out.blank += block.blankLines;
      block.records.forEach((fields, i) => out.records.push({ fields, line: block.lines[i]!, ...(keepRaw ? { raw: block.raws![i]! } : {}) }));
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.error = /never closed/.test(error.message) ? 'quote_not_closed' : 'record_too_large';
  }
  return out;
}

const piece = fc.constantFrom('a', 'b', ' ', 'é', '€', '"', '""', ',', ';', '\n', '\r', '\r\n', 'x"y', '"q"');
const csvText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const chunking = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 });

describe('CsvScanner', () => {
  it('property: the same records, lines, blank lines and errors as the csv-parse splitter, on any text, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, chunking, fc.constantFrom(',', ';'), fc.boolean(), fc.boolean(), async (text, chunks, delimiter, bom, keepRaw) => {
        const input = bom ? `\uFEFF${text}` : text;
        const expected = await reference(input, delimiter, keepRaw);
        const got = scan(input, { chunks, delimiter, keepRaw });
        if (expected.error !== undefined) expect(got.error).toBe(expected.error);
        else expect(got, JSON.stringify(input)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: lines mostly without quotes or lone CRs (split natively), now and then with one, in any chunking', async () => {
    // Plain pieces weigh most, so that most lines take the native split and the rest fall between them.
    const plain = fc.constantFrom('a', 'bc', ' ', 'é', '€', '😀', ',', ';', 'x'.repeat(15), '\n', '\r\n');
    const rare = fc.constantFrom('"', '""', '\r', '"q,r"', 'x"y', '\n\n');
    const mostlyPlain = fc.array(fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: rare }), { maxLength: 80 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(mostlyPlain, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';'), fc.boolean(), async (text, chunks, delimiter, keepRaw) => {
        const expected = await reference(text, delimiter, keepRaw);
        const got = scan(text, { chunks, delimiter, keepRaw });
        if (expected.error !== undefined) expect(got.error).toBe(expected.error);
        else expect(got, JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: lines that quote every field (split natively between quote, delimiter and quote), now and then one that does something else, in any chunking', async () => {
    // Field text mostly plain, now and then a quote, a quote-delimiter-quote, a line break or a CR inside.
    const inField = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom('a', 'bc', ' ', 'é', '😀', ',', ';', '') },
      { weight: 1, arbitrary: fc.constantFrom('"', '""', '","', '";"', '\r', '\n', '\r\n') },
    );
    const field = fc.tuple(fc.array(inField, { maxLength: 4 }), fc.integer({ min: 0, max: 20 })).map(([parts, form]) =>
      // Mostly quoted; sometimes bare, or with text after the closing quote.
      form === 0 ? parts.join('') : form === 1 ? `"${parts.join('')}"x` : `"${parts.join('')}"`,
    );
    const line = fc.tuple(fc.array(field, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\n\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';'), fc.boolean(), async (lines, chunks, delimiter, keepRaw) => {
        const text = lines.map(([fields, end]) => fields.join(delimiter) + end).join('');
        const expected = await reference(text, delimiter, keepRaw);
        const got = scan(text, { chunks, delimiter, keepRaw });
        if (expected.error !== undefined) expect(got.error).toBe(expected.error);
        else expect(got, JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('a line split natively is over the size limit as a line split byte by byte is', () => {
    for (const text of ['id\nabcdef\nx\n', 'id\r\nabcdef\r\nx\r\n', '"id"\n"abcd"\n"x"\n', '"id"\r\n"abcd"\r\n"x"\r\n']) {
      expect(scan(text, { maxRecordSize: 6 }).error).toBeUndefined();
      expect(scan(text, { maxRecordSize: 5 })).toMatchObject({ error: 'record_too_large', records: [{ fields: ['id'] }] });
    }
  });

  it('values that repeat in a column are handed out again, and every field still reads as written (5,000 records, 4,096 table entries)', async () => {
    const agents = ['Ana', 'Bo', 'Chloé', 'Dmitri Ivanov', '', 'Ana ', 'ana'];
    const lines = ['id,agent,code,tags'];
    for (let i = 0; i < 5000; i++) {
      // code: many distinct short values, so table entries are overwritten; tags: quoted, repeating.
      lines.push(`T${i},${agents[(i * 7) % agents.length]},${(i * 7919) % 6007},"${i % 3 === 0 ? 'a,b' : 'b'}"`);
    }
    const text = `${lines.join('\n')}\n`;
    const got = scan(text, { chunks: [997] });
    expect(got).toEqual(await reference(text, ',', false));
    expect(got.records[4001]!.fields).toEqual(['T4000', agents[(4000 * 7) % agents.length], String((4000 * 7919) % 6007), 'b']);
  });

  it('quotes: "" is one quote; a closing quote followed by text is kept as written; a quote inside a field is text', () => {
    expect(scan('"a""b",c\n"x"y,5" screen\n"""",""\n').records.map((r) => r.fields)).toEqual([
      ['a"b', 'c'],
      ['"x"y', '5" screen'],
      ['"', ''],
    ]);
    expect(scan('"a""b"c,d').records[0]!.fields).toEqual(['"a"b"c', 'd']);
  });

  it('each record keeps its line (after quoted line breaks and blank lines) and, on request, its text as written', () => {
    expect(scan('h\r\n\r\n"a\r\nb",c\r"d"\n', { keepRaw: true, firstLine: 2 })).toEqual({
      records: [
        { fields: ['h'], line: 2, raw: 'h' },
        { fields: ['a\r\nb', 'c'], line: 4, raw: '"a\r\nb",c' },
        { fields: ['d'], line: 6, raw: '"d"' },
      ],
      blank: 1,
    });
  });

  it('a CRLF cut between two chunks is one line break, also after a closing quote and between records', () => {
    for (const text of ['a\r\nb\r\n', '"a"\r\n"b"\r\n', 'a\r\n\r\nb']) {
      for (let cut = 1; cut < text.length; cut++) expect(scan(text, { chunks: [cut, 100] })).toEqual(scan(text));
    }
  });

  it('a record over the size limit stops the read, whether it ends in the chunk or goes on past it', () => {
    const big = `id\n${'x'.repeat(50)}\nnext\n`;
    expect(scan(big, { maxRecordSize: 40 })).toMatchObject({ error: 'record_too_large', records: [{ fields: ['id'] }] });
    expect(scan(big, { maxRecordSize: 40, chunks: [8] }).error).toBe('record_too_large');
    expect(scan(big, { maxRecordSize: 50 }).error).toBeUndefined();
    // A quote left open on a large text stops at the limit, not at the end of the text.
    const open = `id\n"${'line\n'.repeat(1000)}`;
    let records = 0;
    const scanner = new CsvScanner(44, 100, false, 1, { record: () => records++, blank: () => {} });
    expect(() => {
      for (let at = 0; at < open.length; at += 16) scanner.write(Buffer.from(open.slice(at, at + 16)));
    }).toThrow(CsvScanError);
    expect(records).toBe(1);
  });

  it('a quote never closed names the line its record starts on and the last line of the text', () => {
    const error = (() => {
      try {
        new CsvScanner(44, 1 << 20, false, 1, { record: () => {}, blank: () => {} }).write(Buffer.from('id\n\n"a\nb\n'));
      } catch (e) {
        return e;
      }
      try {
        const s = new CsvScanner(44, 1 << 20, false, 1, { record: () => {}, blank: () => {} });
        s.write(Buffer.from('id\n\n"a\nb\n'));
        s.finish();
      } catch (e) {
        return e;
      }
      return undefined;
    })() as CsvScanError;
    expect(error).toBeInstanceOf(CsvScanError);
    expect([error.code, error.line, error.lastLine]).toEqual(['quote_not_closed', 3, 4]);
  });
});
