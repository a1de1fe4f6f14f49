import fc from 'fast-check';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { render, renderJson } from '../helpers/render-text.js';
import { renderCsv } from '../../src/render/csv.js';
import { jsonDocument, jsonElements, jsonPieces } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { ansiPaint, PLAIN } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import type { DurationValue } from '../../src/metrics/types.js';
import type { Report } from '../../src/report/types.js';
import { reportOf, type TicketInput } from '../helpers/build.js';
import { METRIC_IDS } from '../helpers/catalogue.js';

const COLOUR = await ansiPaint();

/**
 * The golden Report: four tickets over two ISO weeks (W10: 2–8 March 2026, W11: 9–15 March), split
 * by agent, one of them without an agent. Worked out by hand:
 *
 *   id  agent   created           first response      resolved              satisfaction
 *   1   alice   Mon 02 09:00      +42 s               solved +1h 05m        good
 *   2   bob     Tue 03 08:00      +12m 05s            solved +2d 03h        2 (unsatisfied)
 *   3   (none)  Wed 04 12:00      —                   —                     —
 *   4   alice   Tue 10 09:00      +1h 05m             closed +1d 00h        5 (satisfied)
 *
 * Rows: W10 alice, W10 bob, W10 (none), W11 alice. Totals: 4 created, 3 resolved, backlog 1
 * (ticket 3), resolution rate 3/4; first response 42, 725, 3900 s: mean 1555.67, median 725,
 * p90 725 + 0.8·3175 = 3265; resolution 3900, 86400, 183600 s: mean 91300, median 86400,
 * p90 86400 + 0.8·97200 = 164160; CSAT 2/3.
 *
 * The golden export has no handle_time, agent_replies, reopens, escalated, channel, tags, nps or
 * customer column and no config, so those metrics and both SLA metrics are null (with a note).
 * resolved_per_agent: W10 alice 1/1, W10 bob 1/1, W10 (none) 0/0 (nothing resolved), W11 alice 1/1;
 * totals 3 resolved tickets with an agent, 2 distinct agents (alice, bob): 3/2 = 1.5.
 */
