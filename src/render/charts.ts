import { byCodeUnits } from '../engine/order.js';
import type { DurationValue, MetricValue, RateValue } from '../metrics/types.js';
import type { Report, ReportRow } from '../report/types.js';
import { cleanText } from './clean-text.js';
import { NONE, NOT_AVAILABLE } from './format.js';
import { escapeCell } from './markdown-text.js';

/**
 * Charts for the Markdown report (`--charts`) and sparklines. Presentation only: every number
 * charted is a value of the Report, converted to the chart's unit and rounded, nothing computed.
 *
 * Decisions:
 * - Units. Counts as they are. Medians in hours, 2 decimals; in minutes, 2 decimals, when every
 *   median of the chart (charted or not) is under 2 hours; the unit is in the y-axis title and
 *   in the summary. Rates in percent, 1 decimal (as the tables round them), y-axis 0 to 100.
 *   Bars and durations get a y-axis from 0 (or the least value, were it negative) to the
 *   greatest value: Mermaid's automatic axis starts at the least value, which makes small
 *   differences between bars look large.
 * - Gaps. Mermaid's xychart takes numbers only: a data list has no empty slot, null or NaN, and
 *   a list shorter than the axis is not a supported way to leave a hole. A period with no data
 *   (a null: no first response in that week, no rating) is not 0, so a series with a null
 *   anywhere is left out of the chart, and the summary line gives its values (n/a included) and
 *   says it was left out. A series that is null in every period is not mentioned at all (the
 *   report's notes say why). A chart with nothing left to draw is only its summary line.
 * - --by. The Report has no per-period totals across groups, so with --by there is one chart:
 *   tickets created per period for the `maxGroups` groups (default 5) with the most tickets
 *   created over the range (ties: by name), one bar series each, and the summary line says how
 *   many groups were left out. A group without a row in a period had no ticket event there (the
 *   engine makes a row as soon as one happens), so it created 0 tickets in that period: that 0
 *   is a count, not a gap. Periods in which no group had any event have no row in the tables
 *   and no place on the axis; the summary line says so when that happens.
 * - Text from the data (period labels, group names) has controls removed (cleanText), and the
 *   characters Mermaid would read as syntax are written as Mermaid entity codes, which it turns
 *   back into the character when it draws: `"` as `#quot;`, `` ` `` as `#96;`, `<` `>` as
 *   `#lt;` `#gt;`, a `#` that would start an entity code as `#35;`, and `%%` (a comment or a
 *   directive) as `#37;%`. The summary lines are Markdown, escaped as table cells are.
 * - Series titles (`bar "Created" [...]`) are written, but Mermaid draws no legend for them:
 *   the summary line names the series in the order they are drawn.
 */

/** One series as drawn: its name (from the data or a metric title) and a value per period. */
interface Series {
  name: string;
  kind: 'bar' | 'line';
  values: (number | null)[];
}

interface Period {
  label: string;
  start: string;
  end: string;
}

interface Chart {
  title: string;
  yTitle: string;
  /** Fixed y range; undefined: from 0 (or the least value) to the greatest value drawn. */
  yRange?: readonly [number, number];
  periods: Period[];
  series: Series[];
  /** Said after the series' values, before the note on series left out. */
  extra?: string;
}

const DEFAULT_MAX_GROUPS = 5;
const HOUR = 3600;
const MINUTE = 60;
/** Gap periods listed in the note on a series left out; more are counted. */
const LISTED_GAPS = 3;

/**
 * Mermaid charts for the Markdown report (`--charts`): each entry is a fenced ```mermaid block
 * (xychart-beta) followed by a one-line summary for readers whose viewer does not draw Mermaid;
 * an entry whose every series has a period with no data is the summary line alone. Without --by:
 * tickets created and resolved, median first response and resolution time, CSAT and SLA
 * achievement, each when its metrics are in the report and have a value in some period. With
 * --by: tickets created for the `maxGroups` largest groups. See the module comment for why.
 */
