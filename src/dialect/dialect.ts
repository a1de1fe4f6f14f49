import { FIELD_INDEX, FIELDS, RECORD_FIELDS, TICKET_FIELDS, TIMESTAMP_FIELDS, type TicketField } from '../schema/fields.js';
import { durationText, MAX_DURATION_SECONDS, type FieldProblem } from '../schema/field-kinds.js';
import type { ReadWallTime } from '../time/timestamp.js';
import { formatName, parseDate, type ColumnFormat } from './dates.js';
import type { DerivedKey } from './json-fields.js';

/**
 * How one export's columns and values become canonical tickets: which header holds which field,
 * which values mean what, which values mean "blank", and how dates are written. A preset is a
 * Dialect written down for one vendor's export; --map and the config's `columns` and `values` make
 * one for anything else. The canonical export needs none (its fast path skips this module).
 */
export interface Dialect {
  /**
   * Canonical field → the header that holds it (matched ignoring case and surrounding spaces). A `*`
   * stands for any text (`Conversation started at (*)`): for exports that write more than the
   * column's name into its header; see `zoneInHeader`.
   */
  columns: Partial<Record<TicketField, string>>;
  /**
   * Canonical field → the headers whose texts, joined by a space, make its value: a date column
   * and a time column (`--map created_at=Date+Time`). Over `columns` for that field.
   */
  joined?: Partial<Record<TicketField, readonly string[]>>;
  /**
   * A header written several times is normal in this export (Jira's `Labels`, `Labels`, …): tags
   * are read from all its columns, as one list; any other field from the first. Else a mapped
   * header written twice is refused (which one holds the field is not for the reader to guess).
   */
  repeatedHeaders?: boolean;
  /**
   * The pattern the export writes dates in (Jira: `dd/MMM/yy h:mm a`), read unless the user gives
   * a format; an ISO 8601 value is read as such.
   */
  datePattern?: string;
  /** Canonical field → raw value (lower-cased, trimmed) → canonical value. Unlisted values pass through. */
  values: Partial<Record<TicketField, Record<string, string | number | boolean>>>;
  /** Values that mean "no value" in any column (compared ignoring case), e.g. `?`, `-`, `1900-01-01 00:00:00`. */
  sentinels: readonly string[];
  /** What separates tags inside one field. */
  tagSeparator: string;
  /**
   * Fields given as a duration after created_at (a header and its unit), used when the timestamp
   * itself is absent: Zendesk's `First reply time in minutes`, Intercom's `First response time (seconds)`.
   */
  afterCreated: Partial<Record<TicketField, AfterCreated>>;
  /**
   * The text a timestamp column's `*` stands for is the IANA zone its values without an offset are
   * written in (Intercom: `Conversation started at (America/New_York)`): it overrides --input-tz
   * for that column only.
   */
  zoneInHeader?: boolean;
  /**
   * Numbers are written with a decimal comma (`1,5`): the reader sets it for `;`-separated files,
   * as Excel writes them where the decimal mark is a comma. Else a comma in a number is an error.
   */
  decimalComma?: boolean;
  /** Number fields written in another unit than seconds: seconds per unit (60 for minutes). */
  secondsPerUnit?: Partial<Record<TicketField, number>>;
  /**
   * JSON presets only (their `columns` and `afterCreated` headers are key paths, see
   * json-fields.ts): keys computed from the object where a path cannot say it, by the name the
   * columns use for them (`assignee (email, else first last)`).
   */
  derived?: Readonly<Record<string, DerivedKey>>;
}

/** A duration column standing in for a timestamp: created_at + the duration. */
export interface AfterCreated {
  header: string;
  unit: DurationUnit;
}

export type DurationUnit = 'minutes' | 'seconds';
const SECONDS_PER_UNIT: Record<DurationUnit, number> = { minutes: 60, seconds: 1 };

/**
 * A duration written in some unit, in seconds; or the problem with it: not a number ≥ 0, or more
 * than 100 years (`99999999999999` minutes, `Infinity`, `1e300`: one bad value, rejected with its
 * record, never a date that cannot be written).
 */
function durationSeconds(field: TicketField, raw: string, text: string, secondsPerUnit: number, expected: string): number | FieldProblem {
  // `27:15:00` says its own unit (hours may pass 24): read as h:mm:ss or m:ss, whatever the column's unit.
  const seconds = text.includes(':') ? durationText(text) : Number(text) * secondsPerUnit;
  if (!(seconds >= 0) || !Number.isFinite(seconds)) return { field, code: 'invalid_value', message: `"${raw}" is not ${expected}` };
  if (seconds > MAX_DURATION_SECONDS) return { field, code: 'invalid_value', message: `"${raw}" is more than 100 years` };
  return seconds;
}

