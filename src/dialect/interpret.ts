import { InputError, UsageError } from '../errors.js';
import type { PresetName, Presets } from '../presets/index.js';
import type { Preset } from '../presets/types.js';
import { canonicalFieldOf, FIELD_INDEX, REQUIRED_FIELDS, TICKET_FIELDS, TIMESTAMP_FIELDS, type TicketField } from '../schema/fields.js';
import { quote } from '../schema/field-kinds.js';
import type { DateColumnReading } from '../tickets/file-reading.js';
import { parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import { validateTimeZone } from '../time/zone.js';
import type { DatePattern } from './date-pattern.js';
import { dateOrderQuestion, formatName, readsInOtherFormat, type ColumnFormat, type DateFormat, type DateFormatVote } from './dates.js';
import { COMMON_SENTINELS, EMPTY_DIALECT, fieldColumns, headerMatch, withMapping, type ColumnMapping, type Dialect, type FieldColumns } from './dialect.js';

/**
 * What an export's header (a CSV file's first row, a JSON file's first object's keys) means, decided
 * once and shared by the CSV and JSON readers: which preset reads it (asked for, or recognised),
 * with the user's mapping laid over it, which column holds which field, the zones its headers name,
 * and each date column's format. Pure: the readers bring the header and the values, and record what
 * is decided for inspect.
 */

/** What decides how a file is read, beyond its bytes (from the flags and the config). */
export interface Interpreting extends DateFormatsGiven {
  preset?: PresetName;
  mapping?: ColumnMapping;
}

/** A preset reading a file, and how it was chosen: asked for, recognised from a CSV header or a JSON file's first keys. */
export interface PresetChoice {
  preset: Preset;
  from: 'option' | 'header' | 'keys';
}

const fits = (signature: Preset['signature'], has: (name: string) => boolean): boolean =>
  signature.every((wanted) => (typeof wanted === 'string' ? has(wanted) : wanted.some(has)));

/**
 * The CSV presets whose signature headers all appear in `header` (ignoring case and spaces; a `*` in
 * a signature header stands for any text): one, none (`[]`), or several (the caller refuses to guess).
 */
export function presetsMatching(presets: Presets, header: readonly string[]): Preset[] {
  return Object.values(presets).filter((p) => p.format === 'csv' && fits(p.signature, (wanted) => header.some((h) => headerMatch(wanted, h) !== undefined)));
}

/** The JSON presets whose signature keys all appear among a first object's keys (ignoring case, as the keys are read). */
export function presetsMatchingKeys(presets: Presets, keys: readonly string[]): Preset[] {
  const present = new Set(keys.map((key) => key.toLowerCase()));
  return Object.values(presets).filter((p) => p.format === 'json' && fits(p.signature, (key) => present.has(key.toLowerCase())));
}

/** The notice that says which preset was recognised: `export.csv: read as a Zendesk Support CSV export (preset zendesk, recognised from the header)`. */
export function recognisedNotice(name: string, { preset, from }: PresetChoice): string {
  const article = /^[aeiou]/i.test(preset.title) ? 'an' : 'a';
  return `${name}: read as ${article} ${preset.title} (preset ${preset.name}, recognised from ${from === 'keys' ? 'the keys of the first record' : 'the header'})`;
}

/** A CSV preset or a column mapping on a JSON file, or a JSON preset on a CSV file: a usage error saying which presets fit. */
export function refuseMismatch(name: string, format: 'csv' | 'json' | 'ndjson', interpreting: Interpreting, presets: Presets): void {
  const reads = format === 'csv' ? 'csv' : 'json';
  const namesFor = (kind: 'csv' | 'json'): string =>
    Object.values(presets)
      .filter((p) => p.format === kind)
      .map((p) => p.name)
      .join(', ');
  if (interpreting.preset !== undefined && presets[interpreting.preset].format !== reads) {
    const what = reads === 'csv' ? 'JSON and NDJSON API objects' : 'CSV exports';
    throw new UsageError(`${name}: preset ${interpreting.preset} reads ${what}; this file is read as ${format} (presets for ${format === 'csv' ? 'CSV' : 'JSON and NDJSON'}: ${namesFor(reads)})`);
  }
  if (interpreting.mapping !== undefined && reads === 'json') {
    throw new UsageError(`${name}: column mappings (--map, the config's columns and values) read CSV exports; this file is read as ${format}`);
  }
}

/** How a CSV file is read: the preset (if any), and the dialect (undefined: the canonical columns, as they are). */
export interface CsvDialectChoice {
  preset: PresetChoice | undefined;
  dialect: Dialect | undefined;
}

/** The dialect for a CSV file: the preset asked for, one recognised from the header, or none (canonical); the user's mapping on top. */
export function chooseCsvDialect(header: readonly string[], name: string, interpreting: Interpreting, presets: Presets): CsvDialectChoice {
  let preset: PresetChoice | undefined = interpreting.preset === undefined ? undefined : { preset: presets[interpreting.preset], from: 'option' };
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const canonical = names.has('id') && names.has('created_at');
  if (preset === undefined && !canonical) {
    const matching = presetsMatching(presets, header);
    if (matching.length > 1) {
      throw new UsageError(`${name}: the header fits the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
    }
    if (matching[0] !== undefined) preset = { preset: matching[0], from: 'header' };
  }
  if (preset === undefined && interpreting.mapping === undefined) return { preset, dialect: undefined };
  const base = preset?.preset.dialect ?? { ...EMPTY_DIALECT, sentinels: COMMON_SENTINELS };
  return { preset, dialect: interpreting.mapping === undefined ? base : withMapping(base, interpreting.mapping) };
}

/** The JSON preset for a file: the one asked for, else the one its first object's keys fit (none: canonical keys). */
export function chooseJsonPreset(keys: readonly string[], name: string, interpreting: Interpreting, presets: Presets): PresetChoice | undefined {
  if (interpreting.preset !== undefined) return { preset: presets[interpreting.preset], from: 'option' };
  const matching = presetsMatchingKeys(presets, keys);
  if (matching.length > 1) {
    throw new UsageError(`${name}: the first record's keys fit the presets ${matching.map((p) => p.name).join(' and ')}; choose one with --preset`);
  }
  return matching[0] === undefined ? undefined : { preset: matching[0], from: 'keys' };
}

/** A header's column names for a message: quoted, each cut when long, and no more than the first 20. */
export function columnList(header: readonly string[]): string {
  if (header.length === 0) return 'none';
  const shown = header.slice(0, 20).map((h) => quote(h));
  return header.length > 20 ? `${shown.join(', ')} and ${header.length - 20} more` : shown.join(', ');
}

/** The canonical columns of a header; a file without the id or created_at column cannot hold tickets. `at`: `tickets.csv:1`. */
export function canonicalColumns(header: readonly string[], at: string): { column: Int32Array; present: TicketField[] } {
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

/** A dialect's columns in this header; a file without the id or created_at column cannot be read. */
export function mappedColumns(header: readonly string[], at: string, dialect: Dialect): FieldColumns {
  const columns = fieldColumns(header, dialect);
  if (typeof columns === 'string') throw new InputError(`${at}: ${columns}`);
  const missing = REQUIRED_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! < 0);
  if (missing.length > 0) {
    const wanted = missing.map((f) => `${f} (${dialect.joined?.[f]?.map((h) => `"${h}"`).join(' + ') ?? `"${dialect.columns[f] ?? f}"`})`).join(' or ');
    throw new InputError(`${at}: no column for ${wanted} (columns found: ${columnList(header)})`);
  }
  return columns;
}

/**
 * The zone each timestamp column's header names, when the dialect says its `*` is one (Intercom's
 * `Conversation started at (America/New_York)`). A header naming no zone is an input error.
 */
export function zonesInHeader(at: string, header: readonly string[], columns: FieldColumns, dialect: Dialect): Partial<Record<TicketField, string>> {
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

/** Says which columns are read in a zone their header names rather than in --input-tz (undefined: none). */
export function headerZonesNotice(name: string, zones: Partial<Record<TicketField, string>>, inputZone: string): string | undefined {
  const fieldsByZone = new Map<string, TicketField[]>();
  for (const [field, zone] of Object.entries(zones) as [TicketField, string][]) fieldsByZone.set(zone, [...(fieldsByZone.get(zone) ?? []), field]);
  const parts = [...fieldsByZone].map(([zone, fields]) => `${fields.join(', ')} in ${zone}`);
  return parts.length === 0 ? undefined : `${name}: dates without an offset read in the zone their header names (not ${inputZone}): ${parts.join('; ')}`;
}

/**
 * Whether a canonical record holds a timestamp that is not ISO 8601 but reads in another format
 * (29/02/2016 01:16): then that format is in use. A value no format reads is left to the validator.
 */
export function hasOtherDateFormat(record: readonly string[], column: Int32Array, readLocal: ReadWallTime): boolean {
  return TIMESTAMP_FIELDS.some((field) => {
    const raw = record[column[FIELD_INDEX[field]]!]?.trim();
    return raw !== undefined && raw !== '' && Number.isNaN(parseTimestamp(raw, readLocal)) && readsInOtherFormat(raw);
  });
}

/** Each date column's format, as decided, with what inspect says of it and the notices for stderr. */
export interface DateFormatsDecided {
  formats: Partial<Record<TicketField, ColumnFormat>>;
  readings: DateColumnReading[];
  notices: string[];
}

/** What the user said of date formats: a day/month order or a pattern for every column (--date-format), and patterns per column (the config's dateFormats). */
export interface DateFormatsGiven {
  dateFormat?: 'DMY' | 'MDY' | DatePattern;
  dateFormats?: Partial<Record<TicketField, DatePattern>>;
  /** The pattern the preset's export writes dates in (Jira), when the user gave no --date-format. */
  presetPattern?: DatePattern;
}

/** The pattern a column is read with: its own (config), else --date-format's, else the preset's (unless --date-format gave an order). */
export function patternFor(field: TicketField, given: DateFormatsGiven): { pattern: DatePattern; from: 'config' | 'option' | 'preset' } | undefined {
  const own = given.dateFormats?.[field];
  if (own !== undefined) return { pattern: own, from: 'config' };
  if (typeof given.dateFormat === 'object') return { pattern: given.dateFormat, from: 'option' };
  return given.dateFormat === undefined && given.presetPattern !== undefined ? { pattern: given.presetPattern, from: 'preset' } : undefined;
}

/**
 * Each date column's format: a pattern the user gave for it; else from the votes of all its
 * values (a first pass over the file), or, for an input read once (`votes` undefined: standard
 * input, a pipe), --date-format, else ISO 8601. When the values cannot settle day-first vs
 * month-first, --date-format must, or the run stops. `votes` holds the columns without a pattern.
 */
export function decideDateFormats(
  name: string,
  fields: readonly TicketField[],
  votes: ReadonlyMap<TicketField, DateFormatVote> | undefined,
  given: DateFormatsGiven,
  headerOf: (field: TicketField) => string,
): DateFormatsDecided {
  const formats: Partial<Record<TicketField, ColumnFormat>> = {};
  const readings: DateColumnReading[] = [];
  const notices: string[] = [];
  const described: string[] = [];
  // The column as the export names it: that is what the person sees in the file.
  const columnOf = (field: TicketField): string => {
    const source = headerOf(field).trim();
    return source === field ? field : `${source} (${field})`;
  };
  const dateOrder = typeof given.dateFormat === 'string' ? given.dateFormat : undefined;
  const unpatterned = fields.filter((field) => {
    const pattern = patternFor(field, given);
    if (pattern === undefined) return true;
    formats[field] = pattern.pattern;
    readings.push({ field, header: headerOf(field), format: 'pattern', pattern: pattern.pattern.pattern, from: pattern.from });
    described.push(`${columnOf(field)} as ${JSON.stringify(pattern.pattern.pattern)}`);
    return false;
  });
  if (votes === undefined) {
    if (dateOrder === undefined && unpatterned.length > 0) {
      notices.push(`${name}: read once (standard input or a pipe), so its date columns are read as ISO 8601; give --date-format DMY or MDY for day-first or month-first dates, or a pattern`);
    }
    for (const field of unpatterned) {
      formats[field] = dateOrder ?? 'iso';
      readings.push({ field, header: headerOf(field), format: dateOrder ?? 'iso', from: dateOrder !== undefined ? 'option' : 'default' });
    }
  } else {
    for (const [field, vote] of votes) {
      const verdict = vote.verdict();
      const column = columnOf(field);
      const question = dateOrderQuestion(verdict);
      if (question !== undefined && dateOrder === undefined) {
        throw new UsageError(`${name}: ${column}: ${question}; say which with --date-format DMY or --date-format MDY`);
      }
      const format = question !== undefined ? dateOrder! : (verdict as { format: DateFormat }).format;
      formats[field] = format;
      readings.push({ field, header: headerOf(field), format, from: question !== undefined ? 'option' : 'values' });
      if (format !== 'iso') described.push(`${column} ${formatName(format)}${question !== undefined ? ' (from --date-format)' : ''}`);
      if (verdict.kind === 'mixed') notices.push(`${name}: ${headerOf(field).trim()}: ${verdict.misfits} value(s) fit no single date format; those values are not read (see the summary)`);
    }
  }
  if (described.length > 0) notices.push(`${name}: dates read as ${described.join('; ')}`);
  return { formats, readings, notices };
}

/** The timestamp fields of a file whose dates are ISO 8601 by default (canonical columns, JSON), as inspect describes them. */
export function isoDateFormats(fields: readonly TicketField[], headerOf: (field: TicketField) => string): DateColumnReading[] {
  return fields.map((field) => ({ field, header: headerOf(field), format: 'iso', from: 'default' }));
}
