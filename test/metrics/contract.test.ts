import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/index.js';
import type { Metric, MetricValue } from '../../src/metrics/types.js';
import { TICKET_FIELDS, type TicketField } from '../../src/schema/fields.js';
import { reportOf, type TicketInput } from '../helpers/build.js';
import { utc } from '../helpers/metric-cases.js';

/**
 * What every registered metric must do, checked once over the whole registry (as ESLint checks
 * every rule's meta): no data is never zero but an empty value with its sample size, a missing
 * column makes the metric null with a note naming it, and a quiet period gets the empty value.
 * Each metric's own test file keeps only what is particular to it.
 */

/** Both SLA targets, for every ticket: the SLA metrics have a policy to report on. */
const SLA_CONFIG = { sla: [{ name: 'All', firstResponse: '1h', resolution: '1d' }] };

/** A metric's value when nothing fell in the period: the count 0, a share 0 of 0, no statistics. */
function emptyValue(metric: Metric): MetricValue {
  switch (metric.meta.unit) {
    case 'count':
      return 0;
    case 'rate':
    case 'ratio':
      return { numerator: 0, denominator: 0, value: null };
    case 'duration':
      return { count: 0, mean: null, median: null, p90: null };
    case 'nps':
      return { responses: 0, promoters: 0, passives: 0, detractors: 0, value: null };
  }
}

/** A ticket with every column filled, created, answered and resolved within one day. */
function fullTicket(id: string, day: string): TicketInput {
  return {
    id,
    created_at: utc(`${day} 09:00`),
    first_response_at: utc(`${day} 09:20`),
    solved_at: utc(`${day} 11:00`),
    closed_at: utc(`${day} 12:00`),
    updated_at: utc(`${day} 12:00`),
    status: 'closed',
    agent: 'ana',
    team: 'core',
    channel: 'chat',
    priority: 'high',
    language: 'en',
    customer: `c-${id}`,
    satisfaction: 'good',
    nps: 9,
    agent_replies: 1,
    reopens: 0,
    handle_time: 600,
    escalated: false,
    tags: ['refund'],
    business_first_response_time: 1200,
    business_resolution_time: 7200,
  };
}

const byId = METRICS.map((m) => [m.meta.id, m] as const);

describe('every registered metric (the contract)', () => {
  it.each(byId)('%s: empty input (every column present, no record): the empty value, with its sample size, and no note', (id, metric) => {
    const report = reportOf([], { from: '2026-03-02', to: '2026-03-09', presentFields: [...TICKET_FIELDS], config: SLA_CONFIG });
    expect(report.rows.map((row) => row.metrics[id])).toEqual([emptyValue(metric)]);
    expect(report.totals.metrics[id]).toEqual(emptyValue(metric));
    expect(report.notes.filter((n) => n.metric === id)).toEqual([]);
  });

  it.each(byId)('%s: a quiet week between busy ones has a row with the empty value, never a gap', (id, metric) => {
    const report = reportOf([fullTicket('a', '03-03'), fullTicket('b', '03-17')], { config: SLA_CONFIG });
    expect(report.rows.map((row) => row.period)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(report.rows[1]!.metrics[id]).toEqual(emptyValue(metric));
    // The busy week has data (a state such as the backlog is 0 there too: every ticket was resolved in it).
    if (metric.meta.placement !== 'open_at_end') expect(report.rows[0]!.metrics[id]).not.toEqual(emptyValue(metric));
  });

  const needing = METRICS.flatMap((metric) => metric.meta.needs.map((alternatives) => [metric.meta.id, alternatives] as const));
  it.each(needing)('%s: without a %j column in any file: null in every row and the totals, with a note naming it', (id, alternatives) => {
    const drop = (ticket: TicketInput): TicketInput =>
      Object.fromEntries(Object.entries(ticket).filter(([field]) => !(alternatives as readonly string[]).includes(field))) as TicketInput;
    const report = reportOf([drop(fullTicket('a', '03-03')), drop(fullTicket('b', '03-10'))], { config: SLA_CONFIG });
    expect(report.rows.map((row) => row.metrics[id])).toEqual([null, null]);
    expect(report.totals.metrics[id]).toBeNull();
    const notes = report.notes.filter((n) => n.metric === id);
    expect(notes).toHaveLength(1);
    for (const field of alternatives) expect(notes[0]!.message).toContain(field);
  });

  it('every metric needs only canonical fields, and says which', () => {
    for (const { meta } of METRICS) {
      for (const alternatives of meta.needs) {
        expect(alternatives.length, meta.id).toBeGreaterThan(0);
        for (const field of alternatives) expect(TICKET_FIELDS, meta.id).toContain(field as TicketField);
      }
    }
  });
});