const GOLDEN_TICKETS: TicketInput[] = [
  { id: '1', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:42Z', solved_at: '2026-03-02T10:05:00Z', agent: 'alice', satisfaction: 'good' },
  { id: '2', created_at: '2026-03-03T08:00:00Z', first_response_at: '2026-03-03T08:12:05Z', solved_at: '2026-03-05T11:00:00Z', agent: 'bob', satisfaction: 2 },
  { id: '3', created_at: '2026-03-04T12:00:00Z', agent: '', satisfaction: '' },
  { id: '4', created_at: '2026-03-10T09:00:00Z', first_response_at: '2026-03-10T10:05:00Z', closed_at: '2026-03-11T09:00:00Z', agent: 'alice', satisfaction: 5 },
];

const golden = (): Report => reportOf(GOLDEN_TICKETS, { by: ['agent'], period: 'week' });


/** The golden report's metrics that have no column (or, for SLA, no policy): null everywhere. */
const GOLDEN_UNAVAILABLE = {
  handle_time: null,
  business_first_response_time: null,
  business_resolution_time: null,
  first_contact_resolution: null,
  reopen_rate: null,
  escalation_rate: null,
  abandonment_rate: null,
  cancellation_rate: null,
  nps: null,
  first_response_sla: null,
  resolution_sla: null,
  tickets_per_customer: null,
};

/** One ticket with every column, and an SLA policy: every section has a value. */
function completeReport(): Report {
  return reportOf(
    [
      {
        id: '1',
        created_at: '2026-03-02T09:00:00Z',
        first_response_at: '2026-03-02T09:30:00Z',
        solved_at: '2026-03-02T12:00:00Z',
        agent: 'alice',
        channel: 'email',
        customer: 'C1',
        satisfaction: 5,
        nps: 9,
        agent_replies: 1,
        reopens: 0,
        handle_time: 300,
        escalated: false,
        tags: ['refund'],
      },
    ],
    { period: 'week', config: { sla: [{ name: 'All', firstResponse: '1h', resolution: '8h' }] } },
  );
}

/** A report split by agent, one ticket per agent name, all in one week. */
function reportWithAgents(agents: string[]): Report {
  return reportOf(
    agents.map((agent, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:01:00Z', agent })),
    { by: ['agent'] },
  );
}

// eslint-disable-next-line no-control-regex
const ANY_ESCAPE = /\u001b/;

/** How wide cli-table3 takes a text to be on a terminal (it measures with string-width, its dependency). */
const requireFromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = requireFromTable('string-width') as (text: string) => number;

/**
 * A second, independent opinion: East Asian Wide and Fullwidth characters (CJK, Hangul, fullwidth
 * forms) and emoji take two columns, combining marks and zero-width characters none, anything else
 * one. Enough for the names of the alignment test, not a general wcwidth.
 */
function eastAsianWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // combining marks; zero-width space, joiners, marks, word joiner, BOM: nothing on a terminal
    if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

describe('the golden Report (checks the fixture the renderer tests rely on)', () => {
  it('has the rows and totals worked out by hand', () => {
    const r = golden();
    expect(r.rows.map((row) => [row.period, row.agent])).toEqual([
      ['2026-W10', 'alice'],
      ['2026-W10', 'bob'],
      ['2026-W10', null],
      ['2026-W11', 'alice'],
    ]);
    expect(r.rows[1]!.metrics).toEqual({
      tickets_created: 1,
      tickets_resolved: 1,
      backlog: 0,
      resolution_rate: { numerator: 1, denominator: 1, value: 1 },
      first_response_time: { count: 1, mean: 725, median: 725, p90: 725 },
      resolution_time: { count: 1, mean: 183_600, median: 183_600, p90: 183_600 },
      csat: { numerator: 0, denominator: 1, value: 0 },
      resolved_per_agent: { numerator: 1, denominator: 1, value: 1 },
      ...GOLDEN_UNAVAILABLE,
    });
    expect(r.rows[2]!.metrics).toEqual({
      tickets_created: 1,
      tickets_resolved: 0,
      backlog: 1,
      resolution_rate: { numerator: 0, denominator: 1, value: 0 },
      first_response_time: { count: 0, mean: null, median: null, p90: null },
      resolution_time: { count: 0, mean: null, median: null, p90: null },
      csat: { numerator: 0, denominator: 0, value: null },
      resolved_per_agent: { numerator: 0, denominator: 0, value: null },
      ...GOLDEN_UNAVAILABLE,
    });
    expect(r.totals.metrics).toEqual({
      tickets_created: 4,
      tickets_resolved: 3,
      backlog: 1,
      resolution_rate: { numerator: 3, denominator: 4, value: 0.75 },
      first_response_time: { count: 3, mean: 1555.667 /* 4667 / 3 to the millisecond */, median: 725, p90: 3265 },
      resolution_time: { count: 3, mean: 91_300, median: 86_400, p90: 164_160 },
      csat: { numerator: 2, denominator: 3, value: 2 / 3 },
      resolved_per_agent: { numerator: 3, denominator: 2, value: 1.5 },
      ...GOLDEN_UNAVAILABLE,
    });
    expect(r.notes).toEqual([
      { metric: 'handle_time', message: 'no input file has the handle_time column' },
      { metric: 'business_first_response_time', message: 'no input file has the business_first_response_time column' },
      { metric: 'business_resolution_time', message: 'no input file has the business_resolution_time column' },
      { metric: 'first_contact_resolution', message: 'no input file has the agent_replies column' },
      { metric: 'reopen_rate', message: 'no input file has the reopens column' },
      { metric: 'escalation_rate', message: 'no input file has the escalated column' },
      { metric: 'abandonment_rate', message: 'no input file has the answered or channel column' },
      { metric: 'cancellation_rate', message: 'no input file has the tags column' },
      { metric: 'nps', message: 'no input file has the nps column' },
      { metric: 'first_response_sla', message: 'no SLA policy in the config has a firstResponse target' },
      { metric: 'resolution_sla', message: 'no SLA policy in the config has a resolution target' },
      { metric: 'tickets_per_customer', message: 'no input file has the customer column' },
    ]);
    expect(r.range).toEqual({ from: '2026-03-02T00:00:00+00:00', to: '2026-03-16T00:00:00+00:00' });
  });
});

describe('JSON', () => {
  it('property: jsonElements writes values as the elements of an array that deep in a document, each indented and escaped as there', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u2028', '\u202e', '\u0085', 'é', ' ') });
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3 }), (values, depth) => {
        // The array stands `depth` levels deep: in as many arrays, of which it is the last element.
        let document: unknown = values;
        for (let d = 1; d < depth; d++) document = ['before', document];
        const whole = jsonDocument(document);
        const indent = '  '.repeat(depth);
        const elements = jsonElements(values, depth);
        expect(whole).toContain(`[\n${elements}\n${'  '.repeat(depth - 1)}]`);
        expect(elements).toBe(values.map((v) => `${indent}${jsonDocument(v).slice(0, -1).replaceAll('\n', `\n${indent}`)}`).join(',\n'));
      }),
    );
  });

  it('is written in pieces, the rows a thousand at a time, with the text of one JSON.stringify of the whole report', () => {
    const agent = (i: number): string => (i === 7 ? '\n  "rows": []\u202e' : `agent ${i}`);
    for (const n of [0, 1, 1000, 1001, 2500]) {
      const r = reportOf(
        Array.from({ length: n }, (_, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', agent: agent(i) })),
        { by: ['agent'] },
      );
      const pieces = [...jsonPieces(r)];
      expect(pieces.join('')).toBe(jsonDocument(r));
      expect(pieces.length).toBe(2 + Math.max(1, Math.ceil(r.rows.length / 1000)));
    }
  });

  it('is the Report itself', async () => {
    const r = golden();
    const text = renderJson(r);
    expect(JSON.parse(text)).toEqual(r);
    expect(text.endsWith('}\n')).toBe(true);
    expect(await render(r, 'json', { color: true })).toBe(text);
  });

  it('has exactly the top-level keys of the spec, plus inputTimezone, attribution (issue 3), metrics and notes, and the review (issue 12)', () => {
    const parsed = JSON.parse(renderJson(golden())) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(
      ['schema', 'timezone', 'inputTimezone', 'period', 'attribution', 'by', 'compare', 'range', 'filter', 'businessHours', 'input', 'metrics', 'notes', 'headline', 'goals', 'alerts', 'rows', 'totals'].sort(),
    );
    expect(parsed).toMatchObject({
      schema: 'support-metrics/report@1',
      timezone: 'UTC',
      inputTimezone: 'UTC',
      period: 'week',
      attribution: 'event',
      by: ['agent'],
    });
  });

  it('input, rows and totals have the shapes of the spec', () => {
    const parsed = JSON.parse(renderJson(golden()));
    expect(Object.keys(parsed.range).sort()).toEqual(['from', 'to']);
    expect(parsed.input).toEqual({
      records: 4,
      rejected: 0,
      duplicates: 0,
      folded: 0,
      setAside: 0,
      // read = header + blank + records + duplicates + rejected (JSON input: no header line); values set aside apart
      files: [{ path: 'file1.json', read: 4, header: 0, blank: 0, folded: 0, records: 4, rejected: 0, duplicates: 0, setAside: 0 }],
    });
    for (const row of parsed.rows) expect(Object.keys(row)).toEqual(['period', 'start', 'end', 'agent', 'metrics']);
    expect(Object.keys(parsed.totals)).toEqual(['metrics']);
    expect(Object.keys(parsed.totals.metrics)).toEqual(METRIC_IDS);
    for (const row of parsed.rows) expect(Object.keys(row.metrics)).toEqual(METRIC_IDS);
    expect(parsed.metrics.map((m: { id: string }) => m.id)).toEqual(METRIC_IDS);
    expect(parsed.rows[0]).toMatchObject({ period: '2026-W10', start: '2026-03-02T00:00:00+00:00', end: '2026-03-09T00:00:00+00:00', agent: 'alice' });
    // a blank group is JSON null, and no data is null, never 0
    expect(parsed.rows[2].agent).toBeNull();
    expect(parsed.rows[2].metrics.first_response_time).toEqual({ count: 0, mean: null, median: null, p90: null });
  });

  it('a report without --by has rows with no dimension keys', () => {
    const parsed = JSON.parse(renderJson(reportOf(GOLDEN_TICKETS)));
    expect(parsed.by).toEqual([]);
    for (const row of parsed.rows) expect(Object.keys(row)).toEqual(['period', 'start', 'end', 'metrics']);
  });

  it('is the same text for the same report, whatever the colour option', async () => {
    expect(await render(golden(), 'json', { color: false })).toBe(await render(golden(), 'json', { color: true }));
  });
});

