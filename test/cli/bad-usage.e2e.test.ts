import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, fixtureDir, cli, stderrLines, type Run } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Bad usage and unusable input on every command that reads tickets: exactly one stderr line
 * starting `support-metrics: `, nothing on stdout, no stack trace, the documented exit code
 * (2 usage or configuration, 3 unusable input: src/errors.ts); and with --debug, the stack trace
 * of that same error.
 *
 * Already covered elsewhere, not repeated here: for `report`, an unknown flag, a bad --tz, a bad
 * --period, a missing file and a directory (report.e2e.test.ts), a config file that is not JSON or
 * has an unknown key (config.e2e.test.ts); for `tickets`, a missing file, a missing --config and
 * --period (tickets.e2e.test.ts), an unknown config key (config.e2e.test.ts); for `inspect`, a
 * bad flag value and an unreadable input (inspect.e2e.test.ts).
 */

const e2e = fixtureDir('e2e');
const work = workDirectory('bad-usage');
let dir: string;

beforeAll(() => {
  dir = work.fresh('cwd');
  copyFileSync(join(e2e, 'tickets.csv'), join(dir, 'tickets.csv'));
  mkdirSync(join(dir, 'a-directory.csv'));
  writeFileSync(join(dir, 'not-json.config.json'), '{ "timezone": "UTC", }');
  writeFileSync(join(dir, 'unknown-key.config.json'), JSON.stringify({ timezone: 'UTC', frist: 1 }));
  copyFileSync(join(e2e, 'tickets.csv'), join(dir, 'unreadable.csv'));
  chmodSync(join(dir, 'unreadable.csv'), 0o000);
});
afterAll(() => {
  chmodSync(join(dir, 'unreadable.csv'), 0o600);
  work.remove();
});

const sm = async (args: string[]): Promise<Run> => await cli(args, { cwd: dir });

const COMMANDS = ['report', 'tickets', 'inspect'] as const;

interface ErrorCase {
  what: string;
  /** After the command name. */
  args: string[];
  code: 2 | 3;
  /** The one line, exactly. */
  line: string;
}

/** Errors every command that reads tickets must report the same way. */
const ERRORS: ErrorCase[] = [
  { what: 'an unknown flag', args: ['tickets.csv', '--bogus'], code: 2, line: "support-metrics: unknown option '--bogus'" },
  {
    what: 'a bad --tz',
    args: ['tickets.csv', '--tz', 'Mars/Olympus_Mons'],
    code: 2,
    line: 'support-metrics: --tz: "Mars/Olympus_Mons" is not a time zone (use an IANA name such as Europe/Berlin, or UTC)',
  },
  { what: 'a missing file', args: ['no-such-file.csv'], code: 3, line: 'support-metrics: no-such-file.csv: cannot read: no such file' },
  { what: 'a directory instead of a file', args: ['a-directory.csv'], code: 3, line: 'support-metrics: a-directory.csv: is a directory, not a file' },
  {
    what: 'a config file that is not JSON',
    args: ['tickets.csv', '--config', 'not-json.config.json'],
    code: 2,
    line: 'support-metrics: not-json.config.json: not valid JSON: Expected double-quoted property name in JSON at position 21',
  },
  {
    what: 'a config file with an unknown key',
    args: ['tickets.csv', '--config', 'unknown-key.config.json'],
    code: 2,
    line: 'support-metrics: unknown-key.config.json: (top level): unknown key "frist"',
  },
];

/** The not-JSON message comes from the JavaScript engine: pin its start only, past the file name. */
const expectLine = (actual: string, expected: string): void => {
  if (expected.includes('not valid JSON')) expect(actual).toMatch(/^support-metrics: not-json\.config\.json: not valid JSON\b/);
  else expect(actual).toBe(expected);
};

const asRoot = process.getuid?.() === 0;

