import { fstatSync, unlinkSync, write as writeToDescriptor } from 'node:fs';
import { access, chmod, chown, constants, lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute } from 'node:path';
import { OutputError, UsageError } from '../errors.js';
import { systemReason } from './system-error.js';

/**
 * Where the run's outputs go (--output, --rejects, standard output) and how they are written.
 *
 * - A regular file (or a name not taken yet) is written to a temporary file beside it, every
 *   byte checked, synced, and renamed into place: a run that fails or is killed leaves the old
 *   file as it was and no temporary file. The temporary file is created before any input is
 *   read, so an unusable directory costs nothing.
 * - Anything else — a FIFO, a device such as /dev/null, a descriptor the shell opened
 *   (/dev/stdout, /dev/fd/3, `>(gzip > x)`) — is written into directly, appending: replacing it
 *   would leave its reader waiting, or, as root, replace the system's /dev/null. A descriptor of
 *   this process is written through that descriptor itself, so that what the shell writes after
 *   the run follows the report instead of overwriting it.
 * - A replaced file keeps its permissions (and, where the run may set it, its owner).
 * - Inputs are never outputs: a regular output file that is an input, the config file or the file
 *   standard input comes from (by device and inode, so links and other spellings count too) is
 *   refused before anything is read.
 *
 * Every failure to write is one line naming the file: a usage error (exit 2) when the output
 * cannot be written at all, an OutputError (exit 5) when a write fails on the way (no space left).
 */

export interface OutputTarget {
  /** How messages name it: `--output`, `--rejects`. */
  flag: string;
  /** As given. */
  path: string;
  /** Replaced atomically (a regular file, or a new one); else written into (a FIFO, a device, a descriptor). */
  replace: boolean;
  /** Where the bytes land: links followed (replace), or the path itself (written into). */
  destination: string;
  /** `dev:ino` of the file that is there now, when it is a regular file. */
  identity: string | undefined;
  /** This process's descriptor the path names (/dev/stdout: 1), written through directly. */
  descriptor?: number;
  /** A FIFO: a run that fails before writing still opens it, so that its reader sees the end. */
  fifo?: boolean;
}

/** Something the run reads, by what it is on disk: an input file, the config, the file behind standard input. */
export interface ReadSource {
  /** How messages name it: `the input file tickets.csv`, `the config file x.json`, `standard input`. */
  label: string;
  identity: string;
}

const identityOf = (info: { dev: number; ino: number }): string => `${info.dev}:${info.ino}`;

/** A regular file's identity (links followed), or undefined when there is none (missing, a pipe, a device). */
export async function regularFileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? identityOf(info) : undefined;
  } catch {
    return undefined;
  }
}

/** What the run reads: its input files, the config file, and the regular file standard input comes from. */
export async function readSources(inputs: readonly string[], config: string | undefined, stdinFd: number | undefined): Promise<ReadSource[]> {
  const sources: ReadSource[] = [];
  for (const input of inputs) {
    if (input === '-') {
      if (stdinFd === undefined) continue;
      try {
        const info = fstatSync(stdinFd);
        if (info.isFile()) sources.push({ label: 'the file standard input reads', identity: identityOf(info) });
      } catch {
        // A closed standard input is no file to protect.
      }
      continue;
    }
    const identity = await regularFileIdentity(input);
    if (identity !== undefined) sources.push({ label: `the input file ${input}`, identity });
  }
  if (config !== undefined) {
    const identity = await regularFileIdentity(config);
    if (identity !== undefined) sources.push({ label: `the config file ${config}`, identity });
  }
  return sources;
}

/** /dev/fd/N, /proc/self/fd/N, /proc/PID/fd/N: a descriptor some process already has open. */
const DESCRIPTOR = /^\/(?:dev\/fd|proc\/(?:self|thread-self|\d+)\/fd)\/(\d+)$/;
const LINK_HOPS = 40;

