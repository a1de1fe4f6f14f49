import { COMMON_SENTINELS } from '../dialect/dialect.js';
import { constant, valueAt } from '../dialect/json-fields.js';
import type { Preset } from './types.js';

/**
 * Zendesk Chat's chat objects (Chat API, `GET /api/v2/chats` or the incremental chat export): an
 * array of them, or the page `{"chats": [...]}`. `timestamp` is when the chat started,
 * `end_timestamp` when it ended (read as solved), both ISO 8601 in UTC. The first response is
 * `timestamp` + `response_time.first` seconds; a missed chat was never answered, whatever its
 * response time says.
 */
export const zendeskChat: Preset = {
  name: 'zendesk-chat',
  title: 'Zendesk Chat API chat export',
  format: 'json',
  signature: ['timestamp', ['agent_names', 'response_time']],
  dialect: {
    columns: {
      id: 'id',
      created_at: 'timestamp',
      solved_at: 'end_timestamp',
      agent: 'agent_names.0',
      team: 'department_name',
      channel: 'channel (always chat)',
      satisfaction: 'rating',
      tags: 'tags',
    },
    derived: {
      'channel (always chat)': constant('chat'),
      'response_time.first (none when missed)': {
        reads: ['response_time.first', 'missed'],
        value: (chat) => (chat.missed === true ? undefined : valueAt(chat, 'response_time.first')),
      },
    },
    values: {},
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: { first_response_at: { header: 'response_time.first (none when missed)', unit: 'seconds' } },
  },
  records: (page) => (Array.isArray(page.chats) ? page.chats : undefined),
  notes:
    'An array of chats, or the page `{"chats": [...]}`. `timestamp` is `created_at`, `end_timestamp` `solved_at` (a chat that ended, missed ones too). First response is `timestamp` + `response_time.first` seconds; a missed chat (`missed: true`) has none, whatever `response_time.first` says. The agent is the first of `agent_names`; the channel is always `chat`. `rating` `good`/`bad` is CSAT. `duration`, `count` and `visitor` are not used.',
};
