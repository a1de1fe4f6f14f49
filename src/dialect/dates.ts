import { parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import { utcMillis, type WallTime } from '../time/zone.js';

/**
 * Date formats seen in helpdesk exports beyond ISO 8601, and how a column's format is decided from
 * all its values. Day-first and month-first cannot be told apart from a value like 03/04/2026;
 * a column where every value is ambiguous needs --date-format rather than a guess.
 */

export const DATE_FORMATS = ['iso', 'DMY', 'MDY', 'epoch-seconds', 'epoch-millis'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export { DATE_ORDER_CHOICES } from './date-orders.js';

export const DATE_FORMAT_TEXT: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2026-03-02T09:15:00Z, 2026-03-02 09:15:00)',
  DMY: 'day first (29/02/2016 01:16, 29-02-2016, 5.3.2016)',
  MDY: 'month first (02/29/2016 1:16 PM)',
  'epoch-seconds': 'seconds since 1970-01-01 (1772442900)',
  'epoch-millis': 'milliseconds since 1970-01-01 (1772442900000)',
};

// 29/02/2016, 29-02-2016, 29.02.2016, 5/3/2016; then an optional time 01:16[:05] [AM|PM].
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MILLIS = /^\d{12,13}$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A numeric date read day-first or month-first: the wall time, or undefined when impossible. */
function numericWallTime(text: string, order: 'DMY' | 'MDY'): WallTime | undefined {
  const m = NUMERIC_DATE.exec(text);
  if (m === null) return undefined;
  const [first, second] = [Number(m[1]), Number(m[2])];
  const [day, month] = order === 'DMY' ? [first, second] : [second, first];
  const year = Number(m[3]);
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second_ = m[6] === undefined ? 0 : Number(m[6]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second_ > 59) return undefined;
  return { year, month, day, hour, minute, second: second_, millisecond: 0 };
}

/** Epoch ms of `text` read in `format`, or NaN. Values without an offset go to `readLocal`. */
export function parseDate(text: string, format: DateFormat, readLocal: ReadWallTime): number {
  switch (format) {
    case 'iso':
      return parseTimestamp(text, readLocal);
    case 'DMY':
    case 'MDY': {
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

export type FormatVerdict =
  | { kind: 'decided'; format: DateFormat }
  /** Every value reads both ways (e.g. 03/04/2026): ask for --date-format. */
  | { kind: 'ambiguous'; example: string }
  /** No single format reads every value; the values that do not fit are rejected one by one. */
  | { kind: 'mixed'; format: DateFormat; misfits: number };

/**
 * Decides a column's format from all its (non-blank) values: the one format that reads them all;
 * day-first vs month-first by the values that only one of them can read (13/02/2026); when no
 * format reads them all, the one that reads most. Ties between DMY and MDY are ambiguous.
 */
export class DateFormatVote {
  private readonly counts = new Map<DateFormat, number>();
  private values = 0;
  private ambiguousExample: string | undefined;

  add(text: string): void {
    this.values++;
    const formats = formatsOf(text);
    for (const f of formats) this.counts.set(f, (this.counts.get(f) ?? 0) + 1);
    if (this.ambiguousExample === undefined && formats.includes('DMY') && formats.includes('MDY')) this.ambiguousExample = text;
  }

  verdict(): FormatVerdict {
    const count = (f: DateFormat): number => this.counts.get(f) ?? 0;
    if (this.values === 0 || count('iso') === this.values) return { kind: 'decided', format: 'iso' };
    const dmy = count('DMY');
    const mdy = count('MDY');
    if (dmy === mdy && dmy > 0 && dmy >= Math.max(count('iso'), count('epoch-seconds'), count('epoch-millis'))) {
      return { kind: 'ambiguous', example: this.ambiguousExample ?? '' };
    }
    const best = [...DATE_FORMATS].sort((a, b) => count(b) - count(a))[0]!;
    return count(best) === this.values ? { kind: 'decided', format: best } : { kind: 'mixed', format: best, misfits: this.values - count(best) };
  }
}
