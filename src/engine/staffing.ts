import { selection, type TicketCondition } from '../tickets/conditions.js';
import type { TicketStore } from '../tickets/store.js';
import { computeCoverage } from './coverage.js';
import { agentsNeeded, leadsNeeded } from './erlang.js';

/**
 * Staffing: per ISO weekday and local hour, the agents a queue needs to answer a share of its
 * contacts within a wait (Erlang C, engine/erlang.ts), from the contacts that arrived (the mean per
 * occurrence of that hour over the range, as `coverage` counts them) and their handle time; the
 * team leads for them at one per span of agents; the agent-hours of a week. Pure.
 */

export interface StaffingOptions {
  range: { from: number; to: number };
  zone: string;
  where: readonly TicketCondition[];
  /** Handle time in seconds; undefined: the mean handle_time of the selected contacts in the range. */
  aht?: number;
  target: { share: number; withinSeconds: number };
  maxOccupancy: number;
  span: { min: number; max: number };
  hoursPerFte: number;
}

export interface StaffingCell {
  weekday: number;
  hour: number;
  /** Contacts per such hour: the mean over the hour's occurrences in the range. */
  arrivals: number;
  /** The handle time staffed with, in seconds (the same in every cell). */
  aht: number;
  agents: number;
  /** Team leads for those agents at one per span: between `fewest` and `most`. */
  leads: { fewest: number; most: number };
  /** With that many agents: the share answered within the target wait, and the occupancy. */
  service_level: number;
  occupancy: number;
}

export interface StaffingReport {
  schema: 'support-metrics/staffing@1';
  timezone: string;
  range: { from: string; to: string };
  filter: { where: { key: string; values: string[] }[]; matched: number };
  /** Seconds, and where it came from. */
  aht: { seconds: number; from: 'option' | 'handle_time'; contacts: number };
  target: { share: number; withinSeconds: number };
  maxOccupancy: number;
  cells: StaffingCell[];
  /** The hour that needs the most agents (the first such in the week). */
  busiest: { weekday: number; hour: number; agents: number; leads: { fewest: number; most: number } } | null;
  /** Agent-hours a week: the agents of every weekday-hour, summed. */
  agentHoursPerWeek: number;
  /** agentHoursPerWeek / hoursPerFte. */
  fullTimeEquivalents: number;
  hoursPerFte: number;
  span: { min: number; max: number };
}

/** Why there is no handle time to staff with: the caller turns it into an error. */
export class NoHandleTime extends Error {}

/** The mean handle_time of the selected tickets created in the range, and how many had one. */
function meanHandleTime(tickets: TicketStore, range: { from: number; to: number }, mask: Uint8Array | undefined): { seconds: number; contacts: number } {
  let sum = 0;
  let n = 0;
  for (let slot = 0; slot < tickets.length; slot++) {
    if (mask !== undefined && mask[slot] === 0) continue;
    const created = tickets.createdAt[slot]!;
    const handle = tickets.handleTime[slot]!;
    if (created >= range.from && created < range.to && handle >= 0) {
      sum += handle;
      n++;
    }
  }
  return { seconds: n === 0 ? Number.NaN : sum / n, contacts: n };
}

export function computeStaffing(tickets: TicketStore, options: StaffingOptions): StaffingReport {
  const { mask } = selection(tickets, options.where);
  const coverage = computeCoverage(tickets, { range: options.range, zone: options.zone, event: 'created', where: options.where });
  const measured = meanHandleTime(tickets, options.range, mask);
  const aht = options.aht !== undefined ? { seconds: options.aht, from: 'option' as const, contacts: measured.contacts } : { seconds: measured.seconds, from: 'handle_time' as const, contacts: measured.contacts };
  if (!(aht.seconds > 0)) throw new NoHandleTime('no handle time to staff with: the selected tickets have no handle_time in the range; give one with --aht (e.g. --aht 6m)');
  const cells = coverage.cells.map((cell): StaffingCell => {
    const arrivals = cell.mean ?? 0;
    const need = agentsNeeded(arrivals, aht.seconds, options.target, options.maxOccupancy);
    return {
      weekday: cell.weekday,
      hour: cell.hour,
      arrivals,
      aht: aht.seconds,
      agents: need.agents,
      leads: leadsNeeded(need.agents, options.span),
      service_level: need.serviceLevel,
      occupancy: need.occupancy,
    };
  });
  const top = cells.reduce<StaffingCell | null>((best, c) => (best === null || c.agents > best.agents ? c : best), null);
  const agentHoursPerWeek = cells.reduce((n, c) => n + c.agents, 0);
  return {
    schema: 'support-metrics/staffing@1',
    timezone: coverage.timezone,
    range: coverage.range,
    filter: coverage.filter,
    aht,
    target: options.target,
    maxOccupancy: options.maxOccupancy,
    cells,
    busiest: top === null || top.agents === 0 ? null : { weekday: top.weekday, hour: top.hour, agents: top.agents, leads: leadsNeeded(top.agents, options.span) },
    agentHoursPerWeek,
    fullTimeEquivalents: agentHoursPerWeek / options.hoursPerFte,
    hoursPerFte: options.hoursPerFte,
    span: options.span,
  };
}
