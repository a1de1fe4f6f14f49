import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError, UsageError } from '../errors.js';
import { quote } from '../schema/validate.js';
import { canonicalFieldOf, FIELD_INDEX, REQUIRED_FIELDS, TICKET_FIELDS, type TicketField } from '../schema/fields.js';
import { DATE_FORMAT_TEXT, dateOrderQuestion, DateFormatVote, readsInOtherFormat, type DateFormat } from '../dialect/dates.js';
import { COMMON_SENTINELS, EMPTY_DIALECT, fieldColumns, recordMapper, TIMESTAMP_FIELDS, withMapping, type Dialect, type FieldColumns } from '../dialect/dialect.js';
import { PRESETS, presetsMatching } from '../presets/index.js';
import { blankUnderstanding, type DateColumnReading, type FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import { validateTimeZone, wallTimeReader } from '../time/zone.js';
import { detectDelimiter, headerLineEnded } from './csv-delimiter.js';
import { decodeInput, ENCODING_NAMES, peek, type DecodedInput } from './decode-input.js';
import { csvRecords, linesSpanned } from './csv-records.js';
import { DELIMITER_NAMES, delimiterFromFlag, formatFromExtension, type Delimiter, type InputEncoding, type InputFormat } from './input-formats.js';
import { describeColumns, IDENTITY_COLUMNS, ValueCounter } from './columns.js';
import { readJsonArray, readNdjson } from './read-json.js';
import { DEFAULT_MAX_RECORD_SIZE, type ReadOptions } from './read-options.js';

export type { ReadOptions } from './read-options.js';
import { systemReason } from './system-error.js';

/**
 * Reads ticket exports (files or stdin) and hands each raw record to the Ingest. This module, with
 * decode-input.ts (which turns the bytes into checked UTF-8 first), is the only code that touches
 * input bytes.
 */

export interface InputSource {
  /** A path, or `-` for standard input. */
  path: string;
  stdin: NodeJS.ReadableStream;
}

/** JSON arrays start with `[`, NDJSON with `{`; anything else is read as CSV. Undefined: only white space so far. */
function sniffFormat(head: string): InputFormat | undefined {
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) return undefined;
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

const displayName = (path: string): string => (path === '-' ? '<stdin>' : path);

/** Standard input as bytes, also when an encoding was set on it (its chunks are then strings). */
async function* bytesOf(stdin: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function openSource(path: string, stdin: NodeJS.ReadableStream): Promise<Readable> {
  if (path === '-') return Readable.from(bytesOf(stdin as AsyncIterable<Buffer | string>));
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${systemReason(error)}`);
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(new InputError(`${path}: cannot read: ${systemReason(error)}`)));
  });
  return stream;
}

/** Whether an input is a regular file, which can be read a second time (not `-`, a pipe, a FIFO or a device). */
async function isRegularFile(path: string): Promise<boolean> {
  if (path === '-') return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The chunks of an input, a failure to read them (an I/O error, a file removed) becoming an
 * InputError that names the file. Errors of the code that reads the chunks do not pass here: a bug
 * stays a bug (exit 1 with its stack), never "cannot read".
 */
async function* readFailuresNamed(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
}

/** Opens an input and decodes it (gzip, encoding): its text as checked UTF-8 chunks. */
async function openText(path: string, stdin: NodeJS.ReadableStream, encoding: InputEncoding | undefined): Promise<DecodedInput> {
  const stream = await openSource(path, stdin);
  try {
    const decoded = await decodeInput(readFailuresNamed(stream, displayName(path)), displayName(path), encoding);
    return { ...decoded, chunks: readFailuresNamed(decoded.chunks, displayName(path)) };
  } catch (error) {
    stream.destroy();
    if (error instanceof InputError) throw error;
    throw new InputError(`${displayName(path)}: cannot read: ${systemReason(error)}`);
  }
}

/** No more than this is read ahead to find the header line's end (a one-line JSON file has none). */
const PEEK_LIMIT = 1 << 20;

/** Excel's first line naming the delimiter (`sep=;`), written before the header by "CSV (Macintosh)" and by many scripts for Excel. */
const SEP_LINE = /^(\uFEFF?)sep=(.)(\r\n|\n|\r)/i;

interface PeekedText {
  format: InputFormat;
  delimiter: Delimiter | undefined;
  /** How the delimiter was decided, for a CSV file. */
  delimiterFrom: 'option' | 'sep line' | 'detected' | null;
  /** An Excel `sep=` line starts the text: it is left out of the chunks (and is counted as a header line). */
  sepLine: boolean;
  chunks: AsyncIterable<Buffer>;
}

/**
 * Reads ahead as far as deciding needs: to the first character that is not white space when the
 * format is unknown, and to the end of a CSV's first line (its header, or Excel's `sep=` line, which
 * names the delimiter). Gives back the chunks, still from the first (from the header after a `sep=` line).
 */
async function peekHeader(name: string, chunks: AsyncIterable<Buffer>, format: InputFormat | undefined, delimiter: Delimiter | undefined): Promise<PeekedText> {
  if (format !== undefined && format !== 'csv') return { format, delimiter, delimiterFrom: null, sepLine: false, chunks };
  const enough = (head: Buffer): boolean => {
    if (head.length >= PEEK_LIMIT) return true;
    const text = head.toString('utf8');
    const sniffed = format ?? sniffFormat(text);
    if (sniffed === undefined) return false;
    if (sniffed !== 'csv') return true;
    const sep = SEP_LINE.exec(text);
    return headerLineEnded(sep === null ? text : text.slice(sep[0].length));
  };
  const peeked = await peek(chunks, enough);
  let text = peeked.head.toString('utf8');
  const chosen = format ?? sniffFormat(text) ?? 'csv';
  if (chosen !== 'csv') return { format: chosen, delimiter, delimiterFrom: null, sepLine: false, chunks: peeked.chunks };
  const sep = SEP_LINE.exec(text);
  let rest = peeked.chunks;
  let declared: Delimiter | undefined;
  if (sep !== null) {
    declared = delimiterFromFlag(sep[2]!);
    if (declared === undefined) throw new InputError(`${name}:1: the sep= line names the delimiter ${JSON.stringify(sep[2])}, which is not one of , ; | or a tab`);
    rest = dropBytes(peeked.chunks, Buffer.byteLength(sep[0]));
    text = text.slice(sep[0].length);
  }
  if (delimiter !== undefined) return { format: chosen, delimiter, delimiterFrom: 'option', sepLine: sep !== null, chunks: rest };
  if (declared !== undefined) return { format: chosen, delimiter: declared, delimiterFrom: 'sep line', sepLine: true, chunks: rest };
  return { format: chosen, delimiter: detectDelimiter(text), delimiterFrom: 'detected', sepLine: false, chunks: rest };
}

/** The chunks without their first `count` bytes. */
async function* dropBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left === 0 ? chunk : chunk.subarray(left);
    left = 0;
  }
}

/** Reads every source in order into the ingest. */
export async function readTicketSources(paths: string[], ingest: Ingest, stdin: NodeJS.ReadableStream, options: ReadOptions = {}): Promise<void> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  for (const path of paths) {
    const name = displayName(path);
    const input = await openText(path, stdin, options.encoding);
    const given = options.format ?? (path === '-' ? undefined : formatFromExtension(path));
    const peeked = await peekHeader(name, input.chunks, given, options.delimiter);
    const { format, delimiter } = peeked;
    const understood: FileUnderstanding = {
      ...blankUnderstanding(name, options.inputZone ?? 'UTC'),
      format,
      formatFrom: options.format !== undefined ? 'option' : given !== undefined ? 'extension' : 'content',
      compressed: input.compressed,
      encoding: input.encoding,
      encodingFrom: input.encodingFrom,
      delimiter: format === 'csv' ? (delimiter ?? ',') : null,
      delimiterFrom: peeked.delimiterFrom,
      decimalComma: format === 'csv' && delimiter === ';',
    };
    const file = ingest.openFile(name, understood);
    refuseMismatch(name, format, options);
    const detected = whatWasDetected(input, format === 'csv' ? delimiter : undefined, peeked.delimiterFrom);
    if (detected !== '') ingest.notice(`${name}: ${detected}`);
    if (format === 'csv') {
      if (peeked.sepLine) ingest.header(file);
      const firstLine = peeked.sepLine ? 2 : 1;
      const skip = async (decoded: DecodedInput): Promise<CsvText> =>
        peeked.sepLine ? { chunks: (await peekHeader(name, decoded.chunks, 'csv', delimiter)).chunks, firstLine } : { chunks: decoded.chunks, firstLine };
      // Standard input, a pipe or a FIFO (`<(cmd)`, /dev/stdin) cannot be read twice.
      const reread = (await isRegularFile(path)) ? async () => skip(await openText(path, stdin, options.encoding)) : undefined;
      await readCsv({ chunks: peeked.chunks, firstLine }, name, reread, file, ingest, options, delimiter ?? ',', understood);
    } else if (format === 'json') {
      await readJsonArray(Readable.from(peeked.chunks), name, file, ingest, understood, options);
    } else {
      await readNdjson(Readable.from(peeked.chunks), name, file, ingest, understood, options);
    }
  }
}

/** A CSV preset or a column mapping on a JSON file, or a JSON preset on a CSV file: a usage error saying which presets fit. */
function refuseMismatch(name: string, format: InputFormat, options: ReadOptions): void {
  const reads = format === 'csv' ? 'csv' : 'json';
  const namesFor = (kind: 'csv' | 'json'): string =>
    Object.values(PRESETS)
      .filter((p) => p.format === kind)
      .map((p) => p.name)
      .join(', ');
  if (options.preset !== undefined && PRESETS[options.preset].format !== reads) {
    const what = reads === 'csv' ? 'JSON and NDJSON API objects' : 'CSV exports';
    throw new UsageError(`${name}: preset ${options.preset} reads ${what}; this file is read as ${format} (presets for ${format === 'csv' ? 'CSV' : 'JSON and NDJSON'}: ${namesFor(reads)})`);
  }
  if (options.mapping !== undefined && reads === 'json') {
    throw new UsageError(`${name}: column mappings (--map, the config's columns and values) read CSV exports; this file is read as ${format}`);
  }
}

/** What was decided about a file's bytes without being asked, for a notice ('' when nothing: UTF-8 with commas). */
function whatWasDetected(input: DecodedInput, delimiter: Delimiter | undefined, from: PeekedText['delimiterFrom']): string {
  const parts: string[] = [];
  if (input.encodingFrom === 'byte order mark' && input.encoding !== 'utf-8') parts.push(`read as ${ENCODING_NAMES[input.encoding]} (from its byte order mark)`);
  if (delimiter !== undefined && delimiter !== ',' && from === 'detected') {
    parts.push(`fields separated by ${DELIMITER_NAMES[delimiter]}s (detected from the header line)`);
  }
  if (delimiter !== undefined && from === 'sep line') parts.push(`fields separated by ${DELIMITER_NAMES[delimiter]}s (from its first line, ${JSON.stringify(`sep=${delimiter}`)})`);
  if (delimiter === ';') parts.push('numbers read with a decimal comma (1,5 = 1.5)');
  return parts.join('; ');
}

/** An empty line, or a row of empty fields (`,,,`: what spreadsheets leave below the data). */
function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** A header's column names for a message: quoted, each cut when long, and no more than the first 20. */
function columnList(header: readonly string[]): string {
  if (header.length === 0) return 'none';
  const shown = header.slice(0, 20).map((h) => quote(h));
  return header.length > 20 ? `${shown.join(', ')} and ${header.length - 20} more` : shown.join(', ');
}

/** Maps header names to canonical fields; refuses a file that cannot hold tickets. */
/** `at`: the file and the header's line (`tickets.csv:1`), for messages. */
function columnsFromHeader(header: readonly string[], at: string): { column: Int32Array; present: TicketField[] } {
  const column = new Int32Array(TICKET_FIELDS.length).fill(-1);
  const present: TicketField[] = [];
  header.forEach((title, c) => {
    const field = canonicalFieldOf(title);
    if (field === undefined) return;
    const earlier = column[FIELD_INDEX[field]]!;
    if (earlier >= 0) throw new InputError(`${at}: column "${field}" appears twice (columns ${earlier + 1} and ${c + 1})`);
    column[FIELD_INDEX[field]] = c;
    present.push(field);
  });
  const missing = REQUIRED_FIELDS.filter((f) => column[FIELD_INDEX[f]]! < 0);
  if (missing.length > 0) {
    throw new InputError(`${at}: no ${missing.map((f) => `"${f}"`).join(' or ')} column (columns found: ${columnList(header)})`);
  }
  return { column, present };
}

/** The dialect for a file: the one asked for, a preset recognised from the header, or none (canonical). */
function chooseDialect(header: readonly string[], name: string, options: ReadOptions, ingest: Ingest, understood: FileUnderstanding): Dialect | undefined {
  let preset = options.preset === undefined ? undefined : PRESETS[options.preset];
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const canonical = names.has('id') && names.has('created_at');
  if (preset === undefined && !canonical) {
    const matching = presetsMatching(header);
    if (matching.length > 1) {
      throw new UsageError(`${name}: the header fits the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
    }
    preset = matching[0];
    if (preset !== undefined) {
      ingest.notice(`${name}: read as ${/^[aeiou]/i.test(preset.title) ? 'an' : 'a'} ${preset.title} (preset ${preset.name}, recognised from the header)`);
      understood.preset = { name: preset.name, title: preset.title, from: 'header' };
    }
  } else if (preset !== undefined) {
    understood.preset = { name: preset.name, title: preset.title, from: 'option' };
  }
  understood.mapping = options.mapping !== undefined;
  if (preset === undefined && options.mapping === undefined) return undefined;
  const base = preset?.dialect ?? { ...EMPTY_DIALECT, sentinels: COMMON_SENTINELS };
  return options.mapping === undefined ? base : withMapping(base, options.mapping);
}

/**
 * Decides each timestamp column's format from all its values: a first pass over the file. Standard
 * input, a pipe or a FIFO cannot be read twice: there, --date-format (else ISO 8601) applies to
 * every date column, and a notice says so.
 */
async function decideDateFormats(
  reread: (() => Promise<CsvText>) | undefined,
  name: string,
  columns: FieldColumns,
  dialect: Dialect,
  options: ReadOptions,
  ingest: Ingest,
  delimiter: Delimiter,
  understood: FileUnderstanding,
): Promise<Partial<Record<TicketField, DateFormat>>> {
  const fields = TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0);
  const headerOf = (field: TicketField): string => understood.columns.find((c) => c.field === field && c.as === 'value')?.header ?? field;
  if (reread === undefined) {
    if (options.dateOrder === undefined && fields.length > 0) {
      ingest.notice(`${name}: read once (standard input or a pipe), so its date columns are read as ISO 8601; give --date-format DMY or MDY for day-first or month-first dates`);
    }
    understood.dateFormats = fields.map((field) => ({
      field,
      header: headerOf(field),
      format: options.dateOrder ?? 'iso',
      from: options.dateOrder !== undefined ? 'option' : 'default',
    }));
    return Object.fromEntries(fields.map((f) => [f, options.dateOrder ?? 'iso']));
  }
  const votes = new Map(fields.map((f) => [f, new DateFormatVote()]));
  const sentinels = new Set(dialect.sentinels.map((v) => v.trim().toLowerCase()));
  try {
    // The same text as the main pass: gunzipped, decoded, split on the same delimiter.
    const text = await reread();
    let header = true;
    const split = csvRecords(text.chunks, name, { delimiter, maxRecordSize: options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE, keepRaw: false, firstLine: text.firstLine });
    for await (const { records } of split) {
      for (const record of records) {
        if (header) {
          header = isBlankRecord(record);
          continue;
        }
        for (const [field, vote] of votes) {
          const raw = record[columns.column[FIELD_INDEX[field]]!]?.trim();
          if (raw !== undefined && raw !== '' && !sentinels.has(raw.toLowerCase())) vote.add(raw);
        }
      }
    }
  } catch (error) {
    // The main pass reports CSV errors where they happen; anything else is a bug.
    if (!(error instanceof InputError)) throw error;
  }
  const formats: Partial<Record<TicketField, DateFormat>> = {};
  const described: string[] = [];
  understood.dateFormats = [];
  for (const [field, vote] of votes) {
    const verdict = vote.verdict();
    // The column as the export names it: that is what the person sees in the file.
    const source = headerOf(field).trim();
    const column = source === field ? field : `${source} (${field})`;
    const question = dateOrderQuestion(verdict);
    if (question !== undefined && options.dateOrder === undefined) {
      throw new UsageError(`${name}: ${column}: ${question}; say which with --date-format DMY or --date-format MDY`);
    }
    formats[field] = question !== undefined ? options.dateOrder! : (verdict as { format: DateFormat }).format;
    understood.dateFormats.push({ field, header: headerOf(field), format: formats[field]!, from: question !== undefined ? 'option' : 'values' });
    if (formats[field] !== 'iso') {
      const how = DATE_FORMAT_TEXT[formats[field]!].replace(/ \(.*/, '');
      const asked = question !== undefined;
      described.push(`${column} ${how}${asked ? ' (from --date-format)' : ''}`);
    }
    if (verdict.kind === 'mixed') {
      ingest.notice(`${name}: ${source}: ${verdict.misfits} value(s) fit no single date format; those records are rejected`);
    }
  }
  if (described.length > 0) ingest.notice(`${name}: dates read as ${described.join('; ')}`);
  return formats;
}

/** The timestamp fields of a file whose dates are ISO 8601 by default (canonical columns), as inspect describes them. */
export function isoDateFormats(fields: readonly TicketField[], headerOf: (field: TicketField) => string): DateColumnReading[] {
  return fields.map((field) => ({ field, header: headerOf(field), format: 'iso', from: 'default' }));
}

/** A header cell with no name cannot be mapped or reported on: the file is refused, naming the column. */
function refuseUnnamedColumns(header: readonly string[], name: string, line: number): void {
  const unnamed = header.flatMap((title, c) => (title.trim() === '' ? [c + 1] : []));
  if (unnamed.length === 0) return;
  const which = unnamed.length === 1 ? `column ${unnamed[0]} has` : `columns ${unnamed.join(', ')} have`;
  throw new InputError(`${name}:${line}: ${which} no name in the header; name ${unnamed.length === 1 ? 'it' : 'them'} or delete ${unnamed.length === 1 ? 'it' : 'them'}`);
}

/** A ragged row; one that runs over many lines is most likely a quote left open on its first line. */
function raggedMessage(fields: number, expected: number, lines: number): string {
  const base = `has ${fields} field${fields === 1 ? '' : 's'} where the header has ${expected}`;
  return lines > 1 ? `${base} (the record runs over ${lines} lines: is a quote on its first line left open?)` : base;
}

/** A CSV export's text: the decoded chunks (without an Excel `sep=` line), and the line they start on. */
export interface CsvText {
  chunks: AsyncIterable<Buffer>;
  firstLine: number;
}

/** A CSV export: `reread` opens its text again from the start for a first pass (undefined when it cannot be read twice). */
async function readCsv(
  text: CsvText,
  name: string,
  reread: (() => Promise<CsvText>) | undefined,
  file: number,
  ingest: Ingest,
  options: ReadOptions,
  delimiter: Delimiter,
  understood: FileUnderstanding,
): Promise<void> {
  const keepRaw = ingest.keepRaw;
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  let header: readonly string[] | undefined;
  /** `tickets.csv:1`: the file and the header's line, for messages about the header. */
  let headerAt = `${name}:1`;
  let column: Int32Array = new Int32Array(0);
  let mapper: ReturnType<typeof recordMapper> | undefined;
  const mapped = new Array<unknown>(TICKET_FIELDS.length);
  let checkDates = false;
  // Per-column counts of blank and sentinel values, only when asked (inspect, --verbose).
  let counter: ValueCounter | undefined;
  const mapperFor = async (headerRow: readonly string[], dialect: Dialect): Promise<ReturnType<typeof recordMapper>> => {
    const columns = mappedColumns(headerRow, headerAt, dialect);
    ingest.fieldsPresent(columns.present);
    understood.columns = describeColumns(headerRow, columns.column, columns.durationColumn, dialect);
    if (options.countValues === true) counter = new ValueCounter(headerRow.length, dialect.sentinels);
    const zones = zonesInHeader(headerAt, headerRow, columns, dialect);
    const formats = await decideDateFormats(reread, name, columns, dialect, options, ingest, delimiter, understood);
    for (const reading of understood.dateFormats) {
      const zone = zones[reading.field];
      if (zone !== undefined) reading.zone = zone;
    }
    noticeHeaderZones(name, zones, understood, ingest);
    const readers: Partial<Record<TicketField, ReadWallTime>> = {};
    const byZone = new Map<string, ReadWallTime>();
    for (const [field, zone] of Object.entries(zones) as [TicketField, string][]) {
      if (!byZone.has(zone)) byZone.set(zone, wallTimeReader(zone));
      readers[field] = byZone.get(zone)!;
    }
    return recordMapper(dialect, columns, formats, ingest.readLocal, readers);
  };
  const readHeader = async (record: string[], line: number): Promise<void> => {
    refuseUnnamedColumns(record, name, line);
    headerAt = `${name}:${line}`;
    header = record;
    ingest.header(file);
    let dialect = chooseDialect(record, name, options, ingest, understood);
    // Excel writes `;` where the decimal mark is a comma: numbers then need the mapper, also
    // in the canonical columns (the comma-separated canonical file keeps its fast path).
    if (delimiter === ';') dialect = { ...(dialect ?? EMPTY_DIALECT), decimalComma: true };
    if (dialect === undefined && options.dateOrder !== undefined) dialect = EMPTY_DIALECT;
    if (dialect !== undefined) {
      mapper = await mapperFor(record, dialect);
      return;
    }
    const canonical = columnsFromHeader(record, headerAt);
    column = canonical.column;
    ingest.fieldsPresent(canonical.present);
    understood.columns = describeColumns(record, column, undefined);
    understood.dateFormats = isoDateFormats(TIMESTAMP_FIELDS.filter((f) => column[FIELD_INDEX[f]]! >= 0), (field) => record[column[FIELD_INDEX[field]]!]!);
    if (options.countValues === true) counter = new ValueCounter(record.length, []);
    checkDates = true;
  };
  for await (const block of csvRecords(text.chunks, name, { delimiter, maxRecordSize, keepRaw, firstLine: text.firstLine })) {
    ingest.blank(file, block.blankLines);
    const { records, lines, raws } = block;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const line = lines[r]!;
      if (raws !== undefined) ingest.raw = raws[r];
      if (isBlankRecord(record)) {
        ingest.blank(file);
        continue;
      }
      if (header === undefined) {
        await readHeader(record, line);
        continue;
      }
      // A canonical file whose first row has a date that is not ISO 8601 (29/02/2016 01:16): its
      // date columns' formats are decided from all their values, as with a preset.
      if (checkDates) {
        checkDates = false;
        if (hasOtherDateFormat(record, column, ingest.readLocal)) mapper = await mapperFor(header, EMPTY_DIALECT);
      }
      if (record.length !== header.length) {
        ingest.malformed(file, line, raggedMessage(record.length, header.length, linesSpanned(record)));
      } else {
        counter?.add(record);
        if (mapper !== undefined) {
          const problem = mapper(record, mapped);
          if (problem === null) ingest.record(file, line, mapped, IDENTITY_COLUMNS, true);
          else ingest.unmappable(file, line, problem);
        } else {
          ingest.record(file, line, record, column);
        }
      }
    }
  }
  ingest.raw = undefined;
  if (header === undefined) throw new InputError(`${name}: is empty (expected a header row with at least id and created_at)`);
  counter?.writeInto(understood.columns);
}

/**
 * The zone each timestamp column's header names, when the dialect says its `*` is one (Intercom's
 * `Conversation started at (America/New_York)`). A header naming no zone is an input error.
 */
function zonesInHeader(at: string, header: readonly string[], columns: FieldColumns, dialect: Dialect): Partial<Record<TicketField, string>> {
  const zones: Partial<Record<TicketField, string>> = {};
  if (dialect.zoneInHeader !== true) return zones;
  for (const field of TIMESTAMP_FIELDS) {
    const text = columns.wildcard[field];
    if (text === undefined) continue;
    const title = header[columns.column[FIELD_INDEX[field]]!]!.trim();
    try {
      zones[field] = validateTimeZone(text, `${at}: column "${title}"`);
    } catch (error) {
      if (error instanceof UsageError) throw new InputError(error.message);
      throw error;
    }
  }
  return zones;
}

/** Says which columns are read in a zone their header names rather than in --input-tz. */
function noticeHeaderZones(name: string, zones: Partial<Record<TicketField, string>>, understood: FileUnderstanding, ingest: Ingest): void {
  const fieldsByZone = new Map<string, TicketField[]>();
  for (const [field, zone] of Object.entries(zones) as [TicketField, string][]) fieldsByZone.set(zone, [...(fieldsByZone.get(zone) ?? []), field]);
  const parts = [...fieldsByZone].map(([zone, fields]) => `${fields.join(', ')} in ${zone}`);
  if (parts.length > 0) ingest.notice(`${name}: dates without an offset read in the zone their header names (not ${understood.inputZone}): ${parts.join('; ')}`);
}


/**
 * Whether a canonical record holds a timestamp that is not ISO 8601 but reads in another format
 * (29/02/2016 01:16): then that format is in use. A value no format reads is left to the validator.
 */
function hasOtherDateFormat(record: readonly string[], column: Int32Array, readLocal: ReadWallTime): boolean {
  return TIMESTAMP_FIELDS.some((field) => {
    const raw = record[column[FIELD_INDEX[field]]!]?.trim();
    return raw !== undefined && raw !== '' && Number.isNaN(parseTimestamp(raw, readLocal)) && readsInOtherFormat(raw);
  });
}

/** A dialect's columns in this header; a file without the id or created_at column cannot be read. */
function mappedColumns(header: readonly string[], at: string, dialect: Dialect): FieldColumns {
  const columns = fieldColumns(header, dialect);
  if (typeof columns === 'string') throw new InputError(`${at}: ${columns}`);
  const missing = REQUIRED_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! < 0);
  if (missing.length > 0) {
    const wanted = missing.map((f) => `${f} ("${dialect.columns[f] ?? f}")`).join(' or ');
    throw new InputError(`${at}: no column for ${wanted} (columns found: ${columnList(header)})`);
  }
  return columns;
}
