import type { CommandIO } from '../cli/command-io.js';
import { parseFlags } from '../cli/options.js';
import { importSchedules, ScheduleImportError } from '../config/schedule-import.js';
import { InputError } from '../errors.js';
import { readTextFile } from '../io/text-file.js';
import { standardOutput } from '../io/standard-output.js';
import { systemReason } from '../io/system-error.js';

/** `support-metrics schedules import FILE`: a vendor's business hours JSON → the config's `schedules` block on stdout. */
export async function runSchedulesImport(file: string, raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const flags = parseFlags('schedules', raw);
  let text: string | undefined;
  try {
    text = await readTextFile(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${systemReason(error)}`);
  }
  if (text === undefined) throw new InputError(`${file}: cannot read: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not JSON`);
  }
  try {
    const { schedules } = importSchedules(json, flags.source);
    await standardOutput(io.stdout).write(`${JSON.stringify({ schedules }, null, 2)}\n`);
  } catch (error) {
    if (error instanceof ScheduleImportError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}
