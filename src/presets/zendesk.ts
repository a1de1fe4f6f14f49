import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * Zendesk Support's CSV export (Reporting > Export, or a view export). Timestamps are
 * `YYYY-MM-DD HH:MM[:SS]` in the account's zone (give it with --input-tz); `1900-01-01 00:00:00`
 * means "never". There is no first-reply timestamp: `First reply time in minutes` (calendar) stands
 * in for it. The `… within business hours` durations are business time: they feed the business-hours
 * metrics and are never used as calendar time.
 */
export const zendesk: Preset = {
  name: 'zendesk',
  title: 'Zendesk Support CSV export',
  format: 'csv',
  signature: ['Id', 'Created at', 'Requester id', 'Via'],
  dialect: {
    columns: {
      id: 'Id',
      created_at: 'Created at',
      solved_at: 'Solved at',
      updated_at: 'Updated at',
      status: 'Status',
      agent: 'Assignee',
      team: 'Group',
      channel: 'Via',
      priority: 'Priority',
      customer: 'Requester id',
      satisfaction: 'Satisfaction Score',
      reopens: 'Reopens',
      agent_replies: 'Replies',
      tags: 'Tags',
      business_first_response_time: 'First reply time in minutes within business hours',
      business_resolution_time: 'Full resolution time in minutes within business hours',
    },
    secondsPerUnit: { business_first_response_time: 60, business_resolution_time: 60 },
    values: {
      // A survey sent but not answered, or not sent: no response.
      satisfaction: { offered: '', unoffered: '', 'good with comment': 'good', 'bad with comment': 'bad' },
      channel: { mail: 'email', email: 'email', 'web form': 'web', web: 'web', 'web widget': 'web', chat: 'chat', voice: 'phone', phone: 'phone', 'phone call (inbound)': 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ' ',
    afterCreated: { first_response_at: { header: 'First reply time in minutes', unit: 'minutes' } },
  },
  notes:
    'Timestamps have no offset: give the account\'s zone with `--input-tz`. `1900-01-01 00:00:00` reads as never, so an unsolved ticket stays in the backlog. First response time comes from `First reply time in minutes` (calendar) when the export has it; the `… within business hours` columns are business time and are **not** used as calendar time. Satisfaction `Offered`/`Unoffered` is no response; `Good`/`Bad`/1–5 as usual. Tags are space-separated. `Via` maps `Mail` to `email`, `Web form` to `web`, `Voice` to `phone`.',
};
