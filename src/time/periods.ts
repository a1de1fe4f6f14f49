import { Temporal } from 'temporal-polyfill';

/**
 * Calendar periods in a time zone. Boundaries are computed once per period with temporal-polyfill
 * (so DST days are 23 or 25 hours long, as they are); placing an instant in a period is then a
 * binary search over those boundaries.
 */

import type { Comparison, Period } from './period-names.js';

export { COMPARISONS, PERIODS, type Comparison, type Period } from './period-names.js';

export interface PeriodSlot {
  /** `2026-03-02`, `2026-W10`, `2026-03`, `2026-Q1`, `2026` or `all`. */
  label: string;
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
}

export interface PeriodGrid {
  period: Period;
  zone: string;
  slots: PeriodSlot[];
  /** slots[i].start for every i, then the end of the last slot. */
  boundaries: Float64Array;
  /** slots[i].end for every i (the slots of a shifted grid may leave gaps between them). */
  ends: Float64Array;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

function localDate(epochMs: number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate();
}

/** The first day of the period holding `date` (ISO weeks start on Monday). */
function periodStartDate(date: Temporal.PlainDate, period: Exclude<Period, 'all'>): Temporal.PlainDate {
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return date.subtract({ days: date.dayOfWeek - 1 });
    case 'month':
      return date.with({ day: 1 });
    case 'quarter':
      return date.with({ month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 });
    case 'year':
      return date.with({ month: 1, day: 1 });
  }
}

function nextPeriodStartDate(start: Temporal.PlainDate, period: Exclude<Period, 'all'>): Temporal.PlainDate {
  switch (period) {
    case 'day':
      return start.add({ days: 1 });
    case 'week':
      return start.add({ weeks: 1 });
    case 'month':
      return start.add({ months: 1 });
    case 'quarter':
      return start.add({ months: 3 });
    case 'year':
      return start.add({ years: 1 });
  }
}

function periodLabel(start: Temporal.PlainDate, period: Period): string {
  switch (period) {
    case 'day':
      return start.toString();
    case 'week':
      return `${pad4(start.yearOfWeek ?? start.year)}-W${pad2(start.weekOfYear ?? 0)}`;
    case 'month':
      return `${pad4(start.year)}-${pad2(start.month)}`;
    case 'quarter':
      return `${pad4(start.year)}-Q${Math.floor((start.month - 1) / 3) + 1}`;
    case 'year':
      return pad4(start.year);
    case 'all':
      return 'all';
  }
}

/** Start of the local day holding `date` (not always midnight: some zones skip it on DST days). */
function startOfDay(date: Temporal.PlainDate, zone: string): number {
  return date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

/** Start of the period holding the instant. For `all` that is the start of its day. */
export function startOfPeriodHolding(epochMs: number, period: Period, zone: string): number {
  const date = localDate(epochMs, zone);
  return startOfDay(period === 'all' ? date : periodStartDate(date, period), zone);
}

/** End (exclusive) of the period holding the instant. For `all` that is the end of its day. */
export function endOfPeriodHolding(epochMs: number, period: Period, zone: string): number {
  const date = localDate(epochMs, zone);
  if (period === 'all') return startOfDay(date.add({ days: 1 }), zone);
  return startOfDay(nextPeriodStartDate(periodStartDate(date, period), period), zone);
}

/**
 * The periods covering [from, to), each clipped to the range: a range that starts mid-week gives a
 * first row for that week covering only the part inside the range.
 */
export function buildPeriodGrid(from: number, to: number, period: Period, zone: string): PeriodGrid {
  const slots: PeriodSlot[] = [];
  if (period === 'all') {
    if (from < to) slots.push({ label: 'all', start: from, end: to });
  } else if (from < to) {
    let date = periodStartDate(localDate(from, zone), period);
    let start = from;
    while (start < to) {
      const nextDate = nextPeriodStartDate(date, period);
      const end = Math.min(startOfDay(nextDate, zone), to);
      slots.push({ label: periodLabel(date, period), start, end });
      date = nextDate;
      start = end;
    }
  }
  return gridOf(slots, period, zone, from);
}

/** A grid of slots in order (ends never decreasing); `from`: where an empty grid sits. */
export function gridOf(slots: PeriodSlot[], period: Period, zone: string, from: number): PeriodGrid {
  const boundaries = new Float64Array(slots.length + 1);
  const ends = new Float64Array(slots.length);
  slots.forEach((slot, i) => {
    boundaries[i] = slot.start;
    ends[i] = slot.end;
  });
  boundaries[slots.length] = slots.length > 0 ? slots.at(-1)!.end : from;
  return { period, zone, slots, boundaries, ends };
}


const zoned = (epochMs: number, zone: string): Temporal.ZonedDateTime => Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);

