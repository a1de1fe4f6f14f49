import { describe, expect, it } from 'vitest';
import { mermaidCharts, sparkline } from '../../src/render/charts.js';
import type { DurationValue, MetricValue, RateValue } from '../../src/metrics/types.js';
import type { Report } from '../../src/report/types.js';
import { reportOf, type TicketInput } from '../helpers/build.js';

/** One chart entry read back: the Mermaid parts (null when the entry is a summary line alone) and the summary. */
interface ParsedChart {
  mermaid: {
    title: string;
    labels: string[];
    yAxis: { title: string; min: number; max: number };
    series: { kind: string; name: string; values: number[] }[];
  } | null;
  summary: string;
}

const QUOTED = /"([^"]*)"/g;
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** Reads an entry back as a Mermaid xychart-beta parser would, strictly: any unexpected line fails. */
function parse(entry: string): ParsedChart {
  const fence = /^```mermaid\n([\s\S]*?)\n```\n\n([^\n]*)$/.exec(entry);
  if (fence === null) {
    expect(entry).not.toContain('\n');
    return { mermaid: null, summary: entry };
  }
  const lines = fence[1]!.split('\n').map((l) => l.trim());
  expect(lines[0]).toBe('xychart-beta');
  let title = '';
  let labels: string[] = [];
  let yAxis = { title: '', min: NaN, max: NaN };
  const series: { kind: string; name: string; values: number[] }[] = [];
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^title "([^"]*)"$/.exec(line)) !== null) title = m[1]!;
    else if ((m = /^x-axis \[(.*)\]$/.exec(line)) !== null) {
      labels = [...m[1]!.matchAll(QUOTED)].map((q) => q[1]!);
      expect(m[1]!.replace(QUOTED, '').replace(/[,\s]/g, '')).toBe('');
    } else if ((m = /^y-axis "([^"]*)" (\S+) --> (\S+)$/.exec(line)) !== null) {
      expect(m[2]).toMatch(NUMBER);
      expect(m[3]).toMatch(NUMBER);
      yAxis = { title: m[1]!, min: Number(m[2]), max: Number(m[3]) };
    } else if ((m = /^(bar|line) "([^"]*)" \[(.*)\]$/.exec(line)) !== null) {
      const texts = m[3]!.split(',').map((t) => t.trim());
      for (const t of texts) expect(t).toMatch(NUMBER);
      series.push({ kind: m[1]!, name: m[2]!, values: texts.map(Number) });
    } else throw new Error(`unexpected Mermaid line: ${line}`);
  }
  for (const s of series) expect(s.values).toHaveLength(labels.length);
  return { mermaid: { title, labels, yAxis, series }, summary: fence[2]! };
}

function chartTitled(report: Report, title: string, options?: { maxGroups?: number }): ParsedChart {
  const found = mermaidCharts(report, options).map(parse).find((c) => c.mermaid?.title === title || c.summary.startsWith(`${title}: `));
  if (found === undefined) throw new Error(`no chart "${title}"`);
  return found;
}

const seriesNamed = (chart: ParsedChart, name: string): number[] | undefined => chart.mermaid?.series.find((s) => s.name === name)?.values;

const value = (report: Report, id: string): MetricValue[] => report.rows.map((row) => row.metrics[id] ?? null);
const counts = (report: Report, id: string): (number | null)[] => value(report, id).map((v) => v as number | null);
const medians = (report: Report, id: string): (number | null)[] => value(report, id).map((v) => (v as DurationValue | null)?.median ?? null);
const percents = (report: Report, id: string): (number | null)[] =>
  value(report, id).map((v) => {
    const share = (v as RateValue | null)?.value ?? null;
    return share === null ? null : Number((share * 100).toFixed(1));
  });

const at = (day: string, time: string): string => `2026-03-${day}T${time}:00Z`;

/**
 * Three ISO weeks (W10: 2–8 March, W11: 9–15, W12: 16–22), every value present:
 * W10 3 created (responses 1h, 3h, 30m; 2 resolved, after 5h and 26h; ratings good, good, bad),
 * W11 2 created (responses 2h, 4h; 1 resolved, after 2d; rating good), W12 1 created (response 6h,
 * resolved after 10h, rated bad). Resolved and rated in the period of the resolution: 2, 1, 1.
 */
