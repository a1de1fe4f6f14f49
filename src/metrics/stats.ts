import type { DurationValue, RateValue } from './types.js';

/** Shared arithmetic for metrics: percentiles, duration statistics, rates. */

/**
 * Percentile of sorted values, interpolating linearly between the closest ranks (Excel
 * PERCENTILE.INC, numpy's default): h = (n−1)·p, value = x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  return percentileAt(sorted.length, p, (rank) => sorted[rank]!);
}

/** The ranks a percentile of `n` sorted values reads: ⌊h⌋ and the one after it, if any. */
export function percentileRanks(n: number, p: number): number[] {
  const lower = Math.floor((n - 1) * p);
  return lower + 1 >= n ? [lower] : [lower, lower + 1];
}

/** percentile of `n` sorted values, given the value at each rank it reads (percentileRanks). */
function percentileAt(n: number, p: number, valueAt: (rank: number) => number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = valueAt(lower);
  if (lower + 1 >= n) return below;
  return below + (h - lower) * (valueAt(lower + 1) - below);
}

export function rate(numerator: number, denominator: number): RateValue {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The median of the values (the mean of the two middle ones); null for none. Does not change `values`. */
export function median(values: readonly number[]): number | null {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/** Rounded to `decimals` places, halves away from zero: a value and its opposite round alike (and never to -0). */
export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale || 0;
}

/** Seconds to the millisecond: what the input's timestamps carry (a p90 of 59963.000000000044 s is 59963 s). */
export const toMillisecond = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * Count, mean, median and p90 of durations in seconds, each to the millisecond. Sorts `values` in
 * place (no copy: a million-ticket report holds millions of durations). The mean is exact (see
 * exactSum), so the order of the input never changes it.
 */
export function durationStats(values: Float64Array): DurationValue {
  return sortedDurationStats(sortDurations(values));
}

/** Lists shorter than this are sorted natively: a radix sort's passes over its counts cost more. */
const RADIX_FROM = 512;
/** Bits of a radix digit; three digits make the 32 bits of a whole number of milliseconds. */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
/** How many values of each digit a radix pass found (shared: one sort runs at a time). */
const digitCounts = new Int32Array(1 << DIGIT_BITS);

/**
 * Sorts durations in seconds in place, ascending, as `values.sort()` does (a -0 may become 0), and
 * returns them. When each is a whole number of milliseconds from 0 to 2^32 - 1 (49.7 days), as every
 * duration between two timestamps to the millisecond is, they are sorted as those integers by a
 * radix sort (three 11-bit digits, least significant first), which sorts a million-ticket
 * report's rows in a third of the time the native sort takes (260 ms against 85, measured on
 * 162 lists of 18,500); any other list (longer durations, finer fractions) is sorted natively.
 * The integers are sorted in the list's own memory: 8 bytes a value hold two 4-byte integers.
 */
export function sortDurations(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_FROM) return values.sort();
  for (let i = 0; i < n; i++) {
    const ms = Math.round(values[i]! * 1000);
    if (!(ms >= 0 && ms <= 0xffffffff && ms / 1000 === values[i])) return values.sort();
  }
  // The first half of the memory holds the integers, the second half the pass's output, in turn.
  const halves = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const keys = halves.subarray(0, n);
  const other = halves.subarray(n);
  // keys[i] overwrites bytes of values[i / 2], which is read already.
  for (let i = 0; i < n; i++) keys[i] = Math.round(values[i]! * 1000);
  // Three passes leave the sorted integers in the second half. values[i] overwrites the integers
  // 2i - n and 2i - n + 1 of that half, at most i: read already, in this order.
  const sorted = radixSorted(keys, other);
  for (let i = 0; i < n; i++) values[i] = sorted[i]! / 1000;
  return values;
}

/**
 * Sorts the integers of `keys` by three passes of a radix sort, least significant digit first,
 * from `keys` to `other` (of the same length), back, and to `other` again: returns `other`.
 */
