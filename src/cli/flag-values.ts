import { DATE_ORDER_CHOICES } from '../dialect/date-orders.js';
import { compileDatePattern, DatePatternError, looksLikeDatePattern, type DatePattern } from '../dialect/date-pattern.js';
import { UsageError } from '../errors.js';
import { delimiterFromFlag, type Delimiter } from '../io/input-formats.js';
import { MAX_RECORD_SIZE_LIMIT } from '../io/read-limits.js';
import { conditionValue } from '../schema/statuses.js';
import { fieldOfWhereKey, WHERE_KEYS, type TicketCondition, type WhereKey } from '../tickets/conditions.js';
import { parseDuration } from '../config/duration.js';
import { parseServiceLevel } from '../engine/erlang.js';
import { didYouMean } from './suggest.js';

/**
 * How a flag's text becomes its value: small functions that return the value or throw a
 * FlagValueError saying what is wrong with it (the flag's name is put in front by the caller).
 * Plain functions, not a schema library, so that --help and a report load nothing they do not use.
 */

export class FlagValueError extends Error {}

/** The value as given (commander has checked choices). */
export const text = (value: string): string => value;

/** A name that must not be empty. */
export function nonEmpty(value: string): string {
  if (value === '') throw new FlagValueError('give a value, not an empty text');
  return value;
}

/** One of `values` (for flags whose choices commander does not check, and for programmatic use). */
export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new FlagValueError(`${JSON.stringify(value)} is not one of ${values.join(', ')}`);
    return value as T;
  };

const repeated = (list: readonly string[]): string | undefined => list.find((item, i) => list.indexOf(item) !== i);

/** `a,b , c` → [a, b, c]: blank items dropped, each checked by `item`, none twice (`what` names them in the message). */
export const commaList =
  <T extends string>(item: (value: string) => T, what: string) =>
  (value: string): T[] => {
    const list = value
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map(item);
    const twice = repeated(list);
    if (twice !== undefined) throw new FlagValueError(`names ${what} "${twice}" twice`);
    return list;
  };

/** `text` split on `separator` where it is not inside double quotes (the quotes kept); undefined when a quote is left open. */
function splitOutsideQuotes(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted) return undefined;
  parts.push(text.slice(start));
  return parts;
}

/** A header as written in --map: trimmed, and when in double quotes, without them (`""` is a quote). */
function unquoted(text: string): string {
  const trimmed = text.trim();
  return /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed;
}

/**
 * --map: `field=Header,field="Header, with a comma",created_at=Date+Time`; each field once. A
 * header in double quotes may hold commas, `=` and `+` (`""` is a quote); `A+B` joins the texts of
 * two columns with a space (a date and a time).
 */
export const fieldMap =
  <F extends string>(fields: readonly F[]) =>
  (value: string): Partial<Record<F, string | string[]>> => {
    const map: Partial<Record<F, string | string[]>> = {};
    const pairs = splitOutsideQuotes(value, ',');
    if (pairs === undefined) throw new FlagValueError(`a double quote is left open in ${JSON.stringify(value)}`);
    for (const pair of pairs.map((p) => p.trim()).filter((p) => p !== '')) {
      const at = pair.indexOf('=');
      const field = pair.slice(0, at < 0 ? undefined : at).trim();
      if (!(fields as readonly string[]).includes(field)) {
        throw new FlagValueError(`"${field}" is not a ticket field${didYouMean(field, fields)}; write field=Header, e.g. created_at="Opened On"`);
      }
      const headers = (splitOutsideQuotes(at < 0 ? '' : pair.slice(at + 1), '+') ?? []).map(unquoted);
      if (headers.every((h) => h === '')) throw new FlagValueError(`${field}: no header after "=" (write ${field}=Header)`);
      if (headers.some((h) => h === '')) throw new FlagValueError(`${field}: a header is missing around "+" (write ${field}=Date+Time)`);
      const earlier = map[field as F];
      const shown = (h: string | string[]): string => (typeof h === 'string' ? h : h.join('+'));
      if (earlier !== undefined) throw new FlagValueError(`${field} is given twice ("${shown(earlier)}" and "${headers.join('+')}"); a field reads one column`);
      map[field as F] = headers.length === 1 ? headers[0]! : headers;
    }
    return map;
  };

