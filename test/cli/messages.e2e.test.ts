import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, expectOneLineError, cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/** Error messages quote the data (file names, headers): they are one safe line, whatever it holds. */

const work = workDirectory('messages');
afterAll(() => work.remove());

describe('error messages', () => {
  it('a file name with escape sequences and a direction override reaches the terminal clean', async () => {
    const dir = work.fresh('escapes');
    const name = '\u001b]0;pwned\u0007\u001b[31mred\u202e.csv';
    const line = expectOneLineError(await cli(['report', name], { cwd: dir }), 3);
    expect(line).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(line).toMatch(/^support-metrics: red ?\.csv: cannot read: no such file$/);
  });

  it('a header without id, of a thousand columns, is named in one line of bounded length', async () => {
    const dir = work.fresh('wide');
    const header = Array.from({ length: 1000 }, (_, i) => `column number ${i} ${'x'.repeat(100)}`);
    writeFileSync(join(dir, 'wide.csv'), `${header.join(',')}\n`);
    const line = expectOneLineError(await cli(['report', 'wide.csv'], { cwd: dir }), 3);
    expect(line.length).toBeLessThanOrEqual(2000 + 'support-metrics: '.length);
    expect(line).toMatch(/^support-metrics: wide\.csv:1: no "id" or "created_at" column, and no preset fits the header \(columns found: "column number 0 x+\.\.\.", /);
    expect(line).toMatch(/ and 980 more\); `support-metrics inspect wide\.csv` describes the columns and how to map them$/);
  });

  it('a header after blank lines is named by its own line', async () => {
    const dir = work.fresh('late-header');
    writeFileSync(join(dir, 'late.csv'), '\n\nticket,opened\n1,2026-03-02\n');
    expect(expectOneLineError(await cli(['report', 'late.csv'], { cwd: dir }), 3)).toBe(
      'support-metrics: late.csv:3: no "id" or "created_at" column, and no preset fits the header (columns found: "ticket", "opened"); `support-metrics inspect late.csv` describes the columns and how to map them',
    );
  });

  it('a closed stderr loses the message, never the exit code', () => {
    const dir = work.fresh('closed-stderr');
    const script = `set -o pipefail; "${process.execPath}" "${binPath}" report nope.csv 2>&1 >/dev/null | true; echo "code \${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toBe('code 3');
  });
});
