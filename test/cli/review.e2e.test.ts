import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectOneLineError, stderrLines, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * The weekly review end to end: --where, goals (--goal and config goals) with exit 4, --compare
 * and the headline, over a hand-made export whose every expected number is worked out below.
 *
 * Two ISO weeks: 2026-W10 = Mon 2026-03-02 .. Sun 03-08, 2026-W11 = Mon 03-09 .. Sun 03-15.
 * Every first response and (but T02, T04, T07, T09, T11: next day, same week) every resolution
 * falls in the week the ticket was created, so each ticket's events sit in one week.
 *
 *   id   created       first response (s)  resolved (s after created)  team     channel  sat   tags
 *   T01  W10 Mon 09:00   1800             10800 (3h)                   Billing  email    good
 *   T02  W10 Tue 10:00   3600             86400 (1d, Wed)              Hosting  chat     bad   vip
 *   T03  W10 Wed 08:00    600              3600 (1h)                   Billing  chat     5
 *   T04  W10 Thu 14:00   7200             86400 (1d, Fri)              Hosting  email    2
 *   T05  W10 Fri 09:00   1200             open                         Billing  email    -
 *   T06  W11 Mon 09:00    900              7200 (2h)                   Billing  email    good
 *   T07  W11 Mon 13:00   3600             86400 (1d, Tue)              Hosting  chat     good  vip
 *   T08  W11 Tue 08:00    300              7200 (2h)                   Billing  chat     4
 *   T09  W11 Tue 15:00   7200             86400 (1d, Wed)              Hosting  email    bad
 *   T10  W11 Wed 09:00   2400             10800 (3h)                   Billing  email    3
 *   T11  W11 Wed 10:00   1800             86400 (1d, Thu)              Hosting  chat     5
 *   T12  W11 Thu 09:00  10800             open                         Hosting  email    -
 *   T13  W11 Thu 11:00   1200             14400 (4h)                   (blank)  chat     good
 *   T14  W11 Fri 09:00   none             open (updated Sun 03-15)     Billing  email    -
 *   T15  W11 Fri 16:00    600              3600 (1h)                   Billing  chat     good
 *
 * Counts: 15 tickets; W10 5 (T01–T05), W11 10 (T06–T15).
 *   channel email: T01 T04 T05 T06 T09 T10 T12 T14 = 8; chat: T02 T03 T07 T08 T11 T13 T15 = 7.
 *   team Billing: T01 T03 T05 T06 T08 T10 T14 T15 = 8; Hosting: T02 T04 T07 T09 T11 T12 = 6; blank: T13 = 1.
 *   chat and Billing: T03 T08 T15 = 3. Tag vip: T02 T07 = 2.
 *   Resolved: W10 T01–T04 = 4, W11 T06–T11 T13 T15 = 8, 12 in all; open at the end of W10: T05 (1);
 *   at the end of W11: T05 T12 T14 (3).
 *
 * First response times (14, T14 has none), sorted:
 *   300 600 600 900 1200 1200 1800 1800 2400 3600 3600 7200 7200 10800 — sum 43200.
 *   median = (1800 + 1800) / 2 = 1800; mean = 43200 / 14 = 3085.714 (to the ms);
 *   p90: rank 0.9 × 13 = 11.7 → between the 12th and 13th values, both 7200 → 7200.
 *   Billing: 300 600 600 900 1200 1800 2400 → median 900 (7). Hosting: 1800 3600 3600 7200 7200 10800 →
 *   median (3600 + 7200) / 2 = 5400 (6). Blank team: 1200 (1).
 *   W10: 600 1200 1800 3600 7200 → count 5, mean 14400 / 5 = 2880, median 1800, p90 rank 3.6 → 3600 + 0.6 × 3600 = 5760.
 *   W11: 300 600 900 1200 1800 2400 3600 7200 10800 → median 1800 (9).
 * Resolution times: W10 3600 10800 86400 86400 → median 48600; W11 3600 7200 7200 10800 14400 86400 86400 86400
 *   → median (10800 + 14400) / 2 = 12600.
 * CSAT (satisfied: good, 4, 5), each placed at the resolution (all rated tickets are resolved in their week):
 *   W10: T01 ✓ T02 ✗ T03 ✓ T04 ✗ → 2/4 = 0.5. W11: T06 ✓ T07 ✓ T08 ✓ T09 ✗ T10 ✗ T11 ✓ T13 ✓ T15 ✓ → 6/8 = 0.75.
 *   All: 8/12. Chat: T02 ✗ T03 ✓ T07 ✓ T08 ✓ T11 ✓ T13 ✓ T15 ✓ → 6/7. Billing and chat: T03 T08 T15 → 3/3.
 *   Billing W10: T01 ✓ T03 ✓ → 2/2; Hosting W10: T02 ✗ T04 ✗ → 0/2.
 *
 * The latest timestamp is T14's updated_at, Sun 2026-03-15: W11 is complete, so the headline is
 * W11 against W10.
 */

