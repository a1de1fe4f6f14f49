import { expect } from 'vitest';
import type { Dimension } from '../../src/schema/fields.js';
import { reportOf, type ReportTestOptions, type TicketInput } from './build.js';

/**
 * The table-driven checks of the per-metric test files (ESLint RuleTester style): each case lists
 * tickets, options, every row of the report (period, --by values, this metric's value), the totals,
 * and the words of the metric's note if it must have one.
 */

/** `2026-MM-DDTHH:MM:00Z` from `MM-DD HH:MM`. */
export const utc = (monthDayTime: string): string => `2026-${monthDayTime.replace(' ', 'T')}:00Z`;

export type ExpectedRow = { period: string; value: unknown } & { [D in Dimension]?: string | null };

export interface MetricCase {
  name: string;
  records: TicketInput[] | TicketInput[][];
  options?: ReportTestOptions;
  /** Every row of the report, in report order: its period, its --by values, and this metric's value. */
  rows: ExpectedRow[];
  totals: unknown;
  /** Words the report's note on this metric must contain; absent: there is no note on it. */
  note?: string[];
}

/** The report, and its rows reduced to period, --by values and one metric's value. */
export function metricRows(metric: string, records: MetricCase['records'], options: ReportTestOptions = {}) {
  const report = reportOf(records, options);
  const by: readonly Dimension[] = options.by ?? [];
  const rows = report.rows.map((row) => ({
    period: row.period,
    ...Object.fromEntries(by.map((d) => [d, row[d]])),
    value: row.metrics[metric],
  }));
  return { report, rows };
}

export function checkMetricCase(metric: string, { records, options, rows, totals, note }: MetricCase): void {
  const { report, rows: actual } = metricRows(metric, records, options);
  expect(actual).toEqual(rows);
  expect(report.totals.metrics[metric]).toEqual(totals);
  const notes = report.notes.filter((n) => n.metric === metric);
  if (note === undefined) expect(notes).toEqual([]);
  else {
    expect(notes).toHaveLength(1);
    for (const word of note) expect(notes[0]!.message).toContain(word);
  }
}