export function mermaidCharts(report: Report, options: { maxGroups?: number } = {}): string[] {
  const maxGroups = options.maxGroups ?? DEFAULT_MAX_GROUPS;
  if (!Number.isInteger(maxGroups) || maxGroups < 1) throw new RangeError(`maxGroups must be a positive integer, not ${maxGroups}`);
  if (report.rows.length === 0) return [];
  // Mermaid refuses a diagram of more than 50,000 characters: a long range is charted for its last periods.
  const periods = [...new Set(report.rows.map((row) => row.period))];
  const shown = periods.length > MAX_CHART_PERIODS ? new Set(periods.slice(-MAX_CHART_PERIODS)) : undefined;
  const charted = shown === undefined ? report : { ...report, rows: report.rows.filter((row) => shown.has(row.period)) };
  const charts = charted.by.length === 0 ? periodCharts(charted) : groupCharts(charted, maxGroups);
  const note = shown === undefined ? '' : ` The last ${MAX_CHART_PERIODS} of ${periods.length} periods are charted; the tables hold them all.`;
  return charts.map((chart) => `${renderChart(chart)}${note}`);
}

/** The most periods a chart shows (the last ones): 2,000 daily labels make a diagram Mermaid will not draw. */
export const MAX_CHART_PERIODS = 60;

/** The three charts of a report without --by, one row per period; those with nothing to show are left out. */
function periodCharts(report: Report): Chart[] {
  const periods = report.rows.map(periodOf);
  const volume = metricSeries(report, ['tickets_created', 'tickets_resolved'], 'bar', countOf);
  const speed = speedChart(report, periods);
  const quality = metricSeries(report, ['csat', 'first_response_sla', 'resolution_sla'], 'line', percentOf).map((s) => ({ ...s, name: `${s.name}, %` }));
  const charts: (Chart | null)[] = [
    volume.length === 0 ? null : { title: 'Tickets created and resolved per period', yTitle: 'Tickets', periods, series: volume },
    speed,
    quality.length === 0 ? null : { title: 'CSAT and SLA achievement', yTitle: 'Percent', yRange: [0, 100], periods, series: quality },
  ];
  return charts.filter((chart): chart is Chart => chart !== null);
}

/** Median first response and resolution time, in hours, or minutes when every median is under 2 hours. */
function speedChart(report: Report, periods: Period[]): Chart | null {
  const seconds = metricSeries(report, ['first_response_time', 'resolution_time'], 'line', medianOf);
  if (seconds.length === 0) return null;
  const all = seconds.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const [unit, divisor] = all.every((v) => v < 2 * HOUR) ? ['minutes', MINUTE] : ['hours', HOUR];
  const series = seconds.map((s) => ({
    ...s,
    name: `Median ${s.name.charAt(0).toLowerCase()}${s.name.slice(1)}, ${unit}`,
    values: s.values.map((v) => (v === null ? null : round(v / divisor, 2))),
  }));
  const title = 'Median first response and resolution time';
  return { title, yTitle: unit.charAt(0).toUpperCase() + unit.slice(1), periods, series };
}

/**
 * One series per metric of `ids` that is in the report and has a value in some row, named by
 * the metric's title, with `pick`'s number from each row (null: no data).
 */
function metricSeries(report: Report, ids: readonly string[], kind: Series['kind'], pick: (value: MetricValue) => number | null): Series[] {
  return ids.flatMap((id) => {
    const metric = report.metrics.find((m) => m.id === id);
    if (metric === undefined) return [];
    const values = report.rows.map((row) => pick(row.metrics[id] ?? null));
    return values.every((v) => v === null) ? [] : [{ name: metric.title, kind, values }];
  });
}

