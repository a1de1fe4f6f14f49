import { readFile } from 'node:fs/promises';

/** A small text file read whole (the config): undefined when there is no such file; any other failure is thrown as it is. */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
