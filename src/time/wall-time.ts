/**
 * A wall-clock time, and its reading as UTC: plain arithmetic with no zone rules, kept apart from
 * zone.ts (which loads temporal-polyfill) so that the date parsers --help loads stay light.
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * The wall time read as UTC (plain arithmetic, no zone rules). Years 0–99 are not shifted to 19xx.
 * What Date.UTC computes, without its call for a month of 1–12 from year 100 on (a column of
 * day-first dates makes a million calls); days, hours, minutes past their range carry over as
 * they do there.
 */
export function utcMillis(w: WallTime): number {
  if (w.year >= 100 && w.year <= MAX_YEAR && w.month >= 1 && w.month <= 12) {
    const ms = ((daysFromEpoch(w.year, w.month, 1) + w.day - 1) * 24 + w.hour) * 3_600_000 + w.minute * 60_000 + w.second * 1000 + w.millisecond;
    // Past the range of a Date, as Date.UTC says (its TimeClip).
    return Math.abs(ms) <= 8.64e15 ? ms : Number.NaN;
  }
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  if (w.year >= 100) return ms;
  const date = new Date(ms);
  date.setUTCFullYear(w.year);
  return date.getTime();
}

/** The last year read by arithmetic: Date.UTC, past it, would soon leave the range of a Date (NaN). */
const MAX_YEAR = 9999;

/**
 * Days from 1970-01-01 to a valid date of the proleptic Gregorian calendar (Hinnant's
 * days_from_civil): what Date.UTC computes, without its call (several million timestamps a file).
 */
export function daysFromEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
