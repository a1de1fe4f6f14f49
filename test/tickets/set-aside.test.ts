import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportOf, type TicketInput } from '../helpers/build.js';
import { cli, stderrLines } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';
import { RECORD_FIELDS, TICKET_FIELDS, type TicketField } from '../../src/schema/fields.js';

/**
 * A value that cannot be read costs the value, not the ticket: a record is rejected only for its
 * id, its created_at, or a timestamp that decides when it was answered or resolved; any other
 * unreadable value is set aside, and the ticket counts everywhere else.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1);

/** Fields that are not RECORD_FIELDS, each with a value it cannot read. */
const UNREADABLE: Partial<Record<TicketField, unknown>> = {
  updated_at: 'last Tuesday',
  status: { open: true },
  activity: ['opened'],
  agent: ['ana'],
  team: { name: 'core' },
  channel: ['web'],
  priority: { p: 1 },
  language: ['en'],
  customer: { id: 7 },
  satisfaction: 'Slightly dissatisfied',
  nps: 11,
  agent_replies: -1,
  reopens: 'twice',
  handle_time: 'a while',
  escalated: 'maybe',
  resolved: 'sort of',
  answered: 'perhaps',
  tags: { billing: true },
  business_first_response_time: '-5',
  business_resolution_time: 'soon',
};

const start = Date.UTC(2026, 2, 2);
const ticketArb = fc.record({
  created: fc.integer({ min: 0, max: 20 * 86_400 }),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 10 * 86_400 }), { nil: undefined }),
  agent: fc.constantFrom('ana', 'ben', undefined),
});