const FULL: TicketInput[] = [
  { id: '1', created_at: at('02', '09:00'), first_response_at: at('02', '10:00'), solved_at: at('02', '14:00'), satisfaction: 'good' },
  { id: '2', created_at: at('03', '09:00'), first_response_at: at('03', '12:00'), solved_at: at('04', '11:00'), satisfaction: 'good' },
  { id: '3', created_at: at('04', '09:00'), first_response_at: at('04', '09:30'), satisfaction: 'bad' },
  { id: '4', created_at: at('09', '09:00'), first_response_at: at('09', '11:00'), solved_at: at('11', '09:00'), satisfaction: 'good' },
  { id: '5', created_at: at('10', '09:00'), first_response_at: at('10', '13:00') },
  { id: '6', created_at: at('16', '08:00'), first_response_at: at('16', '14:00'), solved_at: at('16', '18:00'), satisfaction: 'bad' },
];
const SLA_CONFIG = { sla: [{ name: 'All', firstResponse: '2h', resolution: '1d' }] };

describe('mermaidCharts without --by', () => {
  const report = reportOf(FULL, { period: 'week', config: SLA_CONFIG });
  const charts = mermaidCharts(report).map(parse);

  it('draws the three charts, each a fenced xychart-beta block and a one-line summary', () => {
    expect(charts.map((c) => c.mermaid?.title)).toEqual([
      'Tickets created and resolved per period',
      'Median first response and resolution time',
      'CSAT and SLA achievement',
    ]);
    for (const chart of charts) {
      expect(chart.mermaid!.labels).toEqual(report.rows.map((r) => r.period));
      expect(chart.summary).toContain('(2026-W10 to 2026-W12)');
    }
  });

  it('charts exactly the tickets created and resolved of each row, as bars from 0', () => {
    const chart = chartTitled(report, 'Tickets created and resolved per period');
    expect(chart.mermaid!.series.map((s) => s.kind)).toEqual(['bar', 'bar']);
    expect(seriesNamed(chart, 'Tickets created')).toEqual(counts(report, 'tickets_created'));
    expect(seriesNamed(chart, 'Tickets resolved')).toEqual(counts(report, 'tickets_resolved'));
    expect(counts(report, 'tickets_created')).toEqual([3, 2, 1]);
    expect(chart.mermaid!.yAxis).toEqual({ title: 'Tickets', min: 0, max: 3 });
    expect(chart.summary).toBe('Tickets created: 3, 2, 1 (2026-W10 to 2026-W12); Tickets resolved: 2, 1, 1.');
  });

  it('charts the median times in hours, 2 decimals, when some median is 2 hours or more', () => {
    const chart = chartTitled(report, 'Median first response and resolution time');
    expect(chart.mermaid!.yAxis.title).toBe('Hours');
    const hours = (seconds: (number | null)[]): (number | null)[] => seconds.map((s) => (s === null ? null : Number((s / 3600).toFixed(2))));
    expect(seriesNamed(chart, 'Median first response time, hours')).toEqual(hours(medians(report, 'first_response_time')));
    expect(seriesNamed(chart, 'Median resolution time, hours')).toEqual(hours(medians(report, 'resolution_time')));
    expect(seriesNamed(chart, 'Median first response time, hours')).toEqual([1, 3, 6]);
    expect(chart.mermaid!.series.every((s) => s.kind === 'line')).toBe(true);
  });

  it('switches to minutes when every median is under 2 hours', () => {
    const quick = reportOf(
      [
        { id: '1', created_at: at('02', '09:00'), first_response_at: at('02', '09:10'), solved_at: at('02', '10:30') },
        { id: '2', created_at: at('09', '09:00'), first_response_at: at('09', '09:00'), solved_at: at('09', '10:59') },
      ],
      { period: 'week' },
    );
    const chart = chartTitled(quick, 'Median first response and resolution time');
    expect(chart.mermaid!.yAxis.title).toBe('Minutes');
    const minutes = (seconds: (number | null)[]): (number | null)[] => seconds.map((s) => (s === null ? null : Number((s / 60).toFixed(2))));
    expect(seriesNamed(chart, 'Median first response time, minutes')).toEqual(minutes(medians(quick, 'first_response_time')));
    expect(seriesNamed(chart, 'Median resolution time, minutes')).toEqual([90, 119]);
  });

  it('charts CSAT and SLA achievement in percent, 1 decimal, on a 0 to 100 axis', () => {
    const chart = chartTitled(report, 'CSAT and SLA achievement');
    expect(chart.mermaid!.yAxis).toEqual({ title: 'Percent', min: 0, max: 100 });
    expect(seriesNamed(chart, 'Customer satisfaction (CSAT), %')).toEqual(percents(report, 'csat'));
    expect(seriesNamed(chart, 'First response SLA achieved, %')).toEqual(percents(report, 'first_response_sla'));
    expect(seriesNamed(chart, 'Resolution SLA achieved, %')).toEqual(percents(report, 'resolution_sla'));
    expect(seriesNamed(chart, 'Customer satisfaction (CSAT), %')).toEqual([66.7, 100, 0]);
  });

  it('leaves out the metrics that are n/a everywhere, and the charts left with none', () => {
    const noSla = reportOf(FULL, { period: 'week' });
    const quality = chartTitled(noSla, 'CSAT and SLA achievement');
    expect(quality.mermaid!.series.map((s) => s.name)).toEqual(['Customer satisfaction (CSAT), %']);
    expect(quality.summary).not.toContain('SLA achieved');
    const bare = reportOf(
      [
        { id: '1', created_at: at('02', '09:00') },
        { id: '2', created_at: at('09', '09:00') },
      ],
      { period: 'week' },
    );
    expect(mermaidCharts(bare).map((c) => parse(c).mermaid?.title)).toEqual(['Tickets created and resolved per period']);
  });

  it('charts only the metrics in the report', () => {
    const ids = new Set(['tickets_created', 'csat']);
    const some = { ...report, metrics: report.metrics.filter((m) => ids.has(m.id)) };
    const charts = mermaidCharts(some).map(parse);
    expect(charts.map((c) => c.mermaid?.series.map((s) => s.name))).toEqual([['Tickets created'], ['Customer satisfaction (CSAT), %']]);
  });

  it('is deterministic', () => {
    expect(mermaidCharts(reportOf(FULL, { period: 'week', config: SLA_CONFIG }))).toEqual(mermaidCharts(report));
  });

  it('draws nothing for a report without rows, and rejects a maxGroups that is not a positive integer', () => {
    expect(mermaidCharts({ ...report, rows: [] })).toEqual([]);
    expect(() => mermaidCharts(report, { maxGroups: 0 })).toThrow(RangeError);
    expect(() => mermaidCharts(report, { maxGroups: 2.5 })).toThrow(RangeError);
  });
});

