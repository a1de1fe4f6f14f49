import type { Dimension } from '../schema/fields.js';
import type { MetricValue, Section, Unit } from '../metrics/types.js';
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
  /** [from, to) as RFC 3339 timestamps with the report zone's offset. */
  range: { from: string; to: string };
  input: ReportInput;
  /** The metrics in the report, in column order. */
  metrics: ReportMetric[];
  /**
   * Why a metric is null in every row, when it is (`metric` set); and warnings about the input
   * (`metric` null): a file with more than 5% of its records rejected or of a field's values set aside.
   */
  notes: ReportNote[];
  rows: ReportRow[];
  totals: { metrics: Record<string, MetricValue> };
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
} & { [D in Dimension]?: string | null };
