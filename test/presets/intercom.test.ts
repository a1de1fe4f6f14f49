import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldColumns, headerMatch } from '../../src/dialect/dialect.js';
import { loadPresets } from '../../src/presets/index.js';
import { presetsMatching as presetsMatchingIn } from '../../src/dialect/interpret.js';
import { expectOneLineError, cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const PRESETS = await loadPresets();
const presetsMatching = (header: readonly string[]) => presetsMatchingIn(PRESETS, header);

/**
 * The intercom preset on a four-conversation export written from Intercom's conversation CSV format
 * (test/fixtures/presets/intercom-conversations.csv). Every timestamp header names
 * America/New_York: EST (UTC−5) until Sunday 2026-03-08 02:00, EDT (UTC−4) after. Worked out by hand:
 *
 *   1001 started Mon 03-02 09:00 EST = 14:00Z, first replied 09:10 (600 s), last closed 10:00 (3600 s);
 *        1 reply → FCR yes; rating 5 → satisfied; handling 420 s; Chat → chat
 *   1002 started Fri 03-06 17:00 EST = 22:00Z, first replied 18:00 (3600 s), first closed 19:00,
 *        reopened, last closed Mon 03-09 09:00 EDT = 13:00Z: resolution to the last close, across the
 *        DST change, is 63 h = 226800 s (the wall clocks differ by 64 h); 3 replies → not FCR;
 *        rating 2 → not satisfied; handling 1800 s; tag refund → churn
 *   1003 started Wed 03-04 10:00 EST = 15:00Z, "first replied at" blank: started + "First response
 *        time (seconds)" 120 → 15:02Z; still open; Messenger → chat
 *   1004 started Thu 03-05 23:30 EST = Fri 03-06 04:30Z, first replied 00:15 (2700 s), last closed
 *        01:30 (7200 s); 1 reply → FCR yes; rating 4 → satisfied; handling 600 s
 *
 * Totals: created 4, resolved 3, backlog 1, resolution rate 3/4;
 * first response 120, 600, 2700, 3600 s: mean 1755, median 1650, p90 2700 + 0.7·900 = 3330;
 * resolution 3600, 7200, 226800 s: mean 79200, median 7200, p90 7200 + 0.8·219600 = 182880;
 * handle time 420, 600, 1800 s: mean 940, median 600, p90 600 + 0.8·1200 = 1560;
 * CSAT 2/3; FCR 2/3. Created in 2026-W10 (all four), 1002 resolved in 2026-W11.
 */
const fixture = fileURLToPath(new URL('../fixtures/presets/intercom-conversations.csv', import.meta.url));
const work = workDirectory('presets-intercom');
afterAll(() => work.remove());

const report = (args: string[], file = fixture) => cli(['report', file, '--format', 'json', ...args]);

/** The fixture with its header and rows changed by `edit` (one cell array per line), written to a fresh directory. */
function variant(name: string, edit: (rows: string[][]) => string[][]): string {
  const rows = readFileSync(fixture, 'utf8').trimEnd().split('\n').map((line) => line.match(/("[^"]*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, '')).slice(0, 17));
  const path = join(work.fresh(name), 'conversations.csv');
  writeFileSync(path, `${edit(rows).map((r) => r.join(',')).join('\n')}\n`);
  return path;
}

