import type { CommandIO } from '../cli/io.js';
import type { InputOptions } from '../cli/options.js';
import { InputError, UsageError } from '../errors.js';
import { readTicketSources, type ReadOptions } from '../io/read-tickets.js';
import { assertNotAnInput, sameFile } from '../io/write-output.js';
import { openRejectsFile } from '../io/write-rejects.js';
import { formatRejectionSummary } from '../render/diagnostics.js';
import { cleanText, formatCount, plural } from '../render/format.js';
import { renderInspection } from '../render/inspection.js';
import { Ingest, type IngestSummary } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';

/** How the reader is to read, from the input options; `countValues` for inspect and --verbose. */
export function readOptionsOf(options: InputOptions, countValues: boolean): ReadOptions {
  return {
    format: options.inputFormat,
    preset: options.preset,
    mapping: options.mapping,
    dateOrder: options.dateOrder,
    delimiter: options.delimiter,
    encoding: options.encoding,
    inputZone: options.inputZone,
    countValues,
    maxRecordSize: options.maxRecordSize,
  };
}

/**
 * The first steps of every command that reads tickets: refuse an output over an input, read and
 * validate every record (rejected ones to the --rejects file), print the rejection summary, and
 * stop when too many records were rejected or nothing usable is left.
 */
export async function readValidTickets(files: string[], options: InputOptions, io: CommandIO): Promise<IngestSummary> {
  await assertNotAnInput('--output', options.output, files);
  await assertNotAnInput('--rejects', options.rejects, files);
  if (options.rejects === '-') throw new UsageError('--rejects: give a file name; standard output carries the report');
  if (options.rejects !== undefined && options.output !== undefined && options.output !== '-' && (await sameFile(options.rejects, options.output))) {
    throw new UsageError(`--rejects and --output name the same file (${options.output})`);
  }
  const rejects = options.rejects === undefined ? undefined : await openRejectsFile(options.rejects);
  const ingest = new Ingest(wallTimeReader(options.inputZone), { rejects });
  let input: IngestSummary;
  try {
    await readTicketSources(files, ingest, io.stdin, readOptionsOf(options, options.verbose));
    input = ingest.finish();
  } catch (error) {
    await rejects?.abandon();
    throw error;
  }
  // Written before any check below: a run that fails on its rejections leaves the list of them.
  await rejects?.finish();
  for (const notice of input.notices) io.stderr.write(`${cleanText(notice)}\n`);
  // --verbose: what inspect would print, before the rejection summary.
  if (options.verbose) io.stderr.write(`${renderInspection(input.readings)}\n`);
  io.stderr.write(formatRejectionSummary(input));
  if (options.rejects !== undefined) io.stderr.write(`${cleanText(`${plural(input.rejected, 'rejected record')} written to ${options.rejects}`)}\n`);
  const overLimit = rejectLimitExceeded(input, options);
  if (overLimit !== undefined) throw new InputError(`${overLimit}; no output written`);
  if (input.store.length === 0) throw new InputError('no valid records in the input; nothing to report');
  return input;
}

/** Why the rejections fail the run (--strict, --max-rejects), or undefined when they do not. */
export function rejectLimitExceeded(input: IngestSummary, options: Pick<InputOptions, 'strict' | 'maxRejects'>): string | undefined {
  const { records } = input;
  const rejected = `${formatCount(input.rejected)} of ${plural(records, 'record')} rejected`;
  if (options.strict && input.rejected > 0) return `--strict: ${rejected}`;
  const limit = options.maxRejects;
  if (limit === undefined) return undefined;
  if ('count' in limit) return input.rejected > limit.count ? `--max-rejects ${limit.text}: ${rejected}` : undefined;
  // Exact: rejected / records > units / scale / 100, in integers.
  if (BigInt(input.rejected) * 100n * limit.percent.scale <= limit.percent.units * BigInt(records)) return undefined;
  const share = records === 0 ? 0 : (input.rejected / records) * 100;
  return `--max-rejects ${limit.text}: ${rejected} (${share.toFixed(2)}%)`;
}