function radixSorted(keys: Uint32Array, other: Uint32Array): Uint32Array {
  const n = keys.length;
  let from = keys;
  let to = other;
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    const counts = digitCounts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & DIGIT_MASK]!++;
    let start = 0;
    for (let d = 0; d <= DIGIT_MASK; d++) {
      const count = counts[d]!;
      counts[d] = start;
      start += count;
    }
    for (let i = 0; i < n; i++) {
      const key = from[i]!;
      to[counts[(key >>> shift) & DIGIT_MASK]!++] = key;
    }
    [from, to] = [to, from];
  }
  if (from !== other) throw new Error('internal: the radix sort ended in the wrong array');
  return other;
}

/**
 * Durations in ascending order: whole milliseconds in a Uint32Array (a NumberList keeps them so
 * while each is one, from 0 to 2^32 - 1 ms: half the memory), or seconds in a Float64Array.
 */
export type SortedDurations = Uint32Array | Float64Array;

/** The value at `i` of sorted durations, in seconds. */
const secondsAt = (sorted: SortedDurations, i: number): number => (sorted instanceof Uint32Array ? sorted[i]! / MS_PER_SECOND : sorted[i]!);

/** durationStats of values already sorted. */
export function sortedDurationStats(sorted: SortedDurations): DurationValue {
  let sum = exactSum([sorted]);
  if (Number.isNaN(sum)) {
    sum = 0;
    for (let i = 0; i < sorted.length; i++) sum += secondsAt(sorted, i);
  }
  return durationFigures(sorted.length, sum, (rank) => secondsAt(sorted, rank));
}

/**
 * The sum of durations, exact: when every value is a whole number of milliseconds (a duration
 * between two timestamps is), their milliseconds added as integers and divided by 1000 once, so
 * that no order of adding them changes it. NaN when a value is not (a handle_time of 0.0005 s)
 * or when their magnitudes add up past 2^53 ms (285,000 years): the caller then adds them in
 * sorted order.
 */
function exactSum(runs: readonly SortedDurations[]): number {
  let ms = 0;
  let magnitude = 0;
  for (const run of runs) {
    if (run instanceof Uint32Array) {
      let runMs = 0;
      for (let i = 0; i < run.length; i++) runMs += run[i]!;
      ms += runMs;
      magnitude += runMs;
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      const value = run[i]!;
      const whole = Math.round(value * MS_PER_SECOND);
      if (whole / MS_PER_SECOND !== value) return Number.NaN;
      ms += whole;
      magnitude += Math.abs(whole);
    }
  }
  return magnitude <= Number.MAX_SAFE_INTEGER ? ms / MS_PER_SECOND : Number.NaN;
}

/** The figures of `count` sorted durations whose sum is `sum` (see exactSum), given the value at each rank the percentiles read. */
function durationFigures(count: number, sum: number, valueAt: (rank: number) => number): DurationValue {
  if (count === 0) return { count, mean: null, median: null, p90: null };
  return { count, mean: toMillisecond(sum / count), median: toMillisecond(percentileAt(count, 0.5, valueAt)!), p90: toMillisecond(percentileAt(count, 0.9, valueAt)!) };
}

/**
 * A growable list of durations in seconds, for accumulators that need every value (percentiles).
 * One value is held in a field and a few in a plain array: a row of a report split by many groups
 * holds a few values per list, and a typed array costs an ArrayBuffer (~200 bytes) even for one
 * value. Past SMALL_LIST values they move to a typed array: whole milliseconds in a Uint32Array
 * while every value is one from 0 to 2^32 - 1 ms (49.7 days), as a duration between two
 * timestamps is (a million durations in 4 MB), else seconds in a Float64Array (8 MB).
 */
export class NumberList {
  /** `memory`: where its Uint32Array comes from (see ListMemory); new memory without one. */
  constructor(private readonly memory?: ListMemory) {}

  private one = 0;
  private small: number[] | undefined;
  /** The values as whole milliseconds, while each is one (see wholeMs). */
  private ms: Uint32Array | undefined;
  /** The values in seconds, once one was not a whole millisecond. */
  private typed: Float64Array | undefined;
  length = 0;
  /** The length at which `sorted` last sorted the values in place: while it is the length, nothing was pushed since. */
  private sortedLength = -1;

