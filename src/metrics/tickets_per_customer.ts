import { perDistinct } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const ticketsPerCustomer: Metric<RateValue> = {
  meta: {
    id: 'tickets_per_customer',
    title: 'Tickets per customer',
    short: 'Per customer',
    unit: 'ratio',
    section: 'Workload',
    placement: 'created',
    needs: [['customer']],
    higherIsBetter: false,
    definition:
      'Tickets created in the period with a customer (numerator), per distinct customer among them (denominator); value = numerator / denominator.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', customer: 'C1' },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', customer: 'C1' },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', customer: 'C2' },
        { id: 'D', created_at: '2026-03-05T09:00:00Z' },
      ],
      result: { numerator: 3, denominator: 2, value: 1.5 },
      explanation: 'Three tickets name a customer, from two customers (C1 twice); D names none: 3 / 2 = 1.5.',
    },
  },
  create: perDistinct((t, slot) => t.customer[slot]!),
};
