import { close, open, read } from 'node:fs';

/**
 * A file's bytes as chunks, for the readers of open-input.ts and the second thread of a file read
 * in two parts (reading/part-worker.ts). Alone in its module: that thread loads nothing else of
 * the input's.
 */

/** The chunks a file's bytes are handed on in (what fs.createReadStream reads at a time): the blocks the readers split records in. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * How much of a file is read at a time, then handed on a chunk at a time: a read that goes
 * through the thread pool costs ~35 us here besides its bytes (the bench's 180 MB file read alone
 * took 0.30 s of CPU 64 KiB at a time, 0.19–0.27 s 256 KiB at a time; 1 MiB reads saved a little
 * more, and held 10 MiB more at the report's peak). See docs/speed.md.
 */
export const READ_SIZE = 4 * CHUNK_SIZE;

/** Buffers a file is read into in turn, once recycled: the read the reader's chunk is in, the one before it, and the one under way. */
const RING = 3;

/**
 * A file's bytes, chunk by chunk from byte `start` on, each read (of READ_SIZE, handed on in
 * chunks of CHUNK_SIZE) made while the one before is used (as fs.createReadStream reads ahead).
 * Each read is made into a new buffer until `recycle` is called, and from then on into three
 * buffers in turn: when the reader asks for the first chunk of one read, the next is read into the
 * buffer of the read two before it. So whoever reads the chunks must copy what it keeps of one by
 * the time it asks for the one after the next. The readers here keep at most the end of the chunk
 * before, and copy it (the CSV scanner, the JSON and NDJSON splitters, peek, checkedUtf8); zlib
 * does not, so gzip data is never read so.
 *
 * On these machines a fresh 64 KiB buffer costs 16 pages touched for the first time: reading the
 * bench's 180 MB file took 0.44 s of CPU and 79 MB through a stream, 0.25 s and 50 MB into two
 * buffers (`/usr/bin/time`, three runs each).
 *
 * A file descriptor rather than a FileHandle: a handle that a failed run leaves open is closed by
 * the collector, with a warning, where a descriptor is closed at exit.
 */
export class FileBytes implements AsyncIterable<Buffer> {
  private ring: Buffer[] | undefined;
  private turn = 0;
  /** The read under way, if any: the file is closed once it is done. */
  private reading: Promise<Buffer> | undefined;

  private constructor(
    private fd: number | undefined,
    /** Where the next read starts (null: where the last ended, for a pipe or a device). */
    private position: number | null,
  ) {}

  /** Opens `path` (its system error, as fs gives it, when it cannot be). `start`: a regular file's byte to start at. */
  static async open(path: string, start?: number): Promise<FileBytes> {
    const fd = await new Promise<number>((resolve, reject) => open(path, 'r', (error, fd) => (error === null ? resolve(fd) : reject(error))));
    return new FileBytes(fd, start ?? null);
  }

  /** From the next read on, three buffers in turn (see the class). */
  recycle(): void {
    this.ring ??= Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(READ_SIZE));
  }

  /** Closes the file, once the read under way is done (reading to its end, or stopping early, closes it too). */
  close(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    const closeIt = (): void => close(fd, () => undefined);
    if (this.reading === undefined) closeIt();
    else void this.reading.then(closeIt, closeIt);
  }

  /** Starts the next read: its bytes, empty at the end of the file. Its error is thrown where it is awaited. */
  private readNext(): Promise<Buffer> {
    const fd = this.fd;
    // Closed while being read: an error of this code's, never a file cut short without a word.
    if (fd === undefined) return Promise.reject(new Error('internal: a file read after it was closed'));
    const buffer = this.ring === undefined ? Buffer.allocUnsafeSlow(READ_SIZE) : this.ring[(this.turn = (this.turn + 1) % RING)]!;
    const reading = new Promise<Buffer>((resolve, reject) =>
      read(fd, buffer, 0, READ_SIZE, this.position, (error, count) => {
        if (this.reading === reading) this.reading = undefined;
        if (error !== null) return reject(error);
        if (this.position !== null) this.position += count;
        resolve(buffer.subarray(0, count));
      }),
    );
    reading.catch(() => undefined); // not unhandled while the chunk before is used
    this.reading = reading;
    return reading;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      for (let next = this.readNext(); ; ) {
        const bytes = await next;
        if (bytes.length === 0) return;
        next = this.readNext();
        for (let at = 0; at < bytes.length; at += CHUNK_SIZE) yield bytes.subarray(at, Math.min(at + CHUNK_SIZE, bytes.length));
      }
    } finally {
      this.close();
    }
  }
}
