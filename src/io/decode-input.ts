import { formatCount } from '../count-text.js';
import { isUtf8 } from 'node:buffer';
import { Readable, type TransformOptions } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { InputError } from '../errors.js';
import type { InputEncoding } from './input-formats.js';
import { sizeText, type ExpansionLimit } from './read-limits.js';

/**
 * An input's bytes as checked UTF-8 text: gunzipped when they are gzip data, decoded from the
 * encoding given (--encoding), else the one a UTF-16 byte order mark names, else UTF-8. Decoding is
 * strict: a byte that is not valid in the encoding stops the read with its offset, never a silent
 * replacement character (Excel's "CSV" in a Western locale is Windows-1252, and reading it as UTF-8
 * would turn every "é" into "�" without a word).
 *
 * A NUL byte is an error too: no text export holds one, and it would reach the data unseen.
 *
 * UTF-8, by far the commonest case and the benchmarked one, is not decoded here: its chunks are
 * checked with `buffer.isUtf8` (native) and passed on untouched for the CSV scanner to split. Other
 * encodings are decoded with a fatal, streaming TextDecoder and passed on re-encoded as UTF-8.
 *
 * Gzip data may expand only so far (--max-expansion): a megabyte that inflates to a gigabyte of
 * blank lines would otherwise keep the readers busy for minutes with nothing to show.
 */

export const ENCODING_NAMES: Record<InputEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

export interface DecodedInput {
  /** The text as UTF-8 bytes (a UTF-8 byte order mark kept: the readers drop it). Ends in an InputError at the first invalid byte. */
  chunks: AsyncIterable<Buffer>;
  encoding: InputEncoding;
  /** How the encoding was decided. */
  encodingFrom: 'option' | 'byte order mark' | 'default';
  /** The bytes were gzip data (whatever the file's name). */
  compressed: boolean;
}

const BYTE_ORDER_MARKS: readonly { encoding: InputEncoding; bytes: Buffer }[] = [
  { encoding: 'utf-8', bytes: Buffer.from([0xef, 0xbb, 0xbf]) },
  { encoding: 'utf-16le', bytes: Buffer.from([0xff, 0xfe]) },
  { encoding: 'utf-16be', bytes: Buffer.from([0xfe, 0xff]) },
];

const isGzip = (start: Buffer): boolean => start[0] === 0x1f && start[1] === 0x8b;

/**
 * Decodes one input (`name` is how messages call it). Throws at once when its first bytes already
 * say it cannot be read. `expansion`: how far gzip data may expand (undefined: without limit).
 */
export async function decodeInput(
  source: AsyncIterable<Buffer>,
  name: string,
  encoding: InputEncoding | undefined,
  expansion: ExpansionLimit | undefined,
): Promise<DecodedInput> {
  let { head, chunks } = await peek(source, (bytes) => bytes.length >= 4);
  const compressed = isGzip(head);
  if (compressed) ({ head, chunks } = await peek(gunzip(chunks, name, expansion), (bytes) => bytes.length >= 4));
  const where = compressed ? ' (uncompressed)' : '';
  const marked = BYTE_ORDER_MARKS.find((bom) => head.subarray(0, bom.bytes.length).equals(bom.bytes))?.encoding;
  if (encoding !== undefined && marked !== undefined && marked !== encoding) {
    throw new InputError(
      `${name}: starts with the byte order mark of ${ENCODING_NAMES[marked]}, not ${ENCODING_NAMES[encoding]}; leave out --encoding ${encoding}`,
    );
  }
  if (encoding === undefined && marked === undefined && head.length >= 2 && (head[0] === 0 || head[1] === 0)) {
    // "id" in UTF-16 without a byte order mark is 69 00 64 00: valid UTF-8, and nonsense.
    throw new InputError(`${name}: starts with a NUL byte: it looks like UTF-16 without a byte order mark; try --encoding utf-16le (or utf-16be)`);
  }
  const chosen = encoding ?? marked ?? 'utf-8';
  const encodingFrom = encoding !== undefined ? 'option' : marked !== undefined ? 'byte order mark' : 'default';
  const hint =
    chosen === 'utf-8'
      ? 'if the file came from Excel, try --encoding windows-1252'
      : encodingFrom === 'option'
        ? `is it really ${ENCODING_NAMES[chosen]}? check --encoding`
        : 'the file may be damaged or cut short';
  const invalid = (offset: number, line: number): InputError =>
    new InputError(`${name}:${line}: byte ${offset}${where}: not valid ${ENCODING_NAMES[chosen]}; ${hint}`);
  const nul = (line: number, offset?: number): InputError =>
    new InputError(`${name}:${line}: ${offset === undefined ? '' : `byte ${offset}${where}: `}a NUL byte, which no text export holds; the file is binary or damaged`);
  return {
    chunks: chosen === 'utf-8' ? checkedUtf8(chunks, invalid, nul) : decodedToUtf8(chunks, chosen, invalid, nul),
    encoding: chosen,
    encodingFrom,
    compressed,
  };
}

