import { camelCase, type TicketField } from '../schema/fields.js';
import { conditionValue } from '../schema/statuses.js';
import type { ParsedTicket } from '../schema/validate.js';

/**
 * An event log: rows that share an id are the events of one ticket (`--event-log`), folded by
 * the TicketStore (foldEvent). Which events resolve a ticket or answer it is a condition on a
 * text field of the event (`--resolved-when activity=6`). No I/O here.
 */

/** A text field whose value is one of `values` (compared trimmed and ignoring case; a status by its canonical name). */
export interface EventCondition {
  field: TicketField;
  values: readonly string[];
}

export interface EventLog {
  /** The events that resolve the ticket: it is resolved at the latest of them. */
  resolvedWhen?: EventCondition;
  /** The events that answer the customer: the first response is the earliest of them. */
  respondedWhen?: EventCondition;
}

/** Whether an event meets a condition; never, without one. */
export function eventTest(condition: EventCondition | undefined): (event: ParsedTicket) => boolean {
  if (condition === undefined) return () => false;
  const key = camelCase(condition.field) as keyof ParsedTicket;
  const values = new Set(condition.values.map((v) => conditionValue(condition.field, v)));
  return (event) => {
    const value = event[key];
    return typeof value === 'string' && values.has(value.toLowerCase());
  };
}

/** `activity=6`, `status=Closed,Resolved`: as the condition reads in messages and help. */
export function conditionText(condition: EventCondition): string {
  return `${condition.field}=${condition.values.join(',')}`;
}
