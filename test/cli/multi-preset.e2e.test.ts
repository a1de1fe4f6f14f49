import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * Several files of different presets in one run are merged and de-duplicated by id (issue 4).
 * The fixtures (test/fixtures/presets/) share ids 101–103 between the Zendesk and the Freshdesk
 * export; the latest updated_at wins, whichever file it is in:
 *   101: Zendesk Updated at 03-03 10:00, Freshdesk Last update time 03-04 12:00 → Freshdesk wins
 *   102: Zendesk 03-03 10:10, Freshdesk 03-05 08:00                            → Freshdesk wins
 *   103: Zendesk 03-05 12:30, Freshdesk 03-04 10:05                            → Zendesk wins
 * Zendesk: 6 tickets, 2 lost → 4 used; Freshdesk: 3 tickets, 1 lost → 2 used; ServiceNow: 10 event
 * rows of 4 incidents → 4 used, 6 duplicates. In all 10 tickets, 9 duplicates.
 */
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/presets/${name}`, import.meta.url));

describe('files of different presets in one run', () => {
  it('are each recognised, merged, and de-duplicated by id across files', async () => {
    const files = ['zendesk-support.csv', 'servicenow-incident-log.csv', 'freshdesk-tickets.csv'].map(fixture);
    const r = await cli(['report', ...files, '--period', 'all', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(preset zendesk, recognised from the header)');
    expect(r.stderr).toContain('(preset servicenow, recognised from the header)');
    expect(r.stderr).toContain('(preset freshdesk, recognised from the header)');
    const input = JSON.parse(r.stdout).input;
    expect(input.records).toBe(10);
    expect(input.duplicates).toBe(9);
    expect(input.files.map((f: { records: number; duplicates: number; rejected: number }) => [f.records, f.duplicates, f.rejected])).toEqual([
      [4, 2, 0],
      [4, 6, 0],
      [2, 1, 0],
    ]);
  });
});
