import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError, UsageError } from '../errors.js';
import { canonicalFieldOf, FIELD_INDEX, TICKET_FIELDS, type TicketField } from '../schema/fields.js';
import { fieldColumns, recordMapper, TIMESTAMP_FIELDS, type Dialect, type FieldColumns } from '../dialect/dialect.js';
import { cellText, valueAt } from '../dialect/json-fields.js';
import { PRESETS, presetsMatchingKeys } from '../presets/index.js';
import type { ColumnReading, FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { describeColumns, IDENTITY_COLUMNS, ValueCounter } from './columns.js';
import type { ReadOptions } from './read-options.js';
import { systemReason } from './system-error.js';

/** Reads JSON arrays (and API pages a preset knows) and NDJSON files into the Ingest. */

async function readAll(stream: Readable, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof InputError) throw error;
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON file's keys in first-seen order, with their blank values (null, "", or absent), for inspect. */
class KeyCounter {
  private readonly keys = new Map<string, { present: number; blank: number }>();
  private objects = 0;

  add(object: Record<string, unknown>): void {
    this.objects++;
    for (const [key, value] of Object.entries(object)) {
      let seen = this.keys.get(key);
      if (seen === undefined) this.keys.set(key, (seen = { present: 0, blank: 0 }));
      seen.present++;
      if (value === null || (typeof value === 'string' && value.trim() === '')) seen.blank++;
    }
  }

  columns(): ColumnReading[] {
    return [...this.keys].map(([key, seen]) => {
      const field = canonicalFieldOf(key) ?? null;
      return { header: key, field, as: field === null ? null : 'value', blank: seen.blank + this.objects - seen.present, sentinel: 0, rejected: 0 };
    });
  }
}

/** A JSON file's understanding once read: its keys (when counted) and its timestamp fields, read as ISO 8601. */
function describeJson(understood: FileUnderstanding, present: Set<TicketField>, keys: KeyCounter | undefined): void {
  if (keys !== undefined) understood.columns = keys.columns();
  understood.dateFormats = TIMESTAMP_FIELDS.filter((f) => present.has(f)).map((field) => ({
    field,
    header: understood.columns.find((c) => c.field === field)?.header ?? field,
    format: 'iso',
    from: 'default',
  }));
}

/**
 * Reads the objects of one JSON or NDJSON file: with a JSON preset (asked for, or recognised from
 * the first object's keys) each object becomes a row of its key paths' values and goes through the
 * preset's record mapper like a CSV row; else its keys are the canonical field names.
 */
function jsonObjectReader(name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions) {
  const countValues = options.countValues === true;
  const values = new Array<unknown>(TICKET_FIELDS.length);
  const present = new Set<TicketField>();
  const keys = countValues ? new KeyCounter() : undefined;
  let preset: { dialect: Dialect; labels: string[]; mapper: ReturnType<typeof recordMapper>; columns: FieldColumns } | undefined;
  let counter: ValueCounter | undefined;
  const keysSeen = new Set<string>();
  let decided = false;

  const decide = (first: Record<string, unknown>): void => {
    decided = true;
    let chosen = options.preset === undefined ? undefined : PRESETS[options.preset];
    if (chosen === undefined) {
      const matching = presetsMatchingKeys(Object.keys(first));
      if (matching.length > 1) {
        throw new UsageError(`${name}: the first record's keys fit the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
      }
      chosen = matching[0];
      if (chosen === undefined) return;
      ingest.notice(`${name}: read as ${/^[aeiou]/i.test(chosen.title) ? 'an' : 'a'} ${chosen.title} (preset ${chosen.name}, recognised from the keys of the first record)`);
      understood.preset = { name: chosen.name, title: chosen.title, from: 'keys' };
    } else {
      understood.preset = { name: chosen.name, title: chosen.title, from: 'option' };
    }
    const dialect = chosen.dialect;
    const labels = [...new Set([...Object.values(dialect.columns), ...Object.values(dialect.afterCreated).map((d) => d.header)])];
    const columns = fieldColumns(labels, dialect);
    if (typeof columns === 'string') throw new Error(`preset ${chosen.name}: ${columns}`);
    ingest.fieldsPresent(columns.present);
    understood.columns = describeColumns(labels, columns.column, columns.durationColumn, dialect);
    understood.dateFormats = TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0).map((field) => ({
      field,
      header: labels[columns.column[FIELD_INDEX[field]]!]!,
      format: 'iso',
      from: 'default',
    }));
    if (countValues) counter = new ValueCounter(labels.length, dialect.sentinels);
    preset = { dialect, labels, columns, mapper: recordMapper(dialect, columns, {}, ingest.readLocal) };
  };

  const add = (item: unknown, line: number, notObject: string): void => {
    if (!isPlainObject(item)) {
      ingest.malformed(file, line, notObject);
      return;
    }
    if (!decided) decide(item);
    if (preset === undefined) {
      keys?.add(item);
      alignObject(item, values, present);
      ingest.record(file, line, values, IDENTITY_COLUMNS);
      return;
    }
    const { dialect, labels } = preset;
    if (countValues) for (const key of Object.keys(item)) keysSeen.add(key);
    const row = labels.map((label) => {
      const derived = dialect.derived?.[label];
      return cellText(derived === undefined ? valueAt(item, label) : derived.value(item), dialect.tagSeparator);
    });
    counter?.add(row);
    const problem = preset.mapper(row, values);
    if (problem === null) ingest.record(file, line, values, IDENTITY_COLUMNS);
    else ingest.unmappable(file, line, problem);
  };

  const finish = (): void => {
    if (preset === undefined) {
      ingest.fieldsPresent(present);
      describeJson(understood, present, keys);
      return;
    }
    counter?.writeInto(understood.columns);
    // The object's own keys that no key path reads: ignored (counted only for inspect).
    const { dialect, labels } = preset;
    const read = new Set(labels.flatMap((label) => dialect.derived?.[label]?.reads ?? [label]).map((path) => path.split('.')[0]!));
    for (const key of keysSeen) {
      if (!read.has(key)) understood.columns.push({ header: key, field: null, as: null, blank: null, sentinel: null, rejected: 0 });
    }
  };

  return { add, finish };
}

/** A JSON document's records: an array, or an API page a JSON preset knows (the one asked for, else any). */
function recordsOf(data: unknown, name: string, options: ReadOptions): unknown[] {
  if (Array.isArray(data)) return data;
  if (isPlainObject(data)) {
    const asked = options.preset === undefined ? undefined : PRESETS[options.preset];
    const candidates = asked !== undefined ? [asked] : Object.values(PRESETS);
    for (const preset of candidates) {
      const records = preset.records?.(data);
      if (records !== undefined) return records;
    }
  }
  const found = isPlainObject(data) ? 'an object that is no API page a preset knows' : data === null ? 'null' : typeof data;
  throw new InputError(`${name}: expected a JSON array of ticket objects, found ${found}`);
}

export async function readJsonArray(stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions): Promise<void> {
  const text = await readAll(stream, name);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  const reader = jsonObjectReader(name, file, ingest, understood, options);
  recordsOf(data, name, options).forEach((item, i) => reader.add(item, i + 1, `record ${i + 1} is not an object`));
  reader.finish();
}

export async function readNdjson(stream: Readable, name: string, file: number, ingest: Ingest, understood: FileUnderstanding, options: ReadOptions): Promise<void> {
  const reader = jsonObjectReader(name, file, ingest, understood, options);
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
      reader.add(item, line, 'is not a JSON object');
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
  reader.finish();
}
