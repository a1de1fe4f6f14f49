import type { Goal } from '../config/goals.js';
import { METRICS } from '../metrics/index.js';
import type { Metric, Unit } from '../metrics/types.js';
import type { GoalOutcome } from '../report/types.js';
import { selection } from '../tickets/conditions.js';
import { buildPeriodGrid, type PeriodGrid } from '../time/periods.js';
import { figureOf, type Figure } from './figures.js';
import { compareValues, Grouping, placeView, valuesOf, type Run } from './views.js';

/**
 * Goals judged: each over its own view of the tickets (the report's --where and its own `where`,
 * split by its `by`, over the whole range, every period or the last one), one outcome per group
 * and period. Goals that share a view are placed together. Pure.
 */

/**
 * Whether a figure meets a goal: null when it cannot be judged (no data, or fewer tickets than
 * minSample). A count is judged whatever its size: 0 tickets resolved is a fact, not a small sample.
 */
export function judge(goal: Pick<Goal, 'operator' | 'target' | 'minSample'>, figure: Figure, unit: Unit): boolean | null {
  if (figure.value === null || (unit !== 'count' && figure.sample < goal.minSample)) return null;
  return goal.operator === '>=' ? figure.value >= goal.target : figure.value <= goal.target;
}

/** The grid a goal is judged over: the whole range as one period, every period of the report, or its last one. */
function gridOf(goal: Goal, run: Run, grid: PeriodGrid): PeriodGrid {
  const { range, zone } = run.options;
  if (goal.over === 'each' || grid.slots.length === 0) return grid;
  if (goal.over === 'all') return buildPeriodGrid(range.from, range.to, 'all', zone);
  const last = grid.slots.at(-1)!;
  return buildPeriodGrid(last.start, last.end, grid.period, zone);
}

const metricOf = (id: string): Metric => METRICS.find((m) => m.meta.id === id)!;

export function judgeGoals(run: Run, grid: PeriodGrid): GoalOutcome[] {
  const goals = run.options.goals ?? [];
  // One view per (where, by, over): the goals that share it are placed together.
  const keyOf = (goal: Goal): string => JSON.stringify([goal.where, goal.by, goal.over]);
  const views = new Map<string, Goal[]>();
  for (const goal of goals) views.set(keyOf(goal), [...(views.get(keyOf(goal)) ?? []), goal]);
  const outcomes = new Map<Goal, GoalOutcome[]>();
  const values = valuesOf(run);
  for (const shared of views.values()) {
    const { where, by, over } = shared[0]!;
    const metrics = [...new Set(shared.map((g) => metricOf(g.metric)))];
    const mask = where.length === 0 ? run.mask : selection(run.tickets, [...(run.options.where ?? []), ...where]).mask;
    const goalGrid = gridOf(shared[0]!, run, grid);
    const grouping = new Grouping(run.tickets, by === null ? [] : [by]);
    const placing = placeView(run, { metrics, grid: goalGrid, mask }, grouping);
    const cells = placing.rowsByGroup
      .flatMap((rows) => rows.filter((row) => row !== undefined))
      .sort((a, b) => a.slot - b.slot || compareValues(grouping.values[a.group]!, grouping.values[b.group]!));
    for (const goal of shared) {
      const metric = metricOf(goal.metric);
      outcomes.set(
        goal,
        cells.map((cell) => {
          const figure = figureOf(metric.meta.unit, values(metrics, cell.accumulators)[goal.metric]!, goal.stat);
          return {
            name: goal.name,
            metric: goal.metric,
            unit: metric.meta.unit,
            stat: goal.stat,
            operator: goal.operator,
            target: goal.target,
            actual: figure.value,
            sample: figure.sample,
            group: by === null ? null : { [by]: grouping.values[cell.group]![0]! },
            period: over === 'all' ? 'all' : goalGrid.slots[cell.slot]!.label,
            level: goal.level,
            passed: judge(goal, figure, metric.meta.unit),
            minSample: goal.minSample,
          };
        }),
      );
    }
  }
  return goals.flatMap((goal) => outcomes.get(goal)!);
}
