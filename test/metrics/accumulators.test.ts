import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationOf, perDistinct } from '../../src/metrics/accumulators.js';
import { durationStats, forEachMerged, ListMemory, mergedDurationStats, NumberList, percentile, toMillisecond } from '../../src/metrics/stats.js';
import type { TicketStore } from '../../src/tickets/store.js';
import type { Accumulator } from '../../src/metrics/types.js';

/**
 * The accumulators' merge (the totals are the rows merged) against feeding one accumulator
 * everything; the distinct-key count across its switch from a Set to a bitmap.
 */

const none = {} as TicketStore;

/** Hands `acc` the slots `from` to `to - 1`, within a longer list (the engine hands a row its part of one list). */
function feed(acc: Accumulator, from: number, to: number): void {
  const slots = new Int32Array(to + 3).map((_, i) => i);
  acc.add(none, slots, from, to);
}

describe('accumulators merge as if one had seen every ticket', () => {
  it('property: per distinct key, in any split, with keys above and below the bitmap threshold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -1, max: 5000 }), { maxLength: 1500 }), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const keys = parts.flat();
          // The slot is the index into `keys`: keyOf reads the key there.
          const create = perDistinct((_, slot) => keys[slot]!);
          const whole = create();
          keys.forEach((_, slot) => feed(whole, slot, slot + 1));
          const merged = create();
          let slot = 0;
          for (const part of parts) {
            const row = create();
            feed(row, slot, slot + part.length);
            slot += part.length;
            merged.merge(row);
          }
          const distinct = new Set(keys.filter((k) => k >= 0)).size;
          const used = keys.filter((k) => k >= 0).length;
          expect(whole.result()).toEqual({ numerator: used, denominator: distinct, value: distinct === 0 ? null : used / distinct });
          expect(merged.result()).toEqual(whole.result());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: durations merged from rows (and rows of rows) give the statistics of all the values, whatever the results asked first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 100_000 }).map((ms) => ms / 1000), fc.constant(Number.NaN)), { maxLength: 120 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (parts, rowsFirst) => {
          const values = parts.flat();
          const create = durationOf((_, slot) => values[slot]!);
          const whole = create();
          feed(whole, 0, values.length);
          const total = create();
          const rows = parts.map(() => create());
          let slot = 0;
          parts.forEach((part, p) => {
            feed(rows[p]!, slot, slot + part.length);
            slot += part.length;
          });
          // The first row is itself a merge of two halves (a goal over a view's rows).
          const inner = create();
          inner.merge(rows[0]!);
          for (const row of [inner, ...rows.slice(1)]) total.merge(row);
          const rowResults = rowsFirst ? rows.map((r) => r.result()) : [];
          expect(total.result()).toEqual(whole.result());
          if (rowsFirst) expect(rows.map((r) => r.result())).toEqual(rowResults);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('durations: the merged statistics are those of all the values', () => {
    const values = [5, 1, 9, Number.NaN, 3, 7, 2];
    const create = durationOf((_, slot) => values[slot]!);
    const a = create();
    const b = create();
    const all = create();
    feed(a, 0, 3);
    feed(b, 3, values.length);
    feed(all, 0, values.length);
    a.merge(b);
    expect(a.result()).toEqual(all.result());
    expect(all.result()).toEqual({ count: 6, mean: 4.5, median: 4, p90: 8 });
  });
});