describe('values set aside', () => {
  it('every field outside RECORD_FIELDS has an unreadable value in this test', () => {
    expect(Object.keys(UNREADABLE).sort()).toEqual(TICKET_FIELDS.filter((f) => !RECORD_FIELDS.includes(f)).sort());
  });

  it('property: corrupting an optional field in any records never changes tickets_created, tickets_resolved or backlog', () => {
    const optional = Object.keys(UNREADABLE) as TicketField[];
    fc.assert(
      fc.property(fc.array(ticketArb, { minLength: 1, maxLength: 30 }), fc.constantFrom(...optional), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (tickets, field, corrupt) => {
        const records: TicketInput[] = tickets.map((t, i) => ({
          id: `T${i}`,
          created_at: new Date(start + t.created * 1000).toISOString(),
          ...(t.resolvedAfter === undefined ? {} : { solved_at: new Date(start + (t.created + t.resolvedAfter) * 1000).toISOString() }),
          ...(t.agent === undefined ? {} : { agent: t.agent }),
        }));
        const corrupted = records.map((r, i) => (corrupt[i] ? { ...r, [field]: UNREADABLE[field] } : r));
        const options = { presentFields: [...TICKET_FIELDS], from: '2026-03-02T00:00:00Z', to: '2026-04-06T00:00:00Z' };
        const clean = reportOf(records, options);
        const dirty = reportOf(corrupted, options);
        const ids = ['tickets_created', 'tickets_resolved', 'backlog', 'resolution_rate'];
        const pick = (report: typeof clean): unknown => [report.rows.map((r) => ids.map((id) => r.metrics[id])), ids.map((id) => report.totals.metrics[id])];
        expect(pick(dirty)).toEqual(pick(clean));
        expect(dirty.input.records).toBe(records.length);
        expect(dirty.input.rejected).toBe(0);
        expect(dirty.input.setAside).toBe(corrupt.slice(0, records.length).filter(Boolean).length);
      }),
      { numRuns: 60 * RUNS },
    );
  });

  it('a set-aside reopens leaves its ticket out of reopen_rate and first_contact_resolution (a blank one counts as 0)', () => {
    const base = { created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T10:00:00Z', agent_replies: 1 };
    const report = reportOf([
      { id: 'A', ...base, reopens: 0 },
      { id: 'B', ...base, reopens: 'twice' },
      { id: 'C', ...base },
      { id: 'D', ...base, reopens: 1 },
    ]);
    expect(report.totals.metrics.reopen_rate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(report.totals.metrics.first_contact_resolution).toMatchObject({ numerator: 2, denominator: 3 });
    expect(report.totals.metrics.tickets_resolved).toBe(4);
  });
});

describe('values set aside: what the user sees', () => {
  const work = workDirectory('set-aside');
  afterAll(() => work.remove());
  // 20 records: 2 ratings unreadable (10%, over the 5% that warns), 1 record rejected (5%, not over).
  const rows = Array.from({ length: 20 }, (_, i) => {
    const rating = i === 3 ? 'Slightly dissatisfied' : i === 7 ? '7' : i === 9 ? '3.0' : String((i % 5) + 1);
    const created = i === 12 ? 'yesterday' : `2026-03-0${(i % 5) + 2}T09:00:00Z`;
    return `T${i},${created},${rating}`;
  });
  const setUp = (name: string): string => {
    const dir = work.fresh(name);
    writeFileSync(join(dir, 'survey.csv'), `id,created_at,satisfaction\n${rows.join('\n')}\n`);
    return dir;
  };

  it('JSON: the count in input and per file, the warning in notes; 3.0 is read as 3', async () => {
    const dir = setUp('json');
    const r = await cli(['report', 'survey.csv', '-f', 'json', '--period', 'all'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input).toMatchObject({ records: 19, rejected: 1, setAside: 2, files: [{ path: 'survey.csv', read: 21, records: 19, rejected: 1, setAside: 2 }] });
    expect(report.notes.filter((n: { metric: string | null }) => n.metric === null)).toEqual([
      {
        metric: null,
        message:
          'survey.csv: satisfaction: 2 of 20 values (10.0%) could not be read and were set aside; the metrics that use satisfaction leave those tickets out',
      },
    ]);
    // 17 ratings read (3.0 among them), of which ratings 4 and 5 are satisfied.
    expect(report.totals.metrics.csat.denominator).toBe(17);
    expect(stderrLines(r)).toContain('2 values set aside (the tickets are used without them):');
    expect(r.stderr).toContain('survey.csv:5: satisfaction: "Slightly dissatisfied" is not a rating');
  });

  it('table and Markdown: the warning above the first table', async () => {
    const dir = setUp('text');
    const table = await cli(['report', 'survey.csv'], { cwd: dir });
    const lines = table.stdout.split('\n');
    const warning = lines.findIndex((l) => l.startsWith('Warning: survey.csv: satisfaction: 2 of 20 values'));
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(lines.findIndex((l) => l.startsWith('┌')));
    const markdown = (await cli(['report', 'survey.csv', '-f', 'markdown'], { cwd: dir })).stdout;
    expect(markdown.indexOf('> **Warning:** survey.csv: satisfaction: 2 of 20 values')).toBeLessThan(markdown.indexOf('## Volume'));
    expect(markdown).toMatch(/\| File \| Read \| Header \| Blank \| Used \| Duplicates \| Rejected \| Values set aside \|\n.*\n\| survey\.csv \| 21 \| 1 \| 0 \| 19 \| 0 \| 1 \| 2 \|/);
  });

  it('--rejects: a line per value set aside, scope field; --strict fails on them', async () => {
    const dir = setUp('rejects');
    const r = await cli(['report', 'survey.csv', '--rejects', 'r.csv', '-f', 'json'], { cwd: dir });
    expect(stderrLines(r)).toContain('1 rejected record and 2 values set aside written to r.csv');
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(join(dir, 'r.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => l.split(',').slice(1, 4).join(','))).toEqual(['line,scope,field', '5,field,satisfaction', '9,field,satisfaction', '14,record,created_at']);
    const strict = await cli(['report', 'survey.csv', '--strict', '--period', 'all'], { cwd: dir });
    expect(strict.code).toBe(3);
    const rated = `id,created_at,satisfaction\nA,2026-03-02T09:00:00Z,meh\n`;
    writeFileSync(join(dir, 'one.csv'), rated);
    const onlyAside = await cli(['report', 'one.csv', '--strict'], { cwd: dir });
    expect(onlyAside.code).toBe(3);
    expect(stderrLines(onlyAside).at(-1)).toBe('support-metrics: --strict: 1 value set aside (unreadable in records otherwise used); no output written');
  });
});
