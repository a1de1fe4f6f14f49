import { spawnSync, type StdioOptions } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';

/**
 * The one way tests run the CLI. `cli` runs it in this process through `main(argv, io)`, as the
 * entry point does, in a few milliseconds; `cliProcess` starts the built bin (`npm run build` first;
 * `npm test` does it) for what only a real process has: the bin itself, standard input's
 * descriptor, EPIPE, signals, exit codes set by Node.
 */

export const binPath = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));

/** test/fixtures/<name>/ as an absolute path with a trailing slash. */
export const fixtureDir = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

/** The project's root (samples/, docs/ are below it). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (cli only: what the command wrote, unconverted). */
  stdoutBytes: Buffer;
}

export interface RunOptions {
  /** The working directory (relative paths, the default config file); default: the project root. */
  cwd?: string;
  /** Standard input. */
  input?: string | Buffer;
  /** The environment the command sees (in-process: only these variables; default none). */
  env?: Record<string, string | undefined>;
}

/** Collects what a command writes. */
function sink(): { stream: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** One in-process run at a time: the working directory is the process's own. */
let running: Promise<unknown> = Promise.resolve();

/** Runs `support-metrics ARGS…` in this process (no colour, as with NO_COLOR). */
export function cli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const run = running.then(async () => {
    const stdout = sink();
    const stderr = sink();
    const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]);
    const before = process.cwd();
    process.chdir(options.cwd ?? projectRoot);
    try {
      const code = await main(['node', 'support-metrics', ...args], { stdin, stdout: stdout.stream, stderr: stderr.stream, color: false, env: options.env ?? {} });
      const bytes = stdout.bytes();
      return { code, stdout: bytes.toString('utf8'), stderr: stderr.bytes().toString('utf8'), stdoutBytes: bytes };
    } finally {
      process.chdir(before);
    }
  });
  running = run.catch(() => undefined);
  return run;
}

/** Runs the built bin in a child process. `stdio` overrides the pipes (a file descriptor as standard input). */
export function cliProcess(args: readonly string[], options: RunOptions & { stdio?: StdioOptions } = {}): Run {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    input: options.stdio === undefined ? (options.input ?? '') : undefined,
    stdio: options.stdio,
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const stdout = result.stdout ?? Buffer.alloc(0);
  return { code: result.status, stdout: stdout.toString('utf8'), stderr: (result.stderr ?? Buffer.alloc(0)).toString('utf8'), stdoutBytes: stdout };
}

export const stderrLines = (r: Run): string[] => r.stderr.split('\n').filter((l) => l !== '');

/**
 * A user error as the README documents it: the exit code, nothing on stdout, no stack trace, and
 * exactly one line on stderr, starting `support-metrics: `. Returns that line.
 */
export function expectOneLineError(r: Run, code: 2 | 3 | 5): string {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/\w+Error:/);
  const lines = stderrLines(r);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^support-metrics: /);
  return lines[0]!;
}
