import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { whereCondition } from '../../src/cli/flag-values.js';
import { computeCoverage, coverageOf } from '../../src/engine/coverage.js';
import { ingest, type TicketInput } from '../helpers/build.js';
import { cli, expectOneLineError } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const work = workDirectory('coverage');
afterAll(() => work.remove());

const cell = (cells: ReturnType<typeof coverageOf>['cells'], weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour)!;

describe('coverage: tickets per ISO weekday and local hour', () => {
  it('a DST week (Europe/Berlin, 23–30 March 2026): Sunday 02:00 never occurs, the other hours once; events in local hours', () => {
    const store = ingest([
      // Monday 23 March 09:30 CET = 08:30Z; Sunday 29 March 03:30 CEST = 01:30Z (02:00–03:00 is skipped).
      { id: '1', created_at: '2026-03-23T08:30:00Z' },
      { id: '2', created_at: '2026-03-23T08:59:59Z' },
      { id: '3', created_at: '2026-03-29T01:30:00Z' },
      // Outside the range: Monday 30 March.
      { id: '4', created_at: '2026-03-30T08:30:00Z' },
    ]).store;
    const range = { from: Date.parse('2026-03-22T23:00:00Z'), to: Date.parse('2026-03-29T22:00:00Z') };
    const { cells, total } = coverageOf(store, range, 'Europe/Berlin', 'created', undefined);
    expect(cells).toHaveLength(168);
    expect(total).toBe(3);
    expect(cell(cells, 1, 9)).toEqual({ weekday: 1, hour: 9, count: 2, occurrences: 1, mean: 2, share: 2 / 3, first_response_median: null });
    expect(cell(cells, 7, 3)).toMatchObject({ count: 1, occurrences: 1 });
    expect(cell(cells, 7, 2)).toEqual({ weekday: 7, hour: 2, count: 0, occurrences: 0, mean: null, share: 0, first_response_median: null });
    // 7 × 24 − 1 hours in that week.
    expect(cells.reduce((n, c) => n + c.occurrences, 0)).toBe(167);
  });

  it('the autumn change (America/New_York, 1 November 2026): Sunday 01:00 occurs twice, and both count there', () => {
    const store = ingest([
      // 01:30 EDT = 05:30Z and 01:30 EST = 06:30Z: both local 01:30 on Sunday.
      { id: '1', created_at: '2026-11-01T05:30:00Z' },
      { id: '2', created_at: '2026-11-01T06:30:00Z' },
    ]).store;
    const range = { from: Date.parse('2026-11-01T04:00:00Z'), to: Date.parse('2026-11-02T05:00:00Z') };
    const { cells } = coverageOf(store, range, 'America/New_York', 'created', undefined);
    expect(cell(cells, 7, 1)).toMatchObject({ count: 2, occurrences: 2, mean: 1 });
    expect(cells.reduce((n, c) => n + c.occurrences, 0)).toBe(25);
  });

  it('counts the event asked for (first response, resolution), only when it happened; --where selects', () => {
    const records: TicketInput[] = [
      { id: '1', created_at: '2026-03-02T09:10:00Z', first_response_at: '2026-03-02T10:20:00Z', solved_at: '2026-03-03T15:00:00Z', channel: 'chat' },
      { id: '2', created_at: '2026-03-02T09:40:00Z', channel: 'email' },
    ];
    const store = ingest(records).store;
    const range = { from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-09T00:00:00Z') };
    expect(cell(coverageOf(store, range, 'UTC', 'first_response', undefined).cells, 1, 10).count).toBe(1);
    const resolved = coverageOf(store, range, 'UTC', 'resolved', undefined);
    expect([resolved.total, cell(resolved.cells, 2, 15).count]).toEqual([1, 1]);
    const chat = computeCoverage(store, { range, zone: 'UTC', event: 'created', where: [whereCondition('channel=chat')] });
    expect([chat.total, chat.filter.matched, cell(chat.cells, 1, 9).count]).toEqual([1, 1, 1]);
    expect(chat.filter.where).toEqual([{ key: 'channel', values: ['chat'] }]);
  });
});

describe('support-metrics coverage', () => {
  const dir = work.fresh('cli');
  writeFileSync(
    join(dir, 'tickets.csv'),
    'id,created_at,channel\n1,2026-03-02T09:10:00Z,chat\n2,2026-03-02T09:40:00Z,email\n3,2026-03-09T09:05:00Z,chat\n4,2026-03-04T22:00:00Z,chat\n',
  );

  it('JSON: the plain result, 168 cells; the range is whole days from the first to the last event', async () => {
    const r = await cli(['coverage', 'tickets.csv', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schema: 'support-metrics/coverage@1', timezone: 'UTC', event: 'created', total: 4, range: { from: '2026-03-02T00:00:00+00:00', to: '2026-03-10T00:00:00+00:00' } });
    // Mondays 9:00: two tickets on 2 March, one on 9 March; two Mondays in the range.
    expect(report.cells.find((c: { weekday: number; hour: number }) => c.weekday === 1 && c.hour === 9)).toEqual({ weekday: 1, hour: 9, count: 3, occurrences: 2, mean: 1.5, share: 0.75, first_response_median: null });
  });

  it('CSV: one line per cell; table and Markdown: the heat map, the busiest hours and the counts', async () => {
    const csv = parseCsv((await cli(['coverage', 'tickets.csv', '-f', 'csv'], { cwd: dir })).stdout, { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(168);
    expect(csv.find((row) => row.weekday === '3' && row.hour === '22')).toEqual({ weekday: '3', hour: '22', count: '1', occurrences: '1', mean: '1', share: '0.25', first_response_median: '' });
    const table = (await cli(['coverage', 'tickets.csv', '--where', 'channel=chat'], { cwd: dir })).stdout.split('\n');
    expect(table[0]).toBe('Coverage: tickets created by weekday and hour (UTC), 2026-03-02T00:00:00+00:00 to 2026-03-10T00:00:00+00:00 (end exclusive): 3');
    expect(table[1]).toBe('Filter: channel chat (3 tickets)');
    expect(table.find((line) => line.startsWith('Mon  '))).toMatch(/^Mon {2}(?: {2}){9}(..)(?: {2}){14} {2}2$/);
    expect(table.some((line) => line.startsWith('busiest: Mon 09:00 (1.0 per hour, 66.7%)'))).toBe(true);
    const markdown = (await cli(['coverage', 'tickets.csv', '-f', 'markdown'], { cwd: dir })).stdout;
    expect(markdown).toContain('| Mon | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 |');
  });

  it('--schedule: its open hours marked, the share that came while it was closed, and what arriving at each hour costs', async () => {
    const dir2 = work.fresh('schedule');
    // A Monday–Friday 09:00–18:00 schedule (UTC); Monday 9 March a holiday.
    writeFileSync(join(dir2, 'support-metrics.config.json'), JSON.stringify({ schedules: [{ name: 'Office', timezone: 'UTC', hours: { 'mon-fri': '09:00-18:00' }, holidays: ['2026-03-09'] }] }));
    writeFileSync(
      join(dir2, 'tickets.csv'),
      [
        'id,created_at,first_response_at',
        // Open: Monday 2 March 09:10 and 09:40, answered after 10 and 30 minutes.
        '1,2026-03-02T09:10:00Z,2026-03-02T09:20:00Z',
        '2,2026-03-02T09:40:00Z,2026-03-02T10:10:00Z',
        // Closed: Wednesday 22:00 (answered Thursday 09:00, after 11 hours), and Monday 9 March, a holiday.
        '3,2026-03-04T22:00:00Z,2026-03-05T09:00:00Z',
        '4,2026-03-09T09:05:00Z,',
      ].join('\n'),
    );
    const report = JSON.parse((await cli(['coverage', 'tickets.csv', '--schedule', 'Office', '-f', 'json'], { cwd: dir2 })).stdout);
    expect(report.schedule).toBe('Office');
    expect(report.outside_hours).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    const at = (weekday: number, hour: number) => report.cells.find((c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour);
    expect(at(1, 9)).toMatchObject({ open: true, count: 3, first_response_median: 1200 });
    expect(at(3, 22)).toMatchObject({ open: false, count: 1, first_response_median: 39600 });
    expect(at(6, 10).open).toBe(false);
    const table = (await cli(['coverage', 'tickets.csv', '--schedule', 'Office'], { cwd: dir2 })).stdout;
    expect(table).toContain('While Office was closed (holidays included): 2 of 4 (50.0%)');
    expect(expectOneLineError(await cli(['coverage', 'tickets.csv', '--schedule', 'Night'], { cwd: dir2 }), 2)).toContain('--schedule: "Night" is not a schedule of the config (its schedules: "Office")');
  });

  it('--event and --from/--to as in report; a bad value is exit 2', async () => {
    const r = await cli(['coverage', 'tickets.csv', '--from', '2026-03-03', '--to', '2026-03-09', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).total).toBe(1);
    expect(expectOneLineError(await cli(['coverage', 'tickets.csv', '--event', 'closed'], { cwd: dir }), 2)).toContain('--event');
  });
});
