import { withStatusValues, type Settings } from '../config/settings.js';
import type { ColumnMapping } from '../dialect/dialect.js';
import type { ComputeOptions } from '../engine/compute.js';
import { UsageError } from '../errors.js';
import type { ReadOptions } from '../reading/read-options.js';
import type { Metric, Unit } from '../metrics/types.js';
import { GoalError, goalOf, goalTextOf, type Goal } from '../config/goals.js';
import type { TicketCondition } from '../tickets/conditions.js';
import type { CoverageEvent } from '../engine/coverage-events.js';
import type { StaffingOptions } from '../engine/staffing.js';
import type { Schedule } from '../time/business-time.js';
import { whereCondition } from './flag-values.js';
import {
  formatOfPath,
  REJECTS_EXTENSIONS,
  REPORT_EXTENSIONS,
  TICKET_LINE_EXTENSIONS,
  type OutputFormat,
  type RejectsFormat,
  type TicketLineFormat,
} from '../render/output-formats.js';
import type { TicketField } from '../schema/fields.js';
import type { EventLog } from '../tickets/event-log.js';
import { isPlainDate, startOfDate } from '../time/periods.js';
import { parseTimestamp } from '../time/timestamp.js';
import { validateTimeZone, wallTimeReader } from '../time/zone.js';
import { parseFlagValue, type RejectLimit } from './flag-values.js';
import { flagsOf, routed, type CommandName, type FlagContext, type FlagsOf } from './flags.js';

/**
 * A command's flags, parsed from the flag table, and laid out for the layers that use them:
 * `read` for the readers, `compute` for the engine, `rejects` for what becomes of rejected
 * records, `output` for where the result goes. Flags override the config file, which overrides
 * the defaults (UTC; the input zone is the report zone).
 */

/** Parses every flag a command takes (commander hands them over as text), in table order. */
export function parseFlags<C extends CommandName>(command: C, raw: Readonly<Record<string, unknown>>, context: FlagContext = { metricIds: [] }): FlagsOf<C> {
  const parsed: Record<string, unknown> = {};
  for (const flag of flagsOf(command)) {
    const value = raw[flag.key] ?? flag.default;
    if (value === undefined) continue;
    const parse = (text: string): unknown => parseFlagValue(flag.key, (t: string) => flag.parse!(t, context), text);
    if (flag.parse === undefined) parsed[flag.key] = value === true;
    else if ('repeatable' in flag && flag.repeatable === true) parsed[flag.key] = (Array.isArray(value) ? value : [value]).map((v) => parse(String(v)));
    else parsed[flag.key] = parse(String(value));
  }
  return parsed as FlagsOf<C>;
}

/** How every input is read, and in which zones. */
export interface Reading {
  read: ReadOptions;
  /** The rows are events of tickets (--event-log, config eventLog); undefined: rows are tickets. */
  eventLog?: EventLog;
  /** The zone of the report: period boundaries, instants in the output. */
  zone: string;
  inputZone: string;
}

/** What becomes of rejected records: a file to write them to, and when they fail the run. */
export interface RejectHandling {
  strict: boolean;
  maxRejects?: RejectLimit;
  file?: { path: string; format: RejectsFormat };
}

/** Everything a command that reads tickets needs beyond its own options. */
export interface TicketRun extends Reading {
  rejects: RejectHandling;
  /** Where the result goes: a file, or standard output (undefined, or `-`). */
  output?: string;
  /** Print what was understood of each file (the inspect summary) on stderr. */
  verbose: boolean;
  /** Print on stderr only errors and failed goals (--quiet): no progress line, notices, rejection summary or alerts. */
  quiet: boolean;
  /** The config file the settings came from: an input, never an output. */
  configFile?: string;
  churnTags: string[];
  sla: Settings['sla'];
  schedules: Settings['schedules'];
}

export interface ReportRun extends TicketRun {
  compute: Omit<ComputeOptions, 'range'> & { from?: number; to?: number };
  format: OutputFormat;
  /** Mermaid charts in the Markdown output. */
  charts: boolean;
  /** Append the job summary to GITHUB_STEP_SUMMARY. */
  stepSummary: boolean;
}

export interface TicketsRun extends TicketRun {
  format: TicketLineFormat;
  where: TicketCondition[];
}

