import { Temporal } from 'temporal-polyfill';
import { UsageError } from '../errors.js';
import { utcMillis, type WallTime } from './wall-time.js';

export { utcMillis, type WallTime } from './wall-time.js';

/**
 * Time-zone handling. All zone rules (offsets, DST) come from temporal-polyfill; this module only
 * caches what it answers so that the per-record path stays cheap.
 */

/** Returns the zone id if `zone` is an IANA zone (or a fixed offset such as `+02:00`); throws a UsageError otherwise. */
export function validateTimeZone(zone: string, flag: string): string {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
  } catch {
    throw new UsageError(`${flag}: "${zone}" is not a time zone (use an IANA name such as Europe/Berlin, or UTC)`);
  }
}

/**
 * Builds a function that reads a wall-clock time in `zone` as an instant (epoch ms).
 *
 * Times that do not exist (the hour skipped when clocks go forward) move forward by the gap, and
 * times that happen twice (the hour repeated when clocks go back) take the earlier instant: the
 * "compatible" rule of Temporal and of RFC 5545. The zone's offset is cached per wall-clock hour and
 * only when it is the same at both ends of that hour, so the transition hours are always asked anew.
 */
export function wallTimeReader(zone: string): (wall: WallTime) => number {
  if (zone === 'UTC') return (w) => utcMillis(w);
  const offsetByHour = new Map<number, number>();
  const uncacheable = Number.NaN;
  const exact = (w: WallTime): number =>
    Temporal.PlainDateTime.from({
      year: w.year,
      month: w.month,
      day: w.day,
      hour: w.hour,
      minute: w.minute,
      second: w.second,
      millisecond: w.millisecond,
    })
      .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;

  return (w) => {
    // The wall time read as UTC, and the start of its hour so read (no copy of the wall time made:
    // a column of a million timestamps asks a million times).
    const asUtc = utcMillis(w);
    const hourKey = asUtc - (w.minute * 60_000 + w.second * 1000 + w.millisecond);
    let offset = offsetByHour.get(hourKey);
    if (offset === undefined) {
      const startOffset = hourKey - exact({ ...w, minute: 0, second: 0, millisecond: 0 });
      const endOffset = hourKey + 3_599_999 - exact({ ...w, minute: 59, second: 59, millisecond: 999 });
      offset = startOffset === endOffset ? startOffset : uncacheable;
      offsetByHour.set(hourKey, offset);
    }
    return Number.isNaN(offset) ? exact(w) : asUtc - offset;
  };
}

/** An instant written as an RFC 3339 timestamp with the offset `zone` has at that instant (`2026-03-02T00:00:00+01:00`). */
export function formatInstant(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toString({ timeZoneName: 'never', fractionalSecondDigits: 'auto' });
}

/** `00` to `59`. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const MS_PER_DAY = 86_400_000;
/** The day wallText wrote last, and its `YYYY-MM-DDT`: instants come day after day, a date is made once a day. */
let lastDay = Number.NaN;
let lastDayText = '';

/** `hh:mm:ss` text followed by only the milliseconds there are (`.5`, `.125`), as formatInstant writes them. */
const withMilliseconds = (text: string, ms: number): string => (ms === 0 ? text : `${text}.${String(ms).padStart(3, '0').replace(/0+$/, '')}`);

/** The wall-clock time of epoch ms `local` (read as UTC), as formatInstant writes it: seconds, then only the milliseconds there are (`.5`, `.125`). */
export function wallText(local: number): string {
  const day = Math.floor(local / MS_PER_DAY);
  // Years 1970 to 9999 (the store's instants): the date once a day, the time by arithmetic.
  if (day >= 0 && day < 2_932_897 && Number.isInteger(local)) {
    if (day !== lastDay) {
      lastDay = day;
      lastDayText = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    }
    const inDay = local - day * MS_PER_DAY;
    const seconds = Math.floor(inDay / 1000);
    return withMilliseconds(`${lastDayText}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`, inDay - seconds * 1000);
  }
  return withMilliseconds(new Date(local).toISOString().slice(0, 19), ((local % 1000) + 1000) % 1000);
}

/** A zone's offset in one UTC hour, in milliseconds and as formatInstant writes it. */
interface HourOffset {
  ms: number;
  /** RFC 3339's ±HH:MM (an offset in seconds, -00:44:30, is written -00:45). */
  text: string;
}

/**
 * The zone's offset in the UTC hour of an instant, asked of the zone rules once per hour, and only
 * when it is the same at both ends of that hour: null for an hour in which the offset changes,
 * which the callers ask of Temporal instant by instant. Making Temporal objects for each instant
 * took most of the time of the tickets and coverage commands.
 */
function offsetsByHour(zone: string): (epochMs: number) => HourOffset | null {
  const byHour = new Map<number, HourOffset | null>();
  return (epochMs) => {
    const hour = Math.floor(epochMs / 3_600_000);
    let cached = byHour.get(hour);
    if (cached === undefined) {
      const [start, end] = [hour * 3_600_000, hour * 3_600_000 + 3_599_999].map((at) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone));
      cached = start!.offsetNanoseconds === end!.offsetNanoseconds ? { ms: start!.offsetNanoseconds / 1e6, text: start!.toString({ timeZoneName: 'never' }).slice(-6) } : null;
      byHour.set(hour, cached);
    }
    return cached;
  };
}

/** formatInstant for many instants in one zone (the tickets command writes five a line). */
export function instantFormatter(zone: string): (epochMs: number) => string {
  const offsetAt = offsetsByHour(zone);
  return (epochMs) => {
    const offset = offsetAt(epochMs);
    return offset === null ? formatInstant(epochMs, zone) : wallText(epochMs + offset.ms) + offset.text;
  };
}

/** The hour of the week of an ISO weekday (1 Monday … 7 Sunday) and an hour: 0 is Monday 00:00–01:00, 167 Sunday 23:00–24:00. */
export const hourOfWeek = (weekday: number, hour: number): number => (weekday - 1) * 24 + hour;

/** For many instants in one zone: each one's local hour of the week (see hourOfWeek). */
export function weekHourReader(zone: string): (epochMs: number) => number {
  const offsetAt = offsetsByHour(zone);
  return (epochMs) => {
    const offset = offsetAt(epochMs);
    if (offset === null) {
      const local = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
      return hourOfWeek(local.dayOfWeek, local.hour);
    }
    const local = new Date(epochMs + offset.ms);
    // getUTCDay: 0 is Sunday.
    return hourOfWeek(local.getUTCDay() || 7, local.getUTCHours());
  };
}
