import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from '../errors.js';

/**
 * Writes the rendered report to stdout, or to a file atomically (a temporary file renamed into
 * place), so that a job killed mid-write never leaves half a KPI file.
 */
export async function writeOutput(text: string, output: string | undefined, inputs: readonly string[], stdout: NodeJS.WritableStream): Promise<void> {
  if (output === undefined || output === '-') {
    await new Promise<void>((done, fail) => stdout.write(text, (error) => (error ? fail(error) : done())));
    return;
  }
  const target = resolve(output);
  if (inputs.some((input) => input !== '-' && resolve(input) === target)) {
    throw new UsageError(`--output: ${output} is one of the input files; refusing to overwrite it`);
  }
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`--output: cannot write ${output}: ${(error as Error).message}`);
  }
}
