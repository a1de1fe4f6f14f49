/**
 * How a JSON preset reads nested API objects: a Dialect's column names are then key paths into each
 * object (`via.channel`, `metric_set.reply_time_in_minutes.calendar`; a number indexes an array,
 * `agent_names.0`). What a path cannot say is a named derived key: a small function of the object,
 * with the keys it reads (for inspect). Each object becomes a row of text, one cell per key path, and
 * that row goes through the same recordMapper (value maps, sentinels, units, dates) as a CSV row.
 */

export type JsonObject = Record<string, unknown>;

/** A value a key path cannot reach: computed from the whole object. */
export interface DerivedKey {
  /** The key paths it reads, for inspect. */
  reads: readonly string[];
  value: (object: JsonObject) => unknown;
}

/** An object's value at a key, matched exactly, else ignoring case (`Status` for `status`): exports differ in case, as CSV headers do. */
function keyed(object: JsonObject, key: string): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  for (const own in object) if (own.toLowerCase() === lower && Object.hasOwn(object, own)) return object[own];
  return undefined;
}

/** The value at a dotted key path, each key matched as `keyed` does (undefined when any step is missing). */
export function valueAt(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const step of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(step)) value = value[Number(step)];
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) value = keyed(value as JsonObject, step);
    else return undefined;
  }
  return value;
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The first of these key paths that holds a value (Help Scout's `userUpdatedAt`, else `updatedAt`). */
export function firstOf(...paths: string[]): DerivedKey {
  return { reads: paths, value: (object) => paths.map((p) => valueAt(object, p)).find((v) => !isBlank(v)) };
}

/** The same value in every record (Zendesk Chat's channel). */
export function constant(value: string): DerivedKey {
  return { reads: [], value: () => value };
}

/**
 * A JSON value as the text a CSV cell would hold: blank for null, an array's items joined with
 * `separator` (tags), an object as JSON (which the validator then rejects, quoting it).
 */
export function cellText(value: unknown, separator: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => cellText(item, separator)).filter((t) => t !== '').join(separator);
  return JSON.stringify(value);
}
