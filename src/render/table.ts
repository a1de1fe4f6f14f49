import Table from 'cli-table3';
import { alignedLines } from './aligned-lines.js';
import type { Paint } from './paint.js';
import { alertText, goalRows, GOAL_HEADINGS, headlineCells } from './review.js';
import type { Report, ReportInputFile } from '../report/types.js';
import { accountText, attributionSummary, cleanText, compactColumns, inputSummary, inputWarnings, labelHeadings, NOT_AVAILABLE, periodTitle, rowLabels, sectionsToShow, zoneSummary, filterText, businessHoursText } from './format.js';

/** `samples/tickets.csv: 3,001 read = 1 header + 0 blank + 2,940 used + 30 duplicates + 30 rejected`. */
function inputFileLine({ records, path, ...counts }: ReportInputFile): string {
  return `${cleanText(path)}: ${accountText({ ...counts, used: records })}`;
}

/** Terminal tables: one per section (Volume, Speed, …), a row per period (and group), a total row; coloured by `paint` (PLAIN: none). */
export function renderTable(report: Report, options: { paint: Paint }): string {
  const { paint } = options;
  const dimNa = (cell: string): string => (cell === NOT_AVAILABLE ? paint.dim(cell) : cell);
  const labels = labelHeadings(report);
  const tables = sectionsToShow(report).flatMap(({ section, metrics }) => {
    const columns = compactColumns(metrics);
    const table = new Table({
      head: [...labels, ...columns.map((c) => c.heading)].map((h) => paint.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: [...labels.map(() => 'left' as const), ...columns.map(() => 'right' as const)],
    });
    for (const row of report.rows) {
      table.push([...rowLabels(report, row).map((label) => cleanText(label)), ...columns.map((c) => dimNa(c.cell(row.metrics)))]);
    }
    table.push([paint.bold('Total'), ...report.by.map(() => ''), ...columns.map((c) => paint.bold(dimNa(c.cell(report.totals.metrics))))]);
    return [paint.bold(section), table.toString()];
  });
  const lines = [
    `${paint.bold('Support metrics')}${periodTitle(report)}`,
    `Range ${report.range.from} to ${report.range.to} (end exclusive) · zone ${zoneSummary(report)}`,
    `Attribution: ${attributionSummary(report)}`,
    ...(report.businessHours.source === 'schedules' ? [cleanText(`Business hours: ${businessHoursText(report)}`)] : []),
    ...filterLines(report),
    ...inputWarnings(report).map((w) => paint.yellow(`Warning: ${cleanText(w)}`)),
    ...headlineLines(report, paint),
    ...goalLines(report, paint),
    ...(report.alerts.length === 0 ? [] : [paint.bold('Alerts'), ...report.alerts.map((a) => paint.yellow(`  ${cleanText(alertText(a))}`))]),
    ...tables,
    ...report.input.files.map(inputFileLine),
    inputSummary(report),
    ...report.notes.flatMap((n) => (n.metric === null ? [] : [`${NOT_AVAILABLE}: ${n.metric}: ${n.message}`])),
  ];
  return `${lines.join('\n')}\n`;
}

/** `Filter: channel chat; team Billing or Hosting (856 tickets)` when --where was given. */
function filterLines(report: Report): string[] {
  return report.filter.where.length === 0 ? [] : [cleanText(`Filter: ${filterText(report)}`)];
}

/** The headline: each number, the one it is compared with, the change (coloured better or worse on a terminal) and its goal. */
function headlineLines(report: Report, paint: Paint): string[] {
  const headline = headlineCells(report);
  if (headline === null) return [];
  const compared = report.headline!.against !== null;
  const trends = headline.items.some((item) => item.trend !== '');
  const rows = headline.items.map((item) => {
    const change = item.better === null ? item.change : item.better ? paint.green(item.change) : paint.red(item.change);
    return [cleanText(item.label), ...(trends ? [item.trend] : []), item.value, ...(compared ? [item.previous, change] : []), cleanText(item.goal)];
  });
  const right = [false, ...(trends ? [false] : []), true, ...(compared ? [true, false] : []), false];
  return [paint.bold(cleanText(`Headline: ${headline.title}`)), ...alignedLines(rows, right).map((line) => `  ${line}`)];
}

/** The goals: one line per outcome, ✓ passed, ✗ failed, – not judged. */
function goalLines(report: Report, paint: Paint): string[] {
  if (report.goals.length === 0) return [];
  const rows = goalRows(report).map((cells) => cells.map((cell) => cleanText(cell)));
  const colour = (line: string, i: number): string => (report.goals[i]!.passed === false ? paint.red(line) : line);
  return [paint.bold('Goals'), ...alignedLines([[...GOAL_HEADINGS], ...rows], [false, false, false, false, true, false, true, false]).map((line, i) => `  ${i === 0 ? line : colour(line, i - 1)}`)];
}
