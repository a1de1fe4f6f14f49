import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { INPUT_FORMATS } from '../io/input-formats.js';
import { OUTPUT_FORMATS } from '../render/formats.js';
import { DIMENSIONS } from '../schema/fields.js';
import { PERIODS } from '../time/period-names.js';
import type { ReportFlags } from './options.js';
import type { CommandIO } from './io.js';

/**
 * The command line: flags and help only. Each command's code is imported when it runs, so that
 * --help and --version load none of the data stack.
 */

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const EXIT_CODES = `
Exit codes:
  0  success
  1  internal error (a bug: please report it)
  2  bad usage or configuration
  3  unusable input: unreadable file, no valid records, or any rejection under --strict`;

export function buildProgram(io: CommandIO): Command {
  const program = new Command('support-metrics')
    .description('Support KPIs (first response, resolution, backlog, CSAT…) from helpdesk ticket exports.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES);

  program
    .command('report')
    .description('compute the KPIs per period (and per agent, team, channel…) from ticket exports')
    .argument('<files...>', 'ticket exports: .csv, .json (an array of objects) or .ndjson/.jsonl; - reads standard input')
    .addOption(new Option('-p, --period <period>', 'period of each row').choices(PERIODS).default('week'))
    .addOption(new Option('-b, --by <dimensions>', `split each period into rows by these, comma-separated: ${DIMENSIONS.join(', ')}`))
    .addOption(new Option('--tz <zone>', 'IANA time zone that decides day, week and month boundaries').default('UTC'))
    .addOption(new Option('--input-tz <zone>', 'zone of input timestamps written without an offset (default: --tz)'))
    .addOption(new Option('--from <date>', 'start of the range, inclusive: a date or timestamp, read in --tz (default: start of the period holding the earliest event)'))
    .addOption(new Option('--to <date>', 'end of the range, exclusive: a date or timestamp, read in --tz (default: end of the period holding the latest event)'))
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --output extension, else table)').choices(OUTPUT_FORMATS))
    .addOption(new Option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output'))
    .addOption(new Option('--input-format <format>', 'read every input as this format (default: from the extension, else detected)').choices(INPUT_FORMATS))
    .addOption(new Option('--strict', 'fail (exit 3) if any record is rejected, instead of reporting on the valid ones'))
    .addHelpText('after', EXIT_CODES)
    .action(async (files: string[], flags: ReportFlags) => {
      const { runReport } = await import('../commands/report.js');
      await runReport(files, flags, io);
    });

  return program;
}
