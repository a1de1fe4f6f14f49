import { shareOf, type SlotTest } from './accumulators.js';
import type { Metric, MetricContext, RateValue } from './types.js';

/** A cancellation or refund via support: the ticket carries one of the churn tags. */
export const isChurn =
  (context: Pick<MetricContext, 'churnTagLists'>): SlotTest =>
  (t, slot) =>
    context.churnTagLists.has(t.tags[slot]!);

export const cancellationRate: Metric<RateValue> = {
  meta: {
    id: 'cancellation_rate',
    title: 'Cancellations and refunds',
    short: 'Churn %',
    unit: 'rate',
    section: 'Quality',
    placement: 'resolved',
    needs: [['tags'], ['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Of the tickets resolved in the period, the share tagged with any of the churn tags (config churnTags, default "cancellation" and "refund"; compared ignoring case).',
    notes: 'The "churn via support" that support handbooks ask to cut: customers who came to support to cancel or get their money back.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T11:00:00Z', tags: ['refund'] },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-03T11:00:00Z', tags: ['billing'] },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-04T11:00:00Z', tags: ['Cancellation', 'vip'] },
        { id: 'D', created_at: '2026-03-05T09:00:00Z', solved_at: '2026-03-05T11:00:00Z' },
      ],
      result: { numerator: 2, denominator: 4, value: 0.5 },
      explanation: 'With the default churn tags, A (refund) and C (Cancellation) count; B and D do not: 2 of 4.',
    },
  },
  create: (context: MetricContext) => shareOf(() => true, isChurn(context))(),
};
