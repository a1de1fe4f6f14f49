import type { TicketLine } from '../engine/drilldown.js';
import { stringifyCsv } from './csv-cells.js';
import { escapeJsonText } from './json.js';

import type { TicketLineFormat } from './formats.js';

/**
 * CSV: one row per ticket, tags joined with commas, blank for null, every cell through stringifyCsv
 * (cleaned, formulas defused). JSON: an array of objects, lossless, with no raw control or direction
 * character in its text.
 */
export function renderTicketLines(lines: readonly TicketLine[], format: TicketLineFormat): string {
  if (format === 'json') return `${escapeJsonText(JSON.stringify(lines, null, 2))}\n`;
  const columns = Object.keys(lines[0] ?? {}) as (keyof TicketLine)[];
  const rows = lines.map((line) => columns.map((c) => (Array.isArray(line[c]) ? (line[c] as string[]).join(',') : line[c])));
  return stringifyCsv([columns, ...rows]);
}
