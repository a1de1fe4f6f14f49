import type { Report } from '../report/types.js';
import { attributionSummary, cleanText, detailedColumns, formatCount, inputSummary, labelHeadings, rowLabels, sectionsToShow, zoneSummary } from './format.js';

/** Text from the data in a GFM table cell: no cell breaks, no HTML, no line breaks. */
export function escapeCell(text: string): string {
  return cleanText(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim();
}

function table(headings: string[], rows: string[][], rightAligned: number): string {
  const align = headings.map((_, i) => (i < headings.length - rightAligned ? '---' : '---:'));
  return [headings, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** A report a lead can paste into a wiki or commit: title, range, zone, input, one table per section. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [
    '# Support metrics',
    '',
    `- Range: ${report.range.from} to ${report.range.to} (end exclusive)`,
    `- Period: ${report.period}${report.by.length > 0 ? ` · split by ${report.by.join(', ')}` : ''}`,
    `- Attribution: ${attributionSummary(report)}`,
    `- Time zone: ${zoneSummary(report)}`,
    `- Input: ${inputSummary(report)}`,
    '',
  ];
  if (report.input.files.length > 0) {
    out.push(
      table(
        ['File', 'Tickets used', 'Rejected', 'Duplicates'],
        report.input.files.map((f) => [escapeCell(f.path), formatCount(f.records), formatCount(f.rejected), formatCount(f.duplicates)]),
        3,
      ),
      '',
    );
  }
  for (const { section, metrics } of sectionsToShow(report)) {
    const columns = detailedColumns(metrics);
    const labels = labelHeadings(report);
    const rows = report.rows.map((row) => [...rowLabels(report, row).map(escapeCell), ...columns.map((c) => c.cell(row.metrics))]);
    rows.push(['**Total**', ...report.by.map(() => ''), ...columns.map((c) => c.cell(report.totals.metrics))]);
    out.push(`## ${section}`, '', table([...labels.map(escapeCell), ...columns.map((c) => c.heading)], rows, columns.length), '');
  }
  if (report.notes.length > 0) {
    out.push('## Notes', '', ...report.notes.map((n) => `- \`${n.metric}\` is n/a: ${n.message}.`), '');
  }
  return out.join('\n');
}
