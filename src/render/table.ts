import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Report, ReportInputFile } from '../report/types.js';
import { accountText, attributionSummary, cleanText, compactColumns, inputSummary, inputWarnings, labelHeadings, NOT_AVAILABLE, periodTitle, rowLabels, sectionsToShow, zoneSummary } from './format.js';

/** `samples/tickets.csv: 3,001 read = 1 header + 0 blank + 2,940 used + 30 duplicates + 30 rejected`. */
function inputFileLine({ records, path, ...counts }: ReportInputFile): string {
  return `${cleanText(path)}: ${accountText({ ...counts, used: records })}`;
}

/** Terminal tables: one per section (Volume, Speed, …), a row per period (and group), a total row. */
export function renderTable(report: Report, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const dimNa = (cell: string): string => (cell === NOT_AVAILABLE ? chalk.dim(cell) : cell);
  const labels = labelHeadings(report);
  const tables = sectionsToShow(report).flatMap(({ section, metrics }) => {
    const columns = compactColumns(metrics);
    const table = new Table({
      head: [...labels, ...columns.map((c) => c.heading)].map((h) => chalk.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: [...labels.map(() => 'left' as const), ...columns.map(() => 'right' as const)],
    });
    for (const row of report.rows) {
      table.push([...rowLabels(report, row).map((label) => cleanText(label)), ...columns.map((c) => dimNa(c.cell(row.metrics)))]);
    }
    table.push([chalk.bold('Total'), ...report.by.map(() => ''), ...columns.map((c) => chalk.bold(dimNa(c.cell(report.totals.metrics))))]);
    return [chalk.bold(section), table.toString()];
  });
  const lines = [
    `${chalk.bold('Support metrics')}${periodTitle(report)}`,
    `Range ${report.range.from} to ${report.range.to} (end exclusive) · zone ${zoneSummary(report)}`,
    `Attribution: ${attributionSummary(report)}`,
    ...inputWarnings(report).map((w) => chalk.yellow(`Warning: ${cleanText(w)}`)),
    ...tables,
    ...report.input.files.map(inputFileLine),
    inputSummary(report),
    ...report.notes.flatMap((n) => (n.metric === null ? [] : [`${NOT_AVAILABLE}: ${n.metric}: ${n.message}`])),
  ];
  return `${lines.join('\n')}\n`;
}