describe('periods without data', () => {
  /** W11 has a ticket but no response, resolution or rating: those are n/a there, never 0. */
  const gappy = reportOf(
    [
      { id: '1', created_at: at('02', '09:00'), first_response_at: at('02', '12:00'), solved_at: at('02', '15:00'), satisfaction: 'good' },
      { id: '2', created_at: at('10', '09:00') },
      { id: '3', created_at: at('16', '09:00'), first_response_at: at('16', '10:00'), solved_at: at('16', '19:00'), satisfaction: 'bad' },
    ],
    { period: 'week' },
  );

  it('has the n/a periods the test needs', () => {
    expect(medians(gappy, 'first_response_time')).toEqual([10_800, null, 3600]);
    expect(percents(gappy, 'csat')).toEqual([100, null, 0]);
  });

  it('never plots a null: a series with one is left out of the chart, and the summary says so', () => {
    const speed = chartTitled(gappy, 'Median first response and resolution time');
    expect(speed.mermaid).toBeNull();
    expect(speed.summary).toBe(
      'Median first response and resolution time: Median first response time, hours: 3, n/a, 1 (2026-W10 to 2026-W12); Median resolution time, hours: 6, n/a, 10. ' +
        'Not charted, as Mermaid cannot leave a gap and n/a is not 0: Median first response time, hours (n/a in 2026-W11); Median resolution time, hours (n/a in 2026-W11).',
    );
    const quality = chartTitled(gappy, 'CSAT and SLA achievement');
    expect(quality.mermaid).toBeNull();
    expect(quality.summary).toContain('Customer satisfaction (CSAT), %: 100, n/a, 0');
  });

  it('keeps the series without gaps in the chart and names the ones left out', () => {
    const mixed = reportOf(
      [
        { id: '1', created_at: at('02', '09:00'), first_response_at: at('02', '12:00'), solved_at: at('02', '15:00') },
        { id: '2', created_at: at('10', '09:00'), first_response_at: at('10', '10:00') },
        { id: '3', created_at: at('16', '09:00'), first_response_at: at('16', '10:00'), solved_at: at('16', '19:00') },
      ],
      { period: 'week' },
    );
    expect(medians(mixed, 'resolution_time')).toEqual([21_600, null, 36_000]);
    const chart = chartTitled(mixed, 'Median first response and resolution time');
    expect(chart.mermaid!.series.map((s) => s.name)).toEqual(['Median first response time, hours']);
    expect(seriesNamed(chart, 'Median first response time, hours')).toEqual([3, 1, 1]);
    expect(chart.summary).toContain('Median resolution time, hours: 6, n/a, 10');
    expect(chart.summary).toContain('Not charted, as Mermaid cannot leave a gap and n/a is not 0: Median resolution time, hours (n/a in 2026-W11).');
  });

  it('a count of 0 is a value, charted as 0', () => {
    const chart = chartTitled(gappy, 'Tickets created and resolved per period');
    expect(seriesNamed(chart, 'Tickets resolved')).toEqual([1, 0, 1]);
    expect(counts(gappy, 'tickets_resolved')).toEqual([1, 0, 1]);
  });

  it('lists at most three gap periods, then counts the rest', () => {
    const weeks = ['02', '09', '16', '23', '30'];
    const tickets: TicketInput[] = weeks.map((day, i) => ({ id: String(i), created_at: at(day, '09:00'), ...(i === 0 ? { first_response_at: at(day, '10:00') } : {}) }));
    const chart = chartTitled(reportOf(tickets, { period: 'week' }), 'Median first response and resolution time');
    expect(chart.summary).toContain('(n/a in 2026-W11, 2026-W12, 2026-W13 and 1 more)');
  });
});

