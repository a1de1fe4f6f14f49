import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse';
import { InputError, UsageError } from '../errors.js';
import { canonicalFieldOf, FIELD_INDEX, REQUIRED_FIELDS, TICKET_FIELDS, type TicketField } from '../schema/fields.js';
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

/** Reads every source in order into the ingest. `format` overrides detection for all of them. */
export async function readTicketSources(paths: string[], ingest: Ingest, stdin: NodeJS.ReadableStream, format?: InputFormat): Promise<void> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  for (const path of paths) {
    let stream = await openSource(path, stdin);
    let chosen = format ?? (path === '-' ? undefined : formatFromExtension(path));
    if (chosen === undefined) ({ format: chosen, stream } = await peekFormat(stream));
    const file = ingest.openFile(displayName(path));
    if (chosen === 'csv') await readCsv(stream, displayName(path), file, ingest);
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

async function readCsv(stream: Readable, name: string, file: number, ingest: Ingest): Promise<void> {
  // columns: false, and header names mapped to positions here: csv-parse's own column mapping
  // costs about 50% more on large files (see README, Speed).
  const parser = stream.pipe(parseCsv({ bom: true, columns: false, relax_column_count: true, skip_empty_lines: false }));
  stream.on('error', (error) => parser.destroy(error));
  let header: readonly string[] | undefined;
  let column: Int32Array = new Int32Array(0);
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const startLine = line;
      line += 1 + lineBreaksIn(record);
      if (header === undefined) {
        header = record;
        const mapped = columnsFromHeader(record, name);
        column = mapped.column;
        ingest.fieldsPresent(mapped.present);
        continue;
      }
      if (isBlankRecord(record)) {
        ingest.blank(file);
      } else if (record.length !== header.length) {
        ingest.malformed(file, startLine, `has ${record.length} fields where the header has ${header.length}`);
      } else {
        ingest.record(file, startLine, record, column);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(`${name}:${error.lines ?? line}: not valid CSV: ${error.message}`);
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
  if (header === undefined) throw new InputError(`${name}: is empty (expected a header row with at least id and created_at)`);
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