  push(value: number): void {
    const ms = this.ms;
    if (ms !== undefined) {
      const whole = wholeMs(value);
      if (whole >= 0) {
        if (this.length === ms.length) this.toTyped(this.length * 2);
        this.ms![this.length++] = whole;
        return;
      }
      this.toTyped(ms.length, true);
    }
    const typed = this.typed;
    if (typed !== undefined) {
      if (this.length === typed.length) this.toTyped(this.length * 2);
      this.typed![this.length++] = value;
    } else if (this.length === 0) {
      this.one = value;
      this.length = 1;
    } else if (this.small === undefined) {
      this.small = [this.one, value];
      this.length = 2;
    } else {
      this.small.push(value);
      if (++this.length > SMALL_LIST) this.toTyped(this.length);
    }
  }

  /**
   * Room for `count` more values at once, when they would take the list past SMALL_LIST: a list
   * given its values in one go then holds them, rather than up to twice that after doubling (a
   * list that already has room for some doubles, so that many small reserves stay linear).
   */
  reserve(count: number): void {
    const wanted = this.length + count;
    if (wanted <= SMALL_LIST) return;
    const held = this.ms ?? this.typed;
    if (held === undefined) this.toTyped(wanted);
    else if (held.length < wanted) this.toTyped(Math.max(wanted, held.length * 2));
  }

  /** The values in seconds, as they are held (in the order pushed until sorted). */
  toArray(): Float64Array {
    if (this.ms !== undefined) return Float64Array.from(this.ms.subarray(0, this.length), (ms) => ms / MS_PER_SECOND);
    return this.typed !== undefined ? this.typed.subarray(0, this.length) : Float64Array.from(this.current());
  }

  /**
   * The values in ascending order (see SortedDurations). A list held in a typed array is sorted in
   * place, once: it stays sorted until a value is pushed (a row's list, sorted for the row's
   * figures, is not sorted again for the totals, which read the rows' sorted lists together: see
   * mergedDurationStats). A small list is sorted in a copy.
   */
  sorted(): SortedDurations {
    if (this.ms === undefined && this.typed === undefined) {
      const values = this.current();
      // As milliseconds when they are, as a long list's are: the totals then need no conversion.
      return allWholeMs(values) ? Uint32Array.from(values, wholeMs).sort() : Float64Array.from(values).sort();
    }
    const values = this.ms !== undefined ? this.ms.subarray(0, this.length) : this.typed!.subarray(0, this.length);
    if (this.sortedLength !== this.length) {
      if (values instanceof Uint32Array) sortMilliseconds(values);
      else sortDurations(values);
      this.sortedLength = this.length;
    }
    return values;
  }

  /** The values as they are held, in seconds (not the milliseconds, see toArray). */
  private current(): ArrayLike<number> {
    if (this.typed !== undefined) return this.typed.subarray(0, this.length);
    if (this.small !== undefined) return this.small;
    return this.length === 0 ? [] : [this.one];
  }

  /**
   * The values in a typed array of `capacity`: whole milliseconds while each is one and `seconds`
   * is not asked for (a value that is not was pushed), else seconds.
   */
  private toTyped(capacity: number, seconds = false): void {
    const held = this.ms;
    if (held !== undefined && !seconds) {
      this.ms = this.uint32(capacity);
      this.ms.set(held.subarray(0, this.length));
      return;
    }
    const values = held !== undefined ? Array.from(held.subarray(0, this.length), (ms) => ms / MS_PER_SECOND) : this.current();
    this.small = undefined;
    this.ms = undefined;
    if (!seconds && this.typed === undefined && allWholeMs(values)) {
      const ms = this.uint32(capacity);
      for (let i = 0; i < values.length; i++) ms[i] = wholeMs(values[i]!);
      this.ms = ms;
      return;
    }
    const typed = new Float64Array(capacity);
    typed.set(values);
    this.typed = typed;
  }

  private uint32(length: number): Uint32Array {
    return this.memory?.uint32(length) ?? new Uint32Array(length);
  }
}