/** The goals of the config and of --goal, checked against the metrics (a GoalError names the goal and what is wrong: exit 2). */
function goalsOf(flags: FlagsOf<'report'>, settings: Settings, metrics: readonly Metric[]): Goal[] {
  const unitOf = (id: string): Unit | undefined => metrics.find((m) => m.meta.id === id)?.meta.unit;
  const checked = (where: string, make: () => Goal): Goal => {
    try {
      return make();
    } catch (error) {
      if (error instanceof GoalError) throw new UsageError(`${where}: ${error.message}`);
      throw error;
    }
  };
  return [
    ...settings.goals.map((goal, i) => checked(`${settings.source}: goals[${i}]`, () => goalOf(goal, unitOf))),
    ...(flags.goal ?? []).map((text) => checked(`--goal ${JSON.stringify(text)}`, () => goalOf(goalTextOf(text), unitOf))),
  ];
}

/** The user's own mapping: --map on top of the config's columns and values; none when neither is given. */
function mappingOf(map: Partial<Record<TicketField, string | string[]>> | undefined, settings: Settings): ColumnMapping | undefined {
  if (map === undefined && Object.keys(settings.columns).length === 0 && Object.keys(settings.values).length === 0) return undefined;
  return { columns: { ...settings.columns, ...map }, values: settings.values };
}

/** --event-log and its conditions over the config's eventLog; a condition without an event log is a usage error. */
function eventLogOf(flags: Omit<FlagsOf<'inspect'>, 'format'>, settings: Settings): EventLog | undefined {
  const { resolvedWhen, respondedWhen } = flags;
  if (flags.eventLog !== true && settings.eventLog === undefined) {
    const given = resolvedWhen !== undefined ? '--resolved-when' : respondedWhen !== undefined ? '--responded-when' : undefined;
    if (given !== undefined) throw new UsageError(`${given} applies to an event log: add --event-log (rows that share an id are the events of one ticket)`);
    return undefined;
  }
  const config = settings.eventLog ?? {};
  const resolved = resolvedWhen === undefined ? config.resolvedWhen : withStatusValues([resolvedWhen], settings)[0];
  const responded = respondedWhen === undefined ? config.respondedWhen : withStatusValues([respondedWhen], settings)[0];
  return { ...(resolved && { resolvedWhen: resolved }), ...(responded && { respondedWhen: responded }) };
}

/** The reading flags every command that reads tickets has. */
export function readingOf(flags: Omit<FlagsOf<'inspect'>, 'format'>, settings: Settings, countValues: boolean): Reading {
  const zone = flags.tz !== undefined ? validateTimeZone(flags.tz, '--tz') : validateTimeZone(settings.timezone ?? 'UTC', `${settings.source}: timezone`);
  const inputZone =
    flags.inputTz !== undefined
      ? validateTimeZone(flags.inputTz, '--input-tz')
      : settings.inputTimezone !== undefined
        ? validateTimeZone(settings.inputTimezone, `${settings.source}: inputTimezone`)
        : zone;
  return {
    zone,
    inputZone,
    eventLog: eventLogOf(flags, settings),
    read: {
      ...routed('inspect', flags, 'read'),
      mapping: mappingOf(flags.map, settings),
      ...(Object.keys(settings.dateFormats).length === 0 ? {} : { dateFormats: settings.dateFormats }),
      inputZone,
      countValues,
    },
  };
}

function ticketRunOf(flags: Omit<FlagsOf<'tickets'>, 'format'>, settings: Settings): TicketRun {
  if (flags.rejects === '-') throw new UsageError('--rejects: give a file name; standard output carries the report');
  const verbose = flags.verbose === true;
  const reading = readingOf(flags, settings, verbose);
  return {
    ...reading,
    // The reading flags of the commands that compute, --threads among them (inspect has not got it).
    read: { ...reading.read, ...routed('tickets', flags, 'read') },
    rejects: {
      ...routed('tickets', flags, 'rejects'),
      strict: flags.strict === true,
      file: flags.rejects === undefined ? undefined : { path: flags.rejects, format: formatOfPath('--rejects', flags.rejects, REJECTS_EXTENSIONS) },
    },
    output: flags.output,
    verbose,
    quiet: flags.quiet === true,
    configFile: settings.file,
    churnTags: settings.churnTags,
    sla: settings.sla,
    schedules: settings.schedules,
  };
}

/** `format`, else the one the --output file's extension names, else the command's default. */
function formatOf<F extends string>(format: F | undefined, output: string | undefined, table: Parameters<typeof formatOfPath<F>>[2]): F {
  if (format !== undefined) return format;
  return output === undefined || output === '-' ? table.otherwise : formatOfPath('--output', output, table, '--format');
}

