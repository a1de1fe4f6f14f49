/**
 * The styles terminal tables use. Without colour (a pipe, a file, NO_COLOR) each gives its text
 * back unchanged, exactly as chalk does at level 0; with colour they are chalk's, loaded only then.
 */

type Style = (text: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  yellow: Style;
  green: Style;
  red: Style;
}

const same: Style = (text) => text;

export const PLAIN: Paint = { bold: same, dim: same, yellow: same, green: same, red: same };

/** ANSI colours (16-colour level): chalk, imported on a terminal only. */
export async function ansiPaint(): Promise<Paint> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
