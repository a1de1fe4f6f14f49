import { describe, expect, it } from 'vitest';
import { Satisfaction, YesNo } from '../../src/schema/validate.js';
import type { EventLog } from '../../src/tickets/event-log.js';
import type { IngestSummary } from '../../src/tickets/ingest.js';
import { resolvedAtUnknownTime } from '../../src/tickets/store.js';
import { ingest, type TicketInput } from '../helpers/build.js';

/** An event of case `id` at `time` (minutes after 2026-03-02 08:00 UTC). */
const event = (id: string, minutes: number, extra: TicketInput = {}): TicketInput => ({
  id,
  created_at: new Date(Date.UTC(2026, 2, 2, 8) + minutes * 60_000).toISOString(),
  ...extra,
});
const at = (minutes: number): number => Date.UTC(2026, 2, 2, 8) + minutes * 60_000;

const CLOSING: EventLog = { resolvedWhen: { field: 'activity', values: ['close'] }, respondedWhen: { field: 'activity', values: ['reply', 'call back'] } };

/** The folded ticket of `id`: its times, agent, status, resolved. */
function ticket(summary: IngestSummary, id: string) {
  const { store } = summary;
  const slot = Array.from({ length: store.length }, (_, s) => store.idOf(s)).indexOf(id);
  return {
    createdAt: store.createdAt[slot],
    updatedAt: store.updatedAt[slot],
    resolvedAt: store.resolvedAt[slot],
    firstResponseAt: store.firstResponseAt[slot],
    agent: store.dictionaries.agent.valueOf(store.agent[slot]!),
    status: store.dictionaries.status.valueOf(store.status[slot]!),
    resolved: store.resolved[slot],
    file: summary.files[store.sourceFile[slot]!]!.path,
  };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('event logs: the events of one id fold into one ticket', () => {
  const events = [
    event('C1', 0, { activity: 'open', agent: 'ana' }),
    event('C1', 30, { activity: 'reply', agent: 'ben' }),
    event('C1', 90, { activity: 'close', agent: 'ben' }),
    event('C1', 120, { activity: 'reopen', agent: 'dev' }),
    event('C1', 200, { activity: 'close', agent: 'chloé' }),
  ];

  it('by time, never by reading order (all 120 orders of five events)', () => {
    for (const order of permutations(events)) {
      const summary = ingest(order, { eventLog: CLOSING });
      expect(ticket(summary, 'C1')).toMatchObject({ createdAt: at(0), updatedAt: at(200), resolvedAt: at(200), firstResponseAt: at(30), agent: 'chloé' });
      expect(summary.files[0]).toMatchObject({ read: 5, folded: 4, used: 1, duplicates: 0, rejected: 0 });
    }
  });

  it('resolved at the latest resolving event, answered at the earliest answering one (any of the listed values, any case)', () => {
    const summary = ingest([event('C', 0), event('C', 10, { activity: 'Call Back' }), event('C', 20, { activity: 'CLOSE' }), event('C', 25, { activity: 'reply' })], { eventLog: CLOSING });
    expect(ticket(summary, 'C')).toMatchObject({ firstResponseAt: at(10), resolvedAt: at(20), updatedAt: at(25) });
  });

  it('a case no event resolves stays open, one no event answers has no first response', () => {
    const summary = ingest([event('C', 0, { activity: 'open' }), event('C', 10, { activity: 'note' })], { eventLog: CLOSING });
    expect(ticket(summary, 'C').resolvedAt).toBeNaN();
    expect(ticket(summary, 'C').firstResponseAt).toBeNaN();
    expect(summary.presentFields).toEqual(new Set(['id', 'created_at', 'activity', 'updated_at', 'closed_at', 'first_response_at']));
  });

  it('each other field holds the value of the latest event that has one', () => {
    const summary = ingest(
      [event('C', 0, { agent: 'ana', team: 'Billing', satisfaction: 5 }), event('C', 60, { agent: 'ben', satisfaction: 2 }), event('C', 30, { team: 'Core', satisfaction: 4 }), event('C', 90, {})],
      { eventLog: {} },
    );
    const { store } = summary;
    expect(ticket(summary, 'C').agent).toBe('ben');
    expect(store.dictionaries.team.valueOf(store.team[0]!)).toBe('Core');
    expect(store.satisfaction[0]).toBe(Satisfaction.unsatisfied);
  });

  it('across thousands of cases (the store growing), a field first given by a late event still takes the latest event that has one', () => {
    // Case i: events at minutes 0..5 in a shuffled order; the agent only on events 1 and 3 (and
    // only on event 4 for a third of the cases, given after the case exists); the team on events
    // 2 and 5 of even cases (each column keeps the time of its own latest value); the channel on none.
    const cases = 3000;
    const events: TicketInput[] = [];
    const expected = new Map<string, string>();
    for (let i = 0; i < cases; i++) {
      const id = `C${i}`;
      const order = [0, 1, 2, 3, 4, 5].sort((a, b) => ((a * 7 + i) % 6) - ((b * 7 + i) % 6));
      const agentAt = i % 3 === 0 ? [4] : [1, 3];
      const teamAt = i % 2 === 0 ? [2, 5] : [];
      for (const minute of order) {
        events.push(
          event(id, minute, {
            activity: 'note',
            ...(agentAt.includes(minute) ? { agent: `agent ${i % 50}-${minute}` } : {}),
            ...(teamAt.includes(minute) ? { team: `team ${minute}` } : {}),
          }),
        );
      }
      expected.set(id, `agent ${i % 50}-${Math.max(...agentAt)}`);
    }
    const summary = ingest(events, { eventLog: {} });
    expect(summary.store.length).toBe(cases);
    const { store } = summary;
    for (let slot = 0; slot < cases; slot++) {
      const id = store.idOf(slot);
      expect(store.dictionaries.agent.valueOf(store.agent[slot]!), id).toBe(expected.get(id));
      expect(store.dictionaries.team.valueOf(store.team[slot]!), id).toBe(Number(id.slice(1)) % 2 === 0 ? 'team 5' : null);
    }
    expect(Array.from({ length: cases }, (_, slot) => store.channel[slot])).toEqual(new Array(cases).fill(-1));
  });

  it('events at the same time: the one read last gives the values, and the file', () => {
    const summary = ingest([[event('C', 0, { agent: 'ana' })], [event('C', 0, { agent: 'ben' })]], { eventLog: {} });
    expect(ticket(summary, 'C')).toMatchObject({ agent: 'ben', file: 'file2.json' });
    expect(summary.files.map((f) => [f.folded, f.used])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('across files: the ticket is used in the file of its latest event, its other events are folded where they were read', () => {
    const summary = ingest(
      [
        [event('A', 0), event('B', 0), event('A', 50)],
        [event('A', 10), event('B', 5), event('C', 1)],
      ],
      { eventLog: {} },
    );
    expect(summary.files.map(({ read, folded, used, duplicates }) => ({ read, folded, used, duplicates }))).toEqual([
      { read: 3, folded: 2, used: 1, duplicates: 0 },
      { read: 3, folded: 1, used: 2, duplicates: 0 },
    ]);
    expect(summary.store.length).toBe(3);
  });

  it('without conditions, the resolution and first response come from the columns, as for any field', () => {
    const summary = ingest([event('C', 0), event('C', 60, { solved_at: event('C', 70).created_at, first_response_at: event('C', 65).created_at })], { eventLog: {} });
    expect(ticket(summary, 'C')).toMatchObject({ createdAt: at(0), resolvedAt: at(70), firstResponseAt: at(65), updatedAt: at(60) });
  });

  it('the latest status decides a blank resolved: a case closed and reopened is open', () => {
    const reopened = ingest([event('C', 0, { status: 'New' }), event('C', 10, { status: 'Closed' }), event('C', 20, { status: 'Open' })], { eventLog: {} });
    expect(ticket(reopened, 'C')).toMatchObject({ status: 'open', resolved: YesNo.unknown });
    const closed = ingest([event('C', 0, { status: 'New' }), event('C', 10, { status: 'Closed' }), event('C', 20, {})], { eventLog: {} });
    expect(ticket(closed, 'C')).toMatchObject({ status: 'closed', resolved: YesNo.yes });
    expect(resolvedAtUnknownTime(closed.store, 0)).toBe(true);
  });

  it('a rejected event is rejected alone, and is no part of its ticket', () => {
    const summary = ingest([event('C', 0, { agent: 'ana' }), { id: 'C', created_at: 'soon', agent: 'ben' }, event('C', 5)], { eventLog: {} });
    expect(summary.files[0]).toMatchObject({ read: 3, folded: 1, used: 1, rejected: 1 });
    expect(ticket(summary, 'C').agent).toBe('ana');
  });

  it('without --event-log, rows with the same id are copies: one wins (and nothing is folded)', () => {
    const summary = ingest([event('C', 0, { agent: 'ana' }), event('C', 10, { agent: 'ben' })]);
    expect(summary.files[0]).toMatchObject({ read: 2, folded: 0, used: 1, duplicates: 1 });
    expect(summary.notices.join('\n')).toContain('looks like an event log');
  });
});
