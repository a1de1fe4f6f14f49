import type { CoverageCell, CoverageReport } from '../engine/coverage.js';
import { percentile } from '../metrics/stats.js';
import { alignedLines } from './aligned-lines.js';
import { stringifyCsv } from './csv-cells.js';
import { cleanText, formatCount, formatPercent } from './format.js';
import { jsonDocument } from './json.js';
import { escapeCell } from './markdown-text.js';
import type { OutputFormat } from './output-formats.js';

/**
 * The coverage grid as a heat map and a table of counts. The heat map shades each weekday-hour by
 * its mean per occurrence, in quartiles of the cells that have events (so that a few busy hours do
 * not wash out the rest): blank for none, then ░ ▒ ▓ █. Glyphs, not colours: it reads the same
 * without colour and in a CI log. Presentation only.
 */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const SHADES = ['░', '▒', '▓', '█'] as const;
const EVENT_TEXT = { created: 'tickets created', first_response: 'first responses', resolved: 'tickets resolved' } as const;

/** The quartile boundaries of the means of the cells with events (percentiles as everywhere: linear interpolation). */
function quartiles(cells: readonly CoverageCell[]): [number, number, number] {
  const means = Float64Array.from(cells.filter((c) => c.count > 0 && c.mean !== null).map((c) => c.mean!)).sort();
  const at = (p: number): number => percentile(means, p) ?? 0;
  return [at(0.25), at(0.5), at(0.75)];
}

function shade(cell: CoverageCell, bounds: readonly number[]): string {
  if (cell.count === 0 || cell.mean === null) return ' ';
  const level = bounds.filter((b) => cell.mean! > b).length;
  return SHADES[level]!;
}

const title = (report: CoverageReport): string =>
  `Coverage: ${EVENT_TEXT[report.event]} by weekday and hour (${report.timezone}), ${report.range.from} to ${report.range.to} (end exclusive): ${formatCount(report.total)}`;

/** The heat map's lines: an hour ruler, then a row per weekday (two glyphs per hour) with its total. */
function heatLines(report: CoverageReport): string[] {
  const bounds = quartiles(report.cells);
  const ruler = Array.from({ length: 24 }, (_, h) => (h % 3 === 0 ? String(h).padEnd(6) : '')).join('');
  const rows = WEEKDAYS.map((day, i) => {
    const cells = report.cells.slice(i * 24, i * 24 + 24);
    const total = cells.reduce((n, c) => n + c.count, 0);
    return `${day}  ${cells.map((c) => shade(c, bounds).repeat(2)).join('')}  ${formatCount(total)}`;
  });
  const legend = `mean per hour: ░ up to ${bounds[0].toFixed(1)}, ▒ to ${bounds[1].toFixed(1)}, ▓ to ${bounds[2].toFixed(1)}, █ above; blank: none`;
  return [`     ${ruler}`.trimEnd(), ...rows, legend];
}

/** With --schedule: its open hours under the heat map (██ open, blank closed), and the share of events while it was closed. */
function scheduleLines(report: CoverageReport): string[] {
  if (report.schedule === undefined || report.outside_hours === undefined) return [];
  const rows = WEEKDAYS.map((day, i) => `${day}  ${report.cells.slice(i * 24, i * 24 + 24).map((c) => (c.open === true ? '██' : '  ')).join('')}`.trimEnd());
  const { numerator, denominator } = report.outside_hours;
  return [
    '',
    `Open hours of ${report.schedule}:`,
    ...rows,
    `While ${report.schedule} was closed (holidays included): ${formatCount(numerator)} of ${formatCount(denominator)} (${formatPercent(report.outside_hours.value)})`,
  ];
}

/** The busiest weekday-hours (by mean per occurrence), for a summary line. */
function busiest(report: CoverageReport, n = 3): string {
  const top = [...report.cells]
    .filter((c) => c.mean !== null && c.count > 0)
    .sort((a, b) => b.mean! - a.mean! || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, n);
  if (top.length === 0) return 'no events in the range';
  return `busiest: ${top.map((c) => `${WEEKDAYS[c.weekday - 1]} ${String(c.hour).padStart(2, '0')}:00 (${c.mean!.toFixed(1)} per hour, ${formatPercent(c.share)})`).join(', ')}`;
}

/** Counts: a row per weekday, a column per hour. */
function countRows(report: CoverageReport): string[][] {
  return WEEKDAYS.map((day, i) => [day, ...report.cells.slice(i * 24, i * 24 + 24).map((c) => formatCount(c.count))]);
}
/** `00` … `23`: the grids' hour headings. */
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

function renderCoverageTable(report: CoverageReport): string {
  const filter = report.filter.where.map(({ key, values }) => `${key} ${values.join(' or ')}`).join('; ');
  const counts = alignedLines([['', ...HOURS], ...countRows(report)], [false, ...HOURS.map(() => true)]);
  return `${[
    cleanText(title(report)),
    ...(filter === '' ? [] : [cleanText(`Filter: ${filter} (${formatCount(report.filter.matched)} tickets)`)]),
    '',
    ...heatLines(report),
    ...scheduleLines(report),
    '',
    busiest(report),
    '',
    'Count per weekday and hour',
    ...counts,
  ].join('\n')}\n`;
}

function renderCoverageMarkdown(report: CoverageReport): string {
  const filter = report.filter.where.map(({ key, values }) => `${key} ${values.join(' or ')}`).join('; ');
  const header = `| Day | ${HOURS.join(' | ')} |`;
  const align = `| --- | ${HOURS.map(() => '---:').join(' | ')} |`;
  return `${[
    '# Coverage',
    '',
    escapeCell(title(report).replace(/^Coverage: /, '')),
    ...(filter === '' ? [] : ['', `Filter: ${escapeCell(filter)} (${formatCount(report.filter.matched)} tickets)`]),
    '',
    '```text',
    ...heatLines(report),
    ...scheduleLines(report),
    '```',
    '',
    escapeCell(busiest(report)),
    '',
    header,
    align,
    ...countRows(report).map((cells) => `| ${cells.join(' | ')} |`),
    '',
  ].join('\n')}`;
}

function renderCoverageCsv(report: CoverageReport): string {
  const open = report.schedule !== undefined;
  const rows = report.cells.map((c) => [c.weekday, c.hour, c.count, c.occurrences, c.mean, c.share, c.first_response_median, ...(open ? [c.open === true ? 'yes' : 'no'] : [])]);
  return stringifyCsv([['weekday', 'hour', 'count', 'occurrences', 'mean', 'share', 'first_response_median', ...(open ? ['open'] : [])], ...rows]);
}

export function renderCoverage(report: CoverageReport, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return jsonDocument(report);
    case 'csv':
      return renderCoverageCsv(report);
    case 'markdown':
      return renderCoverageMarkdown(report);
    case 'table':
      return renderCoverageTable(report);
  }
}
