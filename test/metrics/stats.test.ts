import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { durationStats, NumberList, percentile, rate, secondsBetween, sortDurations, sortMilliseconds, type SortedDurations } from '../../src/metrics/stats.js';

/**
 * The shared arithmetic, checked against the spec's formula worked by hand:
 * for sorted x₀…xₙ₋₁, h = (n−1)·p, value = x⌊h⌋ + (h−⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
 */

interface PercentileCase {
  name: string;
  sorted: number[];
  p: number;
  expected: number | null;
}

const PERCENTILE_CASES: PercentileCase[] = [
  { name: 'no values: null, never 0', sorted: [], p: 0.5, expected: null },
  { name: 'one value: median is that value', sorted: [7], p: 0.5, expected: 7 },
  { name: 'one value: p90 is that value', sorted: [7], p: 0.9, expected: 7 },
  // h = 1·0.5 = 0.5 → 10 + 0.5·(20 − 10)
  { name: 'two values: median halfway', sorted: [10, 20], p: 0.5, expected: 15 },
  // h = 1·0.9 = 0.9 → 10 + 0.9·10
  { name: 'two values: p90 nine tenths of the way', sorted: [10, 20], p: 0.9, expected: 19 },
  // h = 3·0.5 = 1.5 → 2 + 0.5·1
  { name: '[1,2,3,4]: median 2.5', sorted: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
  // h = 3·0.9 = 2.7 → 3 + 0.7·1
  { name: '[1,2,3,4]: p90 3.7', sorted: [1, 2, 3, 4], p: 0.9, expected: 3.7 },
  // h = 2·0.5 = 1 exactly → x₁, no interpolation
  { name: 'odd count: median is the middle value', sorted: [1, 5, 100], p: 0.5, expected: 5 },
  // n = 11: h = 10·0.9 = 9 → x₉ = 10
  { name: 'eleven values: p90 is exactly x₉', sorted: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], p: 0.9, expected: 10 },
  // h = 3·0.9 = 2.7 → 1 + 0.7·(10 − 1)
  { name: 'ties below: p90 interpolates from the tie', sorted: [1, 1, 1, 10], p: 0.9, expected: 7.3 },
  { name: 'p = 0 is the minimum', sorted: [3, 4, 9], p: 0, expected: 3 },
  { name: 'p = 1 is the maximum', sorted: [3, 4, 9], p: 1, expected: 9 },
];

describe('percentile', () => {
  it.each(PERCENTILE_CASES)('$name', ({ sorted, p, expected }) => {
    const actual = percentile(Float64Array.from(sorted), p);
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 9);
  });
});

interface DurationCase {
  name: string;
  values: number[];
  expected: { count: number; mean: number | null; median: number | null; p90: number | null };
}

const DURATION_CASES: DurationCase[] = [
  { name: 'no values: count 0 and nulls, never 0', values: [], expected: { count: 0, mean: null, median: null, p90: null } },
  { name: 'a single value', values: [42], expected: { count: 1, mean: 42, median: 42, p90: 42 } },
  { name: 'a single zero is a real 0', values: [0], expected: { count: 1, mean: 0, median: 0, p90: 0 } },
  // mean 200; median h = 0.5 → 200; p90 h = 0.9 → 100 + 0.9·200 = 280
  { name: 'two values', values: [300, 100], expected: { count: 2, mean: 200, median: 200, p90: 280 } },
  // sorted [1,2,3,4]: mean 10/4
  { name: 'unsorted input is sorted first', values: [4, 1, 3, 2], expected: { count: 4, mean: 2.5, median: 2.5, p90: 3.7 } },
  // numeric order [9, 10, 100] (text order would be [10, 100, 9]): mean 119/3 = 39.667 to the ms; median 10;
  // p90 h = 1.8 → 10 + 0.8·90 = 82
  { name: 'sorts numerically, not as text', values: [10, 9, 100], expected: { count: 3, mean: 39.667, median: 10, p90: 82 } },
  // to the millisecond: mean 3.002/3 = 1.000666… is 1.001; p90 h = 1.8 → 1.001 + 0.8·0 = 1.001
  { name: 'each figure to the millisecond', values: [1, 1.001, 1.001], expected: { count: 3, mean: 1.001, median: 1.001, p90: 1.001 } },
  // p90 h = 1.8 → 0.001 + 0.8·0.0004 = 0.00132 is 0.001
  { name: 'a p90 between milliseconds', values: [0, 0.001, 0.0014], expected: { count: 3, mean: 0.001, median: 0.001, p90: 0.001 } },
  // sorted [0.5, 1.5, 2.5]: mean 1.5, median 1.5, p90 h = 1.8 → 1.5 + 0.8·1 = 2.3
  { name: 'fractional seconds', values: [2.5, 0.5, 1.5], expected: { count: 3, mean: 1.5, median: 1.5, p90: 2.3 } },
];

