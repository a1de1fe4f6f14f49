import { UNREADABLE_COUNT } from '../schema/field-kinds.js';
import { shareOf, type SlotTest } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

/** The tickets first-contact resolution counts (when resolved): those with at least one agent reply, and a reopens that could be read. */
export const hasAgentReply: SlotTest = (t, slot) => t.agentReplies[slot]! >= 1 && t.reopens[slot] !== UNREADABLE_COUNT;
/** Resolved at first contact: exactly one agent reply and no reopen (reopens blank or 0). */
export const resolvedAtFirstContact: SlotTest = (t, slot) => t.agentReplies[slot] === 1 && t.reopens[slot]! <= 0;

export const firstContactResolution: Metric<RateValue> = {
  meta: {
    id: 'first_contact_resolution',
    title: 'First-contact resolution',
    short: 'FCR',
    unit: 'rate',
    section: 'Quality',
    placement: 'resolved',
    needs: [['agent_replies'], ['solved_at', 'closed_at']],
    higherIsBetter: true,
    definition:
      'Of the tickets resolved in the period with agent_replies ≥ 1, the share with exactly one agent reply and no reopen (reopens blank or 0; a reopens that could not be read, set aside, leaves its ticket out).',
    notes:
      'Zendesk calls this "one-touch" resolution. Other tools count it differently: Freshdesk counts tickets resolved in one agent interaction including reopened ones, Help Scout and some handbooks count "resolved in the first conversation" from survey answers. We count from the export\'s own columns so the number can be checked ticket by ticket, exclude tickets with no agent reply (nothing was resolved by a contact), and let a reopen disqualify a ticket, because a customer who had to come back was not served on first contact. Teams aim for about 90%.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T10:00:00Z', agent_replies: 1, reopens: 0 },
        { id: 'B', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-03T12:00:00Z', agent_replies: 1 },
        { id: 'C', created_at: '2026-03-03T09:00:00Z', solved_at: '2026-03-04T12:00:00Z', agent_replies: 3, reopens: 0 },
        { id: 'D', created_at: '2026-03-04T09:00:00Z', solved_at: '2026-03-05T12:00:00Z', agent_replies: 1, reopens: 1 },
        { id: 'E', created_at: '2026-03-05T09:00:00Z', solved_at: '2026-03-05T09:10:00Z', agent_replies: 0 },
      ],
      result: { numerator: 2, denominator: 4, value: 0.5 },
      explanation:
        'A (one reply, 0 reopens) and B (one reply, reopens blank) were resolved on first contact. C needed three replies and D was reopened. E had no agent reply, so it is not counted at all: 2 of 4.',
    },
  },
  create: shareOf(hasAgentReply, resolvedAtFirstContact),
};
