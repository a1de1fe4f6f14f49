import type { Dialect, FieldColumns } from '../dialect/dialect.js';
import { canonicalFieldOf, TICKET_FIELDS } from '../schema/fields.js';
import type { ColumnReading } from '../tickets/file-reading.js';

/** What the CSV and JSON readers share about columns: their description for inspect, and value counts. */

/** Records already in canonical field order: `values[f]` holds field f. */
export const IDENTITY_COLUMNS = Int32Array.from(TICKET_FIELDS, (_, i) => i);

/**
 * Each header column with the field it feeds (null: ignored): its value, the columns joined into
 * it (a date and a time), or a dialect's duration after created_at.
 */
export function describeColumns(
  header: readonly string[],
  found: Pick<FieldColumns, 'column' | 'joined'> & { durationColumn: Int32Array | undefined },
  dialect?: Dialect,
): ColumnReading[] {
  const { column, durationColumn, joined } = found;
  const columns: ColumnReading[] = header.map((title) => ({ header: title, field: null, as: null, blank: null, sentinel: null, rejected: 0, setAside: 0 }));
  for (let f = 0; f < TICKET_FIELDS.length; f++) {
    for (const c of joined[f]?.columns ?? [column[f]!]) if (c >= 0) Object.assign(columns[c]!, { field: TICKET_FIELDS[f]!, as: 'value' });
    const d = durationColumn?.[f] ?? -1;
    const unit = dialect?.afterCreated[TICKET_FIELDS[f]!]?.unit;
    if (d >= 0 && unit !== undefined && columns[d]!.field === null) Object.assign(columns[d]!, { field: TICKET_FIELDS[f]!, as: `${unit} after created_at` });
  }
  return columns;
}

/** A ValueCounter's counts per column: blank values, sentinels. */
export interface ValueCounts {
  blank: Float64Array;
  sentinel: Float64Array;
}

/** Blank and sentinel values per CSV column, over the records that have the header's number of fields. */
export class ValueCounter {
  private readonly blank: Float64Array;
  private readonly sentinel: Float64Array;
  private readonly sentinels: Set<string>;

  constructor(width: number, sentinels: readonly string[]) {
    this.blank = new Float64Array(width);
    this.sentinel = new Float64Array(width);
    this.sentinels = new Set(sentinels.map((v) => v.trim().toLowerCase()));
  }

  add(record: readonly string[]): void {
    for (let c = 0; c < record.length; c++) {
      const raw = record[c]!.trim();
      if (raw === '') this.blank[c]!++;
      else if (this.sentinels.size > 0 && this.sentinels.has(raw.toLowerCase())) this.sentinel[c]!++;
    }
  }

  /** The counts so far, per column (for the counter of the file's first part, see addCounts). */
  counts(): ValueCounts {
    return { blank: this.blank, sentinel: this.sentinel };
  }

  /** Adds another counter's counts of the same columns (a part of the file read by another thread). */
  addCounts(counts: ValueCounts): void {
    counts.blank.forEach((n, c) => (this.blank[c]! += n));
    counts.sentinel.forEach((n, c) => (this.sentinel[c]! += n));
  }

  writeInto(columns: ColumnReading[]): void {
    columns.forEach((column, c) => {
      column.blank = this.blank[c] ?? 0;
      column.sentinel = this.sentinel[c] ?? 0;
    });
  }
}

/** A KeyCounter's counts as plain data: the objects, and each key in first-seen order. */
export interface KeyCounts {
  objects: number;
  keys: { key: string; present: number; blank: number }[];
}

/** A JSON file's keys in first-seen order, with their blank values (null, "", or absent), for inspect. */
export class KeyCounter {
  private readonly keys = new Map<string, { present: number; blank: number }>();
  private objects = 0;

  /** The counts so far (for the counter of the file's first part, see addCounts). */
  counts(): KeyCounts {
    return { objects: this.objects, keys: [...this.keys].map(([key, { present, blank }]) => ({ key, present, blank })) };
  }

  /** Adds the counts of the objects that come after these (a part of the file read by another thread). */
  addCounts(counts: KeyCounts): void {
    this.objects += counts.objects;
    for (const { key, present, blank } of counts.keys) {
      const seen = this.seen(key);
      seen.present += present;
      seen.blank += blank;
    }
  }

  /** A key's counts, made at its first sight. */
  private seen(key: string): { present: number; blank: number } {
    let seen = this.keys.get(key);
    if (seen === undefined) this.keys.set(key, (seen = { present: 0, blank: 0 }));
    return seen;
  }

  add(object: Record<string, unknown>): void {
    this.objects++;
    for (const [key, value] of Object.entries(object)) {
      const seen = this.seen(key);
      seen.present++;
      if (value === null || (typeof value === 'string' && value.trim() === '')) seen.blank++;
    }
  }

  columns(): ColumnReading[] {
    return [...this.keys].map(([key, seen]) => {
      const field = canonicalFieldOf(key) ?? null;
      return { header: key, field, as: field === null ? null : 'value', blank: seen.blank + this.objects - seen.present, sentinel: 0, rejected: 0, setAside: 0 };
    });
  }
}
