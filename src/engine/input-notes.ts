import { formatCount } from '../count-text.js';
import type { ReportNote } from '../report/types.js';
import type { IngestSummary } from '../tickets/ingest.js';

/**
 * The report's warnings about its input: a file with more than 5% of its records rejected, or of
 * its records with a field's value set aside. A lead must not read "Resolved 0" as a fact when
 * the column that says it could not be read.
 */

/** The share above which the report warns: 5%, compared exactly (count × 100 > 5 × records). */
const WARN_PERCENT = 5;

/** `12,345`: counts in messages as the renderers write them. */
const over = (count: number, records: number): boolean => count * 100 > WARN_PERCENT * records;
const share = (count: number, records: number): string => `${((count / records) * 100).toFixed(1)}%`;

export function inputNotes(input: Pick<IngestSummary, 'files' | 'setAsideByField'>): ReportNote[] {
  const notes: ReportNote[] = [];
  input.files.forEach((file, i) => {
    const records = file.read - file.header - file.blank;
    if (records === 0) return;
    if (over(file.rejected, records)) {
      notes.push({
        metric: null,
        message: `${file.path}: ${formatCount(file.rejected)} of ${formatCount(records)} records (${share(file.rejected, records)}) rejected; the figures leave them out (the reasons are on standard error, the records in --rejects)`,
      });
    }
    const byField = [...(input.setAsideByField[i] ?? [])].sort((a, b) => String(a[0]) < String(b[0]) ? -1 : 1);
    for (const [field, count] of byField) {
      if (field === null || !over(count, records)) continue;
      notes.push({
        metric: null,
        message: `${file.path}: ${field}: ${formatCount(count)} of ${formatCount(records)} values (${share(count, records)}) could not be read and were set aside; the metrics that use ${field} leave those tickets out`,
      });
    }
  });
  return notes;
}
