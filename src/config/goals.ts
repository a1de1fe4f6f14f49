import { STATS_OF, type Stat, type Unit } from '../metrics/types.js';
import type { Dimension } from '../schema/fields.js';
import type { TicketCondition } from '../tickets/conditions.js';
import { formatTarget, parseDuration } from './duration.js';

/**
 * Goals, as the config (`goals`) and `--goal` write them, made into the form the engine judges:
 * a metric's number, an operator and a target in the metric's own units (seconds, a fraction, a
 * count, NPS points). Pure: the metrics' units come in as a lookup.
 */

export type GoalLevel = 'error' | 'warn';
/** Judged over the whole range (the totals), every period, or the last period. */
export type GoalSpan = 'all' | 'each' | 'last';
export const GOAL_LEVELS = ['error', 'warn'] as const;
export const GOAL_SPANS = ['all', 'each', 'last'] as const;
export const STAT_NAMES = ['median', 'mean', 'p90', 'count', 'value'] as const satisfies readonly Stat[];

export interface Goal {
  name: string;
  metric: string;
  stat: Stat;
  operator: '>=' | '<=';
  target: number;
  level: GoalLevel;
  /** One outcome per group of this dimension; null: one for all tickets. */
  by: Dimension | null;
  /** Only the tickets meeting these (on top of --where). */
  where: readonly TicketCondition[];
  /** Fewer tickets behind the number: not judged. */
  minSample: number;
  over: GoalSpan;
}

/** A goal as written: the config's entry, or --goal's text taken apart. */
export interface GoalText {
  name?: string;
  metric: string;
  stat?: Stat;
  min?: number | string;
  max?: number | string;
  level?: GoalLevel;
  by?: Dimension;
  where?: readonly TicketCondition[];
  minSample?: number;
  over?: GoalSpan;
}

export class GoalError extends Error {}

/** The target in the metric's units: a duration (`90s`, `2h`, `1h30m`, or seconds), a rate (`0.85` or `85%`), a count or NPS. */
export function targetOf(unit: Unit, stat: Stat, written: number | string): number {
  const text = String(written).trim();
  const number = typeof written === 'number' ? written : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (unit === 'duration' && stat !== 'count') {
    if (number >= 0) return number;
    const ms = parseDuration(text);
    if (Number.isNaN(ms)) throw new GoalError(`${JSON.stringify(written)} is not a duration: write seconds (90) or 90s, 2h, 1h30m, 3d`);
    return ms / 1000;
  }
  if (unit === 'rate') {
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
    const fraction = percent !== null ? Number(percent[1]) / 100 : number;
    if (!(fraction >= 0 && fraction <= 1)) throw new GoalError(`${JSON.stringify(written)} is not a rate: write a fraction (0.85) or a percentage ("85%")`);
    return fraction;
  }
  if (unit === 'nps') {
    if (!(number >= -100 && number <= 100)) throw new GoalError(`${JSON.stringify(written)} is not an NPS from -100 to 100`);
    return number;
  }
  if (!(number >= 0)) throw new GoalError(`${JSON.stringify(written)} is not a number ≥ 0`);
  return number;
}

/** How a target reads in a goal's name and messages: `2h`, `85%`, `0.9`, `50`. */
export function targetText(unit: Unit, stat: Stat, target: number): string {
  if (unit === 'duration' && stat !== 'count') return Number.isInteger(target) && target > 0 ? formatTarget(target * 1000) : `${target}s`;
  if (unit === 'rate') return `${Math.round(target * 1e6) / 1e4}%`;
  return String(target);
}

/**
 * A goal as the engine judges it. `unitOf` gives a metric's unit (undefined: no such metric,
 * `metricIds` then names the ones there are). Throws a GoalError naming what is wrong.
 */
export function goalOf(text: GoalText, unitOf: (metric: string) => Unit | undefined): Goal {
  const unit = unitOf(text.metric);
  if (unit === undefined) throw new GoalError(`"${text.metric}" is not a metric (\`support-metrics metrics\` lists them)`);
  const stats = STATS_OF[unit];
  const stat = text.stat ?? stats[0]!;
  if (!stats.includes(stat)) throw new GoalError(`${text.metric} has no "${stat}": its ${stats.length === 1 ? 'number is' : 'numbers are'} ${stats.join(', ')}`);
  if ((text.min === undefined) === (text.max === undefined)) throw new GoalError('give one of min or max');
  const operator = text.min !== undefined ? '>=' : '<=';
  const target = targetOf(unit, stat, (text.min ?? text.max)!);
  const minSample = text.minSample ?? 1;
  const statName = stats.length === 1 ? '' : ` ${stat}`;
  return {
    name: text.name ?? `${text.metric}${statName} ${operator} ${targetText(unit, stat, target)}`,
    metric: text.metric,
    stat,
    operator,
    target,
    level: text.level ?? 'error',
    by: text.by ?? null,
    where: text.where ?? [],
    minSample,
    over: text.over ?? 'all',
  };
}

/** `first_response_time.median<=2h`, `csat>=85%`: --goal's text taken apart (error level, over the whole range). */
export function goalTextOf(flag: string): GoalText {
  const match = /^\s*([a-z_]+)(?:\.([a-z0-9]+))?\s*(<=|>=)\s*(\S.*?)\s*$/.exec(flag);
  if (match === null) throw new GoalError(`${JSON.stringify(flag)} is not a goal: write metric[.stat]<=target or >=target, e.g. first_response_time.median<=2h or csat>=85%`);
  const [, metric, stat, operator, target] = match as unknown as [string, string, string | undefined, '<=' | '>=', string];
  return { metric, ...(stat === undefined ? {} : { stat: stat as Stat }), ...(operator === '>=' ? { min: target } : { max: target }) };
}