const CSV = `id,created_at,first_response_at,solved_at,updated_at,status,agent,team,channel,priority,satisfaction,tags
T01,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,2026-03-02T12:00:00Z,,solved,alice,Billing,email,normal,good,
T02,2026-03-03T10:00:00Z,2026-03-03T11:00:00Z,2026-03-04T10:00:00Z,,solved,bob,Hosting,chat,high,bad,vip
T03,2026-03-04T08:00:00Z,2026-03-04T08:10:00Z,2026-03-04T09:00:00Z,,solved,alice,Billing,chat,normal,5,
T04,2026-03-05T14:00:00Z,2026-03-05T16:00:00Z,2026-03-06T14:00:00Z,,solved,bob,Hosting,email,normal,2,
T05,2026-03-06T09:00:00Z,2026-03-06T09:20:00Z,,,open,carol,Billing,email,low,,
T06,2026-03-09T09:00:00Z,2026-03-09T09:15:00Z,2026-03-09T11:00:00Z,,solved,alice,Billing,email,normal,good,
T07,2026-03-09T13:00:00Z,2026-03-09T14:00:00Z,2026-03-10T13:00:00Z,,solved,bob,Hosting,chat,high,good,vip
T08,2026-03-10T08:00:00Z,2026-03-10T08:05:00Z,2026-03-10T10:00:00Z,,solved,alice,Billing,chat,normal,4,
T09,2026-03-10T15:00:00Z,2026-03-10T17:00:00Z,2026-03-11T15:00:00Z,,solved,bob,Hosting,email,normal,bad,
T10,2026-03-11T09:00:00Z,2026-03-11T09:40:00Z,2026-03-11T12:00:00Z,,solved,carol,Billing,email,low,3,
T11,2026-03-11T10:00:00Z,2026-03-11T10:30:00Z,2026-03-12T10:00:00Z,,solved,dave,Hosting,chat,normal,5,
T12,2026-03-12T09:00:00Z,2026-03-12T12:00:00Z,,,open,bob,Hosting,email,high,,
T13,2026-03-12T11:00:00Z,2026-03-12T11:20:00Z,2026-03-12T15:00:00Z,,solved,,,chat,normal,good,
T14,2026-03-13T09:00:00Z,,,2026-03-15T10:00:00Z,open,carol,Billing,email,normal,,
T15,2026-03-13T16:00:00Z,2026-03-13T16:10:00Z,2026-03-13T17:00:00Z,,solved,alice,Billing,chat,low,good,
`;

const work = workDirectory('review');
let dir: string;
beforeAll(() => {
  dir = work.fresh('input');
  writeFileSync(join(dir, 'tickets.csv'), CSV);
});
afterAll(() => work.remove());

type Json = any;

const report = (args: readonly string[], cwd = dir): Promise<Run> => cli(['report', 'tickets.csv', ...args], { cwd });

async function jsonReport(args: readonly string[], code = 0): Promise<Json> {
  const r = await report(['-f', 'json', ...args]);
  expect(r.code, r.stderr).toBe(code);
  return JSON.parse(r.stdout);
}

/** A config file in a directory of its own, next to a copy of the export. */
function configDir(name: string, config: unknown): string {
  const d = work.fresh(name);
  writeFileSync(join(d, 'tickets.csv'), CSV);
  writeFileSync(join(d, 'support-metrics.config.json'), JSON.stringify(config));
  return d;
}

