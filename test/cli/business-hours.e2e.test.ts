import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectOneLineError, fixtureDir } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const work = workDirectory('business-hours');
afterAll(() => work.remove());

/** Rome office: Monday–Friday 09:00–18:00 and Saturday 09:00–13:00 (Europe/Rome), for team Billing; a business-clock SLA of 4 hours. */
const CONFIG = {
  schedules: [
    { name: 'Rome office', timezone: 'Europe/Rome', hours: { 'mon-fri': '09:00-18:00', sat: '09:00-13:00' }, holidays: ['2026-04-06'], match: { team: 'Billing' } },
  ],
  sla: [{ name: 'Business', clock: 'business', firstResponse: '4h', match: { team: 'Billing' } }],
};

/**
 * Worked by hand (Rome is UTC+1 until 29 March 2026, UTC+2 after):
 * - A: Friday 6 March 17:55 Rome → Monday 9 March 09:05: 5 min on Friday, Saturday's 4 hours and
 *   5 min on Monday = 15,000 s. Its 4 business hours end Saturday 7 March 12:55 Rome (5 min on
 *   Friday, 3 h 55 on Saturday): breached.
 * - B: Friday 13 March 16:00 Rome (the example): 4 business hours end Saturday 11:00 Rome
 *   (10:00Z). Answered Saturday 10:30 Rome: 2 h + 1.5 h = 12,600 s, met.
 * - C: the same creation, answered Saturday 11:30 Rome: 2 h + 2.5 h = 16,200 s, breached.
 * - D: team Hosting: no schedule, no business figures, no SLA policy.
 * Business first response of A, B, C: 15,000, 12,600, 16,200 s: mean 14,600, median 15,000,
 * p90 = 15,000 + 0.8 × 1,200 = 15,960. First response SLA: 1 met of 3.
 */
const TICKETS = [
  'id,created_at,first_response_at,team',
  'A,2026-03-06T16:55:00Z,2026-03-09T08:05:00Z,Billing',
  'B,2026-03-13T15:00:00Z,2026-03-14T09:30:00Z,Billing',
  'C,2026-03-13T15:00:00Z,2026-03-14T10:30:00Z,Billing',
  'D,2026-03-09T10:00:00Z,2026-03-09T11:00:00Z,Hosting',
].join('\n');

function workDir(name: string, config: object = CONFIG, tickets = TICKETS): string {
  const dir = work.fresh(name);
  writeFileSync(join(dir, 'tickets.csv'), `${tickets}\n`);
  writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify(config));
  return dir;
}

