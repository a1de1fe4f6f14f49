import { COMMON_SENTINELS } from '../dialect/dialect.js';
import { firstOf, valueAt, type JsonObject } from '../dialect/json-fields.js';
import type { Preset } from './types.js';

/**
 * Help Scout's conversation objects (Mailbox API 2.0, `GET /v2/conversations`): an array of them,
 * or the API page `{"_embedded": {"conversations": [...]}}`. Timestamps are ISO 8601 in UTC. A
 * closed conversation that the customer answers is reopened and closed again, as a Zendesk ticket is
 * solved again: `closedAt` is solved_at.
 *
 * The conversation object holds no rating: a `rating` key (great, okay, not_good, as Help Scout's
 * Happiness ratings name them) is read when the export adds one.
 */
export const helpscout: Preset = {
  name: 'helpscout',
  title: 'Help Scout Mailbox API conversation export',
  format: 'json',
  signature: ['createdAt', 'mailboxId'],
  dialect: {
    columns: {
      id: 'id, else number',
      created_at: 'createdAt',
      solved_at: 'closedAt',
      updated_at: 'userUpdatedAt, else updatedAt',
      status: 'status',
      agent: 'assignee (email, else first last)',
      team: 'mailboxId',
      channel: 'type',
      customer: 'primaryCustomer.id, else createdBy.id',
      satisfaction: 'rating',
      tags: 'tags (names)',
    },
    derived: {
      'id, else number': firstOf('id', 'number'),
      'userUpdatedAt, else updatedAt': firstOf('userUpdatedAt', 'updatedAt'),
      'primaryCustomer.id, else createdBy.id': firstOf('primaryCustomer.id', 'createdBy.id'),
      'assignee (email, else first last)': { reads: ['assignee.email', 'assignee.first', 'assignee.last'], value: assigneeName },
      // Tags come as {id, color, tag} objects (or plain names).
      'tags (names)': { reads: ['tags'], value: (c) => (Array.isArray(c.tags) ? c.tags.map((t) => (typeof t === 'string' ? t : valueAt(t, 'tag'))) : c.tags) },
    },
    values: {
      // Help Scout's three ratings on the 1–5 scale: only great is satisfied.
      satisfaction: { great: 5, okay: 3, not_good: 1, 'not good': 1 },
      channel: { email: 'email', chat: 'chat', phone: 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: {},
  },
  records: (page) => {
    const conversations = valueAt(page, '_embedded.conversations');
    return Array.isArray(conversations) ? conversations : undefined;
  },
  notes:
    'An array of conversations, or the API page `{"_embedded": {"conversations": [...]}}`. `closedAt` is `solved_at` (a conversation the customer answers is reopened and closed again). The agent is the assignee\'s `email`, else `first last`; the team is `mailboxId` (a conversation has no team). `tags` are the `tag` names of the tag objects (or plain strings). The conversation object holds no rating and no first-response time: a `rating` key `great` / `okay` / `not_good`, when the export adds one from the Happiness report, reads as 5 / 3 / 1, so only `great` is satisfied.',
};

/** The assignee's email, else "first last" (Help Scout users always have an email; this is for exports that drop it). */
function assigneeName(conversation: JsonObject): unknown {
  const email = valueAt(conversation, 'assignee.email');
  if (typeof email === 'string' && email.trim() !== '') return email;
  const name = [valueAt(conversation, 'assignee.first'), valueAt(conversation, 'assignee.last')].filter((p) => typeof p === 'string' && p.trim() !== '');
  return name.length > 0 ? name.join(' ') : undefined;
}
