import type { MetricValue } from '../metrics/types.js';
import type { Report, ReportMetric } from '../report/types.js';
import { stringifyCsv } from './csv-cells.js';

/** Flattened column names of one metric: `tickets_created`, `resolution_rate.value`, `first_response_time.p90`. */
interface CsvColumn {
  name: string;
  metric: string;
  pick: (value: MetricValue) => number | null;
}

function metricColumns(metric: ReportMetric): CsvColumn[] {
  const part = (key: string) => (value: MetricValue) =>
    value === null || typeof value === 'number' ? null : ((value as unknown as Record<string, number | null>)[key] ?? null);
  switch (metric.unit) {
    case 'count':
      return [{ name: metric.id, metric: metric.id, pick: (value) => (typeof value === 'number' ? value : null) }];
    case 'rate':
    case 'ratio':
      return ['numerator', 'denominator', 'value'].map((k) => ({ name: `${metric.id}.${k}`, metric: metric.id, pick: part(k) }));
    case 'nps':
      return ['responses', 'promoters', 'passives', 'detractors', 'value'].map((k) => ({ name: `${metric.id}.${k}`, metric: metric.id, pick: part(k) }));
    case 'duration':
      return ['count', 'mean', 'median', 'p90'].map((k) => ({ name: `${metric.id}.${k}`, metric: metric.id, pick: part(k) }));
  }
}

/**
 * One line per report row (totals are in the JSON, Markdown and table outputs); blank cells are null.
 * Period labels and --by values come from the data: stringifyCsv cleans them and defuses formulas.
 */
export function renderCsv(report: Report): string {
  const columns = report.metrics.flatMap(metricColumns);
  const header = ['period', 'start', 'end', ...report.by, ...columns.map((c) => c.name)];
  const lines = report.rows.map((row) => [
    row.period,
    row.start,
    row.end,
    ...report.by.map((d) => row[d] ?? null),
    ...columns.map((c) => c.pick(row.metrics[c.metric] ?? null)),
  ]);
  return stringifyCsv([header, ...lines]);
}
