import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse';
import { InputError, UsageError } from '../errors.js';
import { canonicalFieldOf, FIELD_INDEX, REQUIRED_FIELDS, TICKET_FIELDS, type TicketField } from '../schema/fields.js';
import { DATE_FORMAT_TEXT, DateFormatVote, type DateFormat } from '../dialect/dates.js';
import { fieldColumns, recordMapper, TIMESTAMP_FIELDS, type Dialect, type FieldColumns } from '../dialect/dialect.js';
import { presetsMatching } from '../presets/index.js';
import type { Ingest } from '../tickets/ingest.js';
import { formatFromExtension, type InputFormat } from './input-formats.js';
import { systemReason } from './system-error.js';

/**
 * Reads ticket exports (files or stdin) and hands each raw record to the Ingest. This is the only
 * module that touches input bytes.
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

async function openSource(path: string, stdin: NodeJS.ReadableStream): Promise<Readable> {
  if (path === '-') return Readable.from(stdin as AsyncIterable<Buffer>);
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


/**
 * Reads up to the first character that is not white space to decide the format, then gives back
 * a stream that still starts at byte 0.
 */
async function peekFormat(stream: Readable): Promise<{ format: InputFormat; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let format: InputFormat | undefined;
  let done = false;
  while (format === undefined && !done) {
    const next = await iterator.next();
    done = next.done === true;
    if (!done) {
      head.push(Buffer.from(next.value as Buffer));
      format = sniffFormat(Buffer.concat(head).toString('utf8'));
    }
  }
  const replay = async function* () {
    yield* head;
    if (!done) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
  };
  return { format: format ?? 'csv', stream: Readable.from(replay()) };
}

export interface ReadOptions {
  /** Read every input as this format (else by extension, else sniffed). */
  format?: InputFormat;
  /** How to read the columns (a preset, --map, the config's columns): else detected per file. */
  dialect?: { name: string; dialect: Dialect };
  /** Day-first or month-first, for date columns where every value could be either. */
  dateOrder?: 'DMY' | 'MDY';
}

/** Reads every source in order into the ingest. */
export async function readTicketSources(paths: string[], ingest: Ingest, stdin: NodeJS.ReadableStream, options: ReadOptions = {}): Promise<void> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  for (const path of paths) {
    let stream = await openSource(path, stdin);
    let chosen = options.format ?? (path === '-' ? undefined : formatFromExtension(path));
    if (chosen === undefined) ({ format: chosen, stream } = await peekFormat(stream));
    const file = ingest.openFile(displayName(path));
    if (options.dialect !== undefined && chosen !== 'csv') {
      throw new UsageError(`${displayName(path)}: presets and column mappings read CSV exports; this file is read as ${chosen}`);
    }
    if (chosen === 'csv') await readCsv(stream, path, file, ingest, options);
    else if (chosen === 'json') await readJsonArray(stream, displayName(path), file, ingest);
    else await readNdjson(stream, displayName(path), file, ingest);
  }
}

