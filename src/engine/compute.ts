import { formatCount } from '../count-text.js';
import type { Goal } from '../config/goals.js';
import type { Dimension } from '../schema/fields.js';
import { selection, whereKeyOf, type TicketCondition } from '../tickets/conditions.js';
import { METRICS } from '../metrics/index.js';
import { businessDeadline, businessTimes, type ScheduleRule } from './business-hours.js';
import { DEFAULT_ALERT_SETTINGS, negativeRatingAlerts, volumeAnomalies, type AlertSettings } from './alerts.js';
import { judgeGoals } from './goal-outcomes.js';
import { DEFAULT_MAX_GROUPS } from './group-limit.js';
import { headlineOf } from './headline.js';
import type { Attribution } from './attribution.js';
import { evaluateSla, type SlaPolicy } from '../sla/evaluate.js';
import { inputNotes } from './input-notes.js';
import type { IngestSummary } from '../tickets/ingest.js';
import { resolvedAtUnknownTime, type TicketStore } from '../tickets/store.js';
import { buildPeriodGrid, comparedRange, shiftedGrid, type Comparison, type Period } from '../time/periods.js';
import { formatInstant } from '../time/zone.js';
import { REPORT_SCHEMA, type Report, type ReportNote, type ReportRow } from '../report/types.js';
import type { Metric, MetricContext } from '../metrics/types.js';
import { ListMemory } from '../metrics/stats.js';
import { compareValues, firstCreatedAt, Grouping, placeView, ScratchArrays, valuesOf, type Row, type Run } from './views.js';

/**
 * Places every ticket's events in periods (and groups, with --by), feeds the metrics'
 * accumulators, and assembles the Report. Pure: the zone, range and settings come in as arguments.
 */


export interface ComputeOptions {
  metrics: readonly Metric[];
  period: Period;
  zone: string;
  inputZone: string;
  by: readonly Dimension[];
  range: { from: number; to: number };
  attribution: Attribution;
  churnTags: readonly string[];
  sla: readonly SlaPolicy[];
  /** --where: the metrics, rows and goals see only the tickets meeting all of these. */
  where?: readonly TicketCondition[];
  /** --compare: each row and the totals also for the period before, or a year earlier. */
  compare?: Comparison;
  goals?: readonly Goal[];
  /** How sensitive the alerts are (default DEFAULT_ALERT_SETTINGS). */
  alerts?: AlertSettings;
  /** The config's schedules: business times from the timestamps, business-clock SLA deadlines. */
  schedules?: readonly ScheduleRule[];
  /** --max-groups: the most groups `by` may make (null: no limit; default DEFAULT_MAX_GROUPS). */
  maxGroups?: number | null;
}

/**
 * A metric is available when each of its needs is met by a column of at least one input file,
 * and its settings allow it (an SLA metric needs a policy with its target).
 */
function unavailableNotes(metrics: readonly Metric[], present: ReadonlySet<string>, context: MetricContext): ReportNote[] {
  const notes: ReportNote[] = [];
  for (const { meta } of metrics) {
    const unmet = meta.needs.filter((alternatives) => !alternatives.some((f) => present.has(f)));
    if (unmet.length > 0) {
      const columns = unmet.map((alternatives) => alternatives.join(' or '));
      const message =
        columns.length === 1
          ? `no input file has the ${columns[0]} column`
          : `no input file has the columns ${columns.slice(0, -1).join(', ')} and ${columns.at(-1)}`;
      notes.push({ metric: meta.id, message });
      continue;
    }
    const reason = meta.unavailable?.(context) ?? null;
    if (reason !== null) notes.push({ metric: meta.id, message: reason });
  }
  return notes;
}

