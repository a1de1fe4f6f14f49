import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { Preset } from './types.js';

/**
 * Intercom's conversation CSV export (Reports > Conversations > Export). Each timestamp header
 * names the zone its values are written in, `Conversation started at (America/New_York)`: those
 * columns are read in that zone, whatever --input-tz says.
 *
 * Resolution is measured to the LAST close. Our resolved_at is solved_at, else closed_at; Zendesk's
 * `Solved at` and Freshdesk's `Resolved time` are the latest solve of a reopened ticket, so
 * Intercom's `Conversation last closed at` is solved_at. `Conversation first closed at` is not used:
 * as solved_at it would stop the clock at a close the customer reopened, and as closed_at it would
 * never count (solved_at wins) while it reads as "closed for good" in our schema.
 */
export const intercom: Preset = {
  name: 'intercom',
  title: 'Intercom conversation CSV export',
  format: 'csv',
  signature: ['Conversation ID', 'Conversation started at (*)'],
  dialect: {
    columns: {
      id: 'Conversation ID',
      created_at: 'Conversation started at (*)',
      first_response_at: 'Conversation first replied at (*)',
      solved_at: 'Conversation last closed at (*)',
      status: 'Current conversation state',
      agent: 'Teammate currently assigned',
      team: 'Team currently assigned',
      channel: 'Channel',
      priority: 'Conversation priority',
      satisfaction: 'Last teammate rating',
      tags: 'Conversation tag',
      agent_replies: 'Replies sent',
      handle_time: 'Handling time (seconds)',
    },
    values: {
      channel: { chat: 'chat', messenger: 'chat', email: 'email', phone: 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: { first_response_at: { header: 'First response time (seconds)', unit: 'seconds' } },
    zoneInHeader: true,
  },
  notes:
    'Every timestamp header names its zone, `Conversation started at (America/New_York)`: those columns are read in that zone, **not** `--input-tz` (a header naming no valid zone stops the run, exit 3). Resolution is measured to the **last** close: `Conversation last closed at` is `solved_at`, as Zendesk\'s `Solved at` is the latest solve of a reopened ticket; `Conversation first closed at` is not used (as `solved_at` it would stop the clock at a close the customer reopened). A conversation reopened and still open keeps its last close, so it counts as resolved then. First response is `Conversation first replied at`, else started at + `First response time (seconds)`. `Last teammate rating` 1–5 is CSAT. `Channel` Messenger reads as `chat`; priority is kept as written. `Number of reassignments` and `Resolved on first contact` (Intercom\'s own verdict) are not used.',
};