/**
 * Uint32Arrays for NumberLists cut one after another from buffers of memory the store no longer
 * needs (TicketStore.takeSpare: a filed log's, a dropped index's), for lists of LIST_FROM_SPARE
 * values or more; smaller lists, and any once the store has no buffer left, get new memory. On a
 * million tickets the rows' lists of durations take ~12 MB, which on Node 20 was made beside that
 * memory while it waited for the collector, at the report's peak. A list that grows past its room
 * leaves it unused (a row's list is given its room at once, see NumberList.reserve).
 */
export class ListMemory {
  private buffer: ArrayBuffer | undefined;
  private used = 0;

  constructor(private readonly spare: (bytes: number) => ArrayBuffer | undefined) {}

  uint32(length: number): Uint32Array | undefined {
    if (length < LIST_FROM_SPARE) return undefined;
    const bytes = length * Uint32Array.BYTES_PER_ELEMENT;
    if (this.buffer === undefined || this.used + bytes > this.buffer.byteLength) {
      this.buffer = this.spare(bytes);
      this.used = 0;
      if (this.buffer === undefined) return undefined;
    }
    const list = new Uint32Array(this.buffer, this.used, length);
    this.used += bytes;
    return list;
  }
}

/** The fewest values of a list cut from spare memory (see ListMemory): 16 KB. */
const LIST_FROM_SPARE = 4096;

/** `seconds` as whole milliseconds from 0 to 2^32 - 1, or -1 when it is not one of those. */
function wholeMs(seconds: number): number {
  const ms = Math.round(seconds * MS_PER_SECOND);
  return ms >= 0 && ms <= 0xffffffff && ms / MS_PER_SECOND === seconds ? ms : -1;
}

/** Whether every value is a whole number of milliseconds a Uint32Array holds (see wholeMs). */
function allWholeMs(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (wholeMs(values[i]!) < 0) return false;
  return true;
}

/**
 * The other array of sortMilliseconds' passes (shared: one sort runs at a time), as long as the
 * longest list sorted: one made for each list was garbage as large as the lists themselves (the
 * 1M report's rows: 12 MB, held at its peak).
 */
let passes = new Uint32Array(0);

/**
 * Sorts whole milliseconds in place, ascending, and returns them: by a radix sort (three 11-bit
 * digits, through one other array, see passes) from RADIX_FROM values, else natively.
 */
export function sortMilliseconds(values: Uint32Array): Uint32Array {
  const n = values.length;
  if (n < RADIX_FROM) return values.sort();
  if (passes.length < n) passes = new Uint32Array(n);
  values.set(radixSorted(values, passes.subarray(0, n)));
  return values;
}

/**
 * Visits the values of sorted runs in merged order (a binary heap of the runs by their next value),
 * without making the merged array: the totals of a duration are the rows' values, each row's
 * already sorted for its own figures, and walking them merged is several times cheaper than sorting
 * a million values again (and needs no second array of them).
 */
export function forEachMerged(runs: readonly SortedDurations[], visit: (value: number, rank: number) => void): void {
  const live = runs.filter((r) => r.length > 0);
  // The heap: entry i is run runOf[i], whose next value is keys[i] (kept beside it, so that a
  // comparison reads two numbers of one array rather than a run and its position).
  let size = live.length;
  const keys = new Float64Array(size);
  const runOf = new Int32Array(size);
  const at = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    keys[i] = live[i]![0]!;
    runOf[i] = i;
  }
  // Moves entry i down to its place below the entries whose keys are smaller.
  const down = (from: number): void => {
    const key = keys[from]!;
    const run = runOf[from]!;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (!(keys[child]! < key)) break;
      keys[i] = keys[child]!;
      runOf[i] = runOf[child]!;
      i = child;
    }
    keys[i] = key;
    runOf[i] = run;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  for (let rank = 0; size > 0; rank++) {
    const run = runOf[0]!;
    visit(keys[0]!, rank);
    const next = ++at[run]!;
    if (next < live[run]!.length) keys[0] = live[run]![next]!;
    else {
      size--;
      keys[0] = keys[size]!;
      runOf[0] = runOf[size]!;
    }
    if (size > 1) down(0);
  }
}