const ERROR_LINE = /^goal failed \(error\): /;
const WARN_LINE = /^goal failed \(warn\): /;

describe('--where', () => {
  it('without a filter: every ticket matches, 15 created (5 in W10, 10 in W11)', async () => {
    const r = await jsonReport([]);
    expect(r.input.records).toBe(15);
    expect(r.filter).toEqual({ where: [], matched: 15 });
    expect(r.totals.metrics.tickets_created).toBe(15);
    expect(r.rows.map((row: Json) => [row.period, row.metrics.tickets_created])).toEqual([
      ['2026-W10', 5],
      ['2026-W11', 10],
    ]);
  });

  it('channel=chat: 7 tickets created (2 in W10, 5 in W11); input still counts all 15 read', async () => {
    const r = await jsonReport(['--where', 'channel=chat']);
    expect(r.filter).toEqual({ where: [{ key: 'channel', values: ['chat'] }], matched: 7 });
    expect(r.input.records).toBe(15);
    expect(r.input.files[0]).toMatchObject({ records: 15, rejected: 0 });
    expect(r.totals.metrics.tickets_created).toBe(7);
    expect(r.rows.map((row: Json) => row.metrics.tickets_created)).toEqual([2, 5]);
    // Chat CSAT 6/7; chat first responses 3600 600 | 3600 300 1800 1200 600 → W11 median 1200.
    expect(r.totals.metrics.csat).toEqual({ numerator: 6, denominator: 7, value: 6 / 7 });
    expect(r.rows[1].metrics.first_response_time.median).toBe(1200);
  });

  it('values are compared ignoring case', async () => {
    const r = await jsonReport(['--where', 'channel=CHAT']);
    expect(r.filter.matched).toBe(7);
    expect(r.totals.metrics.tickets_created).toBe(7);
  });

  it('two --where flags combine with AND: chat and Billing is T03, T08, T15', async () => {
    const r = await jsonReport(['--where', 'channel=chat', '--where', 'team=billing']);
    expect(r.filter.where).toEqual([
      { key: 'channel', values: ['chat'] },
      { key: 'team', values: ['billing'] },
    ]);
    expect(r.filter.matched).toBe(3);
    expect(r.input.records).toBe(15);
    expect(r.totals.metrics.tickets_created).toBe(3);
    expect(r.totals.metrics.csat).toEqual({ numerator: 3, denominator: 3, value: 1 });
  });

  it('a list ORs: team=Billing,Hosting is every ticket but the blank-team one (14)', async () => {
    const r = await jsonReport(['--where', 'team=Billing,Hosting']);
    expect(r.filter).toEqual({ where: [{ key: 'team', values: ['billing', 'hosting'] }], matched: 14 });
    expect(r.totals.metrics.tickets_created).toBe(14);
  });

  it('team=(none) selects the one ticket with a blank team (T13)', async () => {
    const r = await jsonReport(['--where', 'team=(none)']);
    expect(r.filter).toEqual({ where: [{ key: 'team', values: ['(none)'] }], matched: 1 });
    expect(r.input.records).toBe(15);
    expect(r.totals.metrics.tickets_created).toBe(1);
    expect(r.totals.metrics.first_response_time).toEqual({ count: 1, mean: 1200, median: 1200, p90: 1200 });
  });

  it('tag=vip selects T02 and T07', async () => {
    const r = await jsonReport(['--where', 'tag=vip']);
    expect(r.filter.matched).toBe(2);
    expect(r.totals.metrics.tickets_created).toBe(2);
  });

  it('tickets --where lists only the matching tickets', async () => {
    const none = await cli(['tickets', 'tickets.csv', '--where', 'team=(none)', '-f', 'json'], { cwd: dir });
    expect(none.code, none.stderr).toBe(0);
    expect((JSON.parse(none.stdout) as Json[]).map((t) => t.id)).toEqual(['T13']);

    const both = await cli(['tickets', 'tickets.csv', '--where', 'channel=chat', '--where', 'team=billing', '-f', 'json'], { cwd: dir });
    expect(both.code, both.stderr).toBe(0);
    expect((JSON.parse(both.stdout) as Json[]).map((t) => t.id)).toEqual(['T03', 'T08', 'T15']);

    const csv = await cli(['tickets', 'tickets.csv', '--where', 'tag=VIP'], { cwd: dir });
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.split('\n').filter((l) => l !== '');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['T02', 'T07']);
  });
});