/** A count as it is; null (and any other shape) as no data. */
function countOf(value: MetricValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A duration's median in seconds, unrounded (the chart converts and rounds). */
function medianOf(value: MetricValue): number | null {
  return isObject(value) && 'median' in value ? finite((value as DurationValue).median) : null;
}

/** A rate in percent, 1 decimal, as the tables show it. */
function percentOf(value: MetricValue): number | null {
  const share = isObject(value) && 'denominator' in value ? finite((value as RateValue).value) : null;
  return share === null ? null : round(share * 100, 1);
}

function isObject(value: MetricValue): value is Exclude<MetricValue, number | null> {
  return typeof value === 'object' && value !== null;
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** `digits` decimals, as `toFixed` rounds them (the rounding the tables use). */
function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function periodOf(row: ReportRow): Period {
  return { label: row.period, start: row.start, end: row.end };
}

/** With --by: tickets created per period, one bar series per group, the largest `maxGroups` groups. */
function groupCharts(report: Report, maxGroups: number): Chart[] {
  const metric = report.metrics.find((m) => m.id === 'tickets_created');
  if (metric === undefined) return [];
  const periods = distinctPeriods(report.rows);
  const groups = groupSeries(report, periods);
  const ranked = groups
    .map((series) => ({ series, total: sum(series.values) }))
    .filter(({ series }) => series.values.some((v) => v !== null))
    .sort((a, b) => b.total - a.total || byCodeUnits(a.series.name, b.series.name));
  if (ranked.length === 0) return [];
  const shown = ranked.slice(0, maxGroups);
  const left = ranked.slice(maxGroups);
  const leftTickets = sum(left.map((g) => g.total));
  const leftNote =
    left.length === 0
      ? `No ${report.by.join(' / ')} group left out.`
      : `${left.length} more ${left.length === 1 ? 'group' : 'groups'} left out (${leftTickets} ${leftTickets === 1 ? 'ticket' : 'tickets'} created).`;
  const dimensions = report.by.join(', ');
  return [
    {
      title: `${metric.title} per period by ${dimensions}: the ${shown.length === 1 ? 'largest group' : `${shown.length} largest groups`}`,
      yTitle: 'Tickets created',
      periods,
      series: shown.map(({ series }) => series),
      extra: [leftNote, ...(contiguous(periods) ? [] : ['Periods in which no group had any ticket event have no row and are not shown.'])].join(' '),
    },
  ];
}

/** The periods of the rows, each once, in the rows' order (by period). */
function distinctPeriods(rows: readonly ReportRow[]): Period[] {
  const seen = new Map<string, Period>();
  for (const row of rows) if (!seen.has(row.period)) seen.set(row.period, periodOf(row));
  return [...seen.values()];
}

/**
 * A series per group (a combination of --by values, `(none)` for a missing one, joined by ` / `)
 * of tickets created per period: 0 where the group has no row (no event at all), null where its
 * row has no value.
 */
function groupSeries(report: Report, periods: readonly Period[]): Series[] {
  const index = new Map(periods.map((p, i) => [p.label, i]));
  const groups = new Map<string, Series>();
  for (const row of report.rows) {
    const name = report.by.map((d) => row[d] ?? NONE).join(' / ');
    const key = JSON.stringify(report.by.map((d) => row[d] ?? null));
    let series = groups.get(key);
    if (series === undefined) {
      series = { name, kind: 'bar', values: periods.map(() => 0) };
      groups.set(key, series);
    }
    series.values[index.get(row.period)!] = countOf(row.metrics['tickets_created'] ?? null);
  }
  return [...groups.values()];
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, v) => total + (v ?? 0), 0);
}


/** Whether each period starts where the one before ends (no period without a row between). */
function contiguous(periods: readonly Period[]): boolean {
  return periods.every((p, i) => i === 0 || Date.parse(periods[i - 1]!.end) === Date.parse(p.start));
}

/** The fenced block and the summary line, or the summary line alone when no series can be drawn. */
function renderChart(chart: Chart): string {
  const drawn = chart.series.filter((s) => s.values.every((v) => v !== null));
  const summary = summaryLine(chart, drawn.length === 0);
  if (drawn.length === 0) return summary;
  return ['```mermaid', ...mermaidLines(chart, drawn), '```', '', summary].join('\n');
}

