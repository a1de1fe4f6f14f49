import { formatCount } from '../count-text.js';
import type { Attribution } from './attribution.js';
import type { ComputeOptions } from './compute.js';
import { InputError } from '../errors.js';
import type { Dimension } from '../schema/fields.js';
import { resolvedAtUnknownTime, type TicketStore } from '../tickets/store.js';
import { firstSlotEndingAfter, slotIndexOf, type PeriodGrid } from '../time/periods.js';
import { EVENT_PLACEMENTS, type Accumulator, type EventPlacement, type Metric, type MetricContext, type MetricValue, type Placement } from '../metrics/types.js';

/**
 * Views of the tickets: the metrics of a set of tickets (the --where selection, a goal's own
 * filter) over a grid of periods, split into groups or not. The report is one view; the
 * comparison, the headline and the goals are others over other grids. Pure.
 */

export interface Row {
  slot: number;
  group: number;
  /** Its place among the rows of its view, in the order they were made. */
  number: number;
  accumulators: Accumulator[];
}

/** Whether some ticket can have the event of a placement: an SLA event needs a policy (see SlaOutcomes). */
function canHappen(placement: EventPlacement, context: MetricContext): boolean {
  return (placement !== 'first_response_sla' && placement !== 'resolution_sla') || context.sla.policies.length > 0;
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
      return context.sla.placedAt(slot, 'firstResponse');
    case 'resolution_sla':
      return context.sla.placedAt(slot, 'resolution');
  }
}

/** Groups tickets by their --by dimension values; group 0 is "everything" when there is no split. */
export class Grouping {
  readonly values: (string | null)[][] = [];
  /** Split into groups (--by given): rows exist only for the groups with an event in a period. */
  readonly split: boolean;
  private readonly indexByKey = new Map<string, number>();

  /** `maxGroups`: more groups than this stop the run (null: no limit). */
  constructor(
    private readonly tickets: TicketStore,
    private readonly by: readonly Dimension[],
    private readonly maxGroups: number | null = null,
  ) {
    this.split = by.length > 0;
    if (by.length === 0) this.values.push([]);
  }

  /** With one dimension, the group of each of its codes (+1: blank is -1), -1 for none yet: no key text to make per ticket. */
  private groupOfCode: Int32Array | undefined;

  groupOf(slot: number): number {
    if (this.by.length === 0) return 0;
    if (this.by.length === 1) return this.groupOfOne(this.tickets[this.by[0]!][slot]!);
    const codes = this.by.map((d) => this.tickets[d][slot]!);
    const key = codes.join(',');
    let group = this.indexByKey.get(key);
    if (group === undefined) {
      group = this.newGroup();
      this.values.push(codes.map((code, i) => this.tickets.dictionaries[this.by[i]!].valueOf(code)));
      this.indexByKey.set(key, group);
    }
    return group;
  }

  /** The number of the next group, unless there would be more than maxGroups. */
  private newGroup(): number {
    const group = this.values.length;
    if (this.maxGroups !== null && group >= this.maxGroups) {
      const limit = formatCount(this.maxGroups);
      throw new InputError(
        `--by ${this.by.join(',')}: more than ${limit} groups, which is most often a column mapped to the wrong field (check the ${this.by.join(' and ')} column${this.by.length > 1 ? 's' : ''}, --map or the preset); if the groups are real, raise --max-groups (none: no limit)`,
      );
    }
    return group;
  }

  private groupOfOne(code: number): number {
    let known = this.groupOfCode;
    if (known === undefined || code + 1 >= known.length) {
      const dictionary = this.tickets.dictionaries[this.by[0]!];
      const bigger = new Int32Array(Math.max(16, dictionary.values.length + 1, code + 2)).fill(-1);
      if (known !== undefined) bigger.set(known);
      known = this.groupOfCode = bigger;
    }
    let group = known[code + 1]!;
    if (group < 0) {
      group = this.newGroup();
      this.values.push([this.tickets.dictionaries[this.by[0]!].valueOf(code)]);
      known[code + 1] = group;
    }
    return group;
  }
}

