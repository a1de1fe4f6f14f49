import { slaAchieved } from './accumulators.js';
import type { Metric, MetricContext, RateValue } from './types.js';

export const resolutionSla: Metric<RateValue> = {
  meta: {
    id: 'resolution_sla',
    title: 'Resolution SLA achieved',
    short: 'Res. SLA',
    unit: 'rate',
    section: 'SLA',
    placement: 'resolution_sla',
    needs: [['solved_at', 'closed_at']],
    higherIsBetter: true,
    definition:
      'Of the resolution SLA outcomes in the period, the share met: met / (met + breached). A ticket under an SLA policy with a resolution target has one outcome: met when resolved_at ≤ created_at + target, placed at the resolution; breached otherwise, placed at the deadline, whether or not it was ever resolved. A ticket still open whose deadline lies after the end of the data is pending and not counted.',
    notes: 'Policies are matched as for first_response_sla; a policy without a resolution target gives its tickets no resolution outcome.',
    unavailable: (context) =>
      context.sla.policies.some((p) => p.resolutionMs !== undefined) ? null : 'no SLA policy in the config has a resolution target',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      config: {
        sla: [
          { name: 'Urgent', match: { priority: 'urgent' }, firstResponse: '1h', resolution: '8h' },
          { name: 'Default', firstResponse: '24h', resolution: '72h' },
        ],
      },
      tickets: [
        { id: 'A', priority: 'urgent', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-02T12:00:00Z' },
        { id: 'B', priority: 'urgent', created_at: '2026-03-03T08:00:00Z', solved_at: '2026-03-03T20:00:00Z' },
        { id: 'C', priority: 'normal', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-04T09:00:00Z' },
        { id: 'D', priority: 'normal', created_at: '2026-03-03T10:00:00Z' },
        { id: 'E', priority: 'normal', created_at: '2026-03-06T12:00:00Z', solved_at: '2026-03-06T13:00:00Z' },
        { id: 'F', priority: 'urgent', created_at: '2026-03-06T12:30:00Z' },
      ],
      result: { numerator: 3, denominator: 5, value: 0.6 },
      explanation:
        'A (4 h of 8 h), C (48 h of 72 h) and E met. B took 12 h and breached at its deadline, 16:00 on the 3rd. D was never resolved and breached at 10:00 on the 6th, before the end of the data (13:00 on the 6th). F is still open with its deadline (20:30 on the 6th) after the end of the data: pending. 3 of 5.',
    },
  },
  create: (context: MetricContext) => slaAchieved(context.sla, 'resolution')(),
};
