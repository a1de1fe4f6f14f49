import type { CommandIO } from '../cli/io.js';
import { parseReportOptions, type ReportFlags } from '../cli/options.js';
import { computeReport } from '../engine/compute.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { readConfig } from '../io/read-config.js';
import { render } from '../render/index.js';
import { readValidTickets, withRunOutputs } from './read-tickets.js';

/** `support-metrics report FILES…`: options → outputs opened → read → validate → compute → render → write. */
export async function runReport(files: string[], flags: ReportFlags, io: CommandIO): Promise<void> {
  const options = parseReportOptions(flags, await readConfig(flags.config));
  await withRunOutputs(files, options, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, options, io, rejects);
    const { store, files: accounts } = input;
    const nameTicket = (slot: number): string => `ticket ${store.id[slot]} in ${accounts[store.sourceFile[slot]!]!.path}`;
    const range = resolveRange(eventSpan(store)!, options.period, options.zone, options, nameTicket);
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
    await result.write(render(report, options.format, { color: options.format === 'table' && options.output === undefined && io.color }));
  });
}
