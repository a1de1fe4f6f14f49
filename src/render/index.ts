import type { Report } from '../report/types.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

import type { OutputFormat } from './output-formats.js';

export interface RenderOptions {
  /** ANSI colour in tables (only on a terminal, never with NO_COLOR). */
  color: boolean;
  /** Mermaid charts in Markdown (--charts). */
  charts?: boolean;
}

const RENDERERS: Record<OutputFormat, (report: Report, options: RenderOptions) => string> = {
  table: renderTable,
  markdown: renderMarkdown,
  json: renderJson,
  csv: renderCsv,
};

export function render(report: Report, format: OutputFormat, options: RenderOptions): string {
  return RENDERERS[format](report, options);
}