/** One period's length as a calendar duration. */
const PERIOD_LENGTH: Record<Exclude<Period, 'all'>, Temporal.DurationLike> = { day: { days: 1 }, week: { weeks: 1 }, month: { months: 1 }, quarter: { months: 3 }, year: { years: 1 } };

/** `times` × a period's length. */
function periodsLength(period: Exclude<Period, 'all'>, times: number): Temporal.DurationLike {
  return Object.fromEntries(Object.entries(PERIOD_LENGTH[period]).map(([unit, n]) => [unit, n * times]));
}

/** The Monday of ISO week `week` of ISO year `year`, or undefined when that year has no such week. */
function mondayOfIsoWeek(year: number, week: number): Temporal.PlainDate | undefined {
  const january4 = Temporal.PlainDate.from({ year, month: 1, day: 4 });
  const monday = january4.subtract({ days: january4.dayOfWeek - 1 }).add({ weeks: week - 1 });
  return monday.yearOfWeek === year && monday.weekOfYear === week ? monday : undefined;
}

/** The first day of the period a period moves to, or undefined when it has none (ISO week 53, 29 February a year earlier). */
function movedPeriodStart(first: Temporal.PlainDate, period: Exclude<Period, 'all'>, comparison: Comparison): Temporal.PlainDate | undefined {
  if (comparison === 'previous') return first.subtract(PERIOD_LENGTH[period]);
  if (period === 'week') return mondayOfIsoWeek((first.yearOfWeek ?? first.year) - 1, first.weekOfYear ?? 0);
  if (period === 'day' && first.month === 2 && first.day === 29) return undefined;
  return first.subtract({ years: 1 });
}

/**
 * Moves [start, end) back: to the period before (`previous`; for `all`, by the range's own length
 * in days), or to the same period a year earlier (`year`: ISO week N of the previous ISO year, the
 * same month, quarter or date). A whole period becomes that whole period; a period the range clips
 * keeps its length in wall-clock time, anchored at the side where it is whole (so that the moved
 * slots stay next to each other), within the period it moves to. Wall-clock times are kept (a DST
 * change moves nothing). Undefined when the period has no counterpart (ISO week 53, 29 February).
 */
function shiftBack(start: number, end: number, period: Period, zone: string, comparison: Comparison): { start: number; end: number } | undefined {
  const from = zoned(start, zone);
  const length = from.until(zoned(end, zone), { largestUnit: 'days' });
  if (period === 'all') {
    const moved = comparison === 'year' ? from.subtract({ years: 1 }) : from.subtract(length);
    return { start: moved.epochMilliseconds, end: moved.add(length).epochMilliseconds };
  }
  const first = periodStartDate(from.toPlainDate(), period);
  const target = movedPeriodStart(first, period, comparison);
  if (target === undefined) return undefined;
  const [periodStart, periodEnd] = [startOfDay(first, zone), startOfDay(nextPeriodStartDate(first, period), zone)];
  const [targetStart, targetEnd] = [startOfDay(target, zone), startOfDay(nextPeriodStartDate(target, period), zone)];
  const clip = (ms: number): number => Math.min(Math.max(ms, targetStart), targetEnd);
  if (start === periodStart && end === periodEnd) return { start: targetStart, end: targetEnd };
  if (end === periodEnd) return { start: clip(zoned(targetEnd, zone).subtract(length).epochMilliseconds), end: targetEnd };
  const offset = zoned(periodStart, zone).until(from, { largestUnit: 'days' });
  const movedStart = clip(zoned(targetStart, zone).add(offset).epochMilliseconds);
  return { start: movedStart, end: clip(zoned(movedStart, zone).add(length).epochMilliseconds) };
}

