import { daysFromEpoch, utcMillis, type WallTime } from './wall-time.js';

/**
 * Strict reader for ISO 8601 / RFC 3339 timestamps: `2026-03-02T09:15:00Z`, `2026-03-02 09:15:00.250+01:00`,
 * `2026-03-02 09:15:00+01` (offset in hours, as PostgreSQL prints it),
 * `2026-03-02T09:15` (no offset: read in the input zone), `2026-03-02 9:15` (a one-digit hour after a
 * space, as spreadsheets write it). Seconds and fractions are optional;
 * fractions beyond milliseconds are truncated. A date alone, `2026-03-02`, is the start of that day
 * in the input zone (midnight, or the first instant after it when the zone skips midnight); a date
 * alone never takes an offset.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of days in `month` (1–12) of `year` (proleptic Gregorian), or 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
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
  const fast = parseCommonLayout(text, readLocal);
  return Number.isNaN(fast) ? parseAnyLayout(text, readLocal) : fast;
}

const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const twoDigits = (text: string, i: number): number => digitAt(text, i) * 10 + digitAt(text, i + 1);

/**
 * The layout nearly every export uses, `YYYY-MM-DDTHH:MM:SS[.fff]` followed by `Z`, `±HH:MM` or
 * nothing (the wall time, handed to `readLocal`, as Zendesk's CSV writes it), read without a
 * regular expression (a million-ticket file holds several million timestamps). Returns NaN for
 * anything else, which then goes through the general reader.
 */
function parseCommonLayout(text: string, readLocal: ReadWallTime): number {
  const n = text.length;
  if (n < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return Number.NaN;
  }
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return Number.NaN; // 'T' or ' '
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let i = 19;
  let millisecond = 0;
  if (text.charCodeAt(i) === 46) {
    // '.' then 1–9 digits, of which the first three count
    let digits = 0;
    for (i++; i < n && digits < 9; i++, digits++) {
      const d = digitAt(text, i);
      if (Number.isNaN(d)) break;
      if (digits < 3) millisecond += d * (digits === 0 ? 100 : digits === 1 ? 10 : 1);
    }
    if (digits === 0) return Number.NaN;
  }
  let offsetMinutes: number;
  if (i === n) {
    offsetMinutes = Number.NaN; // none: a wall time
  } else if (i === n - 1 && text.charCodeAt(i) === 90) {
    offsetMinutes = 0; // 'Z'
  } else if (i === n - 6 && text.charCodeAt(i + 3) === 58) {
    const sign = text.charCodeAt(i);
    if (sign !== 43 && sign !== 45) return Number.NaN;
    const hours = twoDigits(text, i + 1);
    const minutes = twoDigits(text, i + 4);
    if (!(hours <= 23 && minutes <= 59)) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  } else {
    return Number.NaN;
  }
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) {
    return Number.NaN;
  }
  if (Number.isNaN(offsetMinutes)) return readLocal({ year, month, day, hour, minute, second, millisecond });
  return ((daysFromEpoch(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millisecond;
}

function parseAnyLayout(text: string, readLocal: ReadWallTime): number {
  const m = TIMESTAMP.exec(text);
  // A one-digit hour only after a space (`2026-03-02 9:15`, as spreadsheets write it), never after a T.
  if (m === null || (m[4]?.length === 1 && text.charCodeAt(10) !== 32)) return Number.NaN;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
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
    const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
    const sign = m[9] === '-' ? -1 : 1;
    return utcMillis(wall) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return readLocal(wall);
}
