import { describe, expect, it } from 'vitest';
import { emptyParsedTicket, type ParsedTicket } from '../../src/schema/validate.js';
import { TicketStore } from '../../src/tickets/store.js';

/** How a store's columns are kept: dictionary codes in the narrowest integer array that holds them. */

const CREATED = Date.parse('2026-03-02T08:00:00Z');
const parsed = (fields: Partial<ParsedTicket>): ParsedTicket => ({ ...emptyParsedTicket(), createdAt: CREATED, ...fields });

/** Bytes a value of a column takes: 1 for an Int8Array. */
const width = (column: ArrayLike<number> & { BYTES_PER_ELEMENT: number }): number => column.BYTES_PER_ELEMENT;

describe('text codes in the narrowest integer array', () => {
  // Codes 0–127 fit an Int8Array, 0–32,767 an Int16Array: each side of both limits.
  const cases = [
    [1, 1],
    [127, 1],
    [128, 1],
    [129, 2],
    [32_767, 2],
    [32_768, 2],
    [32_769, 4],
  ] as const;

  it.each(cases)('%i distinct agents: every ticket reads its own back, from %i-byte codes', (agents, bytes) => {
    const store = new TicketStore();
    // A blank agent first and among them: -1 must stay -1 across the copies into wider arrays.
    store.upsert(parsed({ id: 'blank' }), 0);
    for (let i = 0; i < agents; i++) store.upsert(parsed({ id: `T${i}`, agent: `agent ${i}`, team: i % 2 === 0 ? 'even' : null }), 0);
    store.seal();
    expect(width(store.agent)).toBe(bytes);
    expect(width(store.team)).toBe(1);
    expect(store.agent[0]).toBe(-1);
    for (let i = 0; i < agents; i++) {
      expect(store.dictionaries.agent.valueOf(store.agent[i + 1]!)).toBe(`agent ${i}`);
      expect(store.dictionaries.team.valueOf(store.team[i + 1]!)).toBe(i % 2 === 0 ? 'even' : null);
    }
  });

  it('a replaced ticket whose new agent makes the column wider keeps it', () => {
    const store = new TicketStore();
    for (let i = 0; i < 128; i++) store.upsert(parsed({ id: `T${i}`, agent: `agent ${i}`, updatedAt: 1 }), 0);
    expect(width(store.agent)).toBe(1);
    // The 129th agent arrives in a ticket already stored: its slot is in the middle of the column.
    store.upsert(parsed({ id: 'T5', agent: 'newcomer', updatedAt: 2 }), 1);
    expect(width(store.agent)).toBe(2);
    expect(store.dictionaries.agent.valueOf(store.agent[5]!)).toBe('newcomer');
    expect(store.dictionaries.agent.valueOf(store.agent[127]!)).toBe('agent 127');
  });

  it('tag lists past 128 and 32,768 distinct values', () => {
    const store = new TicketStore();
    const n = 50_000; // 33,333 distinct lists
    for (let i = 0; i < n; i++) store.upsert(parsed({ id: `T${i}`, tags: i % 3 === 0 ? null : `tag${i},shared` }), 0);
    expect(width(store.tags)).toBe(4);
    for (let i = 0; i < n; i++) expect(store.tagsOf(i)).toEqual(i % 3 === 0 ? [] : [`tag${i}`, 'shared']);
  });

  it.each(cases)('event logs: %i distinct agents, the later events of tickets already folded making the column wider (%i-byte codes)', (agents, bytes) => {
    const store = new TicketStore({ resolution: false, firstResponse: false });
    // Half the agents come with the tickets' first events, the other half with later events of
    // tickets already folded, so that the column is made wider while it holds values.
    const half = Math.ceil(agents / 2);
    for (let i = 0; i < half; i++) store.foldEvent(parsed({ id: `T${i}`, agent: `agent ${i}` }), 0, false, false);
    for (let i = half; i < agents; i++) store.foldEvent(parsed({ id: `T${i - half}`, createdAt: CREATED + 1000, agent: `agent ${i}` }), 0, false, false);
    // An event without an agent, and an older one with another: neither replaces the latest agent.
    store.foldEvent(parsed({ id: 'T0', createdAt: CREATED + 2000 }), 0, false, false);
    store.foldEvent(parsed({ id: 'T0', createdAt: CREATED - 1000, agent: 'older' }), 0, false, false);
    store.seal();
    store.settleEvents();
    expect(width(store.agent)).toBe(bytes);
    expect(store.length).toBe(half);
    for (let i = 0; i < half; i++) {
      const latest = i + half < agents ? i + half : i;
      expect(store.dictionaries.agent.valueOf(store.agent[i]!)).toBe(`agent ${latest}`);
    }
    // The older event's agent was never stored, nor interned.
    expect(store.dictionaries.agent.values).toHaveLength(agents);
  });
});
