import type { CommandIO } from '../cli/command-io.js';
import { parseFlags, readingOf } from '../cli/options.js';
import { readConfig } from '../config/load-config.js';
import { standardOutput } from '../io/standard-output.js';
import { renderInspection, renderInspectionJson } from '../render/inspection.js';
import { Ingest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { readTicketInput } from './read-input.js';

/**
 * `support-metrics inspect FILES…`: options → read → validate → render what was understood of each
 * file → write. Every file is described, rejections or not; no metric is computed.
 */
export async function runInspect(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const flags = parseFlags('inspect', raw);
  const { read, inputZone, eventLog } = readingOf(flags, settings, true);
  const ingest = new Ingest(wallTimeReader(inputZone), { eventLog });
  await readTicketInput(files, ingest, { ...read, describeUnknown: true }, flags.quiet === true, io);
  const { readings } = ingest.finish();
  await standardOutput(io.stdout).write(flags.format === 'json' ? renderInspectionJson(readings) : renderInspection(readings));
}
