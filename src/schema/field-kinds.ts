import { parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import type { FieldKind, TicketField } from './fields.js';

/**
 * How a value of each field kind is read: what blank is, and how a present value parses or is
 * refused. A value that cannot be read is refused with the field, a code and a message a person
 * can act on (see refuse); the validator decides whether that rejects the record or sets the value
 * aside.
 */

export type RejectionCode = 'missing_required' | 'invalid_timestamp' | 'invalid_value' | 'before_created' | 'malformed_record';

export interface FieldProblem {
  field: TicketField | null;
  code: RejectionCode;
  message: string;
}

/**
 * Refuses a value: the problem goes in `context.problem`, and the reader returns at once what this
 * returns (`instead`, which the validator does not use). Not an exception: a throw and its catch
 * cost ~1 µs a value, and an export whose column is written in an unexpected way has a value to
 * set aside in every record (a million such records, one thread: 5.0 s thrown, 3.5 s refused).
 */
export function refuse<V>(context: ReadContext, field: TicketField, code: RejectionCode, message: string, instead: V): V {
  context.problem = { field, code, message };
  return instead;
}

/** A survey response: satisfied (good, 4, 5), unsatisfied (bad, 1, 2: a negative rating), neutral (3: a response, not satisfied). */
export const Satisfaction = { none: -1, unsatisfied: 0, satisfied: 1, neutral: 2 } as const;
/** A yes/no field. */
export const YesNo = { unknown: -1, no: 0, yes: 1 } as const;

/** How the values of one record are read. */
export interface ReadContext {
  /** Reads a timestamp without an offset in the input zone. */
  readLocal: ReadWallTime;
  /**
   * Timestamps may come already read, as epoch ms (from a dialect, which read them in their
   * column's format): a number is then an instant, not a value to refuse.
   */
  timestampsRead: boolean;
  /** Why the value just read was refused (see refuse); null while none was. The validator takes it. */
  problem: FieldProblem | null;
}

/** JSON.stringify for messages, cut short so a huge value cannot flood the terminal. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A character that trim() never removes and that is not blank: printable ASCII but the space. */
const solid = (code: number): boolean => code > 0x20 && code < 0x7f;

/**
 * `text.trim()`, without the call when both ends are printable ASCII (most values): every field of
 * every record is trimmed, some more than once.
 */
export function trimmed(text: string): string {
  return text.length > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1)) ? text : text.trim();
}

/** Blank (absent, null or whitespace only) values are "not given", never zero. */
export function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value.length === 0 || (!solid(value.charCodeAt(0)) && value.trim() === '');
  return value === undefined || value === null;
}

function readText(field: TicketField, value: unknown, context: ReadContext): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return trimmed(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return refuse(context, field, 'invalid_value', `expected text, got ${describeType(value)}`, null);
}

/** `1.23457E+19`: what Excel shows, and saves, for a long numeric id it read as a number. */
const SPREADSHEET_ROUNDED = /^\d(?:[.,]\d+)?E\+\d+$/i;

function readId(field: TicketField, value: unknown, context: ReadContext): string | null {
  const id = readText(field, value, context);
  if (id !== null && SPREADSHEET_ROUNDED.test(id)) {
    return refuse(context, field, 'invalid_value', `${quote(id)} is a number a spreadsheet rounded (scientific notation): ids like it would merge; export the ids as text`, null);
  }
  return id;
}

/** No helpdesk ticket is older than this (1970-01-01T00:00:00Z); an earlier timestamp is a placeholder. */
const EARLIEST = 0;
/** Nor dated this late (2200-01-01T00:00:00Z): a later timestamp is a "never" placeholder. */
const LATEST = Date.UTC(2200, 0, 1);

/** A timestamp as written, for messages: an instant a dialect read is shown in ISO 8601 (UTC). */
export function timestampText(value: unknown): string {
  return typeof value === 'number' ? new Date(value).toISOString() : String(value).trim();
}

function readTimestamp(field: TicketField, value: unknown, context: ReadContext): number {
  if (isBlank(value)) return Number.NaN;
  const epoch =
    typeof value === 'string' ? parseTimestamp(trimmed(value), context.readLocal) : context.timestampsRead && typeof value === 'number' ? value : Number.NaN;
  if (Number.isNaN(epoch)) {
    return refuse(context, field, 'invalid_timestamp', `${quote(value)} is not an ISO 8601 timestamp (e.g. 2026-03-02T09:15:00Z; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`, epoch);
  }
  if (epoch < EARLIEST) {
    // 1900-01-01 and 0001-01-01 stand for "no date" in many exports: never a ticket's real time.
    return refuse(context, field, 'invalid_timestamp', `${quote(asWritten(value))} is before 1970: a placeholder for "no date"? Leave the cell blank instead`, Number.NaN);
  }
  if (epoch >= LATEST) {
    // 9999-12-31, 2999-12-31, 4712-12-31 stand for "never" (SAP, Oracle, data warehouses).
    return refuse(context, field, 'invalid_timestamp', `${quote(asWritten(value))} is after 2200: a placeholder for "never"? Leave the cell blank instead`, Number.NaN);
  }
  return epoch;
}

