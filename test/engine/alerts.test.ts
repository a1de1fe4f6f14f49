import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, negativeRatingAlerts, volumeAnomalies, type AlertSettings } from '../../src/engine/alerts.js';
import type { Dimension } from '../../src/schema/fields.js';
import type { TicketStore } from '../../src/tickets/store.js';
import { buildPeriodGrid, type Period } from '../../src/time/periods.js';
import { ingest, type TicketInput } from '../helpers/build.js';

/**
 * The alerts (engine/alerts.ts): agents collecting negative ratings (a binomial test against the
 * other agents, Bonferroni over the agents), and created-ticket volume far from its seasonal baseline.
 *
 * Weeks used below (UTC), ISO weeks starting on Monday: W02 = [Mon 2026-01-05, 01-12) … W06 =
 * [02-02, 02-09), W08 = [02-16, 02-23), W10 = [03-02, 03-09), W11 = [03-09, 03-16).
 */

const DAY = 86_400_000;
const RATINGS = DEFAULT_ALERT_SETTINGS.negativeRatings;
const VOLUME = DEFAULT_ALERT_SETTINGS.volume;

/** The date `days` after `date` (YYYY-MM-DD, UTC). */
const dayAfter = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

const storeOf = (records: TicketInput[]): TicketStore => ingest(records).store;

const gridOf = (from: string, to: string, period: Period) => buildPeriodGrid(Date.parse(from), Date.parse(to), period, 'UTC');

