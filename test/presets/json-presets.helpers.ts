import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));

/** Runs the CLI on one file with --format json. */
export function cli(command: string, file: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [bin, command, file, '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The tickets command's tickets, by id. */
export function ticketsById(file: string, args: string[] = []): Record<string, Record<string, unknown>> {
  const r = cli('tickets', file, args);
  if (r.code !== 0) throw new Error(r.stderr);
  return Object.fromEntries((JSON.parse(r.stdout) as { id: string }[]).map((t) => [t.id, t]));
}