describe('goals and exit codes', () => {
  it('an error-level goal that fails: exit 4, the complete report on stdout, the failure and the final message on stderr', async () => {
    // CSAT over the range: 8/12 < 80%.
    const r = await report(['-f', 'json', '--goal', 'csat>=80%']);
    expect(r.code, r.stderr).toBe(4);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.totals.metrics.tickets_created).toBe(15);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.goals).toEqual([
      {
        name: 'csat >= 80%',
        metric: 'csat',
        unit: 'rate',
        stat: 'value',
        operator: '>=',
        target: 0.8,
        actual: 8 / 12,
        sample: 12,
        group: null,
        period: 'all',
        level: 'error',
        passed: false,
        minSample: 1,
      },
    ]);
    const lines = stderrLines(r);
    expect(lines.filter((l) => ERROR_LINE.test(l))).toHaveLength(1);
    expect(lines.find((l) => ERROR_LINE.test(l))).toContain('csat >= 80%');
    expect(lines.at(-1)).toMatch(/^support-metrics: 1 goals? of level error failed \(the report is written\)$/);
  });

  it('two failed error goals: two lines, and the count in the final message', async () => {
    // csat 8/12 < 0.8; tickets_created 15 < 20.
    const r = await report(['-f', 'json', '--goal', 'csat>=0.8', '--goal', 'tickets_created>=20']);
    expect(r.code, r.stderr).toBe(4);
    expect(JSON.parse(r.stdout).goals.map((g: Json) => [g.actual, g.passed])).toEqual([
      [8 / 12, false],
      [15, false],
    ]);
    const lines = stderrLines(r);
    expect(lines.filter((l) => ERROR_LINE.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^support-metrics: 2 goal\(?s\)? of level error failed \(the report is written\)$/);
  });

  it('with --output, the file is written and parses when the exit is 4', async () => {
    const d = work.fresh('output');
    writeFileSync(join(d, 'tickets.csv'), CSV);
    const r = await cli(['report', 'tickets.csv', '--goal', 'csat>=80%', '--output', 'report.json'], { cwd: d });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toBe('');
    const file = join(d, 'report.json');
    expect(existsSync(file)).toBe(true);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    expect(parsed.totals.metrics.tickets_created).toBe(15);
    expect(parsed.goals[0]).toMatchObject({ metric: 'csat', passed: false, actual: 8 / 12, sample: 12 });
    expect(stderrLines(r).some((l) => ERROR_LINE.test(l))).toBe(true);
    expect(stderrLines(r).at(-1)).toMatch(/of level error failed \(the report is written\)$/);
  });

  it('passing goals: exit 0, passed true, exact actual and sample (a median equal to the target passes)', async () => {
    const r = await report(['-f', 'json', '--goal', 'first_response_time.median<=30m', '--goal', 'first_response_time.mean<=1h', '--goal', 'first_response_time.p90<=7200', '--goal', 'tickets_resolved>=12']);
    expect(r.code, r.stderr).toBe(0);
    expect(stderrLines(r).filter((l) => /goal failed/.test(l))).toEqual([]);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals.map((g) => [g.metric, g.stat, g.operator, g.target, g.actual, g.sample, g.passed, g.level, g.period, g.group])).toEqual([
      ['first_response_time', 'median', '<=', 1800, 1800, 14, true, 'error', 'all', null],
      ['first_response_time', 'mean', '<=', 3600, 3085.714, 14, true, 'error', 'all', null],
      ['first_response_time', 'p90', '<=', 7200, 7200, 14, true, 'error', 'all', null],
      ['tickets_resolved', 'count', '>=', 12, 12, 12, true, 'error', 'all', null],
    ]);
    expect(goals.every((g) => g.unit === (g.metric === 'tickets_resolved' ? 'count' : 'duration'))).toBe(true);
  });

  it('targets in the metric\'s own units: 1h30m and 90s are seconds, 85% and 0.85 fractions', async () => {
    const r = await report(['-f', 'json', '--goal', 'first_response_time<=1h30m', '--goal', 'first_response_time.median<=90s', '--goal', 'csat>=85%', '--goal', 'csat>=0.5']);
    // median 1800 ≤ 5400 passes, 1800 > 90 fails, 8/12 < 0.85 fails, 8/12 ≥ 0.5 passes.
    expect(r.code, r.stderr).toBe(4);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals.map((g) => [g.stat, g.target, g.passed])).toEqual([
      ['median', 5400, true],
      ['median', 90, false],
      ['value', 0.85, false],
      ['value', 0.5, true],
    ]);
    expect(stderrLines(r).filter((l) => ERROR_LINE.test(l))).toHaveLength(2);
  });

  it('a warn-level failing goal from the config: exit 0, with its stderr line', async () => {
    // tickets_created 15 < 20, level warn.
    const d = configDir('warn', { goals: [{ metric: 'tickets_created', min: 20, level: 'warn' }] });
    const r = await cli(['report', 'tickets.csv', '-f', 'json'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ metric: 'tickets_created', level: 'warn', passed: false, actual: 15, sample: 15, target: 20, operator: '>=' });
    const lines = stderrLines(r);
    expect(lines.filter((l) => WARN_LINE.test(l))).toHaveLength(1);
    expect(lines.some((l) => ERROR_LINE.test(l))).toBe(false);
    expect(lines.some((l) => /of level error failed/.test(l))).toBe(false);
  });

  it('minSample above the sample: not judged (passed null), the actual still given', async () => {
    // 12 CSAT responses < 13; 8/12 would pass ≥ 0.5 — and even a failing one is not judged.
    const d = configDir('min-sample', {
      goals: [
        { metric: 'csat', min: 0.5, minSample: 13 },
        { metric: 'csat', min: 0.9, minSample: 13 },
      ],
    });
    const r = await cli(['report', 'tickets.csv', '-f', 'json'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals.map((g) => [g.actual, g.sample, g.minSample, g.passed])).toEqual([
      [8 / 12, 12, 13, null],
      [8 / 12, 12, 13, null],
    ]);
    expect(stderrLines(r).filter((l) => /goal failed/.test(l))).toEqual([]);
  });

  it('by team: one outcome per team (blank last, as null), each with its own median and sample', async () => {
    // Billing median 900 (7) ≤ 3600 ✓, Hosting 5400 (6) ✗, blank team 1200 (1) ✓; level warn → exit 0.
    const d = configDir('by-team', { goals: [{ metric: 'first_response_time', max: '1h', by: 'team', level: 'warn' }] });
    const r = await cli(['report', 'tickets.csv', '-f', 'json'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals.map((g) => [g.group, g.actual, g.sample, g.passed, g.period])).toEqual([
      [{ team: 'Billing' }, 900, 7, true, 'all'],
      [{ team: 'Hosting' }, 5400, 6, false, 'all'],
      [{ team: null }, 1200, 1, true, 'all'],
    ]);
    const warned = stderrLines(r).filter((l) => WARN_LINE.test(l));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('Hosting');
  });

  it('a goal with its own where: judged on those tickets only, on top of --where', async () => {
    const d = configDir('goal-where', { goals: [{ name: 'chat csat', metric: 'csat', min: '70%', where: { channel: 'chat' } }] });
    // Chat: 6/7 ≥ 0.7.
    const all = await cli(['report', 'tickets.csv', '-f', 'json'], { cwd: d });
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout).goals).toEqual([
      expect.objectContaining({ name: 'chat csat', metric: 'csat', target: 0.7, actual: 6 / 7, sample: 7, group: null, period: 'all', passed: true }),
    ]);
    // With --where team=Billing: Billing chat T03 T08 T15, 3/3.
    const billing = await cli(['report', 'tickets.csv', '-f', 'json', '--where', 'team=Billing'], { cwd: d });
    expect(billing.code, billing.stderr).toBe(0);
    expect(JSON.parse(billing.stdout).goals[0]).toMatchObject({ actual: 1, sample: 3, passed: true });
  });

  it('over each: one outcome per week; over last: the last week only', async () => {
    // Created 5 in W10 (< 6 ✗), 10 in W11 (✓).
    const d = configDir('over', {
      goals: [
        { metric: 'tickets_created', min: 6, over: 'each', level: 'warn' },
        { metric: 'tickets_created', min: 6, over: 'last', level: 'warn' },
      ],
    });
    const r = await cli(['report', 'tickets.csv', '-f', 'json'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const goals = JSON.parse(r.stdout).goals as Json[];
    expect(goals.map((g) => [g.period, g.actual, g.sample, g.passed])).toEqual([
      ['2026-W10', 5, 5, false],
      ['2026-W11', 10, 10, true],
      ['2026-W11', 10, 10, true],
    ]);
    const warned = stderrLines(r).filter((l) => WARN_LINE.test(l));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('2026-W10');
  });
});

