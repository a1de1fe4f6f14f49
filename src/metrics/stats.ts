import type { DurationValue, RateValue } from './types.js';

/** Shared arithmetic for metrics: percentiles, duration statistics, rates. */

/**
 * Percentile of sorted values, interpolating linearly between the closest ranks (Excel
 * PERCENTILE.INC, numpy's default): h = (n−1)·p, value = x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower]!;
  if (lower + 1 >= n) return below;
  return below + (h - lower) * (sorted[lower + 1]! - below);
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
 * place (no copy: a million-ticket report holds millions of durations). The mean sums in sorted
 * order, so the order of the input never changes it.
 */
export function durationStats(values: Float64Array): DurationValue {
  const sorted = values.sort();
  const count = sorted.length;
  if (count === 0) return { count, mean: null, median: null, p90: null };
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count, mean: toMillisecond(sum / count), median: toMillisecond(percentile(sorted, 0.5)!), p90: toMillisecond(percentile(sorted, 0.9)!) };
}

/**
 * A growable list of numbers, for accumulators that need every value (percentiles). The first
 * values go in a plain array: a row of a report split by many groups holds a few values per list,
 * and a typed array costs an ArrayBuffer (~200 bytes) even for one value; past SMALL_LIST values
 * they move to a Float64Array, which holds a million durations in 8 MB and sorts them natively.
 */
export class NumberList {
  private small: number[] | undefined = [];
  private values = NO_VALUES;
  length = 0;

  push(value: number): void {
    const small = this.small;
    if (small !== undefined) {
      small.push(value);
      this.length++;
      if (small.length > SMALL_LIST) this.toTyped(this.length);
      return;
    }
    if (this.length === this.values.length) this.toTyped(this.length * 2);
    this.values[this.length++] = value;
  }

  /** Adds the values of another list. */
  append(other: NumberList): void {
    const needed = this.length + other.length;
    if (this.small !== undefined && needed <= SMALL_LIST) {
      for (const value of other.toArray()) this.small.push(value);
    } else {
      if (needed > this.values.length || this.small !== undefined) this.toTyped(Math.max(needed, this.values.length * 2));
      this.values.set(other.toArray(), this.length);
    }
    this.length = needed;
  }

  toArray(): Float64Array {
    return this.small !== undefined ? Float64Array.from(this.small) : this.values.subarray(0, this.length);
  }

  /** The values in a Float64Array of `capacity`. */
  private toTyped(capacity: number): void {
    const typed = new Float64Array(capacity);
    typed.set(this.small ?? this.values.subarray(0, this.length));
    this.values = typed;
    this.small = undefined;
  }
}

const NO_VALUES = new Float64Array(0);
/** Values a NumberList holds in a plain array. */
const SMALL_LIST = 64;

const MS_PER_SECOND = 1000;

/** Seconds from one instant (epoch ms) to another. */
export const secondsBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / MS_PER_SECOND;