describe('mermaidCharts with --by', () => {
  /** Teams by tickets created: A 6, B 4, C 3, D 2 (tie-broken by name against E 2), E 2, F 1; C has nothing in W11. */
  const sizes: Record<string, [number, number, number]> = { A: [2, 2, 2], B: [1, 2, 1], C: [2, 0, 1], D: [1, 1, 0], E: [0, 1, 1], F: [1, 0, 0] };
  const tickets: TicketInput[] = Object.entries(sizes).flatMap(([team, perWeek]) =>
    perWeek.flatMap((n, w) => Array.from({ length: n }, (_, i) => ({ id: `${team}${w}${i}`, created_at: at(['02', '09', '16'][w]!, `1${i}:00`), team }))),
  );
  const report = reportOf(tickets, { period: 'week', by: ['team'] });
  const createdOf = (team: string): (number | null)[] =>
    ['2026-W10', '2026-W11', '2026-W12'].map((p) => {
      const row = report.rows.find((r) => r.period === p && r.team === team);
      return row === undefined ? 0 : (row.metrics['tickets_created'] as number | null);
    });

  it('charts tickets created for the 5 largest groups by default, and says how many were left out', () => {
    const charts = mermaidCharts(report).map(parse);
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.mermaid!.title).toBe('Tickets created per period by team: the 5 largest groups');
    expect(chart.mermaid!.labels).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(chart.mermaid!.series.map((s) => s.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const s of chart.mermaid!.series) {
      expect(s.kind).toBe('bar');
      expect(s.values).toEqual(createdOf(s.name));
      expect(s.values).toEqual(sizes[s.name]);
    }
    expect(chart.summary).toBe('A: 2, 2, 2 (2026-W10 to 2026-W12); B: 1, 2, 1; C: 2, 0, 1; D: 1, 1, 0; E: 0, 1, 1. 1 more group left out (1 ticket created).');
  });

  it('has no row for a group in a period without events, which is a count of 0', () => {
    expect(report.rows.some((r) => r.team === 'C' && r.period === '2026-W11')).toBe(false);
  });

  it('honours maxGroups', () => {
    const chart = chartTitled(report, 'Tickets created per period by team: the 2 largest groups', { maxGroups: 2 });
    expect(chart.mermaid!.series.map((s) => s.name)).toEqual(['A', 'B']);
    expect(chart.summary).toContain('4 more groups left out (8 tickets created).');
    const all = chartTitled(report, 'Tickets created per period by team: the 6 largest groups', { maxGroups: 10 });
    expect(all.mermaid!.series).toHaveLength(6);
    expect(all.summary).toContain('No team group left out.');
  });

  it('names a group without a value (none), and joins several dimensions', () => {
    const mixed = reportOf(
      [
        { id: '1', created_at: at('02', '09:00'), team: 'A', channel: 'chat' },
        { id: '2', created_at: at('02', '10:00'), team: 'A', channel: 'chat' },
        { id: '3', created_at: at('09', '09:00'), channel: 'email' },
      ],
      { period: 'week', by: ['team', 'channel'] },
    );
    const chart = parse(mermaidCharts(mixed)[0]!);
    expect(chart.mermaid!.series.map((s) => [s.name, s.values])).toEqual([
      ['A / chat', [2, 0]],
      ['(none) / email', [0, 1]],
    ]);
  });

  it('says when periods without any event are missing from the axis', () => {
    const sparse = reportOf(
      [
        { id: '1', created_at: at('02', '09:00'), solved_at: at('02', '10:00'), team: 'A' },
        { id: '2', created_at: at('23', '09:00'), solved_at: at('23', '10:00'), team: 'B' },
      ],
      { period: 'week', by: ['team'] },
    );
    const chart = parse(mermaidCharts(sparse)[0]!);
    expect(chart.mermaid!.labels).toEqual(['2026-W10', '2026-W13']);
    expect(chart.summary).toContain('Periods in which no group had any ticket event have no row and are not shown.');
  });
});

