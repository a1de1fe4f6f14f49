import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, expectOneLineError, cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Issue 9, end to end with real processes (standard input's descriptor, FIFOs, devices, a full
 * disk): the tool never overwrites what it reads, never replaces what is not a regular file, never
 * leaves a short file in place, and says so in one line.
 */

const work = workDirectory('output-safety');
afterAll(() => work.remove());

const EXPORT = 'id,created_at,agent\nA1,2026-03-02T09:00:00Z,alice\nA2,2026-03-03T09:00:00Z,bob\nA3,bad,carol\n';

function setUp(name: string): string {
  const dir = work.fresh(name);
  writeFileSync(join(dir, 'in.csv'), EXPORT);
  return dir;
}

/** Runs a shell command line in `dir` with the CLI as `sm`. */
function shell(dir: string, script: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `sm() { "${process.execPath}" "${binPath}" "$@"; }\n${script}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isRoot = process.getuid?.() === 0;
/** A private mount namespace for a small tmpfs (a full disk), where this machine allows it. */
const canMountTmpfs = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /mnt'], { encoding: 'utf8' }).status === 0;

describe('an output path is checked before anything is read, and never lands on an input', () => {
  it.each(['in.csv/', './in.csv/.', 'link/'])('--output %s is a usage error and leaves the input as it was', async (path) => {
    const dir = setUp('slash');
    if (!existsSync(join(dir, 'link'))) symlinkSync('in.csv', join(dir, 'link'));
    const line = expectOneLineError(await cli(['report', 'in.csv', '--output', path], { cwd: dir }), 2);
    expect(line).toMatch(/names a directory \(it ends in "\/\.?"\); give a file name$/);
    expect(readFileSync(join(dir, 'in.csv'), 'utf8')).toBe(EXPORT);
  });

  it('report - --output in.csv < in.csv: the file standard input reads is an input', () => {
    const dir = setUp('stdin');
    const fd = openSync(join(dir, 'in.csv'), 'r');
    try {
      const r = spawnSync(process.execPath, [binPath, 'report', '-', '--output', 'in.csv'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toBe('support-metrics: --output: in.csv is the file standard input reads; refusing to overwrite it\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(join(dir, 'in.csv'), 'utf8')).toBe(EXPORT);
  });

  it('the config file in use (found in the directory, or given with --config) is an input for --output and --rejects', async () => {
    const dir = setUp('config');
    const config = '{"timezone": "UTC"}\n';
    writeFileSync(join(dir, 'support-metrics.config.json'), config);
    writeFileSync(join(dir, 'team.json'), config);
    expect(expectOneLineError(await cli(['report', 'in.csv', '-o', 'support-metrics.config.json', '-f', 'json'], { cwd: dir }), 2)).toBe(
      'support-metrics: --output: support-metrics.config.json is the config file support-metrics.config.json; refusing to overwrite it',
    );
    expect(expectOneLineError(await cli(['report', 'in.csv', '--config', 'team.json', '--rejects', './team.json'], { cwd: dir }), 2)).toBe(
      'support-metrics: --rejects: ./team.json is the config file team.json; refusing to overwrite it',
    );
    expect(readFileSync(join(dir, 'support-metrics.config.json'), 'utf8')).toBe(config);
    expect(readFileSync(join(dir, 'team.json'), 'utf8')).toBe(config);
  });

  it('a missing or unusable --output directory stops the run before it reads anything (standard input still open)', async () => {
    const dir = setUp('early');
    const child = spawn(process.execPath, [binPath, 'report', '-', '--input-format', 'csv', '--output', 'no/such/dir/r.json'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('id,created_at\n');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Standard input is never ended: only a check made before reading lets the run end at all.
    const code = await new Promise<number | null>((resolve) => {
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      child.on('exit', (status) => {
        clearTimeout(guard);
        resolve(status);
      });
    });
    child.stdin.destroy();
    expect(code, stderr).toBe(2);
    expect(stderr).toBe('support-metrics: --output: cannot write no/such/dir/r.json: its directory does not exist\n');
  });

  it('an --output extension that names no format is refused, unless --format says which', async () => {
    const dir = setUp('extension');
    expect(expectOneLineError(await cli(['report', 'in.csv', '-o', 'kpis.xlsx'], { cwd: dir }), 2)).toBe(
      'support-metrics: --output: kpis.xlsx: .xlsx names no format this writes (.txt, .md, .markdown, .json, .csv); or give --format',
    );
    expect(expectOneLineError(await cli(['report', 'in.csv', '-o', 'kpis.csv.gz'], { cwd: dir }), 2)).toBe(
      'support-metrics: --output: kpis.csv.gz: compressed files are not written (pipe standard output through gzip instead); or give --format',
    );
    expect(expectOneLineError(await cli(['tickets', 'in.csv', '-o', 'lines.xlsx'], { cwd: dir }), 2)).toMatch(/lines\.xlsx: \.xlsx names no format this writes \(\.csv, \.json\)/);
    expect(expectOneLineError(await cli(['report', 'in.csv', '--rejects', 'r.xlsx'], { cwd: dir }), 2)).toMatch(/--rejects: r\.xlsx: \.xlsx names no format/);
    expect((await cli(['report', 'in.csv', '-o', 'kpis.xlsx', '-f', 'csv'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'kpis.xlsx'), 'utf8')).toMatch(/^period,start,end,/);
  });
});

describe('what is not a regular file is written into, never replaced', () => {
  it('a FIFO: its reader gets the report, and it stays a FIFO', () => {
    const dir = setUp('fifo');
    const r = shell(dir, 'mkfifo out.fifo; cat out.fifo > got.json & sm report in.csv -o out.fifo -f json; code=$?; wait; exit $code');
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'out.fifo')).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).input.records).toBe(2);
  });

  it('/dev/stdout into a pipe, and appended to a file opened with >>', () => {
    const dir = setUp('stdout');
    const piped = shell(dir, 'sm report in.csv -o /dev/stdout -f json | cat');
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout).input.records).toBe(2);
    writeFileSync(join(dir, 'log.txt'), 'earlier line\n');
    const appended = shell(dir, 'sm report in.csv -o /dev/stdout -f csv >> log.txt');
    expect(appended.code, appended.stderr).toBe(0);
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toMatch(/^earlier line\nperiod,start,end,/);
  });

  it('/dev/stdout in a group of commands: what the shell writes next follows the report', () => {
    const dir = setUp('stdout-group');
    const r = shell(dir, '{ echo HEADER; sm report in.csv -o /dev/stdout -f csv; echo FOOTER; } > all.txt');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'all.txt'), 'utf8')).toMatch(/^HEADER\nperiod,start,end,.*\n(?:.*\n)+FOOTER\n$/);
  });

  it('--rejects /dev/stderr: the summary printed after it on standard error does not overwrite it', () => {
    const dir = setUp('rejects-stderr');
    const r = shell(dir, 'sm report in.csv -f json --rejects /dev/stderr > /dev/null 2> err.txt');
    expect(r.code, r.stderr).toBe(0);
    const err = readFileSync(join(dir, 'err.txt'), 'utf8');
    expect(err).toMatch(/^file,line,scope,field,code,message,record\nin\.csv,4,record,created_at,invalid_timestamp,/);
    expect(err).toMatch(/1 rejected record written to \/dev\/stderr/);
  });

  it('/dev/stdout when standard output is a socket (a parent process reading through a pipe of its own)', async () => {
    const dir = setUp('stdout-socket');
    const child = spawn(process.execPath, [binPath, 'report', 'in.csv', '-f', 'json', '-o', '/dev/stdout'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((done) => child.on('close', done));
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).input.records).toBe(2);
  });

  it('a FIFO whose run fails before writing: its reader sees the end instead of waiting for ever', () => {
    const dir = setUp('fifo-failed');
    writeFileSync(join(dir, 'bad.csv'), 'id,created_at\n"A1,2026\n');
    const r = shell(dir, 'mkfifo out.fifo; timeout 20 cat out.fifo > got.txt & reader=$!; sm report bad.csv -o out.fifo -f json; code=$?; wait $reader; echo "$code $?"');
    expect(r.stdout).toBe('3 0\n');
  });

  it.runIf(isRoot)('a character device (a private copy of /dev/null) stays a device, as root too', () => {
    const dir = setUp('device');
    const r = shell(dir, 'mknod null c 1 3 && sm report in.csv -o null -f json');
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });
});

describe('a full disk: exit 5, one line naming the file; the old file stays and nothing is left beside it', () => {
  it.each(['report in.csv -f json', 'tickets in.csv', 'inspect in.csv', 'metrics', 'metrics backlog', 'presets', '--help', 'report --help', '--version'])(
    'standard output on /dev/full: %s',
    (command) => {
      const dir = setUp('dev-full');
      const r = shell(dir, `sm ${command} > /dev/full`);
      expect(r.code).toBe(5);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('support-metrics: '))).toEqual(['support-metrics: cannot write to standard output: no space left on device']);
      expect(r.stderr).not.toMatch(/^\s{4}at /m);
    },
  );

  // A private copy of /dev/full: a regression must never get to replace the system's device.
  it.runIf(isRoot)('--output onto a full device (written into)', () => {
    const dir = setUp('output-dev-full');
    const r = shell(dir, 'mknod full c 1 7 && sm report in.csv -o full -f json');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^support-metrics: --output: cannot write full: no space left on device$/m);
    expect(statSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
  });

  it.runIf(canMountTmpfs)('--output and --rejects on a small tmpfs', () => {
    const dir = setUp('tmpfs');
    // 2,000 rejected records make a rejects file of ~100 KB; 2,000 agents a report of ~2 MB.
    const rows = Array.from({ length: 2000 }, (_, i) => `R${i},not a date,agent ${i}`).join('\n');
    writeFileSync(join(dir, 'bad.csv'), `${EXPORT}${rows}\n`);
    const tickets = Array.from({ length: 2000 }, (_, i) => `T${i},2026-03-02T09:00:00Z,agent ${i}`).join('\n');
    writeFileSync(join(dir, 'many.csv'), `id,created_at,agent\n${tickets}\n`);
    const r = shell(
      dir,
      [
        'unshare -m bash -c \'',
        'mount -t tmpfs -o size=16k tmpfs /mnt && echo "the old report" > /mnt/r.json',
        `"${process.execPath}" "${binPath}" report many.csv --by agent -f json -o /mnt/r.json 2> out-err.txt; echo "output $?" > codes.txt`,
        `"${process.execPath}" "${binPath}" report bad.csv -f json --rejects /mnt/rejects.csv > /dev/null 2> rejects-err.txt; echo "rejects $?" >> codes.txt`,
        'ls -A /mnt > listing.txt; cat /mnt/r.json > kept.txt\'',
      ].join('\n'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'codes.txt'), 'utf8')).toBe('output 5\nrejects 5\n');
    expect(readFileSync(join(dir, 'out-err.txt'), 'utf8')).toMatch(/^support-metrics: --output: cannot write \/mnt\/r\.json: no space left on device$/m);
    expect(readFileSync(join(dir, 'rejects-err.txt'), 'utf8')).toMatch(/^support-metrics: --rejects: cannot write \/mnt\/rejects\.csv: no space left on device$/m);
    expect(readFileSync(join(dir, 'rejects-err.txt'), 'utf8')).not.toMatch(/written to/);
    expect(readFileSync(join(dir, 'listing.txt'), 'utf8')).toBe('r.json\n');
    expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe('the old report\n');
  });
});

describe('messages', () => {
  it('an unknown option holding escape sequences is echoed cleaned', async () => {
    const dir = setUp('unknown-option');
    const r = await cli(['report', 'in.csv', '--\x1b]0;pwned\x07x\x1b[31m'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^support-metrics: unknown option '--.*x.*'/);
    expect(r.stderr).not.toMatch(/[\x1b\x07]/);
  });

  it('--map naming one field twice is a usage error', async () => {
    const dir = setUp('map-twice');
    expect(expectOneLineError(await cli(['report', 'in.csv', '--map', 'id=id,id=created_at'], { cwd: dir }), 2)).toBe(
      'support-metrics: --map: id is given twice ("id" and "created_at"); a field reads one column',
    );
  });

  it('--max-record-size above 256M is refused: a record is one string, and larger ones cannot be', async () => {
    const dir = setUp('max-size');
    expect(expectOneLineError(await cli(['report', 'in.csv', '--max-record-size', '300M'], { cwd: dir }), 2)).toMatch(
      /^support-metrics: --max-record-size: "300M" is not a size from 1K to 256M \(a record is held as one string/,
    );
    expect((await cli(['report', 'in.csv', '--max-record-size', '256M'], { cwd: dir })).code).toBe(0);
  });

  it('an SLA target of 100000000d is a config error naming the key (not a crash of tickets)', async () => {
    const dir = setUp('sla-huge');
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ sla: [{ name: 'All', firstResponse: '100000000d' }] }));
    expect(expectOneLineError(await cli(['tickets', 'in.csv'], { cwd: dir }), 2)).toBe(
      'support-metrics: support-metrics.config.json: sla[0].firstResponse: "100000000d" is longer than a year (365d), which no target is',
    );
  });
});

describe('a header of 150,000 columns', () => {
  it('inspect and report --verbose describe it (no stack overflow)', async () => {
    const dir = work.fresh('wide');
    const extra = Array.from({ length: 150_000 }, (_, i) => `c${i}`);
    writeFileSync(join(dir, 'wide.csv'), `id,created_at,${extra.join(',')}\nW1,2026-03-02T09:00:00Z,${','.repeat(149_999)}\n`);
    const inspect = await cli(['inspect', 'wide.csv'], { cwd: dir });
    expect(inspect.code, inspect.stderr.slice(0, 500)).toBe(0);
    expect(inspect.stdout).toMatch(/150,002 columns?|2 columns read, 150,000 ignored/);
    expect(inspect.stdout.trimEnd().split('\n').at(-1)).toMatch(/^ {4}c149999 +\(ignored\) +1 +0$/);
    const verbose = await cli(['report', 'wide.csv', '--verbose', '-f', 'json'], { cwd: dir });
    expect(verbose.code, verbose.stderr.slice(0, 500)).toBe(0);
  });
});

describe('no temporary files are left behind', () => {
  it('after a run that fails on its input, the --output directory holds what it held', async () => {
    const dir = setUp('failed-run');
    writeFileSync(join(dir, 'broken.csv'), 'id,created_at\nA,"open\n');
    writeFileSync(join(dir, 'r.json'), 'old');
    expectOneLineError(await cli(['report', 'broken.csv', '-o', 'r.json', '--rejects', 'rej.csv'], { cwd: dir }), 3);
    expect(readdirSync(dir).sort()).toEqual(['broken.csv', 'in.csv', 'r.json']);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('old');
  });
});
