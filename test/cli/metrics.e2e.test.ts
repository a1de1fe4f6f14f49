import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/index.js';
import { expectOneLineError, fixtureDir, cli, type Run } from '../helpers/cli.js';

/**
 * `support-metrics metrics [ID]` (issue 3, "The catalogue, visible"): every metric with its id,
 * title, unit, the event that places it in a period, the columns it needs and its definition; one
 * metric explained with a worked example; a "did you mean" for a misspelt id.
 */

const cwd = fixtureDir('e2e');
const metrics = async (...args: string[]): Promise<Run> => await cli(['metrics', ...args], { cwd });

/** The catalogue, pinned: id, unit, what places it in a period, the columns it needs (registry order). */
const CATALOGUE: [id: string, unit: string, placedBy: string, columns: string][] = [
  ['tickets_created', 'count', 'created_at', 'id, created_at'],
  ['tickets_resolved', 'count', 'resolved_at', 'id, created_at, solved_at or closed_at'],
  ['backlog', 'count', 'open at the end of the period (a state, not an event)', 'id, created_at, solved_at or closed_at or resolved or status'],
  ['resolution_rate', 'rate', 'created_at', 'id, created_at, solved_at or closed_at or resolved or status'],
  ['first_response_time', 'duration', 'first_response_at', 'id, created_at, first_response_at'],
  ['resolution_time', 'duration', 'resolved_at', 'id, created_at, solved_at or closed_at'],
  ['handle_time', 'duration', 'resolved_at', 'id, created_at, handle_time, solved_at or closed_at'],
  ['business_first_response_time', 'duration', 'created_at', 'id, created_at, business_first_response_time'],
  ['business_resolution_time', 'duration', 'resolved_at', 'id, created_at, business_resolution_time, solved_at or closed_at'],
  ['first_contact_resolution', 'rate', 'resolved_at', 'id, created_at, agent_replies, solved_at or closed_at'],
  ['reopen_rate', 'rate', 'resolved_at', 'id, created_at, reopens, solved_at or closed_at'],
  ['escalation_rate', 'rate', 'created_at', 'id, created_at, escalated'],
  ['abandonment_rate', 'rate', 'created_at', 'id, created_at, answered or channel, answered or first_response_at, answered or solved_at or closed_at'],
  ['cancellation_rate', 'rate', 'resolved_at', 'id, created_at, tags, solved_at or closed_at'],
  ['csat', 'rate', 'resolved_at, or created_at when never resolved', 'id, created_at, satisfaction'],
  ['nps', 'nps', 'resolved_at, or created_at when never resolved', 'id, created_at, nps'],
  ['first_response_sla', 'rate', 'the first response when the SLA was met, the deadline when it was breached', 'id, created_at, first_response_at'],
  ['resolution_sla', 'rate', 'the resolution when the SLA was met, the deadline when it was breached', 'id, created_at, solved_at or closed_at'],
  ['tickets_per_customer', 'ratio', 'created_at', 'id, created_at, customer'],
  ['resolved_per_agent', 'ratio', 'resolved_at', 'id, created_at, agent, solved_at or closed_at'],
];
const IDS = CATALOGUE.map(([id]) => id);

const metaOf = (id: string) => METRICS.find((m) => m.meta.id === id)!.meta;

