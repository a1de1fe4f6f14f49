import { InputError } from '../errors.js';
import { syntaxError, type Position } from './json-syntax.js';
import { splitIn, type TextSplit } from './input-formats.js';
import { pageSizeLimit, sizeText } from './read-limits.js';

/**
 * JSON and NDJSON text split into records as the bytes come in: memory is bounded by the largest
 * record, not by the file. This knows brackets, strings, line breaks and positions; it knows
 * nothing of tickets.
 *
 * A top-level array is split into its elements by a byte scanner that only tracks strings, escapes
 * and bracket nesting; each element's text is then parsed by JSON.parse, in order, as the reader
 * asks for it (parseElement). On a 300,000-ticket array (128 MB) that reads in 2.5 s and 190 MiB
 * where one JSON.parse of the whole file took 3.0 s and 520 MiB; a streaming parser written in
 * JavaScript (@streamparser/json) took 3.4 s for the parse alone. A document that is no array (an
 * API page, `{"tickets": [...]}`) is read whole, up to pageSizeLimit(), and handed over parsed.
 */

/** One array element or NDJSON line, not parsed yet. */
export interface JsonText {
  text: string;
  /** Array: the record's number (1-based); NDJSON: its line. */
  position: number;
  /** Where it starts in the file. */
  start: Position;
}

export type JsonBlock =
  /** The elements of an array that one chunk (of `bytes`) ends, each found as it is asked for. */
  | { kind: 'elements'; items: Iterable<JsonText>; bytes: number }
  /** The whole document, when it is no array: parsed, with its text and where it starts. */
  | { kind: 'document'; value: unknown; text: string; start: Position };

/** The array element's value; a syntax error is an InputError naming its line and column. */
export function parseElement(name: string, item: JsonText): unknown {
  try {
    return JSON.parse(item.text);
  } catch (error) {
    throw syntaxError(name, item.text, item.start, 'the end of the record', error);
  }
}

/**
 * How deep a record may nest (objects and arrays inside each other). A ticket is a few levels
 * deep; a record nested thousands deep is an attack or a broken export, and would overflow the
 * stack of anything that walks it (writing it out, quoting it in a message).
 */
export const MAX_NESTING = 64;

/**
 * Whether a parsed JSON value nests deeper than `limit` levels (an object or list is one level, what
 * it holds one more); stops as soon as it knows. It recurses at most `limit` calls deep, however
 * deep the value: a list walked by index, an object's own keys by for-in (a queue of values and
 * depths allocated per record took ~0.5 µs a ticket, this ~0.15).
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  return typeof value === 'object' && value !== null && (limit < 1 || holdsDeeper(value, limit - 1));
}

/** Whether `container` holds an object or list more than `left` levels below it. */
function holdsDeeper(container: object, left: number): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      const child: unknown = container[i];
      if (typeof child === 'object' && child !== null && (left === 0 || holdsDeeper(child, left - 1))) return true;
    }
    return false;
  }
  for (const key in container) {
    const child = (container as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && (left === 0 || holdsDeeper(child, left - 1))) return true;
  }
  return false;
}

