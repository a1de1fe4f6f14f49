import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, projectRoot } from '../helpers/cli.js';

/**
 * Golden CLI cases, as Miller keeps them: one folder per case under test/golden/cases/, holding
 * `cmd` (the arguments after `support-metrics`, run in the project's root; words split on spaces,
 * "double quotes" keep spaces), and what the run must give to the byte: `expout` (stdout), `experr`
 * (stderr) and `exit` (the exit code). They run in-process through main(argv, io).
 *
 * A change that alters an output on purpose rewrites them: `UPDATE_GOLDEN=1 npx vitest run
 * test/golden`, then read the diff before committing it.
 */

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** `report "a b" c` → ['report', 'a b', 'c']. */
function words(line: string): string[] {
  return [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, 'cmd'))).sort();

describe('golden CLI cases (test/golden/cases/)', () => {
  it('there are cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const name of cases) {
    const dir = join(casesDir, name);
    const cmd = readFileSync(join(dir, 'cmd'), 'utf8');
    it(`${name}: support-metrics ${cmd.trim()}`, async () => {
      const r = await cli(words(cmd), { cwd: projectRoot });
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'expout'), r.stdout);
        writeFileSync(join(dir, 'experr'), r.stderr);
        writeFileSync(join(dir, 'exit'), `${r.code}\n`);
        return;
      }
      expect(r.stdout).toBe(readFileSync(join(dir, 'expout'), 'utf8'));
      expect(r.stderr).toBe(readFileSync(join(dir, 'experr'), 'utf8'));
      expect(`${r.code}\n`).toBe(readFileSync(join(dir, 'exit'), 'utf8'));
    });
  }
});
