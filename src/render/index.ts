import type { Report } from '../report/types.js';
import { renderCsv } from './csv.js';
import { jsonPieces } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

import type { OutputFormat } from './output-formats.js';

export interface RenderOptions {
  /** ANSI colour in tables (only on a terminal, never with NO_COLOR). */
  color: boolean;
  /** Mermaid charts in Markdown (--charts). */
  charts?: boolean;
}

/** Each format's text, in pieces to write one after the other (JSON: its rows a thousand at a time). */
const RENDERERS: Record<OutputFormat, (report: Report, options: RenderOptions) => Iterable<string>> = {
  table: (report, options) => [renderTable(report, options)],
  markdown: (report, options) => [renderMarkdown(report, options)],
  json: jsonPieces,
  csv: (report) => [renderCsv(report)],
};

/** The report's text in pieces, for a writer: a large report is never held as one string. */
export function renderPieces(report: Report, format: OutputFormat, options: RenderOptions): Iterable<string> {
  return RENDERERS[format](report, options);
}

export function render(report: Report, format: OutputFormat, options: RenderOptions): string {
  return [...renderPieces(report, format, options)].join('');
}
