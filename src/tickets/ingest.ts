import type { TicketField } from '../schema/fields.js';
import { emptyParsedTicket, validateRecord, type FieldProblem, type RejectionCode } from '../schema/validate.js';
import type { ReadWallTime } from '../time/timestamp.js';
import { TicketStore } from './store.js';

/**
 * Where records go once read: validated, de-duplicated into the TicketStore, and accounted for
 * per file. No I/O here; the readers in io/ call `record` and `blank`.
 */

export interface Rejection {
  file: string;
  /** CSV/NDJSON: the line the record starts on; JSON array: the record's number (1-based). */
  line: number;
  field: TicketField | null;
  code: RejectionCode;
  message: string;
}

export interface FileAccount {
  path: string;
  /** Records read (header and blank lines not counted). */
  read: number;
  blank: number;
  rejected: number;
  /** Records that lost to another record with the same id. */
  duplicates: number;
}

export interface IngestSummary {
  store: TicketStore;
  files: (FileAccount & { used: number })[];
  rejected: number;
  duplicates: number;
  rejectionsByCode: Map<RejectionCode, number>;
  /** The first rejections, in reading order (at most EXAMPLES_KEPT). */
  examples: Rejection[];
  /** Fields that appeared as a column (or key) in at least one input file. */
  presentFields: Set<TicketField>;
  /** What the readers understood of the files (a detected preset, date formats), for stderr. */
  notices: string[];
}

const EXAMPLES_KEPT = 20;

export class Ingest {
  private readonly store = new TicketStore();
  private readonly files: FileAccount[] = [];
  private readonly scratch = emptyParsedTicket();
  private readonly rejectionsByCode = new Map<RejectionCode, number>();
  private readonly examples: Rejection[] = [];
  private readonly presentFields = new Set<TicketField>();
  private readonly notices: string[] = [];

  /** Reads timestamps without an offset in the input zone. */
  constructor(readonly readLocal: ReadWallTime) {}

  notice(message: string): void {
    this.notices.push(message);
  }

  openFile(path: string): number {
    this.files.push({ path, read: 0, blank: 0, rejected: 0, duplicates: 0 });
    return this.files.length - 1;
  }

  fieldsPresent(fields: Iterable<TicketField>): void {
    for (const f of fields) this.presentFields.add(f);
  }

  blank(file: number): void {
    this.files[file]!.blank++;
  }

  /** One record: `values[column[f]]` holds field f (see validateRecord). */
  record(file: number, line: number, values: readonly unknown[], column: Int32Array): void {
    const account = this.files[file]!;
    account.read++;
    const problem = validateRecord(values, column, this.readLocal, this.scratch);
    if (problem !== null) {
      this.rejectRead(file, line, problem.field, problem.code, problem.message);
      return;
    }
    const { outcome, loserFile } = this.store.upsert(this.scratch, file);
    if (outcome !== 'added') this.files[loserFile]!.duplicates++;
  }

  /** A record that a dialect could not map (a date not in its column's format, …). */
  unmappable(file: number, line: number, problem: FieldProblem): void {
    this.files[file]!.read++;
    this.rejectRead(file, line, problem.field, problem.code, problem.message);
  }

  /** A record that could not even be split into fields (a ragged row, a JSON value that is not an object). */
  malformed(file: number, line: number, message: string): void {
    this.files[file]!.read++;
    this.rejectRead(file, line, null, 'malformed_record', message);
  }

  private rejectRead(file: number, line: number, field: TicketField | null, code: RejectionCode, message: string): void {
    const account = this.files[file]!;
    account.rejected++;
    this.rejectionsByCode.set(code, (this.rejectionsByCode.get(code) ?? 0) + 1);
    if (this.examples.length < EXAMPLES_KEPT) this.examples.push({ file: account.path, line, field, code, message });
  }

  finish(): IngestSummary {
    const used = new Array<number>(this.files.length).fill(0);
    for (let slot = 0; slot < this.store.length; slot++) used[this.store.sourceFile[slot]!]!++;
    const files = this.files.map((f, i) => ({ ...f, used: used[i]! }));
    for (const f of files) {
      if (f.used + f.rejected + f.duplicates !== f.read) {
        throw new Error(`internal: ${f.path}: ${f.read} records read but ${f.used} used + ${f.rejected} rejected + ${f.duplicates} duplicates`);
      }
    }
    return {
      store: this.store,
      files,
      rejected: files.reduce((n, f) => n + f.rejected, 0),
      duplicates: files.reduce((n, f) => n + f.duplicates, 0),
      rejectionsByCode: this.rejectionsByCode,
      examples: this.examples,
      presentFields: this.presentFields,
      notices: this.notices,
    };
  }
}
