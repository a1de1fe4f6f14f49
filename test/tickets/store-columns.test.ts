import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase, FIELDS, type FieldKind } from '../../src/schema/fields.js';
import { emptyParsedTicket, resolvedOrByStatus, type ParsedTicket } from '../../src/schema/validate.js';
import { TicketStore, type EventFolding, type StoreColumns } from '../../src/tickets/store.js';
import { ingest } from '../helpers/build.js';

/**
 * How a store's columns are kept: dictionary codes in the narrowest integer array that holds them,
 * and the columns that hold nothing but blanks as one shared array of blanks per array type.
 */

const CREATED = Date.parse('2026-03-02T08:00:00Z');
const parsed = (fields: Partial<ParsedTicket>): ParsedTicket => ({ ...emptyParsedTicket(), createdAt: CREATED, ...fields });

/** Bytes a value of a column takes: 1 for an Int8Array. */
const width = (column: ArrayLike<number> & { BYTES_PER_ELEMENT: number }): number => column.BYTES_PER_ELEMENT;

describe('counts in the narrowest integer array', () => {
  // Counts 0–127 fit an Int8Array, to 32,767 an Int16Array; blank is -1 and unreadable -2 in each.
  const cases = [
    [0, 1],
    [127, 1],
    [128, 2],
    [32_767, 2],
    [32_768, 4],
    [2 ** 31 - 1, 4],
  ] as const;

  it.each(cases)('the largest count %i: every ticket reads its own back, from %i-byte values', (largest, bytes) => {
    const counts = [-1, 0, 7, -2, largest, 1, -1, largest - 1 < 0 ? 0 : largest - 1];
    const store = new TicketStore();
    counts.forEach((n, i) => store.upsert(parsed({ id: `T${i}`, reopens: n, agentReplies: i === 3 ? 300 : 1 }), 0));
    store.seal();
    expect(width(store.reopens)).toBe(bytes);
    expect(width(store.agentReplies)).toBe(2);
    expect(Array.from(store.reopens.subarray(0, counts.length))).toEqual(counts);
    expect(store.agentReplies[3]).toBe(300);
  });

  it("a second thread's half with larger counts widens the column it is filed into", () => {
    const log = TicketStore.log();
    log.append(parsed({ id: 'B1', reopens: 40_000 }), 0);
    log.append(parsed({ id: 'B2', reopens: 3 }), 0);
    const store = new TicketStore();
    store.upsert(parsed({ id: 'A1', reopens: 2 }), 0);
    expect(width(store.reopens)).toBe(1);
    store.replay(log.toLog(), 0, () => undefined);
    store.seal();
    expect(width(store.reopens)).toBe(4);
    expect(Array.from(store.reopens.subarray(0, 3))).toEqual([2, 40_000, 3]);
  });
});

