import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './cli.js';

const register = fileURLToPath(new URL('./module-log/register.mjs', import.meta.url));
const runMain = fileURLToPath(new URL('./module-log/run-main.mjs', import.meta.url));

/** What one run of the CLI loaded: its own modules (as `dist/…` paths), and the packages of node_modules. */
export interface LoadedModules {
  code: number | null;
  /** `cli/main.js`, `render/json.js`… (paths under dist/). */
  modules: Set<string>;
  /** `zod`, `temporal-polyfill`, `@scope/name`… */
  packages: Set<string>;
}

/**
 * Runs `support-metrics ARGS…` from the built dist/ (`npm run build` first; `npm test` does it)
 * in a child process that records every module it loads: the ES modules as they load, those
 * require() loaded (CommonJS libraries, string-width on first use) at exit.
 */
export function loadedModules(args: readonly string[], options: { cwd?: string; color?: boolean } = {}): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), 'support-metrics-modules-'));
  const log = join(dir, 'modules.txt');
  try {
    const result = spawnSync(process.execPath, ['--import', register, runMain, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, MODULE_LOG: log, COLOR: options.color === true ? '1' : '0' },
      encoding: 'utf8',
    });
    if (result.error) throw result.error;
    const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u !== '');
    const modules = new Set<string>();
    const packages = new Set<string>();
    for (const url of urls) {
      const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      if (pkg !== null) packages.add(pkg[1]!);
      else if (url.startsWith('file:') && url.includes('/dist/')) modules.add(url.slice(url.lastIndexOf('/dist/') + '/dist/'.length));
    }
    return { code: result.status, modules, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
