import type { Dimension } from '../schema/fields.js';
import type { IngestSummary } from '../tickets/ingest.js';
import type { TicketStore } from '../tickets/store.js';
import { buildPeriodGrid, firstSlotEndingAfter, slotIndexOf, type Period } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';
import { REPORT_SCHEMA, type Report, type ReportNote, type ReportRow } from '../report/types.js';
import type { Accumulator, Metric, MetricValue, Placement } from '../metrics/types.js';

/**
 * Places every ticket's events in periods (and groups, with --by), feeds the metrics'
 * accumulators, and assembles the Report. Pure: the zone and range come in as arguments.
 */

export interface ComputeOptions {
  metrics: readonly Metric[];
  period: Period;
  zone: string;
  inputZone: string;
  by: readonly Dimension[];
  range: { from: number; to: number };
}

interface Row {
  slot: number;
  group: number;
  accumulators: Accumulator[];
}

/** The instant that places a ticket for an event placement (NaN: the event did not happen). */
function placementTime(tickets: TicketStore, slot: number, placement: Exclude<Placement, 'open_at_end'>): number {
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
  }
}

const EVENT_PLACEMENTS = ['created', 'first_response', 'resolved', 'satisfaction'] as const;

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

/** A metric is available when each of its needs is met by a column of at least one input file. */
function unavailableNotes(metrics: readonly Metric[], present: ReadonlySet<string>): ReportNote[] {
  const notes: ReportNote[] = [];
  for (const { meta } of metrics) {
    const unmet = meta.needs.filter((alternatives) => !alternatives.some((f) => present.has(f)));
    if (unmet.length === 0) continue;
    const columns = unmet.map((alternatives) => alternatives.join(' or ')).join(', and ');
    notes.push({ metric: meta.id, message: `no input file has a ${columns} column` });
  }
  return notes;
}

export function computeReport(input: IngestSummary, options: ComputeOptions): Report {
  const { store: tickets } = input;
  const { metrics, by } = options;
  const grid = buildPeriodGrid(options.range.from, options.range.to, options.period, options.zone);
  const grouping = new Grouping(tickets, by);
  const metricsAt = new Map<Placement, number[]>();
  metrics.forEach((m, i) => metricsAt.set(m.meta.placement, [...(metricsAt.get(m.meta.placement) ?? []), i]));
  const newAccumulators = (): Accumulator[] => metrics.map((m) => m.create());

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

  const groupOfTicket = new Int32Array(tickets.length);
  for (let t = 0; t < tickets.length; t++) {
    const group = grouping.groupOf(t);
    groupOfTicket[t] = group;
    for (const placement of EVENT_PLACEMENTS) {
      const at = placementTime(tickets, t, placement);
      const periodSlot = slotIndexOf(grid, at);
      if (periodSlot < 0) continue;
      const row = rowAt(periodSlot, group, true)!;
      const indexes = metricsAt.get(placement);
      if (indexes === undefined) continue;
      feed(row.accumulators, indexes, t);
      feed(totals, indexes, t); // the grid spans exactly the range
    }
  }

  // Open at the end of a period: created before its end, and not resolved before its end.
  const openIndexes = metricsAt.get('open_at_end');
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

  const notes = unavailableNotes(metrics, input.presentFields);
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
    by: [...by],
    range: { from: formatInstant(options.range.from, options.zone), to: formatInstant(options.range.to, options.zone) },
    input: {
      records: tickets.length,
      rejected: input.rejected,
      duplicates: input.duplicates,
      files: input.files.map((f) => ({ path: f.path, records: f.used, rejected: f.rejected, duplicates: f.duplicates })),
    },
    metrics: metrics.map(({ meta }) => ({ id: meta.id, title: meta.title, short: meta.short, unit: meta.unit, section: meta.section })),
    notes,
    rows,
    totals: { metrics: valuesOf(totals) },
  };
}