/**
 * A user's own mapping (--map, the config's columns and values), laid over a preset or the
 * canonical names: a field's header, or the headers whose texts are joined (a date and a time).
 */
export interface ColumnMapping {
  columns: Partial<Record<TicketField, string | readonly string[]>>;
  values: Partial<Record<TicketField, Record<string, string | number | boolean>>>;
}

/** `base` with `mapping` on top: the mapping's headers and value maps win. */
export function withMapping(base: Dialect, mapping: ColumnMapping): Dialect {
  const values = { ...base.values };
  for (const [field, table] of Object.entries(mapping.values)) values[field as TicketField] = { ...values[field as TicketField], ...table };
  const columns = { ...base.columns };
  const joined = { ...base.joined };
  for (const [field, header] of Object.entries(mapping.columns) as [TicketField, string | readonly string[]][]) {
    if (typeof header === 'string' || header.length === 1) {
      columns[field] = typeof header === 'string' ? header : header[0]!;
      delete joined[field];
    } else {
      joined[field] = header;
      delete columns[field];
    }
  }
  return { ...base, columns, joined, values };
}

export const EMPTY_DIALECT: Dialect = { columns: {}, values: {}, sentinels: [], tagSeparator: ',', afterCreated: {} };

/** The dates exports write for "no date" (1900-01-01) and for "never" (9999-12-31), as each date format writes them. */
const PLACEHOLDER_DATES = [
  ...['1900-01-01'].flatMap((date) => [date, `${date} 00:00`, `${date} 00:00:00`]),
  ...['9999-12-31', '31/12/9999', '12/31/9999', '31.12.9999', '31-12-9999'].flatMap((date) => [
    date,
    `${date} 00:00`,
    `${date} 00:00:00`,
    `${date} 23:59`,
    `${date} 23:59:59`,
  ]),
  '9999-12-31T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
];

/** The sentinels every dialect knows (the canonical export does not use any). */
export const COMMON_SENTINELS = ['-', '?', 'N/A', ...PLACEHOLDER_DATES];

export { TIMESTAMP_FIELDS };

/**
 * A decimal-comma number with a decimal point: `1,5` → `1.5`, `1.234,5` → `1234.5` (Excel's
 * thousands grouping, recognisable by the comma after it). Anything else is left for the
 * validator to accept or reject as written.
 */
export function withDecimalPoint(text: string): string {
  if (/^\d+,\d+$/.test(text)) return text.replace(',', '.');
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) return text.replaceAll('.', '').replace(',', '.');
  return text;
}

const normalise = (header: string): string => header.trim().toLowerCase();

/**
 * Whether a header fits a dialect's column name, ignoring case and surrounding spaces: undefined
 * when not, else the text its `*` stands for (trimmed; '' for a name without `*`).
 */
export function headerMatch(name: string, header: string): string | undefined {
  if (!name.includes('*')) return normalise(name) === normalise(header) ? '' : undefined;
  const pattern = name
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+?)');
  const match = new RegExp(`^${pattern}$`, 'i').exec(header.trim());
  return match === null ? undefined : (match[1] ?? '').trim();
}

export interface FieldColumns {
  /** Canonical field index → column index, -1 when absent. */
  column: Int32Array;
  /** Canonical field index → column index of a duration after created_at, -1 when none. */
  durationColumn: Int32Array;
  /** Fields whose column was found by a `*` name: the text the `*` stood for in the header. */
  wildcard: Partial<Record<TicketField, string>>;
  /**
   * Canonical field index → the columns whose texts are joined, and with what: a date and a time
   * (a space), a tag list written over repeated columns (the tag separator); `column` holds the first.
   */
  joined: ({ readonly columns: readonly number[]; readonly separator: string } | undefined)[];
  present: TicketField[];
}

/**
 * Finds each field's column. A field named by the dialect is looked up by that header; any other
 * field by its canonical name. Returns the problem (a header missing or named twice) as text.
 */
