import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { DATE_ORDER_CHOICES } from '../dialect/date-orders.js';
import { ATTRIBUTIONS } from '../engine/attribution.js';
import { PRESET_NAMES } from '../presets/names.js';
import { INPUT_ENCODINGS, INPUT_FORMATS } from '../io/input-formats.js';
import { DEFAULT_MAX_RECORD_SIZE, sizeText } from '../io/read-options.js';
import { CATALOGUE_FORMATS, INSPECTION_FORMATS, OUTPUT_FORMATS, TICKET_LINE_FORMATS } from '../render/formats.js';
import { DIMENSIONS } from '../schema/fields.js';
import { PERIODS } from '../time/period-names.js';
import type { CommandIO } from './io.js';
import type { ReportFlags } from './options.js';

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
  3  unusable input: a file that cannot be read or parsed, no valid records,
     or more rejected records than --max-rejects (any, under --strict)
  5  the output could not be written to the end (no space left): nothing is replaced`;

/** How ticket exports are read: the files and the flags of every command that reads them. */
function withReadingOptions(command: Command): Command {
  return command
    .argument('<files...>', 'ticket exports: .csv, .json (an array of objects) or .ndjson/.jsonl, each possibly .gz; - reads standard input')
    .addOption(new Option('--tz <zone>', 'IANA time zone of the report: day, week and month boundaries (default: config timezone, else UTC)'))
    .addOption(new Option('--input-tz <zone>', 'zone of input timestamps written without an offset (default: config inputTimezone, else --tz)'))
    .addOption(new Option('--input-format <format>', 'read every input as this format (default: from the extension, else detected)').choices(INPUT_FORMATS))
    .addOption(new Option('--delimiter <char>', 'CSV field delimiter: , ; | or tab (default: detected from the header line)'))
    .addOption(new Option('--encoding <name>', 'text encoding of every input (default: UTF-8, or UTF-16 by its byte order mark)').choices(INPUT_ENCODINGS))
    .addOption(new Option('--preset <name>', "read files as this vendor's export (default: recognised from a CSV header or a JSON file's first object)").choices(PRESET_NAMES))
    .addOption(new Option('--map <pairs>', 'which CSV header holds which field, comma-separated: created_at="Opened On",agent=Owner'))
    .addOption(new Option('--date-format <order>', 'day-first or month-first, for date columns where every value could be either').choices(DATE_ORDER_CHOICES))
    .addOption(
      new Option(
        '--max-record-size <size>',
        `largest record read: bytes, or with K or M, at most 256M (a larger one, often a quote left open, stops the run; default: ${sizeText(DEFAULT_MAX_RECORD_SIZE)})`,
      ),
    )
    .addOption(new Option('-c, --config <file>', 'config file: SLA policies, churn tags, zones (default: ./support-metrics.config.json if present)'));
}

/** Flags of the commands that read ticket exports and compute from them (report, tickets). */
function withInputOptions(command: Command): Command {
  return withReadingOptions(command)
    .addOption(new Option('--strict', 'fail (exit 3) if any record is rejected, instead of using the valid ones (= --max-rejects 0)'))
    .addOption(new Option('--max-rejects <n|p%>', 'fail (exit 3) if more records than this are rejected: a count (50) or a share of the records read (2%)'))
    .addOption(new Option('--rejects <file>', 'write every rejected record (file, line, field, reason, message, the record) to this file: .csv, .json or .ndjson'))
    .addOption(new Option('-o, --output <file>', 'write to this file instead of standard output (atomically; a FIFO or device is written into; never an input or the config)'))
    .addOption(new Option('-v, --verbose', 'also print on stderr what was understood of each file (as `inspect` does)'));
}

export function buildProgram(io: CommandIO): Command {
  const program = new Command('support-metrics')
    .description('Support KPIs (first response, resolution, backlog, CSAT, SLA…) from helpdesk ticket exports.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES);

  withInputOptions(program.command('report').description('compute the KPIs per period (and per agent, team, channel…) from ticket exports'))
    .addOption(new Option('-p, --period <period>', 'period of each row').choices(PERIODS).default('week'))
    .addOption(new Option('-b, --by <dimensions>', `split each period into rows by these, comma-separated: ${DIMENSIONS.join(', ')}`))
    .addOption(new Option('--from <date>', 'start of the range, inclusive: a date or timestamp, read in --tz (default: start of the period holding the earliest event)'))
    .addOption(new Option('--to <date>', 'end of the range, exclusive: a date or timestamp, read in --tz (default: end of the period holding the latest event)'))
    .addOption(new Option('-m, --metrics <ids>', 'only these metrics, comma-separated (see `support-metrics metrics`)'))
    .addOption(
      new Option('--attribution <rule>', 'event: each metric in the period its event happened; created: in the period the ticket was created')
        .choices(ATTRIBUTIONS)
        .default('event'),
    )
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --output extension, else table)').choices(OUTPUT_FORMATS))
    .addHelpText('after', EXIT_CODES)
    .action(async (files: string[], flags: ReportFlags) => {
      const { runReport } = await import('../commands/report.js');
      await runReport(files, flags, io);
    });

  withInputOptions(program.command('tickets').description('one line per valid ticket with what the metrics saw (durations, SLA policy and outcomes, satisfaction)'))
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --output extension, else csv)').choices(TICKET_LINE_FORMATS))
    .addHelpText('after', EXIT_CODES)
    .action(async (files: string[], flags) => {
      const { runTickets } = await import('../commands/tickets.js');
      await runTickets(files, flags, io);
    });

  withReadingOptions(
    program
      .command('inspect')
      .description('say how each file was read — format, encoding, delimiter, preset, column mapping, date formats — and count its blanks, sentinels and rejections; computes no metric'),
  )
    .addOption(new Option('-f, --format <format>', 'output format: text, or json (the structure itself)').choices(INSPECTION_FORMATS).default('text'))
    .addHelpText('after', EXIT_CODES)
    .action(async (files: string[], flags) => {
      const { runInspect } = await import('../commands/inspect.js');
      await runInspect(files, flags, io);
    });

  program
    .command('metrics')
    .description('list every metric with its definition, or explain one with a worked example')
    .argument('[id]', 'a metric id, e.g. first_response_time')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CATALOGUE_FORMATS).default('text'))
    .action(async (id: string | undefined, flags) => {
      const { runMetrics } = await import('../commands/metrics.js');
      await runMetrics(id, flags, io);
    });

  return program;
}
