
/**
 * The progress line of a long read, on a terminal: shown once reading has taken more than
 * SHOW_AFTER, rewritten in place (`\r`, the line, clear to its end) at most every REDRAW, and
 * cleared before anything else is written on stderr or the result on stdout.
 *
 * Cheap on the hot path: bytes are counted where chunks are read (open-input.ts), records where
 * the readers receive their blocks; the clock is read once per chunk or block, never per record.
 */

/** Reading that takes longer than this (milliseconds) shows the line: shorter runs print nothing more. */
export const SHOW_AFTER = 1000;
/** The line is rewritten at most this often (milliseconds). */
export const REDRAW = 200;
/**
 * The rate is the bytes read over about the last RATE_WINDOW milliseconds of the pass (a pass's
 * first second runs slower, while the code warms up), and is not told before RATE_AFTER.
 */
export const RATE_WINDOW = 5000;
export const RATE_AFTER = 500;

/** What a read reports of one pass over one input. */
export interface InputProgress {
  /** The input is open: its size in bytes when known (a regular file), and whether its data is gzip. */
  opened(size: number | undefined, compressed: boolean): void;
  /** A chunk of this many bytes was read (of gzip data, when compressed); negative: bytes counted by a second thread that this one reads again. */
  bytes(count: number): void;
  /** This many records were read (each CSV record, JSON element or NDJSON line, blank ones included); negative as for bytes. */
  records(count: number): void;
}

/** The terminal the line is drawn on. */
export interface ProgressTerminal {
  write(text: string): unknown;
  /** Its width in columns, when known (0 or undefined: unknown). */
  columns?: number;
}

/** `\r`, then clear to the end of the line (ECMA-48 EL). */
const CLEAR = '\r\u001b[K';

/** Where a read stands: the figures one progress line shows. */
export interface ProgressFigures {
  /** The input as messages name it (`<stdin>` for standard input). */
  file: string;
  /** Its place among the inputs (1-based), and how many there are. */
  index: number;
  files: number;
  /** A first pass over the file (date formats decided from every value), whose records are read again after it. */
  firstPass: boolean;
  /** Bytes of the file read so far in this pass: of the gzip data when it is compressed. */
  bytes: number;
  /** The file's size in bytes, when known (a regular file; compressed, for gzip data). */
  size: number | undefined;
  compressed: boolean;
  /** Records read so far from the file (none in a first pass). */
  records: number;
  /** Bytes of this pass read per second, lately; undefined until it can be told. */
  rate: number | undefined;
}

/** The text of the line for the figures, at most `width` columns when given (render/progress.ts progressLine). */
export type ProgressLine = (figures: ProgressFigures, width?: number) => string;

/** One pass over one input, as it stands. */
interface Pass extends Omit<ProgressFigures, 'rate'> {
  /** Its size is known (or known to be unknown): the line is drawn from then on. */
  open: boolean;
  /** (time, bytes) when the pass started and at each time the line was drawn since, over the last RATE_WINDOW. */
  samples: { at: number; bytes: number }[];
}

export class ReadProgress {
  private readonly start: number;
  private shown = false;
  private ended = false;
  private drawnAt = Number.NEGATIVE_INFINITY;

  /** `now`: a monotonic clock in milliseconds (tests pass their own); `line`: what the line says. */
  constructor(
    private readonly terminal: ProgressTerminal,
    private readonly now: () => number,
    private readonly line: ProgressLine,
  ) {
    this.start = now();
  }

  /**
   * A pass over one input starts (`index` of `files`, 1-based): what it reads is counted from 0.
   * The line shows the pass that read last (a first pass runs while the main one waits).
   */
  pass(file: string, index: number, files: number, firstPass = false): InputProgress {
    const pass: Pass = { file, index, files, firstPass, open: false, bytes: 0, size: undefined, compressed: false, records: 0, samples: [{ at: this.now(), bytes: 0 }] };
    return {
      opened: (size, compressed) => {
        pass.size = size;
        pass.compressed = compressed;
        pass.open = true;
      },
      bytes: (count) => {
        pass.bytes += count;
        // Bytes taken back: the rate starts over from here.
        if (count < 0) pass.samples = [{ at: this.now(), bytes: pass.bytes }];
        this.tick(pass);
      },
      records: (count) => {
        pass.records += count;
        this.tick(pass);
      },
    };
  }

  /** Clears the line, if shown, and draws it no more: before the result, a notice or an error. */
  end(): void {
    if (this.shown) this.terminal.write(CLEAR);
    this.shown = false;
    this.ended = true;
  }

  private tick(pass: Pass): void {
    if (this.ended || !pass.open) return;
    const now = this.now();
    if (now - this.start < SHOW_AFTER || now - this.drawnAt < REDRAW) return;
    this.drawnAt = now;
    this.shown = true;
    const { samples } = pass;
    while (samples.length > 1 && now - samples[1]!.at >= RATE_WINDOW) samples.shift();
    const since = samples[0]!;
    const rate = now - since.at < RATE_AFTER ? undefined : ((pass.bytes - since.bytes) / (now - since.at)) * 1000;
    samples.push({ at: now, bytes: pass.bytes });
    // A terminal of unknown size (0 columns under `script`) is taken to be wide enough.
    const { columns } = this.terminal;
    const width = columns === undefined || columns <= 1 ? undefined : columns - 1;
    this.terminal.write(`\r${this.line({ ...pass, rate }, width)}\u001b[K`);
  }
}
