import { durationOf } from './kinds.js';
import { secondsBetween } from './stats.js';
import type { DurationValue, Metric } from './types.js';

export const resolutionTime: Metric<DurationValue> = {
  meta: {
    id: 'resolution_time',
    title: 'Resolution time',
    short: 'Resolution',
    unit: 'duration',
    section: 'Speed',
    placement: 'resolved',
    needs: [['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Over the tickets resolved in the period: resolved_at − created_at, in seconds (count, mean, median, p90). Calendar time, not business hours.',
  },
  create: durationOf((t, slot) => secondsBetween(t.createdAt[slot]!, t.resolvedAt[slot]!)),
};
