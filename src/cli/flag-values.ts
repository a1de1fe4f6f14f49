import { UsageError } from '../errors.js';
import { delimiterFromFlag, type Delimiter } from '../io/input-formats.js';
import { MAX_RECORD_SIZE_LIMIT } from '../io/read-limits.js';
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

/** --map: `field=Header,field="Header, with a comma"`; each field once. */
export const fieldMap =
  <F extends string>(fields: readonly F[]) =>
  (value: string): Partial<Record<F, string>> => {
    const map: Partial<Record<F, string>> = {};
    for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const at = pair.indexOf('=');
      const field = pair.slice(0, at < 0 ? undefined : at).trim();
      const header = at < 0 ? '' : pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
      if (!(fields as readonly string[]).includes(field)) {
        throw new FlagValueError(`"${field}" is not a ticket field${didYouMean(field, fields)}; write field=Header, e.g. created_at="Opened On"`);
      }
      if (header === '') throw new FlagValueError(`${field}: no header after "=" (write ${field}=Header)`);
      const earlier = map[field as F];
      if (earlier !== undefined) throw new FlagValueError(`${field} is given twice ("${earlier}" and "${header}"); a field reads one column`);
      map[field as F] = header;
    }
    return map;
  };

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
