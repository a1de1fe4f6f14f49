import { METRICS } from '../metrics/index.js';
import type { Accumulator, Metric, Stat } from '../metrics/types.js';
import type { Headline, HeadlineItem } from '../report/types.js';
import { buildPeriodGrid, endOfPeriodHolding, gridOf, shiftedGrid, type PeriodGrid } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';
import { changeOf, figureOf } from './figures.js';
import { judge } from './goal-outcomes.js';
import { firstCreatedAt, Grouping, placeView, valuesOf, type Placing, type Run } from './views.js';

/**
 * The numbers a lead reads first: for the last complete period of the range, against the period
 * before it (or the same period a year earlier, with --compare year), all the selected tickets
 * together whatever --by says. Pure.
 */

/** The headline's numbers, in order; those whose metric is not in the report or is n/a are left out. */
export const HEADLINE: readonly { metric: string; stat: Stat }[] = [
  { metric: 'tickets_created', stat: 'count' },
  { metric: 'tickets_resolved', stat: 'count' },
  { metric: 'backlog', stat: 'count' },
  { metric: 'first_response_time', stat: 'median' },
  { metric: 'resolution_time', stat: 'median' },
  { metric: 'csat', stat: 'value' },
  { metric: 'first_response_sla', stat: 'value' },
  { metric: 'resolution_sla', stat: 'value' },
];

/**
 * The accumulators of `metrics` in each period of `grid`, all the selected tickets together. When
 * those periods are `main.slots` of the report's own view, a metric placed by an event is that
 * view's rows of the period merged, all groups together (Placing.mergedInSlot), rather than every
 * ticket placed again: on a million tickets that was ~0.12 s of ~0.6 s of computing. Only a backlog
 * is placed here then, since a group's row holds it only where the group had an event. Else (a
 * period a year back, or a partial one) the metrics are placed as a view of their own.
 */
function periodAccumulators(run: Run, metrics: readonly Metric[], grid: PeriodGrid, main: { placing: Placing; slots: number[] } | undefined): Accumulator[][] {
  const placedHere = main === undefined ? metrics : metrics.filter((m) => m.meta.placement === 'open_at_end');
  const placed = placedHere.length === 0 ? undefined : placeView(run, { metrics: placedHere, grid }, new Grouping(run.tickets, []));
  return grid.slots.map((_, s) =>
    metrics.map((m) => {
      const here = placedHere.indexOf(m);
      return here >= 0 ? placed!.rowAt(s, 0, false)!.accumulators[here]! : main!.placing.mergedInSlot(main!.slots[s]!, m);
    }),
  );
}

/**
 * The last complete period: the last one whose end the data reaches (its end is at or before the
 * end of the day holding the latest timestamp of the input); the last period when none is.
 */
export function lastCompleteSlot(grid: PeriodGrid, latestTimestamp: number): number {
  if (!Number.isFinite(latestTimestamp)) return grid.slots.length - 1;
  const reached = endOfPeriodHolding(latestTimestamp, 'day', grid.zone);
  for (let i = grid.slots.length - 1; i >= 0; i--) if (grid.slots[i]!.end <= reached) return i;
  return grid.slots.length - 1;
}

/**
 * `main`: the report's own view, placed over `grid` (with the metrics of the report, split by its
 * groups or not); the headline's periods are taken from its rows when they are periods of it (see
 * periodAccumulators).
 */
export function headlineOf(run: Run, grid: PeriodGrid, main?: Placing): Headline | null {
  const { options, tickets } = run;
  const metrics: Metric[] = HEADLINE.flatMap(({ metric }) => options.metrics.filter((m) => m.meta.id === metric && !run.unavailable.has(metric)));
  if (grid.slots.length === 0 || metrics.length === 0) return null;
  const last = lastCompleteSlot(grid, tickets.latestTimestamp);
  const slot = grid.slots[last]!;
  const comparison = options.compare ?? 'previous';
  const own = buildPeriodGrid(slot.start, slot.end, grid.period, grid.zone);
  own.slots[0]!.label = slot.label;
  const compared = shiftedGrid(own, comparison);
  // A period that ends before the first ticket was created holds no data: nothing to compare with, rather than zeros.
  const against = compared.missing[0] || compared.slots[0]!.end <= firstCreatedAt(tickets) ? null : compared.slots[0]!;
  // Two periods (the compared one first: it ends before the headline's starts).
  const both = gridOf(against === null ? [slot] : [against, slot], grid.period, grid.zone, slot.start);
  // The same periods in the report's own grid, when they are periods of it (the one before is, unless the range cuts it short).
  const before = grid.slots[last - 1];
  const inGrid = against === null ? [last] : before !== undefined && before.start === against.start && before.end === against.end ? [last - 1, last] : undefined;
  const periods = periodAccumulators(run, metrics, both, main === undefined || inGrid === undefined ? undefined : { placing: main, slots: inGrid });
  const values = valuesOf(run);
  const current = values(metrics, periods.at(-1)!);
  const previous = against === null ? null : values(metrics, periods[0]!);
  const instant = (at: number): string => formatInstant(at, grid.zone);
  const items = HEADLINE.flatMap(({ metric, stat }): HeadlineItem[] => {
    const meta = METRICS.find((m) => m.meta.id === metric)!.meta;
    if (!metrics.some((m) => m.meta.id === metric)) return [];
    const figure = figureOf(meta.unit, current[metric]!, stat);
    const before = previous === null ? null : figureOf(meta.unit, previous[metric]!, stat);
    const goal = options.goals?.find((g) => g.metric === metric && g.stat === stat && g.by === null && g.where.length === 0);
    return [
      {
        metric,
        stat,
        value: figure.value,
        sample: figure.sample,
        previous: before?.value ?? null,
        previousSample: before?.sample ?? null,
        change: changeOf(meta.unit, stat, figure, before, meta.higherIsBetter),
        goal: goal === undefined ? null : { name: goal.name, level: goal.level, passed: judge(goal, figure, meta.unit) },
      },
    ];
  });
  return {
    period: slot.label,
    start: instant(slot.start),
    end: instant(slot.end),
    comparison,
    against: against === null ? null : { period: against.label, start: instant(against.start), end: instant(against.end) },
    items,
  };
}
