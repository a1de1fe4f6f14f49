import { chmodSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode, OutputError, UsageError } from '../../src/errors.js';
import {
  NODE_FILE_SYSTEM,
  openOutput,
  outputTarget,
  readSources,
  type OutputFileSystem,
  type WritableHandle,
} from '../../src/io/output-file.js';
import { rejectsFile } from '../../src/commands/rejects-file.js';
import { standardOutput } from '../../src/io/standard-output.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Outputs never destroy data: a path that names a directory, an input, the config or the file
 * behind standard input is refused before anything is read; every byte is checked written (a full
 * disk is an error, not a short file renamed into place); anything that is not a regular file is
 * written into, never replaced.
 */

const work = workDirectory('output-file');
afterAll(() => work.remove());

/** Node's file system, except that writes stop after `room` bytes: the disk is full. */
function diskWithRoom(room: number, options: { shortWrites?: boolean } = {}): OutputFileSystem & { written: () => number } {
  let written = 0;
  return {
    ...NODE_FILE_SYSTEM,
    written: () => written,
    async open(path, flags) {
      const real = await open(path, flags);
      const handle: WritableHandle = {
        async write(buffer, offset, length) {
          // A short write first (as write(2) gives when the disk fills), then ENOSPC.
          const fits = Math.min(length, room - written, options.shortWrites ? 7 : length);
          if (fits <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          const result = await real.write(buffer, offset, fits);
          written += result.bytesWritten;
          return result;
        },
        sync: () => real.sync(),
        close: () => real.close(),
      };
      return handle;
    },
  };
}

const usageMessage = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
};

