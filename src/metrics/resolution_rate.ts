import { resolvedAtUnknownTime } from '../tickets/store.js';
import { shareOf } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const resolutionRate: Metric<RateValue> = {
  meta: {
    id: 'resolution_rate',
    title: 'Resolution rate',
    short: 'Resolved %',
    unit: 'rate',
    section: 'Volume',
    placement: 'created',
    needs: [['solved_at', 'closed_at', 'resolved', 'status']],
    higherIsBetter: true,
    definition:
      'Of the tickets created in the period, the share resolved at any time in the data (resolved_at set, even after the end of the period or of the range), or resolved at a moment the data does not give (resolved yes, or a resolved status, without resolved_at).',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-04T09:00:00Z' },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-20T09:00:00Z' },
        { id: 'C', created_at: '2026-03-04T09:00:00Z' },
        { id: 'D', created_at: '2026-02-27T09:00:00Z', solved_at: '2026-03-03T09:00:00Z' },
      ],
      result: { numerator: 2, denominator: 3, value: 2 / 3 },
      explanation: 'A, B and C were created in the week; A and B were resolved (B only later, which still counts); C never was. D was created the week before: 2 of 3.',
    },
  },
  create: shareOf(
    () => true,
    (t, slot) => !Number.isNaN(t.resolvedAt[slot]!) || resolvedAtUnknownTime(t, slot),
  ),
};
