import { slaAchieved } from './accumulators.js';
import type { Metric, MetricContext, RateValue } from './types.js';

export const firstResponseSla: Metric<RateValue> = {
  meta: {
    id: 'first_response_sla',
    title: 'First response SLA achieved',
    short: 'FR SLA',
    unit: 'rate',
    section: 'SLA',
    placement: 'first_response_sla',
    needs: [['first_response_at']],
    higherIsBetter: true,
    definition:
      'Of the first-response SLA outcomes in the period, the share met: met / (met + breached). A ticket under an SLA policy with a firstResponse target has one outcome: met when first_response_at ≤ created_at + target, placed at the response; breached otherwise, placed at the deadline (created_at + target), whether or not a response ever came. No outcome: the deadline lies after the end of the data and the ticket has no response yet (pending), or the ticket was resolved by the deadline without any response.',
    notes:
      'The first policy (in config order) whose match fits the ticket applies, as in Zendesk. Without a policy that has a firstResponse target the metric is null, with a note. The end of the data is the latest timestamp (created, first response, solved, closed or updated) of any valid record.',
    unavailable: (context) =>
      context.sla.policies.some((p) => p.firstResponseMs !== undefined) ? null : 'no SLA policy in the config has a firstResponse target',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
      config: {
        sla: [
          { name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' },
          { name: 'Default', firstResponse: '1h' },
        ],
      },
      tickets: [
        { id: 'A', channel: 'chat', created_at: '2026-03-02T10:00:00Z', first_response_at: '2026-03-02T10:01:30Z' },
        { id: 'B', channel: 'chat', created_at: '2026-03-02T11:00:00Z', first_response_at: '2026-03-02T11:05:00Z' },
        { id: 'C', channel: 'email', created_at: '2026-03-02T12:00:00Z', first_response_at: '2026-03-02T12:45:00Z' },
        { id: 'D', channel: 'email', created_at: '2026-03-02T13:00:00Z' },
        { id: 'E', channel: 'email', created_at: '2026-03-02T20:00:00Z', first_response_at: '2026-03-02T20:10:00Z' },
        { id: 'F', channel: 'email', created_at: '2026-03-02T19:30:00Z' },
        { id: 'G', channel: 'email', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T09:20:00Z' },
      ],
      result: { numerator: 3, denominator: 5, value: 0.6 },
      explanation:
        'A (chat, 90 s), C and E (email, under an hour) met their targets. B (chat, 5 min) breached at 11:02, and D, never answered, breached at its deadline 14:00, which lies before the end of the data (20:10). F is pending: its deadline 20:30 is after the end of the data. G was solved within the hour without a response, so it has no outcome: 3 of 5.',
    },
  },
  create: (context: MetricContext) => slaAchieved(context.sla, 'firstResponse')(),
};
