import { DATE_ORDER_CHOICES } from '../dialect/date-orders.js';
import { ATTRIBUTIONS } from '../engine/attribution.js';
import { COVERAGE_EVENTS } from '../engine/coverage-events.js';
import { DEFAULT_MAX_GROUPS } from '../engine/group-limit.js';
import { SCHEDULE_SOURCES } from '../config/schedule-sources.js';
import { INPUT_ENCODINGS, INPUT_FORMATS } from '../io/input-formats.js';
import { DEFAULT_MAX_EXPANSION, DEFAULT_MAX_RECORD_SIZE, EXPANSION_FLOOR, READ_THREADS, sizeText, TWO_PARTS_FROM } from '../io/read-limits.js';
import { PRESET_NAMES } from '../presets/index.js';
import { CATALOGUE_FORMATS, INSPECTION_FORMATS, OUTPUT_FORMATS, TICKET_LINE_FORMATS } from '../render/output-formats.js';
import { DIMENSIONS, TEXT_FIELDS, TICKET_FIELDS } from '../schema/fields.js';
import { COMPARISONS, PERIODS } from '../time/period-names.js';
import { WHERE_KEYS } from '../tickets/conditions.js';
import {
  byteSize,
  commaList,
  dateFormatFlag,
  delimiter,
  eventCondition,
  expansionRatio,
  groupLimit,
  fieldMap,
  FlagValueError,
  handleTimeFlag,
  nonEmpty,
  oneOf,
  positiveNumber,
  rejectLimit,
  serviceLevelFlag,
  shareFlag,
  spanFlag,
  text,
  whereCondition,
} from './flag-values.js';
import { didYouMean } from './suggest.js';

/**
 * Every flag of every command, once: its name, help, choices, default, which commands take it,
 * and how its text becomes a value. The commander program (--help included) and the typed flags
 * each command receives are made from this table; the order here is the order --help lists them.
 * Only choice lists and small parsers are imported, so that --help loads nothing else.
 */

export type CommandName = 'report' | 'tickets' | 'coverage' | 'staffing' | 'inspect' | 'metrics' | 'presets' | 'schedules';

/** What some parsers look values up in, handed in by the command that parses (so that --help loads none of it). */
export interface FlagContext {
  metricIds: readonly string[];
}

/** The commands that read ticket exports, and those that also compute from them. */
const READERS = ['report', 'tickets', 'coverage', 'staffing', 'inspect'] as const;
const COMPUTERS = ['report', 'tickets', 'coverage', 'staffing'] as const;

/** The option groups the layers consume: how files are read, how the report is computed, what becomes of rejected records. */
export type Group = 'read' | 'compute' | 'rejects';

interface FlagSpec<K extends string, C extends CommandName, T, D extends string | undefined, G extends Group | undefined, A extends string | undefined, R extends boolean | undefined = undefined> {
  /** The value's key in the parsed flags (commander's: the long name in camelCase). */
  key: K;
  /** As commander takes them: `-p, --period <period>`, or `--strict` for a switch. */
  flags: string;
  help: string;
  /** Checked by commander, listed in --help. */
  choices?: readonly string[];
  /** The text used when the flag is not given (parsed like a given one), shown in --help. */
  default?: D;
  commands: readonly C[];
  /** How the text becomes the value; a switch has none (its value is true). */
  parse?: (value: string, context: FlagContext) => T;
  /** The option group the value goes to as it is (under `as`, else its key); none: options.ts places it. */
  into?: G;
  as?: A;
  /** Given several times (`--where a=1 --where b=2`): the value is the list of each one parsed. */
  repeatable?: R;
  /** Flags (their keys) it cannot be given with: commander refuses the pair (exit 2). */
  conflicts?: readonly string[];
}

const flag = <
  K extends string,
  C extends CommandName,
  T = true,
  D extends string | undefined = undefined,
  G extends Group | undefined = undefined,
  A extends string | undefined = undefined,
  R extends boolean | undefined = undefined,