describe('durationStats', () => {
  it.each(DURATION_CASES)('$name', ({ values, expected }) => {
    const actual = durationStats(Float64Array.from(values));
    expect(actual.count).toBe(expected.count);
    for (const key of ['mean', 'median', 'p90'] as const) {
      const want = expected[key];
      if (want === null) expect(actual[key]).toBeNull();
      else expect(actual[key]).toBeCloseTo(want, 9);
    }
  });

  it('gives the same mean whatever the input order', () => {
    // Values whose floating-point sum depends on the order of addition.
    const values = [1e16, 1, -1e16, 1, 3.3, 0.1, 0.2];
    const reversed = [...values].reverse();
    expect(durationStats(Float64Array.from(values)).mean).toBe(durationStats(Float64Array.from(reversed)).mean);
  });
});

describe('rate', () => {
  it.each([
    { name: 'no denominator: value null, never 0', numerator: 0, denominator: 0, value: null },
    { name: 'none of them', numerator: 0, denominator: 3, value: 0 },
    { name: 'a quarter', numerator: 1, denominator: 4, value: 0.25 },
    { name: 'all of them', numerator: 5, denominator: 5, value: 1 },
  ])('$name', ({ numerator, denominator, value }) => {
    expect(rate(numerator, denominator)).toEqual({ numerator, denominator, value });
  });
});

