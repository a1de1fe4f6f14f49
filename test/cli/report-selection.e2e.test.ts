import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, type Run } from '../helpers/cli.js';
import { tempFiles } from '../helpers/temp-files.js';

/**
 * The report flags of issue 3: `--metrics a,b,c` ("limits a report to chosen metrics, validated
 * against the catalogue, with a 'did you mean' for typos") and `--attribution event|created`.
 */

const e2e = fixtureDir('e2e');
const attribution = fixtureDir('attribution');

const report = async (args: string[], cwd = e2e): Promise<Run> => await cli(['report', ...args], { cwd });
const json = (r: Run) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('--metrics', () => {
  it('csat,nps: only those keys in every row, in the totals and in the metrics list; notes only about them', async () => {
    const parsed = json(await report(['tickets.csv', '--metrics', 'csat,nps', '--format', 'json']));
    expect(parsed.metrics.map((m: { id: string }) => m.id)).toEqual(['csat', 'nps']);
    expect(parsed.rows).toHaveLength(2);
    for (const row of parsed.rows) expect(Object.keys(row.metrics)).toEqual(['csat', 'nps']);
    expect(Object.keys(parsed.totals.metrics)).toEqual(['csat', 'nps']);
    // tickets.csv (see report.e2e.test.ts): CSAT 2 of 3; no nps column.
    expect(parsed.totals.metrics).toEqual({ csat: { numerator: 2, denominator: 3, value: 2 / 3 }, nps: null });
    expect(parsed.notes.filter((n: { metric: string | null }) => n.metric !== null)).toEqual([{ metric: 'nps', message: 'no input file has the nps column' }]);
  });

  it('the chosen metrics are shown in catalogue order, whatever order they are given in', async () => {
    const parsed = json(await report(['tickets.csv', '--metrics', 'nps,csat,tickets_created', '--format', 'json']));
    expect(parsed.metrics.map((m: { id: string }) => m.id)).toEqual(['tickets_created', 'csat', 'nps']);
    expect(Object.keys(parsed.totals.metrics)).toEqual(['tickets_created', 'csat', 'nps']);
  });

  it('-m is --metrics', async () => {
    const parsed = json(await report(['tickets.csv', '-m', 'backlog', '--format', 'json']));
    expect(Object.keys(parsed.totals.metrics)).toEqual(['backlog']);
  });

  it('CSV: only the columns of the chosen metrics', async () => {
    const r = await report(['tickets.csv', '--metrics', 'csat,resolution_sla', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect((parseCsv(r.stdout) as string[][])[0]).toEqual([
      'period',
      'start',
      'end',
      'csat.numerator',
      'csat.denominator',
      'csat.value',
      'resolution_sla.numerator',
      'resolution_sla.denominator',
      'resolution_sla.value',
    ]);
  });

  it('table: only the sections of the chosen metrics', async () => {
    const r = await report(['tickets.csv', '--metrics', 'csat,nps']);
    expect(r.code, r.stderr).toBe(0);
    const titles = r.stdout.split('\n').filter((l) => ['Volume', 'Speed', 'Quality', 'Satisfaction', 'SLA', 'Workload'].includes(l));
    expect(titles).toEqual(['Satisfaction']);
    // The fixture has no nps column: NPS is n/a for the whole input, so its column is left out and a note says why.
    expect(r.stdout).toMatch(/│ Period +│ +CSAT │$/m);
    expect(r.stdout).toContain('n/a: nps: no input file has the nps column');
  });

  it('a misspelt id (csta): exit 2, one line naming the flag, with a did-you-mean', async () => {
    const line = expectOneLineError(await report(['tickets.csv', '--metrics', 'csta']), 2);
    expect(line).toMatch(/^support-metrics: --metrics: "csta" is not a metric/);
    expect(line).toContain('did you mean "csat"');
  });

  it('a misspelt id among valid ones names the misspelt one', async () => {
    const line = expectOneLineError(await report(['tickets.csv', '--metrics', 'csat,frist_response_time']), 2);
    expect(line).toContain('"frist_response_time" is not a metric');
    expect(line).toContain('did you mean "first_response_time"');
  });

  it('a metric named twice (csat,csat): exit 2, one line naming the flag', async () => {
    const line = expectOneLineError(await report(['tickets.csv', '--metrics', 'csat,csat']), 2);
    expect(line).toMatch(/^support-metrics: --metrics: .*twice/);
  });

  it.each([
    ['empty', ''],
    ['only commas', ',,'],
  ])('a list naming no metric (%s): exit 2, one line', async (_what, value) => {
    const line = expectOneLineError(await report(['tickets.csv', '--metrics', value]), 2);
    expect(line).toMatch(/^support-metrics: --metrics: /);
  });

  it('a bad --metrics is reported before any input is read', async () => {
    const line = expectOneLineError(await report(['no-such-file.csv', '--metrics', 'csta']), 2);
    expect(line).toContain('--metrics');
    expect(line).not.toContain('no-such-file');
  });
});

/**
 * attribution/friday.csv (UTC; W10 = 2–8 March 2026, W11 = 9–15 March):
 *   F1  created Fri 06 16:00 (W10), first response Mon 09 09:00 (W11), solved Mon 09 10:00 (W11)
 *       first response time 2 d 17 h = 234000 s; resolution time 234000 + 3600 = 237600 s
 *   O1  created Wed 04 09:00 (W10), never answered, still open
 */
describe('--attribution', () => {
  const byPeriod = (parsed: { rows: { period: string; metrics: Record<string, unknown> }[] }, metric: string) =>
    parsed.rows.map((row) => [row.period, row.metrics[metric]]);
  const once = (seconds: number) => ({ count: 1, mean: seconds, median: seconds, p90: seconds });
  const none = { count: 0, mean: null, median: null, p90: null };

  it('event (the default): the first response counts in W11, the week it happened', async () => {
    const parsed = json(await report(['friday.csv', '--format', 'json'], attribution));
    expect(parsed.attribution).toBe('event');
    expect(byPeriod(parsed, 'first_response_time')).toEqual([
      ['2026-W10', none],
      ['2026-W11', once(234_000)],
    ]);
    expect(byPeriod(parsed, 'tickets_resolved')).toEqual([
      ['2026-W10', 0],
      ['2026-W11', 1],
    ]);
    expect(byPeriod(parsed, 'tickets_created')).toEqual([
      ['2026-W10', 2],
      ['2026-W11', 0],
    ]);
  });

  it('--attribution event is the default', async () => {
    const explicit = await report(['friday.csv', '--format', 'json', '--attribution', 'event'], attribution);
    expect(explicit.stdout).toBe((await report(['friday.csv', '--format', 'json'], attribution)).stdout);
  });

  it('created: the first response and the resolution count in W10, the week F1 was created', async () => {
    const parsed = json(await report(['friday.csv', '--format', 'json', '--attribution', 'created'], attribution));
    expect(parsed.attribution).toBe('created');
    expect(byPeriod(parsed, 'first_response_time')).toEqual([
      ['2026-W10', once(234_000)],
      ['2026-W11', none],
    ]);
    expect(byPeriod(parsed, 'resolution_time')).toEqual([
      ['2026-W10', once(237_600)],
      ['2026-W11', none],
    ]);
    expect(byPeriod(parsed, 'tickets_created')).toEqual([
      ['2026-W10', 2],
      ['2026-W11', 0],
    ]);
    // The backlog is a state at the end of each period, not an event: the same under both rules.
    expect(byPeriod(parsed, 'backlog')).toEqual([
      ['2026-W10', 2],
      ['2026-W11', 1],
    ]);
  });

  it('created: a ticket that was never resolved is not counted as resolved (only F1 was resolved)', async () => {
    // Spec: "every metric of a ticket counts in the period the ticket was created" — O1 has no
    // resolution, so tickets_resolved has nothing of O1's to count, in any period.
    const parsed = json(await report(['friday.csv', '--format', 'json', '--attribution', 'created'], attribution));
    expect(byPeriod(parsed, 'tickets_resolved')).toEqual([
      ['2026-W10', 1],
      ['2026-W11', 0],
    ]);
    expect(parsed.totals.metrics.tickets_resolved).toBe(1);
  });

  it('the table says which attribution placed the metrics', async () => {
    const created = await report(['friday.csv', '--attribution', 'created'], attribution);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.split('\n')[2]).toBe('Attribution: created (every metric in the period its ticket was created)');
    const event = await report(['friday.csv'], attribution);
    expect(event.stdout.split('\n')[2]).toBe('Attribution: event (each metric in the period its event happened)');
  });

  it('a bad --attribution: exit 2, one line naming the value', async () => {
    const line = expectOneLineError(await report(['friday.csv', '--attribution', 'resolved'], attribution), 2);
    expect(line).toContain('resolved');
    expect(line).toMatch(/--attribution/);
  });
});

describe('--max-groups', () => {
  const temp = tempFiles('max-groups');
  // One agent per ticket: what an id column mapped to agent looks like.
  const csv = `id,created_at,agent,channel\n${Array.from({ length: 120 }, (_, i) => `T${i},2026-03-02T09:00:00Z,agent ${i},${i % 2 ? 'chat' : 'email'}`).join('\n')}\n`;

  it('more groups than the limit: exit 3, one line naming the dimensions and the flag, before any output', async () => {
    const file = temp.file('one-agent-per-ticket.csv', csv);
    const line = expectOneLineError(await cli(['report', file, '--by', 'agent', '--max-groups', '100', '--quiet']), 3);
    expect(line).toBe(
      'support-metrics: --by agent: more than 100 groups, which is most often a column mapped to the wrong field (check the agent column, --map or the preset); if the groups are real, raise --max-groups (none: no limit)',
    );
    expect(expectOneLineError(await cli(['report', file, '--by', 'channel,agent', '--max-groups', '119', '--quiet']), 3)).toContain('--by channel,agent: more than 119 groups');
  });

  it('at the limit, or with none, the report is made; a bad value is a usage error', async () => {
    const file = temp.file('one-agent-per-ticket.csv', csv);
    for (const limit of ['120', 'none', '0']) {
      const r = await cli(['report', file, '--by', 'agent', '--max-groups', limit, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { rows: unknown[] }).rows).toHaveLength(120);
    }
    expect(expectOneLineError(await cli(['report', file, '--max-groups', 'lots']), 2)).toContain('--max-groups: "lots" is not a number of groups');
  });
});
