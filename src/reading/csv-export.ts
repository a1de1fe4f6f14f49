import { compileDatePattern } from '../dialect/date-pattern.js';
import { DateFormatVote } from '../dialect/dates.js';
import { EMPTY_DIALECT, fieldText, type Dialect, type FieldColumns } from '../dialect/dialect.js';
import type { FieldProblem } from '../schema/validate.js';
import {
  canonicalColumns,
  chooseCsvDialect,
  columnList,
  decideDateFormats,
  hasOtherDateFormat,
  headerZonesNotice,
  isoDateFormats,
  mappedColumns,
  patternFor,
  recognisedNotice,
  zonesInHeader,
} from '../dialect/interpret.js';
import { InputError } from '../errors.js';
import { csvRecords, type CsvBlock } from '../io/csv-records.js';
import type { Delimiter } from '../io/input-formats.js';
import type { InputProgress } from '../io/progress.js';
import { DEFAULT_MAX_RECORD_SIZE } from '../io/read-limits.js';
import type { Presets } from '../presets/index.js';
import { canonicalFieldOf, FIELD_INDEX, REQUIRED_FIELDS, TICKET_FIELDS, TIMESTAMP_FIELDS, type TicketField } from '../schema/fields.js';
import type { FileProposal, FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { describeColumns, ValueCounter } from './column-readings.js';
import { CsvRows, isBlankRecord, rejectedRagged } from './csv-rows.js';
import { splitBefore, type LaterReader } from './parts.js';
import type { ColumnProfiler } from './column-profile.js';
import type { ReadOptions } from './read-options.js';

/**
 * Reads one CSV export into the Ingest: its header decides, through the interpretation step
 * (dialect/interpret.ts), how its records are read; each record is then mapped (a preset or a
 * mapping) or taken as it is (the canonical columns), and handed on with its line.
 */

/** A CSV export's text: the decoded chunks (without an Excel `sep=` line), and the line they start on. */
export interface CsvText {
  chunks: AsyncIterable<Buffer>;
  firstLine: number;
}

export interface CsvExport {
  name: string;
  /** The Ingest's index of the file. */
  file: number;
  text: CsvText;
  /** Opens the text again from its start, for a first pass (undefined: read once, standard input or a pipe). */
  reread: (() => Promise<CsvText>) | undefined;
  delimiter: Delimiter;
  /** The text's size in bytes, when known: the store makes room for the tickets it holds from the first block on. */
  size?: number | undefined;
  /** What inspect says of the file, filled in as it is decided. */
  understood: FileUnderstanding;
  /** Told the records read, a block at a time (a terminal's progress line). */
  progress?: InputProgress | undefined;
  /** The file's later part, read by a second thread (see later-part.ts) once its header is understood. */
  later?: LaterReader | undefined;
}

/** A header cell with no name cannot be mapped or reported on: the file is refused, naming the column. */
function refuseUnnamedColumns(header: readonly string[], name: string, line: number): void {
  const unnamed = header.flatMap((title, c) => (title.trim() === '' ? [c + 1] : []));
  if (unnamed.length === 0) return;
  const which = unnamed.length === 1 ? `column ${unnamed[0]} has` : `columns ${unnamed.join(', ')} have`;
  throw new InputError(`${name}:${line}: ${which} no name in the header; name ${unnamed.length === 1 ? 'it' : 'them'} or delete ${unnamed.length === 1 ? 'it' : 'them'}`);
}

/**
 * Every record of the file again, from its start (the same text as the main pass: gunzipped,
 * decoded, split on the same delimiter), the header and blank records skipped: a first pass.
 * CSV errors are reported by the main pass, where they happen.
 */
async function eachRecordAgain(source: CsvExport, reread: () => Promise<CsvText>, maxRecordSize: number, use: (record: readonly string[]) => void): Promise<void> {
  try {
    const text = await reread();
    let header = true;
    for await (const { records } of csvRecords(text.chunks, source.name, { delimiter: source.delimiter, maxRecordSize, keepRaw: false, firstLine: text.firstLine })) {
      for (const record of records) {
        if (header) header = isBlankRecord(record);
        else use(record);
      }
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
}

/** The votes of every value of each date column on its format. */
async function dateVotes(source: CsvExport, reread: () => Promise<CsvText>, columns: FieldColumns, dialect: Dialect, fields: readonly TicketField[], maxRecordSize: number): Promise<Map<TicketField, DateFormatVote>> {
  const votes = new Map(fields.map((f) => [f, new DateFormatVote()]));
  const sentinels = new Set(dialect.sentinels.map((v) => v.trim().toLowerCase()));
  await eachRecordAgain(source, reread, maxRecordSize, (record) => {
    for (const [field, vote] of votes) {
      const raw = fieldText(record, columns, FIELD_INDEX[field]);
      if (raw !== undefined && raw !== '' && !sentinels.has(raw.toLowerCase())) vote.add(raw);
    }
  });
  return votes;
}

/** The column profiler and the mapping proposal: loaded only for a header nothing explains, never when an export is read. */
async function loadDescribers() {
  const [{ ColumnProfiler }, { nearestPresets, proposeMapping, shellQuote }] = await Promise.all([import('./column-profile.js'), import('./propose-mapping.js')]);
  return { ColumnProfiler, nearestPresets, proposeMapping, shellQuote };
}

type Describers = Awaited<ReturnType<typeof loadDescribers>>;

/** What a header without id or created_at and without a preset is, once its values are profiled: for inspect, and for the error of report. */
function proposalFor(describers: Describers, header: readonly string[], profiler: ColumnProfiler, presets: Presets): FileProposal {
  const columns = profiler.profiles();
  return { columns, nearestPresets: describers.nearestPresets(Object.values(presets), header), mapping: describers.proposeMapping(columns) };
}

/** The one line report and tickets stop with on such a file: what is missing, and the mapping inspect proposes. */
function unknownHeaderMessage(describers: Describers, at: string, name: string, header: readonly string[], proposal: FileProposal | undefined): string {
  const file = /^[\w./<>-]+$/.test(name) ? name : describers.shellQuote(name);
  const base = `${at}: no "id" or "created_at" column, and no preset fits the header (columns found: ${columnList(header)}); \`support-metrics inspect ${file}\` describes the columns`;
  // A mapping is shown only when it would read the file: one without id or created_at would not.
  if (proposal === undefined || proposal.mapping.mapFlag === '' || proposal.mapping.missing.length > 0) return `${base} and how to map them`;
  return `${base} and proposes ${proposal.mapping.mapFlag}`;
}

class CsvExportReader {
  private header: readonly string[] | undefined;
  /** `tickets.csv:1`: the file and the header's line, for messages about the header. */
  private headerAt: string;
  /** How the records after the header are read, once the header is understood. */
  private rows: CsvRows | undefined;
  /** A canonical file: its first record may show that its dates are not ISO 8601. */
  private checkDates = false;
  /** Per-column counts of blank and sentinel values, only when asked (inspect, --verbose). */
  private counter: ValueCounter | undefined;
  /**
   * A header without id or created_at that no preset or mapping explains, for inspect: each
   * column's values profiled, and every record unusable (`unusable` says why).
   */
  private profiler: ColumnProfiler | undefined;
  private describers: Describers | undefined;
  private unusable: FieldProblem | undefined;
  private readonly maxRecordSize: number;

  constructor(
    private readonly source: CsvExport,
    private readonly ingest: Ingest,
    private readonly options: ReadOptions,
    private readonly presets: Presets,
  ) {
    this.headerAt = `${source.name}:1`;
    this.maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  }

  async read(): Promise<void> {
    try {
      await this.readRecords();
    } finally {
      this.source.later?.cancel();
    }
  }

  private async readRecords(): Promise<void> {
    const { text, name, delimiter, file, later } = this.source;
    const keepRaw = this.ingest.keepRaw;
    const room = this.ingest.roomAhead(this.source.size);
    const { progress } = this.source;
    // The records end where the later part starts when the second thread read it (see splitBefore).
    const parts = later && splitBefore(later);
    for await (const block of csvRecords(text.chunks, name, { delimiter, maxRecordSize: this.maxRecordSize, keepRaw, firstLine: text.firstLine, split: parts?.split })) {
      // The rest of the file's records: the later part's too, which are filed here.
      room(block.records.length, block.bytes);
      this.ingest.blank(file, block.blankLines);
      progress?.records(block.records.length + block.blankLines);
      await this.readBlock(block);
      this.beginLater();
    }
    const laterRead = parts?.taken();
    if (laterRead !== undefined) {
      const { part, firstLine } = laterRead;
      this.ingest.merge(file, part.ingest, firstLine);
      if (part.counts !== undefined) this.counter!.addCounts(part.counts);
      this.source.understood.laterPartFrom = firstLine;
    }
    this.ingest.raw = undefined;
    if (this.header === undefined) throw new InputError(`${name}: is empty (expected a header row with at least id and created_at)`);
    this.counter?.writeInto(this.source.understood.columns);
    if (this.profiler !== undefined) this.source.understood.proposal = proposalFor(this.describers!, this.header, this.profiler, this.presets);
  }

  private async readBlock({ records, lines, raws }: CsvBlock): Promise<void> {
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      if (raws !== undefined) this.ingest.raw = raws[r];
      if (isBlankRecord(record)) this.ingest.blank(this.source.file);
      else if (this.header === undefined) await this.readHeader(record, lines[r]!);
      else {
        if (this.checkDates) {
          await this.checkFirstDates(record, this.header);
          this.beginLater();
        }
        // Not awaited: a record is read at once (an await per record cost a promise and a turn of the microtask queue).
        this.readRecord(record, lines[r]!, this.header);
      }
    }
  }

  /**
   * The second thread is given its plan as soon as how to read the records is settled: the header
   * understood, and the first record's dates checked. Its thread then starts on its part while
   * this one reads the rest of its first block (waiting for the block's end, it sat idle for
   * ~0.1 s of the 1M report).
   */
  private beginLater(): void {
    const { later, name, delimiter, progress } = this.source;
    if (later === undefined || later.started || this.rows === undefined || this.checkDates) return;
    const countValues = this.counter !== undefined;
    later.begin({ kind: 'csv', name, delimiter, maxRecordSize: this.maxRecordSize, inputZone: this.options.inputZone ?? 'UTC', unread: this.ingest.unread, reading: this.rows.reading, countValues }, progress);
  }

  /**
   * A canonical file whose first row has a date that is not ISO 8601 (29/02/2016 01:16): its
   * date columns' formats are decided from all their values, as with a preset.
   */
  private async checkFirstDates(record: string[], header: readonly string[]): Promise<void> {
    this.checkDates = false;
    const { reading } = this.rows!;
    if ('column' in reading && hasOtherDateFormat(record, reading.column, this.ingest.readLocal)) await this.readWith(header, EMPTY_DIALECT);
  }

  private async readHeader(record: string[], line: number): Promise<void> {
    const { name, understood, delimiter } = this.source;
    refuseUnnamedColumns(record, name, line);
    this.headerAt = `${name}:${line}`;
    this.header = record;
    this.ingest.header(this.source.file);
    const choice = chooseCsvDialect(record, name, this.options, this.presets);
    if (choice.preset !== undefined) {
      if (choice.preset.from === 'header') this.ingest.notice(recognisedNotice(name, choice.preset));
      understood.preset = { name: choice.preset.preset.name, title: choice.preset.preset.title, from: choice.preset.from };
    }
    understood.mapping = this.options.mapping !== undefined;
    if (choice.dialect === undefined && REQUIRED_FIELDS.some((f) => !record.some((title) => canonicalFieldOf(title) === f))) {
      await this.unknownHeader(record);
      return;
    }
    let dialect = choice.dialect;
    // Excel writes `;` where the decimal mark is a comma: numbers then need the mapper, also
    // in the canonical columns (the comma-separated canonical file keeps its fast path).
    if (delimiter === ';') dialect = { ...(dialect ?? EMPTY_DIALECT), decimalComma: true };
    if (dialect === undefined && (this.options.dateFormat !== undefined || this.options.dateFormats !== undefined)) dialect = EMPTY_DIALECT;
    if (dialect !== undefined) {
      await this.readWith(record, dialect);
      return;
    }
    const { column, present } = canonicalColumns(record, this.headerAt);
    if (this.options.countValues === true) this.counter = new ValueCounter(record.length, []);
    this.rows = new CsvRows(this.ingest, this.source.file, { header: record, column }, this.counter);
    this.ingest.fieldsPresent(present);
    understood.columns = describeColumns(record, { column, durationColumn: undefined, joined: [] });
    understood.dateFormats = isoDateFormats(
      TIMESTAMP_FIELDS.filter((f) => column[FIELD_INDEX[f]]! >= 0),
      (field) => record[column[FIELD_INDEX[field]]!]!,
    );
    this.checkDates = true;
  }

  /**
   * A header no preset, mapping or canonical id and created_at explains. Inspect describes the
   * file: its columns' values are profiled and a mapping proposed; every record is unusable
   * (rejected, as it would be). Any other command stops, with the mapping proposed from a first
   * pass over the values when the input can be read twice.
   */
  private async unknownHeader(header: readonly string[]): Promise<void> {
    const { name, understood, reread } = this.source;
    understood.columns = describeColumns(header, { column: new Int32Array(TICKET_FIELDS.length).fill(-1), durationColumn: undefined, joined: [] });
    const describers = (this.describers = await loadDescribers());
    if (this.options.describeUnknown === true) {
      this.profiler = new describers.ColumnProfiler(header);
      const missing = REQUIRED_FIELDS.filter((f) => !header.some((title) => canonicalFieldOf(title) === f));
      this.unusable = { field: missing[0]!, code: 'missing_required', message: `no ${missing.map((f) => `"${f}"`).join(' or ')} column: see the proposed mapping` };
      return;
    }
    let proposal: FileProposal | undefined;
    if (reread !== undefined) {
      const profiler = new describers.ColumnProfiler(header);
      await eachRecordAgain(this.source, reread, this.maxRecordSize, (record) => profiler.add(record));
      proposal = proposalFor(describers, header, profiler, this.presets);
    }
    throw new InputError(unknownHeaderMessage(describers, this.headerAt, name, header, proposal));
  }

  /** The records are read with a dialect: its columns, the zones its headers name, its date formats (decided from the values when they are not given). */
  private async readWith(header: readonly string[], dialect: Dialect): Promise<void> {
    const { name, understood } = this.source;
    const columns = mappedColumns(header, this.headerAt, dialect);
    this.ingest.fieldsPresent(columns.present);
    understood.columns = describeColumns(header, columns, dialect);
    if (this.options.countValues === true) this.counter = new ValueCounter(header.length, dialect.sentinels);
    const zones = zonesInHeader(this.headerAt, header, columns, dialect);
    const fields = TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0);
    const headerOf = (field: TicketField): string => understood.columns.find((c) => c.field === field && c.as === 'value')?.header ?? field;
    const given = dialect.datePattern === undefined ? this.options : { ...this.options, presetPattern: compileDatePattern(dialect.datePattern) };
    const voting = fields.filter((field) => patternFor(field, given) === undefined);
    const votes = this.source.reread === undefined ? undefined : voting.length === 0 ? new Map() : await dateVotes(this.source, this.source.reread, columns, dialect, voting, this.maxRecordSize);
    const decided = decideDateFormats(name, fields, votes, given, headerOf);
    understood.dateFormats = decided.readings;
    for (const notice of decided.notices) this.ingest.notice(notice);
    for (const reading of understood.dateFormats) {
      const zone = zones[reading.field];
      if (zone !== undefined) reading.zone = zone;
    }
    const zonesNotice = headerZonesNotice(name, zones, understood.inputZone);
    if (zonesNotice !== undefined) this.ingest.notice(zonesNotice);
    const formats = Object.fromEntries(Object.entries(decided.formats).map(([field, format]) => [field, typeof format === 'string' ? format : { pattern: format.pattern }]));
    this.rows = new CsvRows(this.ingest, this.source.file, { header, headerAt: this.headerAt, dialect, formats }, this.counter);
  }

  private readRecord(record: string[], line: number, header: readonly string[]): void {
    const { file } = this.source;
    if (this.profiler !== undefined) {
      if (rejectedRagged(this.ingest, file, header, record, line)) return;
      this.counter?.add(record);
      this.profiler.add(record);
      this.ingest.unmappable(file, line, this.unusable!);
      return;
    }
    if (!this.rows!.ragged(record, line)) this.rows!.read(record, line);
  }
}

/** Reads one CSV export into the Ingest. */
export async function readCsvExport(source: CsvExport, ingest: Ingest, options: ReadOptions, presets: Presets): Promise<void> {
  await new CsvExportReader(source, ingest, options, presets).read();
}
