import { abandonmentRate } from './abandonment_rate.js';
import { backlog } from './backlog.js';
import { businessFirstResponseTime } from './business_first_response_time.js';
import { businessResolutionTime } from './business_resolution_time.js';
import { cancellationRate } from './cancellation_rate.js';
import { csat } from './csat.js';
import { escalationRate } from './escalation_rate.js';
import { firstContactResolution } from './first_contact_resolution.js';
import { firstResponseSla } from './first_response_sla.js';
import { firstResponseTime } from './first_response_time.js';
import { handleTime } from './handle_time.js';
import { nps } from './nps.js';
import { reopenRate } from './reopen_rate.js';
import { resolutionRate } from './resolution_rate.js';
import { resolutionSla } from './resolution_sla.js';
import { resolutionTime } from './resolution_time.js';
import { resolvedPerAgent } from './resolved_per_agent.js';
import { ticketsCreated } from './tickets_created.js';
import { ticketsPerCustomer } from './tickets_per_customer.js';
import { ticketsResolved } from './tickets_resolved.js';
import type { Metric } from './types.js';

/**
 * Every metric, in the order reports show them (grouped by section). The `metrics` catalogue,
 * docs/metrics.md, the report's columns, the JSON keys and the --metrics choices all come from
 * this list.
 */
export const METRICS: readonly Metric[] = [
  ticketsCreated,
  ticketsResolved,
  backlog,
  resolutionRate,
  firstResponseTime,
  resolutionTime,
  handleTime,
  businessFirstResponseTime,
  businessResolutionTime,
  firstContactResolution,
  reopenRate,
  escalationRate,
  abandonmentRate,
  cancellationRate,
  csat,
  nps,
  firstResponseSla,
  resolutionSla,
  ticketsPerCustomer,
  resolvedPerAgent,
];

export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.meta.id === id);
}
