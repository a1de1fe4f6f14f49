import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Input files for the tests of one test file, in a temporary directory made on first use and
 * removed after its tests. Each call writes into a sub-directory of its own, so that names repeat
 * freely and a file's name is what the reader shows.
 */
export function tempFiles(prefix: string): {
  file(name: string, content: string | Buffer): string;
  files(contents: readonly (string | Buffer)[], nameOf?: (i: number) => string): string[];
} {
  let dir: string | undefined;
  let counter = 0;
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (): string => {
    dir ??= mkdtempSync(join(tmpdir(), `support-metrics-${prefix}-`));
    const sub = join(dir, String(counter++));
    mkdirSync(sub);
    return sub;
  };
  const files = (contents: readonly (string | Buffer)[], nameOf = (i: number) => `part${i + 1}.csv`): string[] => {
    const sub = fresh();
    return contents.map((content, i) => {
      const path = join(sub, nameOf(i));
      writeFileSync(path, content);
      return path;
    });
  };
  return { file: (name, content) => files([content], () => name)[0]!, files };
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
