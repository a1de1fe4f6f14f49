import { createRequire } from 'node:module';
import { cleanText } from './format.js';

/**
 * The one place CSV text is made (report CSV, `tickets` CSV, rejects file), so that every CSV the
 * tool writes is safe to open in a spreadsheet and to print.
 */

export type CsvValue = string | number | null;

let stringify: (typeof import('csv-stringify/sync'))['stringify'] | undefined;

// OWASP "CSV injection": a cell starting with one of these may be read as a formula. The
// full-width forms (＝＋－＠) too: Excel with a Japanese or Chinese input method turns them into
// the ASCII signs as it reads the cell.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// Some spreadsheets trim a cell before reading it, so ` =cmd` counts as well.
const FORMULA_AFTER_SPACES = /^[ \u3000]+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
// A plain number (`-12`, `+3.5`, `-1e3`) is a number in any spreadsheet, never a formula.
const PLAIN_NUMBER = /^ *[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a spreadsheet could read this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return (FORMULA_START.test(text) || FORMULA_AFTER_SPACES.test(text)) && !PLAIN_NUMBER.test(text);
}

/**
 * A value as it goes into a CSV cell. Text from the data is cleaned (no escape sequences or
 * controls; `keepLineBreaks` keeps \n, \r and \t), then a text that could be read as a formula is
 * turned into plain text with a leading `'`, as OWASP recommends. Numbers and null pass as they are.
 */
export function csvCell(value: CsvValue, options: { keepLineBreaks?: boolean } = {}): CsvValue {
  if (typeof value !== 'string') return value;
  const text = cleanText(value, options);
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * CSV text of these rows: every cell through csvCell, numbers as String(n), null as an empty cell,
 * \n line endings, a field quoted when it holds a comma, a quote or a line break (a bare \r too,
 * which csv-stringify leaves unquoted by itself). `keepLineBreaksInColumns`: the columns (0-based)
 * whose line breaks are kept.
 */
export function stringifyCsv(rows: readonly (readonly CsvValue[])[], options: { keepLineBreaksInColumns?: ReadonlySet<number> } = {}): string {
  const keep = options.keepLineBreaksInColumns ?? new Set<number>();
  const cells = rows.map((row) => row.map((value, i) => csvCell(value, { keepLineBreaks: keep.has(i) })));
  // csv-stringify is loaded when the first CSV text is made (by require: synchronous), not by every run that could make one.
  stringify ??= (createRequire(import.meta.url)('csv-stringify/sync') as typeof import('csv-stringify/sync')).stringify;
  return stringify(cells, { record_delimiter: 'unix', quoted_match: /\r/, cast: { number: (n) => String(n) } });
}