/** `directory/name` as written, with no `..` taken away: only the kernel knows where `..` leads. */
const inside = (directory: string, name: string): string => (directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`);

/**
 * Follows `path`'s symbolic links (also to a file not written yet) the way the kernel does, each
 * directory resolved on disk (`dir/../x` is beside what `dir` links to, not beside `dir`): where
 * writing would land, and whether the way there passes through a descriptor (/dev/stdout is a link
 * to /proc/self/fd/1). A directory that is not there leaves the path as it is: opening fails.
 */
async function followLinks(path: string): Promise<{ path: string; descriptor: boolean }> {
  let current = path;
  for (let hop = 0; hop <= LINK_HOPS; hop++) {
    if (DESCRIPTOR.test(current)) return { path: current, descriptor: true };
    let directory: string;
    try {
      directory = await realpath(dirname(current));
    } catch {
      return { path: current, descriptor: false };
    }
    current = inside(directory, basename(current));
    if (DESCRIPTOR.test(current)) return { path: current, descriptor: true };
    let target: string;
    try {
      if (!(await lstat(current)).isSymbolicLink()) break;
      target = await readlink(current);
    } catch {
      break; // not there yet: it is where it will be written
    }
    current = isAbsolute(target) ? target : inside(directory, target);
  }
  return { path: current, descriptor: false };
}

/** The descriptor number when `path` (links followed) is one of this process's descriptors. */
function ownDescriptor(path: string): number | undefined {
  const match = DESCRIPTOR.exec(path);
  if (match === null) return undefined;
  const owner = /^\/proc\/(\d+)\//.exec(path)?.[1];
  return owner === undefined || Number(owner) === process.pid ? Number(match[1]) : undefined;
}

/** The longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

const usage = (flag: string, path: string, reason: string): UsageError => new UsageError(`${flag}: cannot write ${path}: ${reason}`);

/**
 * Checks a path the run will write, before anything is read: it must name a file (`x.csv/` and
 * `x.csv/.` do not), that file must not be something the run reads, and a directory is no file.
 */
export async function outputTarget(flag: string, path: string, sources: readonly ReadSource[]): Promise<OutputTarget> {
  if (path === '' || /\/\.{0,2}$/.test(path) || /^\.{1,2}$/.test(path)) {
    const end = /\/?\.{0,2}$/.exec(path)![0];
    throw new UsageError(`${flag}: ${path === '' ? 'an empty name' : `"${path}" names a directory (it ends in "${end}")`}; give a file name`);
  }
  const followed = await followLinks(path);
  if (Buffer.byteLength(basename(followed.path)) > NAME_MAX) throw usage(flag, path, `the file name is longer than ${NAME_MAX} bytes`);
  let info;
  try {
    info = await stat(followed.descriptor ? followed.path : path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing || followed.descriptor) throw usage(flag, path, missing ? 'no such descriptor is open' : systemReason(error));
  }
  if (info?.isDirectory()) throw usage(flag, path, 'it is a directory');
  const regular = info === undefined || info.isFile();
  const identity = info?.isFile() ? identityOf(info) : undefined;
  // The file the rename would replace, found by following the links step by step, is checked as
  // well as the one the kernel opens: should they ever differ, neither may be an input.
  const replaced = regular && !followed.descriptor && followed.path !== path ? await regularFileIdentity(followed.path) : undefined;
  for (const candidate of [identity, replaced]) {
    const source = candidate === undefined ? undefined : sources.find((s) => s.identity === candidate);
    if (source !== undefined) throw new UsageError(`${flag}: ${path} is ${source.label}; refusing to overwrite it`);
  }
  if (followed.descriptor) return { flag, path, replace: false, destination: followed.path, identity, descriptor: ownDescriptor(followed.path) };
  if (!regular) return { flag, path, replace: false, destination: path, identity, fifo: info?.isFIFO() === true };
  return { flag, path, replace: true, destination: followed.path, identity };
}

/** Whether two targets land on the same file. */
export function sameDestination(a: OutputTarget, b: OutputTarget): boolean {
  return (a.identity !== undefined && a.identity === b.identity) || a.destination === b.destination;
}

/** The file operations an output uses: Node's, or a test's (to make a disk fill up). */
export interface OutputFileSystem {
  open(path: string, flags: string): Promise<WritableHandle>;
  /** This process's descriptor `fd`, written through. */
  descriptor(fd: number): WritableHandle;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One of this process's descriptors (/dev/stdout) as a handle: written through, never closed (it
 * is the process's, not the run's). A descriptor left non-blocking by whoever shares it may say
 * "try again" (EAGAIN) when its pipe is full: the write waits a moment and is tried again.
 */
function descriptorHandle(fd: number): WritableHandle {
  return {
    write: (buffer, offset, length) =>
      new Promise((done, fail) => {
        const attempt = (): void =>
          writeToDescriptor(fd, buffer, offset, length, (error, bytesWritten) => {
            if (error?.code === 'EAGAIN') setTimeout(attempt, 1);
            else if (error !== null) fail(error);
            else done({ bytesWritten });
          });
        attempt();
      }),
    sync: async () => undefined,
    close: async () => undefined,
  };
}

export const NODE_FILE_SYSTEM: OutputFileSystem = { open: (path, flags) => open(path, flags), descriptor: descriptorHandle, rename, unlink };

/** One output of a run: written in pieces, then committed (in place) or abandoned (nothing changed). */
export interface Output {
  write(text: string): Promise<void>;
  /** Everything is written: the file takes its place (or the descriptor is closed). */
  commit(): Promise<void>;
  /** The run failed: a temporary file goes, the old file stays. Safe to call more than once. */
  abandon(): Promise<void>;
}

/** Writes all of `bytes`: a short write is continued, and a write that makes no progress is a full disk. */
async function writeAll(handle: WritableHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (!(bytesWritten > 0)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** A failure while writing: exit 5, one line naming the file. */
const writeFailure = (target: OutputTarget, error: unknown): OutputError => new OutputError(`${target.flag}: cannot write ${target.path}: ${systemReason(error)}`);

/** Errors of the disk rather than of the path: they are write failures (exit 5) even when they come at once. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG']);

/** Opens an output: a regular file's temporary file now (so an unusable directory fails before any input is read). */
export async function openOutput(target: OutputTarget, fileSystem: OutputFileSystem = NODE_FILE_SYSTEM): Promise<Output> {
  return target.replace ? openReplacement(target, fileSystem) : openDirect(target, fileSystem);
}

/**
 * A new name beside `destination` (`.r.json.4711.a1b2c3d4.tmp`): hidden, the process, a random part.
 * The destination's name is cut so that the temporary one stays within NAME_MAX bytes.
 */
function temporaryBeside(destination: string, randomBytes: (size: number) => Buffer): string {
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let name = basename(destination);
  while (Buffer.byteLength(`.${name}${suffix}`) > NAME_MAX) name = [...name].slice(0, -1).join('');
  return inside(dirname(destination), `.${name}${suffix}`);
}

/** The file being replaced lends its permissions, and its owner where the run may set it, to the new one. */
async function keepModeAndOwner(temporary: string, destination: string): Promise<void> {
  const existing = await stat(destination).catch(() => undefined);
  if (existing === undefined || !existing.isFile()) return;
  if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
    await chown(temporary, existing.uid, existing.gid).catch(() => undefined); // only root (or the group's member) may
  }
  await chmod(temporary, existing.mode & 0o7777);
}

async function openReplacement(target: OutputTarget, fileSystem: OutputFileSystem): Promise<Output> {
  // Loaded by the runs that write a file (a report to standard output needs neither).
  const [{ randomBytes }, { onExit }] = await Promise.all([import('node:crypto'), import('signal-exit')]);
  const temporary = temporaryBeside(target.destination, randomBytes);
  // Registered before the file exists: a signal that comes as soon as it does still removes it.
  const removeOnExit = onExit(() => {
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already renamed or removed.
    }
  });
  let handle: WritableHandle | undefined;
  try {
    handle = await fileSystem.open(temporary, 'wx');
  } catch (error) {
    removeOnExit();
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && DISK_ERRORS.has(code)) throw writeFailure(target, error);
    throw usage(target.flag, target.path, code === 'ENOENT' ? 'its directory does not exist' : systemReason(error));
  }
  let state: 'open' | 'done' = 'open';
  const abandon = async (): Promise<void> => {
    if (state === 'done') return;
    state = 'done';
    await handle!.close().catch(() => undefined);
    await fileSystem.unlink(temporary).catch(() => undefined);
    removeOnExit();
  };
  if (target.identity !== undefined) {
    try {
      await keepModeAndOwner(temporary, target.destination);
    } catch (error) {
      await abandon();
      throw usage(target.flag, target.path, systemReason(error));
    }
  }
  return {
    async write(text) {
      try {
        await writeAll(handle!, Buffer.from(text, 'utf8'));
      } catch (error) {
        await abandon();
        throw writeFailure(target, error);
      }
    },
    async commit() {
      try {
        // Synced before the rename, so that a crash cannot leave the new name on missing data.
        await handle!.sync();
        await handle!.close();
        state = 'done';
        await fileSystem.rename(temporary, target.destination);
      } catch (error) {
        state = 'open';
        await abandon();
        throw writeFailure(target, error);
      }
      removeOnExit();
    },
    abandon,
  };
}

async function openDirect(target: OutputTarget, fileSystem: OutputFileSystem): Promise<Output> {
  const { descriptor } = target;
  if (descriptor === undefined) {
    try {
      await access(target.destination, constants.W_OK);
    } catch (error) {
      throw usage(target.flag, target.path, systemReason(error));
    }
  }
  // Opened at the first write: opening a FIFO waits for its reader.
  let handle: WritableHandle | undefined;
  let finished = false;
  const opened = async (): Promise<WritableHandle> =>
    (handle ??= descriptor === undefined ? await fileSystem.open(target.destination, 'a') : fileSystem.descriptor(descriptor));
  const abandon = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    const open = handle;
    handle = undefined;
    if (open !== undefined) await open.close().catch(() => undefined);
    // A reader waiting on a FIFO for a report that will not come is told it ended.
    else if (target.fifo === true) await endFifo(target.destination);
  };
  return {
    async write(text) {
      try {
        await writeAll(await opened(), Buffer.from(text, 'utf8'));
      } catch (error) {
        await abandon();
        throw writeFailure(target, error);
      }
    },
    async commit() {
      try {
        await (await opened()).close();
      } catch (error) {
        throw writeFailure(target, error);
      } finally {
        handle = undefined;
        finished = true;
      }
    },
    abandon,
  };
}

/** Opens a FIFO without waiting and closes it: a reader sees the end; with none, nothing happens. */
async function endFifo(path: string): Promise<void> {
  try {
    await (await open(path, constants.O_WRONLY | constants.O_NONBLOCK)).close();
  } catch {
    // No reader (ENXIO), or the FIFO is gone: no one is waiting.
  }
}
