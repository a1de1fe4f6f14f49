import { open } from 'node:fs/promises';

/**
 * Where a second thread may start reading a large file (reading/later-part.ts): a line start, or
 * an element start of a JSON array, near the middle of the file. Loaded only when a file is read
 * in two parts.
 */

/**
 * The first element start of the JSON array in the file at `path` at or after byte `from`, looked
 * for in the next `within` bytes as the file's first two elements are separated and start (see
 * json-records.ts, elementStart): -1 when there is none there, the file's first 64 KiB do not hold
 * two objects of an array, or the file cannot be read.
 */
export async function elementStartFrom(path: string, from: number, within: number): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'r');
    // The JSON splitter is loaded for a JSON file only.
    const { elementStart, findElementStart } = await import('./json-records.js');
    const head = Buffer.alloc(64 * 1024);
    const start = elementStart(head.subarray(0, (await handle.read(head, 0, head.length, 0)).bytesRead));
    if (start === undefined) return -1;
    const window = Buffer.alloc(within + 1024);
    const { bytesRead } = await handle.read(window, 0, window.length, from);
    const found = findElementStart(window.subarray(0, bytesRead), start);
    return found < 0 ? -1 : from + found;
  } catch {
    return -1;
  } finally {
    await handle?.close();
  }
}

/**
 * Where a line starts in a file: the byte just after the first line feed at or after byte `from`,
 * looked for in the next `within` bytes (-1: none there, or the file cannot be read). Where a
 * second thread may start reading (reading/later-part.ts).
 */
export async function lineStartFrom(path: string, from: number, within: number): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(64 * 1024);
    for (let at = from; at < from + within; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      if (bytesRead === 0) return -1;
      const lf = buffer.subarray(0, bytesRead).indexOf(0x0a);
      if (lf >= 0) return at + lf + 1;
      at += bytesRead;
    }
    return -1;
  } catch {
    return -1;
  } finally {
    await handle?.close();
  }
}
