import { UNREADABLE_COUNT } from '../schema/field-kinds.js';
import { shareOf } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

export const reopenRate: Metric<RateValue> = {
  meta: {
    id: 'reopen_rate',
    title: 'Reopen rate',
    short: 'Reopened %',
    unit: 'rate',
    section: 'Quality',
    placement: 'resolved',
    needs: [['reopens'], ['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Of the tickets resolved in the period, the share with reopens ≥ 1 (a blank reopens counts as not reopened; a reopens that could not be read, set aside, leaves its ticket out).',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-03T09:00:00Z', reopens: 0 },
        { id: 'B', created_at: '2026-03-02T10:00:00Z', solved_at: '2026-03-06T09:00:00Z', reopens: 2 },
        { id: 'C', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-04T11:00:00Z' },
        { id: 'D', created_at: '2026-03-05T09:00:00Z', reopens: 1 },
      ],
      result: { numerator: 1, denominator: 3, value: 1 / 3 },
      explanation: 'A, B and C were resolved in the week; only B was reopened. D is not resolved, so it does not count yet: 1 of 3.',
    },
  },
  create: shareOf(
    (t, slot) => t.reopens[slot] !== UNREADABLE_COUNT,
    (t, slot) => t.reopens[slot]! >= 1,
  ),
};
