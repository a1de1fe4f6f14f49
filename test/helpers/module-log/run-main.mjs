// Runs the CLI from tsc's dist/ (not the bundle, whose chunks do not say which modules they hold)
// as bin/support-metrics.js runs it, for test/helpers/loaded-modules.ts. The hook (register.mjs)
// logs the ES modules as they load; at exit, the modules require() loaded (CommonJS, and ES
// modules required on first use) are added from require.cache.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { main } from '../../../dist/cli/main.js';

process.on('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache);
  appendFileSync(process.env.MODULE_LOG, required.map((path) => `${pathToFileURL(path).href}\n`).join(''));
});
process.exitCode = await main(process.argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, color: process.env.COLOR === '1', stdinFd: 0, env: {} });
