import { Temporal } from 'temporal-polyfill';

/**
 * Business time: the open hours of a weekly schedule in a time zone, minus holidays.
 *
 * Everything is computed per LOCAL day with temporal-polyfill, never with a fixed UTC offset: each
 * open interval of a date is turned into instants from its wall-clock times, so 09:00 is 09:00 on
 * both sides of a DST change, and a 00:00–24:00 day is as long as that day is (23 or 25 hours on
 * the change days). A wall time the zone skips (the hour lost in spring) moves forward by the gap,
 * and a wall time it repeats (the hour gained in autumn) is its earlier instant: Temporal's
 * 'compatible' disambiguation.
 *
 * Speed: the open instants of a local date are computed once per schedule and date and kept in a
 * small cache (a Map keyed by the date's day number, cleared when it grows past about 50 years of
 * dates), so computing a ticket's business time is a few Map lookups and additions per local day it
 * spans; nothing is allocated per minute.
 */

/**
 * A weekly schedule in a zone: open intervals per ISO weekday (1 = Monday … 7 = Sunday), minutes
 * from local midnight, [start, end) with end ≤ 1440; holidays closed all day (local dates).
 *
 * Why minutes of the local day rather than instants: a schedule is written in wall-clock time, and
 * only a local date says which instants its 09:00 and 18:00 are. Treat a schedule as immutable (the
 * functions below cache its open instants per schedule object); scheduleOf returns it frozen.
 */
export interface Schedule {
  name: string;
  timezone: string;
  /** intervals[weekday - 1]: sorted, non-overlapping [startMinute, endMinute) pairs. */
  intervals: readonly (readonly [number, number])[][];
  holidays: ReadonlySet<string>; // 'YYYY-MM-DD' local dates
}

/**
 * The configuration form of a schedule, as scheduleOf reads it: `hours` maps a day (`mon`) or a
 * range of days (`mon-fri`, wrapping `fri-mon`) to one `HH:MM-HH:MM` interval or a list of them;
 * `holidays` lists local dates (`2026-04-06`) and inclusive ranges (`2026-12-24..2026-12-26`).
 */
export interface ScheduleSpec {
  name: string;
  timezone: string;
  hours: Record<string, string | string[]>;
  holidays?: string[];
}

/**
 * A schedule configuration that cannot be used. The message names the bad piece in one line
 * (`hours."mon-fri": "9-18" is not HH:MM-HH:MM`), so that the config loader can prefix where the
 * schedule was written and report it as a usage error.
 */
export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTES_PER_DAY = 1440;
const DAY_MS = 86_400_000;
/** The longest holiday range accepted (about ten years): a longer one is most likely a typo. */
const MAX_HOLIDAY_RANGE_DAYS = 3660;
/**
 * addBusinessSeconds gives up (Infinity) after this many local days in a row without any open time
 * (three years): a schedule closed that long is treated as never opening again. With a non-empty
 * week only holidays can close days, and holiday ranges are at most ten years, so this bound is
 * reached only by lists of holidays covering more than three years in a row.
 */
const MAX_CLOSED_DAYS = 3 * 366;
/** Cached local dates per schedule before the cache is cleared (about 50 years of dates). */
const MAX_CACHED_DAYS = 18_300;

const quote = (text: string): string => JSON.stringify(text);

