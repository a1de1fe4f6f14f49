import type { Dimension } from '../schema/fields.js';
import type { Attribution } from './attribution.js';
import { evaluateSla, type SlaPolicy } from '../sla/evaluate.js';
import { inputNotes } from './input-notes.js';
import type { IngestSummary } from '../tickets/ingest.js';
import { resolvedAtUnknownTime, type TicketStore } from '../tickets/store.js';
import { buildPeriodGrid, firstSlotEndingAfter, slotIndexOf, type Period, type PeriodGrid } from '../time/periods.js';
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

/** How many tickets are resolved at a moment the data does not give, and what that means for the figures. */
function unknownResolutionNotes(tickets: TicketStore): ReportNote[] {
  let n = 0;
  for (let t = 0; t < tickets.length; t++) if (resolvedAtUnknownTime(tickets, t)) n++;
  if (n === 0) return [];
  const which = n === 1 ? '1 ticket is resolved by its' : `${n.toLocaleString('en-US')} tickets are resolved by their`;
  return [
    {
      metric: null,
      message: `${which} status or resolved column without a resolution time: resolution_rate counts ${n === 1 ? 'it' : 'them'} as resolved and no backlog holds ${n === 1 ? 'it' : 'them'}; tickets_resolved, resolution_time and resolution_sla leave ${n === 1 ? 'it' : 'them'} out`,
    },
  ];
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

/**
 * Which accumulators each event feeds. Under `created` attribution every metric is fed at the
 * ticket's creation, but only when its own event happened at all: a never-resolved ticket has no
 * resolution time to move, and does not count as resolved.
 */
type Feeds = Map<Placement, { happened: EventPlacement | null; indexes: number[] }[]>;

function feedsOf(metrics: readonly Metric[], attribution: Attribution): Feeds {
  const feeds: Feeds = new Map();
  metrics.forEach((m, i) => {
    const own = m.meta.placement;
    const [at, happened] = own === 'open_at_end' || attribution === 'event' ? [own, null] : ['created' as const, own];
    const list = feeds.get(at) ?? [];
    const same = list.find((f) => f.happened === happened);
    if (same === undefined) list.push({ happened, indexes: [i] });
    else same.indexes.push(i);
    feeds.set(at, list);
  });
  return feeds;
}

/** The report's rows (a period, and with --by a group) and totals, each a set of accumulators, as the tickets are placed in them. */
class Placing {
  /** rowsByGroup[group][periodSlot]: a row exists once some ticket of the group has an event in the period. */
  readonly rowsByGroup: (Row | undefined)[][] = [];
  readonly totals: Accumulator[];
  private readonly feeds: Feeds;

  constructor(
    private readonly tickets: TicketStore,
    private readonly options: ComputeOptions,
    private readonly context: MetricContext,
    private readonly grid: PeriodGrid,
  ) {
    this.feeds = feedsOf(options.metrics, options.attribution);
    this.totals = this.newAccumulators();
    if (options.by.length === 0) grid.slots.forEach((_, slot) => this.rowAt(slot, 0, true));
  }

  private newAccumulators(): Accumulator[] {
    return this.options.metrics.map((m) => m.create(this.context));
  }

  rowAt(slot: number, group: number, create: boolean): Row | undefined {
    const rows = (this.rowsByGroup[group] ??= []);
    let row = rows[slot];
    if (row === undefined && create) {
      row = { slot, group, accumulators: this.newAccumulators() };
      rows[slot] = row;
    }
    return row;
  }

  private feed(accumulators: Accumulator[], indexes: readonly number[], slot: number): void {
    for (const i of indexes) accumulators[i]!.add(this.tickets, slot);
  }

  private feedEvent(accumulators: Accumulator[], placement: Placement, slot: number): void {
    for (const { happened, indexes } of this.feeds.get(placement) ?? []) {
      if (happened === null || !Number.isNaN(placementTime(this.tickets, slot, happened, this.context))) this.feed(accumulators, indexes, slot);
    }
  }

  /** Each ticket's events, in the row of their period and group, and in the totals (the grid spans exactly the range). Returns each ticket's group. */
  placeEvents(grouping: Grouping): Int32Array {
    const { tickets, grid } = this;
    const eventPlacements = this.options.attribution === 'created' ? (['created'] as const) : EVENT_PLACEMENTS;
    const groupOfTicket = new Int32Array(tickets.length);
    for (let t = 0; t < tickets.length; t++) {
      const group = grouping.groupOf(t);
      groupOfTicket[t] = group;
      for (const placement of eventPlacements) {
        const periodSlot = slotIndexOf(grid, placementTime(tickets, t, placement, this.context));
        if (periodSlot < 0) continue;
        this.feedEvent(this.rowAt(periodSlot, group, true)!.accumulators, placement, t);
        this.feedEvent(this.totals, placement, t);
      }
    }
    return groupOfTicket;
  }

  /** Open at the end of a period: created before its end, and not resolved before its end (in the rows that exist). */
  placeOpenAtEnd(groupOfTicket: Int32Array): void {
    const openIndexes = this.feeds.get('open_at_end')?.[0]?.indexes;
    if (openIndexes === undefined) return;
    const { tickets, grid } = this;
    const to = this.options.range.to;
    for (let t = 0; t < tickets.length; t++) {
      if (resolvedAtUnknownTime(tickets, t)) continue;
      const first = firstSlotEndingAfter(grid, tickets.createdAt[t]!);
      const resolved = tickets.resolvedAt[t]!;
      const last = Number.isNaN(resolved) ? grid.slots.length : firstSlotEndingAfter(grid, resolved);
      for (let s = first; s < last; s++) {
        const row = this.rowAt(s, groupOfTicket[t]!, false);
        if (row !== undefined) this.feed(row.accumulators, openIndexes, t);
      }
      if (tickets.createdAt[t]! < to && !(resolved < to)) this.feed(this.totals, openIndexes, t);
    }
  }
}

/** The Report's account of the input: distinct tickets used, and each file's counts. */
function reportInput(input: IngestSummary): Report['input'] {
  return {
    records: input.store.length,
    rejected: input.rejected,
    duplicates: input.duplicates,
    folded: input.files.reduce((n, f) => n + f.folded, 0),
    setAside: input.setAside,
    files: input.files.map((f) => ({
      path: f.path,
      read: f.read,
      header: f.header,
      blank: f.blank,
      folded: f.folded,
      records: f.used,
      duplicates: f.duplicates,
      rejected: f.rejected,
      setAside: f.setAside,
    })),
  };
}

export function computeReport(input: IngestSummary, options: ComputeOptions): Report {
  const { store: tickets } = input;
  const { metrics, by } = options;
  const context = metricContext(tickets, options);
  const grid = buildPeriodGrid(options.range.from, options.range.to, options.period, options.zone);
  const grouping = new Grouping(tickets, by);
  const placing = new Placing(tickets, options, context, grid);
  placing.placeOpenAtEnd(placing.placeEvents(grouping));

  const notes = unavailableNotes(metrics, input.presentFields, context);
  const unavailable = new Set(notes.map((n) => n.metric));
  notes.unshift(...inputNotes(input), ...unknownResolutionNotes(tickets));
  const valuesOf = (accumulators: Accumulator[]): Record<string, MetricValue> =>
    Object.fromEntries(metrics.map((m, i) => [m.meta.id, unavailable.has(m.meta.id) ? null : accumulators[i]!.result()]));
  const rows = placing.rowsByGroup
    .flatMap((rows) => rows.filter((row): row is Row => row !== undefined))
    .sort((a, b) => a.slot - b.slot || compareValues(grouping.values[a.group]!, grouping.values[b.group]!))
    .map((row): ReportRow => {
      const period = grid.slots[row.slot]!;
      const dimensions = Object.fromEntries(by.map((d, i) => [d, grouping.values[row.group]![i]!]));
      return { period: period.label, start: formatInstant(period.start, options.zone), end: formatInstant(period.end, options.zone), ...dimensions, metrics: valuesOf(row.accumulators) };
    });

  return {
    schema: REPORT_SCHEMA,
    timezone: options.zone,
    inputTimezone: options.inputZone,
    period: options.period,
    attribution: options.attribution,
    by: [...by],
    range: { from: formatInstant(options.range.from, options.zone), to: formatInstant(options.range.to, options.zone) },
    input: reportInput(input),
    metrics: metrics.map(({ meta }) => ({ id: meta.id, title: meta.title, short: meta.short, unit: meta.unit, section: meta.section })),
    notes,
    rows,
    totals: { metrics: valuesOf(placing.totals) },
  };
}
