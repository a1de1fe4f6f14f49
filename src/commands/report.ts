import type { CommandIO } from '../cli/io.js';
import { parseReportOptions, type ReportFlags } from '../cli/options.js';
import { computeReport } from '../engine/compute.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { readConfig } from '../io/read-config.js';
import { writeOutput } from '../io/write-output.js';
import { render } from '../render/index.js';
import { readValidTickets } from './read-tickets.js';

/** `support-metrics report FILES…`: options → read → validate → compute → render → write. */
export async function runReport(files: string[], flags: ReportFlags, io: CommandIO): Promise<void> {
  const options = parseReportOptions(flags, await readConfig(flags.config));
  const input = await readValidTickets(files, options, io);
  const range = resolveRange(eventSpan(input.store)!, options.period, options.zone, options);
  const report = computeReport(input, {
    metrics: options.metrics,
    period: options.period,
    zone: options.zone,
    inputZone: options.inputZone,
    by: options.by,
    range,
    attribution: options.attribution,
    churnTags: options.churnTags,
    sla: options.sla,
  });
  const text = render(report, options.format, { color: options.format === 'table' && options.output === undefined && io.color });
  await writeOutput(text, options.output, io.stdout);
}
