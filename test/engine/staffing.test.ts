import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffingCell } from '../../src/engine/staffing.js';
import { cli, expectOneLineError } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const work = workDirectory('staffing');
afterAll(() => work.remove());

/**
 * One week (Monday 2 March 2026 to Monday 9 March, UTC) with 100 phone calls on Monday between
 * 10:00 and 11:00, each handled in 3 minutes: 100 × 3 / 60 = 5 Erlangs in that hour. Published
 * Erlang C tables: 7 agents answer about 74% within 20 s, so 80/20 needs 8, at about 88%. Plus 4
 * chats on Tuesday at 15:00 (handled in 6 minutes) and one call on Sunday 23:00 to close the week.
 */
function exportCsv(): string {
  const lines = ['id,created_at,channel,handle_time'];
  for (let i = 0; i < 100; i++) lines.push(`C${i},${new Date(Date.UTC(2026, 2, 2, 10, 0, i * 36)).toISOString()},phone,180`);
  for (let i = 0; i < 4; i++) lines.push(`T${i},2026-03-03T15:${String(i * 10).padStart(2, '0')}:00Z,chat,360`);
  lines.push('E1,2026-03-08T23:30:00Z,phone,180');
  return `${lines.join('\n')}\n`;
}

describe('support-metrics staffing', () => {
  const dir = work.fresh('week');
  writeFileSync(join(dir, 'calls.csv'), exportCsv());
  const json = async (args: string[]) => {
    const r = await cli(['staffing', 'calls.csv', '-f', 'json', ...args], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  const cellAt = (report: { cells: StaffingCell[] }, weekday: number, hour: number): StaffingCell => report.cells.find((c) => c.weekday === weekday && c.hour === hour)!;

  it('100 calls an hour at 3 minutes: 8 agents for 80/20 (about 88%), 7 would answer only about 74%', async () => {
    const report = await json(['--channel', 'phone']);
    expect(report).toMatchObject({ schema: 'support-metrics/staffing@1', aht: { seconds: 180, from: 'handle_time', contacts: 101 }, target: { share: 0.8, withinSeconds: 20 }, maxOccupancy: 0.85 });
    const monday10 = cellAt(report, 1, 10);
    expect(monday10).toMatchObject({ arrivals: 100, aht: 180, agents: 8, leads: { fewest: 1, most: 1 } });
    expect(monday10.service_level).toBeGreaterThan(0.87);
    expect(monday10.service_level).toBeLessThan(0.89);
    expect(monday10.occupancy).toBeCloseTo(5 / 8, 12);
    // An hour with no arrivals needs no one; the Sunday call needs one agent.
    expect(cellAt(report, 1, 11).agents).toBe(0);
    expect(cellAt(report, 7, 23)).toMatchObject({ arrivals: 1, agents: 1 });
    expect(report.busiest).toEqual({ weekday: 1, hour: 10, agents: 8, leads: { fewest: 1, most: 1 } });
    expect([report.agentHoursPerWeek, report.fullTimeEquivalents]).toEqual([9, 9 / 40]);
  });

  it('--service-level 74/20 needs 7 agents; --max-occupancy 60% raises 8 to 9', async () => {
    expect(cellAt(await json(['--channel', 'phone', '--service-level', '74/20']), 1, 10).agents).toBe(7);
    expect(cellAt(await json(['--channel', 'phone', '--max-occupancy', '60%']), 1, 10)).toMatchObject({ agents: 9 });
  });

  it('--aht overrides the handle_time; --span and --hours-per-fte shape the leads and the week', async () => {
    const report = await json(['--where', 'channel=phone', '--aht', '6m', '--span', '3-5', '--hours-per-fte', '37.5']);
    expect(report.aht).toEqual({ seconds: 360, from: 'option', contacts: 101 });
    const busiest = report.busiest;
    expect(busiest.agents).toBeGreaterThan(8);
    expect(busiest.leads).toEqual({ fewest: Math.ceil(busiest.agents / 5), most: Math.ceil(busiest.agents / 3) });
    expect(report.fullTimeEquivalents).toBeCloseTo(report.agentHoursPerWeek / 37.5, 12);
  });

  it('the table: the target, the handle time, the busiest hour and a grid of agents', async () => {
    const lines = (await cli(['staffing', 'calls.csv', '--channel', 'phone'], { cwd: dir })).stdout.split('\n');
    expect(lines[0]).toBe('Staffing: agents per weekday and hour (UTC) to answer 80.0% within 20 s, at most 85.0% occupancy (Erlang C)');
    expect(lines).toContain('Handle time: 3m 00s (mean handle_time of 101 contacts)');
    expect(lines).toContain('Busiest: Mon 10:00, 8 agents and 1–1 team leads (one per 8–15 agents)');
    expect(lines.find((line) => line.startsWith('Mon '))!.split(/\s+/).slice(1, 13)).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '8', '0']);
  });

  it('no handle time and no --aht: exit 3 saying what to give; a bad target: exit 2', async () => {
    writeFileSync(join(dir, 'no-aht.csv'), 'id,created_at\n1,2026-03-02T10:00:00Z\n');
    expect(expectOneLineError(await cli(['staffing', 'no-aht.csv'], { cwd: dir }), 3)).toContain('give one with --aht');
    expect(expectOneLineError(await cli(['staffing', 'calls.csv', '--service-level', '80'], { cwd: dir }), 2)).toContain('--service-level');
    expect(expectOneLineError(await cli(['staffing', 'calls.csv', '--span', '15-8'], { cwd: dir }), 2)).toContain('--span');
  });
});
