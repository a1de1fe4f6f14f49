import { parse as parseCsv, CsvError, type Options as CsvOptions } from 'csv-parse';
import { InputError } from '../../src/errors.js';
import { linesSpanned, type CsvBlock, type CsvReadOptions } from '../../src/io/csv-records.js';
import { sizeText } from '../../src/io/read-limits.js';

/**
 * The CSV splitter the project used before io/csv-scanner.ts, on csv-parse: kept as the reference
 * the scanner is tested against (test/io/csv-scanner.test.ts), records, lines, blank lines and
 * errors alike (with the options and blocks csvRecords takes and makes). Not used by the tool.
 */

/**
 * How every CSV pass splits a file: any mix of CRLF, LF and CR line endings (exports that were
 * edited by hand mix them); a quote inside an unquoted field (`5" screen`), or text after a
 * closing quote (`"x"y`), is kept as text, as spreadsheets read it; a record over the size limit
 * stops the read. columns: false, and header names mapped to positions by the caller: csv-parse's
 * own column mapping costs about 50% more on large files (measured at d1f29f1).
 */
function csvDialect(options: CsvReadOptions): CsvOptions {
  return {
    bom: true,
    delimiter: options.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    columns: false,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordSize,
    raw: options.keepRaw,
  };
}

const emptyBlock = (keepRaw: boolean): CsvBlock => ({ bytes: 0, blankLines: 0, records: [], lines: [], raws: keepRaw ? [] : undefined });

const formatLine = (line: number): string => line.toLocaleString('en-US');

/** Line breaks in `text`: CRLF, LF and CR each one (csv-parse's own count takes a CRLF inside quotes for two). */
function lineBreaksInBytes(text: Buffer): number {
  let breaks = 0;
  for (let i = text.indexOf(0x0d); i !== -1; i = text.indexOf(0x0d, i + 1)) breaks++;
  for (let i = text.indexOf(0x0a); i !== -1; i = text.indexOf(0x0a, i + 1)) if (i === 0 || text[i - 1] !== 0x0d) breaks++;
  return breaks;
}

/** A CSV syntax error as one line naming the line where the record it stopped in starts (and the text's last line). */
function csvSyntaxError(error: CsvError, name: string, recordStart: number, lastLineOfText: () => number, maxRecordSize: number): InputError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const lastLine = lastLineOfText();
      return new InputError(
        `${name}:${recordStart}: a quoted field in the record that starts here is never closed (the ${name === '<stdin>' ? 'input' : 'file'} ends inside it` +
          `${lastLine <= recordStart ? '' : `, at line ${formatLine(lastLine)}`}); add the missing closing quote`,
      );
    }
    case 'CSV_MAX_RECORD_SIZE':
      return new InputError(
        `${name}:${recordStart}: the record that starts here is over the record size limit (${sizeText(maxRecordSize)}); ` +
          'a quote left open makes one record of the lines after it; if the record is real, raise --max-record-size',
      );
    default:
      return new InputError(`${name}:${recordStart}: not valid CSV: ${error.message}`);
  }
}

/**
 * The records of a CSV text (UTF-8 chunks), a block per chunk. Ends with an InputError naming the
 * line at a syntax error; an error of the chunks themselves (a read error) goes through as it is.
 */
export async function* csvParseRecords(text: AsyncIterable<Buffer>, name: string, options: CsvReadOptions): AsyncGenerator<CsvBlock> {
  const parser = parseCsv(csvDialect(options));
  let failure: unknown;
  let closed = false;
  const close = new Promise<void>((resolve) => parser.once('close', resolve)).then(() => {
    closed = true;
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  let block = emptyBlock(options.keepRaw);
  let line = options.firstLine;
  let emptyLinesSeen = 0;
  let delivered = 0;
  /**
   * The line after the last record, the byte of the text after its line break, and the chunks
   * from there on (csv-parse hands a record over a few bytes late): the text after the last
   * record, kept only to count its lines when a quote is never closed.
   */
  let lineAfterRecord = line;
  let recordEnd = 0;
  const sinceRecord: Buffer[] = [];
  let sinceRecordStart = 0;
  /** Blank lines skipped since the last record: they come before the next one. */
  const skipped = (): number => {
    const blank = parser.info.empty_lines - emptyLinesSeen;
    emptyLinesSeen = parser.info.empty_lines;
    line += blank;
    return blank;
  };
  parser.on('data', (item: string[] | { record: string[]; raw: string }) => {
    block.blankLines += skipped();
    const record = options.keepRaw ? (item as { record: string[] }).record : (item as string[]);
    block.records.push(record);
    block.lines.push(line);
    // csv-parse's raw text of a record holds the blank lines skipped before it, and its line break.
    if (options.keepRaw) block.raws!.push((item as { raw: string }).raw.replace(/^[\r\n]+|[\r\n]+$/g, ''));
    line += linesSpanned(record);
    lineAfterRecord = line;
    recordEnd = parser.info.bytes;
    delivered++;
  });
  // The listener puts the parser in flowing mode on the next turn; from then on each record is
  // handed over as it is made, inside write().
  await new Promise((resolve) => setImmediate(resolve));
  /** The error that stopped the parser (set as soon as write() returns; the event comes later). */
  const stopped = (): InputError | undefined => {
    failure ??= parser.errored ?? undefined;
    if (failure === undefined) return undefined;
    if (failure instanceof CsvError) {
      const lastLine = (): number => {
        const tail = Buffer.concat(sinceRecord).subarray(recordEnd - sinceRecordStart);
        return lineAfterRecord + lineBreaksInBytes(tail) - (endsWithLineBreak ? 1 : 0);
      };
      return csvSyntaxError(failure, name, line + parser.info.empty_lines - emptyLinesSeen, lastLine, options.maxRecordSize);
    }
    throw failure;
  };
  let endsWithLineBreak = false;
  try {
    for await (const chunk of text) {
      if (chunk.length === 0) continue;
      parser.write(chunk);
      if (delivered !== parser.info.records) throw new Error(`internal: csv-parse handed over ${delivered} of ${parser.info.records} records as they were made`);
      sinceRecord.push(chunk);
      while (sinceRecord.length > 0 && sinceRecordStart + sinceRecord[0]!.length <= recordEnd) sinceRecordStart += sinceRecord.shift()!.length;
      endsWithLineBreak = chunk[chunk.length - 1] === 0x0a || chunk[chunk.length - 1] === 0x0d;
      const error = stopped();
      if (block.records.length > 0 || block.blankLines > 0) {
        yield block;
        block = emptyBlock(options.keepRaw);
      }
      if (error !== undefined) throw error;
    }
    parser.end();
    await close;
    const error = stopped();
    if (error !== undefined) {
      if (block.records.length > 0) yield block;
      throw error;
    }
    // csv-parse counts the end of a text that ends in a line break as one more empty line.
    block.blankLines += skipped() - (endsWithLineBreak ? 1 : 0);
    if (block.records.length > 0 || block.blankLines > 0) yield block;
  } finally {
    if (!closed) parser.destroy();
  }
}
