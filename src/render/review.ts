import { figureOf, type Change } from '../engine/figures.js';
import { sparkline } from './charts.js';
import type { Stat, Unit } from '../metrics/types.js';
import type { Alert, GoalOutcome, HeadlineItem, Report } from '../report/types.js';
import { formatCount, formatDuration, formatPercent, formatRatio, formatScore, NONE, NOT_AVAILABLE } from './format.js';

/**
 * The review parts of a report as cells: the headline (each number, its change, its goal mark)
 * and the goals' outcomes. Shared by the table and Markdown renderers, which only lay them out
 * (and colour them on a terminal). Presentation only.
 */

export const MARK = { passed: '✓', failed: '✗', notJudged: '–' } as const;

/** A metric's number as tables show it: a duration humane, a rate in percent, a count with separators. */
export function formatFigure(unit: Unit, stat: Stat, value: number | null): string {
  if (value === null) return NOT_AVAILABLE;
  if (unit === 'duration') return stat === 'count' ? formatCount(value) : formatDuration(value);
  if (unit === 'rate') return formatPercent(value);
  if (unit === 'ratio') return formatRatio(value);
  if (unit === 'nps') return formatScore(value);
  return formatCount(value);
}

/** `▲ 2.1 pts`, `▼ 12%`, `= 0%`; `–` with nothing to compare; `too few` under the sample a change needs. */
export function changeText(change: Change): string {
  switch (change.kind) {
    case 'none':
      return '–';
    case 'too few':
      return `too few (< ${change.minSample})`;
    default: {
      const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '=';
      const size = `${Math.abs(change.value)}${change.kind === 'points' ? ' pts' : '%'}`;
      const judged = change.better === null ? '' : change.better ? ' better' : ' worse';
      return `${arrow} ${size}${judged}`;
    }
  }
}

export function markOf(passed: boolean | null): string {
  return passed === null ? MARK.notJudged : passed ? MARK.passed : MARK.failed;
}

/** A headline item's label: the metric's short title, and the number when it is not the value itself (`First response, median`). */
function itemLabel(report: Report, item: HeadlineItem): string {
  const metric = report.metrics.find((m) => m.id === item.metric);
  const title = metric?.title ?? item.metric;
  return item.stat === 'median' || item.stat === 'mean' || item.stat === 'p90' ? `${title}, ${item.stat}` : title;
}

const unitOf = (report: Report, metric: string): Unit => report.metrics.find((m) => m.id === metric)?.unit ?? 'count';

export interface HeadlineCells {
  label: string;
  value: string;
  previous: string;
  change: string;
  /** For colour: whether the change is better, worse or neither. */
  better: boolean | null;
  goal: string;
  /** The number across the report's periods as a sparkline (a space for n/a); '' with --by or a single period. */
  trend: string;
}

/** The headline's title (`2026-W15 against 2026-W14`), then one set of cells per number. */
export function headlineCells(report: Report): { title: string; items: HeadlineCells[] } | null {
  const { headline } = report;
  if (headline === null) return null;
  const against = headline.against === null ? `(no data in the ${headline.comparison === 'year' ? 'same period a year earlier' : 'period before'} to compare with)` : `against ${headline.against.period}`;
  return {
    title: `${headline.period} ${against}`,
    items: headline.items.map((item) => {
      const unit = unitOf(report, item.metric);
      return {
        label: itemLabel(report, item),
        value: formatFigure(unit, item.stat, item.value),
        previous: headline.against === null ? '' : formatFigure(unit, item.stat, item.previous),
        change: changeText(item.change),
        better: item.change.kind === 'points' || item.change.kind === 'percent' ? item.change.better : null,
        goal: item.goal === null ? '' : `${markOf(item.goal.passed)} ${item.goal.name}`,
        trend: report.by.length > 0 || report.rows.length < 2 ? '' : sparkline(report.rows.map((row) => figureOf(unit, row.metrics[item.metric] ?? null, item.stat).value)),
      };
    }),
  };
}

/** A goal outcome's group as text: `team Billing`, `agent (none)`; '' for none. */
function groupText(group: GoalOutcome['group']): string {
  if (group === null) return '';
  return Object.entries(group)
    .map(([dimension, value]) => `${dimension} ${value ?? NONE}`)
    .join(', ');
}

export const GOAL_HEADINGS = ['', 'Goal', 'Group', 'Period', 'Actual', 'Target', 'Sample', 'Level'] as const;

/** One row of cells per goal outcome, in GOAL_HEADINGS order. */
export function goalRows(report: Report): string[][] {
  return report.goals.map((g) => {
    const { unit } = g;
    const sample = g.passed === null && g.actual !== null ? `${formatCount(g.sample)} (< ${formatCount(g.minSample)}: not judged)` : formatCount(g.sample);
    return [markOf(g.passed), g.name, groupText(g.group), g.period, formatFigure(unit, g.stat, g.actual), `${g.operator} ${formatFigure(unit, g.stat, g.target)}`, sample, g.level];
  });
}

/** The goals that failed, one line each, for stderr: `error: csat >= 85%: 81.2% (sample 240)`. */
export function failedGoalLines(report: Report): string[] {
  return report.goals
    .filter((g) => g.passed === false)
    .map((g) => {
      const { unit } = g;
      const where = [groupText(g.group), g.period === 'all' ? '' : g.period].filter((t) => t !== '').join(', ');
      return `goal failed (${g.level}): ${g.name}${where === '' ? '' : ` [${where}]`}: ${formatFigure(unit, g.stat, g.actual)} (sample ${formatCount(g.sample)})`;
    });
}

/** Ticket ids an alert line lists before it says how many more. */
const IDS_SHOWN = 10;

/** One alert as a sentence: `Negative ratings: ana, 2026-W10: 5 of 12 responses (others 2.5%, p = 0.0001); tickets 101, 107`. */
export function alertText(alert: Alert): string {
  if (alert.kind === 'negative_ratings') {
    const others = alert.othersShare === null ? 'no other agent rated' : `others ${formatPercent(alert.othersShare)}`;
    const ids = alert.tickets.slice(0, IDS_SHOWN).join(', ');
    const more = alert.tickets.length > IDS_SHOWN ? ` and ${formatCount(alert.tickets.length - IDS_SHOWN)} more` : '';
    return `Negative ratings: ${alert.agent ?? NONE}, ${alert.period}: ${formatCount(alert.count)} of ${formatCount(alert.responses)} responses (${others}, p = ${alert.pValue.toPrecision(2)}); tickets ${ids}${more}`;
  }
  const group = groupText(alert.group);
  return `Volume ${alert.direction}: ${alert.period}${group === '' ? '' : ` (${group})`}: ${formatCount(alert.count)} tickets created against a usual ${formatCount(alert.baseline)} (score ${alert.score})`;
}