/**
 * The grid a report compares with: each slot moved back (see shiftBack), labelled as the period it
 * lands in; a slot with no counterpart is empty (start = end) and marked so.
 */
export function shiftedGrid(grid: PeriodGrid, comparison: Comparison): PeriodGrid & { missing: boolean[] } {
  const missing: boolean[] = [];
  let last = grid.boundaries[0]!;
  const slots = grid.slots.map((slot): PeriodSlot => {
    const moved = shiftBack(slot.start, slot.end, grid.period, grid.zone, comparison);
    missing.push(moved === undefined);
    if (moved === undefined) return { label: '', start: last, end: last };
    last = moved.end;
    const label = grid.period === 'all' ? 'all' : periodLabel(periodStartDate(localDate(moved.start, grid.zone), grid.period), grid.period);
    return { label, ...moved };
  });
  // An empty slot sits where the next one starts, so that the ends never decrease.
  for (let i = slots.length - 2; i >= 0; i--) if (missing[i]) slots[i] = { ...slots[i]!, start: slots[i + 1]!.start, end: slots[i + 1]!.start };
  return { ...gridOf(slots, grid.period, grid.zone, last), missing };
}

/**
 * The range a report's totals are compared with: the same number of periods just before [from, to)
 * when the range is whole periods, else the same length of wall-clock time just before it
 * (`previous`); or the range a year earlier, of the same length (`year`).
 */
export function comparedRange(range: { from: number; to: number }, grid: PeriodGrid, comparison: Comparison): { from: number; to: number } {
  const from = zoned(range.from, grid.zone);
  const length = from.until(zoned(range.to, grid.zone), { largestUnit: 'days' });
  if (comparison === 'year') {
    const moved = from.subtract({ years: 1 });
    return { from: moved.epochMilliseconds, to: moved.add(length).epochMilliseconds };
  }
  const { period } = grid;
  const whole = period !== 'all' && startOfPeriodHolding(range.from, period, grid.zone) === range.from && startOfPeriodHolding(range.to, period, grid.zone) === range.to;
  return { from: from.subtract(whole ? periodsLength(period, grid.slots.length) : length).epochMilliseconds, to: range.from };
}

/** Index of the slot holding `epochMs`, or -1 when it lies outside the grid (or is NaN). */
export function slotIndexOf(grid: PeriodGrid, epochMs: number): number {
  const b = grid.boundaries;
  const n = b.length - 1;
  if (!(epochMs >= b[0]!) || !(epochMs < b[n]!)) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (b[mid]! <= epochMs) lo = mid;
    else hi = mid - 1;
  }
  // In a gap between the slots of a shifted grid: in none.
  return epochMs < grid.ends[lo]! ? lo : -1;
}

/**
 * Index of the first slot whose end lies after `epochMs`: 0 when the instant is before the grid,
 * the slot count when it is at or after the grid's end.
 */
export function firstSlotEndingAfter(grid: PeriodGrid, epochMs: number): number {
  const e = grid.ends;
  let lo = 0;
  let hi = e.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e[mid]! > epochMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Reads a `--from`/`--to` value: a date (`2026-03-02`, the start of that day in `zone`) or a timestamp. */
export function isPlainDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

export function startOfDate(text: string, zone: string): number {
  return startOfDay(Temporal.PlainDate.from(text, { overflow: 'reject' }), zone);
}

/**
 * How many periods buildPeriodGrid would make for [from, to), computed from the calendar (no loop
 * over the periods): for a range of thousands of years this is one subtraction, not a grid.
 */
export function periodCount(from: number, to: number, period: Period, zone: string): number {
  if (!(from < to)) return 0;
  if (period === 'all') return 1;
  const first = periodStartDate(localDate(from, zone), period);
  const last = periodStartDate(localDate(to - 1, zone), period);
  switch (period) {
    case 'day':
      return first.until(last, { largestUnit: 'days' }).days + 1;
    case 'week':
      return first.until(last, { largestUnit: 'days' }).days / 7 + 1;
    case 'month':
    case 'quarter': {
      const { years, months } = first.until(last, { largestUnit: 'years' });
      return (years * 12 + months) / (period === 'month' ? 1 : 3) + 1;
    }
    case 'year':
      return last.year - first.year + 1;
  }
}