/** A --from/--to bound: a date (start of that day) or a timestamp, read in the report zone. */
function readBound(text: string, zone: string, flag: string): number {
  const value = text.trim();
  let epoch = Number.NaN;
  if (isPlainDate(value)) {
    try {
      epoch = startOfDate(value, zone);
    } catch {
      // an impossible date such as 2026-02-30: reported below
    }
  } else {
    epoch = parseTimestamp(value, wallTimeReader(zone));
  }
  if (Number.isNaN(epoch)) throw new UsageError(`${flag}: "${text}" is not a date (2026-03-02) or a timestamp (2026-03-02T09:00:00Z)`);
  return epoch;
}

export function reportRunOf(flags: FlagsOf<'report'>, settings: Settings, metrics: readonly Metric[]): ReportRun {
  const run = ticketRunOf(flags, settings);
  const { from, to } = boundsOf(flags, run.zone);
  const format = formatOf(flags.format, flags.output, REPORT_EXTENSIONS);
  if (flags.charts === true && format !== 'markdown') throw new UsageError(`--charts draws Mermaid charts in Markdown; the output is ${format} (add --format markdown, or an --output file ending in .md)`);
  return {
    ...run,
    format,
    charts: flags.charts === true,
    stepSummary: flags.stepSummary === true,
    compute: {
      ...routed('report', flags, 'compute'),
      metrics: flags.metrics === undefined ? metrics : metrics.filter((m) => flags.metrics!.includes(m.meta.id)),
      zone: run.zone,
      inputZone: run.inputZone,
      by: flags.by ?? [],
      churnTags: run.churnTags,
      sla: run.sla,
      schedules: run.schedules,
      where: withStatusValues(flags.where ?? [], settings),
      goals: goalsOf(flags, settings, metrics),
      alerts: settings.alerts,
      from,
      to,
    },
  };
}

export interface CoverageRun extends TicketRun {
  format: OutputFormat;
  where: TicketCondition[];
  event: CoverageEvent;
  schedule?: Schedule;
  from?: number;
  to?: number;
}

/** --from and --to, read in the zone; --from must come first. */
function boundsOf(flags: { from?: string; to?: string }, zone: string): { from?: number; to?: number } {
  const from = flags.from === undefined ? undefined : readBound(flags.from, zone, '--from');
  const to = flags.to === undefined ? undefined : readBound(flags.to, zone, '--to');
  if (from !== undefined && to !== undefined && !(from < to)) throw new UsageError(`--from (${flags.from}) must be before --to (${flags.to})`);
  return { from, to };
}

export function coverageRunOf(flags: FlagsOf<'coverage'>, settings: Settings): CoverageRun {
  const run = ticketRunOf(flags, settings);
  const schedule = flags.schedule === undefined ? undefined : settings.schedules.find((rule) => rule.schedule.name === flags.schedule)?.schedule;
  if (flags.schedule !== undefined && schedule === undefined) {
    const names = settings.schedules.map((rule) => JSON.stringify(rule.schedule.name));
    throw new UsageError(`--schedule: ${JSON.stringify(flags.schedule)} is not a schedule of the config (${names.length === 0 ? 'it has none: see docs/hours.md' : `its schedules: ${names.join(', ')}`})`);
  }
  return {
    ...run,
    ...boundsOf(flags, run.zone),
    format: formatOf(flags.format, flags.output, REPORT_EXTENSIONS),
    where: withStatusValues(flags.where ?? [], settings),
    event: flags.event,
    ...(schedule === undefined ? {} : { schedule }),
  };
}

export interface StaffingRun extends TicketRun {
  format: OutputFormat;
  staffing: Omit<StaffingOptions, 'range'>;
  from?: number;
  to?: number;
}

export function staffingRunOf(flags: FlagsOf<'staffing'>, settings: Settings): StaffingRun {
  const run = ticketRunOf(flags, settings);
  const where = [...(flags.where ?? []), ...(flags.channel === undefined ? [] : [whereCondition(`channel=${flags.channel}`)])];
  return {
    ...run,
    ...boundsOf(flags, run.zone),
    format: formatOf(flags.format, flags.output, REPORT_EXTENSIONS),
    staffing: {
      zone: run.zone,
      where: withStatusValues(where, settings),
      aht: flags.aht,
      target: flags.serviceLevel,
      maxOccupancy: flags.maxOccupancy,
      span: flags.span,
      hoursPerFte: flags.hoursPerFte,
    },
  };
}

export function ticketsRunOf(flags: FlagsOf<'tickets'>, settings: Settings): TicketsRun {
  const format = formatOf(flags.format, flags.output, TICKET_LINE_EXTENSIONS);
  return { ...ticketRunOf(flags, settings), format, where: withStatusValues(flags.where ?? [], settings) };
}