/**
 * The bytes of a UTF-8 file from a line's start on (a later part read by another thread, see
 * reading/later-part.ts), checked as decodeInput checks UTF-8 text, without looking for a byte
 * order mark or gzip data there. Its errors count from the part's start: whoever reads the part
 * reads the file on from there itself when one comes, and says where it is in the file.
 */
export function checkedUtf8Part(source: AsyncIterable<Buffer>, name: string): AsyncIterable<Buffer> {
  return checkedUtf8(
    source,
    (offset, line) => new InputError(`${name}: part line ${line}: byte ${offset}: not valid UTF-8`),
    (line) => new InputError(`${name}: part line ${line}: a NUL byte`),
  );
}

/**
 * Reads chunks until `enough(head)` holds for the bytes read so far (or the input ends), and gives
 * back those bytes and every chunk from the first, as if nothing had been read. The chunks read
 * ahead are kept as copies: their source may read into the same buffers again (FileBytes).
 */
export async function peek(
  source: AsyncIterable<Buffer>,
  enough: (head: Buffer) => boolean,
): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (!done && !enough(head)) {
    const next = await iterator.next();
    done = next.done === true;
    if (!done) {
      seen.push(Buffer.from(next.value));
      head = seen.length === 1 ? seen[0]! : Buffer.concat(seen);
    }
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* seen;
      if (!done) for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (an error further on) closes the file.
      await iterator.return?.();
    }
  }
  return { head, chunks: replay() };
}

/** The one line a gzip bomb is refused with (exit 3). */
function overExpanded(name: string, limit: ExpansionLimit, output: number, input: number): InputError {
  return new InputError(
    `${name}: the gzip data expands more than ${formatCount(limit.ratio)}-fold (${sizeText(output)} of text from ${sizeText(input)} read), ` +
      'which no ticket export does; if the file is real, raise --max-expansion (none: no limit)',
  );
}

/**
 * The gunzipped chunks. With a limit, the text out is compared after each chunk with the
 * compressed bytes zlib has taken in (`bytesWritten`, not what the pipe has read ahead).
 */
