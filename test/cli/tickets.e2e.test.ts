import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, stderrLines, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * `support-metrics tickets FILES…` (issue 3): one line per valid ticket with what the metrics saw,
 * as CSV or JSON.
 *
 * tickets/drill.csv (UTC), in file order, worked out by hand with tickets/sla.config.json
 * (Chat: channel chat, first response 2m; Urgent: priority urgent, 1h / 8h; Default: 24h / 72h).
 * The end of the data is the latest timestamp of a valid record: P1's created_at, 03-06 12:00.
 *
 *   line  id  created       first resp.  resolved          policy   first response       resolution
 *   2     P1  06 12:00      —            —                 Default  pending (due 07 12:00) pending (due 09 12:00)
 *   3     C2  02 11:00      +300 s       solved +1800 s    Chat     breached (due 11:02)   — (no target)
 *   4     U1  03 09:00      +1800 s      solved +39600 s   Urgent   met (due 10:00)        breached (due 17:00)
 *   5     X9  rejected: created_at "31/02/2026" is not a timestamp
 *   6     C1  02 10:00      +90 s        closed +1800 s    Chat     met (due 10:02)        — (no target)
 *   7     B   04 09:00      —            —                 Default  breached (due 05 09:00) pending (due 07 09:00)
 *   8     A   04 09:00      —            solved +1200 s    Default  — (resolved in time    met (due 07 09:00)
 *                                                                    without a response)
 * Satisfaction: C2 bad (no), U1 5 (yes), A good (yes), others blank. C2's agent is `Doe, "JJ"`, its
 * customer `O"Brien, Ltd`, its tags billing and refund; C1 is tagged vip.
 * Sorted by created_at, then id: C1, C2, U1, A, B, P1.
 */

const dir = fixtureDir('tickets');
const work = workDirectory('tickets');
afterAll(() => work.remove());

const tickets = async (args: string[], cwd = dir): Promise<Run> => await cli(['tickets', ...args], { cwd });
const withSla = ['drill.csv', '-c', 'sla.config.json'];

const COLUMNS = [
  'id',
  'created_at',
  'first_response_at',
  'resolved_at',
  'resolved',
  'status',
  'agent',
  'team',
  'channel',
  'priority',
  'language',
  'customer',
  'first_response_time',
  'resolution_time',
  'handle_time',
  'satisfied',
  'nps',
  'agent_replies',
  'reopens',
  'escalated',
  'first_contact_resolution',
  'churn',
  'answered',
  'tags',
  'sla_policy',
  'first_response_sla',
  'first_response_due',
  'resolution_sla',
  'resolution_due',
  'schedule',
  'business_first_response_time',
  'business_resolution_time',
];

type Line = Record<string, string>;
const csvLines = (r: Run): Line[] => {
  expect(r.code, r.stderr).toBe(0);
  return parseCsv(r.stdout, { columns: true }) as Line[];
};
const pick = (lines: Line[], ...keys: string[]): string[][] => lines.map((l) => keys.map((k) => l[k]!));

