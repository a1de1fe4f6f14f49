import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../src/presets/index.js';
import { presetsMatchingKeys as presetsMatchingKeysIn } from '../../src/dialect/interpret.js';
import { cliJson, ticketsById } from './json-presets.helpers.js';

const PRESETS = await loadPresets();
const presetsMatchingKeys = (keys: readonly string[]) => presetsMatchingKeysIn(PRESETS, keys);

/**
 * The zendesk-chat preset on four Chat API chat objects, one per line
 * (test/fixtures/presets/zendesk-chat-chats.ndjson). Worked out by hand, all UTC:
 *
 *   A1 started Mon 03-02 10:00, first response 20 s, ended 10:15 (900 s); agents Ana Ruiz, Ben Okafor
 *      → Ana Ruiz; Support; good
 *   B2 started 11:00, first response 40 s, ended 11:30 (1800 s); Sales; bad
 *   C3 started Tue 03-03 09:00, missed (its response_time.first 300 is not a response), ended 09:05 (300 s)
 *   D4 started Wed 03-04 14:00, first response 60 s, ended 14:20 (1200 s); not rated; tag refund
 *
 * Totals: created 4, resolved 4, backlog 0; first response 20, 40, 60 s: mean 40, median 40,
 * p90 40 + 0.8·20 = 56; resolution 300, 900, 1200, 1800 s: mean 1050, median 1050, p90 1200 +
 * 0.7·600 = 1620; CSAT 1/2; abandonment (chat never answered) 1/4.
 */
const fixture = fileURLToPath(new URL('../fixtures/presets/zendesk-chat-chats.ndjson', import.meta.url));

describe('zendesk-chat preset', () => {
  it('is recognised from timestamp with agent_names or response_time', () => {
    expect(presetsMatchingKeys(['id', 'timestamp', 'agent_names']).map((p) => p.name)).toEqual(['zendesk-chat']);
    expect(presetsMatchingKeys(['id', 'timestamp', 'response_time']).map((p) => p.name)).toEqual(['zendesk-chat']);
    expect(presetsMatchingKeys(['id', 'timestamp'])).toEqual([]);
  });

  it('reads the chats as the worked example says', async () => {
    const r = await cliJson('report', fixture);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as a Zendesk Chat API chat export (preset zendesk-chat, recognised from the keys of the first record)');
    const m = JSON.parse(r.stdout).totals.metrics;
    expect([m.tickets_created, m.tickets_resolved, m.backlog]).toEqual([4, 4, 0]);
    expect(m.first_response_time).toEqual({ count: 3, mean: 40, median: 40, p90: 56 });
    expect(m.resolution_time).toEqual({ count: 4, mean: 1050, median: 1050, p90: 1620 });
    expect(m.csat).toEqual({ numerator: 1, denominator: 2, value: 1 / 2 });
    expect(m.abandonment_rate).toEqual({ numerator: 1, denominator: 4, value: 1 / 4 });
  });

  it('a missed chat has no first response; the first agent is the agent; the channel is always chat', async () => {
    const byId = await ticketsById(fixture);
    expect(byId['2603.2001.A1']).toMatchObject({ first_response_at: '2026-03-02T10:00:20+00:00', agent: 'Ana Ruiz', team: 'Support', channel: 'chat', satisfied: 'yes' });
    expect(byId['2603.2003.C3']).toMatchObject({ first_response_at: null, agent: null, team: null, channel: 'chat', satisfied: null, resolution_time: 300 });
  });

  it('is chosen with --preset too', async () => {
    const r = await cliJson('report', fixture, ['--preset', 'zendesk-chat']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('recognised');
  });
});