describe('outputTarget: what may be written, checked before anything is read', () => {
  it('a path that ends in a directory (x.csv/, x.csv/., ..) is refused, also through a link', async () => {
    const dir = work.fresh('slash');
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'id,created_at\n');
    symlinkSync(input, join(dir, 'link'));
    const sources = await readSources([input], undefined, undefined);
    for (const path of [`${input}/`, `${input}/.`, `${dir}/link/`, `${dir}/..`, '.', '..']) {
      expect(await usageMessage(outputTarget('--output', path, sources))).toMatch(/names a directory \(it ends in "\/?\.{0,2}"\); give a file name$/);
    }
    expect(readFileSync(input, 'utf8')).toBe('id,created_at\n');
  });

  it('an input, the config file, and the file standard input reads are refused by what they are (links, other spellings)', async () => {
    const dir = work.fresh('sources');
    const input = join(dir, 'in.csv');
    const config = join(dir, 'support-metrics.config.json');
    const piped = join(dir, 'piped.csv');
    for (const path of [input, config, piped]) writeFileSync(path, 'x');
    symlinkSync(config, join(dir, 'config-link.json'));
    const stdin = await open(piped, 'r');
    try {
      const sources = await readSources([input, '-'], config, stdin.fd);
      expect(await usageMessage(outputTarget('--output', join(dir, '.', 'in.csv'), sources))).toBe(
        `--output: ${join(dir, '.', 'in.csv')} is the input file ${input}; refusing to overwrite it`,
      );
      expect(await usageMessage(outputTarget('--rejects', join(dir, 'config-link.json'), sources))).toBe(
        `--rejects: ${join(dir, 'config-link.json')} is the config file ${config}; refusing to overwrite it`,
      );
      expect(await usageMessage(outputTarget('--output', piped, sources))).toBe(`--output: ${piped} is the file standard input reads; refusing to overwrite it`);
      // Standard input is only an input when `-` is read.
      expect((await outputTarget('--output', piped, await readSources([input], config, stdin.fd))).replace).toBe(true);
    } finally {
      await stdin.close();
    }
  });

  it('a directory is refused; a missing directory is found when the output is opened, before any input is read', async () => {
    const dir = work.fresh('dirs');
    mkdirSync(join(dir, 'sub'));
    expect(await usageMessage(outputTarget('--output', join(dir, 'sub'), []))).toBe(`--output: cannot write ${join(dir, 'sub')}: it is a directory`);
    const missing = await outputTarget('--output', join(dir, 'no', 'such', 'r.json'), []);
    expect(await usageMessage(openOutput(missing))).toBe(`--output: cannot write ${join(dir, 'no', 'such', 'r.json')}: its directory does not exist`);
    writeFileSync(join(dir, 'file'), 'x');
    expect(await usageMessage(outputTarget('--output', join(dir, 'file', 'r.json'), []))).toMatch(/cannot write .*: a part of the path is not a directory$/);
  });

  it('links and `..` are followed as the kernel follows them: `dir/..` is beside what dir links to', async () => {
    const dir = realpathSync(work.fresh('dot-dot'));
    const input = join(dir, 'work', 'in.csv');
    mkdirSync(join(dir, 'work'));
    mkdirSync(join(dir, 'other', 'sub'), { recursive: true });
    writeFileSync(input, 'id,created_at\n');
    symlinkSync(join(dir, 'other', 'sub'), join(dir, 'work', 'dirlink'));
    symlinkSync('../in.csv', join(dir, 'other', 'sub', 'out.csv'));
    const sources = await readSources([input], undefined, undefined);
    const at = (path: string) => outputTarget('--output', `${dir}/work/${path}`, sources); // join() would take `..` away
    // The name `..` leads to other/, not back to work/: the input is not what is replaced.
    expect((await at('dirlink/../in.csv')).destination).toBe(join(dir, 'other', 'in.csv'));
    // A relative link is read from the directory it is in (other/sub), not from the one named.
    expect((await at('dirlink/out.csv')).destination).toBe(join(dir, 'other', 'in.csv'));
    // A directory that is not there: the path stays as given, and opening it fails.
    const missing = await at('nonexist/../in.csv');
    expect(await usageMessage(openOutput(missing))).toBe(`--output: cannot write ${dir}/work/nonexist/../in.csv: its directory does not exist`);
    expect(readFileSync(input, 'utf8')).toBe('id,created_at\n');
    // And when what the links lead to is an input, it is refused.
    const other = join(dir, 'other', 'in.csv');
    writeFileSync(other, 'x');
    expect(await usageMessage(outputTarget('--output', join(dir, 'work', 'dirlink/out.csv'), await readSources([other], undefined, undefined)))).toBe(
      `--output: ${join(dir, 'work', 'dirlink/out.csv')} is the input file ${other}; refusing to overwrite it`,
    );
  });

  it('a name longer than 255 bytes is refused before anything is read', async () => {
    const dir = work.fresh('long');
    const name = `${'é'.repeat(126)}.csv`; // 256 bytes
    expect(await usageMessage(outputTarget('--output', join(dir, name), []))).toBe(`--output: cannot write ${join(dir, name)}: the file name is longer than 255 bytes`);
  });

  it('a FIFO, a device and a descriptor (/dev/stdout, /dev/fd/N) are written into, never replaced', async () => {
    expect((await outputTarget('--output', '/dev/null', [])).replace).toBe(false);
    expect(await outputTarget('--output', '/dev/stdout', [])).toMatchObject({ replace: false, destination: '/proc/self/fd/1', descriptor: 1 });
    expect(await outputTarget('--output', '/dev/fd/2', [])).toMatchObject({ replace: false, descriptor: 2 });
    expect(await usageMessage(outputTarget('--output', '/dev/fd/987', []))).toBe('--output: cannot write /dev/fd/987: no such descriptor is open');
    const dir = work.fresh('regular');
    expect(await outputTarget('--output', join(dir, 'new.json'), [])).toMatchObject({ replace: true, identity: undefined });
  });
});

