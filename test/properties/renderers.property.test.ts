import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv.js';
import { renderJson } from '../helpers/render-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { PLAIN } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import type { Report } from '../../src/report/types.js';
import type { Dimension } from '../../src/schema/fields.js';
import { reportOf } from '../helpers/build.js';

/**
 * Whatever the group names in the data (any code point, controls, escape sequences, direction
 * overrides, Markdown and CSV syntax), every renderer's output:
 *
 *  a. holds no C0 or C1 control but \n, no direction control and no line or paragraph separator
 *     (JSON: in its raw text; it escapes them);
 *  b. Markdown: every row of a table has as many cell separators as its header;
 *  c. CSV: reads back with csv-parse as one record per row, each with as many fields as the header;
 *  d. JSON: parses back to the Report itself.
 *
 * numRuns are kept small so that the file runs in a few seconds (PROPERTY_RUNS multiplies them).
 */

/** PROPERTY_RUNS=10 npx vitest run test/properties/ runs ten times as many cases, for a deeper search. */
const runs = (n: number): number => n * Number(process.env.PROPERTY_RUNS ?? '1');

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Pieces that have broken renderers: escape sequences, controls, syntax of Markdown and CSV. */
const NASTY = [
  '\u001b[31m',
  '\u001b[0m',
  '\u001b]8;;http://e\u0007',
  '\u001b]0;title\u0007',
  '\u001b]8;;\u001b\\',
  '\u001b',
  '\u009b',
  '\u0085',
  '\u007f',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u200b',
  '\ufeff',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '|',
  '\\',
  '\\|',
  '`',
  '*',
  '_',
  '[',
  ']',
  '~',
  '<',
  '>',
  '&',
  '@',
  '#',
  '=',
  '+',
  '-',
  '"',
  ',',
  ';',
  '李',
  '😀',
  '\u0308',
];

/** A group name: any code points, mixed with the pieces above. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join('')),
);

const ticket = fc.record({ agent: text, team: text, channel: text });

/** A few tickets' names and the split: the case fast-check prints when a property fails. */
const cases = fc.tuple(fc.array(ticket, { minLength: 1, maxLength: 5 }), fc.constantFrom<Dimension[]>(['agent'], ['agent', 'team', 'channel']));

/** The Report of those tickets, all in one week, split by agent (or by all three). */
function reportOfNames([tickets, by]: [{ agent: string; team: string; channel: string }[], Dimension[]]): Report {
  return reportOf(
    tickets.map((t, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:01:00Z', ...t })),
    { by },
  );
}

/** The number of `|` that separate cells in a GFM table row (a `|` after a backslash is in a cell). */
const separators = (line: string): number => line.match(/(?<!\\)\|/g)?.length ?? 0;

/** The GFM tables of a Markdown document, each as its lines. */
function markdownTables(markdown: string): string[][] {
  return markdown
    .split('\n\n')
    .filter((block) => block.startsWith('|'))
    .map((block) => block.split('\n'));
}

describe('renderers, for any text in the data', () => {
  it('a. no output holds a raw control, direction or separator character but \\n', () => {
    fc.assert(
      fc.property(cases, (names) => {
        const report = reportOfNames(names);
        for (const output of [renderTable(report, { paint: PLAIN }), renderMarkdown(report), renderCsv(report), renderJson(report)]) {
          expect(output).not.toMatch(UNSAFE);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('b. Markdown: every row of a table has as many cell separators as its header', () => {
    fc.assert(
      fc.property(cases, (names) => {
        const report = reportOfNames(names);
        const markdown = renderMarkdown(report);
        const tables = markdownTables(markdown);
        // one table per section shown, and the input table
        expect(tables.length).toBeGreaterThanOrEqual(2);
        for (const table of tables) {
          const width = separators(table[0]!);
          for (const line of table) {
            expect(line.startsWith('| ') && line.endsWith(' |'), line).toBe(true);
            expect(separators(line), line).toBe(width);
          }
          // header, alignment, one line per row and the total (the input table: one line per file; the headline: one per number)
          const lines = [2 + report.rows.length + 1, 2 + report.input.files.length, 2 + (report.headline?.items.length ?? 0)];
          expect(lines).toContain(table.length);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('c. CSV: one record per row, every record as wide as the header', () => {
    fc.assert(
      fc.property(cases, (names) => {
        const report = reportOfNames(names);
        const records = parseCsv(renderCsv(report), { relax_column_count: true }) as string[][];
        expect(records).toHaveLength(1 + report.rows.length);
        for (const record of records) expect(record).toHaveLength(records[0]!.length);
      }),
      { numRuns: runs(200) },
    );
  });

  it('d. JSON: parses back to the Report', () => {
    fc.assert(
      fc.property(cases, (names) => {
        const report = reportOfNames(names);
        expect(JSON.parse(renderJson(report))).toEqual(report);
      }),
      { numRuns: runs(200) },
    );
  });
});
