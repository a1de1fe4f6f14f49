import { InputError } from '../errors.js';
import { detectDelimiter, headerLineEnded } from './csv-delimiter.js';
import { peek } from './decode-input.js';
import { delimiterFromFlag, type Delimiter, type InputFormat } from './input-formats.js';

/**
 * What an input's first bytes say about it: JSON, NDJSON or CSV; a CSV file's delimiter (from
 * Excel's `sep=` first line, else from its header line); read ahead only as far as that takes.
 */

/** JSON arrays start with `[`, NDJSON with `{`; anything else is read as CSV. Undefined: only white space so far. */
function sniffFormat(head: string): InputFormat | undefined {
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) return undefined;
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

/** No more than this is read ahead to find the header line's end (a one-line JSON file has none). */
const PEEK_LIMIT = 1 << 20;

/** Excel's first line naming the delimiter (`sep=;`), written before the header by "CSV (Macintosh)" and by many scripts for Excel. */
const SEP_LINE = /^(\uFEFF?)sep=(.)(\r\n|\n|\r)/i;

export interface SniffedInput {
  format: InputFormat;
  delimiter: Delimiter | undefined;
  /** How the delimiter was decided, for a CSV file. */
  delimiterFrom: 'option' | 'sep line' | 'detected' | null;
  /** An Excel `sep=` line starts the text: it is left out of the chunks (and is counted as a header line). */
  sepLine: boolean;
  /** The text, still from its first byte (from the header after a `sep=` line). */
  chunks: AsyncIterable<Buffer>;
}

/** The chunks without their first `count` bytes. */
async function* dropBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left === 0 ? chunk : chunk.subarray(left);
    left = 0;
  }
}

/**
 * Reads ahead as far as deciding needs: to the first character that is not white space when the
 * format is unknown, and to the end of a CSV's first line (its header, or Excel's `sep=` line).
 * `format` and `delimiter`: as given (by option or extension), else decided here.
 */
export async function sniffInput(name: string, chunks: AsyncIterable<Buffer>, format: InputFormat | undefined, delimiter: Delimiter | undefined): Promise<SniffedInput> {
  if (format !== undefined && format !== 'csv') return { format, delimiter, delimiterFrom: null, sepLine: false, chunks };
  const enough = (head: Buffer): boolean => {
    if (head.length >= PEEK_LIMIT) return true;
    const text = head.toString('utf8');
    const sniffed = format ?? sniffFormat(text);
    if (sniffed === undefined) return false;
    if (sniffed !== 'csv') return true;
    const sep = SEP_LINE.exec(text);
    return headerLineEnded(sep === null ? text : text.slice(sep[0].length));
  };
  const peeked = await peek(chunks, enough);
  let text = peeked.head.toString('utf8');
  const chosen = format ?? sniffFormat(text) ?? 'csv';
  if (chosen !== 'csv') return { format: chosen, delimiter, delimiterFrom: null, sepLine: false, chunks: peeked.chunks };
  const sep = SEP_LINE.exec(text);
  let rest = peeked.chunks;
  let declared: Delimiter | undefined;
  if (sep !== null) {
    declared = delimiterFromFlag(sep[2]!);
    if (declared === undefined) throw new InputError(`${name}:1: the sep= line names the delimiter ${JSON.stringify(sep[2])}, which is not one of , ; | or a tab`);
    rest = dropBytes(peeked.chunks, Buffer.byteLength(sep[0]));
    text = text.slice(sep[0].length);
  }
  if (delimiter !== undefined) return { format: chosen, delimiter, delimiterFrom: 'option', sepLine: sep !== null, chunks: rest };
  if (declared !== undefined) return { format: chosen, delimiter: declared, delimiterFrom: 'sep line', sepLine: true, chunks: rest };
  return { format: chosen, delimiter: detectDelimiter(text), delimiterFrom: 'detected', sepLine: false, chunks: rest };
}
