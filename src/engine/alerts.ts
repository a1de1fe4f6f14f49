import { byCodeUnits } from './order.js';
import type { NegativeRatingsAlert, VolumeAnomalyAlert } from '../report/types.js';
import type { Dimension } from '../schema/fields.js';
import { Satisfaction } from '../schema/field-kinds.js';
import type { TicketStore } from '../tickets/store.js';
import { buildPeriodGrid, endOfPeriodHolding, slotIndexOf, startOfPeriodHolding, type PeriodGrid } from '../time/periods.js';
import { median, roundHalfAway } from '../metrics/stats.js';
import { compareValues, Grouping } from './views.js';

/**
 * Alerts: what a supervisor should look at in a period, found from the tickets alone. Pure (no
 * I/O, no clock, no environment).
 *
 * Negative ratings. One bad rating among 3 responses is noise; 5 of 12 when the rest of the team
 * gets 1 in 20 is not. A one-sided binomial test says which: how likely would this many negatives
 * be if the agent were as good as the others? Testing every agent every period would raise false
 * alarms by the dozen in a large team, so the level is divided by the agents tested (Bonferroni).
 * - "The others" are the other NAMED agents with responses in the period: the tickets without an
 *   agent (unassigned, closed by automation) are a different population, are never alerted, and
 *   count nowhere in this test (not in the others' share, nor in the number of agents tested).
 * - When the others have no responses (a one-agent team) there is no one to compare with: no alert.
 * - The others' share is taken with one negative and one positive response added (Laplace's rule):
 *   one good rating among the others is no proof that the team never gets a bad one (p would be 0).
 *
 * Volume anomalies. Tickets created in a period against the median of the same periods before it
 * (the same weekday for days: weekends are quiet), the spread being the larger of the robust one
 * (1.4826 × MAD) and the Poisson one (√baseline). Only whole, complete periods get a verdict: a
 * period the range cuts, or one the data does not reach the end of (the current week of an
 * export), would otherwise always read as a drop.
 */

/** How sensitive the alerts are (see DEFAULT_ALERT_SETTINGS). */
export interface AlertSettings {
  /** `min`: the fewest negatives that may alert; `alpha`: the significance level, before dividing it by the agents tested. */
  negativeRatings: { min: number; alpha: number };
  /** `threshold`: the |score| that alerts; `history`: the baseline periods looked back on; `minBaseline`: the fewest baseline periods a verdict needs; `minChange`: the fewest tickets off the baseline that may alert. */
  volume: { threshold: number; history: number; minBaseline: number; minChange: number };
}

/**
 * The defaults: at least 3 negatives at 5% (Bonferroni-corrected); a volume 4 spreads and at least
 * 10 tickets from the median of up to 8 baseline periods, of which at least 4 must exist. Frozen: shared by every run.
 */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = Object.freeze({
  negativeRatings: Object.freeze({ min: 3, alpha: 0.05 }),
  volume: Object.freeze({ threshold: 4, history: 8, minBaseline: 4, minChange: 10 }),
});

const selected = (mask: Uint8Array | undefined, slot: number): boolean => mask === undefined || mask[slot] === 1;


// ---------------------------------------------------------------------------------------------
// Negative ratings

/** One agent's survey responses in one period: `negatives` holds the store slots of the negative ones. */
interface Tally {
  responses: number;
  negatives: number[];
}

/** When a survey response is placed: at the resolution, else at the creation (as the CSAT metric places it). */
function responseTime(tickets: TicketStore, slot: number): number {
  const resolved = tickets.resolvedAt[slot]!;
  return Number.isNaN(resolved) ? tickets.createdAt[slot]! : resolved;
}

/** Per period slot of `grid`, per agent code, the responses of the selected tickets that have an agent. */
function tallyResponses(tickets: TicketStore, grid: PeriodGrid, mask: Uint8Array | undefined): Map<number, Tally>[] {
  const periods = grid.slots.map(() => new Map<number, Tally>());
  for (let t = 0; t < tickets.length; t++) {
    const rating = tickets.satisfaction[t]!;
    const agent = tickets.agent[t]!;
    if (!selected(mask, t) || rating === Satisfaction.none || agent < 0) continue;
    const period = slotIndexOf(grid, responseTime(tickets, t));
    if (period < 0) continue;
    const byAgent = periods[period]!;
    let tally = byAgent.get(agent);
    if (tally === undefined) byAgent.set(agent, (tally = { responses: 0, negatives: [] }));
    tally.responses++;
    if (rating === Satisfaction.unsatisfied) tally.negatives.push(t);
  }
  return periods;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), exactly (no normal approximation) and stably: the terms are
 * summed in log space from k up (the term at k from a product of ratios, each next one from the
 * one before), relative to the largest, so nothing overflows for n in the thousands and tiny tails
 * underflow to 0 rather than NaN. Stops once the terms, past the mode, fall below e^-50 of the
 * largest.
 */
