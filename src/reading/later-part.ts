import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { elementStartFrom, lineStartFrom } from '../io/part-start.js';
import type { InputProgress } from '../io/progress.js';
import type { LaterReader, PartPlan, PartRead, PartWork } from './parts.js';

/**
 * A large CSV, NDJSON or JSON array file read by two threads: this one reads it up to a line start
 * (an element start of a JSON array) near its middle, a second one (part-worker.ts) reads the rest
 * into a log at the same time (csv-part.ts, json-part.ts), and this one then files the log's
 * records after its own (Ingest.merge) as if it had read them. The result is the same, byte for
 * byte, as reading the file in one piece; when it could not be (the start falls inside a quoted CSV
 * field that runs over lines, or inside a JSON element, or the second thread meets an error in its
 * part), this thread reads the rest itself, and an error is said as it would be.
 *
 * Only a regular file, neither gzip data nor in another encoding than UTF-8 (its bytes are the
 * text), without an Excel `sep=` line, read without --rejects or --event-log, not by `inspect`;
 * and only where the second thread's code is built beside this one (not when the tests import
 * src/) and the system gives a thread (else this one reads it all).
 */

/** What the second thread posts: how far it is, then its part, or that it met an input error there. */
export type PartMessage = { kind: 'progress'; bytes: number; records: number } | { kind: 'done'; part: PartRead } | { kind: 'input-error' };

/** The second thread's code, built beside this module (tsc's dist/reading/, and the bundle). */
const WORKER = new URL('./part-worker.js', import.meta.url);

/** How far from the middle a line start (or a JSON array's element start) is looked for. */
const SEARCH_WITHIN = 1024 * 1024;

/**
 * The second thread's code space, in MiB: V8 reserves 128 MiB of address space per thread by
 * default, and under a limit on a process's address space (`ulimit -v`) a reservation it cannot
 * make aborts the whole process. Its code (one reader) fits in far less.
 */
const CODE_RANGE_MB = 32;

/**
 * The second thread's young generation (where V8 makes new objects), in MiB. Left to itself V8
 * grows it as the part's field strings come and go, although few of them survive: capped, the two
 * threads' peak while they read the bench's million tickets was 235–250 MiB instead of 268–277 (see
 * docs/speed.md). The first thread's own cannot be set from inside the process.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * Starts a thread running `url`, to read a part of a file of the `kind` given (it loads that
 * reader while this thread reads the file's start); undefined when its code is not there (it is
 * built beside this module: not when the tests import src/, which give their own).
 */
export type StartThread = (url: URL, kind: PartPlan['kind']) => Worker | undefined;

const startThread: StartThread = (url, kind) => (existsSync(fileURLToPath(url)) ? new Worker(url, { workerData: kind, resourceLimits: { codeRangeSizeMb: CODE_RANGE_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }) : undefined);

export class LaterPart implements LaterReader {
  /** The part, once the second thread posts it (see result). */
  private outcome: Promise<PartRead | undefined>;
  private progress: InputProgress | undefined;
  /** The bytes and records the second thread told `progress` of: taken back when this thread reads them again. */
  private counted = { bytes: 0, records: 0 };
  /** Whether its part was kept (its progress stands). */
  private kept = false;
  /** Whether `begin` was called. */
  started = false;

  private constructor(
    private readonly path: string,
    private readonly size: number,
    /** The byte the later part starts at. */
    readonly at: number,
    private readonly worker: Worker,
  ) {
    // An error of this thread's read (or this thread ending) must not wait for the other one.
    this.worker.unref();
    this.outcome = new Promise((resolve, reject) => {
      this.worker.on('message', (message: PartMessage) => {
        if (message.kind === 'progress') {
          this.counted.bytes += message.bytes;
          this.counted.records += message.records;
          this.progress?.bytes(message.bytes);
          this.progress?.records(message.records);
        } else resolve(message.kind === 'done' ? message.part : undefined);
      });
      this.worker.on('error', (error: Error & { code?: string }) => {
        // A failure of the system's, not of the code's (out of memory in its part, a thread that
        // could not start: ERR_WORKER_*, an errno code): this thread reads the part itself, as
        // without a second thread. An error without a code is a fault in the code: said as one.
        if (typeof error.code === 'string') resolve(undefined);
        else reject(error);
      });
      this.worker.on('exit', () => resolve(undefined));
    });
    // Not awaited until the part is wanted; a failure then is thrown there.
    this.outcome.catch(() => undefined);
  }

  /** The later part of the `kind` of file at `path` (`size` bytes), its thread started; undefined when there is none to read. */
  static async start(path: string, size: number, kind: PartPlan['kind'], start: StartThread = startThread): Promise<LaterPart | undefined> {
    const middle = Math.floor(size / 2);
    // A JSON array's elements may run over lines (pretty-printed) or share one: an element start, found as the file's first two are separated.
    const at = kind === 'json' ? await elementStartFrom(path, middle, SEARCH_WITHIN) : await lineStartFrom(path, middle, SEARCH_WITHIN);
    if (at <= 0 || at >= size) return undefined;
    let worker: Worker | undefined;
    try {
      worker = start(WORKER, kind);
    } catch {
      // No thread to be had (EAGAIN: a limit on processes or threads): one thread reads it all.
      return undefined;
    }
    return worker && new LaterPart(path, size, at, worker);
  }

  /** How the file's records are read is settled: the second thread reads its part as `work` says; `progress` is told how far it is. */
  begin(work: PartWork, progress: InputProgress | undefined): void {
    this.progress = progress;
    this.started = true;
    this.worker.postMessage({ ...work, path: this.path, at: this.at, size: this.size } satisfies PartPlan);
  }

  /** What the second thread made of its part; undefined when it could not read it (read it here). */
  async result(): Promise<PartRead | undefined> {
    const part = await this.outcome;
    // Handed over once, and not held here for the rest of the run (it is the second thread's half
    // of the store: ~34 MB on a million tickets).
    this.outcome = Promise.resolve(undefined);
    if (part !== undefined) this.kept = true;
    else if (!this.kept) this.takeBack();
    return part;
  }

  /** The part is not wanted (or no longer): its thread stops. */
  cancel(): void {
    if (!this.kept) this.takeBack();
    void this.worker.terminate();
  }

  /** This thread reads the part again: what the second thread read no longer counts on the progress line. */
  private takeBack(): void {
    this.progress?.bytes(-this.counted.bytes);
    this.progress?.records(-this.counted.records);
    this.counted = { bytes: 0, records: 0 };
    this.progress = undefined;
  }
}
