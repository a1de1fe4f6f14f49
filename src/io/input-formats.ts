/** The --input-format choices (kept apart from the readers so that --help loads none of them). */
export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The format named by a file's extension, if any; other files are sniffed from their first bytes. */
export function formatFromExtension(path: string): InputFormat | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : FORMAT_BY_EXTENSION[path.slice(dot).toLowerCase()];
}
