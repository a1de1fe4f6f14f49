import type { Readable } from 'node:stream';
import { InputError, UsageError } from '../errors.js';
import { canonicalFieldOf, FIELD_INDEX, IDENTIFIER_FIELDS, TICKET_FIELDS, type TicketField } from '../schema/fields.js';
import type { FieldProblem } from '../schema/validate.js';
import { fieldColumns, recordMapper, TIMESTAMP_FIELDS, type Dialect, type FieldColumns } from '../dialect/dialect.js';
import { cellText, valueAt } from '../dialect/json-fields.js';
import { PRESETS, presetsMatchingKeys } from '../presets/index.js';
import type { ColumnReading, FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { describeColumns, IDENTITY_COLUMNS, ValueCounter } from './columns.js';
import { DEFAULT_MAX_RECORD_SIZE, pageSizeLimit, sizeText, type ReadOptions } from './read-options.js';
import { systemReason } from './system-error.js';

/**
 * Reads JSON arrays (and API pages a preset knows) and NDJSON files into the Ingest, as a stream:
 * memory is bounded by the largest record (ReadOptions.maxRecordSize), not by the file.
 *
 * A top-level array is split into its elements by a byte scanner that only tracks strings, escapes
 * and bracket nesting; each element's text then goes to JSON.parse. On a 300,000-ticket array
 * (128 MB) that reads in 2.5 s and 190 MiB where one JSON.parse of the whole file took 3.0 s and
 * 520 MiB; a streaming parser written in JavaScript (@streamparser/json) took 3.4 s for the parse
 * alone. The scanner also gives each record's raw text (for the rejects file) and where it starts
 * (for errors) for free. A top-level object, an API page a preset knows ({"tickets": [...]}), is
 * read whole, up to pageSizeLimit() (16 times the record size limit): pages are small, and the
 * preset's `records` needs all of it (Zendesk joins its metric sets to their tickets).
 */


/**
 * A stream's chunks as bytes. An error in reading them becomes an InputError ("cannot read"); an
 * error thrown while a chunk is handled is not caught here, so a bug stays a bug.
 */
async function* chunksOf(stream: Readable, name: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
}

const IDENTIFIER_INDEXES = IDENTIFIER_FIELDS.map((field) => FIELD_INDEX[field]);

/** A JSON number that JSON.parse could not hold exactly: an integer beyond 2^53 (a 20-digit id loses its last digits). */
const isInexactInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);

/** The number literals of a JSON text that are inexact integers, by the value JSON.parse made of them (strings skipped). */
function inexactLiterals(text: string): Map<number, string> {
  const literals = new Map<number, string>();
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    if (token.charCodeAt(0) === 0x22) continue;
    const value = Number(token);
    if (isInexactInteger(value) && !literals.has(value)) literals.set(value, token);
  }
  return literals;
}

/** How many of a file's keys alignObject remembers the field of (a file whose keys never repeat cannot grow the map without end). */
const KEYS_REMEMBERED = 1000;

/**
 * Aligns a JSON object's keys to canonical field positions (keys matched like CSV headers), and
 * marks the fields present. `fieldOfKey` remembers each key's field index (-1: none): the same keys
 * come in every object, and matching them anew each time took a tenth of the read. Returns the two
 * keys when two of them name the same field (`"Id"` and `"id"`, `" id"`): which one holds the
 * ticket's id is not for the reader to guess, as a CSV header naming a field twice is refused.
 */
function alignObject(object: Record<string, unknown>, values: unknown[], fieldOfKey: Map<string, number>, present: Uint8Array, keyOfField: (string | undefined)[]): [string, string] | undefined {
  values.fill(undefined);
  keyOfField.fill(undefined);
  for (const key of Object.keys(object)) {
    let f = fieldOfKey.get(key);
    if (f === undefined) {
      const field = canonicalFieldOf(key);
      f = field === undefined ? -1 : FIELD_INDEX[field];
      if (fieldOfKey.size < KEYS_REMEMBERED) fieldOfKey.set(key, f);
    }
    if (f < 0) continue;
    const earlier = keyOfField[f];
    if (earlier !== undefined) return [earlier, key];
    keyOfField[f] = key;
    values[f] = object[key];
    present[f] = 1;
  }
  return undefined;
}

