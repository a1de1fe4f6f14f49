import { appendFile } from 'node:fs/promises';
import { OutputError } from '../errors.js';
import { systemReason } from './system-error.js';

/**
 * Appends text to a file another program owns and reads after the run (GitHub's job summary):
 * created when missing, never truncated. A failed write is an OutputError naming the file (exit 5).
 */
export async function appendToFile(path: string, text: string, what: string): Promise<void> {
  try {
    await appendFile(path, text, 'utf8');
  } catch (error) {
    throw new OutputError(`${what} ${path}: cannot write: ${systemReason(error)}`);
  }
}
