import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/cli/flags.js';

/**
 * The README's table of the report's options is written by hand (it says more than --help), so
 * that it names each option of the flag table, and no other, is checked here. `--debug` is the
 * program's own, for every command.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('`support-metrics report FILES… [options]`');
const table = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('| option |', start)));
const rows = [...table.matchAll(/^\| (`[^|]+`) \| (.+) \|$/gm)].map(([, option, rest]) => ({ option: option!, rest: rest! }));
const long = (text: string): string[] => [...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]);

describe("the README's report options", () => {
  const flags = flagsOf('report').map((f) => long(f.flags)[0]!);

  it('name every option of the report command, in a row of its own or in the row of the option it goes with', () => {
    expect(rows.length).toBeGreaterThan(30);
    const named = new Set(rows.flatMap((row) => long(row.option)));
    const mentioned = new Set(rows.flatMap((row) => long(row.rest)));
    for (const flag of flags) expect(named.has(flag) || mentioned.has(flag), flag).toBe(true);
  });

  it('name no option the report command does not take', () => {
    for (const flag of rows.flatMap((row) => long(row.option))) expect([...flags, '--debug'], flag).toContain(flag);
  });
});