describe("a second thread's half once filed", () => {
  const HOUR = 3_600_000;
  /** A log of three tickets (one repeating a ticket the store has) replayed after two read here. */
  const filed = (seal = true): { store: TicketStore; log: ReturnType<TicketStore['toLog']> } => {
    const part = TicketStore.log();
    part.append(parsed({ id: 'B1', agent: 'Ana', firstResponseAt: CREATED + HOUR, reopens: 40_000 }), 0);
    part.append(parsed({ id: 'A2', agent: 'Bo', updatedAt: CREATED + 5 * HOUR, reopens: 1 }), 0);
    part.append(parsed({ id: 'B2', agent: 'Cy', firstResponseAt: CREATED + 2 * HOUR }), 0);
    part.seal();
    const log = part.toLog();
    const store = new TicketStore();
    store.upsert(parsed({ id: 'A1', agent: 'Bo', reopens: 2 }), 0);
    store.upsert(parsed({ id: 'A2', agent: 'Ana', updatedAt: CREATED }), 0);
    store.replay(log, 0, () => undefined);
    if (seal) store.seal();
    return { store, log };
  };

  it('is in the store on its own: the tickets read back whole once the log is used up', () => {
    const { store } = filed();
    expect(store.length).toBe(4);
    expect([0, 1, 2, 3].map((slot) => store.idOf(slot))).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect([0, 1, 2, 3].map((slot) => store.dictionaries.agent.valueOf(store.agent[slot]!))).toEqual(['Bo', 'Bo', 'Ana', 'Cy']);
    expect(Array.from(store.reopens.subarray(0, 4))).toEqual([2, 1, 40_000, -1]);
    expect(Array.from(store.firstResponseAt.subarray(0, 4))).toEqual([Number.NaN, Number.NaN, CREATED + HOUR, CREATED + 2 * HOUR]);
  });

  /** The distinct buffers of a log's arrays. */
  const buffersOf = (log: ReturnType<TicketStore['toLog']>): ArrayBuffer[] => [...new Set([...Object.values(log.columns), log.ids.bytes, log.ids.ends].map((array) => array!.buffer as ArrayBuffer))];

  it('keeps the four largest buffers of the log for the arrays computing makes, handed out once each', () => {
    const { store, log } = filed(false);
    const buffers = buffersOf(log);
    expect(buffers.length).toBeGreaterThan(4);
    const kept = Array.from({ length: 5 }, () => store.takeSpare(1));
    expect(kept[4]).toBeUndefined();
    for (const buffer of kept.slice(0, 4)) expect(buffers).toContain(buffer);
    // None smaller than any left out (those have been freed where the runtime can: see the next test).
    const smallestKept = Math.min(...kept.slice(0, 4).map((buffer) => buffer!.byteLength));
    for (const buffer of buffers.filter((b) => !kept.includes(b))) expect(buffer.byteLength).toBeLessThanOrEqual(smallestKept);
    expect(store.takeSpare(smallestKept + 1)).toBeUndefined();
  });

  it.runIf(typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function')('frees the rest of the log at once where the runtime can (ArrayBuffer.prototype.transfer, Node 21 on)', () => {
    const { store, log } = filed(false);
    const kept = Array.from({ length: 4 }, () => store.takeSpare(1));
    const freed = buffersOf(log).filter((buffer) => !kept.includes(buffer));
    expect(freed.length).toBeGreaterThan(0);
    for (const buffer of freed) expect(buffer.byteLength).toBe(0);
    for (const buffer of kept) expect(buffer!.byteLength).toBeGreaterThan(0);
  });
});

describe('the memory of the indexes, once the last record is read', () => {
  it("is kept for the arrays computing makes: 5,000 customers' index is the largest spare buffer", () => {
    const store = new TicketStore();
    for (let i = 0; i < 5000; i++) store.upsert(parsed({ id: `T${i}`, customer: `customer-${i}@example.com` }), 0);
    // No column of 5,000 tickets takes 100 KB (8 bytes a ticket with room to grow); the index of
    // 5,000 values does (four 4-byte words an entry, at most two thirds full).
    const columns = COLUMN_NAMES.map((name) => (store as unknown as Record<string, ArrayLike<number> & { byteLength: number }>)[name]!.byteLength);
    expect(Math.max(...columns)).toBeLessThan(100_000);
    store.seal();
    const index = store.takeSpare(100_000);
    expect(index?.byteLength).toBeGreaterThanOrEqual(4 * 4 * 7500);
    expect(store.idOf(4999)).toBe('T4999');
    expect(store.dictionaries.customer.valueOf(store.customer[4999]!)).toBe('customer-4999@example.com');
  });
});

describe('the file each ticket came from, in the narrowest integer array', () => {
  it('past 127 and 32,767 files, read directly and from a log replayed, every ticket keeps its file', () => {
    const files = [0, 127, 3, 128, 32_767, 32_768, 5];
    const store = new TicketStore();
    files.slice(0, 3).forEach((file, i) => store.upsert(parsed({ id: `T${i}` }), file));
    expect(width(store.sourceFile)).toBe(1);
    const log = TicketStore.log();
    log.append(parsed({ id: 'T3' }), 0);
    store.replay(log.toLog(), files[3]!, () => undefined);
    expect(width(store.sourceFile)).toBe(2);
    files.slice(4).forEach((file, i) => store.upsert(parsed({ id: `T${i + 4}` }), file));
    store.upsert(parsed({ id: 'T0', updatedAt: CREATED }), 40_000);
    store.seal();
    expect(width(store.sourceFile)).toBe(4);
    expect(Array.from(store.sourceFile.subarray(0, files.length))).toEqual([40_000, ...files.slice(1)]);
  });

  it('a first file index past 32,767 widens one byte to four at once', () => {
    const store = new TicketStore();
    store.upsert(parsed({ id: 'A' }), 70_000);
    expect(width(store.sourceFile)).toBe(4);
    expect(store.sourceFile[0]).toBe(70_000);
  });
});

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