export function fieldColumns(header: readonly string[], dialect: Dialect): FieldColumns | string {
  const index = new Map<string, number>();
  /** The columns of a header written several times (repeatedHeaders), by normalised name. */
  const repeats = new Map<string, number[]>();
  const names = [...Object.values(dialect.columns), ...Object.values(dialect.joined ?? {}).flat()];
  for (const [c, title] of header.entries()) {
    const key = normalise(title);
    if (index.has(key)) {
      const mapped = names.some((h) => !h.includes('*') && normalise(h) === key) || TICKET_FIELDS.includes(key as TicketField);
      if (mapped && dialect.repeatedHeaders !== true) return `column "${title.trim()}" appears twice (columns ${index.get(key)! + 1} and ${c + 1})`;
      if (!repeats.has(key)) repeats.set(key, [index.get(key)!]);
      repeats.get(key)!.push(c);
      continue;
    }
    index.set(key, c);
  }
  const column = new Int32Array(TICKET_FIELDS.length).fill(-1);
  const durationColumn = new Int32Array(TICKET_FIELDS.length).fill(-1);
  const wildcard: Partial<Record<TicketField, string>> = {};
  const joined: FieldColumns['joined'] = new Array(TICKET_FIELDS.length);
  const present: TicketField[] = [];
  // A header the dialect names for a field is that field's, never also another's by its canonical name.
  const named = new Set(names.map(normalise));
  for (const field of TICKET_FIELDS) {
    const wanted = dialect.columns[field] ?? field;
    const parts = dialect.joined?.[field];
    let c: number | undefined;
    if (dialect.columns[field] === undefined && parts === undefined && named.has(normalise(field))) continue;
    if (parts !== undefined) {
      const found = parts.map((part) => index.get(normalise(part)));
      if (found.every((i) => i !== undefined)) {
        joined[FIELD_INDEX[field]] = { columns: found, separator: ' ' };
        c = found[0];
      }
    } else if (wanted.includes('*')) {
      const found = header.flatMap((title, i) => {
        const text = headerMatch(wanted, title);
        return text === undefined ? [] : [{ i, text }];
      });
      if (found.length > 1) return `columns "${header[found[0]!.i]!.trim()}" and "${header[found[1]!.i]!.trim()}" both fit "${wanted}" (columns ${found[0]!.i + 1} and ${found[1]!.i + 1})`;
      if (found.length === 1) {
        c = found[0]!.i;
        wildcard[field] = found[0]!.text;
      }
    } else {
      c = index.get(normalise(wanted));
      const all = field === 'tags' ? repeats.get(normalise(wanted)) : undefined;
      if (all !== undefined) joined[FIELD_INDEX[field]] = { columns: all, separator: dialect.tagSeparator };
    }
    if (c !== undefined) {
      column[FIELD_INDEX[field]] = c;
      present.push(field);
    }
    const duration = dialect.afterCreated[field];
    const d = duration === undefined ? undefined : index.get(normalise(duration.header));
    if (d !== undefined) {
      durationColumn[FIELD_INDEX[field]] = d;
      if (c === undefined) present.push(field);
    }
  }
  return { column, durationColumn, wildcard, joined, present };
}

/** The text of field `f` in a record: its column's, trimmed, or its columns' joined (blanks left out); undefined when absent. */
export function fieldText(record: readonly string[], columns: FieldColumns, f: number): string | undefined {
  const joined = columns.joined[f];
  if (joined === undefined) {
    const c = columns.column[f]!;
    return c < 0 ? undefined : record[c]?.trim();
  }
  let text = '';
  for (const c of joined.columns) {
    const part = record[c]?.trim() ?? '';
    if (part !== '') text = text === '' ? part : `${text}${joined.separator}${part}`;
  }
  return text;
}

/** The fields whose values are numbers (a decimal comma is read as a point in them). */
const NUMBER_FIELDS: readonly TicketField[] = FIELDS.filter((f) => ['satisfaction', 'score', 'count', 'seconds'].includes(f.kind)).map((f) => f.name);
/** By field index (TICKET_FIELDS): whether it is a timestamp, a number (looked up per field and record, not searched for). */
const IS_TIMESTAMP = TICKET_FIELDS.map((field) => TIMESTAMP_FIELDS.includes(field));
const IS_NUMBER = TICKET_FIELDS.map((field) => NUMBER_FIELDS.includes(field));

/** A mapper: one raw record into canonical values (aligned to TICKET_FIELDS); the problem that rejects it, else null. */
export type RecordMapper = (record: readonly string[], out: unknown[], aside: FieldProblem[]) => FieldProblem | null;

/**
 * Builds the function that turns one raw record into canonical values (aligned to TICKET_FIELDS)
 * or the problem that rejects it. Timestamps are read in their column's format and handed on as
 * epoch ms (read once: the validator takes them as they are). A value of a field outside
 * RECORD_FIELDS that cannot be read is set aside: left blank, its problem added to `aside`.
 */
