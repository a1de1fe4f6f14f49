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

/** The wall time read as UTC (plain arithmetic, no zone rules). Years 0–99 are not shifted to 19xx. */
export function utcMillis(w: WallTime): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  if (w.year >= 100) return ms;
  const date = new Date(ms);
  date.setUTCFullYear(w.year);
  return date.getTime();
}
