import { stringify } from 'csv-stringify/sync';
import type { TicketLine } from '../engine/drilldown.js';

import type { TicketLineFormat } from './formats.js';

/** CSV: one row per ticket, tags joined with commas, blank for null. JSON: an array of objects. */
export function renderTicketLines(lines: readonly TicketLine[], format: TicketLineFormat): string {
  if (format === 'json') return `${JSON.stringify(lines, null, 2)}\n`;
  const columns = Object.keys(lines[0] ?? {}) as (keyof TicketLine)[];
  const rows = lines.map((line) => columns.map((c) => (Array.isArray(line[c]) ? (line[c] as string[]).join(',') : line[c])));
  return stringify([columns, ...rows], { record_delimiter: 'unix', cast: { number: (n) => String(n) } });
}
