import { SlaState, type SlaOutcomes, type SlaTarget } from '../sla/evaluate.js';
import type { TicketStore } from '../tickets/store.js';
import { mergedDurationStats, NumberList, rate, sortedDurationStats, type ListMemory } from './stats.js';
import type { Accumulator, DurationValue, MetricContext, RateValue } from './types.js';

/**
 * The accumulator kinds that metric modules are built from, so that each metric file holds only
 * what makes it different: which tickets count and what is measured.
 */

export type SlotTest = (tickets: TicketStore, slot: number) => boolean;

const always: SlotTest = () => true;

/*
 * Classes, not closures: a report split by many groups makes an accumulator per metric per row,
 * and an object with two closures over a context took ~200 bytes where an instance takes ~40.
 */

class Count implements Accumulator<number> {
  private n = 0;
  constructor(private readonly counts: SlotTest) {}
  add(tickets: TicketStore, slots: Int32Array, from: number, to: number): void {
    const counts = this.counts;
    if (counts === always) {
      this.n += to - from;
      return;
    }
    let n = 0;
    for (let i = from; i < to; i++) if (counts(tickets, slots[i]!)) n++;
    this.n += n;
  }
  fresh(): Count {
    return new Count(this.counts);
  }
  merge(other: Count): void {
    this.n += other.n;
  }
  result(): number {
    return this.n;
  }
}

/** Counts the placed tickets (all of them, or those that pass `counts`). */
export const countOf =
  (counts: SlotTest = always) =>
  (): Accumulator<number> =>
    new Count(counts);

class Share implements Accumulator<RateValue> {
  private numerator = 0;
  private denominator = 0;
  constructor(
    private readonly inDenominator: SlotTest,
    private readonly inNumerator: SlotTest,
  ) {}
  add(tickets: TicketStore, slots: Int32Array, from: number, to: number): void {
    const { inDenominator, inNumerator } = this;
    let denominator = 0;
    let numerator = 0;
    for (let i = from; i < to; i++) {
      const slot = slots[i]!;
      if (!inDenominator(tickets, slot)) continue;
      denominator++;
      if (inNumerator(tickets, slot)) numerator++;
    }
    this.denominator += denominator;
    this.numerator += numerator;
  }
  fresh(): Share {
    return new Share(this.inDenominator, this.inNumerator);
  }
  merge(other: Share): void {
    this.numerator += other.numerator;
    this.denominator += other.denominator;
  }
  result(): RateValue {
    return rate(this.numerator, this.denominator);
  }
}

/** Of the placed tickets that pass `inDenominator`, the share that also pass `inNumerator`. */
export const shareOf =
  (inDenominator: SlotTest, inNumerator: SlotTest) =>
  (): Accumulator<RateValue> =>
    new Share(inDenominator, inNumerator);

/**
 * Distinct keys (dictionary codes, dense from 0): a Set while there are few, then a bitmap, whose
 * test-and-set is several times cheaper than a Set's add once there are thousands (330,000 distinct
 * customers in the totals of a million tickets).
 */
class KeySet {
  /** While it holds one key, that key (and no Set is made: most rows split by many groups hold one). */
  private one = -1;
  private set: Set<number> | undefined;
  private bits: Uint32Array | undefined;
  size = 0;

  add(key: number): void {
    const bits = this.bits;
    if (bits !== undefined) {
      const word = key >>> 5;
      const bit = 1 << (key & 31);
      if (word < bits.length && (bits[word]! & bit) !== 0) return;
      this.setBit(word, bit);
      return;
    }
    const set = this.set;
    if (set === undefined) {
      if (this.size === 0) {
        this.one = key;
        this.size = 1;
      } else if (key !== this.one) {
        this.set = new Set([this.one, key]);
        this.size = 2;
      }
      return;
    }
    set.add(key);
    this.size = set.size;
    if (set.size > BITMAP_FROM) this.toBitmap();
  }

  forEach(use: (key: number) => void): void {
    const bits = this.bits;
    if (bits !== undefined) {
      for (let word = 0; word < bits.length; word++) {
        for (let rest = bits[word]!; rest !== 0; rest &= rest - 1) use(word * 32 + 31 - Math.clz32(rest & -rest));
      }
    } else if (this.set !== undefined) this.set.forEach(use);
    else if (this.size === 1) use(this.one);
  }