/** A mask selecting the tickets whose id passes `keep`. */
function maskOf(store: TicketStore, keep: (id: string) => boolean): Uint8Array {
  return Uint8Array.from({ length: store.length }, (_, slot) => (keep(store.idOf(slot)) ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// The binomial tail, a second and independent way: exact rational arithmetic in BigInt.

/** num / den as the nearest double (also when both have thousands of digits, and when it underflows). */
function bigRatio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = den.toString(2).length - num.toString(2).length + 64;
  const quotient = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  // 2 ** -shift alone could underflow where the product does not.
  return Number(quotient) * 2 ** -Math.ceil(shift / 2) * 2 ** -Math.floor(shift / 2);
}

/** C(n, k), exactly. */
function choose(n: number, k: number): bigint {
  let c = 1n;
  for (let j = 1; j <= k; j++) c = (c * BigInt(n - k + j)) / BigInt(j);
  return c;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), p the others' share with one negative and one positive added
 * (Laplace): (bad + 1) / (total + 2). Σ C(n, i) a^i (d − a)^(n − i) / d^n over i = k … n, exactly.
 */
function exactTail(k: number, n: number, bad: number, total: number): number {
  return exactTailAt(k, n, bad + 1, total + 2);
}

/** P(X ≥ k) for X ~ Binomial(n, bad / total), exactly. */
function exactTailAt(k: number, n: number, bad: number, total: number): number {
  const a = BigInt(bad);
  const b = BigInt(total - bad);
  let c = choose(n, k);
  let num = 0n;
  for (let i = k; i <= n; i++) {
    num += c * a ** BigInt(i) * b ** BigInt(n - i);
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  return bigRatio(num, BigInt(total) ** BigInt(n));
}

// ---------------------------------------------------------------------------------------------
// Negative ratings

const W10 = gridOf('2026-03-02', '2026-03-09', 'week');

/** `total` responses of `agent`'s tickets, created on `day` (and solved the same day), the first `bad` of them negative. */
function responses(agent: string | undefined, total: number, bad: number, day = '2026-03-03', prefix = `${agent ?? 'none'}-${day}-`): TicketInput[] {
  return Array.from({ length: total }, (_, i) => ({
    id: `${prefix}${String(i).padStart(4, '0')}`,
    created_at: new Date(Date.parse(`${day}T08:00:00Z`) + i * 1000).toISOString(),
    solved_at: new Date(Date.parse(`${day}T12:00:00Z`) + i * 1000).toISOString(),
    ...(agent === undefined ? {} : { agent }),
    satisfaction: i < bad ? 'bad' : 'good',
  }));
}

describe('negative ratings: a binomial test against the other agents', () => {
  it('5 bad of 10 while the others have 1 bad of 40: an alert, with the exact tail', () => {
    const store = storeOf([...responses('ana', 10, 5), ...responses('ben', 40, 1)]);
    const alerts = negativeRatingAlerts(store, W10, undefined, RATINGS);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'negative_ratings', agent: 'ana', period: '2026-W10', count: 5, responses: 10, othersShare: 0.025 });
    expect(alert!.tickets).toEqual(['ana-2026-03-03-0000', 'ana-2026-03-03-0001', 'ana-2026-03-03-0002', 'ana-2026-03-03-0003', 'ana-2026-03-03-0004']);
    // P(X ≥ 5 | 10, 2/42) ≈ 5.04e-5, below 0.05 / 2.
    const exact = exactTail(5, 10, 1, 40);
    expect(exact).toBeGreaterThan(5.0e-5);
    expect(exact).toBeLessThan(5.1e-5);
    expect(Math.abs(alert!.pValue - exact) / exact).toBeLessThan(1e-12);
  });

  it.each<[string, TicketInput[]]>([
    ['3 bad of 30 when the others are at 10%', [...responses('ana', 30, 3), ...responses('ben', 100, 10)]],
    ['fewer negatives than the minimum, however unlikely (2 of 2 against 0 of 100)', [...responses('ana', 2, 2), ...responses('ben', 100, 0)]],
    ['a one-agent team, 5 bad of 10: no one to compare with', responses('ana', 10, 5)],
    ['a one-agent team, 10 bad of 10', responses('ana', 10, 10)],
    ['the tickets without an agent are never alerted (10 bad of 10)', [...responses(undefined, 10, 10), ...responses('ana', 20, 0), ...responses('ben', 20, 1)]],
    ['tickets without a survey response are no responses', [...createdOn('2026-03-03', 5, { agent: 'ana' }), ...responses('ben', 40, 0)]],
  ])('no alert: %s', (_name, records) => {
    expect(negativeRatingAlerts(storeOf(records), W10, undefined, RATINGS)).toEqual([]);
  });

  it('a one-agent team: no one to compare with, no alert (even 10 bad of 10, at any level)', () => {
    expect(negativeRatingAlerts(storeOf(responses('ana', 10, 10)), W10, undefined, { min: 3, alpha: 10 })).toEqual([]);
  });

  it('the others are the other named agents: the tickets without an agent are not among them', () => {
    const store = storeOf([...responses('ana', 10, 5), ...responses('ben', 40, 1), ...responses(undefined, 200, 0)]);
    const alerts = negativeRatingAlerts(store, W10, undefined, RATINGS);
    expect(alerts.map((a) => [a.agent, a.othersShare])).toEqual([['ana', 0.025]]);
    expect(Math.abs(alerts[0]!.pValue - exactTail(5, 10, 1, 40)) / exactTail(5, 10, 1, 40)).toBeLessThan(1e-12);
  });

  it('others without a single negative: their share is taken as 1 in (responses + 2), never 0', () => {
    // 3 of 10 against 0 of 50: P(X ≥ 3 | 10, 1/52) ≈ 0.0009 < 0.05 / 2: an alert.
    const store = storeOf([...responses('ana', 10, 3), ...responses('ben', 50, 0)]);
    const [alert] = negativeRatingAlerts(store, W10, undefined, RATINGS);
    expect(alert).toMatchObject({ agent: 'ana', count: 3, othersShare: 0 });
    expect(Math.abs(alert!.pValue - exactTailAt(3, 10, 1, 52)) / exactTailAt(3, 10, 1, 52)).toBeLessThan(1e-12);
    expect(negativeRatingAlerts(store, W10, undefined, { min: 4, alpha: 0.05 })).toEqual([]);
    // 3 of 50 against a single good rating of another agent: no proof of anything (p at 1/3 is near 1).
    expect(negativeRatingAlerts(storeOf([...responses('ana', 50, 3), ...responses('ben', 1, 0)]), W10, undefined, RATINGS)).toEqual([]);
  });

  it('Bonferroni: 6 bad of 20 against 10% passes with 2 agents, not with 40', () => {
    const exact = exactTail(6, 20, 10, 100);
    expect(exact).toBeLessThan(0.05 / 2);
    expect(exact).toBeGreaterThan(0.05 / 40);
    const two = storeOf([...responses('ana', 20, 6), ...responses('ben', 100, 10)]);
    const [alert] = negativeRatingAlerts(two, W10, undefined, RATINGS);
    expect(alert).toMatchObject({ agent: 'ana', count: 6, responses: 20, othersShare: 0.1 });
    expect(Math.abs(alert!.pValue - exact) / exact).toBeLessThan(1e-12);
    // 39 others at 1 bad of 10 each: the same 10% share, but 40 agents tested.
    const forty = storeOf([...responses('ana', 20, 6), ...Array.from({ length: 39 }, (_, i) => responses(`agent${String(i).padStart(2, '0')}`, 10, 1)).flat()]);
    expect(negativeRatingAlerts(forty, W10, undefined, RATINGS)).toEqual([]);
    expect(negativeRatingAlerts(forty, W10, undefined, { min: 3, alpha: 1 })).toMatchObject([{ agent: 'ana', othersShare: 0.1 }]);
  });

  it('the mask leaves tickets out', () => {
    const store = storeOf([...responses('ana', 10, 5), ...responses('ben', 40, 1)]);
    const noBadOfAna = maskOf(store, (id) => !['ana-2026-03-03-0000', 'ana-2026-03-03-0001', 'ana-2026-03-03-0002'].includes(id));
    expect(negativeRatingAlerts(store, W10, noBadOfAna, RATINGS)).toEqual([]);
    const all = maskOf(store, () => true);
    expect(negativeRatingAlerts(store, W10, all, RATINGS)).toEqual(negativeRatingAlerts(store, W10, undefined, RATINGS));
    // Without ben's good ratings, ana's share is no longer far above the others'.
    const onlyBensBad = maskOf(store, (id) => !id.startsWith('ben') || id === 'ben-2026-03-03-0000');
    expect(negativeRatingAlerts(store, W10, onlyBensBad, RATINGS)).toEqual([]);
  });

  it('a response is placed when its ticket was resolved, else when it was created', () => {
    const store = storeOf([
      ...responses('ben', 40, 1),
      // Created in W09, resolved in W10: a W10 response.
      { id: 'late-1', created_at: '2026-02-26T09:00:00Z', solved_at: '2026-03-02T09:00:00Z', agent: 'ana', satisfaction: 1 },
      { id: 'late-2', created_at: '2026-02-27T09:00:00Z', solved_at: '2026-03-03T09:00:00Z', agent: 'ana', satisfaction: 'bad' },
      // Never resolved, created in W10: a W10 response.
      { id: 'open-1', created_at: '2026-03-04T09:00:00Z', agent: 'ana', satisfaction: 2 },
      // Created in W10, resolved in W11: not a W10 response.
      { id: 'next-1', created_at: '2026-03-06T09:00:00Z', solved_at: '2026-03-10T09:00:00Z', agent: 'ana', satisfaction: 'bad' },
      // Neutral (3): a response, not a negative one.
      { id: 'neutral', created_at: '2026-03-04T10:00:00Z', agent: 'ana', satisfaction: 3 },
      { id: 'good', created_at: '2026-03-04T11:00:00Z', agent: 'ana', satisfaction: 5 },
    ]);
    expect(negativeRatingAlerts(store, W10, undefined, RATINGS)).toMatchObject([{ agent: 'ana', count: 3, responses: 5, tickets: ['late-1', 'late-2', 'open-1'] }]);
  });

  it('ticket ids in code-unit order; alerts by period, then agent in code-unit order', () => {
    const week = (day: string): TicketInput[] => [
      ...responses('bob', 10, 5, day),
      ...responses('alice', 10, 5, day),
      ...responses('Alice', 10, 5, day),
      ...responses('zed', 100, 0, day),
    ];
    const oddIds = ['t2', 'T10', 'T2', 'Z'].map((id, i) => ({ id, created_at: `2026-03-03T1${i}:00:00Z`, agent: 'yan', satisfaction: 'bad' }));
    const store = storeOf([...week('2026-03-10'), ...week('2026-03-03'), ...oddIds]);
    const alerts = negativeRatingAlerts(store, gridOf('2026-03-02', '2026-03-16', 'week'), undefined, RATINGS);
    expect(alerts.map((a) => `${a.period} ${a.agent}`)).toEqual([
      '2026-W10 Alice',
      '2026-W10 alice',
      '2026-W10 bob',
      '2026-W10 yan',
      '2026-W11 Alice',
      '2026-W11 alice',
      '2026-W11 bob',
    ]);
    expect(alerts.find((a) => a.agent === 'yan')!.tickets).toEqual(['T10', 'T2', 'Z', 't2']);
  });

  // k, n, the others' negatives and responses. alpha 100: every agent with k ≥ 1 alerts, to read its pValue.
  it.each([
    [5, 10, 1, 40],
    [6, 20, 10, 100],
    [1, 1, 1, 2],
    [3, 30, 10, 100],
    [10, 2000, 100, 1000],
    [600, 3000, 50, 1000],
    [1500, 3000, 1, 2],
    [3000, 3000, 1, 2],
  ])('the tail is exact and never NaN: %d of %d against %d of %d', (k, n, othersBad, othersTotal) => {
    const store = storeOf([...responses('ana', n, k), ...responses('ben', othersTotal, othersBad)]);
    const alert = negativeRatingAlerts(store, W10, undefined, { min: 1, alpha: 100 }).find((a) => a.agent === 'ana')!;
    const exact = exactTail(k, n, othersBad, othersTotal);
    expect(Number.isNaN(alert.pValue)).toBe(false);
    expect(alert.pValue).toBeLessThanOrEqual(1);
    if (exact < 1e-300) expect(alert.pValue).toBeLessThan(1e-290);
    else expect(Math.abs(alert.pValue - exact) / exact).toBeLessThan(1e-10);
  });
});

// ---------------------------------------------------------------------------------------------
// Volume anomalies

/** `count` tickets created on `day`, from 08:00 on, 30 s apart. */
function createdOn(day: string, count: number, extra: TicketInput = {}, prefix = `${day}-${String(extra.team ?? '')}-`): TicketInput[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, created_at: new Date(Date.parse(`${day}T08:00:00Z`) + i * 30_000).toISOString(), ...extra }));
}

