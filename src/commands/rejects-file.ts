import type { RejectsFormat } from '../render/output-formats.js';
import { rejectLine, rejectsEnd, rejectsStart } from '../render/rejects.js';
import type { RejectSink, Rejection } from '../tickets/ingest.js';
import type { Output } from '../io/output-file.js';

/**
 * The --rejects file, written as records are rejected (memory does not grow with their number) to
 * an Output: a temporary file beside it, renamed into place once every input has been read. A run
 * that fails on the way, or is interrupted (Ctrl-C, SIGTERM), leaves no file behind, not even the
 * temporary one; a write that fails (a full disk) fails the run.
 */

export interface RejectsFile extends RejectSink {
  /** Every input read: the file takes its place (also when the run then fails on --strict or --max-rejects). */
  finish(): Promise<void>;
  /** The run failed while reading: the temporary file goes. */
  abandon(): Promise<void>;
}

/** Lines are collected and written in blocks of about this many characters. */
const BLOCK = 64 * 1024;

export function rejectsFile(output: Output, format: RejectsFormat): RejectsFile {
  let pending = rejectsStart(format);
  let written = 0;
  // Blocks are written one after the other; the first failure is kept for finish() to throw.
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  const flush = (): void => {
    const block = pending;
    pending = '';
    writing = writing.then(() => (failure === undefined ? output.write(block) : undefined)).catch((error: unknown) => {
      failure ??= error;
    });
  };
  return {
    write(rejection: Rejection, raw: string | undefined): void {
      pending += rejectLine(format, rejection, raw, written === 0);
      written++;
      if (pending.length >= BLOCK) flush();
    },
    async finish() {
      pending += rejectsEnd(format, written === 0);
      flush();
      await writing;
      if (failure !== undefined) {
        await output.abandon();
        throw failure;
      }
      await output.commit();
    },
    async abandon() {
      await writing;
      await output.abandon();
    },
  };
}