function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logOdds = Math.log(p) - Math.log1p(-p);
  const odds = p / (1 - p);
  // log C(n, k) + k log p + (n − k) log(1 − p)
  let logTerm = k * Math.log(p) + (n - k) * Math.log1p(-p);
  for (let j = 1; j <= k; j++) logTerm += Math.log((n - k + j) / j);
  let max = logTerm;
  let sum = 0;
  for (let i = k; i <= n; i++) {
    if (logTerm > max) {
      sum *= Math.exp(max - logTerm);
      max = logTerm;
    }
    sum += Math.exp(logTerm - max);
    // Term i + 1 is term i times (n − i) / (i + 1) × p / (1 − p); once that falls below 1 it keeps falling.
    if (i === n || (((n - i) / (i + 1)) * odds < 1 && logTerm < max - 50)) break;
    logTerm += Math.log((n - i) / (i + 1)) + logOdds;
  }
  return Math.min(1, Math.exp(max + Math.log(sum)));
}

/** The alerts of one period: each agent with at least `min` negatives whose binomial tail is below alpha / (agents tested). */
function periodRatingAlerts(tickets: TicketStore, label: string, byAgent: Map<number, Tally>, settings: AlertSettings['negativeRatings']): NegativeRatingsAlert[] {
  let responses = 0;
  let negatives = 0;
  for (const tally of byAgent.values()) {
    responses += tally.responses;
    negatives += tally.negatives.length;
  }
  const level = settings.alpha / byAgent.size;
  const alerts: NegativeRatingsAlert[] = [];
  for (const [code, tally] of byAgent) {
    const count = tally.negatives.length;
    if (count < settings.min) continue;
    const othersResponses = responses - tally.responses;
    // No one to compare with: no alert.
    if (othersResponses === 0) continue;
    const othersShare = (negatives - count) / othersResponses;
    // The others' share with one negative and one positive added (Laplace): a handful of the others'
    // responses without a negative is no proof that the team never gets one.
    const pValue = binomialUpperTail(count, tally.responses, (negatives - count + 1) / (othersResponses + 2));
    if (!(pValue < level)) continue;
    alerts.push({
      kind: 'negative_ratings',
      agent: tickets.dictionaries.agent.valueOf(code),
      period: label,
      count,
      responses: tally.responses,
      othersShare,
      pValue,
      tickets: tally.negatives.map((t) => tickets.idOf(t)).sort(byCodeUnits),
    });
  }
  return alerts.sort((a, b) => compareValues([a.agent], [b.agent]));
}

/**
 * Agents whose negative ratings (bad, 1, 2) in a period of `grid` are both at least `settings.min`
 * and too many to be chance at the other agents' share (one-sided binomial test, Bonferroni over
 * the agents with a response in the period). Responses are placed by resolved_at, else created_at;
 * only the tickets `mask` selects count (undefined: all). Sorted by period, then agent.
 */
export function negativeRatingAlerts(
  tickets: TicketStore,
  grid: PeriodGrid,
  mask: Uint8Array | undefined,
  settings: AlertSettings['negativeRatings'],
): NegativeRatingsAlert[] {
  return tallyResponses(tickets, grid, mask).flatMap((byAgent, period) => periodRatingAlerts(tickets, grid.slots[period]!.label, byAgent, settings));
}

// ---------------------------------------------------------------------------------------------
// Volume anomalies


/**
 * The whole periods from `history` baseline steps before the grid's first period (weeks for days,
 * else periods) to the end of its last: the series the counts and baselines are read from.
 */
function historyGrid(grid: PeriodGrid, history: number): PeriodGrid {
  const { period, zone } = grid;
  let from = startOfPeriodHolding(grid.slots[0]!.start, period, zone);
  const steps = history * (period === 'day' ? 7 : 1);
  for (let i = 0; i < steps; i++) from = startOfPeriodHolding(from - 1, period, zone);
  const to = endOfPeriodHolding(grid.slots.at(-1)!.end - 1, period, zone);
  return buildPeriodGrid(from, to, period, zone);
}

/** One group's tickets created per period of the history grid, and the start of the period holding its first selected ticket. */
interface Series {
  counts: Int32Array;
  since: number;
}

