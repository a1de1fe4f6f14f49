import { UsageError } from '../errors.js';

/**
 * The formats each command writes, and the file extensions that choose them (kept apart from the
 * renderers so that --help loads none of them). One table per kind of output; `formatOfPath` reads
 * any of them.
 */

/** The `report` command's --format choices. */
export const OUTPUT_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The `tickets` command's --format choices. */
export const TICKET_LINE_FORMATS = ['csv', 'json'] as const;
export type TicketLineFormat = (typeof TICKET_LINE_FORMATS)[number];

/** The --rejects file's formats. */
export const REJECTS_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type RejectsFormat = (typeof REJECTS_FORMATS)[number];

/** The `inspect` command's --format choices. */
export const INSPECTION_FORMATS = ['text', 'json'] as const;
export type InspectionFormat = (typeof INSPECTION_FORMATS)[number];

/** The `metrics` command's --format choices. */
export const CATALOGUE_FORMATS = ['text', 'json'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

/** Which extension chooses which format, and the format of a file with no extension. */
export interface FormatsByExtension<F extends string> {
  extensions: Readonly<Record<string, F>>;
  otherwise: F;
}

export const REPORT_EXTENSIONS: FormatsByExtension<OutputFormat> = {
  extensions: { '.txt': 'table', '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.csv': 'csv' },
  otherwise: 'table',
};

export const TICKET_LINE_EXTENSIONS: FormatsByExtension<TicketLineFormat> = {
  extensions: { '.csv': 'csv', '.json': 'json' },
  otherwise: 'csv',
};

export const REJECTS_EXTENSIONS: FormatsByExtension<RejectsFormat> = {
  extensions: { '.csv': 'csv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson' },
  otherwise: 'csv',
};

/** The extension of a path's last part (`.csv`), '' when it has none (`report`, `/dev/stdout`, `.hidden`). */
function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 || name === '..' ? '' : name.slice(dot).toLowerCase();
}

/**
 * The format a file's name asks for. A name without an extension gets the default; an extension
 * that names no format (`.xlsx`, `.gz`) is a usage error, rather than a terminal table saved under
 * a spreadsheet's name. `chooseWith` names the flag that settles it (`--format`), if there is one.
 */
export function formatOfPath<F extends string>(flag: string, path: string, table: FormatsByExtension<F>, chooseWith?: string): F {
  const extension = extensionOf(path);
  if (extension === '') return table.otherwise;
  const format = table.extensions[extension];
  if (format !== undefined) return format;
  const known = Object.keys(table.extensions).join(', ');
  const what = extension === '.gz' ? 'compressed files are not written (pipe standard output through gzip instead)' : `${extension} names no format this writes (${known})`;
  throw new UsageError(`${flag}: ${path}: ${what}${chooseWith === undefined ? '' : `; or give ${chooseWith}`}`);
}