/**
 * How deep a record may nest (objects and arrays inside each other). A ticket is a few levels
 * deep; a record nested thousands deep is an attack or a broken export, and would overflow the
 * stack of anything that walks it (writing it out, quoting it in a message): it is rejected.
 */
export const MAX_NESTING = 64;

/** Whether a parsed JSON value nests deeper than `limit` levels; walks it without recursion, and stops as soon as it knows. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const key in current) {
      const child = (current as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON file's keys in first-seen order, with their blank values (null, "", or absent), for inspect. */
class KeyCounter {
  private readonly keys = new Map<string, { present: number; blank: number }>();
  private objects = 0;

  add(object: Record<string, unknown>): void {
    this.objects++;
    for (const [key, value] of Object.entries(object)) {
      let seen = this.keys.get(key);
      if (seen === undefined) this.keys.set(key, (seen = { present: 0, blank: 0 }));
      seen.present++;
      if (value === null || (typeof value === 'string' && value.trim() === '')) seen.blank++;
    }
  }

  columns(): ColumnReading[] {
    return [...this.keys].map(([key, seen]) => {
      const field = canonicalFieldOf(key) ?? null;
      return { header: key, field, as: field === null ? null : 'value', blank: seen.blank + this.objects - seen.present, sentinel: 0, rejected: 0 };
    });
  }
}

/** A JSON file's understanding once read: its keys (when counted) and its timestamp fields, read as ISO 8601. */
function describeJson(understood: FileUnderstanding, present: Set<TicketField>, keys: KeyCounter | undefined): void {
  if (keys !== undefined) understood.columns = keys.columns();
  understood.dateFormats = TIMESTAMP_FIELDS.filter((f) => present.has(f)).map((field) => ({
    field,
    header: understood.columns.find((c) => c.field === field)?.header ?? field,
    format: 'iso',
    from: 'default',
  }));
}

/**
 * Reads the objects of one JSON or NDJSON file: with a JSON preset (asked for, or recognised from
 * the first object's keys) each object becomes a row of its key paths' values and goes through the
 * preset's record mapper like a CSV row; else its keys are the canonical field names.
 */
