import type { Rejection } from '../tickets/ingest.js';
import { stringifyCsv } from './csv-cells.js';
import { escapeJsonText } from './json.js';
import type { RejectsFormat } from './output-formats.js';

/**
 * The lines of a rejects file (--rejects): one per rejected record (scope `record`) and one per
 * value set aside (scope `field`: the record was used without it), with where it was, why, and
 * the record as it was read. Pure: commands/rejects-file.ts writes them as they come.
 */

export const REJECT_COLUMNS = ['file', 'line', 'scope', 'field', 'code', 'message', 'record'] as const;

/** One rejected record as a plain object (`record`: null when the reader kept no raw text). */
function rejectObject(r: Rejection, raw: string | undefined) {
  return { file: r.file, line: r.line, scope: r.scope, field: r.field, code: r.code, message: r.message, record: raw ?? null };
}

/** What a rejects file starts with. */
export function rejectsStart(format: RejectsFormat): string {
  if (format === 'csv') return stringifyCsv([[...REJECT_COLUMNS]]);
  return format === 'json' ? '[' : '';
}

/** One rejected record; `first` says whether one was written before it (for the JSON array's commas). */
export function rejectLine(format: RejectsFormat, r: Rejection, raw: string | undefined, first: boolean): string {
  if (format === 'csv') {
    // The raw record keeps its line breaks and tabs (a quoted field may hold them); every other
    // cell is one line of plain text.
    return stringifyCsv([[r.file, r.line, r.scope, r.field, r.code, r.message, raw ?? null]], { keepLineBreaksInColumns: new Set([6]) });
  }
  const json = escapeJsonText(JSON.stringify(rejectObject(r, raw)));
  return format === 'json' ? `${first ? '' : ','}\n  ${json}` : `${json}\n`;
}

/** What a rejects file ends with; `empty`: no record was written. */
export function rejectsEnd(format: RejectsFormat, empty: boolean): string {
  if (format === 'json') return empty ? ']\n' : '\n]\n';
  return '';
}
