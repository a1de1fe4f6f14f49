import { formatCount } from '../count-text.js';
import { SECTIONS, type DurationValue, type MetricValue, type NpsValue, type RateValue, type Section } from '../metrics/types.js';
import type { Report, ReportMetric, ReportRow } from '../report/types.js';
import type { FileAccount } from '../tickets/file-reading.js';

/** How values read in tables and Markdown. Presentation only: no value is computed here. */

export const NOT_AVAILABLE = 'n/a';
export const NONE = '(none)';

export { formatCount };

/** A ratio such as tickets per customer: two decimals. */
export function formatRatio(value: number | null): string {
  return value === null ? NOT_AVAILABLE : value.toFixed(2);
}

/** An NPS from −100 to 100, signed, one decimal: `+25.0`, `-12.5`. */
export function formatScore(value: number | null): string {
  if (value === null) return NOT_AVAILABLE;
  const text = value.toFixed(1);
  return value > 0 ? `+${text}` : text === '-0.0' ? '0.0' : text;
}

export function formatPercent(value: number | null): string {
  return value === null ? NOT_AVAILABLE : `${(value * 100).toFixed(1)}%`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Humane durations: `42s`, `12m 05s`, `1h 05m`, `2d 03h`, rounded to the second first. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return NOT_AVAILABLE;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad2(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad2(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${pad2(Math.floor((s % 86_400) / 3600))}h`;
}

export { cleanText } from './clean-text.js';

/**
 * A file's account as a line: `3,001 read = 1 header + 0 blank + 2,940 used + 30 duplicates + 30
 * rejected` (`+ 25 events folded` after the blanks, for an event log). `omitZeroHeader`: a file with no header line (JSON) says nothing of it.
 */
export function accountText(counts: Omit<FileAccount, 'path'>, options: { omitZeroHeader?: boolean } = {}): string {
  const parts = [
    ...(counts.header === 0 && options.omitZeroHeader === true ? [] : [plural(counts.header, 'header')]),
    `${formatCount(counts.blank)} blank`,
    ...(counts.folded > 0 ? [`${plural(counts.folded, 'event')} folded`] : []),
    `${formatCount(counts.used)} used`,
    plural(counts.duplicates, 'duplicate'),
    `${formatCount(counts.rejected)} rejected`,
  ];
  const aside = counts.setAside > 0 ? `; ${plural(counts.setAside, 'value')} set aside` : '';
  return `${formatCount(counts.read)} read = ${parts.join(' + ')}${aside}`;
}

export interface Column {
  heading: string;
  cell(metrics: Record<string, MetricValue>): string;
}

const valueOf = (metrics: Record<string, MetricValue>, id: string): MetricValue => metrics[id] ?? null;

function durationPart(metric: ReportMetric, part: keyof DurationValue, heading: string): Column {
  return {
    heading,
    cell: (metrics) => {
      const value = valueOf(metrics, metric.id) as DurationValue | null;
      if (value === null) return NOT_AVAILABLE;
      return part === 'count' ? formatCount(value.count) : formatDuration(value[part]);
    },
  };
}

const countColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => {
    const value = valueOf(metrics, metric.id) as number | null;
    return value === null ? NOT_AVAILABLE : formatCount(value);
  },
});

const rateColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => formatPercent((valueOf(metrics, metric.id) as RateValue | null)?.value ?? null),
});

const ratioColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => formatRatio((valueOf(metrics, metric.id) as RateValue | null)?.value ?? null),
});

const npsColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => formatScore((valueOf(metrics, metric.id) as NpsValue | null)?.value ?? null),
});

const npsResponsesColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => {
    const value = valueOf(metrics, metric.id) as NpsValue | null;
    return value === null ? NOT_AVAILABLE : formatCount(value.responses);
  },
});

/** The sample behind a rate (`216/236`) or a ratio (`3 ÷ 2`: tickets ÷ customers or agents). */
const rateBaseColumn = (metric: ReportMetric, heading: string): Column => ({
  heading,
  cell: (metrics) => {
    const value = valueOf(metrics, metric.id) as RateValue | null;
    if (value === null) return NOT_AVAILABLE;
    const separator = metric.unit === 'ratio' ? ' ÷ ' : '/';
    return `${formatCount(value.numerator)}${separator}${formatCount(value.denominator)}`;
  },
});

/** One or two columns per metric, for a terminal: a duration shows its median and p90. */
export function compactColumns(metrics: readonly ReportMetric[]): Column[] {
  return metrics.flatMap((m) => {
    switch (m.unit) {
      case 'count':
        return [countColumn(m, m.short)];
      case 'rate':
        return [rateColumn(m, m.short)];
      case 'ratio':
        return [ratioColumn(m, m.short)];
      case 'nps':
        return [npsColumn(m, m.short)];
      case 'duration':
        return [durationPart(m, 'median', `${m.short}\nmedian`), durationPart(m, 'p90', `${m.short}\np90`)];
    }
  });
}

/** Every part of a metric, with its sample size, for reports that are read closely. */
export function detailedColumns(metrics: readonly ReportMetric[]): Column[] {
  return metrics.flatMap((m) => {
    switch (m.unit) {
      case 'count':
        return [countColumn(m, m.short)];
      case 'rate':
        return [rateColumn(m, m.short), rateBaseColumn(m, `${m.short} (n)`)];
      case 'ratio':
        return [ratioColumn(m, m.short), rateBaseColumn(m, `${m.short} (n)`)];
      case 'nps':
        return [npsColumn(m, m.short), npsResponsesColumn(m, `${m.short} responses`)];
      case 'duration':
        return [
          durationPart(m, 'count', `${m.short} n`),
          durationPart(m, 'mean', `${m.short} mean`),
          durationPart(m, 'median', `${m.short} median`),
          durationPart(m, 'p90', `${m.short} p90`),
        ];
    }
  });
}

/** The cells that name a row: its period and its --by values. */
export function rowLabels(report: Report, row: ReportRow): string[] {
  return [row.period, ...report.by.map((d) => row[d] ?? NONE)];
}

export function labelHeadings(report: Report): string[] {
  return ['Period', ...report.by];
}

/** `by week and team`, `whole range, by team`: what the rows are, after "Support metrics". */
export function periodTitle(report: Report): string {
  if (report.period === 'all') return `, whole range${report.by.length > 0 ? `, by ${report.by.join(', ')}` : ''}`;
  return ` by ${report.period}${report.by.length > 0 ? ` and ${report.by.join(', ')}` : ''}`;
}

/** `channel chat; team Billing or Hosting (856 tickets)`: the --where conditions and how many tickets met them. */
export function filterText(report: Report): string {
  const conditions = report.filter.where.map(({ key, values }) => `${key} ${values.join(' or ')}`);
  return `${conditions.join('; ')} (${plural(report.filter.matched, 'ticket')} of ${formatCount(report.input.records)})`;
}

/** `computed under the schedules Rome office, Night desk`: where the business figures come from. */
export function businessHoursText(report: Report): string {
  const { schedules } = report.businessHours;
  return `computed from the timestamps under the schedule${schedules.length === 1 ? '' : 's'} ${schedules.join(', ')}`;
}

/** A one-line summary of what went in. */
export function inputSummary(report: Report): string {
  const { input } = report;
  return [
    `${plural(input.records, 'ticket')} from ${plural(input.files.length, 'file')}`,
    `${plural(input.rejected, 'record')} rejected`,
    plural(input.duplicates, 'duplicate'),
    ...(input.folded > 0 ? [`${plural(input.folded, 'event')} folded into their tickets`] : []),
    ...(input.setAside > 0 ? [`${plural(input.setAside, 'value')} set aside`] : []),
  ].join(' · ');
}

/** `1 ticket`, `3,000 tickets`. */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

export function zoneSummary(report: Report): string {
  return report.inputTimezone === report.timezone
    ? `${report.timezone}`
    : `${report.timezone} (timestamps without an offset read in ${report.inputTimezone})`;
}

export function attributionSummary(report: Report): string {
  return report.attribution === 'created'
    ? 'created (every metric in the period its ticket was created)'
    : 'event (each metric in the period its event happened)';
}

/**
 * The sections to print, in order, with the metrics to show in each: a metric that is n/a for the
 * whole input (a missing column, no SLA policy) is left out of tables, and so is a section left
 * with none; the notes say why. JSON and CSV always carry every metric.
 */
export function sectionsToShow(report: Report): { section: Section; metrics: ReportMetric[] }[] {
  const unavailable = new Set(report.notes.flatMap((n) => (n.metric === null ? [] : [n.metric])));
  return SECTIONS.map((section) => ({
    section,
    metrics: report.metrics.filter((m) => m.section === section && !unavailable.has(m.id)),
  })).filter(({ metrics }) => metrics.length > 0);
}

/** The report's warnings about its input (notes without a metric), shown above its first table. */
export function inputWarnings(report: Report): string[] {
  return report.notes.flatMap((n) => (n.metric === null ? [n.message] : []));
}
