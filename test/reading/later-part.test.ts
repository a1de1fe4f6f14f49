import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { LaterPart, type PartMessage } from '../../src/reading/later-part.js';
import type { PartRead } from '../../src/reading/parts.js';

/**
 * The second thread of a file read in two parts fails the way a system may make it fail (no thread
 * to be had, a thread that cannot start, out of memory): the run goes on in one thread, and what
 * the progress line was told of the part is taken back. A fault in the thread's code is not
 * hidden.
 */

const dir = mkdtempSync(join(tmpdir(), 'later-part-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'tickets.csv');
const text = `id,created_at\n${Array.from({ length: 200 }, (_, i) => `T${i},2026-03-02T09:00:00Z`).join('\n')}\n`;
writeFileSync(file, text);

/** A thread that does nothing until told to say something. */
class FakeThread extends EventEmitter {
  terminated = false;
  plans: unknown[] = [];
  unref(): void {}
  postMessage(plan: unknown): void {
    this.plans.push(plan);
  }
  async terminate(): Promise<number> {
    this.terminated = true;
    return 0;
  }
  say(message: PartMessage): void {
    this.emit('message', message);
  }
}

async function started(): Promise<{ part: LaterPart; thread: FakeThread; told: { bytes: number; records: number } }> {
  const thread = new FakeThread();
  const part = await LaterPart.start(file, text.length, 'csv', () => thread as unknown as Worker);
  expect(part).toBeDefined();
  const told = { bytes: 0, records: 0 };
  const progress = { opened: () => undefined, bytes: (n: number) => (told.bytes += n), records: (n: number) => (told.records += n) };
  part!.begin({ kind: 'csv', name: 'tickets.csv', delimiter: ',', maxRecordSize: 1 << 20, inputZone: 'UTC', unread: [], reading: { column: [] } as never, countValues: false }, progress);
  return { part: part!, thread, told };
}

describe('the second thread', () => {
  it('is started at the first line start after the middle', async () => {
    const { part, thread } = await started();
    expect(text[part.at - 1]).toBe('\n');
    expect(part.at).toBeGreaterThanOrEqual(Math.floor(text.length / 2));
    expect(text.slice(Math.floor(text.length / 2), part.at - 1)).not.toContain('\n');
    expect(thread.plans).toEqual([expect.objectContaining({ path: file, at: part.at, size: text.length })]);
    part.cancel();
    expect(thread.terminated).toBe(true);
  });

  it('is started with the kind of file it reads (it loads that reader while this thread reads the start)', async () => {
    const kinds: string[] = [];
    const thread = new FakeThread();
    const part = await LaterPart.start(file, text.length, 'ndjson', (_url, kind) => {
      kinds.push(kind);
      return thread as unknown as Worker;
    });
    expect(kinds).toEqual(['ndjson']);
    part!.cancel();
  });

  it('not to be had (EAGAIN): no second part, one thread reads the file', async () => {
    const refused = (): never => {
      throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
    };
    expect(await LaterPart.start(file, text.length, 'csv', refused)).toBeUndefined();
  });

  it.each(['ERR_WORKER_INIT_FAILED', 'ERR_WORKER_OUT_OF_MEMORY', 'EAGAIN'])('failing with %s: the part is read here, and its progress taken back', async (code) => {
    const { part, thread, told } = await started();
    thread.say({ kind: 'progress', bytes: 1000, records: 40 });
    thread.say({ kind: 'progress', bytes: 500, records: 20 });
    expect(told).toEqual({ bytes: 1500, records: 60 });
    thread.emit('error', Object.assign(new Error(code), { code }));
    expect(await part.result()).toBeUndefined();
    expect(told).toEqual({ bytes: 0, records: 0 });
    // Progress said after that is not the line's any more.
    thread.say({ kind: 'progress', bytes: 7, records: 1 });
    expect(told).toEqual({ bytes: 0, records: 0 });
  });

  it('ending without its part, or meeting an input error: read here, progress taken back', async () => {
    for (const end of [(t: FakeThread) => t.emit('exit', 1), (t: FakeThread) => t.say({ kind: 'input-error' })]) {
      const { part, thread, told } = await started();
      thread.say({ kind: 'progress', bytes: 300, records: 9 });
      end(thread);
      expect(await part.result()).toBeUndefined();
      expect(told).toEqual({ bytes: 0, records: 0 });
    }
  });

  it('not wanted (the split fell inside a quoted field): stopped, its progress taken back', async () => {
    const { part, thread, told } = await started();
    thread.say({ kind: 'progress', bytes: 300, records: 9 });
    part.cancel();
    expect(thread.terminated).toBe(true);
    expect(told).toEqual({ bytes: 0, records: 0 });
  });

  it('with its part read: the part is kept, handed over once (not held for the rest of the run: it is the second half of the store), and so is its progress after the thread is stopped', async () => {
    const { part, thread, told } = await started();
    thread.say({ kind: 'progress', bytes: 300, records: 9 });
    const read = { ingest: {}, counts: undefined } as unknown as PartRead;
    thread.say({ kind: 'done', part: read });
    expect(await part.result()).toBe(read);
    expect(await part.result()).toBeUndefined();
    expect(told).toEqual({ bytes: 300, records: 9 });
    part.cancel();
    expect(told).toEqual({ bytes: 300, records: 9 });
  });

  it('a fault in its code (an error without a code) is not hidden', async () => {
    const { part, thread } = await started();
    thread.emit('error', new TypeError('x is undefined'));
    await expect(part.result()).rejects.toThrow('x is undefined');
  });
});
