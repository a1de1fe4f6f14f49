import type { Dimension } from '../schema/fields.js';
import type { Attribution } from './attribution.js';
import { evaluateSla, type SlaPolicy } from '../sla/evaluate.js';
import type { IngestSummary } from '../tickets/ingest.js';
import type { TicketStore } from '../tickets/store.js';
import { buildPeriodGrid, firstSlotEndingAfter, slotIndexOf, type Period } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';
import { REPORT_SCHEMA, type Report, type ReportNote, type ReportRow } from '../report/types.js';
import { EVENT_PLACEMENTS, type Accumulator, type EventPlacement, type Metric, type MetricContext, type MetricValue, type Placement } from '../metrics/types.js';

/**
 * Places every ticket's events in periods (and groups, with --by), feeds the metrics'
 * accumulators, and assembles the Report. Pure: the zone, range and settings come in as arguments.
 */


export interface ComputeOptions {
  metrics: readonly Metric[];
  period: Period;
  zone: string;
  inputZone: string;
  by: readonly Dimension[];
  range: { from: number; to: number };
  attribution: Attribution;
  churnTags: readonly string[];
  sla: readonly SlaPolicy[];
}

interface Row {
  slot: number;
  group: number;
  accumulators: Accumulator[];
}

/** The instant that places a ticket for an event placement (NaN: the event did not happen). */
function placementTime(tickets: TicketStore, slot: number, placement: EventPlacement, context: MetricContext): number {
  switch (placement) {
    case 'created':
      return tickets.createdAt[slot]!;
    case 'first_response':
      return tickets.firstResponseAt[slot]!;
    case 'resolved':
      return tickets.resolvedAt[slot]!;
    case 'satisfaction': {
      const resolved = tickets.resolvedAt[slot]!;
      return Number.isNaN(resolved) ? tickets.createdAt[slot]! : resolved;
    }
    case 'first_response_sla':
      return context.sla.firstResponseAt[slot]!;
    case 'resolution_sla':
      return context.sla.resolutionAt[slot]!;
  }
}

/** Groups tickets by their --by dimension values; group 0 is "everything" when there is no split. */
class Grouping {
  readonly values: (string | null)[][] = [];
  private readonly indexByKey = new Map<string, number>();

  constructor(
    private readonly tickets: TicketStore,
    private readonly by: readonly Dimension[],
  ) {
    if (by.length === 0) this.values.push([]);
  }

  groupOf(slot: number): number {
    if (this.by.length === 0) return 0;
    const codes = this.by.map((d) => this.tickets[d][slot]!);
    const key = codes.join(',');
    let group = this.indexByKey.get(key);
    if (group === undefined) {
      group = this.values.length;
      this.values.push(codes.map((code, i) => this.tickets.dictionaries[this.by[i]!].valueOf(code)));
      this.indexByKey.set(key, group);
    }
    return group;
  }
}

