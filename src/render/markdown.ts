import type { Report } from '../report/types.js';
import { attributionSummary, cleanText, detailedColumns, formatCount, inputSummary, inputWarnings, labelHeadings, rowLabels, sectionsToShow, zoneSummary } from './format.js';

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
    '',
    ...inputWarnings(report).flatMap((w) => [`> **Warning:** ${escapeCell(w)}`, '']),
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
