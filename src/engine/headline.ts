import { METRICS } from '../metrics/index.js';
import type { Metric, Stat } from '../metrics/types.js';
import type { Headline, HeadlineItem } from '../report/types.js';
import { buildPeriodGrid, endOfPeriodHolding, gridOf, shiftedGrid, type PeriodGrid } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';
import { changeOf, figureOf } from './figures.js';
import { judge } from './goal-outcomes.js';
import { firstCreatedAt, Grouping, placeView, valuesOf, type Run } from './views.js';

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
 * The last complete period: the last one whose end the data reaches (its end is at or before the
 * end of the day holding the latest timestamp of the input); the last period when none is.
 */
export function lastCompleteSlot(grid: PeriodGrid, latestTimestamp: number): number {
  if (!Number.isFinite(latestTimestamp)) return grid.slots.length - 1;
  const reached = endOfPeriodHolding(latestTimestamp, 'day', grid.zone);
  for (let i = grid.slots.length - 1; i >= 0; i--) if (grid.slots[i]!.end <= reached) return i;
  return grid.slots.length - 1;
}

export function headlineOf(run: Run, grid: PeriodGrid): Headline | null {
  const { options, tickets } = run;
  const metrics: Metric[] = HEADLINE.flatMap(({ metric }) => options.metrics.filter((m) => m.meta.id === metric && !run.unavailable.has(metric)));
  if (grid.slots.length === 0 || metrics.length === 0) return null;
  const slot = grid.slots[lastCompleteSlot(grid, tickets.latestTimestamp)]!;
  const comparison = options.compare ?? 'previous';
  const own = buildPeriodGrid(slot.start, slot.end, grid.period, grid.zone);
  own.slots[0]!.label = slot.label;
  const compared = shiftedGrid(own, comparison);
  // A period that ends before the first ticket was created holds no data: nothing to compare with, rather than zeros.
  const against = compared.missing[0] || compared.slots[0]!.end <= firstCreatedAt(tickets) ? null : compared.slots[0]!;
  // One view of two periods (the compared one first: it ends before the headline's starts).
  const both = gridOf(against === null ? [slot] : [against, slot], grid.period, grid.zone, slot.start);
  const placing = placeView(run, { metrics, grid: both }, new Grouping(tickets, []));
  const values = valuesOf(run);
  const current = values(metrics, placing.rowAt(both.slots.length - 1, 0, false)!.accumulators);
  const previous = against === null ? null : values(metrics, placing.rowAt(0, 0, false)!.accumulators);
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