describe('business hours from the config\'s schedules', () => {
  it('business first response time from the timestamps; a business-clock SLA; the source and the unmatched ticket said', async () => {
    const dir = workDir('report');
    const r = await cli(['report', 'tickets.csv', '--period', 'all', '-m', 'business_first_response_time,first_response_sla', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.totals.metrics.business_first_response_time).toEqual({ count: 3, mean: 14600, median: 15000, p90: 15960 });
    expect(report.totals.metrics.first_response_sla).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(report.businessHours).toEqual({ source: 'schedules', schedules: ['Rome office'], unmatched: 1 });
    expect(report.notes).toContainEqual({ metric: null, message: '1 ticket matched no schedule and has no business first response or resolution time, and no business-clock SLA outcome' });
    const table = await cli(['report', 'tickets.csv', '--period', 'all'], { cwd: dir });
    expect(table.stdout.split('\n')).toContain('Business hours: computed from the timestamps under the schedule Rome office');
  });

  it('the tickets drill-down shows the schedule, the business figures and the business deadline', async () => {
    const dir = workDir('tickets');
    const lines = JSON.parse((await cli(['tickets', 'tickets.csv', '-f', 'json'], { cwd: dir })).stdout) as Record<string, unknown>[];
    const pick = (line: Record<string, unknown>) => [line.id, line.schedule, line.business_first_response_time, line.first_response_due, line.first_response_sla];
    expect(lines.map(pick)).toEqual([
      ['A', 'Rome office', 15000, '2026-03-07T11:55:00+00:00', 'breached'],
      ['D', null, null, null, null],
      ['B', 'Rome office', 12600, '2026-03-14T10:00:00+00:00', 'met'],
      ['C', 'Rome office', 16200, '2026-03-14T10:00:00+00:00', 'breached'],
    ]);
  });

  it('across the DST change: Friday 27 March 17:00 CET to Monday 30 March 09:30 CEST is 1 h + 4 h + 30 min', async () => {
    const dir = workDir('dst', CONFIG, ['id,created_at,first_response_at,team', 'E,2026-03-27T16:00:00Z,2026-03-30T07:30:00Z,Billing'].join('\n'));
    const report = JSON.parse((await cli(['report', 'tickets.csv', '--period', 'all', '-m', 'business_first_response_time', '-f', 'json'], { cwd: dir })).stdout);
    expect(report.totals.metrics.business_first_response_time.median).toBe(19800);
  });

  it('without schedules the export\'s own business figures are used, and the report says so', async () => {
    const dir = workDir('export', {}, ['id,created_at,business_first_response_time', 'A,2026-03-06T16:55:00Z,1234'].join('\n'));
    const report = JSON.parse((await cli(['report', 'tickets.csv', '--period', 'all', '-m', 'business_first_response_time', '-f', 'json'], { cwd: dir })).stdout);
    expect(report.businessHours).toEqual({ source: 'export', schedules: [], unmatched: 0 });
    expect(report.totals.metrics.business_first_response_time.median).toBe(1234);
  });

  it.each([
    [{ sla: [{ name: 'B', clock: 'business', firstResponse: '4h' }] }, 'sla[0].clock: "business" counts the open time of a schedule, and the config has no schedules'],
    [{ schedules: [{ name: 'X', timezone: 'Europe/Rome', hours: { 'mon-fri': '9-18' } }] }, 'schedules[0]: hours."mon-fri": "9-18"'],
    [{ schedules: [{ name: 'X', timezone: 'Mars/Base', hours: { mon: '09:00-18:00' } }] }, 'schedules[0]: timezone: "Mars/Base" is not a time zone'],
  ])('a bad config: exit 2 naming the key (%#)', async (config, message) => {
    const r = await cli(['report', 'tickets.csv'], { cwd: workDir('bad', config) });
    expect(expectOneLineError(r, 2)).toContain(message);
  });
});

describe('schedules import: a vendor export as the config block', () => {
  it.each(['zendesk-schedules.json', 'freshdesk-business-hours.json', 'intercom-office-hours.json'])('%s: printed as {"schedules": […]}, which the config then takes as it is', async (fixture) => {
    const r = await cli(['schedules', 'import', join(fixtureDir('schedules'), fixture)]);
    expect(r.code, r.stderr).toBe(0);
    const block = JSON.parse(r.stdout) as { schedules: { name: string }[] };
    expect(block.schedules.length).toBeGreaterThan(0);
    const dir = workDir(`import-${fixture}`, block);
    const report = await cli(['report', 'tickets.csv', '--period', 'all', '-f', 'json'], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).businessHours.schedules).toEqual(block.schedules.map((s) => s.name));
  });

  it('a file that is no business hours export: exit 3 naming it; --source of the wrong vendor too', async () => {
    const dir = work.fresh('import-bad');
    writeFileSync(join(dir, 'x.json'), '{"tickets": []}');
    expect(expectOneLineError(await cli(['schedules', 'import', 'x.json'], { cwd: dir }), 3)).toMatch(/^support-metrics: x\.json: /);
    expect(expectOneLineError(await cli(['schedules', 'import', join(fixtureDir('schedules'), 'zendesk-schedules.json'), '--source', 'intercom']), 3)).toContain('zendesk-schedules.json');
  });
});
