import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onExit } from 'signal-exit';
import { UsageError } from '../errors.js';
import { rejectLine, rejectsEnd, rejectsFormatOf, rejectsStart, type RejectsFormat } from '../render/rejects.js';
import type { RejectSink, Rejection } from '../tickets/ingest.js';
import { systemReason } from './system-error.js';

/**
 * The --rejects file, written as records are rejected (memory does not grow with their number)
 * into a temporary file beside it, renamed into place once every input has been read. A run that
 * fails on the way, or is interrupted (Ctrl-C, SIGTERM), leaves no file behind, not even the
 * temporary one.
 */

export interface RejectsFile extends RejectSink {
  /** Every input read: the file takes its place (also when the run then fails on --strict or --max-rejects). */
  finish(): Promise<void>;
  /** The run failed while reading: the temporary file goes. */
  abandon(): Promise<void>;
}

/** Lines are collected and written in blocks of about this many characters. */
const BLOCK = 64 * 1024;

export async function openRejectsFile(path: string): Promise<RejectsFile> {
  const format = rejectsFormatOf(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // Registered before the file exists: a signal that comes as soon as it does still removes it.
  const removeOnExit = onExit(() => {
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already renamed or removed.
    }
  });
  const stream = createWriteStream(temporary, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error) => reject(new UsageError(`--rejects: cannot write ${path}: ${writeReason(error)}`)));
    });
  } catch (error) {
    removeOnExit();
    throw error;
  }
  return new StreamedRejects(path, temporary, format, stream, removeOnExit);
}

function writeReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its directory does not exist' : systemReason(error);
}

class StreamedRejects implements RejectsFile {
  private pending: string;
  private written = 0;
  private failure: Error | undefined;

  constructor(
    private readonly path: string,
    private readonly temporary: string,
    private readonly format: RejectsFormat,
    private readonly stream: WriteStream,
    private readonly removeOnExit: () => void,
  ) {
    this.pending = rejectsStart(format);
    stream.on('error', (error) => {
      this.failure = new UsageError(`--rejects: cannot write ${path}: ${writeReason(error)}`);
    });
  }

  write(rejection: Rejection, raw: string | undefined): void {
    this.pending += rejectLine(this.format, rejection, raw, this.written === 0);
    this.written++;
    if (this.pending.length >= BLOCK) this.flush();
  }

  private flush(): void {
    if (this.pending === '' || this.failure !== undefined) return;
    this.stream.write(this.pending);
    this.pending = '';
  }

  async finish(): Promise<void> {
    this.pending += rejectsEnd(this.format, this.written === 0);
    this.flush();
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure !== undefined) {
      await this.abandon();
      throw this.failure;
    }
    try {
      await rename(this.temporary, this.path);
    } catch (error) {
      await this.abandon();
      throw new UsageError(`--rejects: cannot write ${this.path}: ${writeReason(error)}`);
    }
    this.removeOnExit();
  }

  async abandon(): Promise<void> {
    this.stream.destroy();
    await unlink(this.temporary).catch(() => undefined);
    this.removeOnExit();
  }
}
