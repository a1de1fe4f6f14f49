import { compileDatePattern } from '../dialect/date-pattern.js';
import type { ColumnFormat, DateFormat } from '../dialect/dates.js';
import { recordMapper, type Dialect, type RecordMapper } from '../dialect/dialect.js';
import { mappedColumns, zonesInHeader } from '../dialect/interpret.js';
import { linesSpanned, type CsvBlock } from '../io/csv-records.js';
import type { TicketField } from '../schema/fields.js';
import type { FieldProblem } from '../schema/validate.js';
import type { Ingest } from '../tickets/ingest.js';
import type { ReadWallTime } from '../time/timestamp.js';
import { wallTimeReader } from '../time/zone.js';
import { IDENTITY_COLUMNS, type ValueCounter } from './column-readings.js';

/**
 * The records of a CSV export after its header: each one rejected when ragged, else mapped (a
 * dialect) or taken as it is (the canonical columns) and handed to the Ingest with its line. The
 * CSV reader (csv-export.ts) decides how from the header and hands its records here; a part of a
 * file read by another thread (csv-part.ts) gets the same decisions as plain data (RecordReading).
 */

/** A date column's format as plain data: a built-in one, or a pattern's text. */
export type FormatGiven = DateFormat | { pattern: string };

/** How a file's records are read, once its header (and first record) decided it: plain data, to be posted to another thread. */
export type RecordReading =
  | { header: readonly string[]; column: Int32Array }
  | { header: readonly string[]; headerAt: string; dialect: Dialect; formats: Partial<Record<TicketField, FormatGiven>> };

/** An empty line, or a row of empty fields (`,,,`: what spreadsheets leave below the data). */
export function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** A ragged row; one that runs over many lines is most likely a quote left open on its first line. */
function raggedMessage(fields: number, expected: number, lines: number): string {
  const base = `has ${fields} field${fields === 1 ? '' : 's'} where the header has ${expected}`;
  return lines > 1 ? `${base} (the record runs over ${lines} lines: is a quote on its first line left open?)` : base;
}

/** Whether a record has another number of fields than the header: then it is rejected. */
export function rejectedRagged(ingest: Ingest, file: number, header: readonly string[], record: readonly string[], line: number): boolean {
  if (record.length === header.length) return false;
  ingest.malformed(file, line, raggedMessage(record.length, header.length, linesSpanned(record)));
  return true;
}

/** The date formats as the mapper reads them: patterns compiled. */
const formatsRead = (formats: Partial<Record<TicketField, FormatGiven>>): Partial<Record<TicketField, ColumnFormat>> =>
  Object.fromEntries(Object.entries(formats).map(([field, format]) => [field, typeof format === 'string' ? format : compileDatePattern(format.pattern)]));

/**
 * The mapper of a dialect's records: its columns in the header, the zones its headers name (each
 * read with a reader of its own), its date formats. `readLocal` reads the others.
 */
function dialectMapper(reading: Extract<RecordReading, { dialect: Dialect }>, readLocal: ReadWallTime): RecordMapper {
  const { header, headerAt, dialect } = reading;
  const columns = mappedColumns(header, headerAt, dialect);
  const zones = zonesInHeader(headerAt, header, columns, dialect);
  const readers: Partial<Record<TicketField, ReadWallTime>> = {};
  const byZone = new Map<string, ReadWallTime>();
  for (const [field, zone] of Object.entries(zones) as [TicketField, string][]) {
    if (!byZone.has(zone)) byZone.set(zone, wallTimeReader(zone));
    readers[field] = byZone.get(zone)!;
  }
  return recordMapper(dialect, columns, formatsRead(reading.formats), readLocal, readers);
}

export class CsvRows {
  private readonly mapper: RecordMapper | undefined;
  private readonly column: Int32Array;
  private readonly mapped: unknown[];
  /** Values of the record being mapped that were set aside. */
  private readonly aside: FieldProblem[] = [];

  /** `counter`: counts each column's blank and sentinel values (inspect, --verbose). */
  constructor(
    private readonly ingest: Ingest,
    private readonly file: number,
    readonly reading: RecordReading,
    private readonly counter?: ValueCounter,
  ) {
    this.mapper = 'dialect' in reading ? dialectMapper(reading, ingest.readLocal) : undefined;
    this.column = 'column' in reading ? reading.column : IDENTITY_COLUMNS;
    this.mapped = new Array<unknown>(IDENTITY_COLUMNS.length);
  }

  /** A block of records, all after the header (a part of a file: see csv-part.ts). */
  readBlock({ records, lines }: CsvBlock): void {
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      if (isBlankRecord(record)) this.ingest.blank(this.file);
      else if (!this.ragged(record, lines[r]!)) this.read(record, lines[r]!);
    }
  }

  /** Whether the record has another number of fields than the header: then it is rejected. */
  ragged(record: readonly string[], line: number): boolean {
    return rejectedRagged(this.ingest, this.file, this.reading.header, record, line);
  }

  /** A record of as many fields as the header. */
  read(record: string[], line: number): void {
    this.counter?.add(record);
    if (this.mapper === undefined) {
      this.ingest.record(this.file, line, record, this.column);
      return;
    }
    const problem = this.mapper(record, this.mapped, this.aside);
    if (problem === null) this.ingest.record(this.file, line, this.mapped, IDENTITY_COLUMNS, true, this.aside);
    else this.ingest.unmappable(this.file, line, problem);
  }
}