describe('CSV', () => {
  const METRIC_COLUMNS = [
    'tickets_created',
    'tickets_resolved',
    'backlog',
    'resolution_rate.numerator',
    'resolution_rate.denominator',
    'resolution_rate.value',
    'first_response_time.count',
    'first_response_time.mean',
    'first_response_time.median',
    'first_response_time.p90',
    'resolution_time.count',
    'resolution_time.mean',
    'resolution_time.median',
    'resolution_time.p90',
    'handle_time.count',
    'handle_time.mean',
    'handle_time.median',
    'handle_time.p90',
    'business_first_response_time.count',
    'business_first_response_time.mean',
    'business_first_response_time.median',
    'business_first_response_time.p90',
    'business_resolution_time.count',
    'business_resolution_time.mean',
    'business_resolution_time.median',
    'business_resolution_time.p90',
    'first_contact_resolution.numerator',
    'first_contact_resolution.denominator',
    'first_contact_resolution.value',
    'reopen_rate.numerator',
    'reopen_rate.denominator',
    'reopen_rate.value',
    'escalation_rate.numerator',
    'escalation_rate.denominator',
    'escalation_rate.value',
    'abandonment_rate.numerator',
    'abandonment_rate.denominator',
    'abandonment_rate.value',
    'cancellation_rate.numerator',
    'cancellation_rate.denominator',
    'cancellation_rate.value',
    'csat.numerator',
    'csat.denominator',
    'csat.value',
    'nps.responses',
    'nps.promoters',
    'nps.passives',
    'nps.detractors',
    'nps.value',
    'first_response_sla.numerator',
    'first_response_sla.denominator',
    'first_response_sla.value',
    'resolution_sla.numerator',
    'resolution_sla.denominator',
    'resolution_sla.value',
    'tickets_per_customer.numerator',
    'tickets_per_customer.denominator',
    'tickets_per_customer.value',
    'resolved_per_agent.numerator',
    'resolved_per_agent.denominator',
    'resolved_per_agent.value',
  ];

  it('one header line and one line per row, with flattened metric columns', () => {
    const text = renderCsv(golden());
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(text).not.toContain('\r');
    const records = parseCsv(text) as string[][];
    expect(records[0]).toEqual(['period', 'start', 'end', 'agent', ...METRIC_COLUMNS]);
  });

  it('cells hold the Report values; null is an empty cell', () => {
    const records = parseCsv(renderCsv(golden()), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.period, r.agent])).toEqual([
      ['2026-W10', 'alice'],
      ['2026-W10', 'bob'],
      ['2026-W10', ''],
      ['2026-W11', 'alice'],
    ]);
    expect(records[1]).toMatchObject({
      start: '2026-03-02T00:00:00+00:00',
      end: '2026-03-09T00:00:00+00:00',
      tickets_created: '1',
      'first_response_time.median': '725',
      'resolution_time.p90': '183600',
      'csat.numerator': '0',
      'csat.denominator': '1',
      'csat.value': '0',
      'resolved_per_agent.numerator': '1',
      'resolved_per_agent.denominator': '1',
      'resolved_per_agent.value': '1',
      'nps.responses': '',
      'nps.value': '',
    });
    expect(records[2]).toMatchObject({
      backlog: '1',
      'resolution_rate.value': '0',
      'first_response_time.count': '0',
      'first_response_time.mean': '',
      'first_response_time.median': '',
      'first_response_time.p90': '',
      'csat.denominator': '0',
      'csat.value': '',
      'resolved_per_agent.numerator': '0',
      'resolved_per_agent.denominator': '0',
      'resolved_per_agent.value': '',
    });
  });

  it('numbers are written in full (durations to the millisecond, no thousands separators)', () => {
    const r = reportOf(
      [
        { id: '1', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T09:00:01Z' },
        { id: '2', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T09:00:01Z' },
        { id: '3', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-14T09:00:00Z' },
      ],
      { period: 'all' },
    );
    const [row] = parseCsv(renderCsv(r), { columns: true }) as Record<string, string>[];
    // resolution times 1, 1 and 1,036,800 s: mean 345,600.666… = 345,600.667 to the ms, p90 = 1 + 0.8 × 1,036,799 = 829,440.2
    expect(row!['resolution_time.count']).toBe('3');
    expect(row!['resolution_time.mean']).toBe('345600.667');
    expect(Number(row!['resolution_time.mean'])).toBe((r.rows[0]!.metrics.resolution_time as DurationValue).mean);
    expect(Number(row!['resolution_time.p90'])).toBeCloseTo(829_440.2, 6);
    expect(row!['resolution_time.median']).toBe('1');
  });

  it('a dimension value holding a comma or a quote is quoted and reads back unchanged', () => {
    const agents = ['Doe, "JJ"', 'plain', ' "quoted" ', 'a;b'];
    const r = reportWithAgents(agents);
    const records = parseCsv(renderCsv(r), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(r.rows.length);
    expect(records.map((rec) => rec.agent)).toEqual(r.rows.map((row) => row.agent));
    expect(new Set(records.map((rec) => rec.agent))).toEqual(new Set(agents.map((a) => a.trim())));
    for (const rec of records) expect(rec['first_response_time.median']).toBe('60');
  });

  it('a line break or tab in a dimension value becomes a space: one line per row', () => {
    const agents = ['two\nlines', 'crlf\r\nline', 'bare\rcr', 'tab\there'];
    const text = renderCsv(reportWithAgents(agents));
    expect(text.split('\n')).toHaveLength(1 + agents.length + 1);
    const records = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(records.map((rec) => rec.agent).sort()).toEqual(['bare cr', 'crlf  line', 'tab here', 'two lines']);
  });

  it('a dimension value that a spreadsheet would read as a formula gets a leading quote', () => {
    const records = parseCsv(renderCsv(reportWithAgents(['=1+1', '@SUM(A1)', '-5'])), { columns: true }) as Record<string, string>[];
    expect(records.map((rec) => rec.agent).sort()).toEqual(["'=1+1", "'@SUM(A1)", '-5']);
  });

  it('--by agent,team gives both columns, in --by order', () => {
    const r = reportOf([{ id: '1', created_at: '2026-03-02T09:00:00Z', agent: 'alice', team: 'core' }], { by: ['team', 'agent'] });
    const records = parseCsv(renderCsv(r)) as string[][];
    expect(records[0]!.slice(0, 5)).toEqual(['period', 'start', 'end', 'team', 'agent']);
    expect(records[1]!.slice(3, 5)).toEqual(['core', 'alice']);
  });
});

/**
 * Splits a GFM table row into its cells the way GFM does: a `|` preceded by a backslash belongs to
 * the cell; any other `|` separates cells.
 */
function gfmCells(line: string): string[] {
  expect(line.startsWith('|') && line.endsWith('|'), line).toBe(true);
  const inner = line.slice(1, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\' && inner[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** The text a GFM renderer shows for a cell: pipes unescaped, then backslash escapes and entities. */
function gfmText(cell: string): string {
  return cell
    .replace(/\\\|/g, '|')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The GFM tables of a Markdown document, each as its lines. */
function markdownTables(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(line);
    } else if (current !== null) {
      tables.push(current);
      current = null;
    }
  }
  if (current !== null) tables.push(current);
  return tables;
}

const SECTIONS = ['Volume', 'Speed', 'Quality', 'Satisfaction', 'SLA', 'Workload'];

/** The GFM table under the `## <section>` heading, as rows of cells. */
function markdownSection(markdown: string, section: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${section}`);
  expect(start, section).toBeGreaterThanOrEqual(0);
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) table.push(line);
    else if (table.length > 0) break;
  }
  return table.map(gfmCells);
}

describe('Markdown', () => {
  it('title, range, zone, input summary, the headline, one table per section, then the input files and notes', () => {
    const md = renderMarkdown(golden());
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Support metrics');
    expect(md).toContain('2026-03-02T00:00:00+00:00');
    expect(md).toContain('2026-03-16T00:00:00+00:00');
    expect(md).toContain('UTC');
    expect(md).toMatch(/\b4 tickets\b/);
    // Notes: the golden export lacks the columns of ten metrics (see GOLDEN_UNAVAILABLE). Every
    // metric of Quality and of SLA is among them, so those two sections are left out.
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Headline', '## Volume', '## Speed', '## Satisfaction', '## Workload', '## Input', '## Notes']);
    expect(markdownTables(md)).toHaveLength(1 + 4 + 1);
    expect(lines.indexOf('## Volume')).toBeGreaterThan(lines.findIndex((l) => l.startsWith('- Input: ')));
  });

  it('the Input section: what became of every record of each file, read = header + blank + used + duplicates + rejected', () => {
    const r = golden();
    const files = [
      { path: 'samples/tickets.csv', read: 3001, header: 1, blank: 0, folded: 0, records: 2940, duplicates: 30, rejected: 30, setAside: 0 },
      { path: 'more.json', read: 12, header: 0, blank: 2, folded: 0, records: 9, duplicates: 0, rejected: 1, setAside: 0 },
    ];
    const table = markdownSection(renderMarkdown({ ...r, input: { ...r.input, files } }), 'Input');
    expect(table).toEqual([
      ['File', 'Read', 'Header', 'Blank', 'Used', 'Duplicates', 'Rejected'],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
      ['samples/tickets.csv', '3,001', '1', '0', '2,940', '30', '30'],
      ['more.json', '12', '0', '2', '9', '0', '1'],
    ]);
  });

  it('each section table holds its metrics, in registry order', () => {
    const md = renderMarkdown(golden());
    const headings = (section: string): string[] => markdownSection(md, section)[0]!.slice(2);
    const rate = (short: string): string[] => [short, `${short} (n)`];
    const duration = (short: string): string[] => ['n', 'mean', 'median', 'p90'].map((part) => `${short} ${part}`);
    expect(headings('Volume')).toEqual(['Created', 'Resolved', 'Backlog', ...rate('Resolved %')]);
    // Metrics n/a for the whole golden input (handle and business-hours times, NPS, tickets per
    // customer) are left out of the tables; the notes say why.
    expect(headings('Speed')).toEqual([...duration('First response'), ...duration('Resolution')]);
    expect(headings('Satisfaction')).toEqual(rate('CSAT'));
    expect(headings('Workload')).toEqual(rate('Per agent'));
    // Quality and SLA are left out of the golden report (all n/a): their headings come from a
    // one-ticket export with every column and an SLA policy (no --by: only Period before them).
    const full = renderMarkdown(completeReport());
    const fullHeadings = (section: string): string[] => markdownSection(full, section)[0]!.slice(1);
    expect(fullHeadings('Quality')).toEqual([...rate('FCR'), ...rate('Reopened %'), ...rate('Escalated %'), ...rate('Abandoned %'), ...rate('Churn %')]);
    expect(fullHeadings('SLA')).toEqual([...rate('FR SLA'), ...rate('Res. SLA')]);
    expect(fullHeadings('Satisfaction')).toEqual([...rate('CSAT'), 'NPS', 'NPS responses']);
    expect(fullHeadings('Workload')).toEqual([...rate('Per customer'), ...rate('Per agent')]);
    // A ratio's sample reads tickets ÷ agents (or customers), not as a fraction.
    const workload = markdownSection(md, 'Workload').slice(2);
    expect(workload.map((cells) => cells.slice(2))).toEqual([
      ['1.00', '1 ÷ 1'],
      ['1.00', '1 ÷ 1'],
      ['n/a', '0 ÷ 0'],
      ['1.00', '1 ÷ 1'],
      ['1.50', '3 ÷ 2'],
    ]);
  });

  it('every table row has as many cells as its header, and an alignment row', () => {
    for (const table of markdownTables(renderMarkdown(golden()))) {
      const width = gfmCells(table[0]!).length;
      expect(gfmCells(table[1]!).every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
      for (const line of table) expect(gfmCells(line), line).toHaveLength(width);
    }
  });

  it('section tables: one line per row plus a total, (none) for a blank group, n/a for no data', () => {
    const speed = markdownSection(renderMarkdown(golden()), 'Speed');
    const heading = speed[0]!;
    expect(heading.slice(0, 2)).toEqual(['Period', 'agent']);
    const col = (name: string): number => {
      const i = heading.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const body = speed.slice(2);
    expect(body.map((cells) => cells.slice(0, 2))).toEqual([
      ['2026-W10', 'alice'],
      ['2026-W10', 'bob'],
      ['2026-W10', '(none)'],
      ['2026-W11', 'alice'],
      ['**Total**', ''],
    ]);
    expect(body.map((cells) => cells[col('First response median')])).toEqual(['42s', '12m 05s', 'n/a', '1h 05m', '12m 05s']);
    expect(body.map((cells) => cells[col('Resolution median')])).toEqual(['1h 05m', '2d 03h', 'n/a', '1d 00h', '1d 00h']);
    expect(body.map((cells) => cells[col('Resolution p90')])).toEqual(['1h 05m', '2d 03h', 'n/a', '1d 00h', '1d 21h']);
  });

  it('an agent name with |, a line break, a backslash or HTML never breaks a table row', () => {
    const agents = ['a|b', 'c\nd', 'e\\|f', 'g\\', '<b>h</b>', '|', 'x\r\n|y', 'tab\there'];
    const md = renderMarkdown(reportWithAgents(agents));
    const tables = markdownTables(md);
    // The headline, Volume, Speed and the input files: with only created_at and first_response_at
    // every metric of the other sections is n/a, and those sections are left out.
    expect(tables).toHaveLength(1 + 2 + 1);
    for (const table of tables) {
      const width = gfmCells(table[0]!).length;
      for (const line of table) expect(gfmCells(line), line).toHaveLength(width);
    }
    // No line of the document starts inside a table cell: every table line is a whole row.
    for (const table of tables.slice(1, 3)) expect(table).toHaveLength(2 + agents.length + 1);
    const shown = tables[1]!.slice(2, -1).map((line) => gfmText(gfmCells(line)[1]!));
    const expected = ['a|b', 'c d', 'e\\|f', 'g\\', '<b>h</b>', '|', 'x |y', 'tab here'];
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(md).not.toContain('<b>');
  });

  it('a file name with |, a line break or an escape sequence stays inside its cell of the input table', () => {
    const r = golden();
    const renamed: Report = { ...r, input: { ...r.input, files: [{ ...r.input.files[0]!, path: 'exports|march\n\u001b[31m.csv' }] } };
    const fileTable = markdownSection(renderMarkdown(renamed), 'Input');
    expect(fileTable).toHaveLength(3);
    for (const cells of fileTable) expect(cells).toHaveLength(7);
    expect(gfmText(fileTable[2]![0]!)).toBe('exports|march .csv');
  });

  it('escape sequences and direction overrides in the data never reach the document', () => {
    const md = renderMarkdown(reportWithAgents(['\u001b[31mred\u001b[0m', '\u202Eevil', '\u001b]8;;https://x.example\u0007link\u001b]8;;\u0007']));
    expect(md).not.toMatch(ANY_ESCAPE);
    expect(md).not.toContain('\u202E');
    expect(md).not.toContain('\u0007');
    expect(md).toContain('red');
    expect(md).toContain('link');
  });

  it('is rendered the same whatever the colour option', async () => {
    expect(await render(golden(), 'markdown', { color: true })).toBe(renderMarkdown(golden()));
  });

  it('the full golden report (file snapshot: review any change)', async () => {
    await expect(renderMarkdown(golden())).toMatchFileSnapshot('__snapshots__/golden-report.md');
  });
});

/** The cells of each body line of a cli-table3 table (lines starting with │), trimmed. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('│')
        .map((c) => c.trim()),
    );
}

/**
 * The terminal output's tables by section: each section's title line is followed by its table.
 * Returns, per section, the body lines' cells (header lines included).
 */
function tablesBySection(text: string): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (SECTIONS.includes(line)) {
      expect(sections.has(line), `${line} printed twice`).toBe(false);
      current = [];
      sections.set(line, current);
    } else if (current !== undefined && /^[┌├└]/.test(line)) {
      continue;
    } else if (current !== undefined && line.startsWith('│')) {
      current.push(tableRows(line)[0]!);
    } else {
      current = undefined;
    }
  }
  return sections;
}

describe('table', () => {
  it.each([
    ['week', [], 'Support metrics by week'],
    ['week', ['agent', 'team'], 'Support metrics by week and agent, team'],
    ['all', [], 'Support metrics, whole range'],
    ['all', ['agent'], 'Support metrics, whole range, by agent'],
  ] as const)('the title of a report by %s split by %j: %s', (period, by, title) => {
    expect(renderTable({ ...golden(), period, by: [...by] }, { paint: PLAIN }).split('\n')[0]).toBe(title);
  });

  it('one table per section, in order, each with the title of the section above it', () => {
    const sections = tablesBySection(renderTable(golden(), { paint: PLAIN }));
    // Quality and SLA: every metric n/a for the golden export, so left out (the notes say why).
    expect([...sections.keys()]).toEqual(['Volume', 'Speed', 'Satisfaction', 'Workload']);
    for (const [section, rows] of sections) {
      expect(rows[0]!.slice(0, 2), section).toEqual(['Period', 'agent']);
      // header, 4 rows, total (multi-line headings add a second header line)
      expect(rows.filter((cells) => cells[0] !== '' && cells[0] !== 'Period').map((cells) => cells.slice(0, 2)), section).toEqual([
        ['2026-W10', 'alice'],
        ['2026-W10', 'bob'],
        ['2026-W10', '(none)'],
        ['2026-W11', 'alice'],
        ['Total', ''],
      ]);
    }
  });

  it('shows humane durations, n/a for no data and (none) for a blank group', () => {
    const sections = tablesBySection(renderTable(golden(), { paint: PLAIN }));
    /** The metric cells (after Period and agent) of one row of one section's table. */
    const cells = (section: string, period: string, agent: string): string[] => {
      const found = sections.get(section)!.filter((c) => c[0] === period && c[1] === agent);
      expect(found, `${section} ${period} ${agent}`).toHaveLength(1);
      return found[0]!.slice(2);
    };
    const rows: [string, string][] = [
      ['2026-W10', 'alice'],
      ['2026-W10', 'bob'],
      ['2026-W10', '(none)'],
      ['2026-W11', 'alice'],
      ['Total', ''],
    ];
    const column = (section: string): string[][] => rows.map(([period, agent]) => cells(section, period, agent));
    // Created, Resolved, Backlog, Resolved %
    expect(column('Volume')).toEqual([
      ['1', '1', '0', '100.0%'],
      ['1', '1', '0', '100.0%'],
      ['1', '0', '1', '0.0%'],
      ['1', '1', '0', '100.0%'],
      ['4', '3', '1', '75.0%'],
    ]);
    // FR median, FR p90, Res median, Res p90 (handle and business-hours times: no column, not shown)
    expect(column('Speed')).toEqual([
      ['42s', '42s', '1h 05m', '1h 05m'],
      ['12m 05s', '12m 05s', '2d 03h', '2d 03h'],
      ['n/a', 'n/a', 'n/a', 'n/a'],
      ['1h 05m', '1h 05m', '1d 00h', '1d 00h'],
      ['12m 05s', '54m 25s', '1d 00h', '1d 21h'],
    ]);
    // FCR, Reopened %, Escalated %, Abandoned %, Churn %: no column for any of them, no section
    expect(sections.has('Quality')).toBe(false);
    // CSAT (NPS: no nps column, not shown)
    expect(column('Satisfaction')).toEqual([['100.0%'], ['0.0%'], ['n/a'], ['100.0%'], ['66.7%']]);
    // FR SLA, Res. SLA: no policy, no section
    expect(sections.has('SLA')).toBe(false);
    // Per agent (Per customer: no customer column, not shown)
    expect(column('Workload')).toEqual([
      ['1.00'],
      ['1.00'],
      ['n/a'],
      ['1.00'],
      ['1.50'],
    ]);
  });

  it('no ANSI escapes when colour is off; colour when it is on', async () => {
    expect(renderTable(golden(), { paint: PLAIN })).not.toMatch(ANY_ESCAPE);
    expect(await render(golden(), 'table', { color: false })).not.toMatch(ANY_ESCAPE);
    expect(await render(golden(), 'table', { color: true })).toMatch(ANY_ESCAPE);
    expect(renderTable(golden(), { paint: COLOUR })).toMatch(ANY_ESCAPE);
  });

  it.each([false, true])('an agent name with an escape sequence or a direction override never reaches the output raw (colour %s)', (color) => {
    const agents = ['\u001b[31mred\u001b[0m', '\u202Eevil', '\u001b]8;;https://x.example\u0007link\u001b]8;;\u0007', '\u009b2Jc1', 'bell\u0007', 'two\nlines'];
    const text = renderTable(reportWithAgents(agents), { paint: color ? COLOUR : PLAIN });
    expect(text).not.toContain('\u001b[31m');
    expect(text).not.toContain('\u001b]');
    expect(text).not.toContain('\u202E');
    expect(text).not.toContain('\u009b');
    expect(text).not.toContain('\u0007');
    if (!color) expect(text).not.toMatch(ANY_ESCAPE);
    const labels = tableRows(text).map((cells) => cells[1]);
    expect(labels).toEqual(expect.arrayContaining(['red', 'evil', 'link', 'two lines']));
  });

  it('the title names the period and the split, and the input summary is printed', () => {
    const text = renderTable(golden(), { paint: PLAIN });
    expect(text.split('\n')[0]).toMatch(/week/);
    expect(text.split('\n')[0]).toMatch(/agent/);
    expect(text).toContain('2026-03-02T00:00:00+00:00');
    expect(text).toMatch(/\b4 tickets\b/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('one line per input file, read = header + blank + used + duplicates + rejected, then the totals', () => {
    const r = golden();
    const files = [
      { path: 'samples/tickets.csv', read: 3001, header: 1, blank: 0, folded: 0, records: 2940, duplicates: 30, rejected: 30, setAside: 0 },
      { path: 'odd\u001b[31m\nname.json', read: 3, header: 0, blank: 1, folded: 0, records: 1, duplicates: 1, rejected: 0, setAside: 0 },
    ];
    const input = { records: 2941, rejected: 30, duplicates: 31, folded: 0, setAside: 0, files };
    const lines = renderTable({ ...r, input }, { paint: PLAIN }).split('\n');
    const first = lines.indexOf('samples/tickets.csv: 3,001 read = 1 header + 0 blank + 2,940 used + 30 duplicates + 30 rejected');
    expect(first).toBeGreaterThan(lines.findLastIndex((l) => l.startsWith('└')));
    expect(lines.slice(first + 1, first + 3)).toEqual([
      'odd name.json: 3 read = 0 headers + 1 blank + 1 used + 1 duplicate + 0 rejected',
      '2,941 tickets from 2 files · 30 records rejected · 31 duplicates',
    ]);
  });

  it('wide characters (CJK, emoji), combining marks and invisible characters keep the columns aligned', () => {
    const agents = ['李小龙', '😀 Emoji', 'Zoë', 'Zoe\u0308 (combining)', '한국어', 'ｆｕｌｌ', 'zero\u200bwidth', 'plain'];
    const text = renderTable(reportWithAgents(agents), { paint: PLAIN });
    const tables = text.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tables.length).toBeGreaterThan(2 * agents.length);
    const lines = text.split('\n');
    for (let start = 0; start < lines.length; start++) {
      if (!lines[start]!.startsWith('┌')) continue;
      const end = lines.findIndex((l, i) => i > start && l.startsWith('└'));
      const table = lines.slice(start, end + 1);
      expect(new Set(table.map(stringWidth)), table.join('\n')).toHaveLength(1);
      expect(new Set(table.map(eastAsianWidth)), table.join('\n')).toHaveLength(1);
      start = end;
    }
    expect(text).toContain('李小龙');
    expect(text).toContain('zerowidth');
  });

  it('the full golden table (file snapshot: review any change)', async () => {
    await expect(renderTable(golden(), { paint: PLAIN })).toMatchFileSnapshot('__snapshots__/golden-report.table.txt');
  });
});

describe('a metric that cannot be computed (its column is in no input file)', () => {
  // Only id, created_at and solved_at: first response and CSAT have no column, so they are null
  // in every row and the report says why.
  const partial = (): Report =>
    reportOf([
      { id: '1', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T10:00:00Z' },
      { id: '2', created_at: '2026-03-03T09:00:00Z' },
    ]);

  // Worked out from each metric's columns (src/metrics/*.ts `needs`): with id, created_at and
  // solved_at only, every metric that needs another column is null; resolution_sla has its
  // column but no SLA policy (no config).
  const PARTIAL_NOTES: Record<string, string> = {
    first_response_time: 'no input file has the first_response_at column',
    handle_time: 'no input file has the handle_time column',
    business_first_response_time: 'no input file has the business_first_response_time column',
    business_resolution_time: 'no input file has the business_resolution_time column',
    first_contact_resolution: 'no input file has the agent_replies column',
    reopen_rate: 'no input file has the reopens column',
    escalation_rate: 'no input file has the escalated column',
    cancellation_rate: 'no input file has the tags column',
    csat: 'no input file has the satisfaction column',
    nps: 'no input file has the nps column',
    first_response_sla: 'no input file has the first_response_at column',
    resolution_sla: 'no SLA policy in the config has a resolution target',
    tickets_per_customer: 'no input file has the customer column',
    resolved_per_agent: 'no input file has the agent column',
  };
  // abandonment_rate misses two of its columns (answered or channel, answered or first_response_at): the note names both.
  const PARTIAL_NULL = [...Object.keys(PARTIAL_NOTES), 'abandonment_rate'].sort();

  it('JSON: null (never 0 or an empty duration) and a note per metric', () => {
    const parsed = JSON.parse(renderJson(partial()));
    const notes = parsed.notes as { metric: string; message: string }[];
    expect(notes.map((n) => n.metric).sort()).toEqual(PARTIAL_NULL);
    for (const note of notes) {
      if (note.metric === 'abandonment_rate') {
        expect(note.message).toBe('no input file has the columns answered or channel and answered or first_response_at');
      } else {
        expect(note.message, note.metric).toBe(PARTIAL_NOTES[note.metric]);
      }
    }
    for (const id of PARTIAL_NULL) {
      for (const row of parsed.rows) expect(row.metrics[id], id).toBeNull();
      expect(parsed.totals.metrics[id], id).toBeNull();
    }
    expect(parsed.rows[0].metrics.csat).toBeNull();
    expect(parsed.rows[0].metrics.first_response_time).toBeNull();
    expect(parsed.totals.metrics.csat).toBeNull();
    expect(parsed.rows[0].metrics.tickets_resolved).toBe(1);
  });

  it('CSV: every column of such a metric is an empty cell', () => {
    const [row] = parseCsv(renderCsv(partial()), { columns: true }) as Record<string, string>[];
    expect([row!['csat.numerator'], row!['csat.denominator'], row!['csat.value']]).toEqual(['', '', '']);
    expect(row!['first_response_time.count']).toBe('');
    expect(row!['tickets_created']).toBe('2');
  });

  it('table: n/a in its cells, and the reason printed under the table', () => {
    const text = renderTable(partial(), { paint: PLAIN });
    const sections = tablesBySection(text);
    const total = (section: string): string[] => sections.get(section)!.find((cells) => cells[0] === 'Total')!.slice(1);
    // Created, Resolved, Backlog, Resolved %
    expect(total('Volume')).toEqual(['2', '1', '1', '50.0%']);
    // Res median, Res p90: the only Speed metric with its column
    expect(total('Speed')).toEqual(['1h 00m', '1h 00m']);
    // Every metric of Quality, Satisfaction, SLA and Workload is n/a: those sections are left out.
    expect([...sections.keys()]).toEqual(['Volume', 'Speed']);
    for (const id of PARTIAL_NULL) expect(text).toMatch(new RegExp(`^n/a: ${id}: no `, 'm'));
    expect(text).toContain('n/a: csat: no input file has the satisfaction column\n');
    expect(text).toContain('n/a: resolution_sla: no SLA policy in the config has a resolution target\n');
  });

  it('Markdown: n/a in its cells and a Notes section naming it', () => {
    const md = renderMarkdown(partial());
    expect(md).toContain('## Notes');
    for (const id of PARTIAL_NULL) expect(md).toMatch(new RegExp(`^- \`${id}\` is n/a: no .*\\.$`, 'm'));
    // CSAT and NPS are both n/a, so there is no Satisfaction table; Speed shows only resolution time.
    expect(md).not.toContain('## Satisfaction');
    const speed = markdownSection(md, 'Speed');
    expect(speed[0]!.slice(1)).toEqual(['Resolution n', 'Resolution mean', 'Resolution median', 'Resolution p90']);
    // The total row: one resolution of 1 h.
    expect(speed.at(-1)!.slice(1)).toEqual(['1', '1h 00m', '1h 00m', '1h 00m']);
  });
});

describe('every renderer', () => {
  it.each(['table', 'markdown', 'json', 'csv'] as const)('%s: the same Report gives byte-identical output', async (format) => {
    expect(await render(golden(), format, { color: false })).toBe(await render(golden(), format, { color: false }));
  });

  it.each(['table', 'markdown', 'json', 'csv'] as const)('%s: rendering does not change the Report', async (format) => {
    const r = golden();
    const before = structuredClone(r);
    await render(r, format, { color: true });
    expect(r).toEqual(before);
  });
});
