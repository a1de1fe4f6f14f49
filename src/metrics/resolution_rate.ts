import { shareOf } from './kinds.js';
import type { Metric, RateValue } from './types.js';

export const resolutionRate: Metric<RateValue> = {
  meta: {
    id: 'resolution_rate',
    title: 'Resolution rate',
    short: 'Resolved %',
    unit: 'rate',
    section: 'Volume',
    placement: 'created',
    needs: [['solved_at', 'closed_at']],
    higherIsBetter: true,
    definition:
      'Of the tickets created in the period, the share resolved at any time in the data (resolved_at set, even after the end of the period or of the range).',
  },
  create: shareOf(
    () => true,
    (t, slot) => !Number.isNaN(t.resolvedAt[slot]!),
  ),
};
