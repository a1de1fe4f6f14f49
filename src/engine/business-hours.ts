import { allOf, type TicketCondition } from '../tickets/conditions.js';
import type { TicketStore } from '../tickets/store.js';
import { addBusinessSeconds, businessSeconds, type Schedule } from '../time/business-time.js';

/**
 * The config's schedules applied to the tickets: each ticket's schedule (the first whose `match`
 * fits, as with SLA policies), and its first response and resolution in seconds of that schedule's
 * open time. A ticket no schedule matches has no business figures. Pure.
 */

export interface ScheduleRule {
  schedule: Schedule;
  /** All must hold; none: every ticket. */
  match: readonly TicketCondition[];
}

export interface BusinessTimes {
  /** The schedules, in config order. */
  schedules: readonly Schedule[];
  /** Per ticket, the index of its schedule (-1: none matched). */
  schedule: Int32Array;
  /** Per ticket, seconds of open time from creation to the first response (NaN: none, or no schedule). */
  firstResponse: Float64Array;
  /** The same to the resolution. */
  resolution: Float64Array;
  /** Tickets no schedule matched. */
  unmatched: number;
}

export function businessTimes(tickets: TicketStore, rules: readonly ScheduleRule[]): BusinessTimes {
  const n = tickets.length;
  const result: BusinessTimes = {
    schedules: rules.map((r) => r.schedule),
    schedule: new Int32Array(n).fill(-1),
    firstResponse: new Float64Array(n).fill(Number.NaN),
    resolution: new Float64Array(n).fill(Number.NaN),
    unmatched: 0,
  };
  const matchers = rules.map((r) => allOf(tickets, r.match));
  for (let slot = 0; slot < n; slot++) {
    const index = matchers.findIndex((matches) => matches(slot));
    if (index < 0) {
      result.unmatched++;
      continue;
    }
    const { schedule } = rules[index]!;
    result.schedule[slot] = index;
    const created = tickets.createdAt[slot]!;
    const answered = tickets.firstResponseAt[slot]!;
    const resolved = tickets.resolvedAt[slot]!;
    if (!Number.isNaN(answered)) result.firstResponse[slot] = businessSeconds(schedule, created, answered);
    if (!Number.isNaN(resolved)) result.resolution[slot] = businessSeconds(schedule, created, resolved);
  }
  return result;
}

/** The SLA deadline under the ticket's schedule: when `targetMs` of its open time has elapsed since creation (NaN: no schedule). */
export function businessDeadline(tickets: TicketStore, times: BusinessTimes, slot: number, targetMs: number): number {
  const index = times.schedule[slot]!;
  return index < 0 ? Number.NaN : addBusinessSeconds(times.schedules[index]!, tickets.createdAt[slot]!, targetMs / 1000);
}