describe('bad goals and filters: usage errors, exit 2, one line', () => {
  it.each([
    ['csat<=2h', /csat<=2h.*not a rate/],
    ['nope>=1', /"nope" is not a metric/],
    ['first_response_time.p95<=1h', /no "p95"/],
    ['csat.median>=0.5', /csat has no "median"/],
    ['csat>=120%', /not a rate/],
    ['first_response_time<=soon', /not a duration/],
    ['tickets_created>=-3', /not a number/],
    ['garbage', /is not a goal/],
  ])('--goal %s', async (goal, message) => {
    const line = expectOneLineError(await report(['--goal', goal]), 2);
    expect(line).toMatch(/--goal/);
    expect(line).toMatch(message);
  });

  it('a config goal with both min and max names goals[0]', async () => {
    const d = configDir('both', { goals: [{ metric: 'csat', min: 0.8, max: 0.9 }] });
    const line = expectOneLineError(await cli(['report', 'tickets.csv'], { cwd: d }), 2);
    expect(line).toContain('goals[0]');
  });

  it('a config goal with a bad target names its index', async () => {
    const d = configDir('bad-target', { goals: [{ metric: 'csat', min: 0.8 }, { metric: 'first_response_time', max: 'soon' }] });
    const line = expectOneLineError(await cli(['report', 'tickets.csv'], { cwd: d }), 2);
    expect(line).toContain('goals[1]');
  });

  it('a config goal filtering on an unknown key', async () => {
    const d = configDir('bad-where', { goals: [{ metric: 'csat', min: 0.8, where: { colour: 'red' } }] });
    const line = expectOneLineError(await cli(['report', 'tickets.csv'], { cwd: d }), 2);
    expect(line).toContain('goals[0]');
  });

  it.each([
    ['colour=red', /"colour" is not a field to filter on/],
    ['team=', /no value/],
  ])('--where %s', async (where, message) => {
    expect(expectOneLineError(await report(['--where', where]), 2)).toMatch(message);
  });
});

