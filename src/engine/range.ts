import type { TicketStore } from '../tickets/store.js';
import { endOfPeriodHolding, startOfPeriodHolding, type Period } from '../time/periods.js';

/** The earliest and latest event (created, first response, resolved) among the tickets, epoch ms. */
export function eventSpan(tickets: TicketStore): { earliest: number; latest: number } | null {
  let earliest = Infinity;
  let latest = -Infinity;
  const consider = (at: number): void => {
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  };
  for (let slot = 0; slot < tickets.length; slot++) {
    consider(tickets.createdAt[slot]!);
    const firstResponse = tickets.firstResponseAt[slot]!;
    if (!Number.isNaN(firstResponse)) consider(firstResponse);
    const resolved = tickets.resolvedAt[slot]!;
    if (!Number.isNaN(resolved)) consider(resolved);
  }
  return earliest === Infinity ? null : { earliest, latest };
}

/**
 * The report's range [from, to). Given bounds are kept as they are; a missing one runs to the edge
 * of the period holding the earliest (latest) event, or of the period holding the given other bound
 * when the data lies entirely beyond it.
 */
export function resolveRange(
  span: { earliest: number; latest: number },
  period: Period,
  zone: string,
  given: { from?: number; to?: number },
): { from: number; to: number } {
  const from = given.from ?? startOfPeriodHolding(Math.min(span.earliest, (given.to ?? Infinity) - 1), period, zone);
  const to = given.to ?? endOfPeriodHolding(Math.max(span.latest, from), period, zone);
  return { from, to };
}
