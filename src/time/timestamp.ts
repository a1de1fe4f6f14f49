import { utcMillis, type WallTime } from './zone.js';

/**
 * Strict reader for ISO 8601 / RFC 3339 timestamps: `2026-03-02T09:15:00Z`, `2026-03-02 09:15:00.250+01:00`,
 * `2026-03-02T09:15` (no offset: read in the input zone). Seconds and fractions are optional;
 * fractions beyond milliseconds are truncated. Date-only values are not timestamps.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export type ReadWallTime = (wall: WallTime) => number;

/**
 * Parses `text` to epoch milliseconds, or NaN when it is not a valid timestamp (including
 * impossible calendar dates such as 2026-02-30 or 24:00). A value without an offset is handed to
 * `readLocal`, which knows the input time zone.
 */
export function parseTimestamp(text: string, readLocal: ReadWallTime): number {
  const m = TIMESTAMP.exec(text);
  if (m === null) return Number.NaN;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')),
  };
  if (
    wall.month < 1 ||
    wall.month > 12 ||
    wall.day < 1 ||
    wall.day > daysInMonth(wall.year, wall.month) ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    return Number.NaN;
  }
  if (m[8] !== undefined) return utcMillis(wall);
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
    const sign = m[9] === '-' ? -1 : 1;
    return utcMillis(wall) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return readLocal(wall);
}
