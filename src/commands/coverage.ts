import type { CommandIO } from '../cli/command-io.js';
import { coverageRunOf, parseFlags } from '../cli/options.js';
import { readConfig } from '../config/load-config.js';
import { computeCoverage } from '../engine/coverage.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { renderCoverage } from '../render/coverage.js';
import { readValidTickets, withRunOutputs } from './ticket-input.js';

/** `support-metrics coverage FILES…`: options → outputs opened → read → validate → the weekday × hour grid → render → write. */
export async function runCoverage(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const run = coverageRunOf(parseFlags('coverage', raw), settings);
  await withRunOutputs(files, run, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, run, io, rejects);
    // Whole local days: from the day of the first event to the end of the day of the last, unless given.
    const range = resolveRange(eventSpan(input.store)!, 'day', run.zone, run);
    const coverage = computeCoverage(input.store, { range, zone: run.zone, event: run.event, where: run.where, ...(run.schedule === undefined ? {} : { schedule: run.schedule }) });
    await result.write(renderCoverage(coverage, run.format));
  });
}