/** Dimension values sort in code-unit order (the same on every machine and locale); blank sorts last. */
export function compareValues(a: readonly (string | null)[], b: readonly (string | null)[]): number {
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
 * Which accumulators each event feeds. Under `created` attribution every metric is fed at the
 * ticket's creation, but only when its own event happened at all: a never-resolved ticket has no
 * resolution time to move, and does not count as resolved.
 */
type Feeds = Map<Placement, { happened: EventPlacement | null; indexes: number[] }[]>;

function feedsOf(metrics: readonly Metric[], attribution: Attribution, unavailable: ReadonlySet<string>): Feeds {
  const feeds: Feeds = new Map();
  metrics.forEach((m, i) => {
    // A metric that is n/a for the input (no column, no SLA target) is null: nothing to feed.
    if (unavailable.has(m.meta.id)) return;
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

/** What a Placing computes: these metrics, over this grid, for the tickets the mask selects (none: every ticket). */
export interface View {
  metrics: readonly Metric[];
  grid: PeriodGrid;
  mask: Uint8Array | undefined;
  /** The metrics that are n/a for the input (their value is null): not fed. */
  unavailable: ReadonlySet<string>;
}

/** The report's rows (a period, and with --by a group) and totals, each a set of accumulators, as the tickets are placed in them. */
export class Placing {
  /** rowsByGroup[group][periodSlot]: a row exists once some ticket of the group has an event in the period. */
  readonly rowsByGroup: (Row | undefined)[][] = [];
  /** Each metric's accumulator, made once by its `create`: the totals, and what rows get fresh copies of. */
  readonly totals: Accumulator[];
  /** The rows in the order they were made: a row's number is its index here. */
  private readonly rows: Row[] = [];
  private readonly feeds: Feeds;
  private readonly metrics: readonly Metric[];
  private readonly grid: PeriodGrid;
  private readonly mask: Uint8Array | undefined;
  /** One slot, for the accumulators fed ticket by ticket (the backlog). */
  private readonly oneSlot = new Int32Array(1);

  constructor(
    private readonly tickets: TicketStore,
    private readonly attribution: Attribution,
    private readonly context: MetricContext,
    view: View,
    /** Split into groups (see Grouping.split); else the view's rows, one per period, are made at once. */
    private readonly split: boolean,
    private readonly scratch: ScratchArrays,
  ) {
    ({ metrics: this.metrics, grid: this.grid, mask: this.mask } = view);
    this.feeds = feedsOf(this.metrics, attribution, view.unavailable);
    this.totals = this.metrics.map((m) => m.create(this.context));
    if (!split) this.grid.slots.forEach((_, slot) => this.rowAt(slot, 0, true));
  }

  newAccumulators(): Accumulator[] {
    return this.totals.map((a) => a.fresh());
  }

  rowAt(slot: number, group: number, create: boolean): Row | undefined {
    const rows = (this.rowsByGroup[group] ??= []);
    let row = rows[slot];
    if (row === undefined && create) {
      row = { slot, group, number: this.rows.length, accumulators: this.newAccumulators() };
      rows[slot] = row;
      this.rows.push(row);
    }
    return row;
  }

  /**
   * Each selected ticket's events, in the row of their period and group (the totals are the rows
   * merged, see place). Event by event, the tickets are sorted by row (a counting sort, which keeps
   * each row's in slot order), and each row's accumulators are handed their tickets in one call.
   * Returns each ticket's group.
   */
  placeEvents(grouping: Grouping): Int32Array {
    const { tickets, mask } = this;
    const n = tickets.length;
    // Not split: every ticket is in group 0, whose rows were all made with the view. (A ticket not
    // selected has no group: nothing reads it.)
    const { scratch } = this;
    const groupOfTicket = scratch.take();
    if (!this.split) groupOfTicket.fill(0);
    else for (let t = 0; t < n; t++) if (mask === undefined || mask[t] !== 0) groupOfTicket[t] = grouping.groupOf(t);
    const rowOf = scratch.take();
    const byRow = scratch.take();
    let happenedOnly: Int32Array | undefined;
    for (const placement of this.attribution === 'created' ? (['created'] as const) : EVENT_PLACEMENTS) {
      // An event that no metric of the view is placed by still makes its row (the group was active
      // then), unless the rows are made already. An event no ticket can have places nothing.
      const feeds = this.feeds.get(placement);
      if ((feeds === undefined && !this.split) || !canHappen(placement, this.context)) continue;
      this.rowsOfEvent(placement, groupOfTicket, rowOf);
      if (feeds === undefined) continue;
      const starts = this.sortByRow(rowOf, byRow);
      for (const { happened, indexes } of feeds) {
        if (happened === null) {
          this.feedRows(indexes, byRow, starts);
        } else {
          happenedOnly ??= scratch.take();
          this.feedRows(indexes, happenedOnly, this.keepHappened(happened, byRow, starts, happenedOnly));
        }
      }
    }
    scratch.give(rowOf, byRow, ...(happenedOnly === undefined ? [] : [happenedOnly]));
    return groupOfTicket;
  }

  /** rowOf[t]: the number of the row `placement` places ticket t in, the row made if need be; -1: none (not selected, outside the grid, or no such event). */
  private rowsOfEvent(placement: EventPlacement, groupOfTicket: Int32Array, rowOf: Int32Array): void {
    const { tickets, grid, mask, context } = this;
    const { boundaries, ends } = grid;
    // The slot of the last event placed: the next is most often in it too (exports come in order of time).
    let last = 0;
    for (let t = 0; t < tickets.length; t++) {
      if (mask !== undefined && mask[t] === 0) {
        rowOf[t] = -1;
        continue;
      }
      const time = placementTime(tickets, t, placement, context);
      let periodSlot = last;
      if (!(time >= boundaries[last]! && time < ends[last]!)) {
        periodSlot = slotIndexOf(grid, time);
        if (periodSlot < 0) {
          rowOf[t] = -1;
          continue;
        }
        last = periodSlot;
      }
      rowOf[t] = this.rowAt(periodSlot, groupOfTicket[t]!, true)!.number;
    }
  }

  /** The tickets of rowOf sorted by row into byRow, each row's in slot order; returns where each row's start: row r's are byRow[starts[r]] to byRow[starts[r + 1] - 1]. */
  private sortByRow(rowOf: Int32Array, byRow: Int32Array): Int32Array {
    const count = this.rows.length;
    const starts = new Int32Array(count + 1);
    for (let t = 0; t < rowOf.length; t++) starts[rowOf[t]! + 1]!++;
    starts[0] = 0; // the count of -1, which has no place in byRow
    for (let r = 0; r < count; r++) starts[r + 1]! += starts[r]!;
    const next = starts.slice(0, count);
    for (let t = 0; t < rowOf.length; t++) if (rowOf[t]! >= 0) byRow[next[rowOf[t]!]!++] = t;
    return starts;
  }

  /** Of each row's tickets, those whose own event `happened` happened (created attribution), in the same order, into `kept`; returns where each row's start there. */
  private keepHappened(happened: EventPlacement, byRow: Int32Array, starts: Int32Array, kept: Int32Array): Int32Array {
    const { tickets, context } = this;
    const count = this.rows.length;
    const bounds = new Int32Array(count + 1);
    let at = 0;
    for (let r = 0; r < count; r++) {
      bounds[r] = at;
      for (let i = starts[r]!; i < starts[r + 1]!; i++) {
        if (!Number.isNaN(placementTime(tickets, byRow[i]!, happened, context))) kept[at++] = byRow[i]!;
      }
    }
    bounds[count] = at;
    return bounds;
  }

  /** Hands each row's tickets (slots[bounds[r]] to slots[bounds[r + 1] - 1]) to its accumulators `indexes`. */
  private feedRows(indexes: readonly number[], slots: Int32Array, bounds: Int32Array): void {
    const { tickets, rows } = this;
    for (let r = 0; r < rows.length; r++) {
      const from = bounds[r]!;
      const to = bounds[r + 1]!;
      if (from === to) continue;
      const accumulators = rows[r]!.accumulators;
      for (const i of indexes) accumulators[i]!.add(tickets, slots, from, to);
    }
  }

  /** Feeds one ticket to the accumulators `indexes` of a set. */
  private feedOne(accumulators: Accumulator[], indexes: readonly number[], slot: number): void {
    this.oneSlot[0] = slot;
    for (const i of indexes) accumulators[i]!.add(this.tickets, this.oneSlot, 0, 1);
  }

  /** Open at the end of a period: created before its end, and not resolved before its end (in the rows that exist). */
  placeOpenAtEnd(groupOfTicket: Int32Array): void {
    const openIndexes = this.feeds.get('open_at_end')?.[0]?.indexes;
    if (openIndexes === undefined) return;
    const { tickets, grid, mask } = this;
    const to = grid.boundaries[grid.slots.length]!;
    for (let t = 0; t < tickets.length; t++) {
      if ((mask !== undefined && mask[t] === 0) || resolvedAtUnknownTime(tickets, t)) continue;
      const first = firstSlotEndingAfter(grid, tickets.createdAt[t]!);
      const resolved = tickets.resolvedAt[t]!;
      const last = Number.isNaN(resolved) ? grid.slots.length : firstSlotEndingAfter(grid, resolved);
      for (let s = first; s < last; s++) {
        const row = this.rowAt(s, groupOfTicket[t]!, false);
        if (row !== undefined) this.feedOne(row.accumulators, openIndexes, t);
      }
      if (tickets.createdAt[t]! < to && !(resolved < to)) this.feedOne(this.totals, openIndexes, t);
    }
  }

  /**
   * The totals of the metrics placed by an event: every event placed in a row, and only those, is
   * in the totals, so they are the rows merged (feeding the totals too took a second call per metric
   * and event). A backlog is not a sum of rows: placeOpenAtEnd feeds its totals.
   */
  private mergeRows(): void {
    const merged = this.metrics.flatMap((m, i) => (m.meta.placement === 'open_at_end' ? [] : [i]));
    // Both arrays are sparse (a shared grouping numbers groups with no row in this view): forEach skips the holes.
    this.rowsByGroup.forEach((rows) =>
      rows.forEach((row) => {
        for (const i of merged) this.totals[i]!.merge(row!.accumulators[i]!);
      }),
    );
  }

  /** Places every selected ticket (grouped by `grouping`). */
  place(grouping: Grouping): this {
    const groupOfTicket = this.placeEvents(grouping);
    this.mergeRows();
    this.placeOpenAtEnd(groupOfTicket);
    this.scratch.give(groupOfTicket);
    return this;
  }

  /**
   * Metric `metric`'s accumulators of every group's row of period `slot` merged, in one made for
   * it: the period as a view not split by group holds it, for a metric placed by an event (each
   * event is in one row, as the totals are the rows merged). Not for a backlog: a group's row of a
   * period is made only when the group had an event in it (see placeOpenAtEnd).
   */
  mergedInSlot(slot: number, metric: Metric): Accumulator {
    const index = this.metrics.indexOf(metric);
    if (index < 0 || metric.meta.placement === 'open_at_end') throw new Error(`internal: ${metric.meta.id} is not merged from rows`);
    const merged = this.totals[index]!.fresh();
    this.rowsByGroup.forEach((rows) => {
      const row = rows[slot];
      if (row !== undefined) merged.merge(row.accumulators[index]!);
    });
    return merged;
  }

  /** A row's values, or those of an empty row when no ticket of the group had an event in the period. */
  valuesAt(slot: number, group: number, valuesOf: (metrics: readonly Metric[], accumulators: Accumulator[]) => Record<string, MetricValue>): Record<string, MetricValue> {
    return valuesOf(this.metrics, this.rowAt(slot, group, false)?.accumulators ?? this.newAccumulators());
  }
}

/** Everything a report's views share: the tickets, the settings, the derived context, and which metrics are n/a. */
export interface Run {
  tickets: TicketStore;
  options: ComputeOptions;
  context: MetricContext;
  /** The tickets --where selects (undefined: all). */
  mask: Uint8Array | undefined;
  unavailable: ReadonlySet<string>;
  /** The arrays of the tickets' length that placing a view borrows, one view after another. */
  scratch: ScratchArrays;
}

/**
 * Int32Arrays of the tickets' length that one placing at a time borrows and gives back (see
 * placeEvents): a report places its tickets for several views in turn (its rows, the headline,
 * goals, a comparison), each with up to four such arrays, 16 MB at a million tickets. Made anew
 * for each view, those of the views before were still held, not yet collected: the 1M report's
 * peak was while its headline was placed.
 */
export class ScratchArrays {
  private readonly free: Int32Array[] = [];

  /** `spare`: memory to make the arrays in before new memory (TicketStore.takeSpare), a buffer of at least `bytes` or undefined. */
  constructor(
    private readonly length: number,
    private readonly spare: (bytes: number) => ArrayBuffer | undefined = () => undefined,
  ) {}

  /** An array of the tickets' length, holding what an earlier view (or a log the store filed) left in it, or zeros. */
  take(): Int32Array {
    const free = this.free.pop();
    if (free !== undefined) return free;
    const buffer = this.spare(this.length * Int32Array.BYTES_PER_ELEMENT);
    return buffer === undefined ? new Int32Array(this.length) : new Int32Array(buffer, 0, this.length);
  }

  give(...arrays: Int32Array[]): void {
    this.free.push(...arrays);
  }
}

/** A view placed: `by` splits it into groups (a Grouping may be shared, so that two views number groups alike). */
export function placeView(run: Run, view: Omit<View, 'mask' | 'unavailable'> & { mask?: Uint8Array }, grouping: Grouping): Placing {
  return new Placing(run.tickets, run.options.attribution, run.context, { ...view, mask: view.mask ?? run.mask, unavailable: run.unavailable }, grouping.split, run.scratch).place(grouping);
}

/** A set of accumulators' values, keyed by metric id; a metric that is n/a for the input is null. */
export function valuesOf(run: Run): (metrics: readonly Metric[], accumulators: Accumulator[]) => Record<string, MetricValue> {
  return (metrics, accumulators) => Object.fromEntries(metrics.map((m, i) => [m.meta.id, run.unavailable.has(m.meta.id) ? null : accumulators[i]!.result()]));
}


/** The earliest created_at among the tickets (Infinity for none): a period that ends before it holds no data, rather than zeros. */
export function firstCreatedAt(tickets: TicketStore): number {
  let first = Infinity;
  for (let t = 0; t < tickets.length; t++) if (tickets.createdAt[t]! < first) first = tickets.createdAt[t]!;
  return first;
}
