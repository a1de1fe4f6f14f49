import { createRequire } from 'node:module';

/**
 * Characters that take one column each for string-width and never join a neighbour into one
 * grapheme: printable ASCII, the Latin-1 letters and signs, and the dashes, arrows, bars and marks
 * the renderers draw (test/render/aligned-lines.test.ts holds string-width to that).
 */
export const ONE_COLUMN_EACH = /^[\x20-\x7e\u00b7\u00c0-\u00ff\u2013\u2014\u2026\u2192\u2212\u2264\u2265\u2581-\u2588\u2591-\u2593\u25b2\u25bc\u2713\u2717]*$/;

let stringWidth: ((text: string) => number) | undefined;

/**
 * Columns `text` takes in a terminal. Text made only of the characters above is its length;
 * anything else is measured by string-width, loaded then: it makes an Intl.Segmenter as it loads,
 * and the first Intl object of a run starts ICU, which costs more than a whole small report.
 * (Loaded with require, which Node >= 20.19 allows for an ES module, so that this stays synchronous.)
 */
export function displayWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: (text: string) => number }).default;
  return stringWidth(text);
}

/**
 * Rows of cells as lines, columns two spaces apart, each padded by display width (string-width:
 * CJK characters and emoji take two cells) so that columns line up in a terminal. Linear in the
 * rows: a header of 150,000 columns is described in a second (a table library took minutes).
 */
export function alignedLines(rows: readonly (readonly string[])[], alignRight: readonly boolean[]): string[] {
  const widths = rows.map((row) => row.map((cell) => displayWidth(cell)));
  const columnWidths = alignRight.map((_, c) => {
    let widest = 0;
    for (const row of widths) widest = Math.max(widest, row[c] ?? 0);
    return widest;
  });
  return rows.map((row, r) =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat(columnWidths[c]! - widths[r]![c]!);
        return alignRight[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
