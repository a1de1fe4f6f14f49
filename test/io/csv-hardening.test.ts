import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readTicketSources, type ReadOptions } from '../../src/reading/read-exports.js';
import { Ingest, type IngestSummary, type Rejection } from '../../src/tickets/ingest.js';
import { wallTimeReader } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/temp-files.js';

/** Malformed CSV reported where it happens (issue 5): line endings, quotes, sizes, NUL, headers. */

const temp = tempFiles('csv-hardening');
const file = (content: string | Buffer, name = 't.csv'): string => temp.file(name, content);

async function read(path: string, options: ReadOptions = {}, rejects?: { rejection: Rejection; raw: string | undefined }[]): Promise<IngestSummary> {
  const sink = rejects === undefined ? undefined : { write: (rejection: Rejection, raw: string | undefined) => rejects.push({ rejection, raw }) };
  const ingest = new Ingest(wallTimeReader('UTC'), { rejects: sink });
  await readTicketSources([path], ingest, Readable.from([]), options);
  return ingest.finish();
}

async function readError(path: string, options: ReadOptions = {}): Promise<string> {
  const error = await read(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message.replace(path, 'FILE');
}

const HEADER = 'id,created_at,agent';
const row = (i: number, agent = `agent ${i}`): string => `T${i},2026-03-0${(i % 9) + 1}T09:00:00Z,${agent}`;

describe('line endings', () => {
  const rows = [HEADER, row(1), row(2), row(3), row(4)];
  it.each([
    ['LF', rows.join('\n')],
    ['CRLF', rows.join('\r\n')],
    ['CR only', rows.join('\r')],
    ['mixed CRLF, LF and CR', `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[3]}\r\n${rows[4]}\n`],
  ])('%s: every record used, no CR left in a value', async (_, text) => {
    const summary = await read(file(text));
    expect(summary.files[0]).toMatchObject({ read: 5, header: 1, blank: 0, used: 4, rejected: 0 });
    const agents = Array.from({ length: 4 }, (_, slot) => summary.store.dictionaries.agent.valueOf(summary.store.agent[slot]!));
    expect(agents).toEqual(['agent 1', 'agent 2', 'agent 3', 'agent 4']);
  });

  it('a quoted line break of any kind stays in the value, and line numbers count it', async () => {
    const text = `${HEADER}\n${row(1, '"two\r\nlines"')}\n${row(2, '"cr\ronly"')}\nT3,bad,x\n`;
    const summary = await read(file(text));
    expect(summary.examples.map((r) => r.line)).toEqual([6]);
  });
});

describe('quotes', () => {
  it('an unterminated quote is an error naming the line where its record starts, not where the file ends', async () => {
    const text = [HEADER, row(1), row(2, '"Bob'), row(3), row(4), row(5)].join('\n');
    expect(await readError(file(text))).toBe(
      'FILE:3: a quoted field in the record that starts here is never closed (the file ends inside it, at line 6); add the missing closing quote',
    );
  });

  it('an unterminated quote after records with quoted line breaks and blank lines still names its own line', async () => {
    const text = [HEADER, row(1, '"a\nb"'), '', row(2), row(3, '"open'), row(4)].join('\n');
    expect(await readError(file(text))).toMatch(/^FILE:6: a quoted field in the record that starts here is never closed/);
  });

  it('on standard input (read once) too, an unterminated quote names the line where its record starts', async () => {
    const text = [HEADER, row(1), '', row(2, '"Bob'), row(3), row(4), row(5)].join('\n');
    const ingest = new Ingest(wallTimeReader('UTC'));
    const error = await readTicketSources(['-'], ingest, Readable.from([Buffer.from(text)]), { format: 'csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      '<stdin>:4: a quoted field in the record that starts here is never closed (the input ends inside it, at line 7); add the missing closing quote',
    );
  });

  it('a quote inside an unquoted field is text, as spreadsheets read it', async () => {
    const summary = await read(file(`${HEADER}\n${row(1, '27" monitor')}\n`));
    expect(summary.store.dictionaries.agent.valueOf(summary.store.agent[0]!)).toBe('27" monitor');
  });

  it('a record that runs over many lines and then has the wrong number of fields says a quote may be open', async () => {
    // The stray quote opens on line 2 and closes on line 4: lines 2-4 become one record of 5 fields.
    const text = `${HEADER}\nT1,2026-03-02T09:00:00Z,"Ann\nT2,2026-03-02T09:00:00Z,Bob\nT3,2026-03-02T09:00:00Z,Cy",x,y\nT4,2026-03-02T09:00:00Z,Di\n`;
    const summary = await read(file(text));
    expect(summary.examples).toEqual([
      {
        scope: 'record',
        file: expect.any(String),
        line: 2,
        field: null,
        code: 'malformed_record',
        message: 'has 5 fields where the header has 3 (the record runs over 3 lines: is a quote on its first line left open?)',
      },
    ]);
    expect(summary.files[0]).toMatchObject({ read: 3, header: 1, used: 1, rejected: 1 });
  });
});

describe('record size limit', () => {
  it('a record over --max-record-size stops the read, naming the line where it starts', async () => {
    const text = [HEADER, row(1), row(2, 'x'.repeat(20_000)), row(3)].join('\n');
    expect(await readError(file(text), { maxRecordSize: 10_000 })).toBe(
      'FILE:3: the record that starts here is over the record size limit (10,000 bytes); a quote left open makes one record of the lines after it; if the record is real, raise --max-record-size',
    );
    expect((await read(file(text))).files[0]!.used).toBe(3);
  });

  it('the default limit (4 MiB) stops a quote left open from reading the rest of a large file as one field', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => row(i + 2)); // about 6 MB
    const text = [HEADER, row(1, '"never closed'), ...rows].join('\n');
    expect(await readError(file(text))).toMatch(/^FILE:2: the record that starts here is over the record size limit \(4 MiB\)/);
  });
});

