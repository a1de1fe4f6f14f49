import { backlog } from './backlog.js';
import { csat } from './csat.js';
import { firstResponseTime } from './first_response_time.js';
import { resolutionRate } from './resolution_rate.js';
import { resolutionTime } from './resolution_time.js';
import { ticketsCreated } from './tickets_created.js';
import { ticketsResolved } from './tickets_resolved.js';
import type { Metric } from './types.js';

/**
 * Every metric, in the order reports show them. The `metrics` catalogue, docs/metrics.md, the
 * report's columns and the JSON keys all come from this list.
 */
export const METRICS: readonly Metric[] = [
  ticketsCreated,
  ticketsResolved,
  backlog,
  resolutionRate,
  firstResponseTime,
  resolutionTime,
  csat,
];
