import { UsageError } from '../errors.js';
import { systemReason } from '../io/system-error.js';
import { readTextFile } from '../io/text-file.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

export const DEFAULT_CONFIG_FILE = 'support-metrics.config.json';

/**
 * Reads `--config PATH`, else support-metrics.config.json in the working directory if there is
 * one, else the defaults. A named file that is missing is an error; the default one is optional.
 */
export async function readConfig(path: string | undefined): Promise<Settings> {
  const file = path ?? DEFAULT_CONFIG_FILE;
  let text: string | undefined;
  try {
    text = await readTextFile(file);
  } catch (error) {
    throw new UsageError(`--config: ${file}: cannot read: ${systemReason(error)}`);
  }
  if (text === undefined) {
    if (path === undefined) return DEFAULT_SETTINGS;
    throw new UsageError(`--config: ${file}: cannot read: ${systemReason({ code: 'ENOENT' })}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  // The schema (zod) is loaded only now: a run without a config file never needs it.
  const { settingsFrom } = await import('./config.js');
  return { ...settingsFrom(data, file), file };
}