/**
 * durationStats of the values of sorted runs, all together: the same figures as of their merged
 * array. Whole milliseconds are summed exactly (see exactSum), and when the runs are long their
 * percentiles' values are searched for (see searchedRank); else the runs are walked merged (the
 * sum, of values that are not whole milliseconds, in sorted order).
 */
export function mergedDurationStats(runs: readonly SortedDurations[]): DurationValue {
  const count = runs.reduce((n, r) => n + r.length, 0);
  let live = runs.filter((r) => r.length > 0);
  // Milliseconds and seconds together (a row with a value that is not a whole millisecond): all in seconds.
  if (live.some((r) => r instanceof Float64Array) && live.some((r) => r instanceof Uint32Array)) {
    live = live.map((r) => (r instanceof Uint32Array ? Float64Array.from(r, (ms) => ms / MS_PER_SECOND) : r));
  }
  const exact = exactSum(live);
  // Few values a run (a few thousand tickets in a hundred rows): the walk costs less than the searches.
  if (!Number.isNaN(exact) && count >= SEARCH_FROM * live.length) return durationFigures(count, exact, (rank) => searchedRank(live, rank));
  // The values at the ranks the percentiles read, kept as the walk passes them (in rank order).
  const ranks = [...new Set([...percentileRanks(count, 0.5), ...percentileRanks(count, 0.9)])].sort((a, b) => a - b);
  const values = new Map<number, number>();
  let wanted = 0;
  let sum = 0;
  const inSeconds = live[0] instanceof Uint32Array ? (ms: number): number => ms / MS_PER_SECOND : (seconds: number): number => seconds;
  forEachMerged(live, (value, rank) => {
    sum += inSeconds(value);
    if (rank === ranks[wanted]) {
      values.set(rank, inSeconds(value));
      wanted++;
    }
  });
  return durationFigures(count, Number.isNaN(exact) ? sum : exact, (rank) => values.get(rank)!);
}

/**
 * Values a run from which a total's percentiles are searched for rather than walked to: a search
 * makes ~35 probes for each of up to four ranks, each a binary search of every run; a walk reads
 * every value through a heap of the runs (the 1M report's totals: ~18,500 values a run, in its 54
 * rows; 3,000 tickets: ~55).
 */
const SEARCH_FROM = 64;

/**
 * The value at `rank` of sorted runs of whole milliseconds (see exactSum), without walking them:
 * the least whole number of milliseconds that more values than the rank do not pass, found by a
 * binary search that counts them in each run by binary search. The totals of a million durations
 * in 54 rows: a few milliseconds, where walking them merged took ~35.
 */
function searchedRank(runs: readonly SortedDurations[], rank: number): number {
  /** How many values are at most `ms` milliseconds. */
  const atMost = (ms: number): number => {
    const seconds = ms / MS_PER_SECOND;
    let n = 0;
    for (const run of runs) {
      const bound = run instanceof Uint32Array ? ms : seconds;
      let [from, to] = [0, run.length];
      while (from < to) {
        const middle = (from + to) >>> 1;
        if (run[middle]! <= bound) from = middle + 1;
        else to = middle;
      }
      n += from;
    }
    return n;
  };
  const msAt = (run: SortedDurations, i: number): number => (run instanceof Uint32Array ? run[i]! : Math.round(run[i]! * MS_PER_SECOND));
  let from = Infinity;
  let to = -Infinity;
  for (const run of runs) {
    from = Math.min(from, msAt(run, 0));
    to = Math.max(to, msAt(run, run.length - 1));
  }
  while (from < to) {
    const middle = Math.floor((from + to) / 2);
    if (atMost(middle) > rank) to = middle;
    else from = middle + 1;
  }
  return from / MS_PER_SECOND;
}

/** Values a NumberList holds in a plain array. */
const SMALL_LIST = 64;

const MS_PER_SECOND = 1000;

/** Seconds from one instant (epoch ms) to another. */
export const secondsBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / MS_PER_SECOND;
