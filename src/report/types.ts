import type { Dimension } from '../schema/fields.js';
import type { MetricValue, Section, Unit } from '../metrics/types.js';
import type { Period } from '../time/period-names.js';
import type { Attribution } from '../engine/attribution.js';

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
  /** Why a metric is null in every row, when it is. */
  notes: ReportNote[];
  rows: ReportRow[];
  totals: { metrics: Record<string, MetricValue> };
}

export interface ReportInput {
  /** Distinct tickets used. */
  records: number;
  rejected: number;
  duplicates: number;
  files: ReportInputFile[];
}

/**
 * What became of everything read from one file: read = header + blank + records + duplicates +
 * rejected, checked at the end of every run. A CSV record over several lines counts once; a JSON
 * array's elements are its records.
 */
export interface ReportInputFile {
  path: string;
  read: number;
  /** 1 for a CSV file's header line, else 0. */
  header: number;
  /** Empty lines and rows of empty fields. */
  blank: number;
  /** Tickets used from this file. */
  records: number;
  /** Records that lost to a later record with the same id. */
  duplicates: number;
  rejected: number;
}

export interface ReportMetric {
  id: string;
  title: string;
  short: string;
  unit: Unit;
  section: Section;
}

export interface ReportNote {
  metric: string;
  message: string;
}

/** One period (and, with --by, one combination of dimension values). Dimension keys are null for "(none)". */
export type ReportRow = {
  period: string;
  start: string;
  end: string;
  metrics: Record<string, MetricValue>;
} & { [D in Dimension]?: string | null };