describe('NumberList', () => {
  it('keeps every value, in order, past its initial capacity', () => {
    const list = new NumberList();
    const expected = Array.from({ length: 40 }, (_, i) => i * 1.5);
    for (const v of expected) list.push(v);
    expect(list.length).toBe(40);
    expect(Array.from(list.toArray())).toEqual(expected);
  });

  it('is empty when nothing was pushed', () => {
    expect(new NumberList().toArray()).toHaveLength(0);
  });

  it('sorts its values, in place once they are many, and again after a push', () => {
    for (const count of [0, 1, 3, 64, 65, 1000]) {
      const list = new NumberList();
      const values = Array.from({ length: count }, (_, i) => ((i * 7919) % 1009) / 8);
      for (const v of values) list.push(v);
      const ascending = [...values].sort((a, b) => a - b);
      expect(inSeconds(list.sorted())).toEqual(ascending);
      expect(inSeconds(list.sorted())).toEqual(ascending);
      if (count > 64) expect(Array.from(list.toArray())).toEqual(ascending); // sorted where it is held
      list.push(-1);
      expect(inSeconds(list.sorted())).toEqual([-1, ...ascending]);
    }
  });

  it('holds whole milliseconds in 4 bytes each, and all its values in seconds from the first that is not one', () => {
    const list = new NumberList();
    for (let i = 0; i < 1000; i++) list.push((i * 7919) % 100_003 / 1000);
    expect(list.sorted()).toBeInstanceOf(Uint32Array);
    list.push(0.0005);
    const sorted = list.sorted();
    expect(sorted).toBeInstanceOf(Float64Array);
    expect(Array.from(sorted)).toEqual([...Array.from({ length: 1000 }, (_, i) => (i * 7919) % 100_003 / 1000), 0.0005].sort((a, b) => a - b));
  });

  it('property: any durations, whole milliseconds or not, come back as pushed and sorted as the native sort sorts them', () => {
    const value = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((ms) => ms / 1000) },
      { weight: 1, arbitrary: fc.constantFrom(0.0005, -1, 2 ** 32 / 1000, 1e12, 0.1 + 0.2, -0) },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 700 }), fc.nat(800), (values, reserved) => {
        const list = new NumberList();
        if (reserved % 2 === 0) list.reserve(reserved);
        for (const v of values) list.push(v);
        expect(list.length).toBe(values.length);
        // A -0 may come back as 0 (as the native sort may make it).
        const zeroed = (list: ArrayLike<number>): number[] => Array.from(list, (v) => (v === 0 ? 0 : v));
        expect(zeroed(list.toArray())).toEqual(zeroed(values));
        expect(zeroed(inSeconds(list.sorted()))).toEqual(zeroed(Float64Array.from(values).sort()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sortMilliseconds', () => {
  it('property: sorts as the native sort does, natively or by the radix sort (from 512 values)', () => {
    const ms = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 3000 }));
    fc.assert(
      fc.property(fc.array(ms, { minLength: 400, maxLength: 2000 }), (values) => {
        const sorted = sortMilliseconds(Uint32Array.from(values));
        expect(Array.from(sorted)).toEqual([...values].sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });
});

/** Sorted durations in seconds (see SortedDurations: a Uint32Array holds milliseconds). */
const inSeconds = (sorted: SortedDurations): number[] => Array.from(sorted, (v) => (sorted instanceof Uint32Array ? v / 1000 : v));

describe('secondsBetween', () => {
  it.each([
    { name: 'one and a half minutes', from: 0, to: 90_000, expected: 90 },
    { name: 'milliseconds become fractions of a second', from: 1_000, to: 2_500, expected: 1.5 },
    { name: 'the same instant is 0', from: 5_000, to: 5_000, expected: 0 },
  ])('$name', ({ from, to, expected }) => {
    expect(secondsBetween(from, to)).toBe(expected);
  });
});

describe('sortDurations', () => {
  // Whole milliseconds across the integer range (the radix sort's), and often small ones (repeats).
  const wholeMs = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }).map((ms) => ms / 1000), fc.integer({ min: 0, max: 5000 }).map((ms) => ms / 1000));
  // One value that a radix sort of integer milliseconds cannot take: the list is sorted natively.
  const spoiler = fc.oneof(fc.constantFrom(4294967.296, 0.0005, 1.23456, -1, -0.001, Number.NaN, Infinity, 1e12), fc.double());
  const sortedNatively = (values: readonly number[]): number[] => Array.from(Float64Array.from(values).sort());

  it('property: the same numbers in the same order as the native sort, in the list\'s own memory only', () => {
    fc.assert(
      fc.property(fc.array(wholeMs, { minLength: 400, maxLength: 3000 }), fc.option(fc.tuple(spoiler, fc.nat()), { freq: 4 }), fc.nat(3), (values, spoilt, before) => {
        const list = [...values];
        if (spoilt !== null) list.splice(spoilt[1] % (list.length + 1), 0, spoilt[0]);
        // A view into a larger buffer: the bytes before and after it must not change.
        const memory = new Float64Array(before + list.length + 2).fill(7.5);
        const view = memory.subarray(before, before + list.length);
        view.set(list);
        expect(sortDurations(view)).toBe(view);
        const expected = sortedNatively(list);
        Array.from(view).forEach((v, i) => expect(v === expected[i] || (Number.isNaN(v) && Number.isNaN(expected[i]!))).toBe(true));
        expect(Array.from(memory.subarray(0, before))).toEqual(new Array(before).fill(7.5));
        expect(Array.from(memory.subarray(before + list.length))).toEqual([7.5, 7.5]);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('sorts a long list of whole milliseconds, repeats and the ends of the range included', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 0xffffffff : (i * 2654435761) % 0xffffffff) / 1000);
    expect(Array.from(sortDurations(Float64Array.from(values)))).toEqual(sortedNatively(values));
  });
});
