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
    const hourKey = utcMillis({ ...w, minute: 0, second: 0, millisecond: 0 });
    let offset = offsetByHour.get(hourKey);
    if (offset === undefined) {
      const startOffset = hourKey - exact({ ...w, minute: 0, second: 0, millisecond: 0 });
      const endOffset = hourKey + 3_599_999 - exact({ ...w, minute: 59, second: 59, millisecond: 999 });
      offset = startOffset === endOffset ? startOffset : uncacheable;
      offsetByHour.set(hourKey, offset);
    }
    return Number.isNaN(offset) ? exact(w) : utcMillis(w) - offset;
  };
}


/** An instant written as an RFC 3339 timestamp with the offset `zone` has at that instant (`2026-03-02T00:00:00+01:00`). */
export function formatInstant(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toString({ timeZoneName: 'never', fractionalSecondDigits: 'auto' });
}