/** How many tickets are resolved at a moment the data does not give, and what that means for the figures. */
function unknownResolutionNotes(tickets: TicketStore): ReportNote[] {
  let n = 0;
  for (let t = 0; t < tickets.length; t++) if (resolvedAtUnknownTime(tickets, t)) n++;
  if (n === 0) return [];
  const which = n === 1 ? '1 ticket is resolved by its' : `${formatCount(n)} tickets are resolved by their`;
  return [
    {
      metric: null,
      message: `${which} status or resolved column without a resolution time: resolution_rate counts ${n === 1 ? 'it' : 'them'} as resolved and no backlog holds ${n === 1 ? 'it' : 'them'}; tickets_resolved, resolution_time and resolution_sla leave ${n === 1 ? 'it' : 'them'} out`,
    },
  ];
}

/** A warning when schedules leave tickets without business figures. */
function businessNotes(context: MetricContext): ReportNote[] {
  const n = context.business?.unmatched ?? 0;
  if (n === 0) return [];
  const tickets = n === 1 ? '1 ticket matched no schedule and has' : `${formatCount(n)} tickets matched no schedule and have`;
  return [{ metric: null, message: `${tickets} no business first response or resolution time, and no business-clock SLA outcome` }];
}

/** Tag-list codes that hold one of the churn tags (ignoring case). */
function churnTagLists(tickets: TicketStore, churnTags: readonly string[]): Set<number> {
  const wanted = new Set(churnTags.map((t) => t.trim().toLowerCase()));
  const codes = new Set<number>();
  tickets.dictionaries.tags.values.forEach((_, code) => {
    if (tickets.tagListOf(code).some((tag) => wanted.has(tag.toLowerCase()))) codes.add(code);
  });
  return codes;
}

/** What the metrics need beyond the tickets: SLA outcomes and churn tags, derived once per run. */
export function metricContext(tickets: TicketStore, options: Pick<ComputeOptions, 'churnTags' | 'sla' | 'schedules'>): MetricContext {
  const schedules = options.schedules ?? [];
  const business = schedules.length === 0 ? undefined : businessTimes(tickets, schedules);
  const deadline = business === undefined ? undefined : (slot: number, targetMs: number): number => businessDeadline(tickets, business, slot, targetMs);
  return {
    churnTags: options.churnTags,
    churnTagLists: churnTagLists(tickets, options.churnTags),
    sla: evaluateSla(tickets, options.sla, tickets.latestTimestamp, deadline),
    ...(business === undefined ? {} : { business }),
  };
}

/** The Report's account of the input: distinct tickets used, and each file's counts. */
function reportInput(input: IngestSummary): Report['input'] {
  return {
    records: input.store.length,
    rejected: input.rejected,
    duplicates: input.duplicates,
    folded: input.files.reduce((n, f) => n + f.folded, 0),
    setAside: input.setAside,
    files: input.files.map((f) => ({
      path: f.path,
      read: f.read,
      header: f.header,
      blank: f.blank,
      folded: f.folded,
      records: f.used,
      duplicates: f.duplicates,
      rejected: f.rejected,
      setAside: f.setAside,
    })),
  };
}

