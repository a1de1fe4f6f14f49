import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoalError, goalOf, goalTextOf, targetOf, type GoalText } from '../../src/config/goals.js';
import { changeOf, figureOf, MIN_CHANGE_SAMPLE, type Change } from '../../src/engine/figures.js';
import { judge } from '../../src/engine/goal-outcomes.js';
import { lastCompleteSlot } from '../../src/engine/headline.js';
import { METRICS } from '../../src/metrics/index.js';
import type { Stat, Unit } from '../../src/metrics/types.js';
import { buildPeriodGrid } from '../../src/time/periods.js';
import { reportOf, timedTicket, type TicketInput } from '../helpers/build.js';

const unitOf = (id: string): Unit | undefined => METRICS.find((m) => m.meta.id === id)?.meta.unit;

describe('goal targets, in the metric\'s own units', () => {
  it.each([
    ['duration', 'median', '2h', 7200],
    ['duration', 'p90', '1h30m', 5400],
    ['duration', 'mean', '90s', 90],
    ['duration', 'median', 120, 120],
    ['duration', 'median', '45', 45],
    ['duration', 'count', 20, 20],
    ['rate', 'value', '85%', 0.85],
    ['rate', 'value', '92.5 %', 0.925],
    ['rate', 'value', 0.9, 0.9],
    ['nps', 'value', -20, -20],
    ['count', 'count', '50', 50],
    ['ratio', 'value', 1.5, 1.5],
  ] as const)('%s %s %j is %d', (unit, stat, written, target) => {
    expect(targetOf(unit, stat, written)).toBeCloseTo(target, 12);
  });

  it.each([
    ['duration', 'median', 'soon', 'is not a duration'],
    ['rate', 'value', '120%', 'is not a rate'],
    ['rate', 'value', 85, 'is not a rate'],
    ['nps', 'value', 150, 'is not an NPS'],
    ['count', 'count', -1, 'is not a number ≥ 0'],
  ] as const)('%s %s %j: %s', (unit, stat, written, message) => {
    expect(() => targetOf(unit, stat, written)).toThrow(message);
  });
});

describe('goals as written become goals to judge', () => {
  it.each<[string, GoalText, object]>([
    ['a duration, median by default', { metric: 'first_response_time', max: '2h' }, { stat: 'median', operator: '<=', target: 7200, name: 'first_response_time median <= 2h', level: 'error', over: 'all', minSample: 1, by: null }],
    ['a rate in percent, warn', { metric: 'csat', min: '85%', level: 'warn' }, { stat: 'value', operator: '>=', target: 0.85, name: 'csat >= 85%', level: 'warn' }],
    ['a count', { metric: 'backlog', max: 50, over: 'last' }, { stat: 'count', target: 50, over: 'last', name: 'backlog <= 50' }],
    ['named, by a dimension, with a sample', { name: 'FCR', metric: 'first_contact_resolution', min: 0.9, by: 'agent', minSample: 20 }, { name: 'FCR', by: 'agent', minSample: 20 }],
  ])('%s', (_name, text, expected) => {
    expect(goalOf(text, unitOf)).toMatchObject(expected);
  });

  it.each<[GoalText, string]>([
    [{ metric: 'wait_time', max: '2h' }, '"wait_time" is not a metric'],
    [{ metric: 'csat', stat: 'median', min: 0.8 }, 'csat has no "median": its number is value'],
    [{ metric: 'csat' }, 'give one of min or max'],
    [{ metric: 'csat', min: 0.8, max: 0.9 }, 'give one of min or max'],
    [{ metric: 'csat', min: '2h' }, 'is not a rate'],
  ])('%j: %s', (text, message) => {
    expect(() => goalOf(text, unitOf)).toThrow(GoalError);
    expect(() => goalOf(text, unitOf)).toThrow(message);
  });

  it('--goal: metric[.stat] then <= or >= and the target', () => {
    expect(goalTextOf('first_response_time.p90<=4h')).toEqual({ metric: 'first_response_time', stat: 'p90', max: '4h' });
    expect(goalTextOf(' csat >= 85% ')).toEqual({ metric: 'csat', min: '85%' });
    expect(() => goalTextOf('csat > 85%')).toThrow('is not a goal: write metric[.stat]<=target or >=target');
    expect(() => goalTextOf('csat=0.9')).toThrow(GoalError);
  });

  it('judging: at the target passes; no data or too small a sample is not judged (null), never a pass', () => {
    const max = { operator: '<=', target: 120, minSample: 5 } as const;
    expect(judge(max, { value: 120, sample: 5 }, 'duration')).toBe(true);
    expect(judge(max, { value: 120.001, sample: 5 }, 'duration')).toBe(false);
    expect(judge(max, { value: 60, sample: 4 }, 'duration')).toBeNull();
    expect(judge(max, { value: null, sample: 0 }, 'duration')).toBeNull();
    expect(judge({ operator: '>=', target: 0.85, minSample: 1 }, { value: 0.85, sample: 100 }, 'rate')).toBe(true);
    // A count is its own sample: 0 resolved fails a minimum of 1, it is not "too small to judge".
    expect(judge({ operator: '>=', target: 1, minSample: 1 }, { value: 0, sample: 0 }, 'count')).toBe(false);
  });
});

