import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * ServiceNow incident export or event log (one row per update of an incident). Several rows of one
 * `number` are one ticket in its latest state: the row with the latest `sys_updated_at` wins, as
 * for any duplicate id. `?` means null; dates are often day-first without an offset.
 */
export const servicenow: Preset = {
  name: 'servicenow',
  title: 'ServiceNow incident export or event log',
  format: 'csv',
  signature: ['number', 'opened_at', 'sys_updated_at'],
  dialect: {
    columns: {
      id: 'number',
      created_at: 'opened_at',
      solved_at: 'resolved_at',
      closed_at: 'closed_at',
      updated_at: 'sys_updated_at',
      status: 'incident_state',
      agent: 'assigned_to',
      team: 'assignment_group',
      channel: 'contact_type',
      priority: 'priority',
      reopens: 'reopen_count',
    },
    values: {},
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: {},
  },
  notes:
    'Several rows of one incident `number` are one ticket in its latest state (latest `sys_updated_at`). `?` reads as blank. `reassignment_count` and `made_sla` (ServiceNow\'s own SLA verdict) are not used: SLA metrics come from your policies.',
};
