import { countOf } from './accumulators.js';
import type { Metric } from './types.js';

export const ticketsCreated: Metric<number> = {
  meta: {
    id: 'tickets_created',
    title: 'Tickets created',
    short: 'Created',
    unit: 'count',
    section: 'Volume',
    placement: 'created',
    needs: [],
    higherIsBetter: null,
    definition: 'Tickets whose created_at lies in the period.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T00:00:00Z' },
        { id: 'B', created_at: '2026-03-04T15:30:00Z' },
        { id: 'C', created_at: '2026-03-09T00:00:00Z' },
      ],
      result: 2,
      explanation: 'A (exactly at the start, which is inclusive) and B were created in the week; C at its end, which is exclusive, so it belongs to the next week.',
    },
  },
  create: countOf(),
};
