import { FIELDS } from '../schema/fields.js';

/**
 * docs/input.md's table of the canonical columns, made from the field table (`npm run docs`
 * writes it between its markers; a test fails when the committed file differs).
 */

export const FIELDS_DOC_START = '<!-- fields: generated from src/schema/fields.ts by npm run docs -->';
export const FIELDS_DOC_END = '<!-- /fields -->';

/** One row per field, or per group of fields that share a `row`: `` `a`, `b` ``, what they hold, what blank means. */
export function renderFieldsTable(): string {
  const rows: { names: string[]; doc: { holds: string; blank: string; row?: string } }[] = [];
  for (const field of FIELDS) {
    const doc: { holds: string; blank: string; row?: string } = field.doc;
    const row = doc.row === undefined ? undefined : rows.find((r) => r.doc.row === doc.row);
    if (row !== undefined) row.names.push(field.name);
    else rows.push({ names: [field.name], doc });
  }
  const lines = rows.map(({ names, doc }) => `| ${names.map((n) => `\`${n}\``).join(', ')} | ${doc.holds} | ${doc.blank} |`);
  return ['| column | what it holds | blank means |', '| --- | --- | --- |', ...lines].join('\n');
}

/** `text` with the part between the markers replaced by the table (the markers stay). */
export function withFieldsTable(text: string): string {
  const start = text.indexOf(FIELDS_DOC_START);
  const end = text.indexOf(FIELDS_DOC_END);
  if (start < 0 || end < start) throw new Error('docs/input.md: the fields table markers are missing');
  return `${text.slice(0, start + FIELDS_DOC_START.length)}\n${renderFieldsTable()}\n${text.slice(end)}`;
}