// What the array splitter is reading.
const START = 0; // white space before the document (and a byte order mark)
const FIRST = 1; // after `[`: white space, `]` or the first element
const NEXT = 2; // after `,`: white space, then an element
const AFTER = 3; // after an element: white space, then `,` or `]`
const DONE = 4; // after the closing `]`: white space only
const NOT_ARRAY = 5; // the document is no array: read whole by the caller
const CONTAINER = 6; // in an object or array element, outside strings
const STRING = 7; // in a string inside an element (or an element that is a string)
const PRIMITIVE = 8; // in an element that is a number, true, false or null

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Splits a top-level JSON array into its elements' texts as its bytes come in. It tracks only what
 * finds an element's end (strings, escapes, bracket nesting) and the punctuation between elements;
 * what is inside an element JSON.parse checks. Working on bytes is safe: every byte of a
 * multi-byte UTF-8 character is >= 0x80, never `"`, `\`, a bracket or a line break. An element is
 * held (in pieces, across chunks) only until it ends, and no longer than maxRecordSize bytes.
 */
class JsonArraySplitter {
  private state = START;
  /** The scan's line, the byte offset (in the whole input) where that line starts, and the offset of the chunk being read. */
  private line = 1;
  private lineStart = 0;
  private base = 0;
  /**
   * How many more bytes than UTF-16 code units the elements since lineStart took (their multi-byte
   * characters): columns count code units. Between elements there is only ASCII.
   */
  private lineWide = 0;
  private record = 0;
  private depth = 0;
  /** The closing bracket each open bracket of the current element expects. */
  private closers = new Uint8Array(64);
  /** Bytes at the start of the next chunk that an escape at the end of this one covers. */
  private skip = 0;
  /** The current element's bytes from earlier chunks. */
  private pieces: Buffer[] = [];
  private pending = 0;
  private startLine = 1;
  private startColumn = 1;
  /** The chunk being read, where its current element starts (-1: between elements), and the element that just ended. */
  private chunk: Buffer = Buffer.alloc(0);
  private from = -1;
  /** Where the scan of the chunk is. */
  private at = 0;
  private ended: JsonText | undefined;
  /** Where (in the whole input) the current or last element starts, and where the last one ended. */
  private startOffset = -1;
  private endOffset = -1;

  /** `midArray`: the input starts inside an array, after a comma (a part read by another thread): an element comes first. */
  constructor(
    private readonly name: string,
    private readonly maxRecordSize: number,
    midArray = false,
  ) {
    if (midArray) this.state = NEXT;
  }

  /** All the bytes so far are between two elements of the array, after the comma: the next element starts at the next byte that is not white space. */
  get betweenElements(): boolean {
    return this.state === NEXT;
  }

  /** The number the next element will have. */
  get nextRecord(): number {
    return this.record + 1;
  }

  /** Where the element last handed over starts and ends, in bytes of the whole input. */
  get lastSpan(): { start: number; end: number } {
    return { start: this.startOffset, end: this.endOffset };
  }

  /** The position of the byte at `at` in the chunk being read (not inside an element). */
  positionInChunk(at: number): Position {
    return this.position(this.base + at);
  }

  /** The position of a byte (offset in the whole input) that is not inside an element. */
  private position(offset: number): Position {
    return { line: this.line, column: offset - this.lineStart - this.lineWide + 1 };
  }

  private invalid(offset: number, problem: string): InputError {
    const { line, column } = this.position(offset);
    return new InputError(`${this.name}:${line}:${column}: not valid JSON: ${problem}`);
  }

  private found(i: number): string {
    const c = this.chunk[i]!;
    return c < 0x80 ? JSON.stringify(String.fromCharCode(c)) : 'a character that is not ASCII';
  }

  private tooLarge(): InputError {
    return new InputError(
      `${this.name}:${this.startLine}:${this.startColumn}: record ${this.record}, which starts here, is over the record size limit (${sizeText(this.maxRecordSize)}); raise --max-record-size if it is real`,
    );
  }

  /** Starts reading the next chunk; `next()` then hands over the elements it ends, one at a time. */
  feed(chunk: Buffer): void {
    this.chunk = chunk;
    this.from = this.state >= CONTAINER ? 0 : -1;
    this.at = this.skip;
    this.skip = 0;
  }

  /**
   * The next element the chunk ends, as soon as it ends, before the scan goes on (so that a record
   * is dealt with before anything after it is looked at); `undefined` at the chunk's end; or, when
   * the document turns out to be no array, the offset in this chunk where it starts.
   */
  next(): JsonText | { notArrayAt: number } | undefined {
    const n = this.chunk.length;
    let i = this.at;
    while (i < n) {
      if (this.state === STRING) i = this.inString(i);
      else if (this.state === CONTAINER) i = this.inContainer(i);
      else if (this.state === PRIMITIVE) i = this.inPrimitive(i);
      else {
        i = this.between(i);
        if (this.state === NOT_ARRAY) return { notArrayAt: i };
      }
      const ended = this.ended;
      if (ended !== undefined) {
        this.ended = undefined;
        this.at = i;
        return ended;
      }
    }
    this.at = i;
    this.endChunk();
    return undefined;
  }

  /** The chunk is read: an element that goes on keeps its bytes so far. */
  private endChunk(): void {
    const n = this.chunk.length;
    if (this.at > n) this.skip = this.at - n;
    if (this.from >= 0) {
      // The element goes on in the next chunk. A copy: a stream may reuse its buffers.
      this.pending += n - this.from;
      if (this.pending > this.maxRecordSize) throw this.tooLarge();
      this.pieces.push(Buffer.from(this.chunk.subarray(this.from)));
    }
    this.base += n;
  }

  /** In a string: most of a ticket is strings, so this loop is the hot one. */
  private inString(start: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let i = start;
    let c = 0;
    while (i < n) {
      c = chunk[i]!;
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      i++;
    }
    if (i >= n) return i;
    i++;
    // An escape: the escaped character is skipped (in the next chunk when this one ends here: see skip).
    if (c === 0x5c) return i + 1;
    // A control character (a line break) cannot be in a JSON string: the element ends here, and JSON.parse says where.
    if (c !== 0x22 || this.depth === 0) this.endElement(i);
    else this.state = CONTAINER;
    return i;
  }

  /** In an object or array element, outside strings: brackets, and line breaks for positions. */
  private inContainer(start: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let closers = this.closers;
    let depth = this.depth;
    let i = start;
    while (i < n) {
      const c = chunk[i++]!;
      if (c === 0x22) {
        this.state = STRING;
        break;
      } else if (c === 0x7b || c === 0x5b) {
        if (depth === closers.length) {
          const wider = new Uint8Array(depth * 2);
          wider.set(closers);
          this.closers = closers = wider;
        }
        closers[depth++] = c + 2; // } is { + 2, ] is [ + 2
      } else if (c === 0x7d || c === 0x5d) {
        // A bracket that closes none that is open ends the element too: JSON.parse then says where.
        if (c !== closers[--depth] || depth === 0) {
          depth = 0;
          this.depth = 0;
          this.endElement(i);
          return i;
        }
      } else if (c === 0x0a) {
        this.line++;
        this.lineStart = this.base + i;
      }
    }
    this.depth = depth;
    return i;
  }

  /** In a number, true, false or null. */
  private inPrimitive(start: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let i = start;
    while (i < n) {
      const c = chunk[i]!;
      if (isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) break;
      i++;
    }
    if (i < n) this.endElement(i);
    return i;
  }

  /** Between elements (and before and after the array): white space, punctuation, or an element's start. */
  private between(i: number): number {
    const c = this.chunk[i]!;
    if (c === 0x0a) {
      this.line++;
      this.lineStart = this.base + i + 1;
      this.lineWide = 0;
      return i + 1;
    }
    if (isSpace(c)) return i + 1;
    switch (this.state) {
      case START:
        return this.atStart(i, c);
      case AFTER:
        if (c === 0x2c) this.state = NEXT;
        else if (c === 0x5d) this.state = DONE;
        else throw this.invalid(this.base + i, `expected ',' or ']' after record ${this.record}, found ${this.found(i)}`);
        return i + 1;
      case DONE:
        throw this.invalid(this.base + i, `text after the end of the array: ${this.found(i)}`);
    }
    if (c === 0x5d && this.state === FIRST) {
      this.state = DONE;
      return i + 1;
    }
    if (c === 0x5d || c === 0x2c || c === 0x7d || c === 0x3a) {
      throw this.invalid(this.base + i, `expected a record${this.state === NEXT ? " after ','" : ''}, found ${this.found(i)}`);
    }
    return this.startElement(i, c);
  }

  /** Before the document: a byte order mark, then `[`, or the document is no array. */
  private atStart(i: number, c: number): number {
    const offset = this.base + i;
    if (offset < 3 && c === BYTE_ORDER_MARK[offset]) {
      // A byte order mark: no column of its own.
      this.lineStart = offset + 1;
      return i + 1;
    }
    if (c !== 0x5b) {
      this.state = NOT_ARRAY;
      return i;
    }
    this.state = FIRST;
    return i + 1;
  }

  private startElement(i: number, c: number): number {
    this.record++;
    const { line, column } = this.position(this.base + i);
    this.startLine = line;
    this.startColumn = column;
    this.from = i;
    this.startOffset = this.base + i;
    if (c === 0x7b || c === 0x5b) {
      this.closers[0] = c + 2;
      this.depth = 1;
      this.state = CONTAINER;
      return i + 1;
    }
    if (c === 0x22) {
      this.depth = 0;
      this.state = STRING;
      return i + 1;
    }
    this.state = PRIMITIVE;
    return i;
  }

  /** The current element ends before offset `to` of the chunk. */
  private endElement(to: number): void {
    const chunk = this.chunk;
    const from = this.from;
    const size = this.pending + to - from;
    if (size > this.maxRecordSize) throw this.tooLarge();
    let text: string;
    if (this.pieces.length === 0) {
      text = chunk.toString('utf8', from, to);
    } else {
      this.pieces.push(chunk.subarray(from, to));
      text = Buffer.concat(this.pieces, size).toString('utf8');
      this.pieces = [];
      this.pending = 0;
    }
    if (this.line === this.startLine) this.lineWide += size - text.length;
    else this.lineWide = this.base + to - this.lineStart - (text.length - text.lastIndexOf('\n') - 1);
    this.ended = { text, position: this.record, start: { line: this.startLine, column: this.startColumn } };
    this.endOffset = this.base + to;
    this.state = AFTER;
    this.from = -1;
  }

  /** The input has ended: an error unless the array was closed. */
  end(): void {
    const state = this.state;
    if (state === DONE) return;
    if (state === START) throw new InputError(`${this.name}: is empty (expected a JSON array of ticket objects)`);
    if (state >= CONTAINER) {
      throw new InputError(
        `${this.name}:${this.startLine}:${this.startColumn}: not valid JSON: record ${this.record}, which starts here, is not closed before the file ends (is the file cut short?)`,
      );
    }
    throw this.invalid(this.base, "the file ends before the array's closing ]");
  }
}

/** Where, from `i`, the value of an object member ends in `bytes` (after the name: white space, `:`, a string, number or literal); -1: not such a value. */
function afterScalarMember(bytes: Buffer, i: number): number {
  while (isSpace(bytes[i]!)) i++;
  if (bytes[i] !== 0x3a) return -1;
  i++;
  while (isSpace(bytes[i]!)) i++;
  const c = bytes[i];
  if (c === undefined || c === 0x7b || c === 0x5b) return -1;
  if (c === 0x22) {
    for (i++; i < bytes.length; i++) {
      if (bytes[i] === 0x5c) i++;
      else if (bytes[i] === 0x22) return i + 1;
    }
    return -1;
  }
  while (i < bytes.length && !isSpace(bytes[i]!) && bytes[i] !== 0x2c && bytes[i] !== 0x7d) i++;
  return i < bytes.length ? i : -1;
}

/** The name at `i` in `bytes` (its quotes included), when it has no escape; else undefined. */
function nameAt(bytes: Buffer, i: number): Buffer | undefined {
  const close = bytes.indexOf(0x22, i + 1);
  if (bytes[i] !== 0x22 || close < 0 || bytes.subarray(i, close).includes(0x5c)) return undefined;
  return bytes.subarray(i, close + 1);
}

/**
 * How an element of the JSON array that `head` (a file's first bytes) starts is found later in the
 * file: the bytes from its first element's closing brace to the end of the second's first name
 * (`},\n  {"id"`), where in them the second element starts, and, when that name's value is a
 * string, number or literal, the name that follows it (`"number"`): a list of objects inside an
 * element, whose objects often start with the same name, seldom has the same second one. Undefined
 * unless the first two elements are objects within `head`. A reader that starts where these are
 * found is checked by the one that reads up to there, which must find itself between two elements.
 */
export function elementStart(head: Buffer): { bytes: Buffer; start: number; second: Buffer | undefined } | undefined {
  const splitter = new JsonArraySplitter('', head.length);
  try {
    splitter.feed(head);
    const first = splitter.next();
    if (first === undefined || 'notArrayAt' in first) return undefined;
    const { end } = splitter.lastSpan;
    const second = splitter.next();
    if (second === undefined || 'notArrayAt' in second) return undefined;
    const { start } = splitter.lastSpan;
    if (head[end - 1] !== 0x7d || head[start] !== 0x7b) return undefined;
    let i = start + 1;
    while (isSpace(head[i]!)) i++;
    const name = nameAt(head, i);
    if (name === undefined) return undefined;
    const bytes = Buffer.from(head.subarray(end - 1, i + name.length));
    return { bytes, start: start - (end - 1), second: secondName(head, i + name.length) };
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** The name after the member whose value starts after `i` (a string, number or literal), or undefined. */
function secondName(bytes: Buffer, i: number): Buffer | undefined {
  let at = afterScalarMember(bytes, i);
  if (at < 0) return undefined;
  while (isSpace(bytes[at]!)) at++;
  if (bytes[at] !== 0x2c) return undefined;
  at++;
  while (isSpace(bytes[at]!)) at++;
  const name = nameAt(bytes, at);
  return name === undefined ? undefined : Buffer.from(name);
}

/** Where in `window` an element starts as `start` describes (see elementStart); -1: nowhere. */
export function findElementStart(window: Buffer, start: NonNullable<ReturnType<typeof elementStart>>): number {
  for (let found = window.indexOf(start.bytes); found >= 0; found = window.indexOf(start.bytes, found + 1)) {
    const second = start.second === undefined ? undefined : secondName(window, found + start.bytes.length);
    if (start.second === undefined || second?.equals(start.second) === true) return found + start.start;
  }
  return -1;
}

/** The document that is no array, read whole from `start` (of the first chunk) up to the page size limit, and parsed. */
async function* wholeDocument(
  first: Buffer,
  rest: AsyncIterator<Buffer>,
  name: string,
  start: Position,
  maxRecordSize: number,
): AsyncGenerator<JsonBlock> {
  const limit = pageSizeLimit(maxRecordSize);
  const capped = limit < maxRecordSize * 16;
  const document: Buffer[] = [];
  let size = 0;
  for (let chunk: Buffer | undefined = first; chunk !== undefined; ) {
    size += chunk.length;
    if (size > limit) {
      throw new InputError(
        `${name}:${start.line}:${start.column}: the JSON document is not an array, so it is read whole, and it is over ${sizeText(limit)} ` +
          `(${capped ? 'the most a string can safely hold' : '16 times the record size limit'}); ` +
          `${capped ? '' : 'raise --max-record-size if it is real, or '}give the tickets as a JSON array or NDJSON`,
      );
    }
    document.push(Buffer.from(chunk));
    const next = await rest.next();
    chunk = next.done === true ? undefined : next.value;
  }
  const text = Buffer.concat(document, size).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw syntaxError(name, text, start, 'the end of the file', error);
  }
  yield { kind: 'document', value, text, start };
}

export interface JsonReadOptions {
  /** The largest element, in bytes. */
  maxRecordSize: number;
  /** The text starts inside the array, at an element after a comma (a part read by another thread). */
  midArray?: boolean;
  /** Where the text may end early (its later part read elsewhere): between two elements of the array, after the comma. */
  split?: TextSplit | undefined;
}

/** The pieces still to read, then the rest of `iterator`'s chunks. */
async function* thenRest(pieces: Buffer[], iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* pieces;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
}

/** A JSON file's records: the elements of its top-level array, a block per chunk; or its whole document when it is no array. */
export async function* jsonRecords(chunks: AsyncIterable<Buffer>, name: string, options: JsonReadOptions): AsyncGenerator<JsonBlock> {
  const { maxRecordSize, split } = options;
  const splitter = new JsonArraySplitter(name, maxRecordSize, options.midArray === true);
  const iterator = chunks[Symbol.asyncIterator]();
  let offset = 0;
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const chunk = next.value;
      // The chunk in two pieces when the text may end early inside it.
      const cut = splitIn(split, offset, chunk.length);
      offset += chunk.length;
      const pieces = cut < 0 ? [chunk] : [chunk.subarray(0, cut), chunk.subarray(cut)];
      for (let p = 0; p < pieces.length; p++) {
        if (p === 1 && (await split!.end(splitter.betweenElements, splitter.nextRecord))) return;
        const piece = pieces[p]!;
        splitter.feed(piece);
        let notArray: { notArrayAt: number } | undefined;
        // The consumer takes the elements one by one, each scanned for as it is asked for.
        const items = (function* (): Generator<JsonText> {
          for (let item = splitter.next(); item !== undefined; item = splitter.next()) {
            if ('notArrayAt' in item) {
              notArray = item;
              return;
            }
            yield item;
          }
        })();
        yield { kind: 'elements', items, bytes: piece.length };
        // Elements the consumer did not take are still scanned (the splitter's state must reach the piece's end).
        for (let rest = items.next(); rest.done !== true; rest = items.next());
        if (notArray === undefined) continue;
        const at = (notArray as { notArrayAt: number }).notArrayAt;
        yield* wholeDocument(piece.subarray(at), thenRest(pieces.slice(p + 1), iterator), name, splitter.positionInChunk(at), maxRecordSize);
        return;
      }
    }
    splitter.end();
  } finally {
    await iterator.return?.();
  }
}