function jsonObjectReader(name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions) {
  const countValues = options.countValues === true;
  const values = new Array<unknown>(TICKET_FIELDS.length);
  const keyOfField = new Array<string | undefined>(TICKET_FIELDS.length);
  const present = new Uint8Array(TICKET_FIELDS.length);
  const fieldOfKey = new Map<string, number>();
  const keys = countValues ? new KeyCounter() : undefined;
  let preset:
    | { dialect: Dialect; labels: string[]; identifiers: (TicketField | undefined)[]; mapper: ReturnType<typeof recordMapper>; columns: FieldColumns }
    | undefined;
  let counter: ValueCounter | undefined;
  const keysSeen = new Set<string>();
  let decided = false;
  // The digits of inexact numbers, found again in the text they were parsed from (a page's, once).
  let literals: { text: string; of: Map<number, string> } | undefined;

  /** An identifier JSON.parse rounded: rejected, quoting the digits as written. */
  const inexact = (field: TicketField, value: number, source: string, key?: string): FieldProblem => {
    if (literals?.text !== source) literals = { text: source, of: inexactLiterals(source) };
    const written = literals.of.get(value) ?? String(value);
    const where = key === undefined || key === field ? '' : ` (${key})`;
    return { field, code: 'invalid_value', message: `${written}${where} is too large for a JSON number to hold exactly; export ids as strings` };
  };

  const decide = (first: Record<string, unknown>): void => {
    decided = true;
    let chosen = options.preset === undefined ? undefined : PRESETS[options.preset];
    if (chosen === undefined) {
      const matching = presetsMatchingKeys(Object.keys(first));
      if (matching.length > 1) {
        throw new UsageError(`${name}: the first record's keys fit the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
      }
      chosen = matching[0];
      if (chosen === undefined) return;
      ingest.notice(`${name}: read as ${/^[aeiou]/i.test(chosen.title) ? 'an' : 'a'} ${chosen.title} (preset ${chosen.name}, recognised from the keys of the first record)`);
      understood.preset = { name: chosen.name, title: chosen.title, from: 'keys' };
    } else {
      understood.preset = { name: chosen.name, title: chosen.title, from: 'option' };
    }
    const dialect = chosen.dialect;
    const labels = [...new Set([...Object.values(dialect.columns), ...Object.values(dialect.afterCreated).map((d) => d.header)])];
    const columns = fieldColumns(labels, dialect);
    if (typeof columns === 'string') throw new Error(`preset ${chosen.name}: ${columns}`);
    ingest.fieldsPresent(columns.present);
    understood.columns = describeColumns(labels, columns.column, columns.durationColumn, dialect);
    understood.dateFormats = TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0).map((field) => ({
      field,
      header: labels[columns.column[FIELD_INDEX[field]]!]!,
      format: 'iso',
      from: 'default',
    }));
    if (countValues) counter = new ValueCounter(labels.length, dialect.sentinels);
    const identifiers = labels.map((label) => IDENTIFIER_FIELDS.find((field) => dialect.columns[field] === label));
    preset = { dialect, labels, columns, identifiers, mapper: recordMapper(dialect, columns, {}, ingest.readLocal) };
  };

  /**
   * One parsed record. `line`: its record number (array) or line (NDJSON); `source`: the JSON text
   * it was parsed from (its own, or the whole page's), where an inexact number's digits are found.
   */
  const add = (item: unknown, line: number, notObject: string, source: string): void => {
    if (!isPlainObject(item)) {
      ingest.malformed(file, line, notObject);
      return;
    }
    if (nestedDeeperThan(item, MAX_NESTING)) {
      ingest.malformed(file, line, `nests objects and lists more than ${MAX_NESTING} levels deep; no ticket does`);
      return;
    }
    if (!decided) decide(item);
    if (preset === undefined) {
      keys?.add(item);
      const twice = alignObject(item, values, fieldOfKey, present, keyOfField);
      if (twice !== undefined) {
        const field = canonicalFieldOf(twice[1])!;
        ingest.unmappable(file, line, { field, code: 'invalid_value', message: `the keys ${JSON.stringify(twice[0])} and ${JSON.stringify(twice[1])} both name ${field}; keep one` });
        return;
      }
      for (let i = 0; i < IDENTIFIER_INDEXES.length; i++) {
        const value = values[IDENTIFIER_INDEXES[i]!];
        if (isInexactInteger(value)) {
          ingest.unmappable(file, line, inexact(IDENTIFIER_FIELDS[i]!, value, source));
          return;
        }
      }
      ingest.record(file, line, values, IDENTITY_COLUMNS);
      return;
    }
    const { dialect, labels, identifiers } = preset;
    if (countValues) for (const key of Object.keys(item)) keysSeen.add(key);
    let rounded: FieldProblem | undefined;
    const row = new Array<string>(labels.length);
    for (let c = 0; c < labels.length; c++) {
      const label = labels[c]!;
      const derived = dialect.derived?.[label];
      const value = derived === undefined ? valueAt(item, label) : derived.value(item);
      const identifier = identifiers[c];
      if (identifier !== undefined && rounded === undefined && isInexactInteger(value)) rounded = inexact(identifier, value, source, label);
      row[c] = cellText(value, dialect.tagSeparator);
    }
    counter?.add(row);
    const problem = rounded ?? preset.mapper(row, values);
    if (problem === null) ingest.record(file, line, values, IDENTITY_COLUMNS, true);
    else ingest.unmappable(file, line, problem);
  };

  const finish = (): void => {
    if (preset === undefined) {
      const fields = new Set(TICKET_FIELDS.filter((_, f) => present[f] === 1));
      ingest.fieldsPresent(fields);
      describeJson(understood, fields, keys);
      return;
    }
    counter?.writeInto(understood.columns);
    // The object's own keys that no key path reads: ignored (counted only for inspect).
    const { dialect, labels } = preset;
    const read = new Set(labels.flatMap((label) => dialect.derived?.[label]?.reads ?? [label]).map((path) => path.split('.')[0]!));
    for (const key of keysSeen) {
      if (!read.has(key)) understood.columns.push({ header: key, field: null, as: null, blank: null, sentinel: null, rejected: 0 });
    }
  };

  return { add, finish };
}

/** A JSON document's records: an array, or an API page a JSON preset knows (the one asked for, else any). */
/** `at`: the file and where the document starts (`tickets.json:1:1`), for the message. */
function recordsOf(data: unknown, at: string, options: ReadOptions): unknown[] {
  if (Array.isArray(data)) return data;
  if (isPlainObject(data)) {
    const asked = options.preset === undefined ? undefined : PRESETS[options.preset];
    const candidates = asked !== undefined ? [asked] : Object.values(PRESETS);
    for (const preset of candidates) {
      const records = preset.records?.(data);
      if (records !== undefined) return records;
    }
  }
  const found = isPlainObject(data) ? 'an object that is no API page a preset knows' : data === null ? 'null' : typeof data;
  throw new InputError(`${at}: expected a JSON array of ticket objects, found ${found}`);
}

/** Where a character is, as an editor shows it: 1-based line and column (columns count UTF-16 code units, as editors do). */
interface Position {
  line: number;
  column: number;
}

/** The position of offset `at` in `text`, whose first character is at `start`. */
function positionIn(text: string, at: number, start: Position): Position {
  let breaks = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    breaks++;
    last = i;
  }
  return breaks === 0 ? { line: start.line, column: start.column + at } : { line: start.line + breaks, column: at - last };
}

/**
 * Where a JSON text goes wrong first, and how: JSON.parse's messages name no line, and in Node 20
 * often no position at all. Run only once JSON.parse has refused the text; undefined if it is valid.
 * `end` names the end of the text in messages ("the end of the line").
 */
export function jsonSyntaxError(text: string, end: string): { at: number; problem: string } | undefined {
  const n = text.length;
  const closers: number[] = [];
  let i = 0;
  const found = (): string => (i >= n ? end : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!)));
  const expected = (what: string) => ({ at: i, problem: `expected ${what}, found ${found()}` });
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };
  /** Moves past the string that starts at i, or says what is wrong in it. */
  const string = (): { at: number; problem: string } | undefined => {
    const opened = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) {
        const what = c === 0x0a || c === 0x0d ? 'a line break' : c === 0x09 ? 'a tab' : 'a control character';
        return { at: i, problem: `${what} inside a string; write it escaped (\\n, \\t, \\u0001)` };
      }
      if (c === 0x5c) {
        const escape = text[i + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escape !== undefined && escape !== 'u' && '"\\/bfnrt'.includes(escape)) i += 2;
        else return { at: i, problem: 'a backslash that starts no escape (\\", \\\\, \\n, \\uXXXX, …)' };
        continue;
      }
      i++;
    }
    return { at: opened, problem: `a string that is not closed before ${end}` };
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let expecting: 'value' | 'key' | 'more' = 'value';
  for (;;) {
    skipSpace();
    if (expecting === 'key') {
      if (text.charCodeAt(i) !== 0x22) return expected('a key in double quotes');
      const problem = string();
      if (problem !== undefined) return problem;
      skipSpace();
      if (text.charCodeAt(i) !== 0x3a) return expected("':' after the key");
      i++;
      expecting = 'value';
    } else if (expecting === 'value') {
      const c = text.charCodeAt(i);
      expecting = 'more';
      if (c === 0x7b || c === 0x5b) {
        i++;
        skipSpace();
        if (text.charCodeAt(i) === c + 2) i++; // {} or []
        else {
          closers.push(c + 2);
          expecting = c === 0x7b ? 'key' : 'value';
        }
      } else if (c === 0x22) {
        const problem = string();
        if (problem !== undefined) return problem;
      } else {
        NUMBER.lastIndex = i;
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else if (word !== undefined) i += word.length;
        else return expected('a value');
      }
    } else {
      const closer = closers.at(-1);
      if (closer === undefined) return i < n ? { at: i, problem: `text after the end of the value: ${found()}` } : undefined;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        expecting = closer === 0x7d ? 'key' : 'value';
      } else if (c === closer) {
        i++;
        closers.pop();
      } else {
        return expected(closer === 0x7d ? "',' or '}'" : "',' or ']'");
      }
    }
  }
}

/** A JSON text that JSON.parse refused, as an InputError naming the line and column where it goes wrong. */
function syntaxError(name: string, text: string, start: Position, end: string, error: unknown): InputError {
  const found = jsonSyntaxError(text, end);
  if (found === undefined) return new InputError(`${name}:${start.line}:${start.column}: not valid JSON: ${(error as Error).message}`);
  const at = positionIn(text, found.at, start);
  return new InputError(`${name}:${at.line}:${at.column}: not valid JSON: ${found.problem}`);
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
 * Splits a top-level JSON array into its elements' texts as its bytes come in, for JSON.parse one
 * by one. It tracks only what finds an element's end (strings, escapes, bracket nesting) and the
 * punctuation between elements; what is inside an element JSON.parse checks. Working on bytes is
 * safe: every byte of a multi-byte UTF-8 character is >= 0x80, never `"`, `\`, a bracket or a
 * line break. An element is held (in pieces, across chunks) only until it ends, and no longer than
 * maxRecordSize bytes.
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

  constructor(
    private readonly name: string,
    private readonly maxRecordSize: number,
    /** Called with each element's text, its record number (1-based) and where it starts. */
    private readonly onElement: (text: string, record: number, line: number, column: number) => void,
  ) {}

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

  private found(chunk: Buffer, i: number): string {
    const c = chunk[i]!;
    return c < 0x80 ? JSON.stringify(String.fromCharCode(c)) : 'a character that is not ASCII';
  }

  private tooLarge(): InputError {
    return new InputError(
      `${this.name}:${this.startLine}:${this.startColumn}: record ${this.record}, which starts here, is over the record size limit (${sizeText(this.maxRecordSize)}); raise --max-record-size if it is real`,
    );
  }

  /** Reads the next chunk. Returns -1, or, when the document turns out to be no array, the offset in this chunk where it starts. */
  write(chunk: Buffer): number {
    const n = chunk.length;
    let state = this.state;
    let i = this.skip;
    this.skip = 0;
    // Where the current element's bytes in this chunk start.
    let from = state >= CONTAINER ? 0 : -1;
    let depth = this.depth;
    let closers = this.closers;
    while (i < n) {
      if (state === STRING) {
        // Most of a ticket is strings: this loop is the hot one.
        let c = 0;
        while (i < n) {
          c = chunk[i]!;
          if (c === 0x22 || c === 0x5c || c < 0x20) break;
          i++;
        }
        if (i >= n) break;
        i++;
        if (c === 0x5c) {
          i++; // the escaped character (in the next chunk when this one ends here: see skip)
          continue;
        }
        // A control character (a line break) cannot be in a JSON string: the element ends here, and JSON.parse says where.
        if (c !== 0x22 || depth === 0) {
          this.finish(chunk, from, i);
          state = AFTER;
          from = -1;
        } else {
          state = CONTAINER;
        }
      } else if (state === CONTAINER) {
        while (i < n) {
          const c = chunk[i++]!;
          if (c === 0x22) {
            state = STRING;
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
              this.finish(chunk, from, i);
              state = AFTER;
              from = -1;
              break;
            }
          } else if (c === 0x0a) {
            this.line++;
            this.lineStart = this.base + i;
          }
        }
      } else if (state === PRIMITIVE) {
        while (i < n) {
          const c = chunk[i]!;
          if (isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) break;
          i++;
        }
        if (i >= n) break;
        this.finish(chunk, from, i);
        state = AFTER;
        from = -1;
      } else {
        const c = chunk[i]!;
        if (c === 0x0a) {
          this.line++;
          this.lineStart = this.base + i + 1;
          this.lineWide = 0;
          i++;
          continue;
        }
        if (isSpace(c)) {
          i++;
          continue;
        }
        if (state === START) {
          const offset = this.base + i;
          if (offset < 3 && c === BYTE_ORDER_MARK[offset]) {
            // A byte order mark: no column of its own.
            this.lineStart = offset + 1;
            i++;
            continue;
          }
          if (c !== 0x5b) {
            this.state = NOT_ARRAY;
            return i;
          }
          state = FIRST;
          i++;
        } else if (state === AFTER) {
          if (c === 0x2c) state = NEXT;
          else if (c === 0x5d) state = DONE;
          else throw this.invalid(this.base + i, `expected ',' or ']' after record ${this.record}, found ${this.found(chunk, i)}`);
          i++;
        } else if (state === DONE) {
          throw this.invalid(this.base + i, `text after the end of the array: ${this.found(chunk, i)}`);
        } else if (c === 0x5d && state === FIRST) {
          state = DONE;
          i++;
        } else if (c === 0x5d || c === 0x2c || c === 0x7d || c === 0x3a) {
          throw this.invalid(this.base + i, `expected a record${state === NEXT ? " after ','" : ''}, found ${this.found(chunk, i)}`);
        } else {
          // An element starts.
          this.record++;
          const { line, column } = this.position(this.base + i);
          this.startLine = line;
          this.startColumn = column;
          from = i;
          if (c === 0x7b || c === 0x5b) {
            closers[0] = c + 2;
            depth = 1;
            state = CONTAINER;
            i++;
          } else if (c === 0x22) {
            depth = 0;
            state = STRING;
            i++;
          } else {
            state = PRIMITIVE;
          }
        }
      }
    }
    if (i > n) this.skip = i - n;
    if (from >= 0) {
      // The element goes on in the next chunk. A copy: a stream may reuse its buffers.
      this.pending += n - from;
      if (this.pending > this.maxRecordSize) throw this.tooLarge();
      this.pieces.push(Buffer.from(chunk.subarray(from)));
    }
    this.base += n;
    this.state = state;
    this.depth = depth;
    return -1;
  }

  private finish(chunk: Buffer, from: number, to: number): void {
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
    this.onElement(text, this.record, this.startLine, this.startColumn);
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

/** Reads a JSON file: a top-level array element by element, else the whole document (an API page a preset knows). */
export async function readJsonArray(stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions): Promise<void> {
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const reader = jsonObjectReader(name, file, ingest, understood, options);
  const keepRaw = ingest.keepRaw;
  const splitter = new JsonArraySplitter(name, maxRecordSize, (text, record, line, column) => {
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      throw syntaxError(name, text, { line, column }, 'the end of the record', error);
    }
    if (keepRaw) ingest.raw = text;
    reader.add(item, record, `record ${record} is not an object`, text);
  });
  // When the document is no array: where it starts, and its bytes.
  let documentStart: Position | undefined;
  const document: Buffer[] = [];
  let documentSize = 0;
  try {
    for await (let chunk of chunksOf(stream, name)) {
      if (documentStart === undefined) {
        const at = splitter.write(chunk);
        if (at < 0) continue;
        documentStart = splitter.positionInChunk(at);
        chunk = chunk.subarray(at);
      }
      documentSize += chunk.length;
      if (documentSize > pageSizeLimit(maxRecordSize)) {
        throw new InputError(
          `${name}:${documentStart.line}:${documentStart.column}: the JSON document is not an array, so it is read whole, and it is over ${sizeText(pageSizeLimit(maxRecordSize))} ` +
            `(${pageSizeLimit(maxRecordSize) < maxRecordSize * 16 ? `the most a string can safely hold` : '16 times the record size limit'}); ` +
            `${pageSizeLimit(maxRecordSize) < maxRecordSize * 16 ? '' : 'raise --max-record-size if it is real, or '}give the tickets as a JSON array or NDJSON`,
        );
      }
      document.push(Buffer.from(chunk));
    }
    if (documentStart === undefined) {
      splitter.end();
    } else {
      const text = Buffer.concat(document, documentSize).toString('utf8');
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw syntaxError(name, text, documentStart, 'the end of the file', error);
      }
      // The page's records have no text of their own: the rejects file gets them as JSON.
      recordsOf(data, `${name}:${documentStart.line}:${documentStart.column}`, options).forEach((item, i) => {
        // A record nested too deep cannot be written out: it is rejected, without its text.
        if (keepRaw) ingest.raw = nestedDeeperThan(item, MAX_NESTING) ? undefined : JSON.stringify(item);
        reader.add(item, i + 1, `record ${i + 1} is not an object`, text);
      });
    }
  } finally {
    ingest.raw = undefined;
  }
  reader.finish();
}

/**
 * Reads an NDJSON file line by line. Lines end in LF, CRLF or CR; a line is held only until it
 * ends, and no longer than maxRecordSize bytes (a file without line breaks cannot fill the memory).
 */
export async function readNdjson(stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions): Promise<void> {
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const reader = jsonObjectReader(name, file, ingest, understood, options);
  const keepRaw = ingest.keepRaw;
  let line = 0;
  const readLine = (text: string): void => {
    line++;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const trimmed = text.trim();
    if (trimmed === '') {
      ingest.blank(file);
      return;
    }
    if (keepRaw) ingest.raw = text;
    let item: unknown;
    try {
      item = JSON.parse(trimmed);
    } catch (error) {
      const found = jsonSyntaxError(trimmed, 'the end of the line');
      const column = found === undefined ? undefined : text.length - text.trimStart().length + found.at + 1;
      ingest.malformed(file, line, found === undefined ? `not valid JSON: ${(error as Error).message}` : `not valid JSON at column ${column}: ${found.problem}`);
      return;
    }
    reader.add(item, line, 'is not a JSON object', trimmed);
  };
  const tooLong = (): InputError =>
    new InputError(`${name}:${line + 1}: the record starting here is over the record size limit (${sizeText(maxRecordSize)}); raise --max-record-size if it is real`);
  // The current line's bytes from earlier chunks.
  let pieces: Buffer[] = [];
  let pending = 0;
  // The last chunk ended in CR: an LF starting the next one ends the same line.
  let afterCr = false;
  try {
    for await (const chunk of chunksOf(stream, name)) {
      const n = chunk.length;
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
          readLine(chunk.toString('utf8', pos, end));
        } else {
          pieces.push(chunk.subarray(pos, end));
          const text = Buffer.concat(pieces, size).toString('utf8');
          pieces = [];
          pending = 0;
          readLine(text);
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
    }
    if (pieces.length > 0) readLine(Buffer.concat(pieces, pending).toString('utf8'));
  } finally {
    ingest.raw = undefined;
  }
  reader.finish();
}
