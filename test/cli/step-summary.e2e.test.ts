import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderStepSummary, STEP_SUMMARY_LIMIT } from '../../src/render/markdown.js';
import { reportOf, type TicketInput } from '../helpers/build.js';
import { cli, expectOneLineError } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const work = workDirectory('step-summary');
afterAll(() => work.remove());

/** Two weeks of tickets: W10 answered in 10 minutes, W11 in 30; ratings mostly good. */
function exportCsv(): string {
  const lines = ['id,created_at,first_response_at,solved_at,agent,channel,satisfaction'];
  for (let i = 0; i < 24; i++) {
    const day = 2 + (i % 12);
    const created = Date.UTC(2026, 2, day, 9, i);
    const wait = day < 9 ? 600 : 1800;
    const iso = (ms: number) => new Date(ms).toISOString();
    lines.push([`T${i}`, iso(created), iso(created + wait * 1000), iso(created + 7200 * 1000), i % 2 === 0 ? 'ana' : 'ben', i % 3 === 0 ? 'chat' : 'email', i % 5 === 0 ? 'bad' : 'good'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('--step-summary: the GitHub Actions job summary', () => {
  it('appends the headline, goals, charts and tables to GITHUB_STEP_SUMMARY, apart from stdout, and again on the next run', async () => {
    const dir = work.fresh('append');
    writeFileSync(join(dir, 'tickets.csv'), exportCsv());
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const args = ['report', 'tickets.csv', '--step-summary', '--goal', 'first_response_time.median<=1h', '-f', 'json'];
    const r = await cli(args, { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).goals[0].passed).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n# Support metrics\n')).toBe(true);
    for (const part of ['## Headline', '## Goals', '## Charts', '```mermaid', '## Volume', '## Input']) expect(text).toContain(part);
    await cli(args, { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8').split('# Support metrics\n')).toHaveLength(3);
  });

  it('a failed goal: the summary is written, then the run exits 4', async () => {
    const dir = work.fresh('goal');
    writeFileSync(join(dir, 'tickets.csv'), exportCsv());
    const summary = join(dir, 'summary.md');
    const r = await cli(['report', 'tickets.csv', '--step-summary', '--goal', 'first_response_time.median<=5m', '-o', 'kpis.md'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(4);
    expect(readFileSync(summary, 'utf8')).toMatch(/✗ \| first\\_response\\_time median &lt;= 5m/);
    expect(existsSync(join(dir, 'kpis.md'))).toBe(true);
  });

  it('without GITHUB_STEP_SUMMARY: exit 2 before anything is read', async () => {
    const r = await cli(['report', 'missing.csv', '--step-summary'], { cwd: work.fresh('unset'), env: {} });
    expect(expectOneLineError(r, 2)).toContain('--step-summary appends to the file GITHUB_STEP_SUMMARY names, and it is not set');
  });

  it('--charts draws in Markdown only', async () => {
    const dir = work.fresh('charts');
    writeFileSync(join(dir, 'tickets.csv'), exportCsv());
    const md = await cli(['report', 'tickets.csv', '--charts', '-f', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('## Charts');
    expect(md.stdout).toContain('xychart-beta');
    const plain = await cli(['report', 'tickets.csv', '-f', 'markdown'], { cwd: dir });
    expect(plain.stdout).not.toContain('xychart-beta');
    expect(expectOneLineError(await cli(['report', 'tickets.csv', '--charts', '-f', 'json'], { cwd: dir }), 2)).toContain('--charts draws Mermaid charts in Markdown');
  });
});

describe('the job summary of 5,000 agents', () => {
  // 5,000 agents, 2 tickets each over two weeks, by agent, with a goal per agent.
  const records: TicketInput[] = [];
  for (let a = 0; a < 5000; a++) {
    for (const day of [3, 10]) {
      const created = Date.UTC(2026, 2, day, 9, a % 60);
      records.push({ id: `A${a}-${day}`, created_at: new Date(created).toISOString(), first_response_at: new Date(created + (a % 7) * 600_000).toISOString(), agent: `agent-${String(a).padStart(4, '0')}` });
    }
  }
  const report = reportOf(records, {
    by: ['agent'],
    config: { goals: [{ metric: 'first_response_time', max: '30m', by: 'agent' }] },
  });
  const summary = renderStepSummary(report, { fullReport: 'kpis/2026-03.json' });

  it('stays under GitHub\'s 1 MiB: the goals whole, the tables within half of it', () => {
    expect(report.goals).toHaveLength(5000);
    const bytes = Buffer.byteLength(summary, 'utf8');
    expect(bytes).toBeLessThan(1024 * 1024);
    const tables = summary.slice(summary.indexOf('## Volume'));
    expect(Buffer.byteLength(tables, 'utf8')).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
  });

  it('20,000 agents: the goal outcomes that passed are counted, not listed, and the summary stays under 1 MiB', () => {
    const many: TicketInput[] = Array.from({ length: 20_000 }, (_, a) => ({
      id: `B${a}`,
      created_at: '2026-03-03T09:00:00Z',
      first_response_at: a % 10 === 0 ? '2026-03-03T12:00:00Z' : '2026-03-03T09:10:00Z',
      agent: `agent-${a}`,
    }));
    const big = reportOf(many, { by: ['agent'], config: { goals: [{ metric: 'first_response_time', max: '30m', by: 'agent' }] } });
    const text = renderStepSummary(big, { fullReport: 'kpis.json' });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(1024 * 1024);
    expect(text.split('\n').filter((line) => line.startsWith('| ✗ |'))).toHaveLength(2000);
    expect(text).toContain('18,000 goal outcomes that passed are left out here to keep this summary under 1 MiB.');
  });

  it('keeps every goal outcome, folds the long tables and says what was left out and where the whole report is', () => {
    const goalLines = summary.split('\n').filter((line) => line.includes('first\\_response\\_time median &lt;= 30m'));
    expect(goalLines).toHaveLength(5000);
    expect(summary).toContain('<details><summary>Volume: 10,001 rows</summary>');
    expect(summary).toMatch(/[\d,]+ of 10,001 rows left out to keep this summary under 1 MiB; the whole report: kpis\/2026-03\.json\./);
  });
});

describe('what the review pass found', () => {
  it('tickets --where matching nothing: the CSV header alone', async () => {
    const dir = work.fresh('empty-where');
    writeFileSync(join(dir, 'tickets.csv'), exportCsv());
    const r = await cli(['tickets', 'tickets.csv', '--where', 'channel=fax'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^id,created_at,first_response_at,resolved_at,/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a status the config maps is found by the name the export writes (--where, SLA match)', async () => {
    const dir = work.fresh('status-map');
    writeFileSync(join(dir, 'tickets.csv'), 'id,created_at,status\n1,2026-03-02T09:00:00Z,Cancelled\n2,2026-03-02T10:00:00Z,Open\n3,2026-03-03T09:00:00Z,cancelled\n');
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ values: { status: { Cancelled: 'closed' } }, sla: [{ name: 'Gone', match: { status: 'Cancelled' }, firstResponse: '1h' }] }));
    const r = await cli(['tickets', 'tickets.csv', '--where', 'status=Cancelled', '-f', 'json'], { cwd: dir });
    const lines = JSON.parse(r.stdout) as { id: string; status: string; sla_policy: string | null }[];
    expect(lines.map((l) => [l.id, l.status, l.sla_policy])).toEqual([
      ['1', 'closed', 'Gone'],
      ['3', 'closed', 'Gone'],
    ]);
  });

  it('an event-log condition on a column no file has says so', async () => {
    const dir = work.fresh('no-column');
    writeFileSync(join(dir, 'events.csv'), 'id,created_at,activity\nC1,2026-03-02T09:00:00Z,open\nC1,2026-03-02T10:00:00Z,close\n');
    const r = await cli(['report', 'events.csv', '--event-log', '--resolved-when', 'team=6', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toContain('--resolved-when team=6: no input file has a team column, so no event matches it');
  });

  it('a count goal is judged at 0: tickets_resolved >= 1 fails with none resolved (exit 4)', async () => {
    const dir = work.fresh('count-zero');
    writeFileSync(join(dir, 'tickets.csv'), 'id,created_at,solved_at\n1,2026-03-02T09:00:00Z,\n');
    const r = await cli(['report', 'tickets.csv', '--goal', 'tickets_resolved>=1', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).goals[0]).toMatchObject({ actual: 0, sample: 0, passed: false });
  });

  it('a long daily range: the charts show the last 60 periods and say so', () => {
    const days: TicketInput[] = Array.from({ length: 90 }, (_, d) => ({ id: `D${d}`, created_at: new Date(Date.UTC(2026, 0, 1 + d, 9)).toISOString() }));
    const markdown = renderStepSummary(reportOf(days, { period: 'day' }), { fullReport: 'r.json' });
    const axis = markdown.split('\n').find((line) => line.trim().startsWith('x-axis'))!;
    expect(axis.match(/"/g)).toHaveLength(120);
    expect(markdown).toContain('The last 60 of 90 periods are charted; the tables hold them all.');
  });
});