describe('tickets: CSV (the default)', () => {
  it('a header, then one line per valid ticket, sorted by created_at then id', async () => {
    const r = await tickets(withSla);
    const records = parseCsv(r.stdout) as string[][];
    expect(records[0]).toEqual(COLUMNS);
    expect(records.slice(1).map((rec) => rec[0])).toEqual(['C1', 'C2', 'U1', 'A', 'B', 'P1']);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout).not.toContain('\r');
  });

  it('instants in the report zone, durations in seconds, resolved_at from solved_at or closed_at', async () => {
    const lines = csvLines(await tickets(withSla));
    expect(pick(lines, 'id', 'created_at', 'first_response_at', 'resolved_at', 'first_response_time', 'resolution_time')).toEqual([
      ['C1', '2026-03-02T10:00:00+00:00', '2026-03-02T10:01:30+00:00', '2026-03-02T10:30:00+00:00', '90', '1800'],
      ['C2', '2026-03-02T11:00:00+00:00', '2026-03-02T11:05:00+00:00', '2026-03-02T11:30:00+00:00', '300', '1800'],
      ['U1', '2026-03-03T09:00:00+00:00', '2026-03-03T09:30:00+00:00', '2026-03-03T20:00:00+00:00', '1800', '39600'],
      ['A', '2026-03-04T09:00:00+00:00', '', '2026-03-04T09:20:00+00:00', '', '1200'],
      ['B', '2026-03-04T09:00:00+00:00', '', '', '', ''],
      ['P1', '2026-03-06T12:00:00+00:00', '', '', '', ''],
    ]);
  });

  it('the SLA policy that applied, each outcome (met / breached / pending / blank) and its deadline', async () => {
    const lines = csvLines(await tickets(withSla));
    expect(pick(lines, 'id', 'sla_policy', 'first_response_sla', 'first_response_due', 'resolution_sla', 'resolution_due')).toEqual([
      ['C1', 'Chat', 'met', '2026-03-02T10:02:00+00:00', '', ''],
      ['C2', 'Chat', 'breached', '2026-03-02T11:02:00+00:00', '', ''],
      ['U1', 'Urgent', 'met', '2026-03-03T10:00:00+00:00', 'breached', '2026-03-03T17:00:00+00:00'],
      // A was resolved within its first-response target without a response: no outcome, though the
      // deadline is still shown.
      ['A', 'Default', '', '2026-03-05T09:00:00+00:00', 'met', '2026-03-07T09:00:00+00:00'],
      ['B', 'Default', 'breached', '2026-03-05T09:00:00+00:00', 'pending', '2026-03-07T09:00:00+00:00'],
      ['P1', 'Default', 'pending', '2026-03-07T12:00:00+00:00', 'pending', '2026-03-09T12:00:00+00:00'],
    ]);
  });

  it('satisfied is yes, no or blank', async () => {
    expect(pick(csvLines(await tickets(withSla)), 'id', 'satisfied')).toEqual([
      ['C1', ''],
      ['C2', 'no'],
      ['U1', 'yes'],
      ['A', 'yes'],
      ['B', ''],
      ['P1', ''],
    ]);
  });

  it('tags are joined with commas in one field; churn says whether one is a churn tag', async () => {
    expect(pick(csvLines(await tickets(withSla)), 'id', 'tags', 'churn')).toEqual([
      ['C1', 'vip', 'no'],
      ['C2', 'billing,refund', 'yes'],
      ['U1', '', 'no'],
      ['A', '', 'no'],
      ['B', '', 'no'],
      ['P1', '', 'no'],
    ]);
  });

  it('a value with a comma or a quote is quoted and reads back unchanged through csv-parse', async () => {
    const r = await tickets(withSla);
    expect(r.stdout).toContain('"Doe, ""JJ"""');
    const c2 = csvLines(r).find((l) => l.id === 'C2')!;
    expect(c2.agent).toBe('Doe, "JJ"');
    expect(c2.customer).toBe('O"Brien, Ltd');
  });

  it('without a config: no policy, no outcome and no deadline for any ticket', async () => {
    const lines = csvLines(await tickets(['drill.csv']));
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      expect([line.sla_policy, line.first_response_sla, line.first_response_due, line.resolution_sla, line.resolution_due], line.id).toEqual(['', '', '', '', '']);
    }
  });

  it('rejected records are not lines; they are summarised on stderr, with their position', async () => {
    const r = await tickets(withSla);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('X9');
    const lines = stderrLines(r);
    expect(lines[0]).toMatch(/^1 of 7 records rejected/);
    expect(lines.at(-1)!.trim()).toBe(`drill.csv:5: created_at: "31/02/2026" is not an ISO 8601 timestamp (e.g. 2026-03-02T09:15:00Z; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`);
    expect(lines.some((l) => l.startsWith('support-metrics:'))).toBe(false);
  });

  it('--tz: instants in that zone', async () => {
    const lines = csvLines(await tickets([...withSla, '--tz', 'Europe/Berlin']));
    expect(pick(lines, 'id', 'created_at', 'first_response_due').slice(0, 1)).toEqual([['C1', '2026-03-02T11:00:00+01:00', '2026-03-02T11:02:00+01:00']]);
  });
});

