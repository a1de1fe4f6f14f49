import { Temporal } from 'temporal-polyfill';
import { selection, whereKeyOf, type TicketCondition } from '../tickets/conditions.js';
import type { TicketStore } from '../tickets/store.js';
import { formatInstant, hourOfWeek, weekHourReader } from '../time/zone.js';
import { isOpen, type Schedule } from '../time/business-time.js';
import { median, toMillisecond } from '../metrics/stats.js';

/** The median of durations in seconds, to the millisecond as every duration; null for none. */
const medianSeconds = (values: readonly number[]): number | null => {
  const middle = median(values);
  return middle === null ? null : toMillisecond(middle);
};
import type { CoverageEvent } from './coverage-events.js';

/**
 * Coverage: when customers write (or are answered, or are resolved), as a 7 × 24 grid of ISO
 * weekday by local hour in the report zone, over a range. Each cell counts the events, how many
 * times that weekday-hour occurred in the range (a DST change makes one local hour occur once
 * less, and another twice), the mean per occurrence and the share of the total. Pure.
 */

export { COVERAGE_EVENTS, type CoverageEvent } from './coverage-events.js';

export interface CoverageCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
  count: number;
  /** How many times this weekday-hour occurred in the range. */
  occurrences: number;
  /** count / occurrences; null when it never occurred. */
  mean: number | null;
  /** count / all events in the range; null when there are none. */
  share: number | null;
  /** The median first response (seconds) of the tickets created in this weekday-hour in the range; null: none answered. */
  first_response_median: number | null;
  /** With --schedule: whether the schedule is open during some of this hour of its week (holidays aside). */
  open?: boolean;
}

export interface Coverage {
  event: CoverageEvent;
  total: number;
  /** 168 cells: Monday 00:00 first, Sunday 23:00 last. */
  cells: CoverageCell[];
}


/** The instant of a ticket's event (NaN: it did not happen). */
function eventTime(tickets: TicketStore, slot: number, event: CoverageEvent): number {
  if (event === 'created') return tickets.createdAt[slot]!;
  if (event === 'first_response') return tickets.firstResponseAt[slot]!;
  return tickets.resolvedAt[slot]!;
}

/** How many times each local weekday-hour starts in [from, to): walking the zone's hours, so a skipped hour never starts and a repeated one starts twice. */
function occurrencesOf(from: number, to: number, zone: string): Int32Array {
  const counts = new Int32Array(168);
  let at = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone).round({ smallestUnit: 'hour', roundingMode: 'ceil' });
  while (at.epochMilliseconds < to) {
    counts[hourOfWeek(at.dayOfWeek, at.hour)]!++;
    at = at.add({ hours: 1 });
  }
  return counts;
}

/** Per weekday-hour of creation, the first response times (seconds) of the tickets created then: what arriving at that hour costs. */
function firstResponsesByHour(tickets: TicketStore, range: { from: number; to: number }, zone: string, mask: Uint8Array | undefined): number[][] {
  const waits = Array.from({ length: 168 }, (): number[] => []);
  const weekHour = weekHourReader(zone);
  for (let slot = 0; slot < tickets.length; slot++) {
    if (mask !== undefined && mask[slot] === 0) continue;
    const created = tickets.createdAt[slot]!;
    const answered = tickets.firstResponseAt[slot]!;
    if (!(created >= range.from && created < range.to) || Number.isNaN(answered)) continue;
    waits[weekHour(created)]!.push((answered - created) / 1000);
  }
  return waits;
}

/**
 * The grid over [from, to) for the tickets `mask` selects (undefined: all). An event is counted in
 * the local weekday-hour it happened in; `occurrences` counts the local hours that start in the
 * range (a range of whole days in the zone: every hour of it).
 */
export function coverageOf(tickets: TicketStore, range: { from: number; to: number }, zone: string, event: CoverageEvent, mask: Uint8Array | undefined): Coverage {
  const counts = new Int32Array(168);
  const weekHour = weekHourReader(zone);
  let total = 0;
  for (let slot = 0; slot < tickets.length; slot++) {
    if (mask !== undefined && mask[slot] === 0) continue;
    const at = eventTime(tickets, slot, event);
    if (!(at >= range.from && at < range.to)) continue;
    counts[weekHour(at)]!++;
    total++;
  }
  const occurrences = occurrencesOf(range.from, range.to, zone);
  const waits = firstResponsesByHour(tickets, range, zone, mask);
  const cells: CoverageCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const i = hourOfWeek(weekday, hour);
      const count = counts[i]!;
      const times = occurrences[i]!;
      cells.push({
        weekday,
        hour,
        count,
        occurrences: times,
        mean: times === 0 ? null : count / times,
        share: total === 0 ? null : count / total,
        first_response_median: medianSeconds(waits[i]!),
      });
    }
  }
  return { event, total, cells };
}

/** The plain result of `coverage`: its JSON output is this object; the other formats read only it. */
export interface CoverageReport {
  schema: 'support-metrics/coverage@1';
  timezone: string;
  /** [from, to) in the zone. */
  range: { from: string; to: string };
  event: CoverageEvent;
  /** --where, as in the report: the conditions and how many tickets met them. */
  filter: { where: { key: string; values: string[] }[]; matched: number };
  /** Events in the range. */
  total: number;
  cells: CoverageCell[];
  /** With --schedule: its name, and the events while it was closed (holidays included) of all events. */
  schedule?: string;
  outside_hours?: { numerator: number; denominator: number; value: number | null };
}

export function computeCoverage(
  tickets: TicketStore,
  options: { range: { from: number; to: number }; zone: string; event: CoverageEvent; where: readonly TicketCondition[]; schedule?: Schedule },
): CoverageReport {
  const { mask, count } = selection(tickets, options.where);
  const { total, cells } = coverageOf(tickets, options.range, options.zone, options.event, mask);
  const { schedule } = options;
  const withSchedule =
    schedule === undefined
      ? {}
      : {
          schedule: schedule.name,
          outside_hours: outsideHours(tickets, options.range, options.event, mask, schedule),
        };
  if (schedule !== undefined) for (const cell of cells) cell.open = openDuring(schedule, cell.weekday, cell.hour);
  return {
    schema: 'support-metrics/coverage@1',
    timezone: options.zone,
    range: { from: formatInstant(options.range.from, options.zone), to: formatInstant(options.range.to, options.zone) },
    event: options.event,
    filter: { where: options.where.map(({ field, values }) => ({ key: whereKeyOf(field), values: [...values] })), matched: count },
    total,
    cells,
    ...withSchedule,
  };
}

/** Whether the schedule's week has it open during some of that hour (holidays aside). Its intervals are in its own zone: --tz should be the schedule's. */
function openDuring(schedule: Schedule, weekday: number, hour: number): boolean {
  return schedule.intervals[weekday - 1]!.some(([start, end]) => start < (hour + 1) * 60 && end > hour * 60);
}

/** The events of the range while the schedule was closed (holidays included), of all events. */
function outsideHours(tickets: TicketStore, range: { from: number; to: number }, event: CoverageEvent, mask: Uint8Array | undefined, schedule: Schedule): { numerator: number; denominator: number; value: number | null } {
  let closed = 0;
  let all = 0;
  for (let slot = 0; slot < tickets.length; slot++) {
    if (mask !== undefined && mask[slot] === 0) continue;
    const at = eventTime(tickets, slot, event);
    if (!(at >= range.from && at < range.to)) continue;
    all++;
    if (!isOpen(schedule, at)) closed++;
  }
  return { numerator: closed, denominator: all, value: all === 0 ? null : closed / all };
}
