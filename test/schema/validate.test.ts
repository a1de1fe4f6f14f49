import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_INDEX, FIELDS, RECORD_FIELDS, TICKET_FIELDS, canonicalFieldOf, camelCase, type TicketField } from '../../src/schema/fields.js';
import { KINDS, type ReadContext } from '../../src/schema/field-kinds.js';
import {
  REJECTION_REASONS,
  Satisfaction,
  YesNo,
  emptyParsedTicket,
  validateRecord,
  type FieldProblem,
  type ParsedTicket,
  type RejectionCode,
} from '../../src/schema/validate.js';
import { wallTimeReader } from '../../src/time/zone.js';
import { ingest } from '../helpers/build.js';

type RawRecord = Partial<Record<TicketField, unknown>>;

const IDENTITY = Int32Array.from(TICKET_FIELDS, (_, i) => i);
const readUtc = wallTimeReader('UTC');

/** Validates one record laid out like a JSON object (every field at its own position). */
function validate(record: RawRecord, readLocal = readUtc): { problem: FieldProblem | null; aside: FieldProblem[]; ticket: ParsedTicket } {
  const values = TICKET_FIELDS.map((f) => record[f]);
  const ticket = emptyParsedTicket();
  const aside: FieldProblem[] = [];
  const problem = validateRecord(values, IDENTITY, readLocal, ticket, aside);
  return { problem, aside, ticket };
}

/** The first problem of a record: the one that rejects it, else the first value set aside. */
const firstProblem = (record: RawRecord): FieldProblem | null => {
  const { problem, aside } = validate(record);
  return problem ?? aside[0] ?? null;
};

const FIELDS_BY_NAME = Object.fromEntries(FIELDS.map((f) => [f.name, f.kind])) as Record<TicketField, keyof typeof KINDS>;

const BASE: RawRecord = { id: 'T1', created_at: '2026-03-02T08:00:00Z' };
const withBase = (record: RawRecord): RawRecord => ({ ...BASE, ...record });

const ms = (iso: string): number => Date.parse(iso);

