import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import type { CommandIO } from './command-io.js';
import { flagsOf, type CommandName } from './flags.js';

/**
 * The command line, made from two tables: the commands (here) and their flags (flags.ts). Each
 * command's code is imported when it runs, so that --help and --version load none of the data
 * stack; commands receive the flags as commander hands them over and parse them (cli/options.ts).
 */

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const EXIT_CODES = `
Exit codes:
  0  success
  1  internal error (a bug: please report it)
  2  bad usage or configuration
  3  unusable input: a file that cannot be read or parsed, no valid records,
     more rejected records than --max-rejects (any, under --strict), gzip data
     that expands past --max-expansion, or more --by groups than --max-groups
  4  report: the report is written, and a goal of level error failed (config goals, --goal)
  5  the output could not be written to the end (no space left): nothing is replaced`;

const FILES = ['<files...>', 'ticket exports: .csv, .json (an array of objects) or .ndjson/.jsonl, each possibly .gz; - reads standard input'] as const;

/** What a command does with its argument (the files, or a metric id) and its raw flags. */
type Action = (argument: never, flags: Record<string, unknown>, io: CommandIO) => Promise<void>;

interface CommandSpec {
  name: CommandName;
  /** A command under another: `schedules import` (the parent has no action of its own). */
  parent?: { name: string; description: string };
  description: string;
  argument: readonly [string, string];
  /** The exit codes after its --help. */
  exitCodes: boolean;
  load: () => Promise<Action>;
}

const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'report',
    description: 'compute the KPIs per period (and per agent, team, channel…) from ticket exports',
    argument: FILES,
    exitCodes: true,
    load: async () => (await import('../commands/report.js')).runReport,
  },
  {
    name: 'tickets',
    description: 'one line per valid ticket with what the metrics saw (durations, SLA policy and outcomes, satisfaction)',
    argument: FILES,
    exitCodes: true,
    load: async () => (await import('../commands/tickets.js')).runTickets,
  },
  {
    name: 'coverage',
    description: 'when customers write: tickets per ISO weekday and local hour (--tz) as a heat map and counts, with how often each hour occurred in the range (DST included)',
    argument: FILES,
    exitCodes: true,
    load: async () => (await import('../commands/coverage.js')).runCoverage,
  },
  {
    name: 'staffing',
    description: 'how many agents each weekday-hour needs to answer p% of contacts within s seconds (Erlang C), the team leads for them, and the agent-hours of a week',
    argument: FILES,
    exitCodes: true,
    load: async () => (await import('../commands/staffing.js')).runStaffing,
  },
  {
    name: 'schedules',
    parent: { name: 'schedules', description: 'business-hours schedules for the config' },
    description: "print a Zendesk, Freshdesk or Intercom business-hours export as the config's schedules block (the vendor recognised from the JSON, else --source)",
    argument: ['<file>', 'the vendor\'s business hours JSON (Zendesk /api/v2/business_hours/schedules, Freshdesk business hours, Intercom office hours)'],
    exitCodes: false,
    load: async () => (await import('../commands/schedules.js')).runSchedulesImport,
  },
  {
    name: 'inspect',
    description:
      'say how each file was read — format, encoding, delimiter, preset, column mapping, date formats — and count its blanks, sentinels and rejections; for an export nothing explains, describe its columns and propose a --map; computes no metric',
    argument: FILES,
    exitCodes: true,
    load: async () => (await import('../commands/inspect.js')).runInspect,
  },
  {
    name: 'metrics',
    description: 'list every metric with its definition, or explain one with a worked example',
    argument: ['[id]', 'a metric id, e.g. first_response_time'],
    exitCodes: false,
    load: async () => (await import('../commands/metrics.js')).runMetrics,
  },
  {
    name: 'presets',
    description: "list the helpdesk exports read as they come, or show one: how it is recognised, which column holds each field, what to know",
    argument: ['[name]', 'a preset, e.g. zendesk'],
    exitCodes: false,
    load: async () => (await import('../commands/presets.js')).runPresets,
  },
];

export function buildProgram(io: CommandIO): Command {
  const program = new Command('support-metrics')
    .description('Support KPIs (first response, resolution, backlog, CSAT, SLA…) from helpdesk ticket exports.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES);
  for (const spec of COMMANDS) {
    const command =
      spec.parent === undefined
        ? program.command(spec.name).description(spec.description).argument(...spec.argument)
        : program.command(spec.parent.name).description(spec.parent.description).command('import').description(spec.description).argument(...spec.argument);
    for (const flag of flagsOf(spec.name)) {
      const option = new Option(flag.flags, flag.help);
      if (flag.choices !== undefined) option.choices(flag.choices);
      if (flag.default !== undefined) option.default(flag.default);
      if ('conflicts' in flag && flag.conflicts !== undefined) option.conflicts([...flag.conflicts]);
      if ('repeatable' in flag && flag.repeatable === true) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
      command.addOption(option);
    }
    if (spec.exitCodes) command.addHelpText('after', EXIT_CODES);
    command.action(async (argument: unknown, flags: Record<string, unknown>) => {
      const run = await spec.load();
      await run(argument as never, flags, io);
    });
  }
  return program;
}
