import { durationOf } from './kinds.js';
import { secondsBetween } from './stats.js';
import type { DurationValue, Metric } from './types.js';

export const firstResponseTime: Metric<DurationValue> = {
  meta: {
    id: 'first_response_time',
    title: 'First response time',
    short: 'First response',
    unit: 'duration',
    section: 'Speed',
    placement: 'first_response',
    needs: [['first_response_at']],
    higherIsBetter: false,
    definition:
      'Over the tickets whose first_response_at lies in the period: first_response_at − created_at, in seconds (count, mean, median, p90). Calendar time, not business hours.',
  },
  create: durationOf((t, slot) => secondsBetween(t.createdAt[slot]!, t.firstResponseAt[slot]!)),
};
