import { formatCount } from '../count-text.js';
import type { Machine } from './machine.js';

/** How large a record (and a JSON document read whole) may be. */

/** 4 MiB: far above any real ticket, small enough that a quote left open cannot eat the memory. */
export const DEFAULT_MAX_RECORD_SIZE = 4 * 1024 * 1024;

/** A size limit as messages give it: `4 MiB`, `10,000 bytes`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (64 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${formatCount(bytes)} bytes`;
}

/**
 * The largest --max-record-size: 256 MiB. A record, and a JSON page read whole, become one string,
 * and V8 cannot make a string of more than about 512 MiB (buffer.constants.MAX_STRING_LENGTH):
 * above that a limit would promise what cannot work.
 */
export const MAX_RECORD_SIZE_LIMIT = 256 * 1024 * 1024;

/**
 * A JSON document that is not an array (an API page a preset knows) is read whole: up to this many
 * times the record size limit (64 MiB by default), since one page holds many records, and never
 * more than MAX_RECORD_SIZE_LIMIT.
 */
export const PAGE_SIZE_FACTOR = 16;

/** The largest JSON document read whole, for a record size limit. */
export const pageSizeLimit = (maxRecordSize: number): number => Math.min(maxRecordSize * PAGE_SIZE_FACTOR, MAX_RECORD_SIZE_LIMIT);

/**
 * How far gzip data may expand: at most `ratio` times the compressed bytes read so far, once more
 * than `floor` bytes have come out (below the floor a file compresses as it likes).
 */
export interface ExpansionLimit {
  ratio: number;
  floor: number;
}

/**
 * 100: real exports compress 5 to 15-fold (the bundled CSV sample 5.0×, its JSON twin 9.3×, the
 * bench's 1,000,000-ticket CSV 5.2×, with `gzip -6`); a run of blank lines or one repeated
 * character compresses about 1,000-fold, which is what a gzip bomb is made of.
 */
export const DEFAULT_MAX_EXPANSION = 100;

/**
 * 64 MiB of text: any file that expands to less is read whatever its ratio (a small file of
 * repeated rows may compress 50-fold or more), and a bomb is stopped within a second or two.
 */
export const EXPANSION_FLOOR = 64 * 1024 * 1024;

/**
 * --threads: how many threads read one CSV, NDJSON or JSON array file. `2` reads its later half in
 * a second thread while the first is read (see reading/later-part.ts); `auto` does so as
 * twoThreads says.
 */
export const READ_THREADS = ['auto', '1', '2'] as const;
export type ReadThreads = (typeof READ_THREADS)[number];

/** The formats a file can be read in two parts in. */
export type PartFormat = 'csv' | 'ndjson' | 'json';

/**
 * The size from which `auto` reads a file in two parts, about 180,000 tickets in any format:
 * below, starting the second thread costs about what it saves (CSV 18 MB: slower, 39 MB: ~15%
 * faster; NDJSON, whose tickets take ~2.4 times the bytes, 34 and 64 MB: 3–10% slower, 85 MB: ~11%
 * faster; a JSON array's take as many bytes as NDJSON's; docs/speed.md).
 */
export const TWO_PARTS_FROM: Readonly<Record<PartFormat, number>> = { csv: 32 * 1024 * 1024, ndjson: 80 * 1024 * 1024, json: 80 * 1024 * 1024 };

/**
 * The memory a file of `size` bytes read in two threads should have: its report's peak was ~1.9
 * times the file's size with two threads, ~1.4 with one (180 MB: 337–341 MiB against 243–262;
 * docs/speed.md), so twice its size and 256 MiB to spare. Now it is ~1.45 and ~1.25 (246–250 MiB
 * against 211–220 at 9646ecd), and less for NDJSON and JSON, whose tickets take more bytes.
 */
export const twoThreadsMemory = (size: number): number => 2 * size + 256 * 1024 * 1024;

/**
 * Whether a file of `size` bytes in a `format` that can be read in two parts is: --threads 2; with
 * auto, a file of TWO_PARTS_FROM[format] or more on two cores or more, with the memory two threads
 * take (a container's limit often is the machine's memory for a process: a second thread must not
 * be what ends the run), unless the address space is limited (a second thread's reservations can
 * make V8 abort the process there, which no error handler sees).
 */
export function twoThreads(threads: ReadThreads | undefined, size: number, format: PartFormat, machine: () => Machine): boolean {
  if (threads === '1') return false;
  if (threads === '2') return true;
  if (size < TWO_PARTS_FROM[format]) return false;
  const { cores, addressSpaceLimited, memory } = machine();
  return cores >= 2 && !addressSpaceLimited && memory >= twoThreadsMemory(size);
}
