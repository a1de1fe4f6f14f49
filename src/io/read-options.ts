import type { ColumnMapping } from '../dialect/dialect.js';
import type { PresetName } from '../presets/names.js';
import type { Delimiter, InputEncoding, InputFormat } from './input-formats.js';

/** How the readers are to read every input (from the command's flags and the config). */
export interface ReadOptions {
  /** Read every input as this format (else by extension, else sniffed). */
  format?: InputFormat;
  /** Read files with this preset (else recognised per file from the CSV header or the first JSON object's keys). */
  preset?: PresetName;
  /** The user's own mapping, laid over the preset or the canonical names. */
  mapping?: ColumnMapping;
  /** Day-first or month-first, for date columns where every value could be either. */
  dateOrder?: 'DMY' | 'MDY';
  /** The CSV delimiter: else detected from each file's header line. */
  delimiter?: Delimiter;
  /** Decode every input from this: else UTF-8, or UTF-16 when a file starts with its byte order mark. */
  encoding?: InputEncoding;
  /** The zone timestamps without an offset are read in (only described: the Ingest's reader reads them). */
  inputZone?: string;
  /**
   * Count each column's blank and sentinel values (and a JSON file's keys) into the file's
   * understanding, for inspect and --verbose. Off by default: the report's fast path skips it.
   */
  countValues?: boolean;
  /**
   * The largest record read, in bytes of UTF-8 (a CSV record, an NDJSON line, a JSON array's
   * element): a larger one stops the read with an InputError naming where it starts. Default
   * DEFAULT_MAX_RECORD_SIZE.
   */
  maxRecordSize?: number;
}

/** 4 MiB: far above any real ticket, small enough that a quote left open cannot eat the memory. */
export const DEFAULT_MAX_RECORD_SIZE = 4 * 1024 * 1024;

/** A size limit as messages give it: `4 MiB`, `10,000 bytes`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (64 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * The largest --max-record-size: 256 MiB. A record, and a JSON page read whole, become one string,
 * and V8 cannot make a string of more than about 512 MiB (buffer.constants.MAX_STRING_LENGTH):
 * above that a limit would promise what cannot work.
 */
export const MAX_RECORD_SIZE_LIMIT = 256 * 1024 * 1024;

/**
 * A JSON document that is not an array (an API page a preset knows) is read whole: up to this many
 * times the record size limit (64 MiB by default), since one page holds many records, and never
 * more than MAX_RECORD_SIZE_LIMIT.
 */
export const PAGE_SIZE_FACTOR = 16;

/** The largest JSON document read whole, for a record size limit. */
export const pageSizeLimit = (maxRecordSize: number): number => Math.min(maxRecordSize * PAGE_SIZE_FACTOR, MAX_RECORD_SIZE_LIMIT);
