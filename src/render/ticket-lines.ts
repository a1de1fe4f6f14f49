import type { TicketLine } from '../engine/drilldown.js';
import { stringifyCsv, type CsvValue } from './csv-cells.js';
import { jsonElements } from './json.js';

import type { TicketLineFormat } from './output-formats.js';

/** Lines are rendered and handed on in blocks of about this many characters. */
const BLOCK = 256 * 1024;
/** CSV rows are made text this many at a time (one call a row, when csv-stringify made them, cost a tenth of the tickets command). */
const CSV_ROWS = 1024;
/** JSON lines are made text this many at a time (see jsonElements), a block passing BLOCK by a few KiB at most. */
const JSON_LINES = 64;

/**
 * The ticket lines as text, a block at a time (a million tickets never make one string). CSV: one
 * row per ticket, tags joined with commas, blank for null, every cell through stringifyCsv
 * (cleaned, formulas defused). JSON: an array of objects indented by two spaces, lossless, with no
 * raw control or direction character in its text — the same bytes as JSON.stringify(lines, null, 2).
 * `header`: the CSV columns, written alone when there is no line.
 */
export function* renderTicketLines(lines: Iterable<TicketLine>, format: TicketLineFormat, header: readonly string[] = []): Generator<string> {
  let block = '';
  let count = 0;
  let rows: CsvValue[][] = [];
  let jsonLines: TicketLine[] = [];
  let jsonWritten = 0;
  /** The JSON lines held, written as elements of the document's array. */
  const writeJson = (): void => {
    block += `${jsonWritten === 0 ? '[\n' : ',\n'}${jsonElements(jsonLines, 1)}`;
    jsonWritten += jsonLines.length;
    jsonLines = [];
  };
  // Every line has the same columns, in the same order (see ticketLines): named once, by the first.
  let columns: string[] = [];
  for (const line of lines) {
    if (format === 'json') {
      jsonLines.push(line);
      if (jsonLines.length >= JSON_LINES) writeJson();
    } else {
      if (count === 0) {
        columns = Object.keys(line);
        rows.push(columns);
      }
      rows.push(
        columns.map((c) => {
          const value = line[c] ?? null;
          return Array.isArray(value) ? value.join(',') : value;
        }),
      );
      if (rows.length >= CSV_ROWS) {
        block += stringifyCsv(rows);
        rows = [];
      }
    }
    count++;
    if (block.length >= BLOCK) {
      yield block;
      block = '';
    }
  }
  if (rows.length > 0) block += stringifyCsv(rows);
  if (jsonLines.length > 0) writeJson();
  if (format === 'json') block += count === 0 ? '[]\n' : '\n]\n';
  // No ticket (a --where that matches none): the header alone, so that the file still says what it holds.
  else if (count === 0 && header.length > 0) block += stringifyCsv([[...header]]);
  if (block !== '') yield block;
}
