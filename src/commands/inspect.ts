import type { CommandIO } from '../cli/io.js';
import { parseInputOptions, type InputFlags } from '../cli/options.js';
import { readConfig } from '../io/read-config.js';
import { readTicketSources } from '../io/read-tickets.js';
import { standardOutput } from '../io/output-file.js';
import type { InspectionFormat } from '../render/formats.js';
import { renderInspection, renderInspectionJson } from '../render/inspection.js';
import { Ingest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { readOptionsOf } from './read-tickets.js';

export interface InspectFlags extends InputFlags {
  format?: InspectionFormat;
}

/**
 * `support-metrics inspect FILES…`: options → read → validate → render what was understood of each
 * file → write. Every file is described, rejections or not; no metric is computed.
 */
export async function runInspect(files: string[], flags: InspectFlags, io: CommandIO): Promise<void> {
  const { format, ...inputFlags } = flags;
  const options = parseInputOptions(inputFlags, await readConfig(flags.config));
  const ingest = new Ingest(wallTimeReader(options.inputZone));
  await readTicketSources(files, ingest, io.stdin, readOptionsOf(options, true));
  const { readings } = ingest.finish();
  await standardOutput(io.stdout).write(format === 'json' ? renderInspectionJson(readings) : renderInspection(readings));
}
