import { durationOf } from './accumulators.js';
import type { DurationValue, Metric } from './types.js';

export const businessFirstResponseTime: Metric<DurationValue> = {
  meta: {
    id: 'business_first_response_time',
    title: 'First response time in business hours',
    short: 'FR (business)',
    unit: 'duration',
    section: 'Speed',
    placement: 'created',
    needs: [['business_first_response_time']],
    higherIsBetter: false,
    definition:
      'Over the tickets created in the period with a business first response time: with schedules in the config, the open time of the ticket\'s schedule between created_at and first_response_at; without, the business_first_response_time the helpdesk computed; in seconds (count, mean, median, p90).',
    notes:
      'Exports such as Zendesk\'s carry a first reply time counted within business hours, and sometimes no first-reply timestamp at all. That figure is reported here as it is, never passed off as calendar time (first_response_time). It is placed by created_at because the export does not say when the reply came. With schedules in the config the figure is computed from the timestamps under the ticket\'s schedule (the first whose match fits; a ticket none matches has none), and the report says so.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', business_first_response_time: 600 },
        { id: 'B', created_at: '2026-03-03T17:55:00Z', business_first_response_time: 1800 },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', business_first_response_time: 3600 },
        { id: 'D', created_at: '2026-03-09T09:00:00Z', business_first_response_time: 60 },
      ],
      result: { count: 3, mean: 2000, median: 1800, p90: 3240 },
      explanation:
        'A, B and C were created in the week (D the week after). Of 600, 1800 and 3600 business seconds: mean 2000, median 1800, p90 = 1800 + 0.8 × (3600 − 1800) = 3240.',
    },
  },
  create: (context) => {
    const computed = context.business?.firstResponse;
    return durationOf(computed === undefined ? (t, slot) => t.businessFirstResponseTime[slot]! : (_, slot) => computed[slot]!)();
  },
};
