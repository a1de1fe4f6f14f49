import type { Interpreting } from '../dialect/interpret.js';
import type { Delimiter, InputEncoding, InputFormat } from '../io/input-formats.js';
import type { ReadThreads } from '../io/read-limits.js';

/** How the readers are to read every input (from the command's flags and the config). */
export interface ReadOptions extends Interpreting {
  /** Read every input as this format (else by extension, else sniffed). */
  format?: InputFormat;
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
   * A CSV header without id or created_at that no preset or mapping explains is described (its
   * columns profiled, a mapping proposed) instead of stopping the run: inspect.
   */
  describeUnknown?: boolean;
  /**
   * The largest record read, in bytes of UTF-8 (a CSV record, an NDJSON line, a JSON array's
   * element): a larger one stops the read with an InputError naming where it starts. Default
   * DEFAULT_MAX_RECORD_SIZE (io/read-limits.ts).
   */
  maxRecordSize?: number;
  /**
   * How far gzip data may expand: at most this many times the compressed bytes read (null: no
   * limit). Default DEFAULT_MAX_EXPANSION (io/read-limits.ts).
   */
  maxExpansion?: number | null;
  /** Text a gzip file may expand to whatever its ratio (EXPANSION_FLOOR; smaller in tests). */
  expansionFloor?: number;
  /** How many threads read a large CSV file (see reading/later-part.ts); default auto. */
  threads?: ReadThreads;
}
