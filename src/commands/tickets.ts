import type { CommandIO } from '../cli/command-io.js';
import { parseFlags, ticketsRunOf } from '../cli/options.js';
import { LINE_COLUMNS, ticketLines } from '../engine/drilldown.js';
import { readConfig } from '../config/load-config.js';
import { renderTicketLines } from '../render/ticket-lines.js';
import { readValidTickets, withRunOutputs } from './ticket-input.js';

/** `support-metrics tickets FILES…`: every valid ticket as the metrics saw it, streamed out a block at a time. */
export async function runTickets(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const run = ticketsRunOf(parseFlags('tickets', raw), settings);
  await withRunOutputs(files, run, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, run, io, rejects);
    const header = LINE_COLUMNS.map((column) => column.name);
    for (const block of renderTicketLines(ticketLines(input.store, input.presentFields, run), run.format, header)) await result.write(block);
  });
}
