import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from '../errors.js';
import { systemReason } from './system-error.js';

/**
 * Writes the rendered report to stdout, or to a file atomically (a temporary file renamed into
 * place), so that a job killed mid-write never leaves half a KPI file.
 */

async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path); // follows symbolic links: a link to an input is that input
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a file the run writes (`flag`: --output, --rejects) that is one of the inputs, by path,
 * symbolic link or hard link. Called before any input is read, so a mistake costs nothing.
 */
export async function assertNotAnInput(flag: string, output: string | undefined, inputs: readonly string[]): Promise<void> {
  if (output === undefined || output === '-') return;
  const target = await fileIdentity(output);
  if (target === undefined) return;
  for (const input of inputs) {
    if (input !== '-' && (await fileIdentity(input)) === target) {
      throw new UsageError(`${flag}: ${output} is the input file ${input}; refusing to overwrite it`);
    }
  }
}

/**
 * Where writing to a path would land: links followed (also a link to a file not written yet), the
 * directory resolved. The file itself need not exist.
 */
async function destination(path: string, hops = 0): Promise<string> {
  try {
    if (hops < 40 && (await lstat(path)).isSymbolicLink()) return await destination(resolve(dirname(path), await readlink(path)), hops + 1);
  } catch {
    // Not there yet: it is where it will be written.
  }
  try {
    return join(await realpath(dirname(path)), basename(path));
  } catch {
    return resolve(path);
  }
}

/** Whether two paths the run writes are the same file: one file (by link or path), or one path once links are resolved. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [ia, ib] = await Promise.all([fileIdentity(a), fileIdentity(b)]);
  if (ia !== undefined && ib !== undefined) return ia === ib;
  return (await destination(a)) === (await destination(b));
}

export async function writeOutput(text: string, output: string | undefined, stdout: NodeJS.WritableStream): Promise<void> {
  if (output === undefined || output === '-') {
    await new Promise<void>((done, fail) => stdout.write(text, (error) => (error ? fail(error) : done())));
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its directory does not exist' : systemReason(error);
    throw new UsageError(`--output: cannot write ${output}: ${reason}`);
  }
}
