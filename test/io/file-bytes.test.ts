import { existsSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { peek } from '../../src/io/decode-input.js';
import { CHUNK_SIZE, FileBytes, READ_SIZE } from '../../src/io/file-bytes.js';
import { readTicketSources } from '../../src/reading/read-exports.js';
import { Ingest } from '../../src/tickets/ingest.js';
import { wallTimeReader } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/temp-files.js';

/**
 * A file's bytes read into three buffers in turn (src/io/file-bytes.ts): the chunks hold the
 * file's bytes, and whoever keeps a chunk beyond the one after it copies it (peek here; the CSV
 * scanner and the JSON and NDJSON splitters, checked end to end against the same bytes on
 * standard input, whose chunks are never reused).
 */

const temp = tempFiles('file-bytes');

/** `size` bytes that differ from chunk to chunk. */
const bytesOf = (size: number): Buffer => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + (i >> 16)) & 0xff));

/** The open descriptors of this process (Linux), or undefined. */
const openDescriptors = (): number | undefined => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : undefined);

describe('FileBytes', () => {
  it('a file from a byte on, whole, in chunks; after recycle, the reads take three buffers in turn', async () => {
    const content = bytesOf(8 * READ_SIZE + 123);
    const file = await FileBytes.open(temp.file('bytes.bin', content), 1000);
    const copies: Buffer[] = [];
    const reads: ArrayBufferLike[] = []; // the buffer of each read, in order
    for await (const chunk of file) {
      if (copies.length === 0) file.recycle();
      copies.push(Buffer.from(chunk));
      expect(chunk.length).toBeLessThanOrEqual(CHUNK_SIZE);
      if (reads.at(-1) !== chunk.buffer) reads.push(chunk.buffer);
    }
    expect(Buffer.concat(copies).equals(content.subarray(1000))).toBe(true);
    expect(copies.length).toBe(Math.ceil((content.length - 1000) / CHUNK_SIZE));
    expect(reads).toHaveLength(8);
    // The first read, and the second, made while the first was used, came before recycle: buffers
    // of their own. Then three in turn.
    expect(new Set(reads.slice(0, 5)).size).toBe(5);
    for (let r = 5; r < reads.length; r++) expect(reads[r]).toBe(reads[r - 3]);
  });

  it('without recycle, every read is a buffer of its own', async () => {
    const file = await FileBytes.open(temp.file('fresh.bin', bytesOf(3 * READ_SIZE)));
    const reads: ArrayBufferLike[] = [];
    for await (const chunk of file) if (reads.at(-1) !== chunk.buffer) reads.push(chunk.buffer);
    expect(reads).toHaveLength(3);
    expect(new Set(reads).size).toBe(3);
  });

  it.skipIf(openDescriptors() === undefined)('closes the file at its end, and when its reader stops early', async () => {
    const path = temp.file('close.bin', bytesOf(4 * READ_SIZE));
    const before = openDescriptors();
    for await (const _ of await FileBytes.open(path)) void _;
    const early = await FileBytes.open(path);
    for await (const _ of early) break;
    await new Promise((resolve) => setTimeout(resolve, 50)); // fs.close calls back on a later turn
    expect(openDescriptors()).toBe(before);
  });

  it.skipIf(openDescriptors() === undefined)('a run that fails before the chunks are read keeps no descriptor open', async () => {
    // The sep= line names a delimiter that is not one: the run stops while the text is sniffed.
    const path = temp.file('bad-sep.csv', `sep=x\nid,created_at\nT1,2026-03-02T09:00:00Z\n${'T2,2026-03-02T09:00:00Z\n'.repeat(20_000)}`);
    const before = openDescriptors();
    for (let run = 0; run < 3; run++) {
      await expect(readTicketSources([path], new Ingest(wallTimeReader('UTC')), Readable.from([]))).rejects.toThrow(/sep= line/);
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // fs.close calls back on a later turn
    expect(openDescriptors()).toBe(before);
  });

  it('a file that cannot be opened: the system error', async () => {
    await expect(FileBytes.open(temp.file('x', '') + '-missing')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('peek over a source that reads into the same buffer again', () => {
  it('gives back the bytes it read ahead as they were', async () => {
    const buffer = Buffer.alloc(4);
    async function* refilled(): AsyncGenerator<Buffer> {
      for (const text of ['abcd', 'efgh', 'ijkl', 'mnop']) {
        buffer.write(text);
        yield buffer;
      }
    }
    const { head, chunks } = await peek(refilled(), (bytes) => bytes.length >= 12);
    expect(head.toString()).toBe('abcdefghijkl');
    const after: string[] = [];
    for await (const chunk of chunks) after.push(chunk.toString());
    expect(after).toEqual(['abcd', 'efgh', 'ijkl', 'mnop']);
  });
});

describe('a file read from disk and the same bytes on standard input', () => {
  /** What one read made of the records (read, rejected, duplicates), then its tickets as text: id, agent and tags of each, in store order. */
  async function ticketsOf(path: string, stdin?: Buffer): Promise<string[]> {
    const ingest = new Ingest(wallTimeReader('UTC'));
    const chunks = stdin === undefined ? [] : Array.from({ length: Math.ceil(stdin.length / 65536) }, (_, i) => Buffer.from(stdin.subarray(i * 65536, (i + 1) * 65536)));
    await readTicketSources([stdin === undefined ? path : '-'], ingest, Readable.from(chunks), stdin === undefined ? {} : { format: path.endsWith('.csv') ? 'csv' : path.endsWith('.ndjson') ? 'ndjson' : 'json' });
    const { store, records, rejected, duplicates } = ingest.finish();
    const tickets = Array.from({ length: store.length }, (_, slot) => [store.idOf(slot), store.dictionaries.agent.valueOf(store.agent[slot]!), store.tagsOf(slot).join('|')].join(' '));
    return [`${records} read, ${rejected} rejected, ${duplicates} duplicates`, ...tickets];
  }

  it('CSV: a header read ahead over several chunks, and a field over several chunks: the same tickets', async () => {
    // The header's last name is 220 KB long: finding the header's end reads ahead four chunks, the
    // fourth into the buffer of the second.
    const header = `id,created_at,agent,tags,${'n'.repeat(220_000)}`;
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i === 1500 ? `T${i},2026-03-02T09:00:00Z,"${'Long\nname '.repeat(20_000)}",x,` : `T${i},2026-03-02T09:00:00Z,Agent ${i % 13},"a,b${i % 5}",${i}`,
    );
    const text = Buffer.from(`${header}\n${rows.join('\n')}\n`);
    const path = temp.file('long.csv', text);
    const fromFile = await ticketsOf(path);
    expect(fromFile).toEqual(await ticketsOf(path, text));
    expect(fromFile[0]).toBe('3000 read, 0 rejected, 0 duplicates');
    expect(fromFile[1 + 1500]!.length).toBeGreaterThan(200_000);
  });

  it.each(['json', 'ndjson'] as const)('%s: records over several chunks: the same tickets', async (format) => {
    const tickets = Array.from({ length: 2000 }, (_, i) => ({
      id: `T${i}`,
      created_at: '2026-03-02T09:00:00Z',
      agent: i === 700 ? 'x'.repeat(200_000) : `Agent ${i % 13}`,
      tags: ['a', `b${i % 5}`],
    }));
    const text = Buffer.from(format === 'json' ? JSON.stringify(tickets, null, 2) : tickets.map((t) => JSON.stringify(t)).join('\n'));
    const path = temp.file(`long.${format}`, text);
    const fromFile = await ticketsOf(path);
    expect(fromFile).toEqual(await ticketsOf(path, text));
    expect(fromFile[0]).toBe('2000 read, 0 rejected, 0 duplicates');
  });
});
