import { cli, type Run } from '../helpers/cli.js';

/** Runs the CLI on one file with --format json. */
export function cliJson(command: string, file: string, args: string[] = []): Promise<Run> {
  return cli([command, file, '--format', 'json', ...args]);
}

/** The tickets command's tickets, by id. */
export async function ticketsById(file: string, args: string[] = []): Promise<Record<string, Record<string, unknown>>> {
  const r = await cliJson('tickets', file, args);
  if (r.code !== 0) throw new Error(r.stderr);
  return Object.fromEntries((JSON.parse(r.stdout) as { id: string }[]).map((t) => [t.id, t]));
}
