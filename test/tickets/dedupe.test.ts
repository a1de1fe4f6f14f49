import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_INDEX, TICKET_FIELDS, type TicketField } from '../../src/schema/fields.js';
import { emptyParsedTicket, type ParsedTicket } from '../../src/schema/validate.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import { TicketStore } from '../../src/tickets/store.js';
import { wallTimeReader } from '../../src/time/zone.js';
import { ingest, type TicketInput } from '../helpers/build.js';

const CREATED = '2026-03-02T08:00:00Z';

/** A version of ticket `id`: `agent` tells the versions apart. */
const version = (id: string, agent: string, updatedAt?: string, extra: TicketInput = {}): TicketInput => ({
  id,
  created_at: CREATED,
  agent,
  ...(updatedAt === undefined ? {} : { updated_at: updatedAt }),
  ...extra,
});

/** The agent of the version kept for each id, by id. */
function kept(summary: IngestSummary): Record<string, string | null> {
  const { store } = summary;
  return Object.fromEntries(Array.from({ length: store.length }, (_, slot) => [store.idOf(slot), store.dictionaries.agent.valueOf(store.agent[slot]!)]));
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('duplicates: which record wins', () => {
  const versions = [
    version('A', 'nine', '2026-03-03T09:00:00Z'),
    version('A', 'eleven', '2026-03-03T11:00:00Z'),
    version('A', 'ten', '2026-03-03T10:00:00Z'),
  ];

  it.each(permutations(versions).map((order) => [order.map((v) => v.agent).join(', '), order] as const))(
    'the latest updated_at wins in any reading order (%s)',
    (_order, order) => {
      const summary = ingest([...order]);
      expect(kept(summary)).toEqual({ A: 'eleven' });
      expect(summary.duplicates).toBe(2);
      expect(summary.files[0]).toMatchObject({ read: 3, used: 1, duplicates: 2, rejected: 0 });
    },
  );

  it('updated_at is compared as an instant, not as text', () => {
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z, although its text sorts later.
    const summary = ingest([version('A', 'nine-utc', '2026-03-03T09:00:00Z'), version('A', 'eight-utc', '2026-03-03T10:00:00+02:00')]);
    expect(kept(summary)).toEqual({ A: 'nine-utc' });
  });

  it('equal updated_at: the record read last wins', () => {
    const at = '2026-03-03T10:00:00Z';
    expect(kept(ingest([version('A', 'first', at), version('A', 'second', at)]))).toEqual({ A: 'second' });
    // the same instant written differently is still a tie
    expect(kept(ingest([version('A', 'first', at), version('A', 'second', '2026-03-03T11:00:00+01:00')]))).toEqual({ A: 'second' });
  });

  it('no updated_at anywhere: the record read last wins', () => {
    expect(kept(ingest([version('A', 'first'), version('A', 'second'), version('A', 'third')]))).toEqual({ A: 'third' });
  });

  it('a record without updated_at loses to one with it, read before or after', () => {
    expect(kept(ingest([version('A', 'dated', '2026-03-01T00:00:00Z'), version('A', 'undated')]))).toEqual({ A: 'dated' });
    expect(kept(ingest([version('A', 'undated'), version('A', 'dated', '2026-03-01T00:00:00Z')]))).toEqual({ A: 'dated' });
    // a blank updated_at is "no updated_at"
    expect(kept(ingest([version('A', 'dated', '2026-03-01T00:00:00Z'), version('A', 'blank', '')]))).toEqual({ A: 'dated' });
  });

  it('ids are compared after trimming, and a JSON number id equals the same digits as text', () => {
    const summary = ingest([version('7', 'text'), { id: 7, created_at: CREATED, agent: 'number' }, version(' 7 ', 'padded')]);
    expect(kept(summary)).toEqual({ '7': 'padded' });
    expect(summary.duplicates).toBe(2);
  });

  it('ids are case-sensitive: "a1" and "A1" are two tickets', () => {
    expect(kept(ingest([version('a1', 'lower'), version('A1', 'upper')]))).toEqual({ a1: 'lower', A1: 'upper' });
  });

  it('other tickets are not disturbed by a duplicate', () => {
    const summary = ingest([version('A', 'a1'), version('B', 'b1'), version('A', 'a2'), version('C', 'c1')]);
    expect(kept(summary)).toEqual({ A: 'a2', B: 'b1', C: 'c1' });
    expect(summary.store.length).toBe(3);
  });

  it('the winner replaces every field, including blank ones (no mixing of two versions)', () => {
    const summary = ingest([
      version('A', 'old', '2026-03-03T09:00:00Z', { team: 'core', solved_at: '2026-03-04T00:00:00Z' }),
      version('A', 'new', '2026-03-03T10:00:00Z', { team: '' }),
    ]);
    const { store } = summary;
    expect(store.dictionaries.team.valueOf(store.team[0]!)).toBeNull();
    expect(store.resolvedAt[0]).toBeNaN();
  });
});

describe('duplicates: rejected records never take part', () => {
  it('a rejected record with a known id and a later updated_at does not replace the valid one', () => {
    const summary = ingest([
      version('A', 'valid', '2026-03-03T09:00:00Z'),
      version('A', 'invalid', '2026-03-09T00:00:00Z', { first_response_at: 'soon' }),
    ]);
    expect(kept(summary)).toEqual({ A: 'valid' });
    expect(summary.files[0]).toMatchObject({ read: 2, used: 1, rejected: 1, duplicates: 0 });
  });

  it('a rejected record read first does not count: the valid one is the only version', () => {
    const summary = ingest([version('A', 'invalid', '2026-03-09T00:00:00Z', { solved_at: '2026-03-01T00:00:00Z' }), version('A', 'valid')]);
    expect(kept(summary)).toEqual({ A: 'valid' });
    expect(summary.duplicates).toBe(0);
    expect(summary.rejected).toBe(1);
  });

  it('an id seen only in rejected records is not a ticket', () => {
    const summary = ingest([version('A', 'x', undefined, { closed_at: 'ten' }), version('A', 'y', undefined, { first_response_at: 'maybe' })]);
    expect(summary.store.length).toBe(0);
    expect(summary.files[0]).toMatchObject({ read: 2, used: 0, rejected: 2, duplicates: 0 });
  });
});

describe('duplicates across files', () => {
  it('the later file wins without updated_at; the loser is counted in its own file', () => {
    const summary = ingest([[version('A', 'file1'), version('B', 'file1')], [version('A', 'file2')], [version('B', 'file3')]]);
    expect(kept(summary)).toEqual({ A: 'file2', B: 'file3' });
    expect(summary.files.map(({ path, read, used, duplicates }) => ({ path, read, used, duplicates }))).toEqual([
      { path: 'file1.json', read: 2, used: 0, duplicates: 2 },
      { path: 'file2.json', read: 1, used: 1, duplicates: 0 },
      { path: 'file3.json', read: 1, used: 1, duplicates: 0 },
    ]);
  });

  it('an earlier file wins with a later updated_at, and the later file counts the duplicate', () => {
    const summary = ingest([[version('A', 'file1', '2026-03-05T00:00:00Z')], [version('A', 'file2', '2026-03-04T00:00:00Z')]]);
    expect(kept(summary)).toEqual({ A: 'file1' });
    expect(summary.files.map((f) => [f.used, f.duplicates])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('a ticket replaced twice charges each loser to the file it came from', () => {
    const summary = ingest([[version('A', 'v1', '2026-03-03T01:00:00Z')], [version('A', 'v2', '2026-03-03T02:00:00Z')], [version('A', 'v3', '2026-03-03T03:00:00Z')]]);
    expect(kept(summary)).toEqual({ A: 'v3' });
    expect(summary.files.map((f) => [f.used, f.duplicates])).toEqual([
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
  });

  it('property: per file, used + rejected + duplicates = read, and the winner is the latest updated_at (else the last read)', () => {
    const record = fc.record({
      id: fc.constantFrom('A', 'B', 'C'),
      updatedHour: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      valid: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.array(record, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (files) => {
        let serial = 0;
        const inputs = files.map((records) =>
          records.map((r) =>
            version(r.id, `v${serial++}`, r.updatedHour === undefined ? undefined : `2026-03-03T0${r.updatedHour}:00:00Z`, r.valid ? {} : { first_response_at: 'soon' }),
          ),
        );
        const summary = ingest(inputs);
        for (const f of summary.files) expect(f.used + f.rejected + f.duplicates).toBe(f.read);
        // The expected winner, worked out independently: among valid versions in reading order, a
        // later one replaces the held one unless the held one has updated_at and the later one has
        // none or an earlier one.
        const winner = new Map<string, { agent: string; hour: number | undefined }>();
        files.flat().forEach((r, i) => {
          if (!r.valid) return;
          const agent = inputs.flat()[i]!.agent as string;
          const held = winner.get(r.id);
          const heldWins = held !== undefined && held.hour !== undefined && (r.updatedHour === undefined || held.hour > r.updatedHour);
          if (!heldWins) winner.set(r.id, { agent, hour: r.updatedHour });
        });
        expect(kept(summary)).toEqual(Object.fromEntries([...winner].map(([id, w]) => [id, w.agent])));
        expect(summary.rejected).toBe(files.flat().filter((r) => !r.valid).length);
        expect(summary.duplicates).toBe(files.flat().filter((r) => r.valid).length - winner.size);
      }),
    );
  });
});

describe('TicketStore', () => {
  const parsed = (fields: Partial<ParsedTicket>): ParsedTicket => ({ ...emptyParsedTicket(), createdAt: Date.parse(CREATED), ...fields });

  it('upsert says what happened and which file lost', () => {
    const store = new TicketStore();
    expect(store.upsert(parsed({ id: 'A', updatedAt: 10 }), 0)).toEqual({ outcome: 'added', loserFile: -1, createdDiffers: false });
    expect(store.upsert(parsed({ id: 'A', updatedAt: 5 }), 1)).toEqual({ outcome: 'kept', loserFile: 1, createdDiffers: false });
    expect(store.upsert(parsed({ id: 'A', updatedAt: 20 }), 2)).toEqual({ outcome: 'replaced', loserFile: 0, createdDiffers: false });
    expect(store.upsert(parsed({ id: 'A', updatedAt: 20 }), 3)).toEqual({ outcome: 'replaced', loserFile: 2, createdDiffers: false });
    expect(store.upsert(parsed({ id: 'A' }), 4)).toEqual({ outcome: 'kept', loserFile: 4, createdDiffers: false });
    // Another created_at for the same id: an event of the ticket, not a copy of it.
    expect(store.upsert(parsed({ id: 'A', createdAt: 99, updatedAt: 30 }), 5)).toEqual({ outcome: 'replaced', loserFile: 3, createdDiffers: true });
    expect(store.length).toBe(1);
    expect(store.sourceFile[0]).toBe(5);
  });

  it('resolved_at is solved_at, or closed_at when solved_at is blank', () => {
    const store = new TicketStore();
    store.upsert(parsed({ id: 'solved', solvedAt: 100, closedAt: 200 }), 0);
    store.upsert(parsed({ id: 'closed', closedAt: 200 }), 0);
    store.upsert(parsed({ id: 'open' }), 0);
    expect(Array.from(store.resolvedAt.subarray(0, 3))).toEqual([100, 200, Number.NaN]);
  });

  it('keeps every value when it grows past its initial capacity', () => {
    const store = new TicketStore();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      store.upsert(parsed({ id: `T${i}`, createdAt: i * 1000, updatedAt: i, agent: `agent${i % 7}`, nps: i % 11, handleTime: i / 2 }), i % 3);
    }
    expect(store.length).toBe(n);
    for (const i of [0, 1, 1023, 1024, 1025, 1535, 1536, 2303, 2304, 4095, 4096, n - 1]) {
      expect(store.idOf(i)).toBe(`T${i}`);
      expect(store.createdAt[i]).toBe(i * 1000);
      expect(store.updatedAt[i]).toBe(i);
      expect(store.dictionaries.agent.valueOf(store.agent[i]!)).toBe(`agent${i % 7}`);
      expect(store.nps[i]).toBe(i % 11);
      expect(store.handleTime[i]).toBe(i / 2);
      expect(store.sourceFile[i]).toBe(i % 3);
    }
    // and a duplicate of an early ticket still finds its slot
    expect(store.upsert(parsed({ id: 'T3', createdAt: 3000, updatedAt: 1e9, agent: 'late' }), 9)).toEqual({ outcome: 'replaced', loserFile: 0, createdDiffers: false });
    expect(store.dictionaries.agent.valueOf(store.agent[3]!)).toBe('late');
  });

  it('room made ahead (from a file size) and given back after the last record keeps every value, too little or too much', () => {
    for (const [reserved, n] of [
      [100, 3000],
      [50_000, 2000],
      [2000, 2000],
    ] as const) {
      const store = new TicketStore();
      store.upsert(parsed({ id: 'first', handleTime: 1 }), 0);
      store.reserve(reserved);
      for (let i = 0; i < n; i++) store.upsert(parsed({ id: `T${i}`, createdAt: i, agent: `a${i % 5}`, handleTime: i }), 1);
      store.seal();
      expect(store.length).toBe(n + 1);
      expect(store.createdAt.length).toBeLessThanOrEqual(Math.max(1024, n + 1) * 1.1);
      expect([store.idOf(0), store.handleTime[0], store.sourceFile[0]]).toEqual(['first', 1, 0]);
      for (const i of [0, 999, 1023, n - 1]) {
        expect([store.idOf(i + 1), store.createdAt[i + 1], store.handleTime[i + 1], store.sourceFile[i + 1]]).toEqual([`T${i}`, i, i, 1]);
        expect(store.dictionaries.agent.valueOf(store.agent[i + 1]!)).toBe(`a${i % 5}`);
      }
    }
  });

  it('blank text is code -1 and reads back as null', () => {
    const store = new TicketStore();
    store.upsert(parsed({ id: 'A', agent: null, team: 'core' }), 0);
    expect(store.agent[0]).toBe(-1);
    expect(store.dictionaries.agent.valueOf(-1)).toBeNull();
    expect(store.dictionaries.team.valueOf(store.team[0]!)).toBe('core');
  });
});

describe('Ingest accounting', () => {
  const IDENTITY = Int32Array.from(TICKET_FIELDS, (_, i) => i);
  const values = (record: TicketInput): unknown[] => {
    const out = new Array<unknown>(TICKET_FIELDS.length);
    for (const [k, v] of Object.entries(record)) out[FIELD_INDEX[k as TicketField]] = v;
    return out;
  };

  it('counts blanks apart from records, malformed records as read and rejected, and rejections by code', () => {
    const sink = new Ingest(wallTimeReader('UTC'));
    const file = sink.openFile('t.csv');
    sink.header(file);
    sink.record(file, 2, values({ id: 'A', created_at: CREATED }), IDENTITY);
    sink.blank(file);
    sink.malformed(file, 4, 'has 2 fields where the header has 3');
    sink.record(file, 5, values({ id: 'B', created_at: 'nope' }), IDENTITY);
    sink.record(file, 6, values({ id: 'C', created_at: CREATED, nps: 11 }), IDENTITY);
    sink.record(file, 7, values({ id: 'D', created_at: CREATED, solved_at: 'meh', satisfaction: 'meh' }), IDENTITY);
    const summary = sink.finish();
    // everything read counts: 7 = 1 header + 1 blank + 2 used + 0 duplicates + 3 rejected (the malformed one among them);
    // the value set aside is not a record: C is used without its nps, and D's rejection sets nothing aside.
    expect(summary.files).toEqual([{ path: 't.csv', read: 7, header: 1, blank: 1, folded: 0, rejected: 3, duplicates: 0, used: 2, setAside: 1 }]);
    for (const f of summary.files) expect(f.header + f.blank + f.used + f.duplicates + f.rejected).toBe(f.read);
    expect(Object.fromEntries(summary.rejectionsByCode)).toEqual({ malformed_record: 1, invalid_timestamp: 2 });
    expect(summary.examples.map(({ file: f, line, field, code }) => ({ f, line, field, code }))).toEqual([
      { f: 't.csv', line: 4, field: null, code: 'malformed_record' },
      { f: 't.csv', line: 5, field: 'created_at', code: 'invalid_timestamp' },
      { f: 't.csv', line: 7, field: 'solved_at', code: 'invalid_timestamp' },
    ]);
    expect(summary.setAside).toBe(1);
    expect(summary.setAsides.examples).toEqual([{ scope: 'field', file: 't.csv', line: 6, field: 'nps', code: 'invalid_value', message: '"11" is not a score from 0 to 10' }]);
    expect(summary.store.nps[0]).toBe(-1);
  });

  it('keeps the first rejections of each reason in reading order, counts all of them, and sends every one to the rejects sink', () => {
    const all: number[] = [];
    const sink = new Ingest(wallTimeReader('UTC'), { rejects: { write: (r) => all.push(r.line) } });
    const file = sink.openFile('t.csv');
    for (let line = 2; line < 102; line++) sink.record(file, line, values({ id: `T${line}`, created_at: 'bad' }), IDENTITY);
    sink.record(file, 102, values({ id: 'N', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-01T08:00:00Z' }), IDENTITY);
    sink.record(file, 103, values({ id: 'M', created_at: '2026-03-02T08:00:00Z', nps: 11 }), IDENTITY);
    const summary = sink.finish();
    expect(summary.rejected).toBe(101);
    expect(summary.rejectionsByCode.get('invalid_timestamp')).toBe(100);
    expect(summary.examples.map((e) => [e.code, e.line])).toEqual([
      ['invalid_timestamp', 2],
      ['invalid_timestamp', 3],
      ['invalid_timestamp', 4],
      ['before_created', 102],
    ]);
    // The rejects sink also gets the value set aside (line 103).
    expect(all).toEqual(Array.from({ length: 102 }, (_, i) => i + 2));
  });
});
