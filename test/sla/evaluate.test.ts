import { describe, expect, it } from 'vitest';
import { ingest, type TicketInput } from '../helpers/build.js';
import { settingsFrom } from '../../src/config/config.js';
import { DEFAULT_CHURN_TAGS } from '../../src/config/settings.js';
import { UsageError } from '../../src/errors.js';
import { evaluateSla, SLA_STATE_NAMES, type SlaPolicy } from '../../src/sla/evaluate.js';

/**
 * evaluateSla: each ticket under the first policy whose match fits (issue 3, "SLA policies"), one
 * outcome per target: met (at or before created_at + target), placed at the answer (resolution);
 * breached, placed at the deadline, whether or not an answer came; pending when there is no answer
 * yet and the deadline lies after the end of the data; none without a policy or target, or (first
 * response only) when resolved by the deadline without any response.
 *
 * settingsFrom: the config file's durations (`90s`, `2m`, `1h30m`, `3d`) to milliseconds, match
 * values to lower-cased lists.
 */

type StateName = (typeof SLA_STATE_NAMES)[number];

interface Outcome {
  /** The applying policy's name, null for none. */
  policy: string | null;
  firstResponse: StateName;
  firstResponseAt: string | null;
  resolution: StateName;
  resolutionAt: string | null;
}

const policiesOf = (sla: unknown[]): SlaPolicy[] => settingsFrom({ sla }, 'test config').sla;
const iso = (ms: number): string | null => (Number.isNaN(ms) ? null : new Date(ms).toISOString());

/** Every ticket's outcomes, by id. `dataEnd` defaults to the store's end of the data. */
function outcomesOf(records: TicketInput[], sla: unknown[], dataEnd?: string): Record<string, Outcome> {
  const { store } = ingest(records);
  const policies = policiesOf(sla);
  const result = evaluateSla(store, policies, dataEnd === undefined ? store.latestTimestamp : Date.parse(dataEnd));
  expect(result.policies).toEqual(policies);
  return Object.fromEntries(
    Array.from({ length: store.length }, (_, slot) => {
      const id = store.idOf(slot);
      const index = result.policyOf(slot);
      const outcome: Outcome = {
        policy: index < 0 ? null : policies[index]!.name,
        firstResponse: SLA_STATE_NAMES[result.stateOf(slot, 'firstResponse')]!,
        firstResponseAt: iso(result.placedAt(slot, 'firstResponse')),
        resolution: SLA_STATE_NAMES[result.stateOf(slot, 'resolution')]!,
        resolutionAt: iso(result.placedAt(slot, 'resolution')),
      };
      return [id, outcome];
    }),
  );
}

const at = (time: string): string => `2026-03-02T${time}:00.000Z`;
const NONE = { firstResponse: 'none', firstResponseAt: null, resolution: 'none', resolutionAt: null } as const;

interface Case {
  name: string;
  records: TicketInput[];
  sla: unknown[];
  dataEnd?: string;
  expected: Record<string, Outcome>;
}

const DEFAULT = { name: 'Default', firstResponse: '1h', resolution: '8h' };

