import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * Freshdesk's ticket CSV export (Tickets > Export). Timestamps are `YYYY-MM-DD HH:MM:SS` in the
 * exporting agent's zone (give it with --input-tz); headers are matched ignoring case. `Initial
 * response time` is the first response as a timestamp; the `(in hrs)` durations stand in when it
 * (or the resolution) is blank.
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
      first_response_time: 'First response time (in hrs)',
      resolution_time: 'Resolution time (in hrs)',
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
        // The satisfied/dissatisfied wording of the same scales.
        'extremely satisfied': 5,
        'very satisfied': 5,
        satisfied: 4,
        'neither satisfied nor dissatisfied': 3,
        dissatisfied: 2,
        'very dissatisfied': 1,
        'extremely dissatisfied': 1,
      },
      channel: { email: 'email', 'outbound email': 'email', portal: 'web', 'feedback widget': 'web', chat: 'chat', phone: 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: {},
    // The (in hrs) durations: HH:MM:SS (hours may pass 24), or a number of hours.
    secondsPerUnit: { first_response_time: 3600, resolution_time: 3600 },
  },
  notes:
    'Timestamps are in the exporting agent\'s zone: give it with `--input-tz`. First response is `Initial response time` (a timestamp); when it is blank, `First response time (in hrs)` after creation (HH:MM:SS, hours may pass 24; Freshdesk may count business hours there), and likewise `Resolution time (in hrs)` when `Resolved time` and `Closed time` are blank. `Survey results` Extremely happy / Happy / Neutral / Unhappy / Extremely unhappy (or Extremely satisfied / Satisfied / Neither satisfied nor dissatisfied / Dissatisfied / Extremely dissatisfied; Very … as Extremely …) read as 5 / 4 / 3 / 2 / 1; any other label (Somewhat dissatisfied) is set aside. `Source` Portal and Feedback Widget read as `web`.',
};
