import { CommanderError } from 'commander';
import { exitCodeOf, ExitCode } from '../errors.js';
import { standardOutput } from '../io/standard-output.js';
import { cleanText } from '../render/clean-text.js';
import type { CommandIO } from './command-io.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI and returns the exit code. The one place where errors become exit codes and
 * messages: a user error is one line on stderr; a stack trace only for internal errors or --debug.
 */
export async function main(argv: readonly string[], io: CommandIO): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  const program = buildProgram(io).option('--debug', 'show stack traces for errors');
  // The help and the version are output like any other: `--help > /dev/full` is exit 5, not 0.
  const stdout = standardOutput(io.stdout);
  let written = Promise.resolve();
  const writeOut = (text: string): void => {
    written = written.then(() => stdout.write(text));
    written.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  };
  // Subcommands copy these settings only when created, so each command gets them here.
  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({
      writeOut,
      writeErr: (text) => io.stderr.write(text),
      // commander's own messages ("error: unknown option …") read like ours.
      // Cleaned like every message: an unknown option may carry escape sequences.
      outputError: (text, write) => write(`${cleanText(text.replace(/^error: /, 'support-metrics: '), { keepLineBreaks: true })}`),
    });
  }
  try {
    try {
      await program.parseAsync(argv as string[], { from: 'node' });
    } catch (error) {
      // commander has already printed its message (or the help / version).
      if (!(error instanceof CommanderError)) throw error;
      if (error.exitCode !== 0) return ExitCode.usage;
    }
    await written;
    return ExitCode.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    if (code === ExitCode.internal || debug) {
      io.stderr.write(`${cleanText(error instanceof Error ? (error.stack ?? error.message) : String(error), { keepLineBreaks: true })}\n`);
    }
    if (code !== ExitCode.internal) io.stderr.write(`support-metrics: ${messageLine((error as Error).message)}\n`);
    else io.stderr.write('support-metrics: internal error; please report it with the command and the stack trace above\n');
    return code;
  }
}

/** Longest error line printed: a message that quotes data (a header of a thousand columns) is cut. */
const MESSAGE_LIMIT = 2000;

/** A user error's message as one safe line: data in it (file names, headers, values) cleaned, and cut when huge. */
function messageLine(message: string): string {
  const clean = cleanText(message);
  return clean.length <= MESSAGE_LIMIT ? clean : `${clean.slice(0, MESSAGE_LIMIT - 1)}…`;
}