async function* gunzip(source: AsyncIterable<Buffer>, name: string, limit: ExpansionLimit | undefined): AsyncGenerator<Buffer> {
  // How far ahead of the text read the gzip data is taken: 16 KiB on every Node (22 raised the
  // streams' default to 64 KiB), so that the expansion limit stops a small bomb early.
  const input = Readable.from(source, { highWaterMark: 1 });
  // zlib hands its options on to its Transform (@types/node's ZlibOptions leaves the stream's out).
  const streamOptions: TransformOptions = { highWaterMark: 16 * 1024 };
  const inflate = createGunzip(streamOptions as ZlibOptions);
  input.on('error', (error) => inflate.destroy(error));
  input.pipe(inflate);
  let output = 0;
  try {
    for await (const chunk of inflate) {
      output += (chunk as Buffer).length;
      if (limit !== undefined && output > limit.floor && output > limit.ratio * inflate.bytesWritten) throw overExpanded(name, limit, output, inflate.bytesWritten);
      yield chunk as Buffer;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new InputError(`${name}: not valid gzip data: ${(error as Error).message}`);
    throw error;
  } finally {
    input.destroy();
    inflate.destroy();
  }
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that the next chunk completes
 * (0–3): they are checked with that chunk, since `isUtf8` judges whole buffers.
 */
function cutCharacter(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead byte is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Where the first invalid UTF-8 sequence of `bytes` starts (the WHATWG decoder's rules: no
 * overlong forms, no surrogates, nothing above U+10FFFF; a sequence cut by the end is invalid), or
 * -1. Only run to place an error that `isUtf8` found.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let following: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) following = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      following = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      following = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= following; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += following + 1;
  }
  return -1;
}

/** Line feeds in `text` before index `end` (UTF-8 bytes, or decoded text). */
export function lineFeeds(text: Buffer | string, end = text.length): number {
  let count = 0;
  if (typeof text === 'string') {
    for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }
  // From one line feed to the next with indexOf while the lines are long, as an export's are (over
  // the 180 MB bench file in 64 KiB chunks, 47 ms against 82 for the loop below); four bytes at a
  // time once they are short on average: a gigabyte of blank lines made a billion indexOf calls (25 s).
  for (let at = text.indexOf(0x0a); at !== -1 && at < end; at = text.indexOf(0x0a, at + 1)) {
    count++;
    if (count % SHORT_LINES_AFTER === 0 && at < count * SHORT_LINE) return count + fourAtATime(text, at + 1, end);
  }
  return count;
}

/** After this many line feeds, and every this many again, lineFeeds checks how long the lines were. */
const SHORT_LINES_AFTER = 64;
/** Lines of fewer bytes than this on average are counted four bytes at a time. */
const SHORT_LINE = 32;

/** Line feeds in `bytes` from `from` to before `end`, four bytes at a time (a byte at a time took 125 ms over the bench file, this 55). */
function fourAtATime(text: Buffer, from: number, end: number): number {
  let count = 0;
  let i = from;
  for (; i < end && (text.byteOffset + i) % 4 !== 0; i++) if (text[i] === 0x0a) count++;
  const words = (end - i) >> 2; // 0 when the bytes end before a multiple of four
  const quads = words === 0 ? undefined : new Uint32Array(text.buffer, text.byteOffset + i, words);
  for (let w = 0; w < words; w++) {
    const x = quads![w]! ^ 0x0a0a0a0a; // a line feed is a zero byte of x
    // The high bit of each byte of x that is zero, and of no other (exact, no carry between bytes).
    const zeros = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
    if (zeros !== 0) {
      const pairs = (zeros >>> 7) + (zeros >>> 15); // the four 0-or-1 bytes summed in pairs...
      count += (pairs & 0xff) + ((pairs >>> 16) & 0xff); // ...and the pairs
    }
  }
  for (i += words * 4; i < end; i++) if (text[i] === 0x0a) count++;
  return count;
}

type InvalidAt = (offset: number, line: number) => InputError;
type NulAt = (line: number, offset?: number) => InputError;

/**
 * UTF-8 chunks passed on as they are once checked: valid UTF-8 and no NUL byte. Line feeds are
 * counted so that an error names the line (a CR-only file counts as one line).
 */
