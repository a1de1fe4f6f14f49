import { durationOf } from './accumulators.js';
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
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T00:00:00Z', solved_at: '2026-03-02T06:00:00Z' },
        { id: 'B', created_at: '2026-03-01T00:00:00Z', closed_at: '2026-03-03T00:00:00Z' },
        { id: 'C', created_at: '2026-03-04T00:00:00Z', solved_at: '2026-03-05T00:00:00Z' },
        { id: 'D', created_at: '2026-03-05T00:00:00Z', solved_at: '2026-03-09T00:00:00Z' },
      ],
      result: { count: 3, mean: 93600, median: 86400, p90: 155520 },
      explanation: 'A took 6 h (21600 s), B 2 days (172800 s, by its closed_at), C 1 day (86400 s); D was resolved at the end of the week, which belongs to the next. Mean 93600, median 86400, p90 = 86400 + 0.8 × (172800 − 86400) = 155520.',
    },
  },
  create: durationOf((t, slot) => secondsBetween(t.createdAt[slot]!, t.resolvedAt[slot]!)),
};
