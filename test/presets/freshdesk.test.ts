import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, type Run } from '../helpers/cli.js';
import { loadPresets } from '../../src/presets/index.js';
import { presetsMatching as presetsMatchingIn } from '../../src/dialect/interpret.js';

const PRESETS = await loadPresets();
const presetsMatching = (header: readonly string[]) => presetsMatchingIn(PRESETS, header);

/**
 * The freshdesk preset on a three-ticket export written from Freshdesk's ticket CSV format
 * (test/fixtures/presets/freshdesk-tickets.csv), read with --input-tz UTC. Worked out by hand:
 *
 *   101 created Mon 03-02 09:00, first response 10:00 (3600 s), resolved 12:00 (10800 s),
 *       1 agent interaction, no reopen column → FCR yes; "Extremely happy" → 5 → satisfied; tags login, vip
 *   102 created Tue 03-03 08:00, first response 20:00 (43200 s), resolved Thu 03-05 08:00 (172800 s),
 *       3 interactions → not FCR; "Neutral" → 3 → not satisfied; tag refund → churn
 *   103 created Wed 03-04 10:00, first response 10:02 (120 s), open; no survey; channel Chat → chat
 *
 * Week 2026-W10 holds everything: created 3, resolved 2, backlog 1, resolution rate 2/3;
 * first response 120, 3600, 43200 s: mean 15640, median 3600, p90 3600 + 0.8·39600 = 35280;
 * resolution 10800, 172800 s: mean 91800, median 91800, p90 10800 + 0.9·162000 = 156600;
 * CSAT 1/2; FCR 1/2 (101 yes, 102 no); cancellation 1/2 (102 refund).
 */
const fixture = fileURLToPath(new URL('../fixtures/presets/freshdesk-tickets.csv', import.meta.url));

function report(args: string[]): Promise<Run> {
  return cli(['report', fixture, '--input-tz', 'UTC', '--format', 'json', ...args]);
}

describe('freshdesk preset', () => {
  it('is recognised from the header, and only freshdesk is', () => {
    const header = ['Ticket ID', 'Subject', 'Status', 'Created time', 'Resolved time', 'Agent interactions', 'Survey results'];
    expect(presetsMatching(header).map((p) => p.name)).toEqual(['freshdesk']);
    expect(PRESETS.freshdesk.dialect.columns.first_response_at).toBe('Initial response time');
  });

  it('reads the export as the worked example says', async () => {
    const r = await report([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as a Freshdesk ticket CSV export (preset freshdesk, recognised from the header)');
    const json = JSON.parse(r.stdout);
    expect(json.input).toMatchObject({ records: 3, rejected: 0, duplicates: 0 });
    const m = json.totals.metrics;
    expect(m.tickets_created).toBe(3);
    expect(m.tickets_resolved).toBe(2);
    expect(m.backlog).toBe(1);
    expect(m.resolution_rate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(m.first_response_time).toEqual({ count: 3, mean: 15640, median: 3600, p90: 35280 });
    expect(m.resolution_time).toEqual({ count: 2, mean: 91800, median: 91800, p90: 156600 });
    expect(m.csat).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(m.first_contact_resolution).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(m.cancellation_rate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('--input-tz decides when an offset-less timestamp happened', async () => {
    // Kiritimati is UTC+14: 2026-03-02 09:00 there is 2026-03-01T19:00Z, so the first day moves back.
    const utc = JSON.parse((await report(['--period', 'day'])).stdout);
    const kiritimati = JSON.parse((await report(['--input-tz', 'Pacific/Kiritimati', '--period', 'day'])).stdout);
    expect(utc.rows[0].period).toBe('2026-03-02');
    expect(kiritimati.rows[0].period).toBe('2026-03-01');
    expect(kiritimati.inputTimezone).toBe('Pacific/Kiritimati');
    // Durations do not depend on the zone.
    expect(kiritimati.totals.metrics.first_response_time).toEqual(utc.totals.metrics.first_response_time);
  });

  it('--by channel maps Source: Email → email, Portal → web, Chat → chat', async () => {
    const json = JSON.parse((await report(['--by', 'channel', '--period', 'all'])).stdout);
    expect(json.rows.map((row: { channel: string | null }) => row.channel)).toEqual(['chat', 'email', 'web']);
  });
});
