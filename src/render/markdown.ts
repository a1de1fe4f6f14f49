import type { Report } from '../report/types.js';
import { mermaidCharts } from './charts.js';
import { escapeCell } from './markdown-text.js';
import { alertText, goalRows, GOAL_HEADINGS, headlineCells } from './review.js';

export { escapeCell } from './markdown-text.js';
import { attributionSummary, detailedColumns, formatCount, inputSummary, inputWarnings, labelHeadings, rowLabels, sectionsToShow, zoneSummary, filterText, businessHoursText } from './format.js';


function table(headings: string[], rows: string[][], rightAligned: number): string {
  const align = headings.map((_, i) => (i < headings.length - rightAligned ? '---' : '---:'));
  return [headings, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * What became of every line or record of each input file: read = header + blank + (events folded,
 * for an event log) + used + duplicates + rejected; and the values set aside, when there were any (they are not part of read).
 */
function inputTable(report: Report): string {
  const aside = report.input.setAside > 0;
  const folded = report.input.folded > 0;
  const rows = report.input.files.map((f) => [
    escapeCell(f.path),
    ...[f.read, f.header, f.blank, ...(folded ? [f.folded] : []), f.records, f.duplicates, f.rejected, ...(aside ? [f.setAside] : [])].map(formatCount),
  ]);
  const headings = ['File', 'Read', 'Header', 'Blank', ...(folded ? ['Events folded'] : []), 'Used', 'Duplicates', 'Rejected', ...(aside ? ['Values set aside'] : [])];
  return table(headings, rows, headings.length - 1);
}

/** The document's top: title, range, period, attribution, zone, input, filter, warnings. */
function opening(report: Report): string[] {
  return [
    '# Support metrics',
    '',
    `- Range: ${report.range.from} to ${report.range.to} (end exclusive)`,
    `- Period: ${report.period === 'all' ? 'whole range' : report.period}${report.by.length > 0 ? ` · split by ${report.by.join(', ')}` : ''}`,
    `- Attribution: ${attributionSummary(report)}`,
    ...(report.businessHours.source === 'schedules' ? [`- Business hours: ${escapeCell(businessHoursText(report))}`] : []),
    `- Time zone: ${zoneSummary(report)}`,
    `- Input: ${inputSummary(report)}`,
    ...(report.filter.where.length === 0 ? [] : [`- Filter: ${escapeCell(filterText(report))}`]),
    '',
    ...inputWarnings(report).flatMap((w) => [`> **Warning:** ${escapeCell(w)}`, '']),
  ];
}

/** The review: headline, goals, alerts. */
function review(report: Report): string[] {
  return [...headlineSection(report), ...goalsSection(report), ...alertsSection(report)];
}

/** One table per section shown: its heading cells and its rows (the total last). */
function sectionTables(report: Report): { section: string; headings: string[]; rows: string[][]; rightAligned: number }[] {
  return sectionsToShow(report).map(({ section, metrics }) => {
    const columns = detailedColumns(metrics);
    const rows = report.rows.map((row) => [...rowLabels(report, row).map(escapeCell), ...columns.map((c) => c.cell(row.metrics))]);
    rows.push(['**Total**', ...report.by.map(() => ''), ...columns.map((c) => c.cell(report.totals.metrics))]);
    return { section, headings: [...labelHeadings(report).map(escapeCell), ...columns.map((c) => c.heading)], rows, rightAligned: columns.length };
  });
}

function chartsSection(report: Report): string[] {
  const charts = mermaidCharts(report);
  return charts.length === 0 ? [] : ['## Charts', '', ...charts.flatMap((chart) => [chart, ''])];
}

/** The input files and the notes on n/a metrics. */
function closing(report: Report): string[] {
  const out: string[] = [];
  if (report.input.files.length > 0) out.push('## Input', '', inputTable(report), '');
  const unavailable = report.notes.filter((n) => n.metric !== null);
  if (unavailable.length > 0) out.push('## Notes', '', ...unavailable.map((n) => `- \`${n.metric}\` is n/a: ${n.message}.`), '');
  return out;
}

/** A report a lead can paste into a wiki or commit: title, range, zone, the review, one table per section, charts (--charts), input files, notes. */
export function renderMarkdown(report: Report, options: { charts?: boolean } = {}): string {
  const out = [...opening(report), ...review(report)];
  for (const { section, headings, rows, rightAligned } of sectionTables(report)) out.push(`## ${section}`, '', table(headings, rows, rightAligned), '');
  if (options.charts === true) out.push(...chartsSection(report));
  out.push(...closing(report));
  return out.join('\n');
}

/** GitHub refuses a job summary over 1 MiB; the tables of the summary stop at half of that. */
export const STEP_SUMMARY_LIMIT = 512 * 1024;
/** The job summary stays under this, whatever the input (GitHub's limit is 1 MiB). */
export const STEP_SUMMARY_HARD_LIMIT = 960 * 1024;
/** Tables longer than this are folded into `<details>` in the job summary. */
const SUMMARY_OPEN_ROWS = 25;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The CI job summary (--step-summary): the same document with its charts, the review first and
 * whole; the section tables after it, folded into `<details>` when long and cut, with a note,
 * when the whole would pass `limit` bytes. `fullReport` says where the whole report is.
 */
export function renderStepSummary(report: Report, options: { fullReport: string; limit?: number }): string {
  const limit = options.limit ?? STEP_SUMMARY_LIMIT;
  const where = escapeCell(options.fullReport);
  const fixed = [...opening(report), ...headlineSection(report)].join('\n');
  const charts = chartsSection(report).join('\n');
  const tail = closing(report).join('\n');
  // The goals and alerts whole while they fit under the hard limit; else the goal outcomes that did
  // not pass first, then as many as fit, each cut saying what was left out.
  let review = [...goalsSection(report), ...alertsSection(report)].join('\n');
  const room = STEP_SUMMARY_HARD_LIMIT - utf8Bytes(fixed) - utf8Bytes(charts) - utf8Bytes(tail) - 4096;
  if (utf8Bytes(review) > room) {
    const goals = goalsSection(report, { onlyUnmet: true, budget: Math.floor(room * 0.7), where });
    review = [...goals, ...alertsSection(report, { budget: room - utf8Bytes(goals.join('\n')), where })].join('\n');
  }
  const head = [fixed, review, charts].join('\n');
  let budget = Math.min(limit, STEP_SUMMARY_HARD_LIMIT - utf8Bytes(head)) - utf8Bytes(tail) - 1024;
  const parts: string[] = [head];
  for (const { section, headings, rows, rightAligned } of sectionTables(report)) {
    const fit = fitting(rows.map((cells) => `| ${cells.join(' | ')} |`), budget - utf8Bytes(table(headings, [], rightAligned)) - 512);
    let text = table(headings, rows.slice(0, fit), rightAligned);
    if (fit < rows.length) text += `\n\n${formatCount(rows.length - fit)} of ${formatCount(rows.length)} rows left out to keep this summary under 1 MiB; the whole report: ${where}.`;
    const block = fit > SUMMARY_OPEN_ROWS || fit < rows.length ? `<details><summary>${section}: ${formatCount(rows.length)} rows</summary>\n\n${text}\n\n</details>` : text;
    parts.push(`## ${section}`, '', block, '');
    budget -= utf8Bytes(block) + section.length + 8;
  }
  parts.push(tail);
  return parts.join('\n');
}

/** How many of the lines (from the first) fit in `budget` bytes, a line break after each. */
function fitting(lines: readonly string[], budget: number): number {
  let bytes = 0;
  let n = 0;
  while (n < lines.length && bytes + utf8Bytes(lines[n]!) + 1 <= budget) bytes += utf8Bytes(lines[n++]!) + 1;
  return n;
}

/** `## Alerts`: one line each (`budget`: as many as fit in that many bytes, and what was left out). */
function alertsSection(report: Report, cut?: { budget: number; where: string }): string[] {
  if (report.alerts.length === 0) return [];
  const lines = report.alerts.map((a) => `- ${escapeCell(alertText(a))}`);
  const n = cut === undefined ? lines.length : fitting(lines, cut.budget - 512);
  const note = n < lines.length ? [`${formatCount(lines.length - n)} more alerts left out to keep this summary under 1 MiB; the whole report: ${cut!.where}.`, ''] : [];
  return ['## Alerts', '', ...lines.slice(0, n), '', ...note];
}

/** `## Headline`: the last complete period's numbers against the period compared with. */
function headlineSection(report: Report): string[] {
  const headline = headlineCells(report);
  if (headline === null) return [];
  const against = report.headline!.against?.period;
  const goals = headline.items.some((item) => item.goal !== '');
  const headings = ['Metric', escapeCell(report.headline!.period), ...(against === undefined ? [] : [escapeCell(against), 'Change']), ...(goals ? ['Goal'] : [])];
  const rows = headline.items.map((item) => [
    escapeCell(item.label),
    escapeCell(item.value),
    ...(against === undefined ? [] : [escapeCell(item.previous), escapeCell(item.change)]),
    ...(goals ? [escapeCell(item.goal)] : []),
  ]);
  return ['## Headline', '', escapeCell(headline.title), '', table(headings, rows, 0), ''];
}

/**
 * `## Goals`: one row per outcome, ✓ passed, ✗ failed, – not judged. `onlyUnmet`: the passed ones
 * counted, not listed; `budget`: as many rows as fit in that many bytes, and what was left out.
 */
function goalsSection(report: Report, cut?: { onlyUnmet: boolean; budget: number; where: string }): string[] {
  if (report.goals.length === 0) return [];
  const rows = goalRows(report)
    .filter((_, i) => cut === undefined || !cut.onlyUnmet || report.goals[i]!.passed !== true)
    .map((cells) => cells.map(escapeCell));
  const passed = report.goals.length - rows.length;
  const headings = [...GOAL_HEADINGS].map(escapeCell);
  const n = cut === undefined ? rows.length : fitting(rows.map((cells) => `| ${cells.join(' | ')} |`), cut.budget - utf8Bytes(table(headings, [], 0)) - 1024);
  const notes = [
    ...(passed > 0 ? [`${formatCount(passed)} goal outcomes that passed are left out here to keep this summary under 1 MiB.`] : []),
    ...(n < rows.length ? [`${formatCount(rows.length - n)} more goal outcomes that did not pass are left out; the whole report: ${cut!.where}.`] : []),
  ];
  return ['## Goals', '', table(headings, rows.slice(0, n), 0), '', ...notes.flatMap((note) => [note, ''])];
}