describe('NumberList', () => {
  it('property: pushes keep every value in order, across the move from a field to a plain array to a typed one', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (values) => {
        const list = new NumberList();
        for (const v of values) list.push(v);
        expect(list.length).toBe(values.length);
        expect(Array.from(list.toArray())).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ListMemory: lists of durations cut from memory the store no longer needs', () => {
  /** Spare buffers handed out as TicketStore.takeSpare does: the smallest that holds `bytes`. */
  const spareOf = (sizes: number[]) => {
    const buffers = sizes.map((size) => new ArrayBuffer(size));
    const left = [...buffers].sort((a, b) => b.byteLength - a.byteLength);
    const take = (bytes: number): ArrayBuffer | undefined => {
      const at = left.findLastIndex((buffer) => buffer.byteLength >= bytes);
      return at < 0 ? undefined : left.splice(at, 1)[0];
    };
    return { buffers, take };
  };

  it('cuts long lists one after another from a buffer, then from the next, then from new memory; short ones from new memory', () => {
    const { buffers, take } = spareOf([50_000, 30_000]);
    const memory = new ListMemory(take);
    expect(memory.uint32(100)).toBeUndefined();
    const [a, b, c, d] = [memory.uint32(5000), memory.uint32(5000), memory.uint32(6000), memory.uint32(6000)];
    // 20,000 bytes: the smallest buffer that holds them; 20,000 more do not fit its rest: the other.
    expect(a!.buffer).toBe(buffers[1]);
    expect(b!.buffer).toBe(buffers[0]);
    // 24,000 more fit after b (44,000 of 50,000); the next 24,000 do not, and no buffer is left.
    expect(c!.buffer).toBe(buffers[0]);
    expect([a!.byteOffset, b!.byteOffset, c!.byteOffset, c!.length]).toEqual([0, 0, 20_000, 6000]);
    expect(d).toBeUndefined();
  });

  it('property: a NumberList in it holds and sorts the same values as one in new memory, its neighbours untouched', () => {
    const ms = fc.integer({ min: 0, max: 2 ** 32 - 1 });
    fc.assert(
      fc.property(fc.array(fc.array(ms, { minLength: 4096, maxLength: 6000 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const memory = new ListMemory(spareOf([60_000, 60_000]).take);
        const inMemory = lists.map((values) => {
          const list = new NumberList(memory);
          list.reserve(values.length);
          for (const v of values) list.push(v / 1000);
          return list;
        });
        inMemory.forEach((list, i) => {
          expect(Array.from(list.toArray())).toEqual(lists[i]!.map((v) => v / 1000));
        });
        inMemory.forEach((list, i) => {
          expect(Array.from(list.sorted(), (v) => v)).toEqual([...lists[i]!].sort((x, y) => x - y));
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('sorted runs walked merged', () => {
  const runs = fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), { maxLength: 12 });

  it('property: forEachMerged visits all their values sorted, each with its rank', () => {
    fc.assert(
      fc.property(runs, (lists) => {
        const visited: [number, number][] = [];
        forEachMerged(
          lists.map((r) => Float64Array.from(r).sort()),
          (value, rank) => visited.push([value, rank]),
        );
        expect(visited).toEqual(lists.flat().sort((a, b) => a - b).map((v, k) => [v, k]));
      }),
      { numRuns: 300 },
    );
  });

  it('property: mergedDurationStats gives the figures of all the values in one array (durations to the millisecond, any count)', () => {
    const seconds = fc.integer({ min: 0, max: 10_000_000 }).map((ms) => ms / 1000);
    fc.assert(
      fc.property(fc.array(fc.array(seconds, { maxLength: 30 }), { maxLength: 10 }), (lists) => {
        const sorted = lists.map((r) => Float64Array.from(r).sort());
        expect(mergedDurationStats(sorted)).toEqual(durationStats(Float64Array.from(lists.flat())));
      }),
      { numRuns: 500 },
    );
  });

  it('property: the figures of whole milliseconds (summed as integers, ranks searched for in long runs) are those of the values sorted', () => {
    // Negative ones too, and now and then some so large that their magnitudes pass 2^53 ms, or one
    // that is not a whole millisecond: those are walked, and must come out the same.
    const wholeMs = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -5000, max: 3_000_000_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom(2 ** 52, 2 ** 53 - 1, -(2 ** 52)) },
    );
    // Short runs are walked, long ones (64 values a run on average, see SEARCH_FROM) searched.
    const runs = fc.oneof(
      fc.array(fc.array(wholeMs, { maxLength: 30 }), { maxLength: 10 }),
      fc.array(fc.array(fc.integer({ min: -5000, max: 3_000_000_000 }), { minLength: 100, maxLength: 300 }), { minLength: 1, maxLength: 4 }),
    );
    const oneOff = fc.option(fc.constantFrom(0.0005, 1.0001, 0.1 + 0.2), { freq: 5 });
    let searched = 0;
    fc.assert(
      fc.property(runs, oneOff, (lists, odd) => {
        const seconds = lists.map((run) => run.map((ms) => ms / 1000));
        if (odd !== null && seconds.length > 0) seconds[0]!.push(odd);
        const all = seconds.flat().sort((a, b) => a - b);
        const exact = odd === null && lists.flat().reduce((m, ms) => m + Math.abs(ms), 0) <= Number.MAX_SAFE_INTEGER;
        if (exact && all.length >= 64 * lists.filter((run) => run.length > 0).length) searched++;
        // The sum: of the milliseconds as integers (BigInt, no rounding), else in sorted order.
        const sum = exact ? Number(lists.flat().reduce((m, ms) => m + BigInt(ms), 0n)) / 1000 : all.reduce((m, v) => m + v, 0);
        const expected =
          all.length === 0
            ? { count: 0, mean: null, median: null, p90: null }
            : { count: all.length, mean: toMillisecond(sum / all.length), median: toMillisecond(percentile(all, 0.5)!), p90: toMillisecond(percentile(all, 0.9)!) };
        expect(mergedDurationStats(seconds.map((run) => Float64Array.from(run).sort()))).toEqual(expected);
        // Runs of whole milliseconds as a NumberList holds them (Uint32Array), some or all of them.
        const asHeld = seconds.map((run, i) => {
          const ms = run.map((v) => Math.round(v * 1000));
          const fits = ms.every((m, k) => m >= 0 && m <= 2 ** 32 - 1 && m / 1000 === run[k]);
          return fits && (i % 2 === 0 || lists.length % 2 === 0) ? Uint32Array.from(ms).sort() : Float64Array.from(run).sort();
        });
        expect(mergedDurationStats(asHeld)).toEqual(expected);
        expect(durationStats(Float64Array.from(all))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    expect(searched).toBeGreaterThan(50);
  });

  it('a mean of whole milliseconds is exact: 13.7765 s rounds to 13.777, where adding in sorted order came to 13.776499999999999', () => {
    const values = [4.902, 13.623, 18.236, 18.345];
    expect(values.reduce((m, v) => m + v, 0) / 4).toBe(13.776499999999999);
    expect(durationStats(Float64Array.from(values)).mean).toBe(13.777);
    expect(mergedDurationStats([Float64Array.of(4.902, 18.345), Float64Array.of(13.623, 18.236)]).mean).toBe(13.777);
  });
});