>(
  spec: FlagSpec<K, C, T, D, G, A, R>,
): FlagSpec<K, C, T, D, G, A, R> => spec;

const metricId =
  (ids: readonly string[]) =>
  (id: string): string => {
    if (!ids.includes(id)) throw new FlagValueError(`"${id}" is not a metric${didYouMean(id, ids)}; \`support-metrics metrics\` lists them`);
    return id;
  };

export const FLAGS = [
  // How ticket exports are read.
  flag({ key: 'tz', flags: '--tz <zone>', help: 'IANA time zone of the report: day, week and month boundaries (default: config timezone, else UTC)', commands: READERS, parse: nonEmpty }),
  flag({ key: 'inputTz', flags: '--input-tz <zone>', help: 'zone of input timestamps written without an offset (default: config inputTimezone, else --tz)', commands: READERS, parse: nonEmpty }),
  flag({
    key: 'inputFormat',
    flags: '--input-format <format>',
    help: 'read every input as this format (default: from the extension, else detected)',
    choices: INPUT_FORMATS,
    commands: READERS,
    parse: oneOf(INPUT_FORMATS),
    into: 'read',
    as: 'format',
  }),
  flag({ key: 'delimiter', flags: '--delimiter <char>', help: 'CSV field delimiter: , ; | or tab (default: detected from the header line)', commands: READERS, parse: delimiter, into: 'read' }),
  flag({
    key: 'encoding',
    flags: '--encoding <name>',
    help: 'text encoding of every input (default: UTF-8, or UTF-16 by its byte order mark)',
    choices: INPUT_ENCODINGS,
    commands: READERS,
    parse: oneOf(INPUT_ENCODINGS),
    into: 'read',
  }),
  flag({
    key: 'preset',
    flags: '--preset <name>',
    help: "read files as this vendor's export (default: recognised from a CSV header or a JSON file's first object)",
    choices: PRESET_NAMES,
    commands: READERS,
    parse: oneOf(PRESET_NAMES),
    into: 'read',
  }),
  flag({ key: 'map', flags: '--map <pairs>', help: 'which CSV header holds which field, comma-separated: created_at="Opened On",agent=Owner; created_at=Date+Time joins two columns with a space', commands: READERS, parse: fieldMap(TICKET_FIELDS) }),
  flag({
    key: 'dateFormat',
    flags: '--date-format <format>',
    help: `${DATE_ORDER_CHOICES.join(' or ')} (day-first or month-first) for date columns where every value could be either, or a pattern every date column is written in: 'dd/MMM/yy h:mm a' (CSV)`,
    commands: READERS,
    parse: dateFormatFlag,
    into: 'read',
  }),
  flag({
    key: 'eventLog',
    flags: '--event-log',
    help: 'rows that share an id are the events of one ticket (one row per event, its time in the created_at column): created at the earliest, updated at the latest, other fields from the latest event that has them',
    commands: READERS,
  }),
  flag({
    key: 'resolvedWhen',
    flags: '--resolved-when <match>',
    help: 'with --event-log: the events that resolve a ticket, as field=value[,value…]: activity=6, status=Closed,Resolved; it is resolved at the latest of them',
    commands: READERS,
    parse: eventCondition(TEXT_FIELDS),
  }),
  flag({
    key: 'respondedWhen',
    flags: '--responded-when <match>',
    help: 'with --event-log: the events that answer the customer, as field=value[,value…]: activity=2; the first response is the earliest of them',
    commands: READERS,
    parse: eventCondition(TEXT_FIELDS),
  }),
  flag({
    key: 'maxRecordSize',
    flags: '--max-record-size <size>',
    help: `largest record read: bytes, or with K or M, at most 256M (a larger one, often a quote left open, stops the run; default: ${sizeText(DEFAULT_MAX_RECORD_SIZE)})`,
    commands: READERS,
    parse: byteSize,
    into: 'read',
  }),
  flag({
    key: 'maxExpansion',
    flags: '--max-expansion <ratio>',
    help: `how far a .gz input may expand: a file whose text passes ${sizeText(EXPANSION_FLOOR)} and this many times the compressed bytes read stops the run; none: no limit`,
    default: String(DEFAULT_MAX_EXPANSION),
    commands: READERS,
    parse: expansionRatio,
    into: 'read',
  }),
  flag({
    key: 'threads',
    flags: '--threads <n>',
    help: `threads that read a CSV, NDJSON or JSON array file: 2 reads its second half alongside the first where it can (same result, more memory; never gzip, stdin, --rejects or --event-log); auto: 2 for a CSV file of ${sizeText(TWO_PARTS_FROM.csv)} or more (JSON ${sizeText(TWO_PARTS_FROM.json)}) on two cores or more, with memory for both (not under ulimit -v)`,
    choices: READ_THREADS,
    default: 'auto',
    commands: COMPUTERS,
    parse: oneOf(READ_THREADS),
    into: 'read',
  }),
  flag({ key: 'config', flags: '-c, --config <file>', help: 'config file: SLA policies, churn tags, zones (default: ./support-metrics.config.json if present)', commands: READERS, parse: text }),

  // What becomes of rejected records, and where the result goes.
  flag({ key: 'strict', flags: '--strict', help: 'fail (exit 3) if any record is rejected or any value set aside, instead of using the valid ones', commands: COMPUTERS }),
  flag({
    key: 'maxRejects',
    flags: '--max-rejects <n|p%>',
    help: 'fail (exit 3) if more records than this are rejected: a count (50) or a share of the records read (2%)',
    commands: COMPUTERS,
    parse: rejectLimit,
    into: 'rejects',
  }),
  flag({
    key: 'rejects',
    flags: '--rejects <file>',
    help: 'write every rejected record and value set aside (file, line, scope, field, reason, message, the record) to this file: .csv, .json or .ndjson',
    commands: COMPUTERS,
    parse: nonEmpty,
  }),
  flag({
    key: 'output',
    flags: '-o, --output <file>',
    help: 'write to this file instead of standard output (atomically; a FIFO or device is written into; never an input or the config)',
    commands: COMPUTERS,
    parse: nonEmpty,
  }),
  flag({ key: 'verbose', flags: '-v, --verbose', help: 'also print on stderr what was understood of each file (as `inspect` does)', commands: COMPUTERS }),
  flag({
    key: 'quiet',
    flags: '-q, --quiet',
    help: 'print on stderr only errors and failed goals: no progress line, notices, rejection summary or alerts',
    commands: READERS,
    conflicts: ['verbose'],
  }),

  // The report's shape.
  flag({ key: 'period', flags: '-p, --period <period>', help: 'period of each row', choices: PERIODS, default: 'week', commands: ['report'], parse: oneOf(PERIODS), into: 'compute' }),
  flag({
    key: 'by',
    flags: '-b, --by <dimensions>',
    help: `split each period into rows by these, comma-separated: ${DIMENSIONS.join(', ')}`,
    commands: ['report'],
    parse: commaList(oneOf(DIMENSIONS), 'the dimension'),
  }),
  flag({
    key: 'maxGroups',
    flags: '--max-groups <n>',
    help: 'stop (exit 3) when --by finds more groups than this, which is most often a column mapped to the wrong field (each group costs 6–7 KiB); none: no limit',
    default: String(DEFAULT_MAX_GROUPS),
    commands: ['report'],
    parse: groupLimit,
    into: 'compute',
  }),
  flag({
    key: 'from',
    flags: '--from <date>',
    help: 'start of the range, inclusive: a date or timestamp, read in --tz (default: start of the period holding the earliest event)',
    commands: ['report', 'coverage', 'staffing'],
    parse: text,
  }),
  flag({
    key: 'to',
    flags: '--to <date>',
    help: 'end of the range, exclusive: a date or timestamp, read in --tz (default: end of the period holding the latest event)',
    commands: ['report', 'coverage', 'staffing'],
    parse: text,
  }),
  flag({
    key: 'where',
    flags: '--where <key=values>',
    help: `only the tickets whose ${WHERE_KEYS.join(', ')} is one of the values: team=Billing,Hosting; (none) for a blank; repeated, all must hold`,
    commands: COMPUTERS,
    parse: whereCondition,
    repeatable: true,
  }),
  flag({
    key: 'event',
    flags: '--event <event>',
    help: 'the moment each ticket is counted at',
    choices: COVERAGE_EVENTS,
    default: 'created',
    commands: ['coverage'],
    parse: oneOf(COVERAGE_EVENTS),
  }),
  flag({ key: 'channel', flags: '--channel <name>', help: 'the channel to staff: its contacts only (as --where channel=NAME)', commands: ['staffing'], parse: nonEmpty }),
  flag({
    key: 'aht',
    flags: '--aht <time>',
    help: 'average handle time: seconds or a duration (6m) (default: the mean handle_time of the contacts)',
    commands: ['staffing'],
    parse: handleTimeFlag,
  }),
  flag({
    key: 'serviceLevel',
    flags: '--service-level <p/s>',
    help: 'the target: p% of contacts answered within s seconds (80/20 is usual for phone; chat teams often use 80/60)',
    default: '80/20',
    commands: ['staffing'],
    parse: serviceLevelFlag,
  }),
  flag({ key: 'maxOccupancy', flags: '--max-occupancy <share>', help: 'the busiest share of their time agents may be handling contacts', default: '85%', commands: ['staffing'], parse: shareFlag }),
  flag({ key: 'span', flags: '--span <min-max>', help: 'agents per team lead', default: '8-15', commands: ['staffing'], parse: spanFlag }),
  flag({ key: 'hoursPerFte', flags: '--hours-per-fte <hours>', help: 'weekly hours of one full-time agent', default: '40', commands: ['staffing'], parse: positiveNumber }),
  flag({
    key: 'schedule',
    flags: '--schedule <name>',
    help: 'a schedule of the config: mark its open hours and count the tickets that came while it was closed',
    commands: ['coverage'],
    parse: nonEmpty,
  }),
  flag({
    key: 'source',
    flags: '--source <vendor>',
    help: 'the vendor whose export the file is (default: recognised from the JSON)',
    choices: SCHEDULE_SOURCES,
    commands: ['schedules'],
    parse: oneOf(SCHEDULE_SOURCES),
  }),
  flag({
    key: 'compare',
    flags: '--compare <with>',
    help: 'JSON: each row\'s and the totals\' figures for the period before (previous) or the same period a year earlier (year); the headline compares the same way',
    choices: COMPARISONS,
    commands: ['report'],
    parse: oneOf(COMPARISONS),
    into: 'compute',
  }),
  flag({
    key: 'goal',
    flags: '--goal <goal>',
    help: 'a goal to judge over the range, as metric[.stat]<=target or >=target: first_response_time.median<=2h, csat>=85%; a failed one exits 4 after the report; repeated',
    commands: ['report'],
    parse: text,
    repeatable: true,
  }),
  flag({
    key: 'charts',
    flags: '--charts',
    help: 'Markdown: add Mermaid charts (tickets created and resolved, median times, CSAT and SLA per period) with a text summary under each',
    commands: ['report'],
  }),
  flag({
    key: 'stepSummary',
    flags: '--step-summary',
    help: 'also append a Markdown summary (headline, goals, alerts, charts, tables; under 1 MiB) to the file GITHUB_STEP_SUMMARY names: the GitHub Actions job summary',
    commands: ['report'],
  }),
  flag({
    key: 'metrics',
    flags: '-m, --metrics <ids>',
    help: 'only these metrics, comma-separated (see `support-metrics metrics`)',
    commands: ['report'],
    parse: (value: string, context: FlagContext) => {
      const ids = commaList(metricId(context.metricIds), 'the metric')(value);
      if (ids.length === 0) throw new FlagValueError('names no metric');
      return ids;
    },
  }),
  flag({
    key: 'attribution',
    flags: '--attribution <rule>',
    help: 'event: each metric in the period its event happened; created: in the period the ticket was created',
    choices: ATTRIBUTIONS,
    default: 'event',
    commands: ['report'],
    parse: oneOf(ATTRIBUTIONS),
    into: 'compute',
  }),

  // Each command's --format.
  flag({
    key: 'format',
    flags: '-f, --format <format>',
    help: 'output format (default: from the --output extension, else table)',
    choices: OUTPUT_FORMATS,
    commands: ['report', 'coverage', 'staffing'],
    parse: oneOf(OUTPUT_FORMATS),
  }),
  flag({
    key: 'format',
    flags: '-f, --format <format>',
    help: 'output format (default: from the --output extension, else csv)',
    choices: TICKET_LINE_FORMATS,
    commands: ['tickets'],
    parse: oneOf(TICKET_LINE_FORMATS),
  }),
  flag({
    key: 'format',
    flags: '-f, --format <format>',
    help: 'output format: text, or json (the structure itself)',
    choices: INSPECTION_FORMATS,
    default: 'text',
    commands: ['inspect'],
    parse: oneOf(INSPECTION_FORMATS),
  }),
  flag({ key: 'format', flags: '-f, --format <format>', help: 'output format', choices: CATALOGUE_FORMATS, default: 'text', commands: ['metrics', 'presets'], parse: oneOf(CATALOGUE_FORMATS) }),
] as const;

