import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError, UsageError } from '../errors.js';
import { decodeInput, type DecodedInput } from './decode-input.js';
import { FileBytes } from './file-bytes.js';
import type { InputEncoding } from './input-formats.js';
import type { InputProgress } from './progress.js';
import type { ExpansionLimit } from './read-limits.js';
import { systemReason } from './system-error.js';

/**
 * Opens an input (a file, or `-` for standard input) as checked UTF-8 text: gunzipped, decoded.
 * With decode-input.ts, the only code that touches input bytes.
 */

export interface InputText extends DecodedInput {
  /** As messages name it: the path, or `<stdin>`. */
  name: string;
  /** The size of the file on disk (undefined: standard input, a pipe or a device). */
  size: number | undefined;
  /**
   * Closes a file that is not read to its end (reading it to its end, or a reader stopping early,
   * closes it too): a run that fails before its chunks are read keeps no descriptor open. Standard
   * input is left as it is.
   */
  close(): void;
}

export const displayName = (path: string): string => (path === '-' ? '<stdin>' : path);

/** Standard input as bytes, also when an encoding was set on it (its chunks are then strings). */
async function* bytesOf(stdin: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** An input's bytes (a file's, recycled once known not to be gzip data: see FileBytes), and its size when it is a regular file (not standard input, a FIFO or a device). */
async function openSource(path: string, stdin: NodeJS.ReadableStream): Promise<{ bytes: AsyncIterable<Buffer>; file?: FileBytes; size: number | undefined }> {
  if (path === '-') return { bytes: Readable.from(bytesOf(stdin as AsyncIterable<Buffer | string>)), size: undefined };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${systemReason(error)}`);
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
  let file;
  try {
    file = await FileBytes.open(path, info.isFile() ? 0 : undefined);
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${systemReason(error)}`);
  }
  return { bytes: file, file, size: info.isFile() ? info.size : undefined };
}

/** Whether an input is a regular file, which can be read a second time (not `-`, a pipe, a FIFO or a device). */
export async function isRegularFile(path: string): Promise<boolean> {
  if (path === '-') return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The chunks of an input, a failure to read them (an I/O error, a file removed) becoming an
 * InputError that names the file. Errors of the code that reads the chunks do not pass here: a bug
 * stays a bug (exit 1 with its stack), never "cannot read".
 */
async function* readFailuresNamed(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
}

/** The chunks, each one's size told to `progress` as it is read. */
async function* counted(chunks: AsyncIterable<Buffer>, progress: InputProgress): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    progress.bytes(chunk.length);
    yield chunk;
  }
}

/** How an input's bytes are decoded. */
export interface DecodeOptions {
  /** Decode from this encoding (else UTF-8, or UTF-16 by its byte order mark). */
  encoding: InputEncoding | undefined;
  /** How far gzip data may expand (undefined: without limit). */
  expansion: ExpansionLimit | undefined;
}

/**
 * Opens an input and decodes it (gzip, encoding): its text as checked UTF-8 chunks. `progress` is
 * told the input's size and the bytes read, as they are read (of the gzip data, when compressed).
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream, options: DecodeOptions, progress?: InputProgress): Promise<InputText> {
  const name = displayName(path);
  const source = await openSource(path, stdin);
  const { size } = source;
  try {
    const bytes = progress === undefined ? source.bytes : counted(source.bytes, progress);
    const decoded = await decodeInput(readFailuresNamed(bytes, name), name, options.encoding, options.expansion);
    // Only the first chunk is read (decodeInput peeks at it) and the second under way, each into a buffer of its own.
    if (!decoded.compressed) source.file?.recycle();
    progress?.opened(size, decoded.compressed);
    return { ...decoded, name, size, chunks: readFailuresNamed(decoded.chunks, name), close: () => source.file?.close() };
  } catch (error) {
    if (source.file === undefined) (source.bytes as Readable).destroy();
    else source.file.close();
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: cannot read: ${systemReason(error)}`);
  }
}