/**
 * A timestamp quoted as written (spaces too), as the "not a timestamp" message quotes it; a
 * dialect's instant in ISO 8601. Made only for a message: for every timestamp a dialect read, it
 * was a sixth of the reading of a file of day-first dates.
 */
const asWritten = (value: unknown): unknown => (typeof value === 'number' ? timestampText(value) : value);

/** A whole number, also as spreadsheets write one (`3.0`). */
const WHOLE_NUMBER = /^(\d+)(?:\.0+)?$/;

/** The number a text of 1 to 15 ASCII digits stands for (exact below 2^53), else NaN: most numbers in exports, read without a regular expression. */
function digitsOf(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return Number.NaN;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** The whole number a text holds (`3`, `3.0`), else NaN. */
function wholeNumberOf(text: string): number {
  const plain = trimmed(text);
  const digits = digitsOf(plain);
  if (!Number.isNaN(digits)) return digits;
  const m = WHOLE_NUMBER.exec(plain);
  return m === null ? Number.NaN : Number(m[1]);
}

function readWholeNumber(field: TicketField, value: unknown, context: ReadContext, max: number, expected: string): number {
  if (isBlank(value)) return -1;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? wholeNumberOf(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > max) return refuse(context, field, 'invalid_value', `${quote(value)} is not ${expected}`, -1);
  return n;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The longest duration read (100 years, in seconds): a longer one is no ticket's handle or
 * resolution time but a unit mix-up or a corrupt value, and would swamp every mean it entered.
 */
export const MAX_DURATION_SECONDS = 100 * 365.25 * 86_400;

/** `h:mm:ss` (hours may pass 24: `27:15:00`) or `m:ss`, seconds with an optional fraction. */
const CLOCK_DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
/** `90s`, `2m 30s`, `1h30m`, `1.5 hours`, `45 min`: amounts with units, each unit once. */
const UNIT_PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
const SECONDS_PER: Record<string, number> = Object.fromEntries(
  (
    [
      [['s', 'sec', 'secs', 'second', 'seconds'], 1],
      [['m', 'min', 'mins', 'minute', 'minutes'], 60],
      [['h', 'hr', 'hrs', 'hour', 'hours'], 3600],
      [['d', 'day', 'days'], 86_400],
    ] as const
  ).flatMap(([names, seconds]) => names.map((name) => [name, seconds])),
);

/**
 * Seconds in a duration as exports write it: a number of seconds (`143`, `143.5`), `h:mm:ss` or
 * `m:ss` (`0:02:23`), or amounts with units (`2m 23s`, `1.5h`). NaN when it is none of them.
 */
export function durationText(text: string): number {
  const plain = trimmed(text);
  const digits = digitsOf(plain);
  if (!Number.isNaN(digits)) return digits;
  if (DECIMAL.test(plain)) return Number(plain);
  const clock = CLOCK_DURATION.exec(plain);
  if (clock !== null) {
    const [first, second, third] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
    return third === undefined ? first * 60 + second : first * 3600 + second * 60 + third;
  }
  const lower = plain.toLowerCase();
  const seen = new Set<number>();
  let total = 0;
  UNIT_PART.lastIndex = 0;
  let part: RegExpExecArray | null;
  while ((part = UNIT_PART.exec(lower)) !== null) {
    const unit = SECONDS_PER[part[2]!];
    if (unit === undefined || seen.has(unit)) return Number.NaN;
    seen.add(unit);
    total += Number(part[1]) * unit;
    if (UNIT_PART.lastIndex === lower.length) return total;
  }
  return Number.NaN;
}

function readSeconds(field: TicketField, value: unknown, context: ReadContext): number {
  if (isBlank(value)) return Number.NaN;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? durationText(value) : Number.NaN;
  if (!(n >= 0) || !Number.isFinite(n)) {
    return refuse(context, field, 'invalid_value', `${quote(value)} is not a duration (seconds ≥ 0, h:mm:ss, m:ss, or with units: 2m 30s)`, Number.NaN);
  }
  if (n > MAX_DURATION_SECONDS) return refuse(context, field, 'invalid_value', `${quote(value)} seconds is more than 100 years`, Number.NaN);
  return n;
}

function readSatisfaction(field: TicketField, value: unknown, context: ReadContext): number {
  if (isBlank(value)) return Satisfaction.none;
  const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  const whole = wholeNumberOf(written);
  const text = Number.isNaN(whole) ? written : String(whole);
  switch (text) {
    case 'good':
    case '4':
    case '5':
      return Satisfaction.satisfied;
    case 'bad':
    case '1':
    case '2':
      return Satisfaction.unsatisfied;
    case '3':
      return Satisfaction.neutral;
    default:
      return refuse(context, field, 'invalid_value', `${quote(value)} is not a rating (good, bad, or a whole number 1–5)`, Satisfaction.none);
  }
}

const YES = new Set(['true', 'yes', 'y', '1']);
const NO = new Set(['false', 'no', 'n', '0']);

function readYesNo(field: TicketField, value: unknown, context: ReadContext): number {
  if (isBlank(value)) return YesNo.unknown;
  if (typeof value === 'boolean') return value ? YesNo.yes : YesNo.no;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim().toLowerCase() : '';
  if (YES.has(text)) return YesNo.yes;
  if (NO.has(text)) return YesNo.no;
  return refuse(context, field, 'invalid_value', `${quote(value)} is not a yes/no value (true, false, yes, no, y, n, 1, 0)`, YesNo.unknown);
}

/**
 * Tags: a comma-separated list in one CSV field, or a JSON array of strings. Kept as written (a
 * list's text is split once per distinct value, by the store: see tagList).
 */
function readTags(field: TicketField, value: unknown, context: ReadContext): string | string[] | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) {
    return refuse(context, field, 'invalid_value', `expected a comma-separated list or a list of strings, got ${describeType(value)}`, null);
  }
  for (const item of value) {
    if (typeof item !== 'string') return refuse(context, field, 'invalid_value', `expected a list of strings, found ${describeType(item)} in it`, null);
  }
  return value as string[];
}