/** Reads "HH:MM" (or "H:MM") as minutes from midnight, 00:00 to 24:00; undefined when it is not a time of day. */
function minutesOf(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** The ISO weekdays (0 = Monday) a key of `hours` names: `mon`, `mon-fri`, or a wrapping `fri-mon`. */
function daysOf(key: string): number[] {
  const where = `hours.${quote(key)}`;
  const parts = key.trim().toLowerCase().split('-');
  if (parts.length > 2) throw new ScheduleError(`${where}: ${quote(key)} is not a day or a range of days (mon, tue, wed, thu, fri, sat, sun; mon-fri)`);
  const indexes = parts.map((part) => {
    const index = (DAY_NAMES as readonly string[]).indexOf(part.trim());
    if (index < 0) throw new ScheduleError(`${where}: ${quote(part.trim())} is not a day (mon, tue, wed, thu, fri, sat, sun)`);
    return index;
  });
  const [first, last] = [indexes[0]!, indexes.at(-1)!];
  if (indexes.length === 2 && first === last) throw new ScheduleError(`${where}: a range of days needs two different days (write ${quote(DAY_NAMES[first]!)} for one day)`);
  const days = [first];
  for (let day = first; day !== last; ) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}

/**
 * Reads one `HH:MM-HH:MM` interval into the open minutes of `day` (0 = Monday) and, for an interval
 * past midnight (end before start), of the next weekday.
 */
function addInterval(text: unknown, where: string, day: number, open: [number, number][][]): void {
  if (typeof text !== 'string') throw new ScheduleError(`${where}: expected "HH:MM-HH:MM" or a list of them, got ${JSON.stringify(text) ?? String(text)}`);
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (match === null) throw new ScheduleError(`${where}: ${quote(text)} is not HH:MM-HH:MM`);
  const start = minutesOf(match[1]!, match[2]!);
  const end = minutesOf(match[3]!, match[4]!);
  if (start === undefined) throw new ScheduleError(`${where}: ${quote(text)}: ${match[1]}:${match[2]} is not a time of day (00:00 to 24:00)`);
  if (end === undefined) throw new ScheduleError(`${where}: ${quote(text)}: ${match[3]}:${match[4]} is not a time of day (00:00 to 24:00)`);
  if (start === MINUTES_PER_DAY) throw new ScheduleError(`${where}: ${quote(text)}: 24:00 can only end an interval (write 00:00 to start at midnight)`);
  if (start === end) throw new ScheduleError(`${where}: ${quote(text)} is empty (write "00:00-24:00" for the whole day)`);
  if (start < end) {
    open[day]!.push([start, end]);
    return;
  }
  // Past midnight: the part after midnight belongs to the next day (and is closed when that day is a holiday).
  open[day]!.push([start, MINUTES_PER_DAY]);
  if (end > 0) open[(day + 1) % 7]!.push([0, end]);
}

/** Sorted, merged copy of one day's intervals: overlapping or touching intervals become one. */
function merged(intervals: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = intervals
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(MINUTES_PER_DAY, end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Reads a `YYYY-MM-DD` date; undefined when it is not one (2026-02-30 included). */
function dateOf(text: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/** The local dates a `holidays` entry names: one date, or an inclusive range `A..B`. */
function holidayDates(entry: unknown, where: string): string[] {
  if (typeof entry !== 'string') throw new ScheduleError(`${where}: expected a date "YYYY-MM-DD" or a range "YYYY-MM-DD..YYYY-MM-DD", got ${JSON.stringify(entry) ?? String(entry)}`);
  const parts = entry.trim().split('..');
  if (parts.length > 2) throw new ScheduleError(`${where}: ${quote(entry)} is not a date or a range of dates (YYYY-MM-DD..YYYY-MM-DD)`);
  const dates = parts.map((part) => {
    const date = dateOf(part.trim());
    if (date === undefined) throw new ScheduleError(`${where}: ${quote(part.trim())} is not a date (YYYY-MM-DD)`);
    return date;
  });
  const [first, last] = [dates[0]!, dates.at(-1)!];
  const length = first.until(last, { largestUnit: 'days' }).days;
  if (length < 0) throw new ScheduleError(`${where}: ${quote(entry)} ends before it starts`);
  if (length >= MAX_HOLIDAY_RANGE_DAYS) throw new ScheduleError(`${where}: ${quote(entry)} is longer than ${MAX_HOLIDAY_RANGE_DAYS} days`);
  const out: string[] = [];
  for (let i = 0; i <= length; i++) out.push(first.add({ days: i }).toString());
  return out;
}

/**
 * Parses the config form of a schedule into a Schedule. `hours`: `{"mon-fri": "09:00-18:00", "sat":
 * "09:00-13:00", "sun": ["08:00-12:30", "13:30-17:00"]}`: day names mon..sun, ranges like "mon-fri"
 * (and wrapping "fri-mon"), "24:00" as the end of the day, an interval past midnight ("22:00-06:00")
 * split at midnight with its second part belonging to the NEXT day; `holidays`: `["2026-04-06",
 * "2026-12-24..2026-12-26"]` (ranges inclusive). Overlapping (and touching) intervals on a day are
 * merged. Throws a ScheduleError whose message names the bad piece
 * (`hours."mon-fri": "9-18" is not HH:MM-HH:MM`).
 *
 * Why a parser of its own: schedules come from hand-written configuration, so every mistake is
 * reported with the key and value it is in rather than becoming silently wrong business time. Day
 * names are read case-insensitively; an interval whose end is before its start runs past midnight
 * ("18:00-09:00" is 18:00–24:00 and 00:00–09:00 of the next weekday); an empty interval
 * ("09:00-09:00") and a one-day range ("mon-mon") are errors, as is a holiday range over ten years.
 * The result is frozen: the business-time functions cache per schedule object.
 */
export function scheduleOf(spec: ScheduleSpec): Schedule {
  let timezone: string;
  try {
    timezone = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(spec.timezone).timeZoneId;
  } catch {
    throw new ScheduleError(`timezone: ${quote(String(spec.timezone))} is not a time zone (use an IANA name such as Europe/Rome, or UTC)`);
  }
  if (spec.hours === null || typeof spec.hours !== 'object' || Array.isArray(spec.hours)) throw new ScheduleError('hours: expected an object such as {"mon-fri": "09:00-18:00"}');

  const open: [number, number][][] = DAY_NAMES.map(() => []);
  for (const [key, value] of Object.entries(spec.hours)) {
    const days = daysOf(key);
    const texts: readonly unknown[] = Array.isArray(value) ? value : [value];
    texts.forEach((text, i) => {
      const where = Array.isArray(value) ? `hours.${quote(key)}[${i}]` : `hours.${quote(key)}`;
      for (const day of days) addInterval(text, where, day, open);
    });
  }

  const holidays = new Set<string>();
  const list: unknown = spec.holidays ?? [];
  if (!Array.isArray(list)) throw new ScheduleError('holidays: expected a list of dates such as ["2026-04-06", "2026-12-24..2026-12-26"]');
  list.forEach((entry: unknown, i) => {
    for (const date of holidayDates(entry, `holidays[${i}]`)) holidays.add(date);
  });

  const intervals = open.map((day) => Object.freeze(merged(day).map((pair) => Object.freeze(pair))) as (readonly [number, number])[]);
  return Object.freeze({ name: spec.name, timezone, intervals: Object.freeze(intervals), holidays });
}

/** The open instants of one local date: [start, end) pairs in epoch ms, in order, not overlapping. */
interface Day {
  /** Epoch ms of the start of the local date. */
  start: number;
  /** Epoch ms of the start of the next local date. */
  end: number;
  /** start0, end0, start1, end1, … */
  open: Float64Array;
  /** Sum of the open intervals, ms. */
  total: number;
}

/** What the functions below need of a schedule, prepared once per schedule object. */
interface Compiled {
  zone: string;
  /** Merged open minutes per weekday (0 = Monday). */
  weekly: [number, number][][];
  holidays: ReadonlySet<string>;
  /** Whether some weekday has open minutes at all. */
  everOpen: boolean;
  /** Local dates by day number (days since 1970-01-01 in the local calendar). */
  days: Map<number, Day>;
}

const compiledSchedules = new WeakMap<Schedule, Compiled>();

function compile(schedule: Schedule): Compiled {
  let compiled = compiledSchedules.get(schedule);
  if (compiled === undefined) {
    const weekly = DAY_NAMES.map((_, i) => merged(schedule.intervals[i] ?? []));
    compiled = { zone: schedule.timezone, weekly, holidays: schedule.holidays, everOpen: weekly.some((day) => day.length > 0), days: new Map() };
    compiledSchedules.set(schedule, compiled);
  }
  return compiled;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The open instants of local date number `dayNumber`, from the cache or computed with Temporal. */
function dayOf(c: Compiled, dayNumber: number): Day {
  const cached = c.days.get(dayNumber);
  if (cached !== undefined) return cached;
  // The calendar date of a day number: UTC fields of that many days after the epoch (no time zone involved).
  const utc = new Date(dayNumber * DAY_MS);
  const [year, month, date] = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()];
  const plain = new Temporal.PlainDate(year, month, date);
  const start = plain.toZonedDateTime({ timeZone: c.zone }).epochMilliseconds;
  const end = plain.add({ days: 1 }).toZonedDateTime({ timeZone: c.zone }).epochMilliseconds;
  const key = `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
  const weekday = (((dayNumber + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (index 3)
  const intervals = c.holidays.has(key) ? [] : c.weekly[weekday]!;
  const wall = (minute: number): number =>
    minute >= MINUTES_PER_DAY
      ? end
      : new Temporal.PlainDateTime(year, month, date, Math.floor(minute / 60), minute % 60).toZonedDateTime(c.zone, { disambiguation: 'compatible' }).epochMilliseconds;
  const open: number[] = [];
  let total = 0;
  let last = start;
  for (const [startMinute, endMinute] of intervals) {
    // Clipped to the date and to the end of the interval before: around a DST gap, 'compatible'
    // can move a start past the end of its own interval or into the one before.
    const from = Math.min(Math.max(wall(startMinute), last), end);
    const to = Math.min(Math.max(wall(endMinute), from), end);
    if (to > from) {
      open.push(from, to);
      total += to - from;
    }
    last = to;
  }
  const day: Day = { start, end, open: Float64Array.from(open), total };
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(dayNumber, day);
  return day;
}

/** The number of the local date holding the instant. */
function dayNumberOf(c: Compiled, at: number): number {
  // The local date is within a day or so of the UTC date: step towards it.
  let n = Math.floor(at / DAY_MS);
  for (let step = 0; step < 8; step++) {
    const day = dayOf(c, n);
    if (at < day.start) n--;
    else if (at >= day.end) n++;
    else return n;
  }
  throw new Error(`business time: no local date holds ${at} in ${c.zone}`);
}

function checkInstant(at: number, what: string): void {
  if (!Number.isFinite(at)) throw new RangeError(`business time: ${what} must be a finite epoch-ms instant, got ${at}`);
}

/** Seconds of open time in [from, to) (epoch ms; 0 when to <= from).
 *
 * Why: business first-response and resolution times are the open time between two instants. The
 * open instants of each local date in the range are intersected with [from, to) and summed, one
 * date at a time (a whole date inside the range adds its cached total). Throws a RangeError for a
 * non-finite instant. The result has millisecond precision (fractional seconds are kept).
 */
export function businessSeconds(schedule: Schedule, from: number, to: number): number {
  checkInstant(from, 'from');
  checkInstant(to, 'to');
  if (!(to > from)) return 0;
  const c = compile(schedule);
  if (!c.everOpen) return 0;
  let total = 0;
  for (let n = dayNumberOf(c, from); ; n++) {
    const day = dayOf(c, n);
    if (day.start >= to) break;
    if (from <= day.start && day.end <= to) {
      total += day.total;
      continue;
    }
    const open = day.open;
    for (let i = 0; i < open.length; i += 2) {
      const lo = Math.max(open[i]!, from);
      const hi = Math.min(open[i + 1]!, to);
      if (hi > lo) total += hi - lo;
    }
  }
  return total / 1000;
}

/** The instant when `seconds` of open time have elapsed since `from` (epoch ms); Infinity if the schedule is never open.
 *
 * Why: an SLA target in business hours ("4 business hours") becomes a deadline instant. The walk
 * goes forward one local date at a time through the open intervals and returns the earliest instant
 * at which the open time since `from` reaches `seconds`: the end of an interval when it is used up
 * exactly there (2 h from 16:00 with 18:00 closing is 18:00, not the next opening), and `from` itself
 * for 0 seconds. Infinity when no weekday has open hours, for Infinity seconds, and when the walk
 * meets three years of local dates in a row without open time (holidays all along): the schedule is
 * then taken as never opening again. The time taken grows with the number of local dates walked.
 * Throws a RangeError for a non-finite `from` and for a negative or NaN `seconds`.
 */
export function addBusinessSeconds(schedule: Schedule, from: number, seconds: number): number {
  checkInstant(from, 'from');
  if (!(seconds >= 0)) throw new RangeError(`business time: seconds must be ≥ 0, got ${seconds}`);
  if (seconds === 0) return from;
  const c = compile(schedule);
  if (!c.everOpen || seconds === Infinity) return Infinity;
  let remaining = seconds * 1000;
  let closedDays = 0;
  for (let n = dayNumberOf(c, from); ; n++) {
    const open = dayOf(c, n).open;
    let opened = false;
    for (let i = 0; i < open.length; i += 2) {
      const end = open[i + 1]!;
      if (end <= from) continue;
      const start = Math.max(open[i]!, from);
      opened = true;
      const length = end - start;
      if (remaining <= length) return start + remaining;
      remaining -= length;
    }
    closedDays = opened ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) return Infinity;
  }
}

/** Whether the schedule is open at the instant.
 *
 * Why: to tell whether an event (a reply, a breach) happened within business hours. Open means
 * inside one of the [start, end) open intervals of the instant's local date. Throws a RangeError
 * for a non-finite instant.
 */
export function isOpen(schedule: Schedule, at: number): boolean {
  checkInstant(at, 'at');
  const c = compile(schedule);
  if (!c.everOpen) return false;
  const open = dayOf(c, dayNumberOf(c, at)).open;
  for (let i = 0; i < open.length; i += 2) if (open[i]! <= at && at < open[i + 1]!) return true;
  return false;
}