  private setBit(word: number, bit: number): void {
    if (word >= this.bits!.length) {
      const bigger = new Uint32Array(Math.max(word + 1, this.bits!.length * 2));
      bigger.set(this.bits!);
      this.bits = bigger;
    }
    this.bits![word]! |= bit;
    this.size++;
  }

  private toBitmap(): void {
    const keys = this.set!;
    this.set = undefined;
    this.bits = new Uint32Array(64);
    this.size = 0;
    for (const key of keys) this.setBit(key >>> 5, 1 << (key & 31));
  }
}

/** Keys a KeySet holds in a Set before it turns to a bitmap. */
const BITMAP_FROM = 1024;

class PerDistinct implements Accumulator<RateValue> {
  private tickets = 0;
  /** Made at the first key: most rows of a report split by many groups hold few tickets. */
  private keys: KeySet | undefined;
  constructor(private readonly keyOf: (tickets: TicketStore, slot: number) => number) {}
  add(store: TicketStore, slots: Int32Array, from: number, to: number): void {
    const keyOf = this.keyOf;
    for (let i = from; i < to; i++) {
      const key = keyOf(store, slots[i]!);
      if (key < 0) continue;
      this.tickets++;
      (this.keys ??= new KeySet()).add(key);
    }
  }
  fresh(): PerDistinct {
    return new PerDistinct(this.keyOf);
  }
  merge(other: PerDistinct): void {
    this.tickets += other.tickets;
    if (other.keys === undefined) return;
    const keys = (this.keys ??= new KeySet());
    other.keys.forEach((key) => keys.add(key));
  }
  result(): RateValue {
    return rate(this.tickets, this.keys?.size ?? 0);
  }
}

/**
 * Placed tickets per distinct key (per customer, per agent): numerator = tickets with a key
 * (code ≥ 0), denominator = distinct keys among them.
 */
export const perDistinct =
  (keyOf: (tickets: TicketStore, slot: number) => number) =>
  (): Accumulator<RateValue> =>
    new PerDistinct(keyOf);

class Duration implements Accumulator<DurationValue> {
  private readonly values: NumberList;
  /** The lists of the accumulators merged in (the rows, for the totals), merged when the result is asked for. */
  private readonly merged: NumberList[] = [];
  constructor(
    private readonly secondsOf: (tickets: TicketStore, slot: number) => number,
    private readonly memory?: ListMemory,
  ) {
    this.values = new NumberList(memory);
  }
  add(tickets: TicketStore, slots: Int32Array, from: number, to: number): void {
    const { secondsOf, values } = this;
    // Room for them all at once: a row's list is then the size of its values, not doubled past them.
    values.reserve(to - from);
    for (let i = from; i < to; i++) {
      const seconds = secondsOf(tickets, slots[i]!);
      if (!Number.isNaN(seconds)) values.push(seconds);
    }
  }
  fresh(): Duration {
    return new Duration(this.secondsOf, this.memory);
  }
  merge(other: Duration): void {
    this.merged.push(other.values, ...other.merged);
  }
  result(): DurationValue {
    if (this.merged.length === 0) return sortedDurationStats(this.values.sorted());
    // Each list sorted (a row's list once, for its own figures), then read together (see mergedDurationStats).
    return mergedDurationStats([this.values, ...this.merged].map((list) => list.sorted()));
  }
}

/** Statistics of a duration in seconds; `secondsOf` returns NaN for a ticket that has none. */
export const durationOf =
  (secondsOf: (tickets: TicketStore, slot: number) => number) =>
  (context?: MetricContext): Accumulator<DurationValue> =>
    new Duration(secondsOf, context?.lists);

/** Of the placed tickets with an SLA outcome for `target` (met or breached), the share met. */
export const slaAchieved = (outcomes: SlaOutcomes, target: SlaTarget) =>
  shareOf(
    (_, slot) => {
      const state = outcomes.stateOf(slot, target);
      return state === SlaState.met || state === SlaState.breached;
    },
    (_, slot) => outcomes.stateOf(slot, target) === SlaState.met,
  );
