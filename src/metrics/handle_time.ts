import { durationOf } from './accumulators.js';
import type { DurationValue, Metric } from './types.js';

export const handleTime: Metric<DurationValue> = {
  meta: {
    id: 'handle_time',
    title: 'Handle time',
    short: 'Handle time',
    unit: 'duration',
    section: 'Speed',
    placement: 'resolved',
    needs: [['handle_time'], ['solved_at', 'closed_at']],
    higherIsBetter: null,
    definition:
      'Over the tickets resolved in the period with a handle_time: handle_time in seconds (count, mean, median, p90). Average handle time (AHT) is the mean.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T10:00:00Z', handle_time: 300 },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-03T12:00:00Z', handle_time: 600 },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-05T12:00:00Z', handle_time: 1200 },
        { id: 'D', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-05T12:00:00Z' },
      ],
      result: { count: 3, mean: 700, median: 600, p90: 1080 },
      explanation: 'D has no handle time. Of 300, 600 and 1200 s: mean 700, median 600, p90 = 600 + 0.8 × (1200 − 600) = 1080.',
    },
  },
  create: durationOf((t, slot) => t.handleTime[slot]!),
};
