import type { TicketStore } from '../tickets/store.js';
import { durationStats, NumberList, rate } from './stats.js';
import type { Accumulator, DurationValue, RateValue } from './types.js';

/**
 * The three accumulator kinds that metric modules are built from, so that each metric file holds
 * only what makes it different: which tickets count and what is measured.
 */

type SlotTest = (tickets: TicketStore, slot: number) => boolean;

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
