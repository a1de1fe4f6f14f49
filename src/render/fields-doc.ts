import { FIELDS } from '../schema/fields.js';

/** docs/input.md's table of the canonical columns, made from the field table (see generated-docs.ts). */

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