// report's are covered elsewhere (see the top of this file).
describe.each(['tickets', 'inspect'] as const)('%s: one line, the documented exit code, no stack trace', (command) => {
  it.each(ERRORS)('$what: exit $code', async ({ args, code, line }) => {
    expectLine(expectOneLineError(await sm([command, ...args]), code), line);
  });
});

describe.each(COMMANDS)('%s: what no other test file covers', (command) => {
  it.skipIf(asRoot)('an unreadable file (chmod 000): exit 3, permission denied (skipped as root: root reads it anyway)', async () => {
    expect(expectOneLineError(await sm([command, 'unreadable.csv']), 3)).toBe('support-metrics: unreadable.csv: cannot read: permission denied');
  });

  it('a misspelt flag: the error line, then commander\'s one-line suggestion', async () => {
    // --strict is a report and tickets flag; inspect has --format.
    const [typo, right] = command === 'inspect' ? ['--formt', '--format'] : ['--strcit', '--strict'];
    const r = await sm([command, 'tickets.csv', typo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
    expect(stderrLines(r)).toEqual([`support-metrics: unknown option '${typo}'`, `(Did you mean ${right}?)`]);
  });
});

describe('--debug: the stack trace of the same error, then the same line', () => {
  /** stderr with --debug: `UsageError: …` or `InputError: …`, its stack, then the one line printed without --debug. */
  async function expectStackThenLine(args: string[], code: 2 | 3, errorName: 'UsageError' | 'InputError'): Promise<void> {
    const plain = await sm(args);
    const line = expectOneLineError(plain, code);
    const debug = await sm([...args, '--debug']);
    expect(debug.code, debug.stderr).toBe(code);
    expect(debug.stdout).toBe('');
    const lines = stderrLines(debug);
    expect(lines[0]).toBe(`${errorName}: ${line.replace(/^support-metrics: /, '')}`);
    expect(lines.slice(1, -1).length).toBeGreaterThan(0);
    for (const frame of lines.slice(1, -1)) expect(frame).toMatch(/^\s{4}at /);
    expect(lines.at(-1)).toBe(line);
  }

  it.each(COMMANDS)('%s: a bad --tz (UsageError, exit 2)', async (command) => {
    await expectStackThenLine([command, 'tickets.csv', '--tz', 'Mars/Olympus_Mons'], 2, 'UsageError');
  });

  it.each(COMMANDS)('%s: a missing file (InputError, exit 3)', async (command) => {
    await expectStackThenLine([command, 'no-such-file.csv'], 3, 'InputError');
  });

  it.each(COMMANDS)('%s: a directory (InputError, exit 3)', async (command) => {
    await expectStackThenLine([command, 'a-directory.csv'], 3, 'InputError');
  });

  it.each(COMMANDS)('%s: a config file with an unknown key (UsageError, exit 2)', async (command) => {
    await expectStackThenLine([command, 'tickets.csv', '--config', 'unknown-key.config.json'], 2, 'UsageError');
  });

  it.skipIf(asRoot)('report: an unreadable file (InputError, exit 3) (skipped as root: root reads it anyway)', async () => {
    await expectStackThenLine(['report', 'unreadable.csv'], 3, 'InputError');
  });

  it('report: no valid records (InputError, exit 3)', async () => {
    writeFileSync(join(dir, 'header-only.csv'), 'id,created_at\n');
    await expectStackThenLine(['report', 'header-only.csv'], 3, 'InputError');
  });

  it("an error of commander's own (an unknown flag) has no stack worth showing: --debug prints the same one line", async () => {
    // commander reports parse errors itself, before any code of ours runs; main() maps them to exit
    // 2 without a trace, with or without --debug.
    const plain = await sm(['report', 'tickets.csv', '--bogus']);
    const debug = await sm(['report', 'tickets.csv', '--bogus', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toBe(plain.stderr);
    expect(stderrLines(debug)).toEqual(["support-metrics: unknown option '--bogus'"]);
  });
});