describe('figures: one number of a metric value, and the tickets behind it', () => {
  it.each<[Unit, unknown, Stat, number | null, number]>([
    ['duration', { count: 12, mean: 100, median: 90, p90: 200 }, 'median', 90, 12],
    ['duration', { count: 12, mean: 100, median: 90, p90: 200 }, 'count', 12, 12],
    ['rate', { numerator: 3, denominator: 4, value: 0.75 }, 'value', 0.75, 4],
    ['nps', { responses: 10, promoters: 5, passives: 3, detractors: 2, value: 30 }, 'value', 30, 10],
    ['count', 7, 'count', 7, 7],
    ['rate', null, 'value', null, 0],
  ])('%s %j %s: %s over %d', (unit, value, stat, figure, sample) => {
    expect(figureOf(unit, value as never, stat)).toEqual({ value: figure, sample });
  });
});

describe('the change since the period compared with', () => {
  const big = (value: number | null) => ({ value, sample: 100 });
  it.each<[string, Unit, Stat, number | null, number | null, boolean | null, Change]>([
    ['a rate in percentage points, better when higher is better', 'rate', 'value', 0.871, 0.85, true, { kind: 'points', value: 2.1, direction: 'up', better: true }],
    ['a duration, relative, better when lower', 'duration', 'median', 88, 100, false, { kind: 'percent', value: -12, direction: 'down', better: true }],
    ['a count up, neither better nor worse', 'count', 'count', 110, 100, null, { kind: 'percent', value: 10, direction: 'up', better: null }],
    ['NPS in its own points', 'nps', 'value', 35, 30, true, { kind: 'points', value: 5, direction: 'up', better: true }],
    ['no change below a tenth', 'count', 'count', 1000, 1000.4, false, { kind: 'percent', value: 0, direction: 'flat', better: null }],
    ['from zero: no relative change', 'count', 'count', 12, 0, null, { kind: 'none' }],
    ['no data on one side', 'duration', 'median', 12, null, false, { kind: 'none' }],
  ])('%s', (_name, unit, stat, now, before, higherIsBetter, change) => {
    expect(changeOf(unit, stat, big(now), before === null ? big(null) : big(before), higherIsBetter)).toEqual(change);
  });

  it(`too few tickets on either side (< ${MIN_CHANGE_SAMPLE}): no change shown`, () => {
    expect(changeOf('rate', 'value', { value: 0.9, sample: 9 }, { value: 0.5, sample: 200 }, true)).toEqual({ kind: 'too few', minSample: MIN_CHANGE_SAMPLE });
    expect(changeOf('count', 'count', { value: 50, sample: 50 }, { value: 9, sample: 9 }, null)).toEqual({ kind: 'too few', minSample: MIN_CHANGE_SAMPLE });
    expect(changeOf('count', 'count', { value: 50, sample: 50 }, null, null)).toEqual({ kind: 'none' });
  });
});

