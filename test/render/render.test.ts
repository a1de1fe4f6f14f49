import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import type { DurationValue } from '../../src/metrics/types.js';
import type { Report } from '../../src/report/types.js';
import { reportOf, type TicketInput } from '../helpers/build.js';

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
 */
const GOLDEN_TICKETS: TicketInput[] = [
  { id: '1', created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:00:42Z', solved_at: '2026-03-02T10:05:00Z', agent: 'alice', satisfaction: 'good' },
  { id: '2', created_at: '2026-03-03T08:00:00Z', first_response_at: '2026-03-03T08:12:05Z', solved_at: '2026-03-05T11:00:00Z', agent: 'bob', satisfaction: 2 },
  { id: '3', created_at: '2026-03-04T12:00:00Z', agent: '', satisfaction: '' },
  { id: '4', created_at: '2026-03-10T09:00:00Z', first_response_at: '2026-03-10T10:05:00Z', closed_at: '2026-03-11T09:00:00Z', agent: 'alice', satisfaction: 5 },
];

const golden = (): Report => reportOf(GOLDEN_TICKETS, { by: ['agent'], period: 'week' });

/** A report split by agent, one ticket per agent name, all in one week. */
function reportWithAgents(agents: string[]): Report {
  return reportOf(
    agents.map((agent, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:01:00Z', agent })),
    { by: ['agent'] },
  );
}

// eslint-disable-next-line no-control-regex
const ANY_ESCAPE = /\u001b/;

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
    });
    expect(r.rows[2]!.metrics).toEqual({
      tickets_created: 1,
      tickets_resolved: 0,
      backlog: 1,
      resolution_rate: { numerator: 0, denominator: 1, value: 0 },
      first_response_time: { count: 0, mean: null, median: null, p90: null },
      resolution_time: { count: 0, mean: null, median: null, p90: null },
      csat: { numerator: 0, denominator: 0, value: null },
    });
    expect(r.totals.metrics).toEqual({
      tickets_created: 4,
      tickets_resolved: 3,
      backlog: 1,
      resolution_rate: { numerator: 3, denominator: 4, value: 0.75 },
      first_response_time: { count: 3, mean: 4667 / 3, median: 725, p90: 3265 },
      resolution_time: { count: 3, mean: 91_300, median: 86_400, p90: 164_160 },
      csat: { numerator: 2, denominator: 3, value: 2 / 3 },
    });
    expect(r.range).toEqual({ from: '2026-03-02T00:00:00+00:00', to: '2026-03-16T00:00:00+00:00' });
  });
});

