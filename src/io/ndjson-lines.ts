import { InputError } from '../errors.js';
import { splitIn, type TextSplit } from './input-formats.js';
import type { JsonText } from './json-records.js';
import { jsonSyntaxError } from './json-syntax.js';
import { sizeText } from './read-limits.js';

/** NDJSON (JSON Lines) text split into its lines as the bytes come in; each line is one record. */

/** An NDJSON line's value, or what is wrong with it (a line that is not JSON costs that record only). */
export function parseLine(trimmed: string, leading: number): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(trimmed) };
  } catch (error) {
    const found = jsonSyntaxError(trimmed, 'the end of the line');
    return { problem: found === undefined ? `not valid JSON: ${(error as Error).message}` : `not valid JSON at column ${leading + found.at + 1}: ${found.problem}` };
  }
}

/** The lines that the chunks since the last block ended, and those chunks' bytes. */
export interface NdjsonBlock {
  lines: JsonText[];
  bytes: number;
}

export interface NdjsonReadOptions {
  /** The longest line, in bytes (its line break excluded). */
  maxRecordSize: number;
  /** The text starts inside a file, after a line break (a part read by another thread): a byte order mark there is text. */
  midText?: boolean;
  /** Where the text may end early (its later part read elsewhere); a line start is always between two records. */
  split?: TextSplit | undefined;
}

/**
 * An NDJSON file's lines, a block per chunk. Lines end in LF, CRLF or CR; a line is held only
 * until it ends, and no longer than maxRecordSize bytes (a file without line breaks cannot fill
 * the memory). A byte order mark before the first line is dropped.
 */
export async function* ndjsonLines(chunks: AsyncIterable<Buffer>, name: string, options: NdjsonReadOptions): AsyncGenerator<NdjsonBlock> {
  const { maxRecordSize, split } = options;
  let line = 0;
  let lines: JsonText[] = [];
  // The bytes of the chunks since the last block.
  let bytes = 0;
  const push = (text: string): void => {
    line++;
    lines.push({ text: line === 1 && options.midText !== true && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, position: line, start: { line, column: 1 } });
  };
  const tooLong = (): InputError =>
    new InputError(`${name}:${line + 1}: the record starting here is over the record size limit (${sizeText(maxRecordSize)}); raise --max-record-size if it is real`);
  // The current line's bytes from earlier chunks.
  let pieces: Buffer[] = [];
  let pending = 0;
  // The last chunk ended in CR: an LF starting the next one ends the same line.
  let afterCr = false;
  /** The lines `chunk` ends, onto `lines`; the bytes after its last line break kept for the next. */
  const scan = (chunk: Buffer): void => {
    const n = chunk.length;
    bytes += n;
    let pos = 0;
    if (n > 0 && afterCr) {
      afterCr = false;
      if (chunk[0] === 0x0a) pos = 1;
    }
    let cr = chunk.indexOf(0x0d, pos);
    while (pos < n) {
      const lf = chunk.indexOf(0x0a, pos);
      if (cr !== -1 && cr < pos) cr = chunk.indexOf(0x0d, pos);
      const end = lf === -1 ? cr : cr === -1 || lf < cr ? lf : cr;
      if (end === -1) {
        pending += n - pos;
        if (pending > maxRecordSize) throw tooLong();
        // A copy: a stream may reuse its buffers.
        pieces.push(Buffer.from(chunk.subarray(pos)));
        break;
      }
      const size = pending + end - pos;
      if (size > maxRecordSize) throw tooLong();
      if (pieces.length === 0) {
        push(chunk.toString('utf8', pos, end));
      } else {
        pieces.push(chunk.subarray(pos, end));
        push(Buffer.concat(pieces, size).toString('utf8'));
        pieces = [];
        pending = 0;
      }
      pos = end + 1;
      if (chunk[end] === 0x0d) {
        if (pos < n) {
          if (chunk[pos] === 0x0a) pos++;
        } else {
          afterCr = true;
        }
      }
    }
  };
  /** The lines so far, as a block. */
  const block = (): NdjsonBlock => {
    const done = { lines, bytes };
    lines = [];
    bytes = 0;
    return done;
  };
  let offset = 0;
  for await (const chunk of chunks) {
    let rest = chunk;
    const cut = splitIn(split, offset, chunk.length);
    if (cut >= 0) {
      scan(chunk.subarray(0, cut));
      if (lines.length > 0) yield block();
      if (await split!.end(pieces.length === 0 && !afterCr, line + 1)) return;
      rest = chunk.subarray(cut);
    }
    offset += chunk.length;
    scan(rest);
    if (lines.length > 0) yield block();
  }
  if (pieces.length > 0) push(Buffer.concat(pieces, pending).toString('utf8'));
  if (lines.length > 0) yield block();
}