/** The tags of a `tags` value: trimmed, blanks and repeats dropped, in the order written. */
export function tagList(tags: string | readonly string[]): string[] {
  const list: string[] = [];
  for (const item of typeof tags === 'string' ? tags.split(',') : tags) {
    const tag = item.trim();
    if (tag !== '' && !list.includes(tag)) list.push(tag);
  }
  return list;
}

/** What each kind reads a value into (its blank value first). */
export interface KindValues {
  id: string;
  timestamp: number;
  text: string | null;
  satisfaction: number;
  score: number;
  count: number;
  seconds: number;
  yesNo: number;
  tags: string | string[] | null;
}

interface Kind<V> {
  /** The value of a blank field. */
  blank: V;
  /**
   * The value of a field whose value was set aside (unreadable): blank, except for counts, where a
   * metric that reads a blank as 0 (reopen_rate, first_contact_resolution) must tell the two apart.
   */
  unreadable: V;
  /** The value read; a value that cannot be read is refused (see refuse), and what this returns then is not used. */
  read(field: TicketField, value: unknown, context: ReadContext): V;
  /** Whether a value read is blank (for store columns that several fields fill). */
  isBlankValue(value: V): boolean;
}

const blankNumber = (n: number): boolean => n < 0 || Number.isNaN(n);

/** A count that could not be read (its value set aside): not blank's -1, so that metrics can leave the ticket out. */
export const UNREADABLE_COUNT = -2;

export const KINDS: { [K in FieldKind]: Kind<KindValues[K]> } = {
  id: { blank: '', unreadable: '', read: (field, value, context) => readId(field, value, context) ?? '', isBlankValue: (v) => v === '' },
  timestamp: { blank: Number.NaN, unreadable: Number.NaN, read: readTimestamp, isBlankValue: Number.isNaN },
  text: { blank: null, unreadable: null, read: readText, isBlankValue: (v) => v === null },
  satisfaction: { blank: Satisfaction.none, unreadable: Satisfaction.none, read: readSatisfaction, isBlankValue: blankNumber },
  score: { blank: -1, unreadable: -1, read: (field, value, context) => readWholeNumber(field, value, context, 10, 'a score from 0 to 10'), isBlankValue: blankNumber },
  count: { blank: -1, unreadable: UNREADABLE_COUNT, read: (field, value, context) => readWholeNumber(field, value, context, 2 ** 31 - 1, 'a whole number ≥ 0'), isBlankValue: blankNumber },
  seconds: { blank: Number.NaN, unreadable: Number.NaN, read: readSeconds, isBlankValue: Number.isNaN },
  yesNo: { blank: YesNo.unknown, unreadable: YesNo.unknown, read: readYesNo, isBlankValue: blankNumber },
  tags: { blank: null, unreadable: null, read: readTags, isBlankValue: (v) => v === null },
};