describe('JSON', () => {
  it('is the Report itself', () => {
    const r = golden();
    const text = renderJson(r);
    expect(JSON.parse(text)).toEqual(r);
    expect(text.endsWith('}\n')).toBe(true);
    expect(render(r, 'json', { color: true })).toBe(text);
  });

  it('has exactly the top-level keys of the spec, plus inputTimezone, metrics and notes', () => {
    const parsed = JSON.parse(renderJson(golden())) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(
      ['schema', 'timezone', 'inputTimezone', 'period', 'by', 'range', 'input', 'metrics', 'notes', 'rows', 'totals'].sort(),
    );
    expect(parsed).toMatchObject({ schema: 'support-metrics/report@1', timezone: 'UTC', inputTimezone: 'UTC', period: 'week', by: ['agent'] });
  });

  it('input, rows and totals have the shapes of the spec', () => {
    const parsed = JSON.parse(renderJson(golden()));
    expect(Object.keys(parsed.range).sort()).toEqual(['from', 'to']);
    expect(parsed.input).toEqual({
      records: 4,
      rejected: 0,
      duplicates: 0,
      files: [{ path: 'file1.json', records: 4, rejected: 0, duplicates: 0 }],
    });
    for (const row of parsed.rows) expect(Object.keys(row)).toEqual(['period', 'start', 'end', 'agent', 'metrics']);
    expect(Object.keys(parsed.totals)).toEqual(['metrics']);
    expect(Object.keys(parsed.totals.metrics)).toEqual([
      'tickets_created',
      'tickets_resolved',
      'backlog',
      'resolution_rate',
      'first_response_time',
      'resolution_time',
      'csat',
    ]);
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

  it('is the same text for the same report, whatever the colour option', () => {
    expect(render(golden(), 'json', { color: false })).toBe(render(golden(), 'json', { color: true }));
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
    'csat.numerator',
    'csat.denominator',
    'csat.value',
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
    });
  });

  it('numbers are written in full (no rounding, no thousands separators)', () => {
    const r = reportOf(
      [
        { id: '1', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T09:00:01Z' },
        { id: '2', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-02T09:00:01Z' },
        { id: '3', created_at: '2026-03-02T09:00:00Z', solved_at: '2026-03-14T09:00:00Z' },
      ],
      { period: 'all' },
    );
    const [row] = parseCsv(renderCsv(r), { columns: true }) as Record<string, string>[];
    // resolution times 1, 1 and 1,036,800 s: mean 345,600.666…, p90 = 1 + 0.8 × 1,036,799 = 829,440.2
    expect(row!['resolution_time.count']).toBe('3');
    expect(row!['resolution_time.mean']).toMatch(/^345600\.6666666/);
    expect(Number(row!['resolution_time.mean'])).toBe((r.rows[0]!.metrics.resolution_time as DurationValue).mean);
    expect(Number(row!['resolution_time.p90'])).toBeCloseTo(829_440.2, 6);
    expect(row!['resolution_time.median']).toBe('1');
  });

  it('a dimension value holding a comma, a quote or a line break is quoted and reads back unchanged', () => {
    const agents = ['Doe, "JJ"', 'two\nlines', 'crlf\r\nline', 'plain', ' "quoted" '];
    const r = reportWithAgents(agents);
    const records = parseCsv(renderCsv(r), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(r.rows.length);
    expect(records.map((rec) => rec.agent)).toEqual(r.rows.map((row) => row.agent));
    expect(new Set(records.map((rec) => rec.agent))).toEqual(new Set(agents.map((a) => a.trim())));
    for (const rec of records) expect(rec['first_response_time.median']).toBe('60');
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

describe('Markdown', () => {
  it('title, range, zone, input summary, then a file table and one table per section', () => {
    const md = renderMarkdown(golden());
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Support metrics');
    expect(md).toContain('2026-03-02T00:00:00+00:00');
    expect(md).toContain('2026-03-16T00:00:00+00:00');
    expect(md).toContain('UTC');
    expect(md).toMatch(/\b4 tickets\b/);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Volume', '## Speed', '## Satisfaction']);
    expect(markdownTables(md)).toHaveLength(4);
  });

  it('every table row has as many cells as its header, and an alignment row', () => {
    for (const table of markdownTables(renderMarkdown(golden()))) {
      const width = gfmCells(table[0]!).length;
      expect(gfmCells(table[1]!).every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
      for (const line of table) expect(gfmCells(line), line).toHaveLength(width);
    }
  });

  it('section tables: one line per row plus a total, (none) for a blank group, n/a for no data', () => {
    const speed = markdownTables(renderMarkdown(golden()))[2]!.map(gfmCells);
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
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const width = gfmCells(table[0]!).length;
      for (const line of table) expect(gfmCells(line), line).toHaveLength(width);
    }
    // No line of the document starts inside a table cell: every table line is a whole row.
    for (const table of tables.slice(1)) expect(table).toHaveLength(2 + agents.length + 1);
    const shown = tables[1]!.slice(2, -1).map((line) => gfmText(gfmCells(line)[1]!));
    const expected = ['a|b', 'c d', 'e\\|f', 'g\\', '<b>h</b>', '|', 'x |y', 'tab here'];
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(md).not.toContain('<b>');
  });

  it('a file name with |, a line break or an escape sequence stays inside its cell of the file table', () => {
    const r = golden();
    const renamed: Report = { ...r, input: { ...r.input, files: [{ ...r.input.files[0]!, path: 'exports|march\n\u001b[31m.csv' }] } };
    const fileTable = markdownTables(renderMarkdown(renamed))[0]!;
    expect(fileTable).toHaveLength(3);
    for (const line of fileTable) expect(gfmCells(line)).toHaveLength(4);
    expect(gfmText(gfmCells(fileTable[2]!)[0]!)).toBe('exports|march .csv');
  });

  it('escape sequences and direction overrides in the data never reach the document', () => {
    const md = renderMarkdown(reportWithAgents(['\u001b[31mred\u001b[0m', '\u202Eevil', '\u001b]8;;https://x.example\u0007link\u001b]8;;\u0007']));
    expect(md).not.toMatch(ANY_ESCAPE);
    expect(md).not.toContain('\u202E');
    expect(md).not.toContain('\u0007');
    expect(md).toContain('red');
    expect(md).toContain('link');
  });

  it('is rendered the same whatever the colour option', () => {
    expect(render(golden(), 'markdown', { color: true })).toBe(renderMarkdown(golden()));
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

describe('table', () => {
  it('shows humane durations, n/a for no data and (none) for a blank group', () => {
    const text = renderTable(golden(), { color: false });
    const rows = tableRows(text);
    const byLabel = (period: string, agent: string): string[] => {
      const found = rows.filter((cells) => cells[0] === period && cells[1] === agent);
      expect(found, `${period} ${agent}`).toHaveLength(1);
      return found[0]!;
    };
    // columns: Period, agent, Created, Resolved, Backlog, Resolved %, FR median, FR p90, Res median, Res p90, CSAT
    expect(byLabel('2026-W10', 'alice')).toEqual(['2026-W10', 'alice', '1', '1', '0', '100.0%', '42s', '42s', '1h 05m', '1h 05m', '100.0%']);
    expect(byLabel('2026-W10', 'bob')).toEqual(['2026-W10', 'bob', '1', '1', '0', '100.0%', '12m 05s', '12m 05s', '2d 03h', '2d 03h', '0.0%']);
    expect(byLabel('2026-W10', '(none)')).toEqual(['2026-W10', '(none)', '1', '0', '1', '0.0%', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
    expect(byLabel('2026-W11', 'alice')).toEqual(['2026-W11', 'alice', '1', '1', '0', '100.0%', '1h 05m', '1h 05m', '1d 00h', '1d 00h', '100.0%']);
    expect(byLabel('Total', '')).toEqual(['Total', '', '4', '3', '1', '75.0%', '12m 05s', '54m 25s', '1d 00h', '1d 21h', '66.7%']);
  });

  it('no ANSI escapes when colour is off; colour when it is on', () => {
    expect(renderTable(golden(), { color: false })).not.toMatch(ANY_ESCAPE);
    expect(render(golden(), 'table', { color: false })).not.toMatch(ANY_ESCAPE);
    expect(renderTable(golden(), { color: true })).toMatch(ANY_ESCAPE);
  });

  it.each([false, true])('an agent name with an escape sequence or a direction override never reaches the output raw (colour %s)', (color) => {
    const agents = ['\u001b[31mred\u001b[0m', '\u202Eevil', '\u001b]8;;https://x.example\u0007link\u001b]8;;\u0007', '\u009b2Jc1', 'bell\u0007', 'two\nlines'];
    const text = renderTable(reportWithAgents(agents), { color });
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
    const text = renderTable(golden(), { color: false });
    expect(text.split('\n')[0]).toMatch(/week/);
    expect(text.split('\n')[0]).toMatch(/agent/);
    expect(text).toContain('2026-03-02T00:00:00+00:00');
    expect(text).toMatch(/\b4 tickets\b/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('the full golden table (file snapshot: review any change)', async () => {
    await expect(renderTable(golden(), { color: false })).toMatchFileSnapshot('__snapshots__/golden-report.table.txt');
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

  it('JSON: null (never 0 or an empty duration) and a note per metric', () => {
    const parsed = JSON.parse(renderJson(partial()));
    expect(parsed.notes.map((n: { metric: string }) => n.metric).sort()).toEqual(['csat', 'first_response_time']);
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
    const text = renderTable(partial(), { color: false });
    const [, row] = tableRows(text).filter((cells) => cells[0] === '2026-W10' || cells[0] === 'Total');
    expect(row![0]).toBe('Total');
    // Period, Created, Resolved, Backlog, Resolved %, FR median, FR p90, Res median, Res p90, CSAT
    expect([row![5], row![6], row![9]]).toEqual(['n/a', 'n/a', 'n/a']);
    expect(text).toMatch(/n\/a: csat: /);
    expect(text).toMatch(/n\/a: first_response_time: /);
  });

  it('Markdown: n/a in its cells and a Notes section naming it', () => {
    const md = renderMarkdown(partial());
    expect(md).toContain('## Notes');
    expect(md).toMatch(/`csat`/);
    const satisfaction = markdownTables(md)[3]!.map(gfmCells);
    expect(satisfaction.slice(2).map((cells) => cells.slice(1))).toEqual([
      ['n/a', 'n/a'],
      ['n/a', 'n/a'],
    ]);
  });
});

describe('every renderer', () => {
  it.each(['table', 'markdown', 'json', 'csv'] as const)('%s: the same Report gives byte-identical output', (format) => {
    expect(render(golden(), format, { color: false })).toBe(render(golden(), format, { color: false }));
  });

  it.each(['table', 'markdown', 'json', 'csv'] as const)('%s: rendering does not change the Report', (format) => {
    const r = golden();
    const before = structuredClone(r);
    render(r, format, { color: true });
    expect(r).toEqual(before);
  });
});