/** The store's columns, from the field table. */
const COLUMN_NAMES = [...new Set(FIELDS.flatMap((f) => ('store' in f && f.kind !== 'id' ? [f.store as keyof StoreColumns] : [])))];
type Column = StoreColumns[keyof StoreColumns];
const column = (store: TicketStore, name: keyof StoreColumns): Column => store[name];
/** Whether every value of an array is the blank of its type (NaN in doubles, -1 in integers). */
const allBlank = (array: Column): boolean => array.every((v) => (array instanceof Float64Array ? Number.isNaN(v) : v === -1));

describe('columns no value was written in share one array of blanks per type', () => {
  const minimal = [
    { id: 'A', created_at: '2026-03-02T08:00:00Z', agent: 'ana', handle_time: 60 },
    { id: 'B', created_at: '2026-03-02T09:00:00Z', agent: 'ben' },
  ];

  it('the absent fields of a file are one array per type, blank throughout', () => {
    const { store } = ingest(minimal);
    // Doubles: business times, first response, resolution, updated_at; Int8: answered, nps, team, counts…
    expect(store.businessResolutionTime).toBe(store.businessFirstResponseTime);
    expect(store.firstResponseAt).toBe(store.businessFirstResponseTime);
    expect(store.answered).toBe(store.nps);
    expect(store.team).toBe(store.nps);
    expect(store.reopens).toBe(store.nps);
    expect(store.reopens).toBe(store.agentReplies);
    for (const array of [store.businessResolutionTime, store.answered, store.reopens]) expect(allBlank(array)).toBe(true);
    // The fields given have their own, a value blank in some tickets too.
    expect(store.handleTime).not.toBe(store.businessResolutionTime);
    expect([store.handleTime[0], store.handleTime[1]]).toEqual([60, Number.NaN]);
    expect(store.agent).not.toBe(store.nps);
    expect(new Set(COLUMN_NAMES.map((name) => column(store, name))).size).toBe(2 + 3);
  });

  it('a later file that has the field gives its column an array of its own, the earlier tickets blank in it', () => {
    const { store } = ingest([minimal, [{ id: 'C', created_at: '2026-03-03T08:00:00Z', business_resolution_time: 3600, answered: 'no', reopens: 2 }]]);
    expect(store.businessResolutionTime).not.toBe(store.businessFirstResponseTime);
    expect(Array.from(store.businessResolutionTime.subarray(0, 3))).toEqual([Number.NaN, Number.NaN, 3600]);
    expect(Array.from(store.answered.subarray(0, 3))).toEqual([-1, -1, 0]);
    expect(Array.from(store.reopens.subarray(0, 3))).toEqual([-1, -1, 2]);
    expect(allBlank(store.businessFirstResponseTime)).toBe(true);
    expect(store.nps).toBe(store.team);
  });

  it('a column filled from other fields is not blank: resolved from the status, resolved_at from closed_at, first_response_at from a duration', () => {
    const { store } = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z', status: 'solved', closed_at: '2026-03-02T10:00:00Z', first_response_time: 90 },
      { id: 'B', created_at: '2026-03-02T09:00:00Z' },
    ]);
    expect([store.resolved[0], store.resolved[1]]).toEqual([1, -1]);
    expect([store.resolvedAt[0], store.resolvedAt[1]]).toEqual([Date.parse('2026-03-02T10:00:00Z'), Number.NaN]);
    expect([store.firstResponseAt[0], store.firstResponseAt[1]]).toEqual([Date.parse('2026-03-02T08:01:30Z'), Number.NaN]);
    expect(store.resolved).not.toBe(store.answered);
    expect(allBlank(store.answered)).toBe(true);
  });

  it('an unreadable count (-2) is not blank (-1): it never goes in the blank array', () => {
    const { store } = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z', reopens: 'twice' },
      { id: 'B', created_at: '2026-03-02T09:00:00Z' },
    ]);
    expect(store.reopens).not.toBe(store.agentReplies);
    expect([store.reopens[0], store.reopens[1]]).toEqual([-2, -1]);
    expect(allBlank(store.agentReplies)).toBe(true);
  });

  it('event logs: the resolution events decide and the status settles resolved, in arrays of their own', () => {
    const events = [
      { id: 'C', created_at: '2026-03-02T08:00:00Z', activity: 'open' },
      { id: 'C', created_at: '2026-03-02T09:00:00Z', activity: 'close', status: 'solved' },
      { id: 'D', created_at: '2026-03-02T08:30:00Z', activity: 'open' },
    ];
    const { store } = ingest(events, { eventLog: { resolvedWhen: { field: 'activity', values: ['close'] } } });
    expect([store.resolvedAt[0], store.resolvedAt[1]]).toEqual([Date.parse('2026-03-02T09:00:00Z'), Number.NaN]);
    expect([store.updatedAt[0], store.updatedAt[1]]).toEqual([Date.parse('2026-03-02T09:00:00Z'), Date.parse('2026-03-02T08:30:00Z')]);
    expect([store.resolved[0], store.resolved[1]]).toEqual([1, -1]);
    expect(store.resolved).not.toBe(store.answered);
    expect(store.firstResponseAt).toBe(store.handleTime);
    expect(allBlank(store.handleTime)).toBe(true);
  });

  /** A value of each kind as the validator gives it: blank, or one of a few (an unreadable count too). */
  const KIND_VALUES: Record<Exclude<FieldKind, 'id'>, fc.Arbitrary<unknown>> = {
    timestamp: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 10 }).map((h) => Date.UTC(2026, 2, 2, h))),
    seconds: fc.oneof(fc.constant(Number.NaN), fc.constantFrom(0, 1.5, 3600)),
    text: fc.constantFrom(null, 'a', 'b', 'solved', 'open'),
    tags: fc.constantFrom(null, 'x', 'x,y', ['y']),
    count: fc.constantFrom(-1, -2, 0, 3),
    satisfaction: fc.constantFrom(-1, 0, 1, 2),
    score: fc.constantFrom(-1, 0, 10),
    yesNo: fc.constantFrom(-1, 0, 1),
  };
  const OPTIONAL = FIELDS.filter((f) => f.kind !== 'id' && f.name !== 'created_at');
  const record = fc.record({
    id: fc.constantFrom('A', 'B', 'C', 'D'),
    createdAt: fc.integer({ min: 0, max: 10 }).map((h) => Date.UTC(2026, 2, 1, h)),
    values: fc.tuple(...OPTIONAL.map((f) => KIND_VALUES[f.kind as Exclude<FieldKind, 'id'>])),
    resolves: fc.boolean(),
    responds: fc.boolean(),
  });
  const folding = fc.option(fc.record({ resolution: fc.boolean(), firstResponse: fc.boolean() }), { nil: undefined });

  it('property: the same values as columns of their own, and no value but a blank in a blank array', () => {
    fc.assert(
      fc.property(folding, fc.uniqueArray(fc.constantFrom(...OPTIONAL.map((f) => f.name))), fc.array(record, { maxLength: 12 }), (fold: EventFolding | undefined, absent, records) => {
        // `shared` as the store makes it; `own`: every column an array of its own from the start.
        const [shared, own] = [new TicketStore(fold), new TicketStore(fold)];
        for (const name of COLUMN_NAMES) own.owned(name);
        for (const store of [shared, own]) {
          for (const r of records) {
            const ticket: ParsedTicket = { ...emptyParsedTicket(), id: r.id, createdAt: r.createdAt };
            OPTIONAL.forEach((f, i) => {
              if (!absent.includes(f.name)) (ticket as unknown as Record<string, unknown>)[camelCase(f.name)] = r.values[i];
            });
            if (fold === undefined) {
              ticket.resolved = resolvedOrByStatus(ticket.resolved, ticket.status);
              store.upsert(ticket, 0);
            } else store.foldEvent(ticket, 0, fold.resolution && r.resolves, fold.firstResponse && r.responds);
          }
          store.seal();
          if (fold !== undefined) store.settleEvents();
        }
        for (const blanks of shared.blankArrays) if (blanks !== undefined) expect(allBlank(blanks)).toBe(true);
        for (const name of COLUMN_NAMES) {
          const array = column(shared, name);
          // Two columns are one array only when it is a blank array.
          if (COLUMN_NAMES.some((other) => other !== name && column(shared, other) === array)) expect(shared.blankArrays).toContain(array);
          expect(Array.from(array.subarray(0, shared.length)), name).toEqual(Array.from(column(own, name).subarray(0, own.length)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
