import { countOf } from './kinds.js';
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
  },
  create: countOf(),
};
