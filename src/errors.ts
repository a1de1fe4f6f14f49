/**
 * Typed errors and the exit codes they map to. Only the entry point (`cli/main.ts`) turns these
 * into `process.exitCode`; everything else throws or returns.
 */

export const ExitCode = {
  ok: 0,
  /** A bug in support-metrics: please report it. */
  internal: 1,
  /** Bad flag, bad option value or bad configuration. */
  usage: 2,
  /** Unusable input: a file that cannot be read or parsed, no valid records, or more rejections than --max-rejects / --strict allow. */
  input: 3,
  /** The report is written, and an error-level goal failed (a CI job fails on it). */
  goals: 4,
  /** The output could not be written to the end: no space left, an I/O error. Nothing half-written is left in place. */
  output: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The user asked for something we cannot do as asked (flag, option value, config). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = ExitCode.usage;
}

/** The input cannot be used: a file that cannot be read or parsed, or no valid record at all. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = ExitCode.input;
}

/** A write that failed on the way (a full disk, an I/O error): the output is not there, the old file stays. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly exitCode = ExitCode.output;
}

/** The report was written in full, and goals of level error failed: the run exits 4. */
export class GoalsFailed extends Error {
  override readonly name = 'GoalsFailed';
  readonly exitCode = ExitCode.goals;
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof InputError || error instanceof OutputError || error instanceof GoalsFailed) return error.exitCode;
  return ExitCode.internal;
}
