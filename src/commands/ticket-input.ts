import type { CommandIO } from '../cli/command-io.js';
import type { RejectHandling, TicketRun } from '../cli/options.js';
import { InputError, UsageError } from '../errors.js';
import { openOutput, outputTarget, readSources, sameDestination, type Output } from '../io/output-file.js';
import { standardOutput } from '../io/standard-output.js';
import { rejectsFile, type RejectsFile } from './rejects-file.js';
import { formatRejectionSummary } from '../render/diagnostics.js';
import { cleanText, formatCount, plural } from '../render/format.js';
import { renderInspection } from '../render/inspection.js';
import type { Dimension } from '../schema/fields.js';
import { Ingest, type IngestSummary } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { readTicketInput } from './read-input.js';

/** Where a command's result and its rejected records go, opened before any input is read. */
export interface RunOutputs {
  /** Standard output, or the --output file. */
  result: Output;
  rejects: RejectsFile | undefined;
}

/**
 * Checks and opens every output before any input is read: neither may be something the run reads
 * (an input, the config file, the file behind standard input), nor each other; an unusable
 * directory is found now rather than after reading a large export.
 */
export async function openRunOutputs(files: readonly string[], options: Pick<TicketRun, 'output' | 'rejects' | 'configFile'>, io: CommandIO): Promise<RunOutputs> {
  const sources = await readSources(files, options.configFile, io.stdinFd);
  const output = options.output === undefined || options.output === '-' ? undefined : await outputTarget('--output', options.output, sources);
  const rejectsFileOption = options.rejects.file;
  const rejects = rejectsFileOption === undefined ? undefined : await outputTarget('--rejects', rejectsFileOption.path, sources);
  if (output !== undefined && rejects !== undefined && sameDestination(output, rejects)) {
    throw new UsageError(`--rejects and --output name the same file (${output.path})`);
  }
  const result = output === undefined ? standardOutput(io.stdout) : await openOutput(output);
  try {
    return { result, rejects: rejects === undefined ? undefined : rejectsFile(await openOutput(rejects), rejectsFileOption!.format) };
  } catch (error) {
    await result.abandon();
    throw error;
  }
}

/**
 * Runs a command's work with its outputs open: the result is committed when the work is done, and
 * every output is abandoned (no temporary file, the old file untouched) when it fails.
 */
export async function withRunOutputs(
  files: readonly string[],
  options: Pick<TicketRun, 'output' | 'rejects' | 'configFile'>,
  io: CommandIO,
  work: (outputs: RunOutputs) => Promise<void>,
): Promise<void> {
  const outputs = await openRunOutputs(files, options, io);
  try {
    await work(outputs);
    await outputs.result.commit();
  } catch (error) {
    await outputs.rejects?.abandon();
    await outputs.result.abandon();
    throw error;
  }
}

/**
 * The first steps of every command that reads tickets: read and validate every record (rejected
 * ones to the --rejects file), print the rejection summary, and stop when too many records were
 * rejected or nothing usable is left. --quiet leaves out the notices and the summary. `unread`:
 * the dimension columns nothing of the command reads, left blank (see TicketStore).
 */
export async function readValidTickets(
  files: string[],
  options: TicketRun,
  io: CommandIO,
  rejects: RejectsFile | undefined,
  unread: readonly Dimension[] = [],
): Promise<IngestSummary> {
  const ingest = new Ingest(wallTimeReader(options.inputZone), { rejects, eventLog: options.eventLog, unread });
  let input: IngestSummary;
  try {
    await readTicketInput(files, ingest, options.read, options.quiet, io);
    input = ingest.finish();
  } catch (error) {
    await rejects?.abandon();
    throw error;
  }
  // Written before any check below: a run that fails on its rejections leaves the list of them.
  await rejects?.finish();
  if (!options.quiet) writeReadingNotes(input, options, io);
  const overLimit = rejectLimitExceeded(input, options.rejects);
  if (overLimit !== undefined) throw new InputError(`${overLimit}; no output written`);
  if (input.store.length === 0) throw new InputError('no valid records in the input; nothing to report');
  return input;
}

/** What stderr says of a read: the notices, what --verbose adds, the rejection summary, where the rejects went. */
function writeReadingNotes(input: IngestSummary, options: TicketRun, io: CommandIO): void {
  for (const notice of input.notices) io.stderr.write(`${cleanText(notice)}\n`);
  // --verbose: what inspect would print, before the rejection summary.
  if (options.verbose) io.stderr.write(`${renderInspection(input.readings)}\n`);
  io.stderr.write(formatRejectionSummary(input));
  if (options.rejects.file !== undefined) {
    const aside = input.setAside > 0 ? ` and ${plural(input.setAside, 'value')} set aside` : '';
    io.stderr.write(`${cleanText(`${plural(input.rejected, 'rejected record')}${aside} written to ${options.rejects.file.path}`)}\n`);
  }
}

/** Why the rejections fail the run (--strict, --max-rejects), or undefined when they do not. */
export function rejectLimitExceeded(input: IngestSummary, options: Pick<RejectHandling, 'strict' | 'maxRejects'>): string | undefined {
  const { records } = input;
  const rejected = `${formatCount(input.rejected)} of ${plural(records, 'record')} rejected`;
  if (options.strict && input.rejected > 0) return `--strict: ${rejected}`;
  if (options.strict && input.setAside > 0) return `--strict: ${plural(input.setAside, 'value')} set aside (unreadable in records otherwise used)`;
  const limit = options.maxRejects;
  if (limit === undefined) return undefined;
  if ('count' in limit) return input.rejected > limit.count ? `--max-rejects ${limit.text}: ${rejected}` : undefined;
  // Exact: rejected / records > units / scale / 100, in integers.
  if (BigInt(input.rejected) * 100n * limit.percent.scale <= limit.percent.units * BigInt(records)) return undefined;
  const share = records === 0 ? 0 : (input.rejected / records) * 100;
  return `--max-rejects ${limit.text}: ${rejected} (${share.toFixed(2)}%)`;
}
