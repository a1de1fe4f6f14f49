import type { Report } from '../report/types.js';
import type { OutputFormat } from './output-formats.js';
import { ansiPaint, PLAIN } from './paint.js';

export interface RenderOptions {
  /** ANSI colour in tables (only on a terminal, never with NO_COLOR). */
  color: boolean;
  /** Mermaid charts in Markdown (--charts). */
  charts?: boolean;
}

/**
 * Each format's text, in pieces to write one after the other (JSON: its rows a thousand at a
 * time). Each renderer is imported when it is asked for: a JSON report loads no table or colour
 * library (cli-table3, string-width, chalk).
 */
const RENDERERS: Record<OutputFormat, (report: Report, options: RenderOptions) => Promise<Iterable<string>>> = {
  table: async (report, options) => [(await import('./table.js')).renderTable(report, { paint: options.color ? await ansiPaint() : PLAIN })],
  markdown: async (report, options) => [(await import('./markdown.js')).renderMarkdown(report, options)],
  json: async (report) => (await import('./json.js')).jsonPieces(report),
  csv: async (report) => [(await import('./csv.js')).renderCsv(report)],
};

/** The report's text in pieces, for a writer: a large report is never held as one string. */
export function renderPieces(report: Report, format: OutputFormat, options: RenderOptions): Promise<Iterable<string>> {
  return RENDERERS[format](report, options);
}