/** Daily counts, Monday to Sunday, of the weeks starting on `monday`, one row per week. */
function dailySeries(monday: string, weeks: readonly (readonly number[])[]): TicketInput[] {
  return weeks.flatMap((week, w) => week.flatMap((count, d) => createdOn(dayAfter(monday, 7 * w + d), count)));
}

/** `count` tickets created over the week starting on `monday`, spread over its seven days (the data reaches its Sunday). */
function weekOf(monday: string, count: number, extra: TicketInput = {}): TicketInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${monday}-${String(extra.team ?? '')}-${i}`,
    created_at: new Date(Date.parse(`${monday}T08:00:00Z`) + (i % 7) * DAY + i * 1000).toISOString(),
    ...extra,
  }));
}

/** Four weeks of history, Monday to Sunday: busy weekdays, quiet weekends, each weekday its own level. */
const HISTORY: readonly (readonly number[])[] = [
  [60, 59, 57, 63, 55, 5, 3],
  [62, 61, 57, 58, 52, 4, 4],
  [58, 60, 57, 60, 54, 6, 5],
  [61, 60, 57, 59, 53, 5, 4],
];
/** The week judged (W06, from Monday 2026-02-02): a spike on Monday, a drop on Tuesday, 66 against a steady 57 on Wednesday. */
const JUDGED = [240, 2, 66, 61, 50, 5, 6];
const JUDGED_WEEK = gridOf('2026-02-02', '2026-02-09', 'day');

describe('volume anomalies: created tickets against a seasonal baseline', () => {
  it('a daily series: the spike and the drop alert; 66 against 57 and the quiet weekend do not', () => {
    // Data from 2026-01-05 on: 4 weeks of history, although 8 are asked for (the weeks before the data are no zeros).
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, JUDGED]));
    expect(volumeAnomalies(store, JUDGED_WEEK, [], undefined, VOLUME)).toEqual([
      // median 60.5, spread √60.5 (MAD 1: 1.4826 < 7.78)
      { kind: 'volume_anomaly', period: '2026-02-02', group: null, count: 240, baseline: 60.5, score: 23.08, direction: 'spike' },
      // median 60, spread √60
      { kind: 'volume_anomaly', period: '2026-02-03', group: null, count: 2, baseline: 60, score: -7.49, direction: 'drop' },
    ]);
  });

  it('in a time zone, across a DST change: the same weekday still', () => {
    // Berlin moves to summer time on Sunday 2026-03-29; history from Monday 03-09, the week judged from Monday 04-06.
    const store = storeOf(dailySeries('2026-03-09', [...HISTORY, JUDGED]));
    const grid = buildPeriodGrid(Date.parse('2026-04-05T22:00:00Z'), Date.parse('2026-04-12T22:00:00Z'), 'day', 'Europe/Berlin');
    expect(volumeAnomalies(store, grid, [], undefined, VOLUME)).toMatchObject([
      { period: '2026-04-06', count: 240, baseline: 60.5, score: 23.08 },
      { period: '2026-04-07', count: 2, baseline: 60, score: -7.49 },
    ]);
  });

  it('weekends are compared with weekends: a judged weekend of 5 and 6 against the quiet ones raises nothing', () => {
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, [61, 60, 57, 59, 53, 5, 6]]));
    expect(volumeAnomalies(store, JUDGED_WEEK, [], undefined, VOLUME)).toEqual([]);
  });

  it.each<[string, readonly (readonly number[])[], Partial<AlertSettings['volume']>]>([
    ['3 weeks of history: 3 baseline points', HISTORY.slice(1), {}],
    ['4 points, 5 needed', HISTORY, { minBaseline: 5 }],
    ['history 3: 3 points', HISTORY, { history: 3 }],
    ['no history at all', [], {}],
  ])('no verdict with too little history: %s', (_name, history, settings) => {
    const weeks = [...history, JUDGED];
    const store = storeOf(dailySeries(dayAfter('2026-02-02', -7 * history.length), weeks));
    expect(volumeAnomalies(store, JUDGED_WEEK, [], undefined, { ...VOLUME, ...settings })).toEqual([]);
  });

  it('fewer than minChange tickets off the baseline never alert, whatever the score', () => {
    // Sunday 8 February: 6 against a median of 4 is a score of 1, but only 2 tickets off: with minChange 3 it
    // does not alert, while the days further off still do (compare the next test, minChange 0).
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, JUDGED]));
    expect(volumeAnomalies(store, JUDGED_WEEK, [], undefined, { ...VOLUME, threshold: 1, minChange: 3 }).map((a) => a.period)).toEqual(['2026-02-02', '2026-02-03', '2026-02-04']);
  });

  it('a lower threshold alerts more; a score exactly at the threshold alerts', () => {
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, JUDGED]));
    // Sunday: 6 against a median of 4, spread 2 (√4 > 1.4826 × 0.5): score 1.
    const alerts = volumeAnomalies(store, JUDGED_WEEK, [], undefined, { ...VOLUME, threshold: 1, minChange: 0 });
    expect(alerts.map((a) => [a.period, a.score])).toEqual([
      ['2026-02-02', 23.08],
      ['2026-02-03', -7.49],
      ['2026-02-04', 1.19],
      ['2026-02-08', 1],
    ]);
  });

  it.each([
    ['277 against a steady 218: 3.996 shows as 4, and alerts as shown', 277, [{ count: 277, baseline: 218, score: 4, direction: 'spike' }]],
    ['159 against a steady 218: −3.996 shows as −4', 159, [{ count: 159, baseline: 218, score: -4, direction: 'drop' }]],
    ['276 against a steady 218: 3.93', 276, []],
  ])('the threshold applies to the score as shown (2 decimals): %s', (_name, count, expected) => {
    const mondays = Array.from({ length: 5 }, (_, w) => dayAfter('2026-01-05', 7 * w));
    const store = storeOf(mondays.flatMap((monday, w) => weekOf(monday, w === 4 ? count : 218)));
    expect(volumeAnomalies(store, gridOf('2026-02-02', '2026-02-09', 'week'), [], undefined, VOLUME)).toMatchObject(expected);
  });

  it('the mask leaves tickets out', () => {
    const spikeExtras = createdOn('2026-02-02', 180, {}, 'extra-');
    const store = storeOf([...dailySeries('2026-01-05', [...HISTORY, [60, 60, 57, 59, 53, 5, 4]]), ...spikeExtras]);
    expect(volumeAnomalies(store, JUDGED_WEEK, [], undefined, VOLUME)).toMatchObject([{ period: '2026-02-02', count: 240, direction: 'spike' }]);
    expect(volumeAnomalies(store, JUDGED_WEEK, [], maskOf(store, (id) => !id.startsWith('extra-')), VOLUME)).toEqual([]);
  });

  it('weeks, per group: each group against its own past, from the week it appeared; groups in value order, blank last', () => {
    const mondays = Array.from({ length: 7 }, (_, w) => dayAfter('2026-01-05', 7 * w));
    const series: [string | undefined, number[]][] = [
      ['A', [100, 98, 103, 101, 99, 100, 104]],
      ['B', [20, 22, 18, 21, 19, 20, 80]],
      // From W04 on, a quiet W05 (a zero, once it has appeared).
      ['D', [0, 0, 10, 0, 10, 10, 40]],
      // Only in the week judged: no baseline.
      ['C', [0, 0, 0, 0, 0, 0, 50]],
      // No team: none in the week judged, but the blank group is never judged (untriaged tickets, not volume).
      [undefined, [30, 30, 30, 30, 30, 30, 0]],
    ];
    const store = storeOf(series.flatMap(([team, counts]) => counts.flatMap((count, w) => weekOf(mondays[w]!, count, team === undefined ? {} : { team }))));
    const grid = gridOf('2026-02-16', '2026-02-23', 'week');
    expect(volumeAnomalies(store, grid, ['team'], undefined, VOLUME)).toEqual([
      { kind: 'volume_anomaly', period: '2026-W08', group: { team: 'B' }, count: 80, baseline: 20, score: 13.42, direction: 'spike' },
      { kind: 'volume_anomaly', period: '2026-W08', group: { team: 'D' }, count: 40, baseline: 10, score: 9.49, direction: 'spike' },
    ]);
    // D has 4 weeks since it appeared, not 6: with 5 needed, no verdict for it.
    expect(volumeAnomalies(store, grid, ['team'], undefined, { ...VOLUME, minBaseline: 5 }).map((a) => a.group)).toEqual([{ team: 'B' }]);
    // All together: 274 against 150, 150, 161, 152, 158, 160 (median 155, spread √155).
    expect(volumeAnomalies(store, grid, [], undefined, VOLUME)).toEqual([
      { kind: 'volume_anomaly', period: '2026-W08', group: null, count: 274, baseline: 155, score: 9.56, direction: 'spike' },
    ]);
  });

  it('two dimensions: a group is a tuple of values', () => {
    const mondays = Array.from({ length: 6 }, (_, w) => dayAfter('2026-01-05', 7 * w));
    const store = storeOf([
      ...mondays.flatMap((monday, w) => weekOf(monday, w === 5 ? 200 : 50, { team: 'A', channel: 'email' })),
      ...mondays.flatMap((monday) => weekOf(monday, 50, { team: 'A', channel: 'chat' }).map((t) => ({ ...t, id: `chat-${String(t.id)}` }))),
    ]);
    const by: Dimension[] = ['team', 'channel'];
    expect(volumeAnomalies(store, gridOf('2026-02-09', '2026-02-16', 'week'), by, undefined, VOLUME)).toMatchObject([
      { period: '2026-W07', group: { team: 'A', channel: 'email' }, count: 200, baseline: 50, direction: 'spike' },
    ]);
  });

  it.each([
    ['the data reaches the Sunday: a drop', 4, [{ period: '2026-W08', count: 170, baseline: 400, score: -11.5, direction: 'drop' }]],
    ['the data stops on the Wednesday: the week is not over, no verdict', 3, []],
  ])('a period the data does not reach the end of gets no verdict: %s', (_name, lastDays, expected) => {
    const mondays = Array.from({ length: 6 }, (_, w) => dayAfter('2026-01-05', 7 * w));
    const history = mondays.flatMap((monday) => weekOf(monday, 400));
    // W08 [02-16, 02-23): 170 tickets over its first days (Monday to Wednesday, or to Thursday and one on Sunday).
    const last = Array.from({ length: 170 }, (_, i) => ({ id: `last-${i}`, created_at: new Date(Date.parse('2026-02-16T08:00:00Z') + (i % lastDays) * DAY).toISOString() }));
    if (lastDays === 4) last[0]!.created_at = '2026-02-22T20:00:00Z';
    const store = storeOf([...history, ...last]);
    expect(volumeAnomalies(store, gridOf('2026-02-16', '2026-02-23', 'week'), [], undefined, VOLUME)).toMatchObject(expected);
  });

  it('a period the range cuts gets no verdict (half a week is no drop)', () => {
    const mondays = Array.from({ length: 7 }, (_, w) => dayAfter('2026-01-05', 7 * w));
    const store = storeOf(mondays.flatMap((monday, w) => weekOf(monday, w === 6 ? 1000 : 400)));
    expect(volumeAnomalies(store, gridOf('2026-02-16', '2026-02-23', 'week'), [], undefined, VOLUME)).toMatchObject([{ period: '2026-W08', count: 1000, score: 30, direction: 'spike' }]);
    expect(volumeAnomalies(store, gridOf('2026-02-18', '2026-02-23', 'week'), [], undefined, VOLUME)).toEqual([]);
    expect(volumeAnomalies(store, gridOf('2026-02-16', '2026-02-20', 'week'), [], undefined, VOLUME)).toEqual([]);
  });

  it("period 'all': no verdict", () => {
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, JUDGED]));
    expect(volumeAnomalies(store, gridOf('2026-02-02', '2026-02-09', 'all'), [], undefined, VOLUME)).toEqual([]);
  });

  it('no tickets, or none selected: nothing', () => {
    expect(volumeAnomalies(storeOf([]), JUDGED_WEEK, [], undefined, VOLUME)).toEqual([]);
    const store = storeOf(dailySeries('2026-01-05', [...HISTORY, JUDGED]));
    expect(volumeAnomalies(store, JUDGED_WEEK, [], new Uint8Array(store.length), VOLUME)).toEqual([]);
  });
});

describe('the default settings', () => {
  it('are those documented, and frozen', () => {
    expect(DEFAULT_ALERT_SETTINGS).toEqual({ negativeRatings: { min: 3, alpha: 0.05 }, volume: { threshold: 4, history: 8, minBaseline: 4, minChange: 10 } });
    expect(Object.isFrozen(DEFAULT_ALERT_SETTINGS.volume)).toBe(true);
  });
});
