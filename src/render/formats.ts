/** The --format choices (kept apart from the renderers so that --help loads none of them). */
export const OUTPUT_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, OutputFormat> = { '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.csv': 'csv', '.txt': 'table' };

/** The format an --output file's extension asks for, if it names one. */
export function formatFromOutputPath(path: string): OutputFormat | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : FORMAT_BY_EXTENSION[path.slice(dot).toLowerCase()];
}

/** The `tickets` command's --format choices. */
export const TICKET_LINE_FORMATS = ['csv', 'json'] as const;
export type TicketLineFormat = (typeof TICKET_LINE_FORMATS)[number];

/** The `inspect` command's --format choices. */
export const INSPECTION_FORMATS = ['text', 'json'] as const;
export type InspectionFormat = (typeof INSPECTION_FORMATS)[number];

/** The `metrics` command's --format choices. */
export const CATALOGUE_FORMATS = ['text', 'json'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];
