import type { Dimension } from '../schema/fields.js';
import type { MetricValue, Section, Stat, Unit } from '../metrics/types.js';
import type { GoalLevel } from '../config/goals.js';
import type { Change } from '../engine/figures.js';
import type { WhereKey } from '../tickets/conditions.js';
import type { Comparison } from '../time/period-names.js';
import type { Period } from '../time/period-names.js';
import type { Attribution } from '../engine/attribution.js';
import type { FileAccount } from '../tickets/file-reading.js';

/**
 * The one result of a run. The JSON output is this object as it is; the table, Markdown and CSV
 * renderers read nothing else. Keep its shape stable: scripts and CI jobs read it.
 */
export const REPORT_SCHEMA = 'support-metrics/report@1';

export interface Report {
  schema: typeof REPORT_SCHEMA;
  /** The zone that decides period boundaries (--tz). */
  timezone: string;
  /** The zone timestamps without an offset were read in (--input-tz). */
  inputTimezone: string;
  period: Period;
  /** `event`: each metric in the period its event happened; `created`: in the period the ticket was created. */
  attribution: Attribution;
  by: Dimension[];
  /** --compare: what each row's and the totals' `previous` holds (null: no comparison). */
  compare: Comparison | null;
  /** [from, to) as RFC 3339 timestamps with the report zone's offset; with --compare, the totals' `previous` range. */
  range: { from: string; to: string; previous?: { from: string; to: string } };
  /** --where: the conditions (all must hold), and how many tickets met them (all of them without conditions). */
  filter: { where: { key: WhereKey; values: string[] }[]; matched: number };
  /**
   * Where the business figures (business_first_response_time, business_resolution_time) come from:
   * the config's schedules applied to the timestamps, or the export's own columns.
   */
  businessHours: { source: 'schedules' | 'export'; schedules: string[]; unmatched: number };
  input: ReportInput;
  /** The metrics in the report, in column order. */
  metrics: ReportMetric[];
  /**
   * Why a metric is null in every row, when it is (`metric` set); and warnings about the input
   * (`metric` null): a file with more than 5% of its records rejected or of a field's values set aside.
   */
  notes: ReportNote[];
  /** The last complete period against the one before (or a year earlier, with --compare year): the numbers a lead reads first. */
  headline: Headline | null;
  /** One outcome per goal (per group and period when it asks for them), in the order of the goals. */
  goals: GoalOutcome[];
  /** What a supervisor should look at: agents collecting negative ratings, unusual volume. Empty when nothing is raised. */
  alerts: Alert[];
  rows: ReportRow[];
  /** With --compare, `previous`: the range compared with (null when it ends before the first ticket was created). */
  totals: { metrics: Record<string, MetricValue>; previous?: Record<string, MetricValue> | null };
}

export interface Headline {
  /** The period's label, and its bounds. */
  period: string;
  start: string;
  end: string;
  comparison: Comparison;
  /** The period compared with; null when there is none (ISO week 53 a year earlier, 29 February) or it ends before the first ticket was created. */
  against: { period: string; start: string; end: string } | null;
  items: HeadlineItem[];
}

export interface HeadlineItem {
  metric: string;
  stat: Stat;
  /** In the metric's own units (seconds, a fraction, a count); null: no data. */
  value: number | null;
  /** The tickets behind it (a rate's denominator, a duration's count, a count itself). */
  sample: number;
  previous: number | null;
  previousSample: number | null;
  change: Change;
  /** The first goal on this metric and number (no `by`, no `where`), judged on this period's value; null: no such goal. */
  goal: { name: string; level: GoalLevel; passed: boolean | null } | null;
}

export interface GoalOutcome {
  name: string;
  metric: string;
  /** The metric's unit (the goal's metric need not be among the report's --metrics). */
  unit: Unit;
  stat: Stat;
  operator: '>=' | '<=';
  /** In the metric's own units (seconds, fractions, counts, NPS points). */
  target: number;
  actual: number | null;
  /** The tickets behind `actual`: a rate's denominator, a duration's count, NPS responses, a count itself. */
  sample: number;
  /** The goal's `by` group (null: all the tickets it covers). */
  group: Partial<Record<Dimension, string | null>> | null;
  /** `all` (the whole range) or a period's label. */
  period: string;
  level: GoalLevel;
  /** null: not judged (no data, or fewer tickets than its minSample). */
  passed: boolean | null;
  minSample: number;
}

export interface ReportInput {
  /** Distinct tickets used. */
  records: number;
  rejected: number;
  duplicates: number;
  /** Event logs (`--event-log`): events folded into a ticket another event of its id stands for; 0 otherwise. */
  folded: number;
  /** Values that could not be read in records that were used: those tickets have no value for that field. */
  setAside: number;
  files: ReportInputFile[];
}

/**
 * One file's account (tickets/file-reading.ts), read = header + blank + folded + records + duplicates +
 * rejected: `records` is the account's `used` (the tickets used from this file), under the name
 * the JSON report has always given it.
 */
export type ReportInputFile = Omit<FileAccount, 'used'> & { records: number };

export interface ReportMetric {
  id: string;
  title: string;
  short: string;
  unit: Unit;
  section: Section;
}

export interface ReportNote {
  /** The metric that is n/a; null for a warning about the input. */
  metric: string | null;
  message: string;
}

/** One period (and, with --by, one combination of dimension values). Dimension keys are null for "(none)". */
export type ReportRow = {
  period: string;
  start: string;
  end: string;
  metrics: Record<string, MetricValue>;
  /** --compare: the same group's metrics in the period compared with; null when that period does not exist (ISO week 53, 29 February) or ends before the first ticket was created. */
  previous?: Record<string, MetricValue> | null;
} & { [D in Dimension]?: string | null };

/** An agent whose negative ratings (bad, 1, 2) in a period are at least the minimum and clearly above the rest of the team's share. */
export interface NegativeRatingsAlert {
  kind: 'negative_ratings';
  /** null: the tickets without an agent. */
  agent: string | null;
  period: string;
  /** Negative ratings of the agent's tickets in the period. */
  count: number;
  /** Survey responses of the agent's tickets in the period. */
  responses: number;
  /** The negative share of the other agents' responses in the period (null: they had none). */
  othersShare: number | null;
  /** The one-sided binomial probability of at least `count` negatives in `responses` at the others' share. */
  pValue: number;
  /** The ids of the negatively rated tickets, in id order. */
  tickets: string[];
}

/** Tickets created in a period (per group with --by) far from their seasonal baseline. */
export interface VolumeAnomalyAlert {
  kind: 'volume_anomaly';
  period: string;
  group: Partial<Record<Dimension, string | null>> | null;
  count: number;
  /** The median of the baseline periods (the same weekday in the weeks before, for days; else the periods before). */
  baseline: number;
  /** (count − baseline) / spread, the spread being the larger of 1.4826 × MAD and √baseline. */
  score: number;
  direction: 'spike' | 'drop';
}

export type Alert = NegativeRatingsAlert | VolumeAnomalyAlert;
