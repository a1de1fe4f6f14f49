import type { TicketField } from '../schema/fields.js';
import type { SlaOutcomes } from '../sla/evaluate.js';
import type { BusinessTimes } from '../engine/business-hours.js';
import type { TicketStore } from '../tickets/store.js';
import type { ListMemory } from './stats.js';

/**
 * The shape every metric module has: metadata (from which the `metrics` catalogue, docs/metrics.md
 * and the renderers' columns are made) and a factory for an accumulator that sees the tickets the
 * engine places in one row.
 */

/**
 * The moment that places a ticket in a period for a metric:
 * - `created`: created_at; `first_response`: first_response_at; `resolved`: resolved_at;
 * - `satisfaction`: resolved_at, or created_at when the ticket was never resolved;
 * - `first_response_sla`, `resolution_sla`: the SLA outcome: the answer (resolution) when met,
 *   the deadline when breached (see src/sla/evaluate.ts);
 * - `open_at_end`: not an event but a state: the ticket is still open at the end of the period.
 */
export type Placement =
  | 'created'
  | 'first_response'
  | 'resolved'
  | 'satisfaction'
  | 'first_response_sla'
  | 'resolution_sla'
  | 'open_at_end';
export type EventPlacement = Exclude<Placement, 'open_at_end'>;
export const EVENT_PLACEMENTS: readonly EventPlacement[] = [
  'created',
  'first_response',
  'resolved',
  'satisfaction',
  'first_response_sla',
  'resolution_sla',
];

/**
 * - count: a number; rate: a share `{numerator, denominator, value}` shown as a percentage;
 * - ratio: the same shape, value = numerator / denominator shown as a plain number (per customer, per agent);
 * - duration: `{count, mean, median, p90}` in seconds; nps: `{responses, promoters, passives, detractors, value}`.
 */
export type Unit = 'count' | 'rate' | 'ratio' | 'duration' | 'nps';

/** Which number of a value goals and the headline use: a duration's median, mean, p90 or count; a rate's, ratio's or NPS's value; a count. */
export type Stat = 'median' | 'mean' | 'p90' | 'count' | 'value';

/** The numbers each unit has, the default first. */
export const STATS_OF: Record<Unit, readonly Stat[]> = {
  duration: ['median', 'mean', 'p90', 'count'],
  rate: ['value'],
  ratio: ['value'],
  nps: ['value'],
  count: ['count'],
};

/** Where a metric is shown: reports print one table per section, in this order. */
export const SECTIONS = ['Volume', 'Speed', 'Quality', 'Satisfaction', 'SLA', 'Workload'] as const;
export type Section = (typeof SECTIONS)[number];

export interface RateValue {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
}

/** Durations in seconds; mean/median/p90 are null when count is 0. */
export interface DurationValue {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface NpsValue {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** 100 × (promoters − detractors) / responses, from −100 to 100; null without responses. */
  value: number | null;
}

/** null: the metric cannot be computed from these inputs (see the report's notes). */
export type MetricValue = number | RateValue | DurationValue | NpsValue | null;

/** What some metrics need beyond the tickets: settings from the config file, derived outcomes. */
export interface MetricContext {
  /** Dictionary codes of the tag lists that hold a churn tag (see cancellation_rate). */
  churnTagLists: ReadonlySet<number>;
  churnTags: readonly string[];
  sla: SlaOutcomes;
  /** The config's schedules applied to the tickets; undefined without schedules (the export's business figures are used). */
  business?: BusinessTimes;
  /** Where the lists of durations come from (see ListMemory); new memory when undefined. */
  lists?: ListMemory;
}

/** A small case that shows the definition at work: docs print it, a test checks it. */
export interface MetricExample {
  /** Tickets in canonical fields, as in a JSON export. */
  tickets: Partial<Record<TicketField, string | number | boolean | string[]>>[];
  /** Config the example needs (SLA policies, churn tags), as in support-metrics.config.json. */
  config?: Record<string, unknown>;
  /** The range the example reports on, one period: [from, to). */
  from: string;
  to: string;
  /** The metric's value over that range. */
  result: MetricValue;
  /** Why, in a few sentences. */
  explanation: string;
}

export interface MetricMeta {
  /** JSON key, `--metrics` name and file name under src/metrics/. */
  id: string;
  title: string;
  /** Column heading in tables, short. */
  short: string;
  unit: Unit;
  section: Section;
  placement: Placement;
  /**
   * Columns the metric reads beyond id and created_at: each entry lists alternatives, at least one of
   * which must be a column of some input file (else the metric is null, with a note). A report
   * interns a dimension column only when something names it, these included (engine/columns-read.ts).
   */
  needs: readonly (readonly TicketField[])[];
  /** true: up is good; false: down is good; null: neither. */
  higherIsBetter: boolean | null;
  /** The exact definition, as documented in docs/metrics.md. */
  definition: string;
  /** Anything a reader should know beyond the definition: how other tools differ, why we chose this. */
  notes?: string;
  /** Why the metric cannot be computed with these settings (e.g. no SLA target), or null when it can. */
  unavailable?: (context: MetricContext) => string | null;
  example: MetricExample;
}

export interface Accumulator<V extends MetricValue = MetricValue> {
  /**
   * Sees the tickets `slots[from]` to `slots[to - 1]` (slots of the store) that the engine placed in
   * this row. The engine hands a row its tickets of an event together, so that the loop over them
   * runs in the accumulator's own code (a call per ticket and metric through one shared call site
   * took about half of the metrics' time on a million tickets).
   */
  add(tickets: TicketStore, slots: Int32Array, from: number, to: number): void;
  /**
   * Takes in what another accumulator of the same metric saw, as if it had seen those tickets too
   * (the totals are the rows merged). `other` is made by the same `create`.
   */
  merge(other: Accumulator<V>): void;
  /**
   * An empty accumulator like this one (the same tests, made once per run): a report split by many
   * groups makes one per metric and row, and `create` makes new closures each time.
   */
  fresh(): Accumulator<V>;
  result(): V;
}

export interface Metric<V extends MetricValue = MetricValue> {
  meta: MetricMeta;
  create(context: MetricContext): Accumulator<V>;
}