describe('--compare', () => {
  it('previous with --from 2026-03-09: the W11 row holds W10 computed from the input before --from', async () => {
    const r = await jsonReport(['--from', '2026-03-09', '--compare', 'previous']);
    expect(r.compare).toBe('previous');
    expect(r.range).toEqual({
      from: '2026-03-09T00:00:00+00:00',
      to: '2026-03-16T00:00:00+00:00',
      previous: { from: '2026-03-02T00:00:00+00:00', to: '2026-03-09T00:00:00+00:00' },
    });
    expect(r.input.records).toBe(15);
    expect(r.rows).toHaveLength(1);
    const [w11] = r.rows;
    expect(w11.period).toBe('2026-W11');
    expect(w11.metrics.tickets_created).toBe(10);
    expect(w11.previous.tickets_created).toBe(5);
    expect(w11.previous.tickets_resolved).toBe(4);
    expect(w11.previous.backlog).toBe(1);
    expect(w11.previous.csat).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(w11.previous.first_response_time).toEqual({ count: 5, mean: 2880, median: 1800, p90: 5760 });
    expect(w11.previous.resolution_time.median).toBe(48600);
    expect(r.totals.metrics.tickets_created).toBe(10);
    expect(r.totals.previous.tickets_created).toBe(5);
  });

  it('the comparison sees the --where selection too: chat W11 5 against W10 2', async () => {
    const r = await jsonReport(['--from', '2026-03-09', '--compare', 'previous', '--where', 'channel=chat']);
    expect(r.rows[0].metrics.tickets_created).toBe(5);
    expect(r.rows[0].previous.tickets_created).toBe(2);
    expect(r.totals.previous.tickets_created).toBe(2);
  });

  it('per group with --by team: each group against its own previous week', async () => {
    // W11 Billing T06 T08 T10 T14 T15 = 5 vs W10 T01 T03 T05 = 3; Hosting T07 T09 T11 T12 = 4 vs T02 T04 = 2.
    const r = await jsonReport(['--from', '2026-03-09', '--compare', 'previous', '--by', 'team']);
    const byTeam = Object.fromEntries(r.rows.map((row: Json) => [String(row.team), row]));
    expect(byTeam.Billing.metrics.tickets_created).toBe(5);
    expect(byTeam.Billing.previous.tickets_created).toBe(3);
    expect(byTeam.Billing.previous.csat).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(byTeam.Hosting.metrics.tickets_created).toBe(4);
    expect(byTeam.Hosting.previous.tickets_created).toBe(2);
    expect(byTeam.Hosting.previous.csat).toEqual({ numerator: 0, denominator: 2, value: 0 });
  });
});

