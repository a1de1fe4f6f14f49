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

/** No values yet: a row of a report split by many groups holds a few values per list, often none. */
const NO_VALUES = new Float64Array(0);

/** A growable list of numbers, for accumulators that need every value (percentiles); it holds no array until the first value. */
export class NumberList {
  private values = NO_VALUES;
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(Math.max(4, this.values.length * 2));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }

  /** Adds the values of another list. */
  append(other: NumberList): void {
    const needed = this.length + other.length;
    if (needed > this.values.length) {
      const bigger = new Float64Array(Math.max(4, needed, this.values.length * 2));
      bigger.set(this.toArray());
      this.values = bigger;
    }
    this.values.set(other.toArray(), this.length);
    this.length = needed;
  }

  toArray(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

const MS_PER_SECOND = 1000;

/** Seconds from one instant (epoch ms) to another. */
export const secondsBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / MS_PER_SECOND;
