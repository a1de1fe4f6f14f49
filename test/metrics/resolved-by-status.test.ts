import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/build.js';

/**
 * A ticket resolved by its status (solved, closed, resolved, done, completed) or its `resolved`
 * column, without a resolution time, is resolved at a moment the data does not give:
 * resolution_rate counts it, no backlog holds it, and the metrics placed by the resolution leave
 * it out (docs/metrics.md, docs/input.md).
 */

const W10 = '2026-03-02T09:00:00Z';
const options = { period: 'week' as const, from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' };

describe('resolved at a moment the data does not give', () => {
  it('by status (any case) or by resolved yes; resolved no wins over the status; resolved_at, when set, decides', () => {
    const report = reportOf(
      [
        { id: 'A', created_at: W10, status: 'Solved' },
        { id: 'B', created_at: W10, status: 'DONE' },
        { id: 'C', created_at: W10, resolved: 'Y' },
        { id: 'D', created_at: W10, status: 'closed', resolved: 'no' },
        { id: 'E', created_at: W10, status: 'Open' },
        { id: 'F', created_at: W10, status: 'open', solved_at: '2026-03-10T09:00:00Z' },
      ],
      options,
    );
    const [w10, w11] = report.rows;
    // A, B, C resolved at an unknown moment; F resolved in W11; D (resolved no) and E open.
    expect(report.totals.metrics.resolution_rate).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    // No backlog holds A, B or C: at the end of W10 D, E and F are open; at the end of W11 D and E.
    expect([w10!.metrics.backlog, w11!.metrics.backlog, report.totals.metrics.backlog]).toEqual([3, 2, 2]);
    // Placed by the resolution: only F.
    expect(report.totals.metrics.tickets_resolved).toBe(1);
    expect(report.notes.filter((n) => n.metric === null).map((n) => n.message)).toEqual([
      '3 tickets are resolved by their status or resolved column without a resolution time: resolution_rate counts them as resolved and no backlog holds them; tickets_resolved, resolution_time and resolution_sla leave them out',
    ]);
  });

  it('a status alone is enough to compute resolution_rate and backlog (no timestamp column at all)', () => {
    const report = reportOf([
      { id: 'A', created_at: W10, status: 'closed' },
      { id: 'B', created_at: W10, status: 'pending' },
    ]);
    expect(report.totals.metrics.resolution_rate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(report.totals.metrics.backlog).toBe(1);
    expect(report.notes.map((n) => n.metric)).not.toContain('resolution_rate');
  });

  it('no resolution SLA outcome: met or breached cannot be told', () => {
    const config = { sla: [{ name: 'all', resolution: '1h' }] };
    const report = reportOf(
      [
        { id: 'A', created_at: W10, status: 'solved' },
        { id: 'B', created_at: W10, solved_at: '2026-03-02T09:30:00Z' },
      ],
      { ...options, config },
    );
    expect(report.totals.metrics.resolution_sla).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });
});