describe('openOutput: every byte written, or nothing changed', () => {
  it('a regular file is replaced whole when committed; nothing is left beside it', async () => {
    const dir = work.fresh('commit');
    const path = join(dir, 'r.json');
    writeFileSync(path, 'old');
    const output = await openOutput(await outputTarget('--output', path, []));
    expect(readdirSync(dir).sort()).toHaveLength(2); // the temporary file is there from the start
    await output.write('new ');
    await output.write('report');
    expect(readFileSync(path, 'utf8')).toBe('old');
    await output.commit();
    expect(readFileSync(path, 'utf8')).toBe('new report');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it.each([
    { name: 'the disk fills mid-write', room: 100, shortWrites: false },
    { name: 'writes come back short, then the disk is full', room: 100, shortWrites: true },
    { name: 'the disk is full from the first byte', room: 0, shortWrites: false },
  ])('$name: exit 5 naming the file and "no space left on device"; the old file stays, no temporary file', async ({ room, shortWrites }) => {
    const dir = work.fresh('full');
    const path = join(dir, 'r.json');
    writeFileSync(path, 'the old report');
    const disk = diskWithRoom(room, { shortWrites });
    const output = await openOutput(await outputTarget('--output', path, []), disk);
    const error = await output.write('x'.repeat(1000)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).exitCode).toBe(ExitCode.output);
    expect((error as Error).message).toBe(`--output: cannot write ${path}: no space left on device`);
    expect(disk.written()).toBe(room);
    await output.abandon();
    expect(readFileSync(path, 'utf8')).toBe('the old report');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('a replaced file keeps its permissions: a private report stays private', async () => {
    const dir = work.fresh('mode');
    const path = join(dir, 'r.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    const output = await openOutput(await outputTarget('--output', path, []));
    await output.write('new');
    await output.commit();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('a name near the limit still has room for its temporary file (the name is cut, by whole characters)', async () => {
    const dir = work.fresh('long-ok');
    const name = `${'é'.repeat(125)}.csv`; // 254 bytes
    const output = await openOutput(await outputTarget('--output', join(dir, name), []));
    const temporary = readdirSync(dir)[0]!;
    expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
    expect(temporary).not.toContain('\uFFFD');
    await output.write('report');
    await output.commit();
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a descriptor of the process is written through itself, not reopened (the offset the shell holds is shared)', async () => {
    const dir = work.fresh('descriptor');
    const path = join(dir, 'log.txt');
    const file = await open(path, 'w');
    try {
      await file.write('before\n');
      const output = await openOutput(await outputTarget('--output', `/dev/fd/${file.fd}`, []));
      await output.write('report\n');
      await output.commit();
      await file.write('after\n'); // at the offset the report left, as a shell's next command would
    } finally {
      await file.close();
    }
    expect(readFileSync(path, 'utf8')).toBe('before\nreport\nafter\n');
  });

  it('short writes that make progress are continued to the last byte', async () => {
    const dir = work.fresh('short');
    const path = join(dir, 'r.csv');
    const output = await openOutput(await outputTarget('--output', path, []), diskWithRoom(10_000, { shortWrites: true }));
    await output.write('a'.repeat(1000));
    await output.commit();
    expect(readFileSync(path, 'utf8')).toBe('a'.repeat(1000));
  });

  it('the rejects file on a full disk fails the run instead of saying every record was written', async () => {
    const dir = work.fresh('rejects-full');
    const path = join(dir, 'r.csv');
    const sink = rejectsFile(await openOutput(await outputTarget('--rejects', path, []), diskWithRoom(200)), 'csv');
    for (let i = 0; i < 2000; i++) sink.write({ scope: 'record', file: 'x.csv', line: i + 2, field: 'id', code: 'missing_required', message: 'missing' }, `,row ${i}`);
    await expect(sink.finish()).rejects.toThrow(`--rejects: cannot write ${path}: no space left on device`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('standard output on a full disk is one line and exit 5; a reader that went away ends it quietly', async () => {
    const failing = { write: (_text: string, done: (error?: Error | null) => void) => done(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) };
    const error = await standardOutput(failing as unknown as NodeJS.WritableStream)
      .write('report')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe('cannot write to standard output: no space left on device');
    let writes = 0;
    const closed = {
      write: (_text: string, done: (error?: Error | null) => void) => {
        writes++;
        done(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
      },
    };
    const output = standardOutput(closed as unknown as NodeJS.WritableStream);
    await output.write('a');
    await output.write('b');
    expect(writes).toBe(1);
  });
});
