import { Satisfaction } from '../schema/validate.js';
import { shareOf } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const csat: Metric<RateValue> = {
  meta: {
    id: 'csat',
    title: 'Customer satisfaction (CSAT)',
    short: 'CSAT',
    unit: 'rate',
    section: 'Satisfaction',
    placement: 'satisfaction',
    needs: [['satisfaction']],
    higherIsBetter: true,
    definition:
      'Of the tickets with a satisfaction response, placed by resolved_at (by created_at when never resolved), the share satisfied: "good", 4 or 5.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-03T09:00:00Z', satisfaction: 'good' },
        { id: 'B', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-04T09:00:00Z', satisfaction: 2 },
        { id: 'C', created_at: '2026-03-05T09:00:00Z', satisfaction: 5 },
        { id: 'D', created_at: '2026-03-06T09:00:00Z', solved_at: '2026-03-10T09:00:00Z', satisfaction: 'bad' },
        { id: 'E', created_at: '2026-03-06T09:00:00Z', solved_at: '2026-03-07T09:00:00Z' },
      ],
      result: { numerator: 2, denominator: 3, value: 2 / 3 },
      explanation: 'A (good) and C (5; never resolved, so placed by its creation) are satisfied, B (2) is not. D was resolved the week after, so its rating counts then; E has no rating: 2 of 3.',
    },
  },
  create: shareOf(
    (t, slot) => t.satisfaction[slot] !== Satisfaction.none,
    (t, slot) => t.satisfaction[slot] === Satisfaction.satisfied,
  ),
};