describe('validateRecord: rejections and values set aside', () => {
  // [what, record, field, code]: the record is rejected for exactly this field and code when the
  // field is one of RECORD_FIELDS; else the record is used and exactly this value set aside.
  const cases: [string, RawRecord, TicketField, RejectionCode][] = [
    ['id absent', { created_at: '2026-03-02T08:00:00Z' }, 'id', 'missing_required'],
    ['id empty', { id: '', created_at: '2026-03-02T08:00:00Z' }, 'id', 'missing_required'],
    ['id blank', { id: '   ', created_at: '2026-03-02T08:00:00Z' }, 'id', 'missing_required'],
    ['id null (JSON)', { id: null, created_at: '2026-03-02T08:00:00Z' }, 'id', 'missing_required'],
    ['id an object (JSON)', { id: { a: 1 }, created_at: '2026-03-02T08:00:00Z' }, 'id', 'invalid_value'],
    ['id a boolean (JSON)', { id: true, created_at: '2026-03-02T08:00:00Z' }, 'id', 'invalid_value'],
    ['created_at absent', { id: 'T1' }, 'created_at', 'missing_required'],
    ['created_at blank', { id: 'T1', created_at: ' ' }, 'created_at', 'missing_required'],
    ['created_at null (JSON)', { id: 'T1', created_at: null }, 'created_at', 'missing_required'],
    ['created_at not a date', { id: 'T1', created_at: '31/02/2026' }, 'created_at', 'invalid_timestamp'],
    ['created_at impossible date', { id: 'T1', created_at: '2026-02-30T10:00:00Z' }, 'created_at', 'invalid_timestamp'],
    ['created_at a number (JSON)', { id: 'T1', created_at: 1772438400000 }, 'created_at', 'invalid_timestamp'],
    ['first_response_at bad', withBase({ first_response_at: 'soon' }), 'first_response_at', 'invalid_timestamp'],
    ['solved_at bad', withBase({ solved_at: '2026-03-02T25:00:00Z' }), 'solved_at', 'invalid_timestamp'],
    ['closed_at bad', withBase({ closed_at: 'yesterday' }), 'closed_at', 'invalid_timestamp'],
    ['updated_at bad', withBase({ updated_at: '2026-02-29T00:00:00Z' }), 'updated_at', 'invalid_timestamp'],
    ['first_response_at before created_at', withBase({ first_response_at: '2026-03-02T07:59:59Z' }), 'first_response_at', 'before_created'],
    ['solved_at before created_at', withBase({ solved_at: '2026-03-01T10:00:00Z' }), 'solved_at', 'before_created'],
    ['closed_at before created_at', withBase({ closed_at: '2026-03-02T07:00:00Z' }), 'closed_at', 'before_created'],
    ['closed_at before created_at, solved_at fine', withBase({ solved_at: '2026-03-03T00:00:00Z', closed_at: '2026-03-01T00:00:00Z' }), 'closed_at', 'before_created'],
    ['satisfaction meh', withBase({ satisfaction: 'meh' }), 'satisfaction', 'invalid_value'],
    ['satisfaction 0', withBase({ satisfaction: '0' }), 'satisfaction', 'invalid_value'],
    ['satisfaction 6', withBase({ satisfaction: 6 }), 'satisfaction', 'invalid_value'],
    ['satisfaction 4.5', withBase({ satisfaction: 4.5 }), 'satisfaction', 'invalid_value'],
    ['satisfaction a boolean', withBase({ satisfaction: true }), 'satisfaction', 'invalid_value'],
    ['nps 11', withBase({ nps: 11 }), 'nps', 'invalid_value'],
    ['nps "11"', withBase({ nps: '11' }), 'nps', 'invalid_value'],
    ['nps -1', withBase({ nps: -1 }), 'nps', 'invalid_value'],
    ['nps 7.5', withBase({ nps: 7.5 }), 'nps', 'invalid_value'],
    ['nps "7.5"', withBase({ nps: '7.5' }), 'nps', 'invalid_value'],
    ['nps "ten"', withBase({ nps: 'ten' }), 'nps', 'invalid_value'],
    ['agent_replies negative', withBase({ agent_replies: '-1' }), 'agent_replies', 'invalid_value'],
    ['agent_replies negative (typed)', withBase({ agent_replies: -1 }), 'agent_replies', 'invalid_value'],
    ['agent_replies decimal', withBase({ agent_replies: '2.5' }), 'agent_replies', 'invalid_value'],
    ['agent_replies decimal (typed)', withBase({ agent_replies: 2.5 }), 'agent_replies', 'invalid_value'],
    ['reopens negative', withBase({ reopens: '-2' }), 'reopens', 'invalid_value'],
    ['reopens decimal', withBase({ reopens: 1.5 }), 'reopens', 'invalid_value'],
    ['reopens a word', withBase({ reopens: 'twice' }), 'reopens', 'invalid_value'],
    ['handle_time negative', withBase({ handle_time: '-30' }), 'handle_time', 'invalid_value'],
    ['handle_time negative (typed)', withBase({ handle_time: -0.5 }), 'handle_time', 'invalid_value'],
    ['handle_time a word', withBase({ handle_time: 'long' }), 'handle_time', 'invalid_value'],
    ['handle_time a unit twice', withBase({ handle_time: '2m 3m' }), 'handle_time', 'invalid_value'],
    ['handle_time minutes past 59', withBase({ handle_time: '1:75:00' }), 'handle_time', 'invalid_value'],
    ['handle_time an unknown unit', withBase({ handle_time: '3 weeks' }), 'handle_time', 'invalid_value'],
    ['escalated maybe', withBase({ escalated: 'maybe' }), 'escalated', 'invalid_value'],
    ['escalated 2', withBase({ escalated: 2 }), 'escalated', 'invalid_value'],
    ['escalated "2"', withBase({ escalated: '2' }), 'escalated', 'invalid_value'],
    ['tags with a number in the list (JSON)', withBase({ tags: ['billing', 3] }), 'tags', 'invalid_value'],
    ['tags with null in the list (JSON)', withBase({ tags: ['billing', null] }), 'tags', 'invalid_value'],
    ['tags an object (JSON)', withBase({ tags: { billing: true } }), 'tags', 'invalid_value'],
    ['agent an object (JSON)', withBase({ agent: { name: 'alice' } }), 'agent', 'invalid_value'],
    ['team a list (JSON)', withBase({ team: ['core'] }), 'team', 'invalid_value'],
    ['solved_at 9999-12-31, a placeholder for "never"', withBase({ solved_at: '9999-12-31T00:00:00Z' }), 'solved_at', 'invalid_timestamp'],
    ['closed_at in 2200, after any real ticket', withBase({ closed_at: '2200-01-01T00:00:00Z' }), 'closed_at', 'invalid_timestamp'],
    ['handle_time over 100 years (typed 1e300)', withBase({ handle_time: 1e300 }), 'handle_time', 'invalid_value'],
    ['id rounded by a spreadsheet', { id: '1.23457E+19', created_at: '2026-03-02T08:00:00Z' }, 'id', 'invalid_value'],
  ];

  it.each(cases)('%s', (_what, record, field, code) => {
    const { problem, aside, ticket } = validate(record);
    if (RECORD_FIELDS.includes(field)) {
      expect(problem).not.toBeNull();
      expect({ field: problem!.field, code: problem!.code }).toEqual({ field, code });
      expect(problem!.message).not.toBe('');
      return;
    }
    expect(problem).toBeNull();
    expect(aside.map((p) => ({ field: p.field, code: p.code }))).toEqual([{ field, code }]);
    expect(aside[0]!.message).not.toBe('');
    const kind = KINDS[FIELDS_BY_NAME[field]] as { isBlankValue(value: unknown): boolean };
    expect(kind.isBlankValue((ticket as unknown as Record<string, unknown>)[camelCase(field)])).toBe(true);
  });

  it('a record with several values set aside keeps every other value, and lists each', () => {
    const { problem, aside, ticket } = validate(withBase({ satisfaction: 'meh', nps: 11, agent: 'alice', reopens: 2 }));
    expect(problem).toBeNull();
    expect(aside.map((p) => p.field)).toEqual(['satisfaction', 'nps']);
    expect(ticket).toMatchObject({ id: 'T1', agent: 'alice', reopens: 2, satisfaction: Satisfaction.none, nps: -1 });
  });

  it('every rejection code used here has a reason for the summary', () => {
    for (const [, , , code] of cases) expect(REJECTION_REASONS[code]).toEqual(expect.any(String));
  });
});

