import { countOf } from './kinds.js';
import type { Metric } from './types.js';

export const backlog: Metric<number> = {
  meta: {
    id: 'backlog',
    title: 'Backlog at end of period',
    short: 'Backlog',
    unit: 'count',
    section: 'Volume',
    placement: 'open_at_end',
    needs: [['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Tickets open at the end of the period, whenever they were created: created_at before the end, and resolved_at blank or at or after the end.',
  },
  create: countOf(),
};
