import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * Freshdesk's ticket CSV export (Tickets > Export). Timestamps are `YYYY-MM-DD HH:MM:SS` in the
 * exporting agent's zone (give it with --input-tz); headers are matched ignoring case. `Initial
 * response time` is the first response as a timestamp; the `(in hrs)` durations are not needed.
 */
export const freshdesk: Preset = {
  name: 'freshdesk',
  title: 'Freshdesk ticket CSV export',
  format: 'csv',
  signature: ['Ticket ID', 'Created time', 'Resolved time', 'Agent interactions'],
  dialect: {
    columns: {
      id: 'Ticket ID',
      created_at: 'Created time',
      first_response_at: 'Initial response time',
      solved_at: 'Resolved time',
      closed_at: 'Closed time',
      updated_at: 'Last update time',
      status: 'Status',
      agent: 'Agent',
      team: 'Group',
      channel: 'Source',
      priority: 'Priority',
      tags: 'Tags',
      satisfaction: 'Survey results',
      agent_replies: 'Agent interactions',
    },
    values: {
      // Freshdesk's satisfaction survey answers, on its 3- and 5-point scales, as 1–5.
      satisfaction: {
        'extremely happy': 5,
        'very happy': 5,
        happy: 4,
        neutral: 3,
        unhappy: 2,
        'very unhappy': 1,
        'extremely unhappy': 1,
      },
      channel: { email: 'email', 'outbound email': 'email', portal: 'web', 'feedback widget': 'web', chat: 'chat', phone: 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: {},
  },
  notes:
    'Timestamps are in the exporting agent\'s zone: give it with `--input-tz`. First response is `Initial response time` (a timestamp); the `(in hrs)` durations are not used. `Survey results` Extremely happy / Happy / Neutral / Unhappy / Extremely unhappy read as 5 / 4 / 3 / 2 / 1. `Source` Portal and Feedback Widget read as `web`.',
};
