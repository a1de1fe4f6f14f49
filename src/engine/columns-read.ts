import { METRICS } from '../metrics/index.js';
import { DIMENSIONS, type Dimension, type TicketField } from '../schema/fields.js';
import type { TicketCondition } from '../tickets/conditions.js';
import type { ComputeOptions } from './compute.js';

/**
 * The dimension columns (agent, team, channel, priority, language) a report never reads, so that
 * reading leaves them blank instead of interning every ticket's value (a dictionary lookup per
 * ticket and column: 2–4% of the million-ticket report's CPU for the three a weekly report by
 * agent does not read). A dimension is read when something of the report names it:
 * - `--by`, and a goal's `by`;
 * - a condition: `--where` (and `--channel`), a goal's `where`, an SLA policy's `match`, a
 *   schedule's `match`;
 * - a metric computed, its own or a goal's, in its `needs` (abandonment_rate: channel;
 *   resolved_per_agent: agent);
 * - the negative-rating alerts, which every report has: agent.
 * Reading one of the others anyway is an internal error (see Dictionary), never a blank read as data.
 * Every value is still validated as before: what is rejected or set aside does not change.
 */
export function unreadColumns(options: Omit<ComputeOptions, 'range'>): Dimension[] {
  const read = new Set<TicketField>(['agent', ...options.by]);
  const conditions: TicketCondition[] = [
    ...(options.where ?? []),
    ...options.sla.flatMap((policy) => policy.match),
    ...(options.schedules ?? []).flatMap((rule) => rule.match),
  ];
  const metrics = new Set(options.metrics);
  for (const goal of options.goals ?? []) {
    if (goal.by !== null) read.add(goal.by);
    conditions.push(...goal.where);
    metrics.add(METRICS.find((m) => m.meta.id === goal.metric)!);
  }
  for (const condition of conditions) read.add(condition.field);
  for (const metric of metrics) for (const alternatives of metric.meta.needs) for (const field of alternatives) read.add(field);
  return DIMENSIONS.filter((dimension) => !read.has(dimension));
}
