import type { CommandIO } from '../cli/command-io.js';
import { parseFlags, staffingRunOf } from '../cli/options.js';
import { readConfig } from '../config/load-config.js';
import { InputError } from '../errors.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { computeStaffing, NoHandleTime } from '../engine/staffing.js';
import { renderStaffing } from '../render/staffing.js';
import { readValidTickets, withRunOutputs } from './ticket-input.js';

/** `support-metrics staffing FILES…`: options → outputs opened → read → validate → arrivals and Erlang C per weekday-hour → render → write. */
export async function runStaffing(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const run = staffingRunOf(parseFlags('staffing', raw), settings);
  await withRunOutputs(files, run, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, run, io, rejects);
    const range = resolveRange(eventSpan(input.store)!, 'day', run.zone, run);
    let report;
    try {
      report = computeStaffing(input.store, { ...run.staffing, range });
    } catch (error) {
      if (error instanceof NoHandleTime) throw new InputError(error.message);
      throw error;
    }
    await result.write(renderStaffing(report, run.format));
  });
}