type Flag = (typeof FLAGS)[number];
type AnySpec<
  K extends string = string,
  C extends CommandName = CommandName,
  T = unknown,
  D extends string | undefined = string | undefined,
  G extends Group | undefined = Group | undefined,
  A extends string | undefined = string | undefined,
  R extends boolean | undefined = boolean | undefined,
> = FlagSpec<K, C, T, D, G, A, R>;
type ValueOf<F> = F extends AnySpec<string, CommandName, infer T, string | undefined, Group | undefined, string | undefined, infer R> ? (R extends true ? T[] : T) : never;
type Takes<C extends CommandName, F> = F extends AnySpec<string, infer Cs> ? (C extends Cs ? F : never) : never;
type HasDefault<F> = F extends AnySpec<string, CommandName, unknown, infer D> ? (D extends string ? true : false) : false;
type GroupOf<F> = F extends AnySpec<string, CommandName, unknown, string | undefined, infer G> ? G : never;
type RoutedKey<F> = F extends AnySpec<infer K, CommandName, unknown, string | undefined, Group | undefined, infer A> ? (A extends string ? A : K) : never;

/** The values of a command's flags that go to one option group as they are, under their names there. */
export type Routed<C extends CommandName, G extends Group> = {
  [F in Takes<C, Flag> as GroupOf<F> extends G ? RoutedKey<F> : never]: HasDefault<F> extends true ? ValueOf<F> : ValueOf<F> | undefined;
};

/** A command's flags once parsed: a flag with a default always has a value, the others may not. */
export type FlagsOf<C extends CommandName> = { [F in Takes<C, Flag> as HasDefault<F> extends true ? never : F['key']]?: ValueOf<F> } & {
  [F in Takes<C, Flag> as HasDefault<F> extends true ? F['key'] : never]: ValueOf<F>;
};

/** The flags a command takes, in table order. */
export function flagsOf(command: CommandName): readonly Flag[] {
  return FLAGS.filter((f) => (f.commands as readonly CommandName[]).includes(command));
}

/** The parsed values of a command's flags that go to `group`, under their names there. */
export function routed<C extends CommandName, G extends Group>(command: C, flags: Omit<FlagsOf<C>, 'format'>, group: G): Routed<C, G> {
  const values: Record<string, unknown> = {};
  for (const flag of flagsOf(command)) {
    if (flag.into === group) values[flag.as ?? flag.key] = (flags as Record<string, unknown>)[flag.key];
  }
  return values as Routed<C, G>;
}
