/** The --format choices (kept apart from the renderers so that --help loads none of them). */
export const OUTPUT_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, OutputFormat> = { '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.csv': 'csv', '.txt': 'table' };

/** The format an --output file's extension asks for, if it names one. */
export function formatFromOutputPath(path: string): OutputFormat | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : FORMAT_BY_EXTENSION[path.slice(dot).toLowerCase()];
}