describe('validateRecord: rejection messages', () => {
  it('before created_at: the exact message of the spec', () => {
    const { problem } = validate({ id: 'T1', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-01T10:00:00Z' });
    expect(problem).toEqual({
      field: 'solved_at',
      code: 'before_created',
      message: '2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z',
    });
  });

  it('before created_at: both values as written (trimmed), even in different offsets', () => {
    const { problem } = validate({ id: 'T1', created_at: ' 2026-03-02 09:00:00+01:00 ', first_response_at: '2026-03-02T07:30:00Z ' });
    expect(problem).toEqual({
      field: 'first_response_at',
      code: 'before_created',
      message: '2026-03-02T07:30:00Z is before created_at 2026-03-02 09:00:00+01:00',
    });
  });

  it('before created_at compares instants, not text: 09:00+01:00 is not before 08:30Z', () => {
    const { problem } = validate({ id: 'T1', created_at: '2026-03-02T08:30:00Z', solved_at: '2026-03-02T09:00:00+01:00' });
    expect(problem).toMatchObject({ field: 'solved_at', code: 'before_created' });
    const ok = validate({ id: 'T1', created_at: '2026-03-02T08:30:00Z', solved_at: '2026-03-02T09:31:00+01:00' });
    expect(ok.problem).toBeNull();
  });

  it('a bad value is quoted in the message', () => {
    expect(firstProblem(withBase({ satisfaction: 'meh' }))?.message).toContain('"meh"');
    expect(firstProblem({ id: 'T1', created_at: '31/02/2026' })?.message).toContain('"31/02/2026"');
    expect(firstProblem(withBase({ nps: 11 }))?.message).toContain('"11"');
  });

  it('a huge value is cut short in the message', () => {
    const problem = firstProblem(withBase({ satisfaction: 'x'.repeat(10_000) }));
    expect(problem?.field).toBe('satisfaction');
    expect(problem!.message.length).toBeLessThan(200);
  });

  it('reports the first problem in field order', () => {
    const { problem } = validate({ id: 'T1', created_at: '2026-03-02T08:00:00Z', nps: 11, satisfaction: 'meh', solved_at: 'nope' });
    expect(problem).toMatchObject({ field: 'solved_at', code: 'invalid_timestamp' });
  });
});

describe('validateRecord: accepted values', () => {
  it('a record with only id and created_at', () => {
    const { problem, ticket } = validate(BASE);
    expect(problem).toBeNull();
    expect(ticket).toEqual({ ...emptyParsedTicket(), id: 'T1', createdAt: ms('2026-03-02T08:00:00Z') });
  });

  it('a full CSV record (every value a string)', () => {
    const { problem, ticket } = validate({
      id: ' T-9 ',
      created_at: '2026-03-02T08:00:00Z',
      first_response_at: '2026-03-02 09:00:00+01:00',
      solved_at: '2026-03-02T10:00:00.5Z',
      closed_at: '2026-03-03T10:00:00Z',
      updated_at: '2026-03-03T11:00:00Z',
      status: 'closed',
      agent: ' Alice ',
      team: 'Core',
      channel: 'email',
      priority: 'high',
      language: 'de',
      customer: 'ACME',
      satisfaction: 'Good',
      nps: '9',
      agent_replies: '3',
      reopens: '0',
      handle_time: '125.5',
      escalated: 'No',
      answered: 'Y',
      business_first_response_time: '1800',
      business_resolution_time: '7200.5',
    });
    expect(problem).toBeNull();
    expect(ticket).toEqual({
      id: 'T-9',
      createdAt: ms('2026-03-02T08:00:00Z'),
      firstResponseAt: ms('2026-03-02T08:00:00Z'),
      solvedAt: ms('2026-03-02T10:00:00.500Z'),
      closedAt: ms('2026-03-03T10:00:00Z'),
      firstResponseTime: Number.NaN,
      resolutionTime: Number.NaN,
      updatedAt: ms('2026-03-03T11:00:00Z'),
      status: 'closed',
      // blank resolved: read as blank (the Ingest lets the status decide, see resolvedOrByStatus)
      resolved: YesNo.unknown,
      activity: null,
      agent: 'Alice',
      team: 'Core',
      channel: 'email',
      priority: 'high',
      language: 'de',
      customer: 'ACME',
      satisfaction: Satisfaction.satisfied,
      nps: 9,
      agentReplies: 3,
      reopens: 0,
      handleTime: 125.5,
      escalated: YesNo.no,
      answered: YesNo.yes,
      tags: null,
      businessFirstResponseTime: 1800,
      businessResolutionTime: 7200.5,
    });
  });

  it('a full JSON record (numbers and booleans typed)', () => {
    const { problem, ticket } = validate({
      id: 42,
      created_at: '2026-03-02T08:00:00Z',
      satisfaction: 5,
      nps: 0,
      agent_replies: 0,
      reopens: 2,
      handle_time: 60,
      escalated: true,
    });
    expect(problem).toBeNull();
    expect(ticket).toMatchObject({
      id: '42',
      satisfaction: Satisfaction.satisfied,
      nps: 0,
      agentReplies: 0,
      reopens: 2,
      handleTime: 60,
      escalated: YesNo.yes,
    });
  });

  it('a timestamp equal to created_at is fine', () => {
    const at = '2026-03-02T08:00:00Z';
    const { problem, ticket } = validate({ id: 'T1', created_at: at, first_response_at: at, solved_at: at, closed_at: at });
    expect(problem).toBeNull();
    expect(ticket.solvedAt).toBe(ticket.createdAt);
  });

  it('the same instant written in another offset is not "before"', () => {
    const { problem } = validate({ id: 'T1', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-02T09:00:00+01:00' });
    expect(problem).toBeNull();
  });

  it('updated_at may precede created_at (the spec only orders the three lifecycle timestamps)', () => {
    expect(validate(withBase({ updated_at: '2026-03-01T00:00:00Z' })).problem).toBeNull();
  });

  it.each([
    ['good', Satisfaction.satisfied],
    ['GOOD', Satisfaction.satisfied],
    [' Bad ', Satisfaction.unsatisfied],
    ['1', Satisfaction.unsatisfied],
    ['2', Satisfaction.unsatisfied],
    ['3', Satisfaction.neutral],
    ['4', Satisfaction.satisfied],
    ['5', Satisfaction.satisfied],
    [1, Satisfaction.unsatisfied],
    [3, Satisfaction.neutral],
    [4, Satisfaction.satisfied],
    [5, Satisfaction.satisfied],
    ['3.0', Satisfaction.neutral],
    ['4.00', Satisfaction.satisfied],
    ['', Satisfaction.none],
    ['  ', Satisfaction.none],
    [null, Satisfaction.none],
    [undefined, Satisfaction.none],
  ])('satisfaction %j', (value, expected) => {
    const { problem, ticket } = validate(withBase({ satisfaction: value }));
    expect(problem).toBeNull();
    expect(ticket.satisfaction).toBe(expected);
  });

  it.each([
    ['9', 9],
    [' 9 ', 9],
    [9, 9],
    ['0', 0],
    [0, 0],
    ['10', 10],
    [10, 10],
    ['7.0', 7],
    ['', -1],
    [null, -1],
  ])('nps %j', (value, expected) => {
    const { problem, ticket } = validate(withBase({ nps: value }));
    expect(problem).toBeNull();
    expect(ticket.nps).toBe(expected);
  });

  it.each([
    ['agent_replies', '0', 'agentReplies', 0],
    ['agent_replies', '17', 'agentReplies', 17],
    ['agent_replies', 17, 'agentReplies', 17],
    ['agent_replies', '', 'agentReplies', -1],
    ['reopens', '3', 'reopens', 3],
    ['reopens', 0, 'reopens', 0],
    ['handle_time', '90', 'handleTime', 90],
    ['handle_time', '90.25', 'handleTime', 90.25],
    ['handle_time', 90.25, 'handleTime', 90.25],
    ['handle_time', '0', 'handleTime', 0],
    ['reopens', '2.0', 'reopens', 2],
    ['handle_time', '0:02:23', 'handleTime', 143],
    ['handle_time', '2:23', 'handleTime', 143],
    ['handle_time', '27:15:00', 'handleTime', 98_100],
    ['handle_time', '1:02:03.5', 'handleTime', 3723.5],
    ['handle_time', '2m 30s', 'handleTime', 150],
    ['handle_time', '2m30s', 'handleTime', 150],
    ['handle_time', '1.5 hours', 'handleTime', 5400],
    ['handle_time', '45 min', 'handleTime', 2700],
    ['handle_time', '1h 30m', 'handleTime', 5400],
  ] as const)('%s %j', (field, value, key, expected) => {
    const { problem, ticket } = validate(withBase({ [field]: value }));
    expect(problem).toBeNull();
    expect(ticket[key]).toBe(expected);
  });

  it('a blank handle_time is NaN (not given), never 0', () => {
    expect(validate(withBase({ handle_time: '' })).ticket.handleTime).toBeNaN();
  });

  it.each([
    ['true', YesNo.yes],
    ['TRUE', YesNo.yes],
    ['True', YesNo.yes],
    ['yes', YesNo.yes],
    ['YES', YesNo.yes],
    ['1', YesNo.yes],
    [1, YesNo.yes],
    [true, YesNo.yes],
    ['false', YesNo.no],
    ['FALSE', YesNo.no],
    ['no', YesNo.no],
    ['No', YesNo.no],
    ['0', YesNo.no],
    [0, YesNo.no],
    [false, YesNo.no],
    ['', YesNo.unknown],
    [null, YesNo.unknown],
  ])('escalated %j', (value, expected) => {
    const { problem, ticket } = validate(withBase({ escalated: value }));
    expect(problem).toBeNull();
    expect(ticket.escalated).toBe(expected);
  });

  // Tags are kept as written by validation and split by the store: check what the store holds.
  it.each([
    ['billing', ['billing']],
    ['billing,vip', ['billing', 'vip']],
    [' billing , vip , ', ['billing', 'vip']],
    ['billing,vip,billing', ['billing', 'vip']],
    ['', []],
    [',', []],
    [['billing', 'vip'], ['billing', 'vip']],
    [[' billing ', 'vip', 'billing', ''], ['billing', 'vip']],
    [[], []],
    [null, []],
  ])('tags %j', (value, expected) => {
    const summary = ingest([withBase({ tags: value })]);
    expect(summary.rejected).toBe(0);
    expect(summary.store.tagsOf(0)).toEqual(expected);
  });

  it('tags of several tickets do not leak into one another', () => {
    const summary = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z', tags: 'billing,vip' },
      { id: 'B', created_at: '2026-03-02T08:00:00Z', tags: ['vip'] },
      { id: 'C', created_at: '2026-03-02T08:00:00Z' },
      { id: 'D', created_at: '2026-03-02T08:00:00Z', tags: 'billing,vip' },
    ]);
    expect([0, 1, 2, 3].map((slot) => summary.store.tagsOf(slot))).toEqual([['billing', 'vip'], ['vip'], [], ['billing', 'vip']]);
  });

  it('blank text fields are null, never empty strings', () => {
    const { ticket } = validate(withBase({ agent: '', team: '  ', channel: null }));
    expect([ticket.agent, ticket.team, ticket.channel]).toEqual([null, null, null]);
  });
});

describe('validateRecord: column mapping', () => {
  it('reads each field from its column and treats column -1 as absent', () => {
    // A CSV whose header is: created_at, junk, id, nps (no other field).
    const column = new Int32Array(TICKET_FIELDS.length).fill(-1);
    column[FIELD_INDEX.created_at] = 0;
    column[FIELD_INDEX.id] = 2;
    column[FIELD_INDEX.nps] = 3;
    const ticket = emptyParsedTicket();
    const problem = validateRecord(['2026-03-02T08:00:00Z', 'meh', 'T7', '8'], column, readUtc, ticket, []);
    expect(problem).toBeNull();
    expect(ticket).toMatchObject({ id: 'T7', createdAt: ms('2026-03-02T08:00:00Z'), nps: 8, satisfaction: Satisfaction.none });
  });

  it('a rejected record after a valid one leaves no stale values to the next (the out object is refilled)', () => {
    const ticket = emptyParsedTicket();
    const values = (record: RawRecord): unknown[] => TICKET_FIELDS.map((f) => record[f]);
    expect(validateRecord(values(withBase({ agent: 'alice', nps: 5 })), IDENTITY, readUtc, ticket, [])).toBeNull();
    expect(validateRecord(values({ id: 'T2', created_at: '2026-03-03T08:00:00Z' }), IDENTITY, readUtc, ticket, [])).toBeNull();
    expect(ticket).toMatchObject({ id: 'T2', agent: null, nps: -1 });
  });
});

describe('validateRecord: timestamps without an offset', () => {
  it('are read in the zone of readLocal', () => {
    const { problem, ticket } = validate({ id: 'T1', created_at: '2026-03-02 00:30:00' }, wallTimeReader('Europe/Berlin'));
    expect(problem).toBeNull();
    expect(ticket.createdAt).toBe(ms('2026-03-01T23:30:00Z'));
  });
});

describe('canonicalFieldOf', () => {
  it.each([
    ['id', 'id'],
    [' ID ', 'id'],
    ['Created_At', 'created_at'],
    ['  first_response_at', 'first_response_at'],
    ['created at', undefined],
    ['createdAt', undefined],
    ['resolved_at', undefined],
    ['', undefined],
  ])('%j', (header, expected) => {
    expect(canonicalFieldOf(header)).toBe(expected);
  });
});

describe('validateRecord: properties', () => {
  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const anyRecord = fc.record(
    Object.fromEntries(TICKET_FIELDS.map((f) => [f, anyValue])) as Record<TicketField, fc.Arbitrary<unknown>>,
    { requiredKeys: [] },
  );

  it('any record is either accepted whole (with an id and a creation time) or rejected with a field and a known code', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const { problem, ticket } = validate(record);
        if (problem === null) {
          expect(ticket.id).not.toBe('');
          expect(ticket.createdAt).not.toBeNaN();
        } else {
          expect(Object.keys(REJECTION_REASONS)).toContain(problem.code);
          expect(TICKET_FIELDS).toContain(problem.field);
          expect(problem.message).not.toBe('');
        }
      }),
    );
  });

  it('any valid id and created_at with the other fields blank is accepted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (id, at) => {
          const { problem, ticket } = validate({ id, created_at: new Date(at).toISOString(), agent: '', nps: '', tags: '' });
          expect(problem).toBeNull();
          expect(ticket.id).toBe(id.trim());
          expect(ticket.createdAt).toBe(at);
        },
      ),
    );
  });
});

