import { countOf } from './kinds.js';
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
  },
  create: countOf(),
};
