import type { Dictionary, TicketStore } from './store.js';

/**
 * Conditions on a ticket's text fields or tags, as SLA policies (`match`), the report's filter
 * (`--where`) and goals (`where`) name them: a field and the values any of which may match,
 * compared ignoring case and surrounding spaces (a status by its canonical name, see
 * schema/statuses.ts conditionValue); `(none)` matches a blank value (for tags: no tags).
 */

/** The store columns a condition can test: text fields, and the tag list (any of its tags). */
export const CONDITION_FIELDS = ['channel', 'priority', 'team', 'agent', 'language', 'status', 'customer', 'tags'] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** How --where and a goal's `where` name them: `tag` (a ticket with any of the tags) for the tag list. */
export const WHERE_KEYS = CONDITION_FIELDS.map((f) => (f === 'tags' ? 'tag' : f));
export type WhereKey = Exclude<ConditionField, 'tags'> | 'tag';
export const fieldOfWhereKey = (key: WhereKey): ConditionField => (key === 'tag' ? 'tags' : key);
export const whereKeyOf = (field: ConditionField): WhereKey => (field === 'tags' ? 'tag' : field);

export interface TicketCondition {
  field: ConditionField;
  /** Lower-cased, as conditionValue gives them; `(none)` for a blank. */
  values: readonly string[];
}

/** The value that stands for a blank in a condition. */
export const NONE_VALUE = '(none)';

export type TicketTest = (slot: number) => boolean;

/** Whether a dictionary code's value is one of `values` (`(none)`: code -1), cached per code. */
function codeTest(dictionary: Dictionary, values: readonly string[]): (code: number) => boolean {
  const wanted = new Set(values);
  const none = wanted.has(NONE_VALUE);
  const cache = new Map<number, boolean>();
  return (code) => {
    let hit = cache.get(code);
    if (hit === undefined) {
      const value = dictionary.valueOf(code);
      hit = value === null ? none : wanted.has(value.toLowerCase());
      cache.set(code, hit);
    }
    return hit;
  };
}

/** One condition over the tickets of a store. */
export function conditionTest(tickets: TicketStore, { field, values }: TicketCondition): TicketTest {
  if (field === 'tags') {
    const wanted = new Set(values);
    const none = wanted.has(NONE_VALUE);
    const cache = new Map<number, boolean>();
    return (slot) => {
      const code = tickets.tags[slot]!;
      let hit = cache.get(code);
      if (hit === undefined) {
        const tags = tickets.tagListOf(code);
        hit = tags.length === 0 ? none : tags.some((tag) => wanted.has(tag.toLowerCase()));
        cache.set(code, hit);
      }
      return hit;
    };
  }
  const test = codeTest(tickets.dictionaries[field], values);
  const column = tickets[field];
  return (slot) => test(column[slot]!);
}

/** All of the conditions (none: every ticket). */
export function allOf(tickets: TicketStore, conditions: readonly TicketCondition[]): TicketTest {
  const tests = conditions.map((c) => conditionTest(tickets, c));
  if (tests.length === 0) return () => true;
  return (slot) => tests.every((test) => test(slot));
}

/**
 * The tickets that meet all the conditions, as a mask (1: selected), and how many; undefined mask
 * for no conditions (every ticket).
 */
export function selection(tickets: TicketStore, conditions: readonly TicketCondition[]): { mask: Uint8Array | undefined; count: number } {
  if (conditions.length === 0) return { mask: undefined, count: tickets.length };
  const test = allOf(tickets, conditions);
  const mask = new Uint8Array(tickets.length);
  let count = 0;
  for (let slot = 0; slot < tickets.length; slot++) {
    if (test(slot)) {
      mask[slot] = 1;
      count++;
    }
  }
  return { mask, count };
}
