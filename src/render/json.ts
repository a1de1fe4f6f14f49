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

/** The Report itself. */
export function renderJson(report: Report): string {
  return jsonDocument(report);
}