describe('validateRecord: durations standing for a blank timestamp', () => {
  it('first_response_time: first_response_at = created_at + the duration, when first_response_at is blank', () => {
    expect(validate(withBase({ first_response_time: '0:01:30' })).ticket.firstResponseAt).toBe(ms('2026-03-02T08:01:30Z'));
    expect(validate(withBase({ first_response_at: '2026-03-02T09:00:00Z', first_response_time: '90' })).ticket.firstResponseAt).toBe(ms('2026-03-02T09:00:00Z'));
  });

  it('resolution_time: the resolution, only when solved_at and closed_at are blank', () => {
    expect(validate(withBase({ resolution_time: '2h' })).ticket.closedAt).toBe(ms('2026-03-02T10:00:00Z'));
    const solved = validate(withBase({ solved_at: '2026-03-02T09:00:00Z', resolution_time: '2h' })).ticket;
    expect([solved.solvedAt, solved.closedAt]).toEqual([ms('2026-03-02T09:00:00Z'), ms('2026-03-02T10:00:00Z')]);
  });

  it('an unreadable duration standing for a timestamp rejects the record, as an unreadable timestamp would', () => {
    expect(validate(withBase({ first_response_time: 'soon' })).problem).toMatchObject({ field: 'first_response_time', code: 'invalid_value' });
  });
});