describe('the headline', () => {
  it('JSON: W11 (the last complete week) against W10, with the goal marks', async () => {
    const r = await jsonReport(['--goal', 'csat>=80%', '--goal', 'first_response_time.median<=30m'], 4);
    const h = r.headline;
    expect(h).toMatchObject({
      period: '2026-W11',
      start: '2026-03-09T00:00:00+00:00',
      end: '2026-03-16T00:00:00+00:00',
      comparison: 'previous',
      against: { period: '2026-W10', start: '2026-03-02T00:00:00+00:00', end: '2026-03-09T00:00:00+00:00' },
    });
    const items = Object.fromEntries((h.items as Json[]).map((i) => [i.metric, i]));
    expect(items.tickets_created).toMatchObject({ stat: 'count', value: 10, sample: 10, previous: 5, previousSample: 5, goal: null });
    expect(items.tickets_resolved).toMatchObject({ value: 8, previous: 4 });
    expect(items.backlog).toMatchObject({ value: 3, previous: 1 });
    expect(items.first_response_time).toMatchObject({ stat: 'median', value: 1800, sample: 9, previous: 1800, previousSample: 5 });
    expect(items.resolution_time).toMatchObject({ stat: 'median', value: 12600, sample: 8, previous: 48600, previousSample: 4 });
    expect(items.csat).toMatchObject({ stat: 'value', value: 0.75, sample: 8, previous: 0.5, previousSample: 4 });
    // The headline's goal mark judges the headline's own week: W11 CSAT 0.75 < 0.8, W11 median 1800 ≤ 1800.
    expect(items.csat.goal).toEqual({ name: 'csat >= 80%', level: 'error', passed: false });
    expect(items.first_response_time.goal).toEqual({ name: 'first_response_time median <= 30m', level: 'error', passed: true });
    // Fewer than 10 tickets behind the W10 numbers: no change shown.
    expect(items.tickets_created.change.kind).toBe('too few');
  });

  it('Markdown has a Headline and a Goals section when a goal is given', async () => {
    const r = await report(['-f', 'markdown', '--goal', 'csat>=50%']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^## Headline$/m);
    expect(r.stdout).toMatch(/^## Goals$/m);
    expect(r.stdout.indexOf('## Headline')).toBeLessThan(r.stdout.indexOf('## Goals'));
  });

  it('the table output\'s 4th line is the headline', async () => {
    const r = await report(['-f', 'table']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[3]).toMatch(/^Headline: /);
    expect(lines[3]).toContain('2026-W11');
  });
});
