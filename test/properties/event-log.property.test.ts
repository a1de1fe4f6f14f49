import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketField } from '../../src/schema/fields.js';
import type { EventLog } from '../../src/tickets/event-log.js';
import { reportOf, type TicketInput } from '../helpers/build.js';

/**
 * An event log and its folded form (one row per ticket, folded here by a reference written apart
 * from the store's fold) give the same report, whatever order the events are read in and however
 * they are split across files.
 */

const runs = (n: number): number => n * Number(process.env.PROPERTY_RUNS ?? '1');

const START = Date.UTC(2026, 2, 2);
const iso = (ms: number): string => new Date(ms).toISOString();

interface Event {
  id: string;
  /** Minutes after START. */
  minute: number;
  activity: string | undefined;
  agent: string | undefined;
  status: string | undefined;
  satisfaction: number | undefined;
}

const eventArb: fc.Arbitrary<Event> = fc.record({
  id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
  // Few distinct minutes over three weeks: ties between events of one case happen.
  minute: fc.integer({ min: 0, max: 60 }).map((m) => m * 503),
  activity: fc.option(fc.constantFrom('open', 'reply', 'note', 'close', 'Close'), { nil: undefined }),
  agent: fc.option(fc.constantFrom('ana', 'ben', 'chloé'), { nil: undefined }),
  status: fc.option(fc.constantFrom('Open', 'Pending', 'Closed', 'Solved'), { nil: undefined }),
  satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});

const LOG: EventLog = { resolvedWhen: { field: 'activity', values: ['close'] }, respondedWhen: { field: 'activity', values: ['reply'] } };

/** The event as a record of an event log: its time in created_at. */
function record(e: Event): TicketInput {
  return { id: e.id, created_at: iso(START + e.minute * 60_000), activity: e.activity, agent: e.agent, status: e.status, satisfaction: e.satisfaction };
}

/**
 * The reference fold: per id, the events sorted by time (ties keep reading order); created at the
 * first, updated at the last; closed at the last `close`, answered at the first `reply`; every
 * other field from the last event that has it.
 */
function fold(events: readonly Event[]): TicketInput[] {
  const ids = [...new Set(events.map((e) => e.id))].sort();
  return ids.map((id) => {
    const mine = events.filter((e) => e.id === id).sort((a, b) => a.minute - b.minute);
    const at = (e: Event | undefined): string | undefined => (e === undefined ? undefined : iso(START + e.minute * 60_000));
    const latest = <K extends 'agent' | 'status' | 'satisfaction'>(key: K): Event[K] => mine.findLast((e) => e[key] !== undefined)?.[key];
    return {
      id,
      created_at: at(mine[0]),
      updated_at: at(mine.at(-1)),
      closed_at: at(mine.findLast((e) => e.activity?.toLowerCase() === 'close')),
      first_response_at: at(mine.find((e) => e.activity === 'reply')),
      agent: latest('agent'),
      status: latest('status'),
      satisfaction: latest('satisfaction'),
    };
  });
}

const PRESENT: TicketField[] = ['updated_at', 'closed_at', 'first_response_at', 'agent', 'status', 'satisfaction', 'activity'];

describe('an event log and its folded form give the same report', () => {
  it('in any reading order, split across files, for any period and --by agent', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('day' as const, 'week' as const, 'all' as const),
        fc.boolean(),
        (events, cut, period, byAgent) => {
          const options = { period, by: byAgent ? (['agent'] as const).slice() : [], presentFields: PRESENT };
          const records = events.map(record);
          const folded = reportOf(fold(events), options);
          const read = reportOf([records.slice(0, cut), records.slice(cut)], { ...options, eventLog: LOG });
          expect(read.rows).toEqual(folded.rows);
          expect(read.totals).toEqual(folded.totals);
          expect(read.notes).toEqual(folded.notes);
          expect(read.input.folded).toBe(events.length - folded.input.records);
          for (const f of read.input.files) expect(f.header + f.blank + f.folded + f.records + f.duplicates + f.rejected).toBe(f.read);
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
