import { formatCount } from '../count-text.js';
import { STANDS_FOR, type Dimension, type TicketField } from '../schema/fields.js';
import { contradictsResolution, emptyParsedTicket, REJECTION_REASONS, resolvedOrByStatus, validateRecord, type FieldProblem, type ParsedTicket, type RejectionCode } from '../schema/validate.js';
import { conditionText, eventTest, type EventCondition, type EventLog } from './event-log.js';
import type { ReadWallTime } from '../time/timestamp.js';
import type { FileAccount, FileReading, FileUnderstanding } from './file-reading.js';
import { TicketStore, type StoreLog, type UpsertResult } from './store.js';

/**
 * Where records go once read: validated, de-duplicated into the TicketStore, and accounted for
 * per file. No I/O here; the readers in io/ call `record` and `blank`.
 */

/**
 * A rejected record (`record`), or a value set aside (`field`): the field could not be read, so
 * that ticket has no value for it and counts everywhere else.
 */
export interface Rejection {
  scope: 'record' | 'field';
  file: string;
  /** CSV/NDJSON: the line the record starts on; JSON array: the record's number (1-based). */
  line: number;
  field: TicketField | null;
  code: RejectionCode;
  message: string;
}

/** A file's problems of one scope (records rejected, or values set aside) per reason and per field at fault (null: the record as a whole). */
interface FileProblems {
  byCode: Map<RejectionCode, number>;
  byField: Map<TicketField | null, number>;
}

/** A file's rejected records and values set aside, for its FileReading. */
type FileRejections = Record<Rejection['scope'], FileProblems>;

/** Problems of one kind (records rejected, or values set aside): how many per reason, and the first few of each. */
export interface ProblemTally {
  byCode: Map<RejectionCode, number>;
  /** The first of each reason (at most EXAMPLES_PER_REASON each), in reading order. */
  examples: Rejection[];
}

export interface IngestSummary {
  store: TicketStore;
  files: FileAccount[];
  /** Records read in all files: header lines and blank lines not counted (the base of --max-rejects P%). */
  records: number;
  rejected: number;
  duplicates: number;
  rejectionsByCode: Map<RejectionCode, number>;
  /** The first rejections of each reason (at most EXAMPLES_PER_REASON each), in reading order. */
  examples: Rejection[];
  /** Values set aside (in records not rejected), in all files. */
  setAside: number;
  setAsides: ProblemTally;
  /** Per file (in `files` order), its values set aside per field. */
  setAsideByField: ReadonlyMap<TicketField | null, number>[];
  /** Fields that appeared as a column (or key) in at least one input file. */
  presentFields: Set<TicketField>;
  /** What the readers understood of the files (a detected preset, date formats), for stderr. */
  notices: string[];
  /** Per file, everything the reader understood and what became of its records (for inspect and --verbose). */
  readings: FileReading[];
}

export const EXAMPLES_PER_REASON = 3;

