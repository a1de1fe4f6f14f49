import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * support-metrics.config.json (issue 3, "SLA policies and the config file"): found in the working
 * directory or given with --config; validated strictly, every error naming the key path (exit 2,
 * one line); flags override the file.
 *
 * Every test runs in a fresh temporary directory, so no config file is found by accident.
 */

const e2e = fixtureDir('e2e');
const configFixtures = fixtureDir('config');
const work = workDirectory('config');
afterAll(() => work.remove());

/** A fresh directory holding the given fixture files and, if given, support-metrics.config.json. */
function directory(name: string, files: string[], config?: unknown): string {
  const dir = work.fresh(name);
  for (const file of files) copyFileSync(file, join(dir, file.split('/').at(-1)!));
  if (config !== undefined) writeConfig(join(dir, 'support-metrics.config.json'), config);
  return dir;
}

function writeConfig(path: string, config: unknown): void {
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
}

const json = (r: Run) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const SLA = {
  sla: [
    { name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' },
    { name: 'Default', firstResponse: '24h', resolution: '72h' },
  ],
};

describe('where the config comes from', () => {
  it('support-metrics.config.json in the working directory is used', async () => {
    const dir = directory('cwd-config', [join(e2e, 'tickets.csv')], { timezone: 'Europe/Berlin' });
    const report = json(await cli(['report', 'tickets.csv', '--format', 'json'], { cwd: dir }));
    expect(report.timezone).toBe('Europe/Berlin');
    expect(report.inputTimezone).toBe('Europe/Berlin');
    expect(report.range.from).toBe('2026-03-02T00:00:00+01:00');
  });

  it('without a config file the defaults apply: UTC, and no SLA metric', async () => {
    const dir = directory('no-config', [join(e2e, 'tickets.csv')]);
    const report = json(await cli(['report', 'tickets.csv', '--format', 'json'], { cwd: dir }));
    expect(report.timezone).toBe('UTC');
    expect(report.totals.metrics.first_response_sla).toBeNull();
  });

  it('--config PATH is used, from any directory', async () => {
    const dir = directory('explicit-config', []);
    writeConfig(join(dir, 'team.json'), SLA);
    // tickets.csv: T2 (chat) answered after 30 min: breached its 2 min target at 09:02 on 03-03 (W10);
    // T4 (chat) answered after 42 s: met in W11; T1 (email) answered after 10 min: met in W10;
    // T3 (email) never answered: breached at its deadline 03-06 12:00 (W10), before the end of the
    // data (03-10 08:00).
    const report = json(await cli(['report', join(e2e, 'tickets.csv'), '--config', join(dir, 'team.json'), '--format', 'json'], { cwd: dir }));
    expect(report.rows.map((row: { period: string; metrics: Record<string, unknown> }) => [row.period, row.metrics.first_response_sla])).toEqual([
      ['2026-W10', { numerator: 1, denominator: 3, value: 1 / 3 }],
      ['2026-W11', { numerator: 1, denominator: 1, value: 1 }],
    ]);
    expect(report.notes.map((n: { metric: string }) => n.metric)).not.toContain('first_response_sla');
  });

  it('-c PATH is --config, and it wins over support-metrics.config.json in the working directory', async () => {
    const dir = directory('both-configs', [join(e2e, 'tickets.csv')], { timezone: 'Europe/Berlin' });
    writeConfig(join(dir, 'other.json'), { timezone: 'America/New_York' });
    const report = json(await cli(['report', 'tickets.csv', '-c', 'other.json', '--format', 'json'], { cwd: dir }));
    expect(report.timezone).toBe('America/New_York');
  });

  it('the tickets command reads the config in the working directory too', async () => {
    const dir = directory('tickets-cwd-config', [join(e2e, 'tickets.csv')], SLA);
    const r = await cli(['tickets', 'tickets.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = JSON.parse(r.stdout) as { id: string; sla_policy: string | null }[];
    expect(lines.map((l) => [l.id, l.sla_policy])).toEqual([
      ['T1', 'Default'],
      ['T2', 'Chat'],
      ['T3', 'Default'],
      ['T4', 'Chat'],
    ]);
  });

  it('the sample config in samples/ is accepted', async () => {
    const sample = fileURLToPath(new URL('../../samples/support-metrics.config.json', import.meta.url));
    const report = json(await cli(['report', join(e2e, 'tickets.csv'), '--config', sample, '--format', 'json'], { cwd: work.fresh('sample-config') }));
    expect(report.notes.map((n: { metric: string }) => n.metric)).not.toContain('first_response_sla');
  });
});

describe('flags override the file', () => {
  it('--tz beats timezone', async () => {
    const dir = directory('tz-override', [join(e2e, 'tickets.csv')], { timezone: 'Europe/Berlin' });
    const report = json(await cli(['report', 'tickets.csv', '--tz', 'UTC', '--format', 'json'], { cwd: dir }));
    expect(report.timezone).toBe('UTC');
    expect(report.range.from).toBe('2026-03-02T00:00:00+00:00');
  });

  it('inputTimezone from the file is used for timestamps without an offset', async () => {
    // naive-times.csv: created 2026-03-02 00:30 without an offset: in Berlin, that is 03-01 23:30 UTC.
    const dir = directory('input-tz', [join(e2e, 'naive-times.csv')], { inputTimezone: 'Europe/Berlin' });
    const report = json(await cli(['report', 'naive-times.csv', '--period', 'day', '--format', 'json'], { cwd: dir }));
    expect(report).toMatchObject({ timezone: 'UTC', inputTimezone: 'Europe/Berlin' });
    expect(report.rows.map((row: { period: string }) => row.period)).toEqual(['2026-03-01']);
  });

  it('--input-tz beats inputTimezone', async () => {
    const dir = directory('input-tz-override', [join(e2e, 'naive-times.csv')], { inputTimezone: 'Europe/Berlin' });
    const report = json(await cli(['report', 'naive-times.csv', '--input-tz', 'UTC', '--period', 'day', '--format', 'json'], { cwd: dir }));
    expect(report.inputTimezone).toBe('UTC');
    expect(report.rows.map((row: { period: string }) => row.period)).toEqual(['2026-03-02']);
  });

  it('timezone from the file is also the input zone when inputTimezone is not set', async () => {
    const dir = directory('tz-is-input-tz', [join(e2e, 'naive-times.csv')], { timezone: 'Europe/Berlin' });
    const report = json(await cli(['report', 'naive-times.csv', '--period', 'day', '--format', 'json'], { cwd: dir }));
    expect(report).toMatchObject({ timezone: 'Europe/Berlin', inputTimezone: 'Europe/Berlin' });
    expect(report.rows.map((row: { period: string }) => row.period)).toEqual(['2026-03-02']);
  });
});

describe('churnTags', () => {
  // config/tagged.csv: four tickets resolved in W10, tagged refund / downgrade,vip / (none) / Cancellation.
  const cancellation = async (config: unknown) => {
    const dir = directory(`churn-${JSON.stringify(config ?? null).replace(/\W/g, '')}`, [join(configFixtures, 'tagged.csv')], config);
    const report = json(await cli(['report', 'tagged.csv', '--period', 'all', '--metrics', 'cancellation_rate', '--format', 'json'], { cwd: dir }));
    return report.totals.metrics.cancellation_rate;
  };

  it('by default cancellation and refund (ignoring case) are churn: 2 of 4', async () => {
    expect(await cancellation(undefined)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('churnTags from the file replace the defaults: only downgrade counts, 1 of 4', async () => {
    expect(await cancellation({ churnTags: ['downgrade'] })).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('churnTags are compared ignoring case', async () => {
    expect(await cancellation({ churnTags: ['REFUND', 'Downgrade'] })).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });
});

describe('a config that cannot be used: exit 2, one line naming the file and the key path', () => {
  const reportWith = async (config: unknown, name: string): Promise<{ line: string; file: string }> => {
    const dir = directory(name, [join(e2e, 'tickets.csv')], config);
    const line = expectOneLineError(await cli(['report', 'tickets.csv', '--format', 'json'], { cwd: dir }), 2);
    return { line, file: 'support-metrics.config.json' };
  };

  it('a missing --config file', async () => {
    const dir = work.fresh('missing-config');
    const line = expectOneLineError(await cli(['report', join(e2e, 'tickets.csv'), '--config', 'nope.json'], { cwd: dir }), 2);
    expect(line).toContain('nope.json');
    expect(line).toMatch(/--config/);
  });

  it('a missing --config file is reported before any input is read', async () => {
    const dir = work.fresh('missing-config-first');
    const line = expectOneLineError(await cli(['report', 'no-such-input.csv', '--config', 'nope.json'], { cwd: dir }), 2);
    expect(line).toContain('nope.json');
    expect(line).not.toContain('no-such-input');
  });

  it('invalid JSON names the file', async () => {
    const { line, file } = await reportWith('{ "timezone": "UTC", }', 'bad-json');
    expect(line).toMatch(new RegExp(`^support-metrics: ${file}: .*JSON`));
  });

  it('invalid JSON in a --config file names that file', async () => {
    const dir = work.fresh('bad-json-explicit');
    writeConfig(join(dir, 'team.json'), '{ sla: [] }');
    const line = expectOneLineError(await cli(['report', join(e2e, 'tickets.csv'), '-c', 'team.json'], { cwd: dir }), 2);
    expect(line).toMatch(/^support-metrics: team\.json: .*JSON/);
  });

  it('an empty config file', async () => {
    const { line, file } = await reportWith('', 'empty-config');
    expect(line).toContain(file);
  });

  it('an unknown key at the top level', async () => {
    const { line, file } = await reportWith({ timezone: 'UTC', frist: 1 }, 'unknown-top');
    expect(line).toMatch(new RegExp(`^support-metrics: ${file}: `));
    expect(line).toContain('unknown key "frist"');
  });

  it('an unknown key inside sla[0]', async () => {
    const { line, file } = await reportWith({ sla: [{ name: 'Default', firstResponse: '1h', frist: '2h' }] }, 'unknown-policy');
    expect(line).toBe(`support-metrics: ${file}: sla[0]: unknown key "frist"`);
  });

  it('an unknown key inside a policy match', async () => {
    const { line, file } = await reportWith({ sla: [{ name: 'Chat', match: { chanel: 'chat' }, firstResponse: '2m' }] }, 'unknown-match');
    expect(line).toBe(`support-metrics: ${file}: sla[0].match: unknown key "chanel"`);
  });

  it('a bad duration ("2 minutes") names sla[1].firstResponse', async () => {
    const config = { sla: [{ name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' }, { name: 'Default', firstResponse: '2 minutes' }] };
    const { line, file } = await reportWith(config, 'bad-duration');
    expect(line).toMatch(new RegExp(`^support-metrics: ${file}: sla\\[1\\]\\.firstResponse: `));
    expect(line).toContain('"2 minutes" is not a duration');
  });

  it('a policy with neither target names the policy', async () => {
    const { line, file } = await reportWith({ sla: [{ name: 'Chat', match: { channel: 'chat' } }] }, 'no-target');
    expect(line).toMatch(new RegExp(`^support-metrics: ${file}: sla\\[0\\]: `));
    expect(line).toMatch(/firstResponse or a resolution/);
  });

  it('a value of the wrong type names its key', async () => {
    const { line } = await reportWith({ churnTags: 'refund' }, 'wrong-type');
    expect(line).toMatch(/: churnTags: .*array/);
  });

  it('a config timezone that is not a zone names timezone', async () => {
    const { line } = await reportWith({ timezone: 'Mars/Olympus_Mons' }, 'bad-zone');
    expect(line).toMatch(/timezone/);
    expect(line).toContain('Mars/Olympus_Mons');
  });

  it('the tickets command stops on a bad config in the same way', async () => {
    const dir = directory('tickets-bad-config', [join(e2e, 'tickets.csv')], { frist: 1 });
    const line = expectOneLineError(await cli(['tickets', 'tickets.csv'], { cwd: dir }), 2);
    expect(line).toContain('unknown key "frist"');
  });
});