/**
 * --resolved-when, --responded-when: `field=value[,value…]` on a text field of the event
 * (`activity=6`, `status=Closed,Resolved`); a value in double quotes may hold commas.
 */
export const eventCondition =
  <F extends string>(fields: readonly F[]) =>
  (value: string): { field: F; values: string[] } => {
    const { key, values } = keyValues(value, fields, {
      notAKey: (field) => `"${field}" is not a text field of the events${didYouMean(field, fields)}; write field=value, e.g. activity=6 or status=Closed,Resolved (fields: ${fields.join(', ')})`,
      noValue: (field) => `${field}: no value after "=" (write ${field}=value, or several: ${field}=a,b)`,
    });
    return { field: key, values };
  };

/**
 * --where: `key=value[,value…]` (`team=Billing,Hosting`, `channel=chat`, `tag=vip`); a value in
 * double quotes may hold commas; `(none)` is a blank value.
 */
export function whereCondition(value: string): TicketCondition {
  const { key, values } = keyValues(value, WHERE_KEYS, {
    notAKey: (key) => `"${key}" is not a field to filter on${didYouMean(key, WHERE_KEYS)}; write key=value[,value…] with one of ${WHERE_KEYS.join(', ')}, e.g. team=Billing,Hosting`,
    noValue: (key) => `${key}: no value after "=" (write ${key}=value, or several: ${key}=a,b; (none) for a blank)`,
  });
  const field = fieldOfWhereKey(key as WhereKey);
  return { field, values: values.map((v) => conditionValue(field, v)) };
}

/** `key=value[,value…]` with a key of `keys`; a value in double quotes may hold commas. The messages say what is wrong. */
function keyValues<K extends string>(value: string, keys: readonly K[], messages: { notAKey: (key: string) => string; noValue: (key: string) => string }): { key: K; values: string[] } {
  const at = value.indexOf('=');
  const key = value.slice(0, at < 0 ? undefined : at).trim();
  if (!(keys as readonly string[]).includes(key)) throw new FlagValueError(messages.notAKey(key));
  const parts = splitOutsideQuotes(at < 0 ? '' : value.slice(at + 1), ',');
  if (parts === undefined) throw new FlagValueError(`a double quote is left open in ${JSON.stringify(value)}`);
  const values = parts.map(unquoted).filter((v) => v !== '');
  if (values.length === 0) throw new FlagValueError(messages.noValue(key));
  return { key: key as K, values };
}

/** --aht: seconds (`180`), or a duration (`3m`, `1m30s`), more than 0; in seconds. */
export function handleTimeFlag(value: string): number {
  const text = value.trim();
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text) / 1000;
  if (!(seconds > 0)) throw new FlagValueError(`${JSON.stringify(value)} is not a handle time: seconds (180) or a duration (3m, 1m30s)`);
  return seconds;
}

/** --max-occupancy: a share from above 0 to 100%: `85%` or `0.85`. */
export function shareFlag(value: string): number {
  const text = value.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  const share = percent !== null ? Number(percent[1]) / 100 : /^\d*\.?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(share > 0 && share <= 1)) throw new FlagValueError(`${JSON.stringify(value)} is not a share above 0 and at most 100% (85% or 0.85)`);
  return share;
}

/** --span: agents per team lead, `8-15` (at least 1, the first not above the second). */
export function spanFlag(value: string): { min: number; max: number } {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value);
  const [min, max] = match === null ? [Number.NaN, Number.NaN] : [Number(match[1]), Number(match[2])];
  if (!(min >= 1 && max >= min)) throw new FlagValueError(`${JSON.stringify(value)} is not a span of agents per lead such as 8-15`);
  return { min, max };
}

/** A number above 0 (--hours-per-fte). */
export function positiveNumber(value: string): number {
  const n = /^\d*\.?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(n > 0)) throw new FlagValueError(`${JSON.stringify(value)} is not a number above 0`);
  return n;
}

/** --service-level: `80/20`, 80% answered within 20 seconds. */
export function serviceLevelFlag(value: string): { share: number; withinSeconds: number } {
  try {
    return parseServiceLevel(value);
  } catch (error) {
    if (error instanceof RangeError) throw new FlagValueError(error.message);
    throw error;
  }
}

