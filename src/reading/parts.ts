import type { Delimiter, TextSplit } from '../io/input-formats.js';
import type { InputProgress } from '../io/progress.js';
import type { Dimension, TicketField } from '../schema/fields.js';
import type { PartIngest } from '../tickets/ingest.js';
import type { KeyCounts, ValueCounts } from './column-readings.js';
import type { RecordReading } from './csv-rows.js';

/**
 * A large file read in two parts at once (later-part.ts): what the second thread is told of its
 * part (a plan) and what it hands back (PartRead), both plain data; and where the first thread's
 * records end (splitBefore). A CSV file's later part is read by csv-part.ts, an NDJSON file's or a
 * JSON array's by json-part.ts.
 */

interface PlanOfAnyPart {
  path: string;
  /** The file as messages name it. */
  name: string;
  /** The byte the part starts at: just after a line feed (a JSON array: an element's first byte). */
  at: number;
  /** The file's size, for the room its tickets need. */
  size: number;
  maxRecordSize: number;
  /** The zone timestamps without an offset are read in (see Ingest.readLocal). */
  inputZone: string;
  /** The dimension columns the part leaves blank, as the first thread's store does (see Ingest.unread). */
  unread: readonly Dimension[];
}

export interface CsvPartPlan extends PlanOfAnyPart {
  kind: 'csv';
  delimiter: Delimiter;
  reading: RecordReading;
  /** Count each column's blank and sentinel values (inspect, --verbose). */
  countValues: boolean;
}

/** The later part of an NDJSON file, or of a JSON array (from an element start after a comma). */
export interface JsonPartPlan extends PlanOfAnyPart {
  kind: 'ndjson' | 'json';
  /** The JSON preset the first object chose (or was asked for); undefined: the keys are canonical. */
  preset: string | undefined;
  /** Count the keys, and a preset's blank and sentinel values (inspect, --verbose). */
  countValues: boolean;
}

export type PartPlan = CsvPartPlan | JsonPartPlan;

/** A plan as the reader of the first part gives it: LaterPart adds the file and where the part is. */
export type PartWork = Omit<CsvPartPlan, 'path' | 'at' | 'size'> | Omit<JsonPartPlan, 'path' | 'at' | 'size'>;

/** What was made of a part: its records, counts and first problems (see PartIngest). */
export interface PartRead {
  ingest: PartIngest;
  /** Each column's blank and sentinel values (a CSV header's, a JSON preset's), when the plan asked for them. */
  counts?: ValueCounts | undefined;
  /** NDJSON and JSON: what the part's objects held (see JsonObjectReader.addPart). */
  objects?: ObjectsRead | undefined;
}

/** What the objects of an NDJSON or JSON part held, besides their records. */
export interface ObjectsRead {
  /** The canonical fields they held (without a preset). */
  present: TicketField[];
  /** Their keys, counted when the plan asked (without a preset). */
  keys: KeyCounts | undefined;
  /** Their own keys, when the plan asked to count (with a preset: those no key path reads are listed). */
  keysSeen: string[];
}

/** The later part of a file, read elsewhere while this thread reads the first (LaterPart: in a second thread). */
export interface LaterReader {
  /** The byte the later part starts at: just after a line feed (a JSON array: an element's first byte). */
  readonly at: number;
  /** Whether `begin` was called. */
  readonly started: boolean;
  /** How the file's records are read is settled: the part is read as `work` says; `progress` is told how far it is. */
  begin(work: PartWork, progress: InputProgress | undefined): void;
  /** What was made of the part; undefined when it could not be read there (read it here). */
  result(): Promise<PartRead | undefined>;
  /** The part is not wanted (or no longer). */
  cancel(): void;
}

/**
 * Where this thread's records end: at the later part's first byte, when the records so far end
 * between two records there, the second thread was given its plan, and it read the part (then
 * `taken` holds it, and the position it starts at: its line, a JSON array's record number); else
 * they are read on here.
 */
export function splitBefore(later: LaterReader): { split: TextSplit; taken: () => { part: PartRead; firstLine: number } | undefined } {
  let taken: { part: PartRead; firstLine: number } | undefined;
  const split: TextSplit = {
    at: later.at,
    async end(between, nextLine) {
      if (!between || !later.started) {
        later.cancel();
        return false;
      }
      const part = await later.result();
      if (part !== undefined) taken = { part, firstLine: nextLine };
      return part !== undefined;
    },
  };
  return { split, taken: () => taken };
}