describe('support-metrics metrics', () => {
  it('lists every metric, in registry order, each with title, unit, placement, columns and definition', async () => {
    const r = await metrics();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const blocks = r.stdout.trimEnd().split('\n\n');
    const footer = blocks.pop();
    expect(footer).toMatch(/support-metrics metrics ID/);
    expect(blocks.map((b) => b.split(' — ')[0])).toEqual(IDS);
    blocks.forEach((block, i) => {
      const [id, unit, placedBy, columns] = CATALOGUE[i]!;
      const meta = metaOf(id);
      expect(block.split('\n')).toEqual([
        `${id} — ${meta.title}`,
        `  unit: ${unit} · placed by: ${placedBy} · columns: ${columns}`,
        `  ${meta.definition}`,
      ]);
    });
  });

  it('the catalogue is the registry: 20 metrics, no more, no less', () => {
    expect(METRICS.map((m) => m.meta.id)).toEqual(IDS);
    expect(IDS).toHaveLength(20);
  });

  it('metrics first_response_time explains it with its worked example', async () => {
    const r = await metrics('first_response_time');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const meta = metaOf('first_response_time');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('first_response_time — First response time');
    expect(r.stdout).toContain(meta.definition);
    expect(r.stdout).toMatch(/^Unit: +duration: \{count, mean, median, p90\} in seconds/m);
    expect(r.stdout).toMatch(/^Placed by: +first_response_at$/m);
    expect(r.stdout).toMatch(/^Columns: +id, created_at, first_response_at$/m);
    expect(r.stdout).toMatch(/^Better when: +lower$/m);
    expect(lines).toContain('Worked example');
    // The example: A answered 7200 s after creation (created the week before), B 1800 s, C 3600 s,
    // D answered the week after. Mean 4200, median 3600, p90 3600 + 0.8 × 3600 = 6480.
    expect(lines).toContain('Range: 2026-03-02T00:00:00Z to 2026-03-09T00:00:00Z (end exclusive).');
    expect(lines).toContain('| id | created_at | first_response_at |');
    expect(lines).toContain('| A | 2026-03-01T22:00:00Z | 2026-03-02T00:00:00Z |');
    expect(lines).toContain('| D | 2026-03-08T20:00:00Z | 2026-03-09T08:00:00Z |');
    expect(lines).toContain('Result: {"count":3,"mean":4200,"median":3600,"p90":6480}');
    expect(r.stdout).toContain(meta.example.explanation);
    expect(r.stdout).not.toContain('`');
  });

  it.each(IDS)('metrics %s explains it with a worked example', async (id) => {
    const r = await metrics(id);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${id} — ${metaOf(id).title}`);
    expect(r.stdout).toContain('Worked example');
    expect(r.stdout).toContain(`Result: ${JSON.stringify(metaOf(id).example.result)}`);
  });

  it('an SLA metric shows the config its example needs', async () => {
    const r = await metrics('first_response_sla');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('With this config:');
    expect(r.stdout).toContain('"firstResponse": "2m"');
  });

  it('a misspelt id: exit 2, one line, and the right id suggested', async () => {
    const line = expectOneLineError(await metrics('frist_response_time'), 2);
    expect(line).toContain('"frist_response_time" is not a metric');
    expect(line).toContain('did you mean "first_response_time"');
  });

  it('an id far from any metric: exit 2, one line, no suggestion', async () => {
    const line = expectOneLineError(await metrics('zzzzzzzzzzzz'), 2);
    expect(line).toContain('"zzzzzzzzzzzz" is not a metric');
    expect(line).not.toContain('did you mean');
  });

  it('--format json: the catalogue as an array of 20 metadata objects, in registry order', async () => {
    const r = await metrics('--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const catalogue = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(catalogue).toHaveLength(20);
    expect(catalogue.map((m) => m.id)).toEqual(IDS);
    catalogue.forEach((entry, i) => {
      const [id, unit] = CATALOGUE[i]!;
      const meta = metaOf(id);
      expect(entry).toMatchObject({ id, unit, title: meta.title, definition: meta.definition, placement: meta.placement, section: meta.section });
      expect(entry.needs).toEqual(meta.needs);
      expect(entry.example).toEqual(JSON.parse(JSON.stringify(meta.example)));
      expect(Object.keys(entry)).not.toContain('unavailable');
    });
  });

  it('--format json with an id: that one metric', async () => {
    const r = await metrics('nps', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const catalogue = JSON.parse(r.stdout) as { id: string }[];
    expect(catalogue.map((m) => m.id)).toEqual(['nps']);
  });

  it('a bad --format: exit 2, one line', async () => {
    const line = expectOneLineError(await metrics('--format', 'yaml'), 2);
    expect(line).toContain('yaml');
  });
});

describe('help lists the commands and flags of issue 3', () => {
  it('--help lists the report, tickets and metrics commands', async () => {
    const r = await cli(['--help'], { cwd });
    expect(r.code).toBe(0);
    for (const command of ['report', 'tickets', 'metrics']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('report --help lists --metrics, --attribution (with its choices) and --config', async () => {
    const r = await cli(['report', '--help'], { cwd });
    expect(r.code).toBe(0);
    for (const flag of ['--metrics', '--attribution', '--config']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/"event", "created"/);
  });

  it('tickets --help lists --format, --config and --output', async () => {
    const r = await cli(['tickets', '--help'], { cwd });
    expect(r.code).toBe(0);
    for (const flag of ['--format', '--config', '--output', '--tz', '--strict']) expect(r.stdout).toContain(flag);
  });
});
