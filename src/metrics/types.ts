import type { TicketField } from '../schema/fields.js';
import type { TicketStore } from '../tickets/store.js';

/**
 * The shape every metric module has: metadata (from which the `metrics` catalogue, docs/metrics.md
 * and the renderers' columns are made) and a factory for an accumulator that sees the tickets the
 * engine places in one row.
 */

/**
 * The moment that places a ticket in a period for a metric:
 * - `created`: created_at; `first_response`: first_response_at; `resolved`: resolved_at;
 * - `satisfaction`: resolved_at, or created_at when the ticket was never resolved;
 * - `open_at_end`: not an event but a state: the ticket is still open at the end of the period.
 */
export type Placement = 'created' | 'first_response' | 'resolved' | 'satisfaction' | 'open_at_end';
export const PLACEMENTS: readonly Placement[] = ['created', 'first_response', 'resolved', 'satisfaction', 'open_at_end'];

export type Unit = 'count' | 'rate' | 'duration';

/** Where a metric is shown: reports print one table per section, in this order. */
export const SECTIONS = ['Volume', 'Speed', 'Satisfaction'] as const;
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

/** null: the metric cannot be computed from these inputs (see the report's notes). */
export type MetricValue = number | RateValue | DurationValue | null;

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
   * which must be a column of some input file (else the metric is null, with a note).
   */
  needs: readonly (readonly TicketField[])[];
  /** true: up is good; false: down is good; null: neither. */
  higherIsBetter: boolean | null;
  /** The exact definition, as documented in docs/metrics.md. */
  definition: string;
}

export interface Accumulator<V extends MetricValue = MetricValue> {
  /** Sees one ticket (a slot of the store) that the engine placed in this row. */
  add(tickets: TicketStore, slot: number): void;
  result(): V;
}

export interface Metric<V extends MetricValue = MetricValue> {
  meta: MetricMeta;
  create(): Accumulator<V>;
}
