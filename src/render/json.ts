import type { Report } from '../report/types.js';

// JSON.stringify escapes C0 controls, but leaves DEL, C1 controls, direction marks and overrides,
// and the line and paragraph separators as they are: a terminal, an editor or a diff would act on them.
const UNSAFE_IN_JSON_TEXT = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text (from JSON.stringify) with those characters written as \uXXXX escapes. Lossless: they
 * can only occur inside strings, and a JSON reader gets the same string back.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON_TEXT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A plain result as a JSON document: indented by two spaces, escaped as above, a line break at the end. */
export function jsonDocument(value: unknown): string {
  return `${escapeJsonText(JSON.stringify(value, null, 2))}\n`;
}

/**
 * `values` (at least one) as the elements of a JSON array `depth` levels deep in a document: the
 * text between the array's `[` line and its `]` line, each element indented as jsonDocument
 * indents it there, escaped as above. One JSON.stringify for them all, nested in `depth - 1` arrays
 * so that they are indented as deep as they stand: made one at a time and re-indented, each value
 * took three strings of its size, and a report of 100,000 rows 7.4–8.6 s and up to 1.5 GiB instead
 * of 5.0–5.2 s and 0.9 GiB.
 */
export function jsonElements(values: readonly unknown[], depth: number): string {
  if (values.length === 0) throw new Error('internal: no JSON elements to write');
  let nested: unknown = values;
  for (let d = 1; d < depth; d++) nested = [nested];
  const text = escapeJsonText(JSON.stringify(nested, null, 2));
  // Each array level opens with `[` and a line break after its indent, and closes the same way: 2d + 2 characters each.
  const around = depth * (depth + 1);
  return text.slice(around, text.length - around);
}

/** Rows per piece of a report's JSON text. */
const ROWS_PER_PIECE = 1000;

/**
 * The Report's JSON document in pieces, the rows a thousand at a time: the same text as
 * jsonDocument(report), without ever holding it whole (a report split by many groups runs to
 * hundreds of megabytes, and V8 cannot make a string of more than 512 MiB).
 */
export function* jsonPieces(report: Report): Generator<string> {
  // The rest of the report, its rows left empty: the rows go where `[]` is. The key can only be
  // found where it is, two spaces in: inside a string, quotes and line breaks are escaped.
  const rest = jsonDocument({ ...report, rows: [] });
  const at = rest.indexOf('\n  "rows": []') + '\n  "rows": '.length;
  yield rest.slice(0, at);
  if (report.rows.length === 0) yield '[]';
  for (let from = 0; from < report.rows.length; from += ROWS_PER_PIECE) {
    // A row sits two levels deep.
    const rows = jsonElements(report.rows.slice(from, from + ROWS_PER_PIECE), 2);
    yield `${from === 0 ? '[\n' : ',\n'}${rows}${from + ROWS_PER_PIECE >= report.rows.length ? '\n  ]' : ''}`;
  }
  yield rest.slice(at + '[]'.length);
}
