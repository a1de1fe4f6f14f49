import type { TicketStore } from '../tickets/store.js';
import { YesNo } from '../schema/field-kinds.js';
import { shareOf } from './accumulators.js';
import type { Metric, RateValue } from './types.js';

/** Whether a ticket came in by chat (`channel` is `chat`, ignoring case). Cached per dictionary code. */
function chatTest(): (t: TicketStore, slot: number) => boolean {
  const isChat = new Map<number, boolean>();
  return (t, slot) => {
    const code = t.channel[slot]!;
    let chat = isChat.get(code);
    if (chat === undefined) {
      chat = t.dictionaries.channel.valueOf(code)?.toLowerCase() === 'chat';
      isChat.set(code, chat);
    }
    return chat;
  };
}

export const abandonmentRate: Metric<RateValue> = {
  meta: {
    id: 'abandonment_rate',
    title: 'Abandonment rate',
    short: 'Abandoned %',
    unit: 'rate',
    section: 'Quality',
    placement: 'created',
    // answered alone is enough; without it, chats are judged by channel, first response and resolution.
    needs: [['answered', 'channel'], ['answered', 'first_response_at'], ['answered', 'solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Of the contacts created in the period that say whether they were answered (answered yes or no, any channel), and of the chats (channel "chat", ignoring case) that do not, the share abandoned: answered no, or a chat that ended (resolved_at set) without any first response.',
    notes:
      'A call log says it per call (`Answered (Y/N)`); a chat export says it by a chat that ended without a response. A chat still waiting (no response, not ended) is in the denominator but not abandoned: it may yet be answered. "Median wait under 120 s" is first_response_time on the same contacts.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', channel: 'chat', closed_at: '2026-03-02T09:04:00Z' },
        { id: 'B', created_at: '2026-03-02T10:00:00Z', channel: 'Chat', first_response_at: '2026-03-02T10:01:00Z', solved_at: '2026-03-02T10:15:00Z' },
        { id: 'C', created_at: '2026-03-03T09:00:00Z', channel: 'chat' },
        { id: 'D', created_at: '2026-03-03T09:00:00Z', channel: 'email', solved_at: '2026-03-03T12:00:00Z' },
        { id: 'E', created_at: '2026-03-04T09:00:00Z', channel: 'phone', answered: 'no' },
        { id: 'F', created_at: '2026-03-04T09:05:00Z', channel: 'phone', answered: 'yes', first_response_time: 40 },
      ],
      result: { numerator: 2, denominator: 5, value: 2 / 5 },
      explanation:
        'A ended without a response (abandoned); B was answered; C is still waiting. D is an email that does not say whether it was answered: not counted. The call E was not answered (abandoned), F was: 2 of 5.',
    },
  },
  create: () => {
    const isChat = chatTest();
    return shareOf(
      (t, slot) => t.answered[slot] !== YesNo.unknown || isChat(t, slot),
      (t, slot) => (t.answered[slot] === YesNo.unknown ? Number.isNaN(t.firstResponseAt[slot]!) && !Number.isNaN(t.resolvedAt[slot]!) : t.answered[slot] === YesNo.no),
    )();
  },
};
