import { YesNo } from '../schema/validate.js';
import { shareOf } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const escalationRate: Metric<RateValue> = {
  meta: {
    id: 'escalation_rate',
    title: 'Escalation rate',
    short: 'Escalated %',
    unit: 'rate',
    section: 'Quality',
    placement: 'created',
    needs: [['escalated']],
    higherIsBetter: false,
    definition: 'Of the tickets created in the period whose escalated is known (not blank), the share escalated.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', escalated: true },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', escalated: 'no' },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', escalated: '0' },
        { id: 'D', created_at: '2026-03-05T09:00:00Z' },
      ],
      result: { numerator: 1, denominator: 3, value: 1 / 3 },
      explanation: 'D does not say whether it was escalated, so it is left out; of A, B and C one was escalated: 1 of 3.',
    },
  },
  create: shareOf(
    (t, slot) => t.escalated[slot] !== YesNo.unknown,
    (t, slot) => t.escalated[slot] === YesNo.yes,
  ),
};
