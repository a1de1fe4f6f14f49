import type { Report } from '../report/types.js';
import { alertText, goalRows, GOAL_HEADINGS, headlineCells } from './review.js';
import { attributionSummary, cleanText, detailedColumns, formatCount, inputSummary, inputWarnings, labelHeadings, rowLabels, sectionsToShow, zoneSummary, filterText } from './format.js';

/**
 * Text from the data in a GFM table cell, shown as it is: no cell breaks, HTML, entities, line
 * breaks, emphasis, code, strikethrough, links or math (`\\`, `|`, `` ` ``, `*`, `_`, `[`, `]`, `~`, `$`
 * backslash-escaped; `&`, `<`, `>` as entities). A zero-width space after `@` and `#` keeps
 * `@alice` and `#123` from mentioning someone or linking an issue on GitHub or GitLab (as Renovate does).
 */
export function escapeCell(text: string): string {
  return cleanText(text)
    .replace(/[\\|`*_[\]~$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[@#]/g, '$&&#8203;');
}

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

/** A report a lead can paste into a wiki or commit: title, range, zone, one table per section, input files, notes. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [
    '# Support metrics',
    '',
    `- Range: ${report.range.from} to ${report.range.to} (end exclusive)`,
    `- Period: ${report.period === 'all' ? 'whole range' : report.period}${report.by.length > 0 ? ` · split by ${report.by.join(', ')}` : ''}`,
    `- Attribution: ${attributionSummary(report)}`,
    `- Time zone: ${zoneSummary(report)}`,
    `- Input: ${inputSummary(report)}`,
    ...(report.filter.where.length === 0 ? [] : [`- Filter: ${escapeCell(filterText(report))}`]),
    '',
    ...inputWarnings(report).flatMap((w) => [`> **Warning:** ${escapeCell(w)}`, '']),
    ...headlineSection(report),
    ...goalsSection(report),
    ...(report.alerts.length === 0 ? [] : ['## Alerts', '', ...report.alerts.map((a) => `- ${escapeCell(alertText(a))}`), '']),
  ];
  for (const { section, metrics } of sectionsToShow(report)) {
    const columns = detailedColumns(metrics);
    const labels = labelHeadings(report);
    const rows = report.rows.map((row) => [...rowLabels(report, row).map(escapeCell), ...columns.map((c) => c.cell(row.metrics))]);
    rows.push(['**Total**', ...report.by.map(() => ''), ...columns.map((c) => c.cell(report.totals.metrics))]);
    out.push(`## ${section}`, '', table([...labels.map(escapeCell), ...columns.map((c) => c.heading)], rows, columns.length), '');
  }
  if (report.input.files.length > 0) out.push('## Input', '', inputTable(report), '');
  const unavailable = report.notes.filter((n) => n.metric !== null);
  if (unavailable.length > 0) {
    out.push('## Notes', '', ...unavailable.map((n) => `- \`${n.metric}\` is n/a: ${n.message}.`), '');
  }
  return out.join('\n');
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

/** `## Goals`: one row per outcome, ✓ passed, ✗ failed, – not judged. */
function goalsSection(report: Report): string[] {
  if (report.goals.length === 0) return [];
  const rows = goalRows(report).map((cells) => cells.map(escapeCell));
  return ['## Goals', '', table([...GOAL_HEADINGS].map(escapeCell), rows, 0), ''];
}
