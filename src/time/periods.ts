import { Temporal } from 'temporal-polyfill';

/**
 * Calendar periods in a time zone. Boundaries are computed once per period with temporal-polyfill
 * (so DST days are 23 or 25 hours long, as they are); placing an instant in a period is then a
 * binary search over those boundaries.
 */

import type { Period } from './period-names.js';

export { PERIODS, type Period } from './period-names.js';

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
  const boundaries = new Float64Array(slots.length + 1);
  slots.forEach((slot, i) => (boundaries[i] = slot.start));
  boundaries[slots.length] = slots.length > 0 ? to : from;
  return { period, zone, slots, boundaries };
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
  return lo;
}

/**
 * Index of the first slot whose end lies after `epochMs`: 0 when the instant is before the grid,
 * the slot count when it is at or after the grid's end.
 */
export function firstSlotEndingAfter(grid: PeriodGrid, epochMs: number): number {
  const b = grid.boundaries;
  const n = b.length - 1;
  if (epochMs < b[0]!) return 0;
  if (!(epochMs < b[n]!)) return n;
  return slotIndexOf(grid, epochMs);
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
