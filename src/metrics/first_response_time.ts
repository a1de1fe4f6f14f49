import { durationOf } from './accumulators.js';
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
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-01T22:00:00Z', first_response_at: '2026-03-02T00:00:00Z' },
        { id: 'B', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:30:00Z' },
        { id: 'C', created_at: '2026-03-03T10:00:00Z', first_response_at: '2026-03-03T11:00:00Z' },
        { id: 'D', created_at: '2026-03-08T20:00:00Z', first_response_at: '2026-03-09T08:00:00Z' },
      ],
      result: { count: 3, mean: 4200, median: 3600, p90: 6480 },
      explanation: 'A was created the week before but answered in this one (7200 s); B took 1800 s and C 3600 s. D was answered the next week. Of 1800, 3600 and 7200 s: mean 4200, median 3600, p90 = 3600 + 0.8 × (7200 − 3600) = 6480.',
    },
  },
  create: durationOf((t, slot) => secondsBetween(t.createdAt[slot]!, t.firstResponseAt[slot]!)),
};
