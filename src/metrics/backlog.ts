import { countOf } from './accumulators.js';
import type { Metric } from './types.js';

export const backlog: Metric<number> = {
  meta: {
    id: 'backlog',
    title: 'Backlog at end of period',
    short: 'Backlog',
    unit: 'count',
    section: 'Volume',
    placement: 'open_at_end',
    needs: [['solved_at', 'closed_at', 'resolved', 'status']],
    higherIsBetter: false,
    definition:
      'Tickets open at the end of the period, whenever they were created: created_at before the end, and resolved_at blank or at or after the end. A ticket resolved at a moment the data does not give (resolved yes, or a resolved status, without resolved_at) is in no backlog: when it left it is unknown.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-02-20T09:00:00Z' },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-09T00:00:00Z' },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-06T09:00:00Z' },
        { id: 'D', created_at: '2026-03-10T09:00:00Z' },
      ],
      result: 2,
      explanation: 'At the end of the week (2026-03-09T00:00Z) A, created weeks before, is still open, and B is resolved exactly at the end, so it was still open then. C was resolved during the week; D did not exist yet.',
    },
  },
  create: countOf(),
};
