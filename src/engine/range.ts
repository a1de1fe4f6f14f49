import { formatCount } from '../count-text.js';
import { InputError } from '../errors.js';
import type { TicketStore } from '../tickets/store.js';
import { endOfPeriodHolding, periodCount, startOfPeriodHolding, type Period } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';

/** An event that bounds the data: which ticket (store slot) and which of its timestamps. */
export interface SpanEvent {
  slot: number;
  event: 'created' | 'first response' | 'resolved';
}

export interface EventSpan {
  /** The earliest and latest event (created, first response, resolved) among the tickets, epoch ms. */
  earliest: number;
  latest: number;
  earliestEvent?: SpanEvent;
  latestEvent?: SpanEvent;
}

/** The earliest and latest event among the tickets, and where each is; null when there are none. */
export function eventSpan(tickets: TicketStore): Required<EventSpan> | null {
  const span = { earliest: Infinity, latest: -Infinity, earliestEvent: { slot: -1, event: 'created' }, latestEvent: { slot: -1, event: 'created' } } as Required<EventSpan>;
  const consider = (at: number, slot: number, event: SpanEvent['event']): void => {
    if (at < span.earliest) {
      span.earliest = at;
      span.earliestEvent = { slot, event };
    }
    if (at > span.latest) {
      span.latest = at;
      span.latestEvent = { slot, event };
    }
  };
  for (let slot = 0; slot < tickets.length; slot++) {
    consider(tickets.createdAt[slot]!, slot, 'created');
    const firstResponse = tickets.firstResponseAt[slot]!;
    if (!Number.isNaN(firstResponse)) consider(firstResponse, slot, 'first response');
    const resolved = tickets.resolvedAt[slot]!;
    if (!Number.isNaN(resolved)) consider(resolved, slot, 'resolved');
  }
  return span.earliest === Infinity ? null : span;
}

/**
 * The most periods the data may stretch a range over: 5,000 is over 13 years of days, 96 years of
 * weeks. One far-off date (a typo, a "never" placeholder) must not make a report of thousands of
 * empty periods that takes minutes and gigabytes. What the user asks for is theirs: a range from
 * --from to --to is not limited, nor the part of a range between a given bound and the data.
 */
export const MAX_DATA_RANGE_PERIODS = 5000;

/**
 * The report's range [from, to). Given bounds are kept as they are; a missing one runs to the edge
 * of the period holding the earliest (latest) event, or of the period holding the given other bound
 * when the data lies entirely beyond it. When the data's own extent within the range (from its
 * first to its last event, each cut at a given bound) holds more than MAX_DATA_RANGE_PERIODS
 * periods, and a bound was found from the data, that is an input error naming the events at its
 * ends (`nameTicket(slot)`: `ticket 17 in tickets.csv`).
 */
export function resolveRange(
  span: EventSpan,
  period: Period,
  zone: string,
  given: { from?: number; to?: number },
  nameTicket: (slot: number) => string = (slot) => `ticket ${slot + 1}`,
): { from: number; to: number } {
  const from = given.from ?? startOfPeriodHolding(Math.min(span.earliest, (given.to ?? Infinity) - 1), period, zone);
  const to = given.to ?? endOfPeriodHolding(Math.max(span.latest, from), period, zone);
  if (given.from === undefined || given.to === undefined) {
    // --from 1990-01-01 on four days of data is 13,000 days the user asked for: only the stretch
    // the data itself spans counts.
    const dataFrom = Math.max(from, startOfPeriodHolding(span.earliest, period, zone));
    const dataTo = Math.min(to, endOfPeriodHolding(span.latest, period, zone));
    const periods = periodCount(dataFrom, dataTo, period, zone);
    if (periods > MAX_DATA_RANGE_PERIODS) {
      const at = (time: number, event: SpanEvent | undefined): string =>
        `${formatInstant(time, zone).slice(0, 10)}${event === undefined ? '' : ` (${nameTicket(event.slot)}, ${event.event})`}`;
      throw new InputError(
        `the data runs from ${at(span.earliest, span.earliestEvent)} to ${at(span.latest, span.latestEvent)}: ` +
          `${formatCount(periods)} ${period}s, more than the ${formatCount(MAX_DATA_RANGE_PERIODS)} a range found from the data may hold; ` +
          'a date that far off is often a typo or a placeholder for "never": correct that record, or give --from and --to',
      );
    }
  }
  return { from, to };
}