async function* checkedUtf8(source: AsyncIterable<Buffer>, invalid: InvalidAt, nul: NulAt): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined; // the start of a character cut by the last chunk's end
  let offset = 0; // of the first byte not yet checked
  let line = 1; // of that byte
  for await (const chunk of source) {
    const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    const cut = cutCharacter(bytes);
    const whole = cut === 0 ? bytes : bytes.subarray(0, bytes.length - cut);
    if (!isUtf8(whole)) {
      const at = Math.max(0, firstInvalidUtf8(whole));
      throw invalid(offset + at, line + lineFeeds(whole, at));
    }
    const zero = whole.indexOf(0);
    if (zero !== -1) throw nul(line + lineFeeds(whole, zero), offset + zero);
    offset += whole.length;
    line += lineFeeds(whole);
    carry = cut === 0 ? undefined : Buffer.from(bytes.subarray(bytes.length - cut));
    yield chunk;
  }
  if (carry !== undefined) throw invalid(offset, line); // the text ends inside a character
}

/**
 * Where the first invalid UTF-16 code unit of `bytes` starts (an unpaired surrogate, or an odd
 * byte or a lone high surrogate at the end), or -1. A low surrogate first is the second half of a
 * pair that was checked already.
 */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
  const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;
  let i = bytes.length >= 2 && isLow(unit(0)) ? 2 : 0;
  while (i < bytes.length) {
    if (i + 1 >= bytes.length) return i;
    const u = unit(i);
    if (isLow(u)) return i;
    if (isHigh(u)) {
      if (i + 3 >= bytes.length || !isLow(unit(i + 2))) return i;
      i += 4;
    } else {
      i += 2;
    }
  }
  return -1;
}

async function* decodedToUtf8(
  source: AsyncIterable<Buffer>,
  encoding: Exclude<InputEncoding, 'utf-8'>,
  invalid: InvalidAt,
  nul: NulAt,
): AsyncGenerator<Buffer> {
  // A byte order mark that names this encoding is dropped (TextDecoder's default).
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0; // of the chunk being decoded
  let previous = Buffer.alloc(0); // the last bytes before it: a character they start may end in it
  /** The file offset of the first invalid code unit in `bytes`, which start at offset `start` (`start` if it cannot be placed). */
  const place = (bytes: Buffer, start: number): number => {
    if (encoding === 'windows-1252') return start; // every byte is a character: it does not fail
    const skip = start % 2; // code units start at even offsets
    const at = firstInvalidUtf16(bytes.subarray(skip), encoding === 'utf-16le');
    return at < 0 ? start : start + skip + at;
  };
  let line = 1; // of the first character not yet passed on
  let unitsOut = 0; // code units passed on (UTF-16: each two bytes)
  let head = Buffer.alloc(0); // the first two bytes: a byte order mark the decoder drops?
  /** The text checked for NUL characters, its line feeds counted. */
  const checked = (text: string): string => {
    const zero = text.indexOf('\0');
    if (zero !== -1) throw nul(line + lineFeeds(text, zero));
    line += lineFeeds(text);
    unitsOut += text.length;
    return text;
  };
  for await (const chunk of source) {
    if (head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2 - head.length)]);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const bytes = Buffer.concat([previous, chunk]);
      const start = offset - previous.length;
      const at = place(bytes, start);
      // The line: the line feeds between what was passed on and the bad bytes, decoded leniently
      // from the first byte not passed on (a code unit's first byte: after the byte order mark and
      // the units decoded so far; the last chunk may have ended inside a unit).
      const marked = encoding !== 'windows-1252' && head.equals(encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]));
      const pending = Math.max(0, (marked ? 2 : 0) + 2 * unitsOut - start);
      const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(pending, Math.max(pending, at - start)));
      throw invalid(at, line + lineFeeds(before));
    }
    offset += chunk.length;
    previous = Buffer.from(chunk.length >= 4 ? chunk.subarray(-4) : Buffer.concat([previous, chunk]).subarray(-4));
    if (text !== '') yield Buffer.from(checked(text), 'utf8');
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    // Cut by the end of the file: an odd byte or a lone high surrogate.
    throw invalid(place(previous, offset - previous.length), line);
  }
  if (rest !== '') yield Buffer.from(checked(rest), 'utf8');
}
