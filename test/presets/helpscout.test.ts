import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPresets } from '../../src/presets/index.js';
import { presetsMatchingKeys as presetsMatchingKeysIn } from '../../src/dialect/interpret.js';
import { cliJson, ticketsById } from './json-presets.helpers.js';

const PRESETS = await loadPresets();
const presetsMatchingKeys = (keys: readonly string[]) => presetsMatchingKeysIn(PRESETS, keys);

/**
 * The helpscout preset on a Mailbox API 2.0 page of four conversations
 * (test/fixtures/presets/helpscout-conversations.json). Worked out by hand, all UTC:
 *
 *   2001 email, created Mon 03-02 09:00, closed 11:00 (7200 s); assignee email; rating great → 5, satisfied
 *   2002 chat, created Tue 03-03 12:00, closed 12:30 (1800 s); assignee without email → "Ben Okafor";
 *        no primaryCustomer → createdBy.id 502; updatedAt only; rating okay → 3, not satisfied
 *   2003 phone, created Wed 03-04 08:00, active; no assignee; tags as plain names; not_good → 1, not satisfied
 *   2004 email, created Thu 03-05 10:00, pending; mailbox 86; not rated
 *
 * Totals: created 4, resolved 2, backlog 2; resolution 1800, 7200 s: mean 4500, median 4500,
 * p90 1800 + 0.9·5400 = 6660; CSAT 1/3; no first response time (the object has none).
 */
const fixture = fileURLToPath(new URL('../fixtures/presets/helpscout-conversations.json', import.meta.url));

describe('helpscout preset', () => {
  it('is recognised from createdAt and mailboxId', () => {
    expect(presetsMatchingKeys(['id', 'number', 'createdAt', 'mailboxId', 'status']).map((p) => p.name)).toEqual(['helpscout']);
    expect(presetsMatchingKeys(['id', 'createdAt'])).toEqual([]);
  });

  it('reads the API page as the worked example says', async () => {
    const r = await cliJson('report', fixture);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(preset helpscout, recognised from the keys of the first record)');
    const json = JSON.parse(r.stdout);
    expect(json.input).toMatchObject({ records: 4, rejected: 0 });
    const m = json.totals.metrics;
    expect([m.tickets_created, m.tickets_resolved, m.backlog]).toEqual([4, 2, 2]);
    expect(m.resolution_time).toEqual({ count: 2, mean: 4500, median: 4500, p90: 6660 });
    expect(m.csat).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(m.first_response_time).toBeNull();
  });

  it('maps assignee, customer, mailbox, tags and type', async () => {
    const byId = await ticketsById(fixture);
    expect(byId['2001']).toMatchObject({ agent: 'ana@example.com', team: '85', customer: '501', channel: 'email', status: 'closed', satisfied: 'yes', tags: ['billing'] });
    expect(byId['2002']).toMatchObject({ agent: 'Ben Okafor', customer: '502', channel: 'chat', satisfied: 'no', resolution_time: 1800 });
    expect(byId['2003']).toMatchObject({ agent: null, customer: '503', channel: 'phone', satisfied: 'no', tags: ['urgent'], resolved_at: null });
    expect(byId['2004']).toMatchObject({ team: '86', satisfied: null, tags: ['refund'] });
  });

  it('inspect lists the derived keys with what they read', async () => {
    const [file] = JSON.parse((await cliJson('inspect', fixture)).stdout).files;
    const column = (key: string) => file.columns.find((c: { header: string }) => c.header === key);
    expect(column('assignee (email, else first last)')).toMatchObject({ field: 'agent', blank: 1 });
    expect(column('userUpdatedAt, else updatedAt')).toMatchObject({ field: 'updated_at', blank: 0 });
    expect(column('preview')).toMatchObject({ field: null });
    expect(column('assignee')).toBeUndefined();
  });
});
