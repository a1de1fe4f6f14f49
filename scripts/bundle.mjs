#!/usr/bin/env node
// The second step of `npm run build`: bundles the CLI that tsc compiled into dist/ (entry
// dist/cli/main.js) into dist/bundle/, which bin/support-metrics.js runs.
//
// Why: Node spends about a millisecond per ES module on resolving, reading, compiling and
// linking it, and `report` loaded about 130 of them plus its libraries' own; bundled, --help
// takes ~15% less time and a report of 3,000 tickets ~10% (measured at 727d408). Splitting keeps what
// is loaded lazily lazy: each command, renderer, the presets and the config schema (zod) stay
// chunks of their own, imported only when a run needs them. (One file without splitting made
// --help 40% slower: all of zod, temporal-polyfill and cli-table3 to parse.) The libraries are bundled with the code, except the one loaded by
// require() on first use (string-width), which stays in node_modules; the `require` the banner
// defines serves it and the require() calls of the bundled CommonJS libraries (commander,
// cli-table3).
//
// The rest of dist/ stays as tsc writes it: the tests import src/, and scripts/ and bench/
// import the modules of dist/ directly.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;

// Chunk names carry a hash: an old build's chunks would otherwise stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The second thread of a file read in two parts (src/reading/later-part.ts) loads its own entry.
  entryPoints: { main: 'dist/cli/main.js', 'part-worker': 'dist/reading/part-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Maps to src/ through tsc's own maps (used with node --enable-source-maps).
  sourcemap: 'linked',
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