/** Line breaks inside a record's fields (quoted newlines), so that line numbers stay exact. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

/** An empty line, or a row of empty fields (`,,,`: what spreadsheets leave below the data). */
function isBlankRecord(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** Maps header names to canonical fields; refuses a file that cannot hold tickets. */
function columnsFromHeader(header: readonly string[], name: string): { column: Int32Array; present: TicketField[] } {
  const column = new Int32Array(TICKET_FIELDS.length).fill(-1);
  const present: TicketField[] = [];
  header.forEach((title, c) => {
    const field = canonicalFieldOf(title);
    if (field === undefined) return;
    const earlier = column[FIELD_INDEX[field]]!;
    if (earlier >= 0) throw new InputError(`${name}:1: column "${field}" appears twice (columns ${earlier + 1} and ${c + 1})`);
    column[FIELD_INDEX[field]] = c;
    present.push(field);
  });
  const missing = REQUIRED_FIELDS.filter((f) => column[FIELD_INDEX[f]]! < 0);
  if (missing.length > 0) {
    const found = header.length > 0 ? header.map((h) => JSON.stringify(h)).join(', ') : 'none';
    throw new InputError(`${name}:1: no ${missing.map((f) => `"${f}"`).join(' or ')} column (columns found: ${found})`);
  }
  return { column, present };
}

/** The dialect for a file: the one asked for, a preset recognised from the header, or none (canonical). */
function chooseDialect(header: readonly string[], name: string, options: ReadOptions, ingest: Ingest): Dialect | undefined {
  if (options.dialect !== undefined) return options.dialect.dialect;
  const canonical = new Set(header.map((h) => h.trim().toLowerCase()));
  if (canonical.has('id') && canonical.has('created_at')) return undefined;
  const matching = presetsMatching(header);
  if (matching.length > 1) {
    throw new UsageError(`${name}: the header fits the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
  }
  const preset = matching[0];
  if (preset === undefined) return undefined;
  ingest.notice(`${name}: read as a ${preset.title} (preset ${preset.name}, recognised from the header)`);
  return preset.dialect;
}

/**
 * Decides each timestamp column's format from all its values: a first pass over the file. Standard
 * input cannot be read twice: there, --date-format (else ISO 8601) applies to every date column.
 */
async function decideDateFormats(
  path: string,
  name: string,
  columns: FieldColumns,
  dialect: Dialect,
  options: ReadOptions,
  ingest: Ingest,
): Promise<Partial<Record<TicketField, DateFormat>>> {
  const fields = TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0);
  if (path === '-') return Object.fromEntries(fields.map((f) => [f, options.dateOrder ?? 'iso']));
  const votes = new Map(fields.map((f) => [f, new DateFormatVote()]));
  const sentinels = new Set(dialect.sentinels.map((v) => v.trim().toLowerCase()));
  const parser = createReadStream(path).pipe(parseCsv({ bom: true, columns: false, relax_column_count: true, skip_empty_lines: true, from_line: 2 }));
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      for (const [field, vote] of votes) {
        const raw = record[columns.column[FIELD_INDEX[field]]!]?.trim();
        if (raw !== undefined && raw !== '' && !sentinels.has(raw.toLowerCase())) vote.add(raw);
      }
    }
  } catch {
    // The main pass reports CSV errors where they happen.
  }
  const formats: Partial<Record<TicketField, DateFormat>> = {};
  const described: string[] = [];
  for (const [field, vote] of votes) {
    const verdict = vote.verdict();
    if (verdict.kind === 'ambiguous') {
      if (options.dateOrder === undefined) {
        throw new UsageError(
          `${name}: ${field}: every date reads both day-first and month-first (e.g. "${verdict.example}"); say which with --date-format DMY or --date-format MDY`,
        );
      }
      formats[field] = options.dateOrder;
    } else {
      formats[field] = verdict.format;
    }
    if (formats[field] !== 'iso') {
      const source = dialect.columns[field] ?? field;
      const how = DATE_FORMAT_TEXT[formats[field]!].replace(/ \(.*/, '');
      described.push(`${source === field ? field : `${source} (${field})`} ${how}${verdict.kind === 'ambiguous' ? ' (from --date-format)' : ''}`);
    }
    if (verdict.kind === 'mixed') {
      ingest.notice(`${name}: ${dialect.columns[field] ?? field}: ${verdict.misfits} value(s) fit no single date format; those records are rejected`);
    }
  }
  if (described.length > 0) ingest.notice(`${name}: dates read as ${described.join('; ')}`);
  return formats;
}

async function readCsv(stream: Readable, path: string, file: number, ingest: Ingest, options: ReadOptions): Promise<void> {
  const name = displayName(path);
  // columns: false, and header names mapped to positions here: csv-parse's own column mapping
  // costs about 50% more on large files (see README, Speed).
  const parser = stream.pipe(parseCsv({ bom: true, columns: false, relax_column_count: true, skip_empty_lines: false }));
  stream.on('error', (error) => parser.destroy(error));
  let header: readonly string[] | undefined;
  let column: Int32Array = new Int32Array(0);
  let mapper: ReturnType<typeof recordMapper> | undefined;
  const mapped = new Array<unknown>(TICKET_FIELDS.length);
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const startLine = line;
      line += 1 + lineBreaksIn(record);
      if (header === undefined) {
        header = record;
        const dialect = chooseDialect(record, name, options, ingest);
        if (dialect === undefined) {
          const canonical = columnsFromHeader(record, name);
          column = canonical.column;
          ingest.fieldsPresent(canonical.present);
        } else {
          const columns = mappedColumns(record, name, dialect);
          ingest.fieldsPresent(columns.present);
          const formats = await decideDateFormats(path, name, columns, dialect, options, ingest);
          mapper = recordMapper(dialect, columns, formats, ingest.readLocal);
        }
        continue;
      }
      if (isBlankRecord(record)) {
        ingest.blank(file);
      } else if (record.length !== header.length) {
        ingest.malformed(file, startLine, `has ${record.length} fields where the header has ${header.length}`);
      } else if (mapper !== undefined) {
        const problem = mapper(record, mapped);
        if (problem === null) ingest.record(file, startLine, mapped, IDENTITY_COLUMNS);
        else ingest.unmappable(file, startLine, problem);
      } else {
        ingest.record(file, startLine, record, column);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(`${name}:${error.lines ?? line}: not valid CSV: ${error.message}`);
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
  if (header === undefined) throw new InputError(`${name}: is empty (expected a header row with at least id and created_at)`);
}

/** A dialect's columns in this header; a file without the id or created_at column cannot be read. */
function mappedColumns(header: readonly string[], name: string, dialect: Dialect): FieldColumns {
  const columns = fieldColumns(header, dialect);
  if (typeof columns === 'string') throw new InputError(`${name}:1: ${columns}`);
  const missing = REQUIRED_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! < 0);
  if (missing.length > 0) {
    const wanted = missing.map((f) => `${f} ("${dialect.columns[f] ?? f}")`).join(' or ');
    throw new InputError(`${name}:1: no column for ${wanted} (columns found: ${header.map((h) => JSON.stringify(h)).join(', ')})`);
  }
  return columns;
}

async function readAll(stream: Readable, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

/** Aligns a JSON object's keys to canonical field positions (keys matched like CSV headers). */
function alignObject(object: Record<string, unknown>, values: unknown[], present: Set<TicketField>): void {
  values.fill(undefined);
  for (const key of Object.keys(object)) {
    const field = canonicalFieldOf(key);
    if (field === undefined) continue;
    values[FIELD_INDEX[field]] = object[key];
    present.add(field);
  }
}

const IDENTITY_COLUMNS = Int32Array.from(TICKET_FIELDS, (_, i) => i);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJsonArray(stream: Readable, name: string, file: number, ingest: Ingest): Promise<void> {
  const text = await readAll(stream, name);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError(`${name}: expected a JSON array of ticket objects, found ${typeof data === 'object' ? 'an object' : typeof data}`);
  const values = new Array<unknown>(TICKET_FIELDS.length);
  const present = new Set<TicketField>();
  data.forEach((item, i) => {
    if (!isPlainObject(item)) {
      ingest.malformed(file, i + 1, `record ${i + 1} is not an object`);
      return;
    }
    alignObject(item, values, present);
    ingest.record(file, i + 1, values, IDENTITY_COLUMNS);
  });
  ingest.fieldsPresent(present);
}

async function readNdjson(stream: Readable, name: string, file: number, ingest: Ingest): Promise<void> {
  const values = new Array<unknown>(TICKET_FIELDS.length);
  const present = new Set<TicketField>();
  let line = 0;
  try {
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') {
        ingest.blank(file);
        continue;
      }
      let item: unknown;
      try {
        item = JSON.parse(trimmed);
      } catch (error) {
        ingest.malformed(file, line, `not valid JSON: ${(error as Error).message}`);
        continue;
      }
      if (!isPlainObject(item)) {
        ingest.malformed(file, line, 'is not a JSON object');
        continue;
      }
      alignObject(item, values, present);
      ingest.record(file, line, values, IDENTITY_COLUMNS);
    }
  } catch (error) {
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
  ingest.fieldsPresent(present);
}
