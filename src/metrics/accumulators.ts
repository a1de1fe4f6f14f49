import { SlaState } from '../sla/evaluate.js';
import type { TicketStore } from '../tickets/store.js';
import { durationStats, NumberList, rate } from './stats.js';
import type { Accumulator, DurationValue, RateValue } from './types.js';

/**
 * The accumulator kinds that metric modules are built from, so that each metric file holds only
 * what makes it different: which tickets count and what is measured.
 */

export type SlotTest = (tickets: TicketStore, slot: number) => boolean;

/** Counts the placed tickets (all of them, or those that pass `counts`). */
export const countOf =
  (counts: SlotTest = () => true) =>
  (): Accumulator<number> => {
    let n = 0;
    return {
      add(tickets, slot) {
        if (counts(tickets, slot)) n++;
      },
      result: () => n,
    };
  };

/** Of the placed tickets that pass `inDenominator`, the share that also pass `inNumerator`. */
export const shareOf =
  (inDenominator: SlotTest, inNumerator: SlotTest) =>
  (): Accumulator<RateValue> => {
    let numerator = 0;
    let denominator = 0;
    return {
      add(tickets, slot) {
        if (!inDenominator(tickets, slot)) return;
        denominator++;
        if (inNumerator(tickets, slot)) numerator++;
      },
      result: () => rate(numerator, denominator),
    };
  };

/**
 * Placed tickets per distinct key (per customer, per agent): numerator = tickets with a key
 * (code ≥ 0), denominator = distinct keys among them.
 */
export const perDistinct =
  (keyOf: (tickets: TicketStore, slot: number) => number) =>
  (): Accumulator<RateValue> => {
    let tickets = 0;
    const keys = new Set<number>();
    return {
      add(store, slot) {
        const key = keyOf(store, slot);
        if (key < 0) return;
        tickets++;
        keys.add(key);
      },
      result: () => rate(tickets, keys.size),
    };
  };

/** Statistics of a duration in seconds; `secondsOf` returns NaN for a ticket that has none. */
export const durationOf =
  (secondsOf: (tickets: TicketStore, slot: number) => number) =>
  (): Accumulator<DurationValue> => {
    const values = new NumberList();
    return {
      add(tickets, slot) {
        const seconds = secondsOf(tickets, slot);
        if (!Number.isNaN(seconds)) values.push(seconds);
      },
      result: () => durationStats(values.toArray()),
    };
  };

/** Of the placed tickets with an SLA outcome (met or breached, per `outcomes`), the share met. */
export const slaAchieved = (outcomes: Int8Array) =>
  shareOf(
    (_, slot) => outcomes[slot] === SlaState.met || outcomes[slot] === SlaState.breached,
    (_, slot) => outcomes[slot] === SlaState.met,
  );
