/**
 * The choices for reading input: --input-format, --encoding, --delimiter (kept apart from the
 * readers so that --help loads none of them).
 */
export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The --encoding choices. Without it: UTF-8, or UTF-16 when the file starts with its byte order mark. */
export const INPUT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/** The CSV delimiters detected from a header line, in the order that breaks a tie (comma first). */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a delimiter is named in messages and docs. */
export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** --delimiter's value: `,` `;` `|`, or a tab written as `tab`, `\t` or a tab character. */
export function delimiterFromFlag(text: string): Delimiter | undefined {
  if (text === 'tab' || text === '\\t') return '\t';
  return (DELIMITERS as readonly string[]).includes(text) ? (text as Delimiter) : undefined;
}

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/**
 * The format named by a file's extension, if any (`tickets.csv.gz`: the one before `.gz`); other
 * files are sniffed from their first characters.
 */
export function formatFromExtension(path: string): InputFormat | undefined {
  const name = path.replace(/\.gz$/i, '');
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FORMAT_BY_EXTENSION[name.slice(dot).toLowerCase()];
}

/**
 * Where a text may end early (its later part read elsewhere, see reading/later-part.ts): when the
 * records before byte `at` of the text have been handed on, `end` is asked whether the records
 * end there, told whether the text so far ends between two records and the position the next one
 * has (its line; in a JSON array, its number). Else, or when it says no, the text is read on.
 */
export interface TextSplit {
  at: number;
  end(between: boolean, next: number): Promise<boolean>;
}

/** Where in a chunk of `length` bytes, starting at byte `offset` of the text, `split` falls; -1: not in it, or no split. */
export function splitIn(split: TextSplit | undefined, offset: number, length: number): number {
  return split !== undefined && offset <= split.at && split.at < offset + length ? split.at - offset : -1;
}