/** Dimension values sort in code-unit order (the same on every machine and locale); blank sorts last. */
function compareValues(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * A metric is available when each of its needs is met by a column of at least one input file,
 * and its settings allow it (an SLA metric needs a policy with its target).
 */
function unavailableNotes(metrics: readonly Metric[], present: ReadonlySet<string>, context: MetricContext): ReportNote[] {
  const notes: ReportNote[] = [];
  for (const { meta } of metrics) {
    const unmet = meta.needs.filter((alternatives) => !alternatives.some((f) => present.has(f)));
    if (unmet.length > 0) {
      const columns = unmet.map((alternatives) => alternatives.join(' or '));
      const message =
        columns.length === 1
          ? `no input file has the ${columns[0]} column`
          : `no input file has the columns ${columns.slice(0, -1).join(', ')} and ${columns.at(-1)}`;
      notes.push({ metric: meta.id, message });
      continue;
    }
    const reason = meta.unavailable?.(context) ?? null;
    if (reason !== null) notes.push({ metric: meta.id, message: reason });
  }
  return notes;
}

/** Tag-list codes that hold one of the churn tags (ignoring case). */
function churnTagLists(tickets: TicketStore, churnTags: readonly string[]): Set<number> {
  const wanted = new Set(churnTags.map((t) => t.trim().toLowerCase()));
  const codes = new Set<number>();
  tickets.dictionaries.tags.values.forEach((_, code) => {
    if (tickets.tagListOf(code).some((tag) => wanted.has(tag.toLowerCase()))) codes.add(code);
  });
  return codes;
}

/** What the metrics need beyond the tickets: SLA outcomes and churn tags, derived once per run. */
export function metricContext(tickets: TicketStore, options: Pick<ComputeOptions, 'churnTags' | 'sla'>): MetricContext {
  return {
    churnTags: options.churnTags,
    churnTagLists: churnTagLists(tickets, options.churnTags),
    sla: evaluateSla(tickets, options.sla, tickets.latestTimestamp),
  };
}

export function computeReport(input: IngestSummary, options: ComputeOptions): Report {
  const { store: tickets } = input;
  const { metrics, by } = options;
  const context = metricContext(tickets, options);
  const grid = buildPeriodGrid(options.range.from, options.range.to, options.period, options.zone);
  const grouping = new Grouping(tickets, by);
  // Which metrics each event feeds. Under `created` attribution every metric is fed at the ticket's
  // creation, but only when its own event happened at all: a never-resolved ticket has no
  // resolution time to move, and does not count as resolved.
  const feeds = new Map<Placement, { happened: EventPlacement | null; indexes: number[] }[]>();
  const addFeed = (at: Placement, happened: EventPlacement | null, index: number): void => {
    const list = feeds.get(at) ?? [];
    const same = list.find((f) => f.happened === happened);
    if (same === undefined) list.push({ happened, indexes: [index] });
    else same.indexes.push(index);
    feeds.set(at, list);
  };
  metrics.forEach((m, i) => {
    const own = m.meta.placement;
    if (own === 'open_at_end' || options.attribution === 'event') addFeed(own, null, i);
    else addFeed('created', own, i);
  });
  const eventPlacements = options.attribution === 'created' ? (['created'] as const) : EVENT_PLACEMENTS;
  const newAccumulators = (): Accumulator[] => metrics.map((m) => m.create(context));

  // rowsByGroup[group][periodSlot]: a row exists once some ticket of the group has an event in the period.
  const rowsByGroup: (Row | undefined)[][] = [];
  const rowAt = (slot: number, group: number, create: boolean): Row | undefined => {
    const rows = (rowsByGroup[group] ??= []);
    let row = rows[slot];
    if (row === undefined && create) {
      row = { slot, group, accumulators: newAccumulators() };
      rows[slot] = row;
    }
    return row;
  };
  if (by.length === 0) grid.slots.forEach((_, slot) => rowAt(slot, 0, true));
  const totals = newAccumulators();
  const feed = (accumulators: Accumulator[], indexes: readonly number[], slot: number): void => {
    for (const i of indexes) accumulators[i]!.add(tickets, slot);
  };
  const feedEvent = (accumulators: Accumulator[], placement: Placement, slot: number): void => {
    for (const { happened, indexes } of feeds.get(placement) ?? []) {
      if (happened === null || !Number.isNaN(placementTime(tickets, slot, happened, context))) feed(accumulators, indexes, slot);
    }
  };

  const groupOfTicket = new Int32Array(tickets.length);
  for (let t = 0; t < tickets.length; t++) {
    const group = grouping.groupOf(t);
    groupOfTicket[t] = group;
    for (const placement of eventPlacements) {
      const at = placementTime(tickets, t, placement, context);
      const periodSlot = slotIndexOf(grid, at);
      if (periodSlot < 0) continue;
      feedEvent(rowAt(periodSlot, group, true)!.accumulators, placement, t);
      feedEvent(totals, placement, t); // the grid spans exactly the range
    }
  }

  // Open at the end of a period: created before its end, and not resolved before its end.
  const openIndexes = feeds.get('open_at_end')?.[0]?.indexes;
  if (openIndexes !== undefined) {
    for (let t = 0; t < tickets.length; t++) {
      const first = firstSlotEndingAfter(grid, tickets.createdAt[t]!);
      const resolved = tickets.resolvedAt[t]!;
      const last = Number.isNaN(resolved) ? grid.slots.length : firstSlotEndingAfter(grid, resolved);
      for (let s = first; s < last; s++) {
        const row = rowAt(s, groupOfTicket[t]!, false);
        if (row !== undefined) feed(row.accumulators, openIndexes, t);
      }
      if (tickets.createdAt[t]! < options.range.to && !(resolved < options.range.to)) feed(totals, openIndexes, t);
    }
  }

  const notes = unavailableNotes(metrics, input.presentFields, context);
  const unavailable = new Set(notes.map((n) => n.metric));
  const valuesOf = (accumulators: Accumulator[]): Record<string, MetricValue> =>
    Object.fromEntries(metrics.map((m, i) => [m.meta.id, unavailable.has(m.meta.id) ? null : accumulators[i]!.result()]));

  const rows = rowsByGroup
    .flatMap((rows) => rows.filter((row): row is Row => row !== undefined))
    .sort((a, b) => a.slot - b.slot || compareValues(grouping.values[a.group]!, grouping.values[b.group]!))
    .map((row): ReportRow => {
      const period = grid.slots[row.slot]!;
      const dimensions = Object.fromEntries(by.map((d, i) => [d, grouping.values[row.group]![i]!]));
      return {
        period: period.label,
        start: formatInstant(period.start, options.zone),
        end: formatInstant(period.end, options.zone),
        ...dimensions,
        metrics: valuesOf(row.accumulators),
      };
    });

  return {
    schema: REPORT_SCHEMA,
    timezone: options.zone,
    inputTimezone: options.inputZone,
    period: options.period,
    attribution: options.attribution,
    by: [...by],
    range: { from: formatInstant(options.range.from, options.zone), to: formatInstant(options.range.to, options.zone) },
    input: {
      records: tickets.length,
      rejected: input.rejected,
      duplicates: input.duplicates,
      files: input.files.map((f) => ({
        path: f.path,
        read: f.read,
        header: f.header,
        blank: f.blank,
        records: f.used,
        duplicates: f.duplicates,
        rejected: f.rejected,
      })),
    },
    metrics: metrics.map(({ meta }) => ({ id: meta.id, title: meta.title, short: meta.short, unit: meta.unit, section: meta.section })),
    notes,
    rows,
    totals: { metrics: valuesOf(totals) },
  };
}
