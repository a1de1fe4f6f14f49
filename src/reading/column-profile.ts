import { COMMON_SENTINELS } from '../dialect/dialect.js';
import { DATE_FORMATS, parseDate, type DateFormat } from '../dialect/dates.js';
import { utcMillis } from '../time/zone.js';
import { ownString } from '../own-string.js';

/**
 * What each column of an export looks like, for `inspect` on a file that no preset and no canonical
 * header explains: how many values, a few samples, the shape most values have (timestamp, duration,
 * yes/no…), the date format that reads them, and how many different values there are. Fed record
 * by record; its memory grows with the number of columns, never with the number of records (samples
 * and the distinct-value counter are capped).
 */

export type ValueShape = 'blank' | 'timestamp' | 'date' | 'time' | 'duration' | 'number' | 'yes-no' | 'rating' | 'text';

export interface ColumnProfile {
  header: string;
  /** Non-blank values seen. */
  values: number;
  /** Blank values, sentinels (`-`, `?`, `N/A`, `1900-01-01 00:00:00`…) and missing fields of short records. */
  blank: number;
  /** Up to 3 distinct non-blank values, first seen, each cut to 40 characters (a cut one ends in `…`). */
  samples: string[];
  /** Count per shape over the non-blank values. */
  shapes: Partial<Record<ValueShape, number>>;
  /** The shape of ≥ 90% of the non-blank values, else 'text'; 'blank' when there is no value. */
  shape: ValueShape;
  /**
   * Timestamp and date columns: the built-in format that reads the most of their values (a date
   * as it would be joined with a time: `2021-01-01` counts for iso); absent when none reads them,
   * or when two read equally many (every value reads both day-first and month-first).
   */
  dateFormat?: DateFormat;
  /** Distinct non-blank values, counted up to 1,000. */
  distinct: number;
  /** More than 1,000 distinct values were seen: `distinct` stays at 1,000. */
  distinctCapped: boolean;
}

export const MAX_SAMPLES = 3;
export const SAMPLE_LENGTH = 40;
export const MAX_DISTINCT = 1000;
/** The share of a column's values that must have one shape for the column to have it. */
export const SHAPE_SHARE = 0.9;

/** What one value is, before the column decides what its ambiguous values mean (an index into a column's counts). */
const Raw = {
  Timestamp: 0,
  Date: 1,
  /** A time of day beyond doubt: `9:12 PM`, `9.05.12`. */
  Time: 2,
  /** `h:mm[:ss]` with hours 0–23: a time of day or a duration, as the column says. */
  Clock: 3,
  /** A duration beyond doubt: `0:02:23`, `27:15:00`, `125:00`. */
  Duration: 4,
  Zero: 5,
  One: 6,
  /** 2 to 5. */
  Small: 7,
  Number: 8,
  /** true/false, yes/no, y/n. */
  YesNoWord: 9,
  Text: 10,
} as const;
type Raw = (typeof Raw)[keyof typeof Raw];
const RAW_KINDS = Raw.Text + 1;

