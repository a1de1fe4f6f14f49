/** How the commands that read tickets read them: with a progress line on a terminal when it takes long. */

import { progressLine } from '../render/progress.js';
import type { CommandIO } from '../cli/command-io.js';
import { ReadProgress, type ProgressTerminal } from '../io/progress.js';
import { readTicketSources, type ReadOptions } from '../reading/read-exports.js';
import type { Ingest } from '../tickets/ingest.js';

/**
 * Whether a read shows its progress line: only on a terminal (stderr a TTY that understands the
 * escape to clear a line), never in CI (the variable CI set, other than "false" or "0"), never
 * with --quiet.
 */
function showsProgress(io: CommandIO, quiet: boolean): boolean {
  const { CI: ci, TERM: term } = io.env ?? {};
  return !quiet && (io.stderr as { isTTY?: boolean }).isTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0') && term !== 'dumb';
}

/**
 * Reads every input into the ingest, with a progress line on a terminal when reading takes long;
 * the line is cleared when reading ends or fails, before anything else is written.
 */
export async function readTicketInput(files: string[], ingest: Ingest, read: ReadOptions, quiet: boolean, io: CommandIO): Promise<void> {
  const progress = showsProgress(io, quiet) ? new ReadProgress(io.stderr as ProgressTerminal, io.now ?? (() => performance.now()), progressLine) : undefined;
  try {
    await readTicketSources(files, ingest, io.stdin, read, progress);
  } finally {
    progress?.end();
  }
}
