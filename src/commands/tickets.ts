import type { CommandIO } from '../cli/io.js';
import { parseInputOptions, type InputFlags } from '../cli/options.js';
import { ticketLines } from '../engine/drilldown.js';
import { readConfig } from '../io/read-config.js';
import { writeOutput } from '../io/write-output.js';
import type { TicketLineFormat } from '../render/formats.js';
import { renderTicketLines } from '../render/ticket-lines.js';
import { readValidTickets } from './read-tickets.js';

export interface TicketsFlags extends InputFlags {
  format?: string;
}

/** --format (checked by commander), else from the --output extension, else CSV. */
function lineFormat(flags: TicketsFlags): TicketLineFormat {
  return (flags.format as TicketLineFormat | undefined) ?? (flags.output?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
}

/** `support-metrics tickets FILES…`: every valid ticket as the metrics saw it. */
export async function runTickets(files: string[], flags: TicketsFlags, io: CommandIO): Promise<void> {
  const { format: _format, ...inputFlags } = flags;
  const options = parseInputOptions(inputFlags, await readConfig(flags.config));
  const input = await readValidTickets(files, options, io);
  const lines = ticketLines(input.store, input.presentFields, options);
  await writeOutput(renderTicketLines(lines, lineFormat(flags)), options.output, io.stdout);
}