const YES_NO_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n']);
const DIGITS = /^\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?)$/;
/** A numeric date without a time: 2021-01-01, 22-04-2015, 5.3.2016, 2021/01/01. */
const DATE_ONLY = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;
// Year first with `/` or `.`, a time and fractions of a second (event logs: 2021/01/04 08:02:11.250),
// for the values no built-in format reads: a date all the same.
const YMD = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?$/;
// 9:12, 09:12:58, 9.05.12 AM, 27:15:00, 0:02:23
const CLOCK = /^(\d+)([:.])(\d{2})(?:\2(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;
const EPOCH_LENGTHS = new Set([9, 10, 12, 13]);
/** The formats that read written dates (the epoch ones read bare numbers, only in columns whose header is about time). */
const WRITTEN_FORMATS = DATE_FORMATS.filter((f) => f !== 'epoch-seconds' && f !== 'epoch-millis');

/** The words of a header, camelCase split: `AvgTalkDuration` → avg, talk, duration. */
function headerWords(header: string): string[] {
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}#]+/u)
    .filter((w) => w !== '');
}

/** Header hints: epoch numbers are instants, `h:mm:ss` values are durations, 0/1 are counts. */
interface Hints {
  epoch: boolean;
  duration: boolean;
  count: boolean;
}

const DURATION_HINTS = ['duration', 'timeto', 'talk', 'handl', 'wait', 'speed', 'inhrs', 'inhours', 'elapsed'];
const COUNT_WORDS = new Set(['count', 'counts', 'number', 'num', 'nr', 'qty', 'quantity', 'total', '#']);

function hintsOf(header: string): Hints {
  const words = headerWords(header);
  const compact = words.join('');
  return {
    epoch: ['time', 'date', 'created', 'epoch'].some((h) => compact.includes(h)) || words.includes('at'),
    duration: DURATION_HINTS.some((h) => compact.includes(h)) || words.includes('aht'),
    count: header.includes('#') || words.some((w) => COUNT_WORDS.has(w) || (w.endsWith('count') && w !== 'account')),
  };
}

/** A value cut to SAMPLE_LENGTH characters (code points, so that no pair is split). */
function cut(value: string): string {
  if (value.length <= SAMPLE_LENGTH) return value;
  const chars = Array.from(value);
  return chars.length <= SAMPLE_LENGTH ? value : `${chars.slice(0, SAMPLE_LENGTH - 1).join('')}…`;
}

/** The key a value is counted by: itself, or for a long one its length and two 32-bit hashes (so that a column of long texts holds 1,000 short keys). */
function distinctKey(value: string): string {
  if (value.length <= 64) return value;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return `\u0000${value.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

class Column {
  values = 0;
  blank = 0;
  readonly raw = new Float64Array(RAW_KINDS);
  readonly formats = new Float64Array(DATE_FORMATS.length);
  readonly samples: string[] = [];
  seen: Set<string> | undefined = new Set();
  capped = false;
  readonly hints: Hints;

  constructor(readonly header: string) {
    this.hints = hintsOf(header);
  }

  add(value: string): void {
    this.values++;
    if (this.samples.length < MAX_SAMPLES) {
      const sample = cut(value);
      if (!this.samples.includes(sample)) this.samples.push(ownString(sample));
    }
    if (this.seen !== undefined) {
      const key = distinctKey(value);
      if (!this.seen.has(key)) {
        if (this.seen.size >= MAX_DISTINCT) {
          this.capped = true;
          this.seen = undefined; // the count stays at MAX_DISTINCT: nothing more to remember
        } else {
          this.seen.add(ownString(key));
        }
      }
    }
    this.raw[this.classify(value)]!++;
  }

  private countFormat(format: DateFormat): void {
    this.formats[DATE_FORMATS.indexOf(format)]!++;
  }

  private classify(v: string): Raw {
    if (DIGITS.test(v)) {
      if (v.length === 1) return v === '0' ? Raw.Zero : v === '1' ? Raw.One : v <= '5' ? Raw.Small : Raw.Number;
      if (this.hints.epoch && EPOCH_LENGTHS.has(v.length)) {
        this.countFormat(v.length <= 10 ? 'epoch-seconds' : 'epoch-millis');
        return Raw.Timestamp;
      }
      return Raw.Number;
    }
    if (DECIMAL.test(v)) return Raw.Number;
    const first = v.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      // A date alone is counted for the formats that read it joined with a time (`2021-01-01 00:00`).
      const dateOnly = DATE_ONLY.test(v);
      const formats = WRITTEN_FORMATS.filter((f) => !Number.isNaN(parseDate(dateOnly ? `${v} 00:00` : v, f, utcMillis)));
      for (const f of formats) this.countFormat(f);
      if (formats.length > 0) return dateOnly ? Raw.Date : Raw.Timestamp;
      const ymd = YMD.exec(v);
      if (ymd !== null) return ymdShape(ymd);
      const clock = CLOCK.exec(v);
      if (clock !== null) return clockOf(clock[1]!, clock[2]!, clock[3]!, clock[4], clock[5]);
      return Raw.Text;
    }
    return YES_NO_WORDS.has(v.toLowerCase()) ? Raw.YesNoWord : Raw.Text;
  }

  profile(): ColumnProfile {
    const count = (kind: Raw): number => this.raw[kind]!;
    const shapes: Partial<Record<ValueShape, number>> = {};
    const put = (shape: ValueShape, n: number): void => {
      if (n > 0) shapes[shape] = (shapes[shape] ?? 0) + n;
    };
    put('timestamp', count(Raw.Timestamp));
    put('date', count(Raw.Date));
    // `h:mm:ss` with hours 0–23: durations when the header says so, or when more values are
    // durations beyond doubt (0:02:23) than times of day beyond doubt (9:12 PM).
    const durations = this.hints.duration || count(Raw.Duration) > count(Raw.Time);
    put('time', count(Raw.Time) + (durations ? 0 : count(Raw.Clock)));
    put('duration', count(Raw.Duration) + (durations ? count(Raw.Clock) : 0));
    // 0 and 1 are yes/no in a column of yes/no values (or of 0/1 only, unless the header says it counts).
    const yesNo = count(Raw.YesNoWord) + count(Raw.Zero) + count(Raw.One);
    const yesNoColumn = yesNo > 0 && yesNo >= SHAPE_SHARE * this.values && (count(Raw.YesNoWord) > 0 || !this.hints.count);
    // 1–5 are ratings in a column whose numbers are all 1–5.
    const ratingColumn = !yesNoColumn && !this.hints.count && count(Raw.One) + count(Raw.Small) > 0 && count(Raw.Zero) === 0 && count(Raw.Number) === 0;
    put('yes-no', count(Raw.YesNoWord) + (yesNoColumn ? count(Raw.Zero) + count(Raw.One) : 0));
    put('rating', ratingColumn ? count(Raw.One) + count(Raw.Small) : 0);
    put('number', count(Raw.Number) + (yesNoColumn ? count(Raw.Small) : ratingColumn ? 0 : count(Raw.Zero) + count(Raw.One) + count(Raw.Small)));
    put('text', count(Raw.Text));

    let shape: ValueShape = this.values === 0 ? 'blank' : 'text';
    for (const [s, n] of Object.entries(shapes) as [ValueShape, number][]) if (this.values > 0 && n >= SHAPE_SHARE * this.values) shape = s;

    const profile: ColumnProfile = {
      header: this.header,
      values: this.values,
      blank: this.blank,
      samples: [...this.samples],
      shapes,
      shape,
      distinct: this.capped ? MAX_DISTINCT : (this.seen?.size ?? 0),
      distinctCapped: this.capped,
    };
    if (shape === 'timestamp' || shape === 'date') {
      const most = Math.max(...this.formats);
      const best = DATE_FORMATS.filter((_, i) => this.formats[i] === most);
      if (most > 0 && best.length === 1) profile.dateFormat = best[0]!;
    }
    return profile;
  }
}

/** A year-first date no built-in format reads: a date, a timestamp, or not one (Text). */
function ymdShape(m: RegExpExecArray): Raw {
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate())) return Raw.Text;
  if (m[5] === undefined) return Raw.Date;
  return Number(m[5]) <= 23 && Number(m[6]) <= 59 && Number(m[7] ?? 0) <= 59 ? Raw.Timestamp : Raw.Text;
}

/** What an `h:mm[:ss]` value is: a time of day, a duration, either (Clock), or not one (Text). */
function clockOf(hours: string, separator: string, minutes: string, seconds: string | undefined, meridiem: string | undefined): Raw {
  const h = Number(hours);
  if (Number(minutes) > 59 || (seconds !== undefined && Number(seconds) > 59)) return Raw.Text;
  if (meridiem !== undefined) return hours.length <= 2 && h >= 1 && h <= 12 ? Raw.Time : Raw.Text;
  if (separator === '.') return seconds !== undefined && hours.length <= 2 && h <= 23 ? Raw.Time : Raw.Text;
  if (hours === '0' || h >= 24 || hours.length > 2) return Raw.Duration;
  return Raw.Clock;
}

/**
 * Profiles each column of a header over the records it is given. A record shorter than the header
 * has blanks in the columns it lacks; fields beyond the header are ignored. Values are trimmed; a
 * sentinel (by default the ones every dialect knows: `-`, `?`, `N/A`, placeholder dates) is blank.
 */
export class ColumnProfiler {
  private readonly columns: Column[];
  private readonly sentinels: Set<string>;

  constructor(header: readonly string[], sentinels: readonly string[] = COMMON_SENTINELS) {
    this.columns = header.map((title) => new Column(title));
    this.sentinels = new Set(sentinels.map((s) => s.trim().toLowerCase()));
  }

  add(record: readonly string[]): void {
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c]!;
      const value = record[c]?.trim() ?? '';
      if (value === '' || (this.sentinels.size > 0 && this.sentinels.has(value.toLowerCase()))) column.blank++;
      else column.add(value);
    }
  }

  profiles(): ColumnProfile[] {
    return this.columns.map((column) => column.profile());
  }
}
