import type { CommandIO } from '../cli/io.js';
import type { InputOptions } from '../cli/options.js';
import { InputError } from '../errors.js';
import { readTicketSources, type ReadOptions } from '../io/read-tickets.js';
import { assertOutputIsNotAnInput } from '../io/write-output.js';
import { formatRejectionSummary } from '../render/diagnostics.js';
import { cleanText, plural } from '../render/format.js';
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
  };
}

/**
 * The first steps of every command that reads tickets: refuse an output over an input, read and
 * validate every record, print the rejection summary, and stop when nothing usable is left.
 */
export async function readValidTickets(files: string[], options: InputOptions, io: CommandIO): Promise<IngestSummary> {
  await assertOutputIsNotAnInput(options.output, files);
  const ingest = new Ingest(wallTimeReader(options.inputZone));
  await readTicketSources(files, ingest, io.stdin, readOptionsOf(options, options.verbose));
  const input = ingest.finish();
  for (const notice of input.notices) io.stderr.write(`${cleanText(notice)}\n`);
  // --verbose: what inspect would print, before the rejection summary.
  if (options.verbose) io.stderr.write(`${renderInspection(input.readings)}\n`);
  io.stderr.write(formatRejectionSummary(input));
  if (options.strict && input.rejected > 0) {
    throw new InputError(`--strict: ${plural(input.rejected, 'record')} rejected; no output written`);
  }
  if (input.store.length === 0) throw new InputError('no valid records in the input; nothing to report');
  return input;
}
