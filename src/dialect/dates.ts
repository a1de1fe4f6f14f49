import { daysInMonth, parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import { utcMillis, type WallTime } from '../time/wall-time.js';
import type { DatePattern } from './date-pattern.js';

/**
 * Date formats seen in helpdesk exports beyond ISO 8601, and how a column's format is decided from
 * all its values. Day-first and month-first cannot be told apart from a value like 03/04/2026;
 * a column where every value is ambiguous needs --date-format rather than a guess. Year-first
 * values (2026/03/04) are never ambiguous: no export writes year, day, month.
 */

export const DATE_FORMATS = ['iso', 'DMY', 'MDY', 'YMD', 'epoch-seconds', 'epoch-millis'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export { DATE_ORDER_CHOICES } from './date-orders.js';

/** How one date column is read: a built-in format, or a pattern the user gave (--date-format, the config's dateFormats). */
export type ColumnFormat = DateFormat | DatePattern;

/** `ISO 8601`, `day first`, `the pattern "dd/MMM/yy h:mm a"`: a column format's name for messages. */
export function formatName(format: ColumnFormat): string {
  return typeof format === 'object' ? `the pattern ${JSON.stringify(format.pattern)}` : DATE_FORMAT_TEXT[format].replace(/ \(.*/, '');
}

export const DATE_FORMAT_TEXT: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2026-03-02T09:15:00Z, 2026-03-02 09:15:00)',
  DMY: 'day first (29/02/2016 01:16, 29-02-2016, 5.3.2016)',
  MDY: 'month first (02/29/2016 1:16 PM)',
  YMD: 'year first (2021/01/31 09:12)',
  'epoch-seconds': 'seconds since 1970-01-01 (1772442900)',
  'epoch-millis': 'milliseconds since 1970-01-01 (1772442900000)',
};

/**
 * The optional time after a numeric date: 09:12, 9:12:58, 9.12.58 (one separator, `:` or `.`,
 * throughout), an optional fraction of a second (9:12:58.250), then an optional AM/PM in any case, with or without a space, also as a.m./p.m.
 */
const TIME = String.raw`(?:[ T,]+(\d{1,2})(?<timeSeparator>[:.])(\d{2})(?:\k<timeSeparator>(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?$`;
// 29/02/2016, 29-02-2016, 29.02.2016, 5/3/2016 (day and month in either order); then the time.
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + TIME);
// 2021/01/31, 2021.1.31 (one separator, `/` or `.`, throughout); then the time.
const YEAR_FIRST_DATE = new RegExp(String.raw`^(\d{4})(?<dateSeparator>[/.])(\d{1,2})\k<dateSeparator>(\d{1,2})` + TIME);
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MILLIS = /^\d{12,13}$/;

/** A numeric date read day-first, month-first or year-first: the wall time, or undefined when impossible. */
function numericWallTime(text: string, order: 'DMY' | 'MDY' | 'YMD'): WallTime | undefined {
  let first: number, middle: number, year: number, hour: number, minute: number, second: number;
  let millisecond = 0;
  if (order !== 'YMD' && twoDigitLayout(text)) {
    // What NUMERIC_DATE reads in such a text, read without it (a column holds a million such).
    first = twoDigits(text, 0);
    middle = twoDigits(text, 3);
    year = twoDigits(text, 6) * 100 + twoDigits(text, 8);
    hour = text.length === 10 ? 0 : twoDigits(text, 11);
    minute = text.length === 10 ? 0 : twoDigits(text, 14);
    second = text.length === 19 ? twoDigits(text, 17) : 0;
  } else {
    const m = (order === 'YMD' ? YEAR_FIRST_DATE : NUMERIC_DATE).exec(text);
    if (m === null) return undefined;
    if (order === 'YMD') [year, first, middle] = [Number(m[1]), Number(m[3]), Number(m[4])];
    else [first, middle, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // The time's groups follow the date's: hour, separator, minute, second, AM/PM.
    const t = order === 'YMD' ? 5 : 4;
    hour = m[t] === undefined ? 0 : Number(m[t]);
    minute = m[t + 2] === undefined ? 0 : Number(m[t + 2]);
    second = m[t + 3] === undefined ? 0 : Number(m[t + 3]);
    // A fraction of a second: its first three digits are the milliseconds (never rounded up).
    millisecond = m[t + 4] === undefined ? 0 : Number(m[t + 4]!.slice(0, 3).padEnd(3, '0'));
    const meridiem = m[t + 5];
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem[0] === 'p' || meridiem[0] === 'P' ? 12 : 0);
    }
  }
  // Year first: month then day; else day then month, or month then day.
  const month = order === 'DMY' ? middle : first;
  const day = order === 'DMY' ? first : middle;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second, millisecond };
}

const isDigit = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const twoDigits = (text: string, i: number): number => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
const isDateSeparator = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 47 || c === 46 || c === 45; // / . -
};

/**
 * Whether `text` is `nn/nn/nnnn`, then optionally ` nn:nn` and `:nn` (the layout of most day- or
 * month-first columns): two-digit day and month, each followed by `/`, `.` or `-`; a space, `T` or
 * a comma before the time; `:` or `.` between its parts, the same throughout. NUMERIC_DATE reads
 * such a text as numericWallTime does without it; anything else goes to NUMERIC_DATE.
 */
