import { renderPieces, type RenderOptions } from '../../src/render/index.js';
import { jsonPieces } from '../../src/render/json.js';
import type { OutputFormat } from '../../src/render/output-formats.js';
import type { Report } from '../../src/report/types.js';

/** A report's whole text in one format, as a writer would write its pieces one after the other. */
export async function render(report: Report, format: OutputFormat, options: RenderOptions): Promise<string> {
  return [...(await renderPieces(report, format, options))].join('');
}

/** A report's whole JSON text. */
export function renderJson(report: Report): string {
  return [...jsonPieces(report)].join('');
}