/** --date-format: DMY or MDY (any case), or a date pattern (`dd/MMM/yy h:mm a`), compiled once here. */
export function dateFormatFlag(value: string): 'DMY' | 'MDY' | DatePattern {
  const order = DATE_ORDER_CHOICES.find((choice) => choice === value.trim().toUpperCase());
  if (order !== undefined) return order;
  if (!looksLikeDatePattern(value)) {
    throw new FlagValueError(`${JSON.stringify(value)} is not ${DATE_ORDER_CHOICES.join(' or ')} nor a date pattern (write one with Unicode letters: 'dd/MM/yyyy HH:mm', 'dd/MMM/yy h:mm a')`);
  }
  try {
    return compileDatePattern(value);
  } catch (error) {
    if (error instanceof DatePatternError) throw new FlagValueError(error.message);
    throw error;
  }
}

/** --delimiter: `,` `;` `|`, or a tab written as `tab`, `\t` or a tab character. */
export function delimiter(value: string): Delimiter {
  const found = delimiterFromFlag(value);
  if (found === undefined) throw new FlagValueError(`${JSON.stringify(value)} is not one of , ; | tab`);
  return found;
}

/**
 * --max-rejects: a count of records (`50`) or a share of the records read (`2%`, `18.4%`), the
 * share kept as the decimal it was written as (`18.4%` = 184 / 10 per cent), so that comparing
 * it is exact.
 */
export type RejectLimit = { count: number; text: string } | { percent: { units: bigint; scale: bigint }; text: string };

export function rejectLimit(value: string): RejectLimit {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return { count: Number(trimmed), text: trimmed };
  const percent = /^(\d+)(?:\.(\d+))?\s*%$/.exec(trimmed);
  if (percent !== null && Number(`${percent[1]}.${percent[2] ?? ''}`) <= 100) {
    const decimals = percent[2] ?? '';
    return { percent: { units: BigInt(percent[1]! + decimals), scale: 10n ** BigInt(decimals.length) }, text: `${trimmed.replace(/\s+/g, '')}` };
  }
  throw new FlagValueError(`${JSON.stringify(value)} is not a number of records (e.g. 50) or a percentage from 0% to 100% (e.g. 2%)`);
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };

/** --max-record-size: bytes, or with a K or M suffix (KiB, MiB: 1,024 and 1,048,576 bytes). */
export function byteSize(value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match === null ? undefined : SIZE_UNITS[match[2]!.toLowerCase()];
  const bytes = match === null || unit === undefined ? NaN : Number(match[1]) * unit;
  if (!(bytes >= 1024 && bytes <= MAX_RECORD_SIZE_LIMIT)) {
    const limit = `${MAX_RECORD_SIZE_LIMIT / 1024 ** 2}M`;
    const why = bytes > MAX_RECORD_SIZE_LIMIT ? ` (a record is held as one string, and larger ones cannot be)` : '';
    throw new FlagValueError(`${JSON.stringify(value)} is not a size from 1K to ${limit}${why} (e.g. 8M, 512K or 100000 bytes)`);
  }
  return bytes;
}

/** A limit: a whole number from 1 up, or `none` (also `0`) for no limit (null); `what` says what a good value looks like. */
const wholeLimit =
  (what: string) =>
  (value: string): number | null => {
    const trimmed = value.trim().toLowerCase();
    if (trimmed === 'none' || /^0+$/.test(trimmed)) return null;
    if (/^\d+$/.test(trimmed) && Number(trimmed) <= Number.MAX_SAFE_INTEGER) return Number(trimmed);
    throw new FlagValueError(`${JSON.stringify(value)} is not ${what} or none`);
  };

/** --max-expansion: a whole ratio from 1 up, or none. */
export const expansionRatio = wholeLimit('a ratio (a whole number such as 100 or 1000)');

/** --max-groups: a number of groups, or none. */
export const groupLimit = wholeLimit('a number of groups (a whole number such as 50000)');

/** `--max-record-size` for `maxRecordSize`. */
export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Runs a flag's parser; its complaint becomes a usage error naming the flag. */
export function parseFlagValue<T>(key: string, parse: (value: string) => T, value: string): T {
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof FlagValueError) throw new UsageError(`${flagName(key)}: ${error.message}`);
    throw error;
  }
}
