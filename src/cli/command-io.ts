/** What a command may touch of the outside world, handed in by the entry point (tests pass their own). */
export interface CommandIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Colour is allowed: stdout is a terminal and NO_COLOR is not set. */
  color: boolean;
  /**
   * The descriptor standard input reads from (0 for the process), so that an output is never the
   * file it comes from (`report - --output in.csv < in.csv`). Tests that pass a stream leave it out.
   */
  stdinFd?: number;
  /** The environment variables a command may read (GITHUB_STEP_SUMMARY, CI); tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in milliseconds, for the progress line (default performance.now); tests pass their own. */
  now?: () => number;
}