/** Adds `n` to the count of `key`. */
function addCount<K>(counts: Map<K, number>, key: K, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * What a reader of the later part of one file (another thread, see reading/parts.ts) made of
 * it, as plain data: its counts, the first problems of each reason (their lines counted from the
 * part's first line, 1), and its valid records as a log. Ingest.merge takes it in.
 */
export interface PartIngest {
  account: Pick<FileAccount, 'read' | 'blank' | 'rejected' | 'setAside'>;
  rejections: FileRejections;
  tallies: Record<Rejection['scope'], ProblemTally>;
  openButResolved: number;
  log: StoreLog;
}

/** Where rejected records go as they are rejected (the --rejects file), with their raw text when the reader kept it. */
export interface RejectSink {
  write(rejection: Rejection, raw: string | undefined): void;
}

export class Ingest {
  private readonly store: TicketStore;
  /** Each file's account as it is read (`used` is counted from the store at the end). */
  private readonly files: FileAccount[] = [];
  private readonly scratch = emptyParsedTicket();
  /** Records rejected and values set aside, in all files. */
  private readonly tallies: Record<Rejection['scope'], ProblemTally> = { record: { byCode: new Map(), examples: [] }, field: { byCode: new Map(), examples: [] } };
  /** The values set aside in the record being validated. */
  private readonly aside: FieldProblem[] = [];
  private readonly presentFields = new Set<TicketField>();
  private readonly notices: string[] = [];
  private readonly understandings: (FileUnderstanding | undefined)[] = [];
  private readonly fileRejections: FileRejections[] = [];
  /** Per file, the records whose id was read before with another created_at (what an event log looks like). */
  private readonly creationsDiffer: number[] = [];
  /** Per file, the records whose status (or resolved no) says open although they have a resolution time. */
  private readonly openButResolved: number[] = [];
  private readonly rejects: RejectSink | undefined;
  /** Records go to a log (see PartIngest). */
  private readonly part: boolean;
  /** The dimension columns left blank (see TicketStore): a second thread reading part of a file is told them. */
  readonly unread: readonly Dimension[];
  /** An event log: rows are events, folded per id (see TicketStore.foldEvent); undefined: rows are tickets. */
  private readonly eventLog: { resolves: (event: ParsedTicket) => boolean; responds: (event: ParsedTicket) => boolean } | undefined;
  /** Per file, the events used (folded into a ticket, or standing for it): the file's `used` + `folded`. */
  private readonly eventsUsed: number[] = [];
  /** The event log's conditions, to say when one tests a field no file has. */
  private readonly conditions: [string, EventCondition | undefined][] = [];
  /**
   * The raw text of the record being read (a CSV record as written, a JSON object, an NDJSON line),
   * set by the readers before each record when `keepRaw` is on, for the rejects file.
   */
  raw: string | undefined;

  /**
   * Reads timestamps without an offset in the input zone; sends rejected records to `rejects`;
   * `eventLog`: the rows are events; `part`: the records of one part of a file are read into a log
   * for another Ingest to merge (see PartIngest); `unread`: dimension columns nothing of the run reads,
   * left blank in the store (see TicketStore), and in a part's log too.
   */
  constructor(
    readonly readLocal: ReadWallTime,
    options: { rejects?: RejectSink; eventLog?: EventLog; part?: boolean; unread?: readonly Dimension[] } = {},
  ) {
    this.rejects = options.rejects;
    const { eventLog } = options;
    if (options.part === true && (eventLog !== undefined || options.rejects !== undefined)) throw new Error('internal: a part of a file read with an event log or a rejects file');
    this.part = options.part === true;
    this.unread = options.unread ?? [];
    const folding = eventLog && { resolution: eventLog.resolvedWhen !== undefined, firstResponse: eventLog.respondedWhen !== undefined };
    this.store = this.part ? TicketStore.log(this.unread) : new TicketStore(folding, false, this.unread);
    this.eventLog = eventLog && { resolves: eventTest(eventLog.resolvedWhen), responds: eventTest(eventLog.respondedWhen) };
    // The fields the fold gives every ticket, whatever the columns.
    if (eventLog !== undefined) {
      this.conditions.push(['--resolved-when', eventLog.resolvedWhen], ['--responded-when', eventLog.respondedWhen]);
      this.fieldsPresent(['updated_at', ...(eventLog.resolvedWhen ? (['closed_at'] as const) : []), ...(eventLog.respondedWhen ? (['first_response_at'] as const) : [])]);
    }
  }

  /**
   * Whether a file may be read in two parts at once (see reading/later-part.ts): not when rejected
   * records are written as they come (in order), nor for an event log (its fold is not replayed).
   */
  get readsInParts(): boolean {
    return this.rejects === undefined && this.eventLog === undefined && !this.part;
  }

  /** Whether readers should set `raw` before each record (only when rejects are written: it costs time). */
  get keepRaw(): boolean {
    return this.rejects !== undefined;
  }

  notice(message: string): void {
    this.notices.push(message);
  }

  /** A new input file; `understanding` is the object its reader fills in as it decides how to read it. */
  openFile(path: string, understanding?: FileUnderstanding): number {
    this.files.push({ path, read: 0, header: 0, blank: 0, folded: 0, used: 0, duplicates: 0, rejected: 0, setAside: 0 });
    this.eventsUsed.push(0);
    this.understandings.push(understanding);
    this.fileRejections.push({ record: { byCode: new Map(), byField: new Map() }, field: { byCode: new Map(), byField: new Map() } });
    this.creationsDiffer.push(0);
    this.openButResolved.push(0);
    return this.files.length - 1;
  }

  /** Fields with a column in some file; a duration standing for a timestamp makes that timestamp present too. */
  fieldsPresent(fields: Iterable<TicketField>): void {
    for (const f of fields) {
      this.presentFields.add(f);
      const standsFor = STANDS_FOR.get(f);
      if (standsFor !== undefined) this.presentFields.add(standsFor);
    }
  }

  /**
   * For a file of `size` bytes (when known): told the records and bytes read, block by block, it
   * makes room at once, after the first records, for those still to come at the same bytes per
   * record and 5% to spare, instead of growing the columns by copying them.
   */
  roomAhead(size: number | undefined): (records: number, bytes: number) => void {
    if (size === undefined) return () => undefined;
    let records = 0;
    let bytes = 0;
    return (more, read) => {
      if (records > 1) return;
      records += more;
      bytes += read;
      if (records > 1 && bytes > 0 && size > bytes) this.store.reserve(Math.ceil(((size - bytes) * records * 1.05) / bytes));
    };
  }

  /** A CSV file's header line. */
  header(file: number): void {
    this.files[file]!.read++;
    this.files[file]!.header++;
  }

  /** An empty line, or a CSV row of empty fields (`count` of them). */
  blank(file: number, count = 1): void {
    this.files[file]!.read += count;
    this.files[file]!.blank += count;
  }

  /**
   * One record: `values[column[f]]` holds field f (see validateRecord); `timestampsRead`: a dialect
   * has read its timestamps already (epoch ms); `setAside`: values the reader could not read
   * already (a date not in its column's format…), left blank in `values`.
   */
  record(file: number, line: number, values: readonly unknown[], column: Int32Array, timestampsRead = false, setAside: readonly FieldProblem[] = []): void {
    const account = this.files[file]!;
    account.read++;
    const aside = this.aside;
    aside.length = 0;
    const problem = validateRecord(values, column, this.readLocal, this.scratch, aside, timestampsRead);
    if (problem !== null) {
      this.rejectRead(file, line, problem.field, problem.code, problem.message);
      return;
    }
    for (const p of setAside) this.setAsideRead(file, line, p);
    for (const p of aside) this.setAsideRead(file, line, p);
    const ticket = this.scratch;
    if (this.eventLog !== undefined) {
      this.store.foldEvent(ticket, file, this.eventLog.resolves(ticket), this.eventLog.responds(ticket));
      this.eventsUsed[file]!++;
      return;
    }
    ticket.resolved = resolvedOrByStatus(ticket.resolved, ticket.status);
    if (this.part) this.store.append(ticket, file);
    else this.filed(file, this.store.upsert(ticket, file));
    if (contradictsResolution(this.scratch)) this.openButResolved[file]!++;
  }

  /** What became of a record of `file` with an id. */
  private filed(file: number, { outcome, loserFile, createdDiffers }: UpsertResult): void {
    if (outcome !== 'added') this.files[loserFile]!.duplicates++;
    if (createdDiffers) this.creationsDiffer[file]!++;
  }

  /** A part's Ingest (`part`), its one file read: what it made of the part (see PartIngest). */
  partRead(): PartIngest {
    if (!this.part) throw new Error('internal: partRead of an Ingest that reads no part');
    this.store.seal();
    const { read, blank, rejected, setAside } = this.files[0]!;
    return { account: { read, blank, rejected, setAside }, rejections: this.fileRejections[0]!, tallies: this.tallies, openButResolved: this.openButResolved[0]!, log: this.store.toLog() };
  }

  /**
   * Takes in what another Ingest made of the rest of `file` (see PartIngest), as if its records had
   * been read here, after every record so far: `firstLine` is the line its part starts on.
   */
  merge(file: number, part: PartIngest, firstLine: number): void {
    const account = this.files[file]!;
    account.read += part.account.read;
    account.blank += part.account.blank;
    account.rejected += part.account.rejected;
    account.setAside += part.account.setAside;
    this.openButResolved[file]! += part.openButResolved;
    for (const scope of ['record', 'field'] as const) {
      const mine = this.fileRejections[file]![scope];
      const theirs = part.rejections[scope];
      for (const [code, n] of theirs.byCode) addCount(mine.byCode, code, n);
      for (const [field, n] of theirs.byField) addCount(mine.byField, field, n);
      // The part's first problems of each reason come after all of this Ingest's so far.
      const tally = this.tallies[scope];
      const seen = new Map<RejectionCode, number>();
      for (const example of part.tallies[scope].examples) {
        const before = (tally.byCode.get(example.code) ?? 0) + (seen.get(example.code) ?? 0);
        addCount(seen, example.code);
        if (before < EXAMPLES_PER_REASON) tally.examples.push({ ...example, file: account.path, line: example.line + firstLine - 1 });
      }
      for (const [code, n] of part.tallies[scope].byCode) addCount(tally.byCode, code, n);
    }
    this.store.replay(part.log, file, (result) => this.filed(file, result));
  }

  /** A record that a dialect could not map (a created_at not in its column's format, …). */
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
    this.problemRead(file, line, 'record', { field, code, message });
  }

  /** A value of a used record that could not be read: the ticket has none for that field. */
  private setAsideRead(file: number, line: number, problem: FieldProblem): void {
    this.problemRead(file, line, 'field', problem);
  }

  /** A record rejected, or a value set aside: counted per file, per reason and per field, kept as an example, sent to the rejects file. */
  private problemRead(file: number, line: number, scope: Rejection['scope'], { field, code, message }: FieldProblem): void {
    const account = this.files[file]!;
    if (scope === 'record') account.rejected++;
    else account.setAside++;
    const { byCode, byField } = this.fileRejections[file]![scope];
    addCount(byCode, code);
    addCount(byField, field);
    const tally = this.tallies[scope];
    const before = tally.byCode.get(code) ?? 0;
    tally.byCode.set(code, before + 1);
    const problem: Rejection = { scope, file: account.path, line, field, code, message };
    if (before < EXAMPLES_PER_REASON) tally.examples.push(problem);
    this.rejects?.write(problem, this.raw);
  }

  finish(): IngestSummary {
    this.store.seal();
    const used = new Array<number>(this.files.length).fill(0);
    for (let slot = 0; slot < this.store.length; slot++) used[this.store.sourceFile[slot]!]!++;
    if (this.eventLog !== undefined) this.store.settleEvents();
    for (const [flag, condition] of this.conditions) {
      if (condition !== undefined && !this.presentFields.has(condition.field)) {
        this.notices.push(`${flag} ${conditionText(condition)}: no input file has a ${condition.field} column, so no event matches it`);
      }
    }
    const files = this.files.map((f, i) => ({ ...f, used: used[i]!, folded: this.eventLog === undefined ? 0 : this.eventsUsed[i]! - used[i]! }));
    for (const f of files) {
      if (f.header + f.blank + f.folded + f.used + f.rejected + f.duplicates !== f.read) {
        throw new Error(
          `internal: ${f.path}: ${f.read} read but ${f.header} header + ${f.blank} blank + ${f.folded} folded + ${f.used} used + ${f.rejected} rejected + ${f.duplicates} duplicates`,
        );
      }
    }
    this.files.forEach((f, i) => {
      const n = this.creationsDiffer[i]!;
      if (n === 0) return;
      const records = n === 1 ? '1 record repeats an id' : `${formatCount(n)} records repeat an id`;
      this.notices.push(
        `${f.path}: ${records} with another created_at: this looks like an event log (one row per event), but rows are read as tickets: each id keeps its row with the latest updated_at (else the last read), and that row's created_at; --event-log folds each id's events into one ticket`,
      );
    });
    return {
      store: this.store,
      files,
      records: files.reduce((n, f) => n + f.read - f.header - f.blank, 0),
      rejected: files.reduce((n, f) => n + f.rejected, 0),
      duplicates: files.reduce((n, f) => n + f.duplicates, 0),
      rejectionsByCode: this.tallies.record.byCode,
      examples: this.tallies.record.examples,
      setAside: files.reduce((n, f) => n + f.setAside, 0),
      setAsides: this.tallies.field,
      setAsideByField: this.fileRejections.map((r) => r.field.byField),
      presentFields: this.presentFields,
      notices: this.notices,
      readings: files.flatMap((f, i) => {
        const understanding = this.understandings[i];
        return understanding === undefined ? [] : [fileReading(understanding, f, this.fileRejections[i]!, this.openButResolved[i]!)];
      }),
    };
  }
}

/** Counts per reason, in REJECTION_REASONS order (only the reasons that occurred). */
function countsByCode(byCode: ReadonlyMap<RejectionCode, number>): Partial<Record<RejectionCode, number>> {
  const counts: Partial<Record<RejectionCode, number>> = {};
  for (const code of Object.keys(REJECTION_REASONS) as RejectionCode[]) {
    const count = byCode.get(code);
    if (count !== undefined) counts[code] = count;
  }
  return counts;
}

/** A file's understanding with its counts; each field's rejections and values set aside go to the first column that feeds it. */
function fileReading(understanding: FileUnderstanding, account: FileAccount, rejections: FileRejections, openButResolved: number): FileReading {
  const charged = new Set<TicketField>();
  const columns = understanding.columns.map((column) => {
    if (column.field === null || charged.has(column.field)) return { ...column, rejected: 0, setAside: 0 };
    charged.add(column.field);
    return { ...column, rejected: rejections.record.byField.get(column.field) ?? 0, setAside: rejections.field.byField.get(column.field) ?? 0 };
  });
  return {
    ...understanding,
    columns,
    counts: {
      read: account.read,
      header: account.header,
      blank: account.blank,
      folded: account.folded,
      used: account.used,
      duplicates: account.duplicates,
      rejected: account.rejected,
      setAside: account.setAside,
      rejectedByCode: countsByCode(rejections.record.byCode),
      setAsideByCode: countsByCode(rejections.field.byCode),
      rejectedWithoutField: rejections.record.byField.get(null) ?? 0,
      openButResolved,
    },
  };
}
