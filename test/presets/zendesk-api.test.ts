import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPresets } from '../../src/presets/index.js';
import { presetsMatchingKeys as presetsMatchingKeysIn } from '../../src/dialect/interpret.js';
import { expectOneLineError, cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';
import { cliJson, ticketsById } from './json-presets.helpers.js';

const PRESETS = await loadPresets();
const presetsMatchingKeys = (keys: readonly string[]) => presetsMatchingKeysIn(PRESETS, keys);

/**
 * The zendesk-api preset on an Incremental Tickets API page with include=metric_sets
 * (test/fixtures/presets/zendesk-api-tickets.json; the metric sets listed in another order than the
 * tickets, joined on ticket_id). Worked out by hand, all UTC:
 *
 *   101 created Mon 03-02 09:00, reply 30 min → first response 09:30 (1800 s), solved 13:00 (14400 s);
 *       business 30 / 240 min = 1800 / 14400 s; 1 reply → FCR yes; good → satisfied; email
 *   102 created Tue 03-03 10:00, reply 120 min (7200 s), solved Wed 10:00 (86400 s); business 60 / 480
 *       min = 3600 / 28800 s; 3 replies, 1 reopen → not FCR; bad → not satisfied; web
 *   103 created Wed 03-04 15:00, reply 5 min (300 s), open; business 5 min = 300 s; offered → no response; chat
 *   104 created Thu 03-05 08:00, no reply, pending; unoffered → no response; voice → phone
 *
 * Totals: created 4, resolved 2, backlog 2; first response 300, 1800, 7200 s: mean 3100, median 1800,
 * p90 1800 + 0.8·5400 = 6120; resolution 14400, 86400 s: mean 50400, median 50400, p90 14400 +
 * 0.9·72000 = 79200; business first response 300, 1800, 3600 s: mean 1900, median 1800, p90 1800 +
 * 0.8·1800 = 3240; business resolution 14400, 28800 s: mean 21600, median 21600, p90 27360; CSAT 1/2; FCR 1/2.
 */
const fixture = fileURLToPath(new URL('../fixtures/presets/zendesk-api-tickets.json', import.meta.url));
const work = workDirectory('presets-zendesk-api');
afterAll(() => work.remove());

const page = JSON.parse(readFileSync(fixture, 'utf8')) as { tickets: { id: number }[]; metric_sets: { ticket_id: number }[] };

describe('zendesk-api preset', () => {
  it('is recognised from via with satisfaction_rating or metric_set, and only zendesk-api is', () => {
    expect(presetsMatchingKeys(Object.keys(page.tickets[0]!)).map((p) => p.name)).toEqual(['zendesk-api']);
    expect(presetsMatchingKeys(['id', 'created_at', 'via', 'metric_set']).map((p) => p.name)).toEqual(['zendesk-api']);
    expect(presetsMatchingKeys(['id', 'created_at', 'via'])).toEqual([]);
    expect(presetsMatchingKeys(['id', 'created_at', 'status'])).toEqual([]);
  });

  it('reads the API page as the worked example says', async () => {
    const r = await cliJson('report', fixture);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('read as a Zendesk Support API ticket export (preset zendesk-api, recognised from the keys of the first record)');
    const json = JSON.parse(r.stdout);
    expect(json.input).toMatchObject({ records: 4, rejected: 0, duplicates: 0 });
    const m = json.totals.metrics;
    expect([m.tickets_created, m.tickets_resolved, m.backlog]).toEqual([4, 2, 2]);
    expect(m.first_response_time).toEqual({ count: 3, mean: 3100, median: 1800, p90: 6120 });
    expect(m.resolution_time).toEqual({ count: 2, mean: 50400, median: 50400, p90: 79200 });
    expect(m.business_first_response_time).toEqual({ count: 3, mean: 1900, median: 1800, p90: 3240 });
    expect(m.business_resolution_time).toEqual({ count: 2, mean: 21600, median: 21600, p90: 27360 });
    expect(m.csat).toEqual({ numerator: 1, denominator: 2, value: 1 / 2 });
    expect(m.first_contact_resolution).toEqual({ numerator: 1, denominator: 2, value: 1 / 2 });
  });

  it('maps each ticket: ids kept, channels, no response for offered/unoffered, no reply → no first response', async () => {
    const byId = await ticketsById(fixture);
    expect(byId['101']).toMatchObject({ first_response_at: '2026-03-02T09:30:00+00:00', resolved_at: '2026-03-02T13:00:00+00:00', agent: '9001', team: '501', customer: '7001', channel: 'email', satisfied: 'yes', tags: ['billing', 'vip'] });
    expect(byId['102']).toMatchObject({ reopens: 1, agent_replies: 3, satisfied: 'no', channel: 'web' });
    expect(byId['103']).toMatchObject({ first_response_time: 300, resolved_at: null, satisfied: null, channel: 'chat' });
    expect(byId['104']).toMatchObject({ first_response_at: null, agent: null, satisfied: null, channel: 'phone', priority: null });
  });

  it('an array of tickets each carrying its metric_set reads the same', async () => {
    const inline = page.tickets.map((t) => ({ ...t, metric_set: page.metric_sets.find((s) => s.ticket_id === t.id) }));
    const path = join(work.fresh('inline'), 'tickets.json');
    writeFileSync(path, JSON.stringify(inline));
    expect(JSON.parse((await cliJson('report', path)).stdout).totals).toEqual(JSON.parse((await cliJson('report', fixture)).stdout).totals);
    const ndjson = join(work.fresh('ndjson'), 'tickets.ndjson');
    writeFileSync(ndjson, inline.map((t) => JSON.stringify(t)).join('\n'));
    expect(JSON.parse((await cliJson('report', ndjson)).stdout).totals).toEqual(JSON.parse((await cliJson('report', fixture)).stdout).totals);
  });

  it('a list of tags stays a list: a tag holding a comma is one tag, blank and null items are dropped, a number is its digits', async () => {
    const tickets = page.tickets.map((t) => (t.id === 101 ? { ...t, tags: ['refund, partial', 'vip', null, '', 7] } : t));
    const path = join(work.fresh('comma-tags'), 'tickets.json');
    writeFileSync(path, JSON.stringify({ ...page, tickets }));
    expect((await ticketsById(path))['101']!.tags).toEqual(['refund, partial', 'vip', '7']);
  });

  it('inspect names the key paths read and the keys ignored', async () => {
    const r = await cliJson('inspect', fixture);
    expect(r.code, r.stderr).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.preset).toEqual({ name: 'zendesk-api', title: 'Zendesk Support API ticket export', from: 'keys' });
    const column = (key: string) => file.columns.find((c: { header: string }) => c.header === key);
    expect(column('via.channel')).toMatchObject({ field: 'channel', as: 'value', blank: 0 });
    expect(column('metric_set.reply_time_in_minutes.calendar')).toMatchObject({ field: 'first_response_at', as: 'minutes after created_at', blank: 1 });
    expect(column('metric_set.solved_at')).toMatchObject({ field: 'solved_at', blank: 2 });
    expect(column('subject')).toMatchObject({ field: null });
  });

  it('a CSV preset on a JSON file, or this preset on a CSV file, is a usage error (exit 2) naming the presets that fit', async () => {
    const csv = fileURLToPath(new URL('../fixtures/presets/zendesk-support.csv', import.meta.url));
    const onJson = expectOneLineError(await cli(['report', fixture, '--preset', 'zendesk'], { cwd: work.fresh('csv-on-json') }), 2);
    expect(onJson).toContain('preset zendesk reads CSV exports; this file is read as json');
    expect(onJson).toContain('zendesk-api');
    const onCsv = expectOneLineError(await cli(['report', csv, '--preset', 'zendesk-api'], { cwd: work.fresh('json-on-csv') }), 2);
    expect(onCsv).toContain('preset zendesk-api reads JSON and NDJSON API objects; this file is read as csv');
  });
});
