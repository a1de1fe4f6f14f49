import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Running the built CLI (`npm run build` first; `npm test` does it in pretest) with the Node that
 * runs the tests, as report.e2e.test.ts does, for the end-to-end tests of issue 3's commands.
 */

export const binPath = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));

/** test/fixtures/<name>/ as an absolute path with a trailing slash. */
export const fixtureDir = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `support-metrics ARGS…` in `cwd` (no config file there unless a test puts one). */
export function run(args: string[], options: { cwd: string; input?: string }): Run {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const stderrLines = (r: Run): string[] => r.stderr.split('\n').filter((l) => l !== '');

/**
 * A user error as the README documents it: the exit code, nothing on stdout, no stack trace, and
 * exactly one line on stderr, starting `support-metrics: `. Returns that line.
 */
export function expectOneLineError(r: Run, code: 2 | 3): string {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/\w+Error:/);
  const lines = stderrLines(r);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^support-metrics: /);
  return lines[0]!;
}

/** A temporary directory for one test file; `fresh(name)` gives an empty subdirectory of it. */
export function workDirectory(prefix: string): { root(): string; fresh(name: string): string; remove(): void } {
  let root: string | undefined;
  const rootDir = (): string => (root ??= mkdtempSync(join(tmpdir(), `support-metrics-${prefix}-`)));
  return {
    root: rootDir,
    fresh(name) {
      const dir = join(rootDir(), name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      return dir;
    },
    remove() {
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
    },
  };
}
