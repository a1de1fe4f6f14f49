import type { CommandIO } from '../cli/command-io.js';
import { parseFlags, reportRunOf } from '../cli/options.js';
import { computeReport } from '../engine/compute.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { readConfig } from '../config/load-config.js';
import { METRICS } from '../metrics/index.js';
import { render } from '../render/index.js';
import { readValidTickets, withRunOutputs } from './ticket-input.js';

/** `support-metrics report FILES…`: options → outputs opened → read → validate → compute → render → write. */
export async function runReport(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const run = reportRunOf(parseFlags('report', raw, { metricIds: METRICS.map((m) => m.meta.id) }), settings, METRICS);
  await withRunOutputs(files, run, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, run, io, rejects);
    const { store, files: accounts } = input;
    const nameTicket = (slot: number): string => `ticket ${store.id[slot]} in ${accounts[store.sourceFile[slot]!]!.path}`;
    const range = resolveRange(eventSpan(store)!, run.compute.period, run.zone, run.compute, nameTicket);
    const report = computeReport(input, { ...run.compute, range });
    await result.write(render(report, run.format, { color: run.format === 'table' && run.output === undefined && io.color }));
  });
}