describe('text from the data', () => {
  const hostile = 'Ops "A"\u0007\u001b[31m\nteam`x` <b>#quot; 100%%{init: {"theme":"dark"}}%%';
  const report = reportOf(
    [
      { id: '1', created_at: at('02', '09:00'), team: hostile },
      { id: '2', created_at: at('02', '10:00'), team: 'Plain' },
    ],
    { period: 'week', by: ['team'] },
  );
  const entry = mermaidCharts(report)[0]!;
  const chart = parse(entry);
  const name = chart.mermaid!.series[0]!.name;

  it('keeps quotes, controls, backticks, tags, entity codes and directives out of Mermaid labels', () => {
    expect(name).toBe('Ops #quot;A#quot; team#96;x#96; #lt;b#gt;#35;quot; 100#37;%{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;%');
    const block = entry.slice(0, entry.indexOf('\n```\n'));
    expect(block).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(block).not.toContain('%%');
    expect(block.split('\n').slice(1)).not.toContainEqual(expect.stringMatching(/^```/));
  });

  it('escapes the summary line as Markdown', () => {
    expect(chart.summary).not.toContain('\u001b');
    expect(chart.summary).not.toContain('<b>');
    expect(chart.summary).toContain('&lt;b&gt;');
    expect(chart.summary).toContain('\\`x\\`');
  });

  it('sanitises period labels too', () => {
    const odd = { ...report, by: [], rows: report.rows.slice(0, 1).map((r) => ({ ...r, period: 'W"1"\u0000\n' })) };
    const parsed = parse(mermaidCharts(odd)[0]!);
    expect(parsed.mermaid!.labels).toEqual(['W#quot;1#quot;']);
    expect(parsed.summary).toContain('(W"1")');
  });
});

describe('sparkline', () => {
  it('maps min..max linearly onto the eight blocks', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 100])).toBe('▁█');
    expect(sparkline([0, 5, 10])).toBe('▁▅█');
    expect(sparkline([10, 5, 0])).toBe('█▅▁');
  });

  it('draws equal values as a flat middle line', () => {
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([0, 0])).toBe('▄▄');
  });

  it('leaves a gap for null, never the lowest block', () => {
    expect(sparkline([1, null, 8])).toBe('▁ █');
    expect(sparkline([null, 4, null])).toBe(' ▄ ');
    expect(sparkline([null, null])).toBe('  ');
  });

  it('handles a single value and the empty list', () => {
    expect(sparkline([42])).toBe('▄');
    expect(sparkline([])).toBe('');
  });

  it('handles negative values', () => {
    expect(sparkline([-7, 0])).toBe('▁█');
    expect(sparkline([-10, -3, 4])).toBe('▁▅█');
    expect([...sparkline([-5, -4, -3, -2, -1, 0, 1, 2])]).toEqual([...'▁▂▃▄▅▆▇█']);
  });

  it('is one character per value', () => {
    const values = [5, null, 3, 9, 9, null, 0];
    expect([...sparkline(values)]).toHaveLength(values.length);
  });
});
