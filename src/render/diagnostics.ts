import { REJECTION_REASONS } from '../schema/validate.js';
import type { IngestSummary, ProblemTally, Rejection } from '../tickets/ingest.js';
import { cleanText, formatCount, plural } from './format.js';

/** `tickets.csv:42: solved_at: 2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z` */
export function formatRejection(r: Rejection): string {
  return cleanText(`${r.file}:${r.line}: ${r.field === null ? '' : `${r.field}: `}${r.message}`);
}

/** One kind of problem per reason (most frequent first): its count, then its first few, each with file:line. */
function tallyLines(tally: ProblemTally): string[] {
  const lines: string[] = [];
  const byCount = [...tally.byCode].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [code, count] of byCount) {
    lines.push(`  ${formatCount(count).padStart(7)}  ${REJECTION_REASONS[code]} (${code})`);
    const examples = tally.examples.filter((r) => r.code === code);
    for (const r of examples) lines.push(`           ${formatRejection(r)}`);
    if (count > examples.length) lines.push(`           … and ${formatCount(count - examples.length)} more`);
  }
  return lines;
}

/**
 * The stderr summary of rejected records, then of values set aside: per reason (most frequent
 * first) its count, then its first few records, each with file:line, so that every kind of
 * problem shows where to look.
 */
export function formatRejectionSummary(summary: IngestSummary): string {
  const lines: string[] = [];
  if (summary.rejected > 0) {
    lines.push(`${formatCount(summary.rejected)} of ${plural(summary.records, 'record')} rejected:`);
    lines.push(...tallyLines({ byCode: summary.rejectionsByCode, examples: summary.examples }));
  }
  if (summary.setAside > 0) {
    lines.push(`${plural(summary.setAside, 'value')} set aside (the tickets are used without them):`);
    lines.push(...tallyLines(summary.setAsides));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
