import { roundHalfAway } from '../metrics/stats.js';
import type { DurationValue, MetricValue, NpsValue, RateValue, Stat, Unit } from '../metrics/types.js';

export { STATS_OF, type Stat } from '../metrics/types.js';

/**
 * One number out of a metric's value, as goals and the headline use it, with the tickets behind it;
 * and the change between two such numbers. Pure.
 */


export interface Figure {
  /** In the metric's own units: seconds, a fraction, a count, NPS points; null: no data. */
  value: number | null;
  /** The tickets behind it: a rate's denominator, a duration's count, NPS responses, a count itself. */
  sample: number;
}

/** The number `stat` of a metric value (null value: the metric is n/a). */
export function figureOf(unit: Unit, value: MetricValue, stat: Stat): Figure {
  if (value === null) return { value: null, sample: 0 };
  switch (unit) {
    case 'count':
      return { value: value as number, sample: value as number };
    case 'duration': {
      const d = value as DurationValue;
      return { value: stat === 'count' ? d.count : d[stat as 'median' | 'mean' | 'p90'], sample: d.count };
    }
    case 'nps':
      return { value: (value as NpsValue).value, sample: (value as NpsValue).responses };
    case 'rate':
    case 'ratio':
      return { value: (value as RateValue).value, sample: (value as RateValue).denominator };
  }
}

/** Fewer tickets than this behind either number, and a change means nothing: none is shown. */
export const MIN_CHANGE_SAMPLE = 10;

/**
 * A change between two periods: in percentage points for rates (fractions) and NPS (its own
 * points), relative (percent) for counts, durations and ratios. `better`: by the metric's
 * higherIsBetter (null: neither, or no change).
 */
export type Change =
  | { kind: 'points' | 'percent'; value: number; direction: 'up' | 'down' | 'flat'; better: boolean | null }
  /** Either side has fewer than MIN_CHANGE_SAMPLE tickets behind it. */
  | { kind: 'too few'; minSample: number }
  /** Nothing to compare with: no data on a side, or a relative change from 0. */
  | { kind: 'none' };

export function changeOf(unit: Unit, stat: Stat, current: Figure, previous: Figure | null, higherIsBetter: boolean | null): Change {
  if (previous === null || current.value === null || previous.value === null) return { kind: 'none' };
  if (current.sample < MIN_CHANGE_SAMPLE || previous.sample < MIN_CHANGE_SAMPLE) return { kind: 'too few', minSample: MIN_CHANGE_SAMPLE };
  const points = (unit === 'rate' || unit === 'nps') && stat === 'value';
  let value: number;
  if (points) value = unit === 'rate' ? (current.value - previous.value) * 100 : current.value - previous.value;
  else if (previous.value === 0) return { kind: 'none' };
  else value = ((current.value - previous.value) / Math.abs(previous.value)) * 100;
  // A change rounds to one decimal in every output; below that it is no change.
  // Half a tenth rounds away from zero both ways, and never to -0.
  value = roundHalfAway(value, 1);
  const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const better = direction === 'flat' || higherIsBetter === null ? null : (direction === 'up') === higherIsBetter;
  return { kind: points ? 'points' : 'percent', value, direction, better };
}
