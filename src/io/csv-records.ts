import { formatCount } from '../count-text.js';
import { InputError } from '../errors.js';
import { CsvScanError, CsvScanner } from './csv-scanner.js';
import { splitIn, type Delimiter, type TextSplit } from './input-formats.js';
import { sizeText } from './read-limits.js';

/**
 * Splits CSV text into records, each with the line it starts on, as the text comes in: a block of
 * records per chunk. This knows quotes, delimiters, line endings and positions (io/csv-scanner.ts
 * splits the bytes); it knows nothing of tickets. Blank lines make no record and are counted,
 * so that every line of the file is accounted for.
 */

export interface CsvReadOptions {
  delimiter: Delimiter;
  /** The largest record, in bytes as written (its line break excluded): a larger one stops the read (a quote left open would make one record of the rest of the file). */
  maxRecordSize: number;
  /** Keep each record's text as written (for the rejects file; it costs time). */
  keepRaw: boolean;
  /** The line the text starts on: 1, or 2 after an Excel `sep=` line. */
  firstLine: number;
  /** The text starts inside a file, after a line break (a part read by another thread): a byte order mark there is text. */
  midText?: boolean;
  /** Where the text may end early (its later part read elsewhere). */
  split?: TextSplit | undefined;
}

/** The records made from one chunk of text. */
export interface CsvBlock {
  /** The bytes of text this block was split from. */
  bytes: number;
  /** Empty lines skipped since the previous block (no record is made of them). */
  blankLines: number;
  records: string[][];
  /** The line each record starts on. */
  lines: number[];
  /** Each record's text as written, without the line break that ends it (keepRaw only). */
  raws: string[] | undefined;
}

/** Line breaks inside a record's fields (quoted newlines), so that line numbers stay exact. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

/** How many lines a record runs over. */
export const linesSpanned = (record: readonly string[]): number => 1 + lineBreaksIn(record);

const emptyBlock = (keepRaw: boolean): CsvBlock => ({ bytes: 0, blankLines: 0, records: [], lines: [], raws: keepRaw ? [] : undefined });

const formatLine = formatCount;

/** A syntax error as one line naming the line where the record it stopped in starts (and the text's last line). */
function csvSyntaxError(error: CsvScanError, name: string, maxRecordSize: number): InputError {
  if (error.code === 'quote_not_closed') {
    return new InputError(
      `${name}:${error.line}: a quoted field in the record that starts here is never closed (the ${name === '<stdin>' ? 'input' : 'file'} ends inside it` +
        `${error.lastLine <= error.line ? '' : `, at line ${formatLine(error.lastLine)}`}); add the missing closing quote`,
    );
  }
  return new InputError(
    `${name}:${error.line}: the record that starts here is over the record size limit (${sizeText(maxRecordSize)}); ` +
      'a quote left open makes one record of the lines after it; if the record is real, raise --max-record-size',
  );
}

/**
 * The records of a CSV text (UTF-8 chunks), a block per chunk. Ends with an InputError naming the
 * line at a syntax error; an error of the chunks themselves (a read error) goes through as it is.
 */
export async function* csvRecords(text: AsyncIterable<Buffer>, name: string, options: CsvReadOptions): AsyncGenerator<CsvBlock> {
  let block = emptyBlock(options.keepRaw);
  const scanner = new CsvScanner(
    options.delimiter.charCodeAt(0),
    options.maxRecordSize,
    options.keepRaw,
    options.firstLine,
    {
      record(fields, line, raw) {
        block.records.push(fields);
        block.lines.push(line);
        if (raw !== undefined) block.raws!.push(raw);
      },
      blank(count) {
        block.blankLines += count;
      },
    },
    options.midText,
  );
  /** Splits with `split`, then yields the block: the records before a syntax error are yielded, then the error thrown. */
  function* step(split: () => void): Generator<CsvBlock> {
    let failure: InputError | undefined;
    try {
      split();
    } catch (error) {
      if (!(error instanceof CsvScanError)) throw error;
      failure = csvSyntaxError(error, name, options.maxRecordSize);
    }
    if (block.records.length > 0 || block.blankLines > 0) {
      yield block;
      block = emptyBlock(options.keepRaw);
    }
    if (failure !== undefined) throw failure;
  }
  const { split } = options;
  let offset = 0;
  for await (const chunk of text) {
    let rest = chunk;
    const cut = splitIn(split, offset, chunk.length);
    if (cut >= 0) {
      const before = chunk.subarray(0, cut);
      block.bytes += before.length;
      yield* step(() => scanner.write(before));
      if (await split!.end(scanner.betweenRecords(), scanner.nextLine)) break;
      rest = chunk.subarray(cut);
    }
    offset += chunk.length;
    block.bytes += rest.length;
    yield* step(() => scanner.write(rest));
  }
  yield* step(() => scanner.finish());
}
