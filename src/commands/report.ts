import { parseReportOptions, type ReportFlags } from '../cli/options.js';
import { computeReport } from '../engine/compute.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { InputError } from '../errors.js';
import { readTicketSources } from '../io/read-tickets.js';
import { assertOutputIsNotAnInput, writeOutput } from '../io/write-output.js';
import { METRICS } from '../metrics/index.js';
import { formatRejectionSummary } from '../render/diagnostics.js';
import { plural } from '../render/format.js';
import { render } from '../render/index.js';
import { Ingest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import type { CommandIO } from '../cli/io.js';

/** `support-metrics report FILES…`: options → read → validate → compute → render → write. */
export async function runReport(files: string[], flags: ReportFlags, io: CommandIO): Promise<void> {
  const options = parseReportOptions(flags);
  await assertOutputIsNotAnInput(options.output, files);
  const ingest = new Ingest(wallTimeReader(options.inputZone));
  await readTicketSources(files, ingest, io.stdin, options.inputFormat);
  const input = ingest.finish();
  io.stderr.write(formatRejectionSummary(input));
  if (options.strict && input.rejected > 0) {
    throw new InputError(`--strict: ${plural(input.rejected, 'record')} rejected; no report written`);
  }
  const span = eventSpan(input.store);
  if (span === null) throw new InputError('no valid records in the input; nothing to report');
  const range = resolveRange(span, options.period, options.zone, options);
  const report = computeReport(input, { metrics: METRICS, period: options.period, zone: options.zone, inputZone: options.inputZone, by: options.by, range });
  const text = render(report, options.format, { color: options.format === 'table' && options.output === undefined && io.color });
  await writeOutput(text, options.output, io.stdout);
}
