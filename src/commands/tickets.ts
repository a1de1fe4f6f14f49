import type { CommandIO } from '../cli/io.js';
import { parseInputOptions, type InputFlags } from '../cli/options.js';
import { ticketLines } from '../engine/drilldown.js';
import { readConfig } from '../io/read-config.js';
import { formatOfPath, TICKET_LINE_EXTENSIONS, type TicketLineFormat } from '../render/formats.js';
import { renderTicketLines } from '../render/ticket-lines.js';
import { readValidTickets, withRunOutputs } from './read-tickets.js';

export interface TicketsFlags extends InputFlags {
  format?: string;
}

/** --format (checked by commander), else from the --output extension, else CSV. */
function lineFormat(flags: TicketsFlags): TicketLineFormat {
  if (flags.format !== undefined) return flags.format as TicketLineFormat;
  return flags.output === undefined || flags.output === '-' ? 'csv' : formatOfPath('--output', flags.output, TICKET_LINE_EXTENSIONS, '--format');
}

/** `support-metrics tickets FILES…`: every valid ticket as the metrics saw it, streamed out a block at a time. */
export async function runTickets(files: string[], flags: TicketsFlags, io: CommandIO): Promise<void> {
  const { format: _format, ...inputFlags } = flags;
  const format = lineFormat(flags);
  const options = parseInputOptions(inputFlags, await readConfig(flags.config));
  await withRunOutputs(files, options, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, options, io, rejects);
    for (const block of renderTicketLines(ticketLines(input.store, input.presentFields, options), format)) await result.write(block);
  });
}
