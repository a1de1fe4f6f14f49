import { byCodeUnits } from './order.js';
import { isChurn } from '../metrics/cancellation_rate.js';
import { hasAgentReply, resolvedAtFirstContact } from '../metrics/first_contact_resolution.js';
import { secondsBetween } from '../metrics/stats.js';
import type { MetricContext } from '../metrics/types.js';
import { FIELDS, type Field } from '../schema/fields.js';
import { Satisfaction, YesNo } from '../schema/validate.js';
import { SLA_STATE_NAMES, SlaState } from '../sla/evaluate.js';
import type { TicketStore } from '../tickets/store.js';
import { selection } from '../tickets/conditions.js';
import { instantFormatter } from '../time/zone.js';
import { metricContext, type ComputeOptions } from './compute.js';

/**
 * One line per valid ticket with what the metrics saw, so that a lead can find the tickets behind
 * any number: each field the field table shows (its `line`), and the columns derived here — the
 * durations, first-contact resolution and churn as their metrics decide them, the SLA policy,
 * deadlines and outcomes.
 */
export type TicketLine = Record<string, string | number | string[] | null>;

/** What a line column is made from: the store, the run's settings and derived outcomes. */
interface LineContext {
  tickets: TicketStore;
  metrics: MetricContext;
  presentFields: ReadonlySet<string>;
  instant: (at: number) => string | null;
}

type Cell = (slot: number, c: LineContext) => TicketLine[string];

const orNull = (n: number): number | null => (Number.isNaN(n) || n < 0 ? null : n);
const yesNo = (flag: boolean): 'yes' | 'no' => (flag ? 'yes' : 'no');
/**
 * How a field's stored value reads in a line, by its kind. Each column is read as the type the
 * store gives it (StoreColumns), so that a column held another way is a compile error here.
 */
function fieldCell(field: Extract<Field, { line: unknown }>): Cell {
  switch (field.kind) {
    case 'id':
      return (slot, c) => c.tickets.idOf(slot);
    case 'timestamp': {
      const { store } = field;
      return (slot, c) => c.instant(c.tickets[store][slot]!);
    }
    case 'text': {
      const { store } = field;
      return (slot, c) => c.tickets.dictionaries[store].valueOf(c.tickets[store][slot]!);
    }
    case 'satisfaction': {
      const { store } = field;
      return (slot, c) => {
        const value = c.tickets[store][slot]!;
        return value === Satisfaction.none ? null : yesNo(value === Satisfaction.satisfied);
      };
    }
    case 'yesNo': {
      const { store } = field;
      return (slot, c) => {
        const value = c.tickets[store][slot]!;
        return value === YesNo.unknown ? null : yesNo(value === YesNo.yes);
      };
    }
    case 'tags':
      return (slot, c) => [...c.tickets.tagsOf(slot)];
    case 'score':
    case 'count':
    case 'seconds': {
      const { store } = field;
      return (slot, c) => orNull(c.tickets[store][slot]!);
    }
  }
}

interface LineColumn {
  name: string;
  /** The column it follows; absent: the previous field's. */
  after?: string;
  cell: Cell;
}

const SLA_STATE = (state: number): string | null => (state === SlaState.none ? null : SLA_STATE_NAMES[state]!);
const policyOf = (slot: number, c: LineContext) => {
  const index = c.metrics.sla.policyOf(slot);
  return index < 0 ? undefined : c.metrics.sla.policies[index];
};