export function computeReport(input: IngestSummary, options: ComputeOptions): Report {
  const { store: tickets } = input;
  const { metrics, by } = options;
  // The rows' lists of durations are made in memory the store no longer needs first (see ListMemory).
  const context: MetricContext = { ...metricContext(tickets, options), lists: new ListMemory((bytes) => tickets.takeSpare(bytes)) };
  const where = options.where ?? [];
  const { mask, count: matched } = selection(tickets, where);
  // With schedules, the business figures come from the timestamps: the export need not carry them.
  const present = context.business === undefined ? input.presentFields : new Set([...input.presentFields, 'business_first_response_time', 'business_resolution_time']);
  const notes = unavailableNotes(metrics, present, context);
  const unavailable = new Set(notes.map((n) => n.metric!));
  for (const metric of METRICS) if (!metrics.includes(metric) && unavailableNotes([metric], present, context).length > 0) unavailable.add(metric.meta.id);
  notes.unshift(...inputNotes(input), ...unknownResolutionNotes(tickets), ...businessNotes(context));
  const run: Run = { tickets, options, context, mask, unavailable, scratch: new ScratchArrays(tickets.length, (bytes) => tickets.takeSpare(bytes)) };
  const values = valuesOf(run);

  const grid = buildPeriodGrid(options.range.from, options.range.to, options.period, options.zone);
  const grouping = new Grouping(tickets, by, options.maxGroups === undefined ? DEFAULT_MAX_GROUPS : options.maxGroups);
  const placing = placeView(run, { metrics, grid }, grouping);
  const compared = options.compare === undefined ? undefined : shiftedGrid(grid, options.compare);
  const previous = compared === undefined ? undefined : placeView(run, { metrics, grid: compared }, grouping);
  const previousRange = options.compare === undefined ? undefined : comparedRange(options.range, grid, options.compare);
  // A compared period that ends before the first ticket was created holds no data: null, rather than zeros.
  const firstCreated = firstCreatedAt(tickets);
  const previousTotals =
    previousRange === undefined || previousRange.to <= firstCreated
      ? undefined
      : placeView(run, { metrics, grid: buildPeriodGrid(previousRange.from, previousRange.to, 'all', options.zone) }, new Grouping(tickets, [])).totals;

  // Each period's bounds as text, once: a report split by many groups has many rows per period.
  const bounds = grid.slots.map((period) => ({ start: formatInstant(period.start, options.zone), end: formatInstant(period.end, options.zone) }));
  const rows = placing.rowsByGroup
    .flatMap((rows) => rows.filter((row): row is Row => row !== undefined))
    .sort((a, b) => a.slot - b.slot || compareValues(grouping.values[a.group]!, grouping.values[b.group]!))
    .map((row): ReportRow => {
      const period = grid.slots[row.slot]!;
      const dimensions = Object.fromEntries(by.map((d, i) => [d, grouping.values[row.group]![i]!]));
      const reportRow: ReportRow = { period: period.label, ...bounds[row.slot]!, ...dimensions, metrics: values(metrics, row.accumulators) };
      if (previous !== undefined) {
        const before = compared!.slots[row.slot]!;
        reportRow.previous = compared!.missing[row.slot] || before.end <= firstCreated ? null : previous.valuesAt(row.slot, row.group, values);
      }
      return reportRow;
    });

  const instant = (at: number): string => formatInstant(at, options.zone);
  return {
    schema: REPORT_SCHEMA,
    timezone: options.zone,
    inputTimezone: options.inputZone,
    period: options.period,
    attribution: options.attribution,
    by: [...by],
    compare: options.compare ?? null,
    range: {
      from: instant(options.range.from),
      to: instant(options.range.to),
      ...(previousRange === undefined ? {} : { previous: { from: instant(previousRange.from), to: instant(previousRange.to) } }),
    },
    filter: { where: where.map(({ field, values }) => ({ key: whereKeyOf(field), values: [...values] })), matched },
    businessHours:
      context.business === undefined
        ? { source: 'export', schedules: [], unmatched: 0 }
        : { source: 'schedules', schedules: context.business.schedules.map((s) => s.name), unmatched: context.business.unmatched },
    input: reportInput(input),
    metrics: metrics.map(({ meta }) => ({ id: meta.id, title: meta.title, short: meta.short, unit: meta.unit, section: meta.section })),
    notes,
    headline: headlineOf(run, grid, placing),
    goals: judgeGoals(run, grid),
    alerts: [
      ...negativeRatingAlerts(tickets, grid, mask, (options.alerts ?? DEFAULT_ALERT_SETTINGS).negativeRatings),
      ...volumeAnomalies(tickets, grid, by, mask, (options.alerts ?? DEFAULT_ALERT_SETTINGS).volume),
    ],
    rows,
    totals: {
      metrics: values(metrics, placing.totals),
      ...(previousRange === undefined ? {} : { previous: previousTotals === undefined ? null : values(metrics, previousTotals) }),
    },
  };
}
