import { perDistinct } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const resolvedPerAgent: Metric<RateValue> = {
  meta: {
    id: 'resolved_per_agent',
    title: 'Tickets resolved per agent',
    short: 'Per agent',
    unit: 'ratio',
    section: 'Workload',
    placement: 'resolved',
    needs: [['agent'], ['solved_at', 'closed_at']],
    higherIsBetter: null,
    definition:
      'Tickets resolved in the period with an agent (numerator), per distinct agent among them (denominator); value = numerator / denominator.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T11:00:00Z', agent: 'ann' },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-03T11:00:00Z', agent: 'ann' },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-04T11:00:00Z', agent: 'bob' },
        { id: 'D', created_at: '2026-03-05T09:00:00Z', solved_at: '2026-03-05T11:00:00Z' },
        { id: 'E', created_at: '2026-03-05T09:00:00Z', agent: 'cy' },
      ],
      result: { numerator: 3, denominator: 2, value: 1.5 },
      explanation: 'Ann resolved two tickets and Bob one; D has no agent and E is not resolved: 3 / 2 = 1.5.',
    },
  },
  create: perDistinct((t, slot) => t.agent[slot]!),
};