/** Each group's series (indexed by group; a group no selected ticket is in has none). */
function seriesOf(tickets: TicketStore, history: PeriodGrid, grouping: Grouping, mask: Uint8Array | undefined): Series[] {
  const series: Series[] = [];
  for (let t = 0; t < tickets.length; t++) {
    if (!selected(mask, t)) continue;
    const created = tickets.createdAt[t]!;
    const own = (series[grouping.groupOf(t)] ??= { counts: new Int32Array(history.slots.length), since: Infinity });
    if (created < own.since) own.since = created;
    const slot = slotIndexOf(history, created);
    if (slot >= 0) own.counts[slot]!++;
  }
  // The history's periods are whole: one holding `since` starts where its slot does. The calendar
  // is asked only for a `since` before the history (a group per agent made ~100,000 such calls).
  for (const own of series) {
    if (own === undefined) continue;
    const slot = slotIndexOf(history, own.since);
    own.since = slot >= 0 ? history.slots[slot]!.start : startOfPeriodHolding(own.since, history.period, history.zone);
  }
  return series;
}

/** The verdict on one count: an alert's numbers, or null (no baseline, or within the threshold). */
function judge(count: number, points: readonly number[], settings: AlertSettings['volume']): Pick<VolumeAnomalyAlert, 'baseline' | 'score' | 'direction'> | null {
  if (points.length === 0 || points.length < settings.minBaseline) return null;
  const baseline = median(points)!;
  const mad = median(points.map((x) => Math.abs(x - baseline)))!;
  const spread = Math.max(1.4826 * mad, Math.sqrt(Math.max(baseline, 1)));
  // Halves away from zero, so that a score and its opposite round alike.
  const score = roundHalfAway((count - baseline) / spread, 2);
  if (!(Math.abs(score) >= settings.threshold) || Math.abs(count - baseline) < settings.minChange) return null;
  return { baseline, score, direction: score > 0 ? 'spike' : 'drop' };
}

/**
 * Periods of `grid` (per group of the `by` dimensions) whose count of created tickets is far from
 * its baseline: the median of the same weekday in the `history` weeks before (for days), else of
 * the `history` periods before, counting only periods from the one where the group's first
 * selected ticket was created (a period before any data is not a zero). No verdict with fewer than
 * `minBaseline` points, for a period the range cuts or the data does not reach the end of, or for
 * `all`. Only the tickets `mask` selects count (undefined: all). Sorted by period, then group values.
 */
export function volumeAnomalies(
  tickets: TicketStore,
  grid: PeriodGrid,
  by: readonly Dimension[],
  mask: Uint8Array | undefined,
  settings: AlertSettings['volume'],
): VolumeAnomalyAlert[] {
  if (grid.period === 'all' || grid.slots.length === 0 || !Number.isFinite(tickets.latestTimestamp)) return [];
  const history = historyGrid(grid, settings.history);
  const grouping = new Grouping(tickets, by);
  const series = seriesOf(tickets, history, grouping, mask);
  const step = grid.period === 'day' ? 7 : 1;
  const dataEnd = endOfPeriodHolding(tickets.latestTimestamp, 'day', grid.zone);
  const alerts: VolumeAnomalyAlert[] = [];
  for (const slot of grid.slots) {
    // Only a whole period (the history's own, which the range does not cut) the data reaches the end of is judged.
    const at = slotIndexOf(history, slot.start);
    const own = history.slots[at];
    if (own === undefined || own.start !== slot.start || own.end !== slot.end || slot.end > dataEnd) continue;
    const found: { values: (string | null)[]; alert: VolumeAnomalyAlert }[] = [];
    series.forEach(({ counts, since }, group) => {
      // A blank group (no team, no agent) is the untriaged tickets an export ends with, not volume.
      if (slot.start < since || grouping.values[group]!.includes(null)) return;
      const points: number[] = [];
      for (let j = 1; j <= settings.history && at - j * step >= 0; j++) {
        const before = at - j * step;
        if (history.slots[before]!.start >= since) points.push(counts[before]!);
      }
      const count = counts[at]!;
      const verdict = judge(count, points, settings);
      if (verdict === null) return;
      const values = grouping.values[group]!;
      const named = by.length === 0 ? null : Object.fromEntries(by.map((d, i) => [d, values[i]!]));
      found.push({ values, alert: { kind: 'volume_anomaly', period: slot.label, group: named, count, ...verdict } });
    });
    alerts.push(...found.sort((a, b) => compareValues(a.values, b.values)).map((f) => f.alert));
  }
  return alerts;
}
