import type { TicketStore } from '../tickets/store.js';
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
    title: 'Chat abandonment rate',
    short: 'Abandoned %',
    unit: 'rate',
    section: 'Quality',
    placement: 'created',
    needs: [['channel'], ['first_response_at'], ['solved_at', 'closed_at']],
    higherIsBetter: false,
    definition:
      'Of the chats (channel "chat", ignoring case) created in the period, the share that ended (resolved_at set) without any first response.',
    notes: 'A chat still waiting (no response, not ended) is in the denominator but not abandoned: it may yet be answered.',
    example: {
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      tickets: [
        { id: 'A', created_at: '2026-03-02T09:00:00Z', channel: 'chat', closed_at: '2026-03-02T09:04:00Z' },
        { id: 'B', created_at: '2026-03-02T10:00:00Z', channel: 'Chat', first_response_at: '2026-03-02T10:01:00Z', solved_at: '2026-03-02T10:15:00Z' },
        { id: 'C', created_at: '2026-03-03T09:00:00Z', channel: 'chat' },
        { id: 'D', created_at: '2026-03-03T09:00:00Z', channel: 'email', solved_at: '2026-03-03T12:00:00Z' },
      ],
      result: { numerator: 1, denominator: 3, value: 1 / 3 },
      explanation: 'A ended without a response (abandoned); B was answered; C is still waiting. D is not a chat: 1 of 3.',
    },
  },
  create: () => {
    const isChat = chatTest();
    return shareOf(isChat, (t, slot) => Number.isNaN(t.firstResponseAt[slot]!) && !Number.isNaN(t.resolvedAt[slot]!))();
  },
};