describe('value readers: the shortcuts for plain values read as the definitions do', () => {
  // Texts near the shortcuts' edges: digits (up to 17), a decimal point, spaces and other whitespace at either end.
  const piece = fc.constantFrom('0', '1', '7', '9', '12345', '.', '.0', ' ', '\t', '\u00a0', '\ufeff', 'a', 'E+', ':', '-', '');
  const text = fc.array(piece, { maxLength: 18 }).map((parts) => parts.join(''));
  const DECIMAL = /^\d+(?:\.\d+)?$/;
  const noProblem = (): ReadContext => ({ readLocal: () => Number.NaN, timestampsRead: false, problem: null });
  /** What a reader makes of a value: its reading, or 'refused' when it says why it cannot read it (see refuse). */
  const readOrRefused = (read: (context: ReadContext) => number): number | 'refused' => {
    const context = noProblem();
    const value = read(context);
    return context.problem === null ? value : 'refused';
  };
  const WHOLE = /^(\d+)(?:\.0+)?$/;

  it('property: blank and text as trim() says; counts as /^(\\d+)(?:\\.0+)?$/ says; seconds as a decimal number says', () => {
    fc.assert(
      fc.property(text, (value) => {
        const plain = value.trim();
        expect(KINDS.text.isBlankValue(KINDS.text.read('agent', value, noProblem()))).toBe(plain === '');
        if (plain !== '') expect(KINDS.text.read('agent', value, noProblem())).toBe(plain);
        const whole = WHOLE.exec(plain);
        const count = whole === null ? Number.NaN : Number(whole[1]);
        expect(readOrRefused((context) => KINDS.count.read('reopens', value, context))).toEqual(plain === '' ? -1 : Number.isInteger(count) && count <= 2 ** 31 - 1 ? count : 'refused');
        if (DECIMAL.test(plain)) {
          expect(readOrRefused((context) => KINDS.seconds.read('handle_time', value, context))).toEqual(Number(plain) > 100 * 365.25 * 86_400 ? 'refused' : Number(plain));
        }
      }),
      { numRuns: 5000 },
    );
  });
});