function mermaidLines(chart: Chart, drawn: readonly Series[]): string[] {
  const range = chart.yRange ?? valueRange(drawn.flatMap((s) => s.values as number[]));
  return [
    'xychart-beta',
    `  title "${mermaidText(chart.title)}"`,
    `  x-axis [${chart.periods.map((p) => `"${mermaidText(p.label)}"`).join(', ')}]`,
    `  y-axis "${mermaidText(chart.yTitle)}" ${numberText(range[0])} --> ${numberText(range[1])}`,
    ...drawn.map((s) => `  ${s.kind} "${mermaidText(s.name)}" [${s.values.map((v) => numberText(v!)).join(', ')}]`),
  ];
}

/** From 0 (or the least value, if negative) to the greatest value, never empty. */
function valueRange(values: readonly number[]): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  return [low, high > low ? high : low + 1];
}

/**
 * `Tickets created: 156, 140, 171 (2026-W10 to 2026-W12); Tickets resolved: 150, 139, 160.` and
 * what was left out of the chart: the --by note, the series with a period without data. Without
 * a chart above it (`nothingDrawn`), the line starts with the chart's title.
 */
function summaryLine(chart: Chart, nothingDrawn: boolean): string {
  const [first, ...rest] = chart.series.map((s) => `${escapeCell(s.name)}: ${s.values.map((v) => (v === null ? NOT_AVAILABLE : numberText(v))).join(', ')}`);
  const span = periodSpan(chart.periods);
  const values = [`${first!} (${span})`, ...rest].join('; ');
  const gapped = chart.series.filter((s) => s.values.some((v) => v === null));
  const notes = [
    ...(chart.extra === undefined ? [] : [chart.extra]),
    ...(gapped.length === 0
      ? []
      : [
          `Not charted, as Mermaid cannot leave a gap and n/a is not 0: ${gapped.map((s) => `${escapeCell(s.name)} (n/a in ${gapList(chart.periods, s.values)})`).join('; ')}.`,
        ]),
  ];
  return [`${nothingDrawn ? `${escapeCell(chart.title)}: ` : ''}${values}.`, ...notes].join(' ');
}

function periodSpan(periods: readonly Period[]): string {
  const first = escapeCell(periods[0]!.label);
  return periods.length === 1 ? first : `${first} to ${escapeCell(periods[periods.length - 1]!.label)}`;
}

/** The periods without data: the first few, then how many more. */
function gapList(periods: readonly Period[], values: readonly (number | null)[]): string {
  const gaps = periods.filter((_, i) => values[i] === null).map((p) => escapeCell(p.label));
  const listed = gaps.slice(0, LISTED_GAPS).join(', ');
  return gaps.length > LISTED_GAPS ? `${listed} and ${gaps.length - LISTED_GAPS} more` : listed;
}

/**
 * A number as Mermaid's data lists read it: digits, a point, a sign, never `-0`. Values are
 * counts or rounded to at most 2 decimals, so `String` writes no exponent (it would from 1e21).
 */
function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * Text from the data inside a quoted Mermaid label: controls removed, whitespace collapsed, and
 * Mermaid's syntax characters as its entity codes (see the module comment). The `#` rule runs
 * first: the codes the later rules insert start with `#` and must stay codes.
 */
function mermaidText(text: string): string {
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  if (clean === '') return '(blank)';
  return clean
    .replace(/#(?=\w+;)/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/%(?=%)/g, '#37;');
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of values across periods, one character each: the range min..max mapped linearly
 * onto ▁▂▃▄▅▆▇█ (rounded to the nearest block), so the shape shows and the scale does not; a
 * space for null (no data: a gap, never the lowest block); every value equal → all ▄ (a flat
 * line in the middle, not a claim that they are low or high); an empty list → ''. A non-finite
 * number is treated as null.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return BLOCKS[3]!;
      return BLOCKS[Math.round(((v - min) / (max - min)) * (BLOCKS.length - 1))]!;
    })
    .join('');
}