describe('intercom preset', () => {
  it('is recognised from "Conversation ID" and a "Conversation started at (zone)" header, and only intercom is', () => {
    const header = readFileSync(fixture, 'utf8').split('\n')[0]!.split(',');
    expect(presetsMatching(header).map((p) => p.name)).toEqual(['intercom']);
    expect(presetsMatching(['conversation id', ' CONVERSATION STARTED AT (Europe/Rome) ']).map((p) => p.name)).toEqual(['intercom']);
    // The zone is part of the header: without it, it is not the Intercom export.
    expect(presetsMatching(['Conversation ID', 'Conversation started at'])).toEqual([]);
    expect(PRESETS.intercom.dialect.columns.solved_at).toBe('Conversation last closed at (*)');
  });

  it('a `*` in a column name stands for any text, matched ignoring case; the text is given back', () => {
    expect(headerMatch('Conversation started at (*)', 'conversation STARTED at (America/New_York)')).toBe('America/New_York');
    expect(headerMatch('Conversation started at (*)', 'Conversation started at ()')).toBeUndefined();
    expect(headerMatch('Conversation started at (*)', 'Conversation first replied at (UTC)')).toBeUndefined();
    expect(headerMatch('Created at', ' created AT ')).toBe('');
  });

  it('two headers fitting one `*` name are refused, naming both', () => {
    const problem = fieldColumns(['Conversation ID', 'Conversation started at (UTC)', 'Conversation started at (Europe/Rome)'], PRESETS.intercom.dialect);
    expect(problem).toEqual(expect.stringContaining('"Conversation started at (UTC)" and "Conversation started at (Europe/Rome)"'));
  });

  it('reads the export as the worked example says', async () => {
    const r = await report([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as an Intercom conversation CSV export (preset intercom, recognised from the header)');
    expect(r.stderr).toContain('created_at, first_response_at, solved_at in America/New_York');
    const json = JSON.parse(r.stdout);
    expect(json.input).toMatchObject({ records: 4, rejected: 0, duplicates: 0 });
    expect(json.rows.map((row: { period: string }) => row.period)).toEqual(['2026-W10', '2026-W11']);
    const m = json.totals.metrics;
    expect(m.tickets_created).toBe(4);
    expect(m.tickets_resolved).toBe(3);
    expect(m.backlog).toBe(1);
    expect(m.resolution_rate).toEqual({ numerator: 3, denominator: 4, value: 3 / 4 });
    expect(m.first_response_time).toEqual({ count: 4, mean: 1755, median: 1650, p90: 3330 });
    expect(m.resolution_time).toEqual({ count: 3, mean: 79200, median: 7200, p90: 182880 });
    expect(m.handle_time).toEqual({ count: 3, mean: 940, median: 600, p90: 1560 });
    expect(m.csat).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(m.first_contact_resolution).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it('reads each timestamp in the zone its header names, across the DST change, to the last close', async () => {
    const r = await cli(['tickets', fixture, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const byId = Object.fromEntries(JSON.parse(r.stdout).map((t: { id: string }) => [t.id, t]));
    expect(byId['1001']).toMatchObject({ created_at: '2026-03-02T14:00:00+00:00', first_response_at: '2026-03-02T14:10:00+00:00', resolved_at: '2026-03-02T15:00:00+00:00' });
    expect(byId['1002']).toMatchObject({ created_at: '2026-03-06T22:00:00+00:00', resolved_at: '2026-03-09T13:00:00+00:00', resolution_time: 226800 });
    expect(byId['1003']).toMatchObject({ first_response_at: '2026-03-04T15:02:00+00:00', resolved_at: null, channel: 'chat' });
    expect(byId['1004']).toMatchObject({ created_at: '2026-03-06T04:30:00+00:00', first_response_time: 2700, resolution_time: 7200 });
  });

  it('--input-tz does not apply to columns whose header names a zone', async () => {
    const utc = JSON.parse((await report(['--period', 'day'])).stdout);
    const kiritimati = JSON.parse((await report(['--input-tz', 'Pacific/Kiritimati', '--period', 'day'])).stdout);
    expect(kiritimati.rows).toEqual(utc.rows);
    expect(kiritimati.totals).toEqual(utc.totals);
    // 1004 started Thu 23:30 in New York: Friday in UTC.
    expect(utc.rows.map((row: { period: string }) => row.period)).toContain('2026-03-06');
  });

  it('inspect shows the zone of each column and the seconds standing in for a missing first reply', async () => {
    const r = await cli(['inspect', fixture, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.dateFormats).toEqual([
      { field: 'created_at', header: 'Conversation started at (America/New_York)', format: 'iso', from: 'values', zone: 'America/New_York' },
      { field: 'first_response_at', header: 'Conversation first replied at (America/New_York)', format: 'iso', from: 'values', zone: 'America/New_York' },
      { field: 'solved_at', header: 'Conversation last closed at (America/New_York)', format: 'iso', from: 'values', zone: 'America/New_York' },
    ]);
    const column = (header: string) => file.columns.find((c: { header: string }) => c.header === header);
    expect(column('First response time (seconds)')).toMatchObject({ field: 'first_response_at', as: 'seconds after created_at' });
    expect(column('Conversation first closed at (America/New_York)')).toMatchObject({ field: null });
    const text = (await cli(['inspect', fixture])).stdout;
    expect(text).toContain('in America/New_York (from the header)');
  });

  it('without the "first replied at" column, started at + "First response time (seconds)" is the first response', async () => {
    const path = variant('no-first-replied', (rows) => rows.map((r) => r.filter((_, c) => c !== 2)));
    const r = await report([], path);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals.metrics.first_response_time).toEqual({ count: 4, mean: 1755, median: 1650, p90: 3330 });
  });

  it('a header naming no time zone is an input error (exit 3) naming the header', async () => {
    const path = variant('bad-zone', (rows) => [rows[0]!.map((h) => h.replace('(America/New_York)', '(America/Atlantis)')), ...rows.slice(1)]);
    const line = expectOneLineError(await cli(['report', path], { cwd: work.fresh('bad-zone-run') }), 3);
    expect(line).toContain('Conversation started at (America/Atlantis)');
    expect(line).toContain('"America/Atlantis" is not a time zone');
  });
});
