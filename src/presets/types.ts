import type { Dialect } from '../dialect/dialect.js';
import type { JsonObject } from '../dialect/json-fields.js';

/** A vendor's export, written down once: how to recognise it and how to read it. */
export interface Preset {
  name: string;
  title: string;
  /**
   * What it reads: CSV exports (columns by header), or JSON and NDJSON API objects (columns by key
   * path into each object, see dialect/json-fields.ts).
   */
  format: 'csv' | 'json';
  /**
   * How it is recognised. CSV: headers that all appear in the header row (ignoring case). JSON:
   * keys that all appear in the first object; a list stands for any one of its keys.
   */
  signature: readonly (string | readonly string[])[];
  dialect: Dialect;
  /**
   * JSON only: the records of an API page read as one JSON document (`{"tickets": [...], …}`),
   * undefined when the document is not such a page.
   */
  records?: (page: JsonObject) => unknown[] | undefined;
  /** What a lead should know about this export (shown by `support-metrics presets`, in docs). */
  notes: string;
}
