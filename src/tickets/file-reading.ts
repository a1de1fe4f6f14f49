import type { DateFormat } from '../dialect/dates.js';
import type { PresetDistance, Proposal } from '../reading/propose-mapping.js';
import type { ColumnProfile } from '../reading/column-profile.js';
import type { Delimiter, InputEncoding, InputFormat } from '../io/input-formats.js';
import type { TicketField } from '../schema/fields.js';
import type { RejectionCode } from '../schema/validate.js';

/**
 * What the reader understood of one input file, and what became of its records: the plain result
 * of `inspect` (its JSON output is this, per file) and of `report --verbose`. The reader fills the
 * first part as it decides; the Ingest adds the counts. No I/O here.
 */

export interface ColumnReading {
  /** The header as written (a JSON key for JSON and NDJSON). */
  header: string;
  /** The canonical field it feeds; null when the column is ignored. */
  field: TicketField | null;
  /** How it feeds the field: read as it is, or a duration after created_at (Zendesk's minutes, Intercom's seconds). */
  as: 'value' | 'minutes after created_at' | 'seconds after created_at' | null;
  /** Values that are empty or only spaces (JSON: null, "" or the key absent). Null when not counted. */
  blank: number | null;
  /** Values that the dialect reads as blank (`?`, `-`, `1900-01-01 00:00:00`…). Null when not counted. */
  sentinel: number | null;
  /** Records rejected because of this column's value (its field's first problem). */
  rejected: number;
  /** Values of this column set aside (unreadable in a record that was used). */
  setAside: number;
}

export interface DateColumnReading {
  field: TicketField;
  /** The header that holds it. */
  header: string;
  /** A built-in format, or `pattern`: the one in `pattern`, which the user gave. */
  format: DateFormat | 'pattern';
  pattern?: string;
  /**
   * values: decided from all the column's values; option: --date-format (a pattern, or the order
   * where every value could be either, or on standard input); config: the config's dateFormats;
   * preset: the pattern the preset's export writes dates in (Jira);
   * default: ISO 8601 expected (canonical columns, JSON, standard input).
   */
  from: 'values' | 'option' | 'config' | 'preset' | 'default';
  /** The zone named in the column's header (Intercom), where its values without an offset are read instead of inputZone. */
  zone?: string;
}

export interface FileUnderstanding {
  /** As messages name it (`<stdin>` for `-`). */
  path: string;
  format: InputFormat;
  /** How the format was decided: --input-format, the extension, or the first character. */
  formatFrom: 'option' | 'extension' | 'content';
  /** The bytes were gzip data. */
  compressed: boolean;
  encoding: InputEncoding;
  encodingFrom: 'option' | 'byte order mark' | 'default';
  /** CSV only. */
  delimiter: Delimiter | null;
  /** --delimiter, Excel's `sep=` first line, or detected from the header line. */
  delimiterFrom: 'option' | 'sep line' | 'detected' | null;
  /** Numbers read with a decimal comma (a `;`-delimited CSV). */
  decimalComma: boolean;
  /** The preset the file was read with, and how it was chosen (a CSV header, a JSON file's first object's keys); null: canonical names. */
  preset: { name: string; title: string; from: 'option' | 'header' | 'keys' } | null;
  /** The user's own mapping (--map, config columns/values) was laid over the columns. */
  mapping: boolean;
  /** Every column of the header in order, mapped or ignored (JSON: every key seen, in first-seen order). */
  columns: ColumnReading[];
  dateFormats: DateColumnReading[];
  /** Where timestamps without an offset are read. */
  inputZone: string;
  /** A file read in two parts at once (--threads): the line its later part, read by a second thread, starts on (a JSON array: its first record's number). */
  laterPartFrom?: number;
  /** Inspect, for a CSV header no preset, mapping or canonical id and created_at explains: its columns described, a mapping proposed. */
  proposal?: FileProposal;
}

/** What inspect says of an export it cannot read as it is: each column's values, the presets nearest to its header, a mapping. */
export interface FileProposal {
  columns: ColumnProfile[];
  nearestPresets: PresetDistance[];
  mapping: Proposal;
}

/**
 * What became of everything read from one file, checked at the end of every run:
 * read = header + blank + folded + used + duplicates + rejected. A CSV record over several lines counts
 * once; a JSON array's elements are its records. The one accounting type: the Ingest keeps it,
 * inspect shows it, and the Report's input block is made from it.
 */
export interface FileAccount {
  path: string;
  /** Everything read: the header, blank lines and records. */
  read: number;
  /** A CSV file's header line (and Excel's `sep=` line before it), else 0. */
  header: number;
  /** Blank lines (and rows of empty fields). */
  blank: number;
  /**
   * An event log (`--event-log`): events folded into their ticket, each ticket being used in the
   * file of its latest event (0 otherwise).
   */
  folded: number;
  /** Records whose ticket is used (the distinct tickets from this file). */
  used: number;
  /** Records that lost to another record with the same id. */
  duplicates: number;
  rejected: number;
  /**
   * Values that could not be read in records that were used (not part of `read`: their records
   * are counted as used or duplicates); the ticket has no value for that field.
   */
  setAside: number;
}

export interface FileCounts extends Omit<FileAccount, 'path'> {
  /** Rejected records per reason, in REJECTION_REASONS order (only the reasons that occurred). */
  rejectedByCode: Partial<Record<RejectionCode, number>>;
  /** Values set aside per reason, in REJECTION_REASONS order. */
  setAsideByCode: Partial<Record<RejectionCode, number>>;
  /** Rejected records whose problem was no single field (a ragged row, a JSON value that is not an object). */
  rejectedWithoutField: number;
  /** Records used whose status (or resolved no) says open although they have a resolution time. */
  openButResolved: number;
}

export type FileReading = FileUnderstanding & { counts: FileCounts };

/** A FileUnderstanding before the reader knows anything beyond the path. */
export function blankUnderstanding(path: string, inputZone: string): FileUnderstanding {
  return {
    path,
    format: 'csv',
    formatFrom: 'content',
    compressed: false,
    encoding: 'utf-8',
    encodingFrom: 'default',
    delimiter: null,
    delimiterFrom: null,
    decimalComma: false,
    preset: null,
    mapping: false,
    columns: [],
    dateFormats: [],
    inputZone,
  };
}