/** The columns no field holds: derived from the fields, by the metrics' own rules. */
const DERIVED: readonly LineColumn[] = [
  { name: 'first_response_time', after: 'customer', cell: (slot, c) => orNull(secondsBetween(c.tickets.createdAt[slot]!, c.tickets.firstResponseAt[slot]!)) },
  { name: 'resolution_time', after: 'first_response_time', cell: (slot, c) => orNull(secondsBetween(c.tickets.createdAt[slot]!, c.tickets.resolvedAt[slot]!)) },
  {
    name: 'first_contact_resolution',
    after: 'escalated',
    cell: (slot, c) => (Number.isNaN(c.tickets.resolvedAt[slot]!) || !hasAgentReply(c.tickets, slot) ? null : yesNo(resolvedAtFirstContact(c.tickets, slot))),
  },
  { name: 'churn', after: 'first_contact_resolution', cell: (slot, c) => (c.presentFields.has('tags') ? yesNo(isChurn(c.metrics)(c.tickets, slot)) : null) },
  { name: 'sla_policy', after: 'tags', cell: (slot, c) => policyOf(slot, c)?.name ?? null },
  { name: 'first_response_sla', after: 'sla_policy', cell: (slot, c) => SLA_STATE(c.metrics.sla.stateOf(slot, 'firstResponse')) },
  { name: 'first_response_due', after: 'first_response_sla', cell: (slot, c) => c.instant(c.metrics.sla.dueOf(slot, 'firstResponse')) },
  { name: 'resolution_sla', after: 'first_response_due', cell: (slot, c) => SLA_STATE(c.metrics.sla.stateOf(slot, 'resolution')) },
  { name: 'resolution_due', after: 'resolution_sla', cell: (slot, c) => c.instant(c.metrics.sla.dueOf(slot, 'resolution')) },
  // Business hours: the ticket's schedule and its figures under it (without schedules, those the export carries).
  { name: 'schedule', after: 'resolution_due', cell: (slot, c) => scheduleOf(slot, c) },
  {
    name: 'business_first_response_time',
    after: 'schedule',
    cell: (slot, c) => orNull(c.metrics.business?.firstResponse[slot] ?? c.tickets.businessFirstResponseTime[slot]!),
  },
  {
    name: 'business_resolution_time',
    after: 'business_first_response_time',
    cell: (slot, c) => orNull(c.metrics.business?.resolution[slot] ?? c.tickets.businessResolutionTime[slot]!),
  },
];

/** The name of the ticket's schedule (null: no schedules, or none matched). */
function scheduleOf(slot: number, c: LineContext): string | null {
  const business = c.metrics.business;
  const index = business?.schedule[slot] ?? -1;
  return index < 0 ? null : business!.schedules[index]!.name;
}

/**
 * The line's columns in order: the fields' in table order, then each column that names the one it
 * follows put right after it (a column whose anchor is not placed yet waits for it).
 */
function lineColumns(): LineColumn[] {
  const fromFields: LineColumn[] = FIELDS.flatMap((f) => ('line' in f ? [{ name: f.line.name, after: 'after' in f.line ? f.line.after : undefined, cell: fieldCell(f) }] : []));
  const columns = fromFields.filter((c) => c.after === undefined);
  let waiting = [...DERIVED, ...fromFields.filter((c) => c.after !== undefined)];
  while (waiting.length > 0) {
    const placeable = waiting.filter((c) => columns.some((placed) => placed.name === c.after));
    if (placeable.length === 0) throw new Error(`internal: drill-down columns follow no column: ${waiting.map((c) => c.name).join(', ')}`);
    for (const column of placeable) columns.splice(columns.findIndex((placed) => placed.name === column.after) + 1, 0, column);
    waiting = waiting.filter((c) => !placeable.includes(c));
  }
  return columns;
}

export const LINE_COLUMNS: readonly LineColumn[] = lineColumns();

/**
 * Tickets in order of creation (then id), each as the metrics saw it, only those meeting --where;
 * instants in the report zone.
 * Made one at a time: a million tickets are never all held as lines.
 */
export function* ticketLines(
  tickets: TicketStore,
  presentFields: ReadonlySet<string>,
  options: Pick<ComputeOptions, 'zone' | 'churnTags' | 'sla' | 'where' | 'schedules'>,
): Generator<TicketLine> {
  const format = instantFormatter(options.zone);
  const context: LineContext = {
    tickets,
    metrics: metricContext(tickets, options),
    presentFields,
    instant: (at) => (Number.isNaN(at) ? null : format(at)),
  };
  const { mask } = selection(tickets, options.where ?? []);
  const { createdAt } = tickets;
  const slots = Int32Array.from({ length: tickets.length }, (_, i) => i)
    .filter((slot) => mask === undefined || mask[slot] === 1)
    .sort((a, b) => createdAt[a]! - createdAt[b]!);
  // Tickets created at the same moment by id, each id made a string once (an export with dates
  // only ties on most comparisons, and the store keeps ids as bytes).
  for (let start = 0, end = 1; start < slots.length; start = end, end = start + 1) {
    while (end < slots.length && createdAt[slots[end]!] === createdAt[slots[start]!]) end++;
    if (end - start < 2) continue;
    const run = Array.from(slots.subarray(start, end), (slot) => ({ slot, id: tickets.idOf(slot) }));
    run.sort((a, b) => byCodeUnits(a.id, b.id));
    run.forEach(({ slot }, i) => (slots[start + i] = slot));
  }
  for (const slot of slots) {
    const line: TicketLine = {};
    for (const column of LINE_COLUMNS) line[column.name] = column.cell(slot, context);
    yield line;
  }
}
