import { durationOf } from './accumulators.js';
import type { DurationValue, Metric } from './types.js';

export const businessResolutionTime: Metric<DurationValue> = {
  meta: {
    id: 'business_resolution_time',
    title: 'Resolution time in business hours',
    short: 'Res. (business)',
    unit: 'duration',
    section: 'Speed',
    placement: 'resolved',
    needs: [['business_resolution_time'], ['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Over the tickets resolved in the period with a business resolution time: with schedules in the config, the open time of the ticket\'s schedule between created_at and its resolution; without, the business_resolution_time the helpdesk computed; in seconds (count, mean, median, p90).',
    notes: 'Without schedules, reported as the export gives it (Zendesk: "Full resolution time in minutes within business hours"), never mixed with the calendar resolution_time; with schedules, computed from the timestamps under the ticket\'s schedule.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-03T09:00:00Z', business_resolution_time: 28800 },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-03T11:00:00Z', business_resolution_time: 7200 },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', business_resolution_time: 3600 },
      ],
      result: { count: 2, mean: 18000, median: 18000, p90: 26640 },
      explanation:
        'A (8 business hours) and B (2) were resolved in the week; C is not resolved. Mean and median 18000 s; p90 = 7200 + 0.9 × (28800 − 7200) = 26640.',
    },
  },
  create: (context) => {
    const computed = context.business?.resolution;
    return durationOf(computed === undefined ? (t, slot) => t.businessResolutionTime[slot]! : (_, slot) => computed[slot]!)();
  },
};
