import { Satisfaction } from '../schema/validate.js';
import { shareOf } from './kinds.js';
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
  },
  create: shareOf(
    (t, slot) => t.satisfaction[slot] !== Satisfaction.none,
    (t, slot) => t.satisfaction[slot] === Satisfaction.satisfied,
  ),
};
