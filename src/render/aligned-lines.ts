import stringWidth from 'string-width';

/**
 * Rows of cells as lines, columns two spaces apart, each padded by display width (string-width:
 * CJK characters and emoji take two cells) so that columns line up in a terminal. Linear in the
 * rows: a header of 150,000 columns is described in a second (a table library took minutes).
 */
export function alignedLines(rows: readonly (readonly string[])[], alignRight: readonly boolean[]): string[] {
  const widths = rows.map((row) => row.map((cell) => stringWidth(cell)));
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