describe('bytes that are not text', () => {
  it('a NUL byte is an error with its line and byte offset', async () => {
    const text = Buffer.from(`${HEADER}\n${row(1)}\n${row(2, 'A\u0000nn')}\n`);
    const offset = text.indexOf(0);
    expect(await readError(file(text))).toBe(
      `FILE:3: byte ${offset}: a NUL byte, which no text export holds; the file is binary or damaged`,
    );
  });

  it('a NUL character in a UTF-16 file is an error with its line', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n${row(1)}\r\n${row(2)}\u0000\r\n`, 'utf16le')]);
    expect(await readError(file(text))).toBe('FILE:3: a NUL byte, which no text export holds; the file is binary or damaged');
  });

  it('an invalid UTF-8 byte names its line as well as its offset', async () => {
    const text = Buffer.concat([Buffer.from(`${HEADER}\n${row(1)}\nT2,2026-03-02T09:00:00Z,Jos`), Buffer.from([0xe9, 0x0a])]);
    expect(await readError(file(text))).toBe(`FILE:3: byte ${text.length - 2}: not valid UTF-8; if the file came from Excel, try --encoding windows-1252`);
  });
});

describe('headers', () => {
  it('a column without a name is an error naming it', async () => {
    expect(await readError(file(`id,created_at,,agent\n${row(1)},x\n`))).toBe('FILE:1: column 3 has no name in the header; name it or delete it');
    expect(await readError(file(`id,created_at, ,agent,\n`))).toBe('FILE:1: columns 3, 5 have no name in the header; name them or delete them');
  });

  it('a column that appears twice (in any case, with spaces) is an error naming both', async () => {
    expect(await readError(file(`id,created_at,agent, Agent \n${row(1)},x\n`))).toBe('FILE:1: column "agent" appears twice (columns 3 and 4)');
  });

  it('header names with surrounding spaces or another case still match', async () => {
    const summary = await read(file(` ID ,Created_At, AGENT \n${row(1)}\n`));
    expect(summary.files[0]).toMatchObject({ used: 1, rejected: 0 });
    expect(summary.store.dictionaries.agent.valueOf(summary.store.agent[0]!)).toBe('agent 1');
  });

  it('blank lines before the header are counted as blank and the header is the first line with text', async () => {
    const summary = await read(file(`\n\n${HEADER}\n${row(1)}\nT2,bad,x\n`));
    expect(summary.files[0]).toMatchObject({ read: 5, header: 1, blank: 2, used: 1, rejected: 1 });
    expect(summary.examples[0]!.line).toBe(5);
  });
});

describe('raw records for the rejects file', () => {
  it('each rejected record comes with its text as read, quotes and line breaks included', async () => {
    const rejects: { rejection: Rejection; raw: string | undefined }[] = [];
    const text = `${HEADER}\r\n${row(1)}\r\nT2,"not ""a"" date",x\r\nT3,2026-03-02T09:00:00Z,"two\nlines",extra\r\n`;
    await read(file(text), {}, rejects);
    expect(rejects.map((r) => [r.rejection.line, r.rejection.code, r.raw])).toEqual([
      [3, 'invalid_timestamp', 'T2,"not ""a"" date",x'],
      [4, 'malformed_record', 'T3,2026-03-02T09:00:00Z,"two\nlines",extra'],
    ]);
  });
});

describe('placeholder dates', () => {
  it('a timestamp before 1970 is rejected as a placeholder, not read as a ticket of 1900', async () => {
    const summary = await read(file(`${HEADER}\nT1,1900-01-01T00:00:00Z,x\n${row(2)}\n`));
    expect(summary.examples).toEqual([
      {
        scope: 'record',
        file: expect.any(String),
        line: 2,
        field: 'created_at',
        code: 'invalid_timestamp',
        message: '"1900-01-01T00:00:00Z" is before 1970: a placeholder for "no date"? Leave the cell blank instead',
      },
    ]);
    expect(summary.files[0]!.used).toBe(1);
  });

  it('the message quotes the value as written, spaces and all, so that it can be found in the file', async () => {
    const summary = await read(file(`${HEADER}\nT1," 1900-01-01T00:00:00Z ",x\nT2,"2999-12-31T00:00:00Z ",x\n${row(3)}\n`));
    expect(summary.examples.map((e) => e.message)).toEqual([
      '" 1900-01-01T00:00:00Z " is before 1970: a placeholder for "no date"? Leave the cell blank instead',
      '"2999-12-31T00:00:00Z " is after 2200: a placeholder for "never"? Leave the cell blank instead',
    ]);
  });
});