function twoDigitLayout(text: string): boolean {
  const n = text.length;
  if (n !== 10 && n !== 16 && n !== 19) return false;
  if (!(isDigit(text, 0) && isDigit(text, 1) && isDateSeparator(text, 2) && isDigit(text, 3) && isDigit(text, 4) && isDateSeparator(text, 5))) return false;
  if (!(isDigit(text, 6) && isDigit(text, 7) && isDigit(text, 8) && isDigit(text, 9))) return false;
  if (n === 10) return true;
  const before = text.charCodeAt(10);
  const separator = text.charCodeAt(13);
  if (!(before === 32 || before === 84 || before === 44) || !(separator === 58 || separator === 46)) return false;
  if (!(isDigit(text, 11) && isDigit(text, 12) && isDigit(text, 14) && isDigit(text, 15))) return false;
  return n === 16 || (text.charCodeAt(16) === separator && isDigit(text, 17) && isDigit(text, 18));
}

/** Epoch ms of `text` read in `format`, or NaN. Values without an offset go to `readLocal`. */
export function parseDate(text: string, format: ColumnFormat, readLocal: ReadWallTime): number {
  if (typeof format === 'object') return format.read(text, readLocal);
  switch (format) {
    case 'iso':
      return parseTimestamp(text, readLocal);
    case 'DMY':
    case 'MDY':
    case 'YMD': {
      const wall = numericWallTime(text, format);
      return wall === undefined ? Number.NaN : readLocal(wall);
    }
    case 'epoch-seconds':
      return EPOCH_SECONDS.test(text) ? Number(text) * 1000 : Number.NaN;
    case 'epoch-millis':
      return EPOCH_MILLIS.test(text) ? Number(text) : Number.NaN;
  }
}

const UTC_WALL: ReadWallTime = utcMillis;

/** Which formats can read this one value. */
function formatsOf(text: string): DateFormat[] {
  return DATE_FORMATS.filter((f) => !Number.isNaN(parseDate(text, f, UTC_WALL)));
}

/** Whether a value that is not ISO 8601 reads as a date in one of the other formats (29/02/2016 01:16). */
export function readsInOtherFormat(text: string): boolean {
  return formatsOf(text).some((f) => f !== 'iso');
}

export type FormatVerdict =
  | { kind: 'decided'; format: DateFormat }
  /** No value settles day-first vs month-first (e.g. only 03/04/2026): ask for --date-format. */
  | { kind: 'ambiguous'; example: string }
  /** Nothing settles the order (e.g. 03/04/2026), and some values fit no format: ask for --date-format. */
  | { kind: 'unsettled'; example: string; misfits: number }
  /** As many values read only day-first as only month-first: ask for --date-format. */
  | { kind: 'conflict'; dayFirst: string; monthFirst: string }
  /** No single format reads every value; the values that do not fit are rejected one by one. */
  | { kind: 'mixed'; format: DateFormat; misfits: number };

/**
 * Decides a column's format from all its (non-blank) values: the one format that reads them all;
 * day-first vs month-first by the values only one of them can read (13/02/2026). ISO 8601 values
 * are read as such in any column. When no value settles the order, or values contradict each
 * other, the caller must ask rather than guess.
 */
export class DateFormatVote {
  private readonly counts = new Map<DateFormat, number>();
  private values = 0;
  private iso = 0;
  private ambiguousExample: string | undefined;
  private ambiguous = 0;
  private dayFirstOnly: string | undefined;
  private monthFirstOnly: string | undefined;

  add(text: string): void {
    this.values++;
    const formats = formatsOf(text);
    for (const f of formats) this.counts.set(f, (this.counts.get(f) ?? 0) + 1);
    if (formats.includes('iso')) this.iso++;
    const dmy = formats.includes('DMY');
    const mdy = formats.includes('MDY');
    if (dmy && mdy) {
      this.ambiguous++;
      this.ambiguousExample ??= text;
    }
    else if (dmy) this.dayFirstOnly ??= text;
    else if (mdy) this.monthFirstOnly ??= text;
  }

  verdict(): FormatVerdict {
    const count = (f: DateFormat): number => this.counts.get(f) ?? 0;
    if (this.values === 0 || this.iso === this.values) return { kind: 'decided', format: 'iso' };
    // Values that read only day-first and others only month-first: the majority decides (the
    // others are rejected one by one); a tie is no decision at all.
    if (this.dayFirstOnly !== undefined && this.monthFirstOnly !== undefined && count('DMY') === count('MDY')) {
      return { kind: 'conflict', dayFirst: this.dayFirstOnly, monthFirst: this.monthFirstOnly };
    }
    if (this.ambiguous > 0 && this.dayFirstOnly === undefined && this.monthFirstOnly === undefined) {
      const misfits = this.values - this.ambiguous - this.iso;
      return misfits === 0 ? { kind: 'ambiguous', example: this.ambiguousExample! } : { kind: 'unsettled', example: this.ambiguousExample!, misfits };
    }
    // ISO values are read as such in any column, so a format reads them as well as its own.
    const reads = (f: DateFormat): number => (f === 'iso' ? this.iso : count(f) + this.iso);
    const best = DATE_FORMATS.filter((f) => f !== 'iso').sort((a, b) => count(b) - count(a))[0]!;
    const format = count(best) > 0 ? best : 'iso';
    const misfits = this.values - reads(format);
    return misfits === 0 ? { kind: 'decided', format } : { kind: 'mixed', format, misfits };
  }
}

/** Why a verdict needs --date-format, or undefined when the values decided the format. */
export function dateOrderQuestion(verdict: FormatVerdict): string | undefined {
  switch (verdict.kind) {
    case 'ambiguous':
      return `every date reads both day-first and month-first (e.g. "${verdict.example}")`;
    case 'unsettled':
      return `no date settles day-first or month-first (e.g. "${verdict.example}"), and ${verdict.misfits} fit neither`;
    case 'conflict':
      return `some dates read only day-first ("${verdict.dayFirst}"), others only month-first ("${verdict.monthFirst}")`;
    default:
      return undefined;
  }
}