describe('tickets: JSON', () => {
  interface JsonLine {
    id: string;
    tags: string[];
    first_response_time: number | null;
    resolution_time: number | null;
    satisfied: string | null;
    sla_policy: string | null;
    first_response_sla: string | null;
    resolution_sla: string | null;
    agent: string | null;
  }

  it('--format json: an array of objects with the same keys, null for blank, numbers as numbers, tags as a list', async () => {
    const r = await tickets([...withSla, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = JSON.parse(r.stdout) as JsonLine[];
    expect(lines.map((l) => l.id)).toEqual(['C1', 'C2', 'U1', 'A', 'B', 'P1']);
    for (const line of lines) expect(Object.keys(line)).toEqual(COLUMNS);
    expect(lines.map((l) => l.tags)).toEqual([['vip'], ['billing', 'refund'], [], [], [], []]);
    expect(lines.map((l) => [l.first_response_time, l.resolution_time])).toEqual([
      [90, 1800],
      [300, 1800],
      [1800, 39_600],
      [null, 1200],
      [null, null],
      [null, null],
    ]);
    expect(lines.map((l) => [l.sla_policy, l.first_response_sla, l.resolution_sla])).toEqual([
      ['Chat', 'met', null],
      ['Chat', 'breached', null],
      ['Urgent', 'met', 'breached'],
      ['Default', null, 'met'],
      ['Default', 'breached', 'pending'],
      ['Default', 'pending', 'pending'],
    ]);
    expect(lines.map((l) => l.satisfied)).toEqual([null, 'no', 'yes', 'yes', null, null]);
    expect(lines[1]!.agent).toBe('Doe, "JJ"');
  });

  it('-o x.json writes JSON to the file and nothing to stdout', async () => {
    const out = join(work.fresh('json-out'), 'x.json');
    const r = await tickets([...withSla, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const lines = JSON.parse(readFileSync(out, 'utf8')) as JsonLine[];
    expect(lines.map((l) => l.id)).toEqual(['C1', 'C2', 'U1', 'A', 'B', 'P1']);
    expect(readFileSync(out, 'utf8')).toBe((await tickets([...withSla, '--format', 'json'])).stdout);
  });

  it('-o x.csv writes CSV; an explicit --format wins over the extension', async () => {
    const target = work.fresh('csv-out');
    expect((await tickets([...withSla, '-o', join(target, 'x.csv')])).code).toBe(0);
    expect(readFileSync(join(target, 'x.csv'), 'utf8')).toBe((await tickets(withSla)).stdout);
    expect((await tickets([...withSla, '-o', join(target, 'forced.csv'), '--format', 'json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(target, 'forced.csv'), 'utf8'))).toHaveLength(6);
  });
});

describe('tickets: errors (one line, documented exit code, no stack trace)', () => {
  it('a bad --format: exit 2', async () => {
    const line = expectOneLineError(await tickets(['drill.csv', '--format', 'markdown']), 2);
    expect(line).toContain('markdown');
  });

  it('a missing file: exit 3 naming it', async () => {
    const line = expectOneLineError(await tickets(['no-such-file.csv']), 3);
    expect(line).toContain('no-such-file.csv');
  });

  it('--strict with a rejection: exit 3, nothing on stdout, one support-metrics line', async () => {
    const r = await tickets([...withSla, '--strict']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(stderrLines(r).filter((l) => l.startsWith('support-metrics:'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });

  it('the output over an input is refused (exit 2) and leaves it untouched', async () => {
    const target = work.fresh('over-input');
    copyFileSync(join(dir, 'drill.csv'), join(target, 'drill.csv'));
    const before = readFileSync(join(target, 'drill.csv'));
    const line = expectOneLineError(await cli(['tickets', 'drill.csv', '-o', 'drill.csv'], { cwd: target }), 2);
    expect(line).toMatch(/--output/);
    expect(readFileSync(join(target, 'drill.csv'))).toEqual(before);
  });

  it('a missing --config: exit 2, and no output file is written', async () => {
    const target = work.fresh('missing-config');
    const line = expectOneLineError(await cli(['tickets', join(dir, 'drill.csv'), '-c', 'nope.json', '-o', 'out.csv'], { cwd: target }), 2);
    expect(line).toContain('nope.json');
    expect(existsSync(join(target, 'out.csv'))).toBe(false);
  });

  it('report-only flags are unknown here: --period (exit 2, named on the first line, no stack trace)', async () => {
    // commander may add a second line with a suggestion, as for a misspelt report flag.
    const r = await tickets(['drill.csv', '--period', 'day']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrLines(r)[0]).toBe("support-metrics: unknown option '--period'");
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
  });
});
