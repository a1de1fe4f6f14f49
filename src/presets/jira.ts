import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * Jira Cloud and Data Center issue CSV exports ("Export Excel CSV (all fields)"; Jira Service
 * Management queues too). Jira writes a multi-value field as repeated columns of one name
 * (`Labels`, `Labels`, `Labels`; `Component/s`, `Component/s`), and dates in the instance's
 * format, by default `dd/MMM/yy h:mm a` with English month names (`12/Mar/24 3:05 PM`), in the
 * exporting user's zone.
 */
export const jira: Preset = {
  name: 'jira',
  title: 'Jira issue CSV export',
  format: 'csv',
  signature: ['Issue key', 'Issue id', 'Created', 'Status'],
  dialect: {
    columns: {
      id: 'Issue key',
      created_at: 'Created',
      solved_at: 'Resolved',
      updated_at: 'Updated',
      status: 'Status',
      agent: 'Assignee',
      team: 'Component/s',
      priority: 'Priority',
      customer: 'Reporter',
      satisfaction: 'Custom field (Satisfaction rating)',
      tags: 'Labels',
      resolved: 'Status Category',
    },
    values: {
      // Jira's Status Category: Done is resolved, whatever the status is called in the workflow.
      resolved: { done: 'yes', 'to do': 'no', 'in progress': 'no' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: {},
    repeatedHeaders: true,
    datePattern: 'dd/MMM/yy h:mm a',
  },
  notes:
    "Dates are read as `dd/MMM/yy h:mm a` (Jira's default, `12/Mar/24 3:05 PM`), ISO 8601 too; an instance set to another format needs `--date-format` with its pattern. Timestamps are in the exporting user's zone: give it with `--input-tz`. The repeated `Labels` columns are one tag list; the team is the first `Component/s` (`--map team=\"Custom field (Request Type)\"` takes the request type instead). An issue is resolved when `Resolved` is set, or its `Status Category` is Done: one without a `Resolved` date is resolved at a moment the data does not give (counted in resolution_rate, in no backlog).",
};