const CASES: Case[] = [
  {
    name: 'states and placement times under one policy (1 h / 8 h), end of the data 12:00',
    sla: [DEFAULT],
    dataEnd: at('12:00'),
    records: [
      { id: 'met', created_at: at('09:00'), first_response_at: at('09:30'), solved_at: at('11:00') },
      // at the deadline exactly: met, placed at the answer (= the deadline)
      { id: 'at-deadline', created_at: at('09:00'), first_response_at: at('10:00'), solved_at: at('17:00') },
      // answered late: breached at the deadline 10:00; not resolved, deadline 17:00 after 12:00: pending
      { id: 'late', created_at: at('09:00'), first_response_at: at('10:30') },
      // never answered, deadline 10:00 before the end of the data: breached at 10:00
      { id: 'unanswered', created_at: at('09:00') },
      // never answered, deadline 12:30 after the end of the data: pending
      { id: 'pending', created_at: at('11:30') },
      // deadline 12:00 exactly at the end of the data: breached (pending only when after it)
      { id: 'deadline-at-end', created_at: at('11:00') },
      // resolved by the first-response deadline without a response: no first-response outcome
      { id: 'solved-unanswered', created_at: at('09:00'), solved_at: at('09:30') },
      { id: 'solved-at-deadline', created_at: at('09:00'), closed_at: at('10:00') },
      // resolved after the first-response deadline without a response: breached at 10:00
      { id: 'solved-late-unanswered', created_at: at('09:00'), solved_at: at('10:30') },
      // resolution deadline 17:00 missed: breached at 17:00, although resolved (at 18:00)
      { id: 'resolved-late', created_at: at('09:00'), first_response_at: at('09:05'), solved_at: at('18:00') },
    ],
    expected: {
      met: { policy: 'Default', firstResponse: 'met', firstResponseAt: at('09:30'), resolution: 'met', resolutionAt: at('11:00') },
      'at-deadline': { policy: 'Default', firstResponse: 'met', firstResponseAt: at('10:00'), resolution: 'met', resolutionAt: at('17:00') },
      late: { policy: 'Default', firstResponse: 'breached', firstResponseAt: at('10:00'), resolution: 'pending', resolutionAt: null },
      unanswered: { policy: 'Default', firstResponse: 'breached', firstResponseAt: at('10:00'), resolution: 'pending', resolutionAt: null },
      pending: { policy: 'Default', firstResponse: 'pending', firstResponseAt: null, resolution: 'pending', resolutionAt: null },
      'deadline-at-end': {
        policy: 'Default',
        firstResponse: 'breached',
        firstResponseAt: at('12:00'),
        resolution: 'pending',
        resolutionAt: null,
      },
      'solved-unanswered': { policy: 'Default', firstResponse: 'none', firstResponseAt: null, resolution: 'met', resolutionAt: at('09:30') },
      'solved-at-deadline': { policy: 'Default', firstResponse: 'none', firstResponseAt: null, resolution: 'met', resolutionAt: at('10:00') },
      'solved-late-unanswered': {
        policy: 'Default',
        firstResponse: 'breached',
        firstResponseAt: at('10:00'),
        resolution: 'met',
        resolutionAt: at('10:30'),
      },
      'resolved-late': {
        policy: 'Default',
        firstResponse: 'met',
        firstResponseAt: at('09:05'),
        resolution: 'breached',
        resolutionAt: at('17:00'),
      },
    },
  },
  {
    name: 'the first matching policy applies; a missing target gives none and does not fall through',
    sla: [
      { name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' },
      { name: 'VIP', match: { tags: 'vip' }, resolution: '4h' },
      { name: 'Default', firstResponse: '1h', resolution: '8h' },
    ],
    dataEnd: at('23:00'),
    records: [
      // Chat: 5 min > 2 min; Chat has no resolution target: none (Default's 8 h is not used)
      { id: 'chat', created_at: at('09:00'), channel: 'Chat', first_response_at: at('09:05'), solved_at: at('20:00') },
      // both Chat and VIP match: Chat, the first, applies
      { id: 'chat-vip', created_at: at('09:00'), channel: 'chat', tags: ['VIP'], first_response_at: at('09:01'), solved_at: at('20:00') },
      // VIP: no first-response target: none (Default's 1 h is not used); 4 h deadline 13:00 missed
      { id: 'vip', created_at: at('09:00'), channel: 'email', tags: 'a, vip', first_response_at: at('11:00'), solved_at: at('14:00') },
      // neither matches: Default
      { id: 'other', created_at: at('09:00'), channel: 'email', first_response_at: at('09:30'), solved_at: at('14:00') },
    ],
    expected: {
      chat: { policy: 'Chat', firstResponse: 'breached', firstResponseAt: at('09:02'), resolution: 'none', resolutionAt: null },
      'chat-vip': { policy: 'Chat', firstResponse: 'met', firstResponseAt: at('09:01'), resolution: 'none', resolutionAt: null },
      vip: { policy: 'VIP', firstResponse: 'none', firstResponseAt: null, resolution: 'breached', resolutionAt: at('13:00') },
      other: { policy: 'Default', firstResponse: 'met', firstResponseAt: at('09:30'), resolution: 'met', resolutionAt: at('14:00') },
    },
  },
  {
    name: 'match with a list of values and with several fields (all must hold)',
    sla: [
      { name: 'Urgent live', match: { channel: ['chat', 'Phone'], priority: 'urgent' }, firstResponse: '5m' },
      { name: 'Email', match: { channel: 'email' }, firstResponse: '4h' },
    ],
    dataEnd: at('23:00'),
    records: [
      { id: 'phone-urgent', created_at: at('09:00'), channel: 'PHONE', priority: 'Urgent', first_response_at: at('09:04') },
      { id: 'chat-urgent', created_at: at('09:00'), channel: 'chat', priority: 'urgent', first_response_at: at('09:06') },
      { id: 'chat-low', created_at: at('09:00'), channel: 'chat', priority: 'low', first_response_at: at('09:06') }, // no policy
      { id: 'email', created_at: at('09:00'), channel: 'email', priority: 'urgent', first_response_at: at('12:00') },
      { id: 'blank', created_at: at('09:00'), first_response_at: at('09:01') }, // blank channel matches nothing
    ],
    expected: {
      'phone-urgent': { policy: 'Urgent live', firstResponse: 'met', firstResponseAt: at('09:04'), resolution: 'none', resolutionAt: null },
      'chat-urgent': { policy: 'Urgent live', firstResponse: 'breached', firstResponseAt: at('09:05'), resolution: 'none', resolutionAt: null },
      'chat-low': { policy: null, ...NONE },
      email: { policy: 'Email', firstResponse: 'met', firstResponseAt: at('12:00'), resolution: 'none', resolutionAt: null },
      blank: { policy: null, ...NONE },
    },
  },
  {
    name: 'no policies: every ticket has none',
    sla: [],
    records: [
      { id: 'a', created_at: at('09:00') },
      { id: 'b', created_at: at('09:00'), first_response_at: at('15:00'), solved_at: at('16:00') },
    ],
    expected: { a: { policy: null, ...NONE }, b: { policy: null, ...NONE } },
  },
  {
    name: 'the end of the data of the store: the latest timestamp of any valid record, updated_at included',
    sla: [DEFAULT],
    records: [
      { id: 'open', created_at: at('09:00') }, // deadlines 10:00 and 17:00
      { id: 'touched', created_at: at('08:00'), first_response_at: at('08:30'), updated_at: at('10:30') },
      { id: 'rejected', created_at: at('08:00'), updated_at: at('23:00'), solved_at: 'meh' }, // not a valid record
    ],
    // end of the data 10:30: the first-response deadline (10:00) passed, the resolution deadline (17:00) not
    expected: {
      open: { policy: 'Default', firstResponse: 'breached', firstResponseAt: at('10:00'), resolution: 'pending', resolutionAt: null },
      touched: { policy: 'Default', firstResponse: 'met', firstResponseAt: at('08:30'), resolution: 'pending', resolutionAt: null },
    },
  },
];

describe('evaluateSla', () => {
  it.each(CASES)('$name', ({ records, sla, dataEnd, expected }) => {
    expect(outcomesOf(records, sla, dataEnd)).toEqual(expected);
  });

  it('the same open ticket is pending before its deadline and breached once the data reaches it', () => {
    const records: TicketInput[] = [{ id: 'a', created_at: at('09:00') }];
    const sla = [{ name: 'Default', firstResponse: '1h' }];
    expect(outcomesOf(records, sla, '2026-03-02T09:59:59.999Z').a).toEqual({ policy: 'Default', ...NONE, firstResponse: 'pending' });
    expect(outcomesOf(records, sla, at('10:00')).a).toEqual({
      policy: 'Default',
      ...NONE,
      firstResponse: 'breached',
      firstResponseAt: at('10:00'),
    });
  });

  it('latestTimestamp counts created, first response, solved, closed and updated, of every valid record', () => {
    const latest = (record: TicketInput): string | null => {
      const { store } = ingest([{ id: 'base', created_at: at('09:00') }, { id: 'x', created_at: at('09:00'), ...record }]);
      return iso(store.latestTimestamp);
    };
    expect(latest({})).toBe(at('09:00'));
    expect(latest({ first_response_at: at('10:00') })).toBe(at('10:00'));
    expect(latest({ solved_at: at('11:00') })).toBe(at('11:00'));
    expect(latest({ solved_at: at('11:00'), closed_at: at('12:00') })).toBe(at('12:00'));
    expect(latest({ updated_at: at('13:00') })).toBe(at('13:00'));
    expect(latest({ updated_at: at('13:00'), first_response_at: 'soon' })).toBe(at('09:00')); // rejected: not counted
  });
});

describe('settingsFrom: SLA durations to milliseconds', () => {
  const DURATIONS: { text: string; ms: number }[] = [
    { text: '90s', ms: 90_000 },
    { text: '2m', ms: 2 * 60_000 },
    { text: '1h', ms: 3_600_000 },
    { text: '1h30m', ms: 3_600_000 + 30 * 60_000 }, // 5 400 000
    { text: '3d', ms: 3 * 86_400_000 }, // 259 200 000
    { text: '1d12h', ms: 86_400_000 + 12 * 3_600_000 }, // 129 600 000
    { text: '45m30s', ms: 45 * 60_000 + 30_000 }, // 2 730 000
    { text: '72h', ms: 72 * 3_600_000 },
  ];

  it.each(DURATIONS)('$text → $ms ms', ({ text, ms }) => {
    const [policy] = policiesOf([{ name: 'P', firstResponse: text, resolution: text }]);
    expect(policy!.firstResponseMs).toBe(ms);
    expect(policy!.resolutionMs).toBe(ms);
  });

  it('a missing target stays undefined', () => {
    expect(policiesOf([{ name: 'P', firstResponse: '2m' }])[0]!.resolutionMs).toBeUndefined();
    expect(policiesOf([{ name: 'P', resolution: '3d' }])[0]!.firstResponseMs).toBeUndefined();
  });

  it('match values become trimmed, lower-cased lists; no match means every ticket', () => {
    const [withMatch, catchAll] = policiesOf([
      { name: 'A', match: { priority: ['Urgent', ' HIGH '], channel: ' Chat ' }, firstResponse: '1h' },
      { name: 'B', firstResponse: '1h' },
    ]);
    expect(withMatch!.match).toEqual([
      { field: 'channel', values: ['chat'] },
      { field: 'priority', values: ['urgent', 'high'] },
    ]);
    expect(catchAll!.match).toEqual([]);
  });

  it('policies keep their config order', () => {
    expect(policiesOf([{ name: 'Z', firstResponse: '1h' }, { name: 'A', firstResponse: '1h' }]).map((p) => p.name)).toEqual(['Z', 'A']);
  });

  it('churnTags default to cancellation and refund', () => {
    expect(settingsFrom({}, 'test config').churnTags).toEqual(DEFAULT_CHURN_TAGS);
    expect(DEFAULT_CHURN_TAGS).toEqual(['cancellation', 'refund']);
    expect(settingsFrom({ churnTags: ['downgrade'] }, 'test config').churnTags).toEqual(['downgrade']);
  });

  const ERRORS: { name: string; config: unknown; words: string[] }[] = [
    { name: 'a fraction', config: { sla: [{ name: 'P', firstResponse: '1.5h' }] }, words: ['sla[0].firstResponse', '1.5h'] },
    { name: 'words', config: { sla: [{ name: 'P', resolution: '2 hours' }] }, words: ['sla[0].resolution', '2 hours'] },
    { name: 'units out of order', config: { sla: [{ name: 'P', firstResponse: '30m1h' }] }, words: ['sla[0].firstResponse'] },
    { name: 'zero', config: { sla: [{ name: 'P', firstResponse: '0s' }] }, words: ['sla[0].firstResponse', '0s'] },
    { name: 'no target', config: { sla: [{ name: 'P', match: { channel: 'chat' } }] }, words: ['sla[0]', 'firstResponse', 'resolution'] },
    { name: 'an unknown key', config: { sla: [{ name: 'P', firstResponse: '1h', deadline: '2h' }] }, words: ['sla[0]', 'deadline'] },
    { name: 'an unknown match field', config: { sla: [{ name: 'P', match: { country: 'fr' }, firstResponse: '1h' }] }, words: ['country'] },
  ];

  it.each(ERRORS)('rejects $name with a usage error naming the key path', ({ config, words }) => {
    let error: unknown;
    try {
      settingsFrom(config, 'support-metrics.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain('support-metrics.config.json');
    for (const word of words) expect(message).toContain(word);
  });
});
