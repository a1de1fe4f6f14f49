import { cleanText } from './format.js';

/**
 * The one place CSV text is made (report CSV, `tickets` CSV, rejects file), so that every CSV the
 * tool writes is safe to open in a spreadsheet and to print.
 */

export type CsvValue = string | number | null;

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
  // Most cells start with a letter or a digit: no pattern to try.
  const first = text.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) return false;
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

const KEEP_LINE_BREAKS = { keepLineBreaks: true };
const CLEAN_ALL = {};

/** A cell that must be quoted: it holds the delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[",\n\r]/;

/** One cell as CSV text: quoted when it must be, a quote inside doubled (RFC 4180). */
function csvField(value: CsvValue | undefined): string {
  // undefined too (no CsvValue, but a cell a caller forgot to map), as csv-stringify wrote it: empty.
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text of these rows: every cell through csvCell, numbers as String(n), null as an empty cell,
 * a field quoted when it holds a comma, a quote or a line break (a bare \r too), each record ended
 * by \n. `keepLineBreaksInColumns`: the columns (0-based) whose line breaks are kept.
 *
 * The quoting is ours, not csv-stringify's (which this project used, and still uses in tests): the
 * `tickets` command spent a fifth of its time in csv-stringify (0.6 s of a 2.9 s profile over
 * 100,000 tickets). A property test checks that the text is the same as csv-stringify's with the
 * options used before (record_delimiter unix, quoted_match /\r/, numbers cast with String).
 */
export function stringifyCsv(rows: readonly (readonly CsvValue[])[], options: { keepLineBreaksInColumns?: ReadonlySet<number> } = {}): string {
  const keep = options.keepLineBreaksInColumns;
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) text += ',';
      text += csvField(csvCell(row[i]!, keep?.has(i) === true ? KEEP_LINE_BREAKS : CLEAN_ALL));
    }
    text += '\n';
  }
  return text;
}
