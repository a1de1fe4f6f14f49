/** What a command may touch of the outside world, handed in by the entry point (tests pass their own). */
export interface CommandIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Colour is allowed: stdout is a terminal and NO_COLOR is not set. */
  color: boolean;
}
