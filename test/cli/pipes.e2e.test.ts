import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, fixtureDir } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Inputs that can be read only once — a FIFO, process substitution (`<(cmd)`), /dev/stdin — are
 * read like standard input: never opened a second time (which would hang on a FIFO, or split its
 * data between two readers and silently lose records).
 */

const work = workDirectory('pipes');
afterAll(() => work.remove());

const SERVICENOW = join(fixtureDir('presets'), 'servicenow-incident-log.csv');

/** Runs `support-metrics ARGS` in `dir` after `setup` (shell), with a timeout: a hang fails the test. */
function shell(dir: string, setup: string, args: string): { code: number | null; stdout: string; stderr: string } {
  const script = `${setup}\n"${process.execPath}" "${binPath}" ${args}`;
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === 'win32')('inputs read once', () => {
  it('a FIFO is read once, whole: the same tickets as the file itself', () => {
    const dir = work.fresh('fifo');
    const plain = shell(dir, '', `report "${SERVICENOW}" -p all -f csv`);
    const fifo = shell(dir, `mkfifo f.csv; cat "${SERVICENOW}" > f.csv &`, 'report f.csv -p all -f csv --date-format DMY');
    expect(fifo.code, fifo.stderr).toBe(0);
    expect(fifo.stdout).toBe(plain.stdout);
  });

  it('process substitution, without --date-format: dates read as ISO 8601, and a notice says why', () => {
    const dir = work.fresh('substitution');
    const r = shell(dir, '', `report <(cat "${SERVICENOW}") -p all -f csv`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/read once \(standard input or a pipe\), so its date columns are read as ISO 8601; give --date-format DMY or MDY/);
    expect(r.stderr).toMatch(/10 of 10 records rejected/);
  });

  it('an unclosed quote in a FIFO is an error, not a hang', () => {
    const dir = work.fresh('fifo-quote');
    writeFileSync(join(dir, 'src.csv'), 'id,created_at,agent\nA,2026-03-02T09:00:00Z,"open\nB,2026-03-02T09:00:00Z,x\n');
    const r = shell(dir, 'mkfifo f.csv; cat src.csv > f.csv &', 'report f.csv');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^support-metrics: f\.csv:2: a quoted field in the record that starts here is never closed/m);
  });
});
