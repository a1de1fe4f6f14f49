import { countOf } from './accumulators.js';
import type { Metric } from './types.js';

export const ticketsResolved: Metric<number> = {
  meta: {
    id: 'tickets_resolved',
    title: 'Tickets resolved',
    short: 'Resolved',
    unit: 'count',
    section: 'Volume',
    placement: 'resolved',
    needs: [['solved_at', 'closed_at']],
    higherIsBetter: true,
    definition: 'Tickets whose resolved_at (solved_at, or closed_at when solved_at is blank) lies in the period.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-02-25T09:00:00Z', solved_at: '2026-03-03T09:00:00Z' },
        { id: 'B', created_at: '2026-03-02T09:00:00Z', closed_at: '2026-03-05T09:00:00Z' },
        { id: 'C', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-10T09:00:00Z' },
      ],
      result: 2,
      explanation: 'A was resolved in the week although created before it; B has no solved_at, so its closed_at counts; C was resolved the week after.',
    },
  },
  create: countOf(),
};