export function recordMapper(
  dialect: Dialect,
  columns: FieldColumns,
  dateFormats: Partial<Record<TicketField, ColumnFormat>>,
  readLocal: ReadWallTime,
  /** Timestamp fields read in another zone than `readLocal`'s (a zone named in their header). */
  zoneReaders: Partial<Record<TicketField, ReadWallTime>> = {},
): RecordMapper {
  const sentinels = new Set(dialect.sentinels.map(normalise));
  const valueMaps = new Map<TicketField, Map<string, string | number | boolean>>(
    Object.entries(dialect.values).map(([field, map]) => [field as TicketField, new Map(Object.entries(map).map(([k, v]) => [normalise(k), v]))]),
  );
  const number = dialect.decimalComma === true ? withDecimalPoint : (raw: string): string => raw;
  const epochOf = (field: TicketField, raw: string): number | FieldProblem => {
    const format = dateFormats[field] ?? 'iso';
    const reader = zoneReaders[field] ?? readLocal;
    let epoch = parseDate(raw, format, reader);
    // ISO 8601 is never ambiguous: an ISO value is read as such whatever the column's format.
    if (Number.isNaN(epoch) && format !== 'iso') epoch = parseDate(raw, 'iso', reader);
    if (Number.isNaN(epoch)) {
      return { field, code: 'invalid_timestamp', message: `"${raw}" is not a date in this column's format (${formatName(format)}; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')` };
    }
    return epoch;
  };
  /** The problem, when it rejects the record; else null, the value set aside. */
  const fail = (problem: FieldProblem, aside: FieldProblem[]): FieldProblem | null => {
    if (problem.field !== null && !RECORD_FIELDS.includes(problem.field)) {
      aside.push(problem);
      return null;
    }
    return problem;
  };
  return (record, out, aside) => {
    out.fill(undefined);
    aside.length = 0;
    for (let f = 0; f < TICKET_FIELDS.length; f++) {
      const field = TICKET_FIELDS[f]!;
      const raw = fieldText(record, columns, f);
      if (raw === undefined || raw === '') continue;
      // Lower-cased once, for the sentinels and the value map.
      const lower = raw.toLowerCase();
      if (sentinels.has(lower)) continue;
      const mapped = valueMaps.get(field)?.get(lower);
      if (mapped !== undefined) {
        // A timestamp is handed on as epoch ms once read: a value mapped into one is text, read by the validator.
        out[f] = mapped === '' ? undefined : IS_TIMESTAMP[f] ? String(mapped) : mapped;
        continue;
      }
      if (IS_TIMESTAMP[f]) {
        const epoch = epochOf(field, raw);
        if (typeof epoch === 'number') out[f] = epoch;
        else if (fail(epoch, aside) !== null) return epoch;
      } else if (field === 'tags' && dialect.tagSeparator !== ',') {
        out[f] = raw.split(dialect.tagSeparator);
      } else if (dialect.secondsPerUnit?.[field] !== undefined) {
        const seconds = durationSeconds(field, raw, number(raw), dialect.secondsPerUnit[field], 'a number ≥ 0 or h:mm:ss');
        if (typeof seconds === 'number') out[f] = seconds;
        else if (fail(seconds, aside) !== null) return seconds;
      } else if (IS_NUMBER[f]) {
        out[f] = number(raw);
      } else {
        out[f] = raw;
      }
    }
    // Durations standing in for a missing timestamp: created_at + the duration.
    for (let f = 0; f < TICKET_FIELDS.length; f++) {
      const d = columns.durationColumn[f]!;
      if (d < 0 || out[f] !== undefined) continue;
      const raw = record[d]?.trim() ?? '';
      if (raw === '' || sentinels.has(raw.toLowerCase()) || out[FIELD_INDEX.created_at] === undefined) continue;
      const field = TICKET_FIELDS[f]!;
      const unit = dialect.afterCreated[field]!.unit;
      const seconds = durationSeconds(field, raw, number(raw), SECONDS_PER_UNIT[unit], `a number of ${unit} ≥ 0, or h:mm:ss`);
      if (typeof seconds !== 'number') {
        if (fail(seconds, aside) !== null) return seconds;
        continue;
      }
      // created_at as read (epoch ms), or as a value map gave it (text).
      const created = out[FIELD_INDEX.created_at];
      const base = typeof created === 'number' ? created : Date.parse(String(created));
      if (!Number.isNaN(base)) out[f] = base + Math.round(seconds * 1000);
    }
    return null;
  };
}