describe('the headline', () => {
  it('the last complete period: the last one whose end the data reaches', () => {
    const grid = buildPeriodGrid(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 16), 'week', 'UTC');
    // Data through Sunday 15 March: W11 is complete.
    expect(lastCompleteSlot(grid, Date.UTC(2026, 2, 15, 23, 30))).toBe(1);
    // Data through Friday 13 March: W11 is not, W10 is.
    expect(lastCompleteSlot(grid, Date.UTC(2026, 2, 13, 17))).toBe(0);
    // Data ending before any period ends: the last period.
    expect(lastCompleteSlot(grid, Date.UTC(2026, 2, 3))).toBe(1);
  });

  /** `n` tickets created on `day` of March 2026, answered after `wait` seconds, rated `good` or `bad`. */
  const tickets = (day: number, n: number, wait: number, rating: string, prefix: string): TicketInput[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${i}`,
      created_at: new Date(Date.UTC(2026, 2, day, 9)).toISOString(),
      first_response_at: new Date(Date.UTC(2026, 2, day, 9) + wait * 1000).toISOString(),
      satisfaction: i % 4 === 0 ? 'bad' : rating,
    }));

  it('W11 against W10 for all the tickets (whatever --by says), with the goal judged on W11', () => {
    // W10: 20 tickets, first response 600 s; CSAT: 5 of 20 bad → 0.75. W11: 12 tickets, 300 s; 3 of 12 bad → 0.75.
    const report = reportOf([...tickets(3, 20, 600, 'good', 'a'), ...tickets(10, 12, 300, 'good', 'b'), { id: 'end', created_at: '2026-03-15T20:00:00Z' }], {
      by: ['agent'],
      goals: ['first_response_time.median<=5m', 'csat>=80%'],
    });
    const headline = report.headline!;
    expect([headline.period, headline.against?.period, headline.comparison]).toEqual(['2026-W11', '2026-W10', 'previous']);
    const item = (metric: string) => headline.items.find((i) => i.metric === metric)!;
    // 13 tickets in W11 (the 12 and the one that ends the data) against 20: −35%.
    expect(item('tickets_created')).toMatchObject({ value: 13, previous: 20, change: { kind: 'percent', value: -35, direction: 'down', better: null }, goal: null });
    expect(item('first_response_time')).toMatchObject({
      stat: 'median',
      value: 300,
      sample: 12,
      previous: 600,
      previousSample: 20,
      change: { kind: 'percent', value: -50, direction: 'down', better: true },
      goal: { name: 'first_response_time median <= 5m', level: 'error', passed: true },
    });
    expect(item('csat')).toMatchObject({ value: 0.75, sample: 12, previous: 0.75, change: { kind: 'points', value: 0, direction: 'flat', better: null }, goal: { passed: false } });
    // Over the whole range the goals see 32 answered tickets: median 600 s fails, CSAT 24/32 = 0.75 fails.
    expect(report.goals.map((g) => [g.name, g.actual, g.sample, g.passed])).toEqual([
      ['first_response_time median <= 5m', 600, 32, false],
      ['csat >= 80%', 0.75, 32, false],
    ]);
  });

  it("a backlog of a group with no event in the period counts (the headline's periods merged from the rows of a report split by agent)", () => {
    // Ana's ticket, opened in W10, is still open at the end of W11, when only Bo had tickets.
    const records: TicketInput[] = [
      { id: 'A1', created_at: '2026-03-03T09:00:00Z', agent: 'Ana', status: 'open' },
      { id: 'B1', created_at: '2026-03-10T09:00:00Z', first_response_at: '2026-03-10T10:00:00Z', solved_at: '2026-03-11T09:00:00Z', agent: 'Bo', status: 'solved' },
      { id: 'B2', created_at: '2026-03-15T20:00:00Z', agent: 'Bo', status: 'open' },
    ];
    for (const by of [[], ['agent']] as const) {
      const headline = reportOf(records, { by: [...by] }).headline!;
      const item = (metric: string) => headline.items.find((i) => i.metric === metric)!;
      expect(headline.period).toBe('2026-W11');
      expect(item('backlog')).toMatchObject({ value: 2, previous: 1 });
      expect(item('tickets_created')).toMatchObject({ value: 2, previous: 1 });
      expect(item('resolution_time')).toMatchObject({ value: 86_400, sample: 1, previous: null });
    }
  });

  it('property: the same whatever --by, --compare and --attribution say (its periods are taken from the rows of the report\'s own view where they can be)', () => {
    const record = fc.record({
      createdHours: fc.integer({ min: 0, max: 24 * 40 }),
      responseHours: fc.option(fc.integer({ min: 0, max: 24 * 10 }), { nil: undefined }),
      resolvedHours: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: undefined }),
      agent: fc.constantFrom('Ana', 'Bo', 'Cy', undefined),
      channel: fc.constantFrom('chat', 'email'),
      satisfaction: fc.constantFrom('good', 'bad', undefined),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), fc.constantFrom('day', 'week', 'month'), fc.constantFrom('previous', 'year', undefined), fc.constantFrom('event', 'created'), fc.boolean(), (rows, period, compare, attribution, from) => {
        const records: TicketInput[] = rows.map((r, i) =>
          timedTicket(i, r, { ...(r.agent === undefined ? {} : { agent: r.agent }), channel: r.channel, ...(r.satisfaction === undefined ? {} : { satisfaction: r.satisfaction }) }),
        );
        // A range that starts within a period, or the data's own.
        const options = { period, compare, attribution, config: { sla: [{ name: 'Chat', match: { channel: 'chat' }, firstResponse: '2h', resolution: '1d' }, { name: 'Default', firstResponse: '8h', resolution: '3d' }] }, ...(from ? { from: '2026-03-04T12:00:00Z' } : {}) } as const;
        const alone = reportOf(records, options).headline;
        for (const by of [['agent'], ['agent', 'channel']] as const) expect(reportOf(records, { ...options, by: [...by] }).headline).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  });

  it('--compare year: against the same ISO week a year earlier; none when the data holds nothing there', () => {
    const report = reportOf([...tickets(3, 20, 600, 'good', 'a'), { id: 'end', created_at: '2026-03-08T20:00:00Z' }], { compare: 'year' });
    expect(report.headline).toMatchObject({ period: '2026-W10', comparison: 'year', against: null });
    expect(report.headline!.items.find((i) => i.metric === 'tickets_created')!.change).toEqual({ kind: 'none' });
  });
});

describe('--where and --compare in the report', () => {
  const records: TicketInput[] = [
    { id: '1', created_at: '2026-03-03T09:00:00Z', channel: 'chat', team: 'Billing', tags: ['vip'] },
    { id: '2', created_at: '2026-03-04T09:00:00Z', channel: 'email', team: 'Billing' },
    { id: '3', created_at: '2026-03-10T09:00:00Z', channel: 'Chat', team: 'Hosting', tags: ['vip', 'refund'] },
    { id: '4', created_at: '2026-03-11T09:00:00Z', channel: 'chat' },
    { id: '5', created_at: '2026-03-12T09:00:00Z', channel: 'phone', team: 'Hosting', status: 'Waiting on Customer' },
  ];
  const created = (where: string[]) => {
    const report = reportOf(records, { where, period: 'all' });
    return [report.totals.metrics.tickets_created, report.filter.matched, report.input.records];
  };

  it.each<[string[], number]>([
    [['channel=chat'], 3],
    [['channel=chat,phone'], 4],
    [['channel=chat', 'team=Billing'], 1],
    [['team=(none)'], 1],
    [['team=(none),Hosting'], 3],
    [['tag=vip'], 2],
    [['tag=(none)'], 3],
    [['status=pending'], 1],
    [['status=Waiting for customer'], 1],
  ])('%j: %d tickets, the input accounting unchanged', (where, n) => {
    expect(created(where)).toEqual([n, n, 5]);
  });

  it('the filter is in the report as given (keys as written, values as compared)', () => {
    expect(reportOf(records, { where: ['tag=VIP', 'channel=chat,email'] }).filter.where).toEqual([
      { key: 'tag', values: ['vip'] },
      { key: 'channel', values: ['chat', 'email'] },
    ]);
  });

  it('--compare previous: each row gains the same group\'s week before, from the input before --from; the totals the range before', () => {
    const report = reportOf(records, { by: ['channel'], from: '2026-03-09T00:00:00Z', compare: 'previous' });
    const chat = report.rows.find((r) => r.channel === 'chat')!;
    // W11 chat: tickets 3 and 4 (Chat is a value of its own); W10 chat: ticket 1.
    expect([chat.period, chat.metrics.tickets_created, chat.previous?.tickets_created]).toEqual(['2026-W11', 1, 1]);
    const phone = report.rows.find((r) => r.channel === 'phone')!;
    expect(phone.previous?.tickets_created).toBe(0);
    expect(report.range.previous).toEqual({ from: '2026-03-02T00:00:00+00:00', to: '2026-03-09T00:00:00+00:00' });
    expect(report.totals.previous?.tickets_created).toBe(2);
    expect(report.compare).toBe('previous');
  });

  it('a compared period that ends before the first ticket holds no data: null, not zeros (rows and totals)', () => {
    const report = reportOf(records, { compare: 'year' });
    expect(report.rows.map((r) => r.previous)).toEqual([null, null]);
    expect(report.totals.previous).toBeNull();
    const previous = reportOf(records, { compare: 'previous' });
    // W10's week before ends on 2 March, before ticket 1 (3 March); W11's is W10.
    expect(previous.rows.map((r) => r.previous?.tickets_created ?? null)).toEqual([null, 2]);
  });
});
