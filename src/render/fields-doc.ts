import { FIELDS } from '../schema/fields.js';
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUSES } from '../schema/statuses.js';

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

/** docs/input.md's table of the canonical statuses and the names read as each (schema/statuses.ts). */
export function renderStatusesTable(): string {
  const role = (status: string): string => (RESOLVED_STATUSES.has(status) ? 'resolved' : OPEN_STATUSES.has(status) ? 'open' : '');
  const lines = Object.entries(STATUSES).map(([status, names]) => `| \`${status}\` | ${role(status)} | ${names.map((n) => `\`${n}\``).join(', ')} |`);
  return ['| status | says the ticket is | read from (any case) |', '| --- | --- | --- |', ...lines].join('\n');
}
