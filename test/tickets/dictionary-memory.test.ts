import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { ownString } from '../../src/own-string.js';
import { Dictionary } from '../../src/tickets/store.js';

/**
 * What a dictionary keeps of the values it is given: their text, not the lines they were split
 * from (a field of 13 characters or more split from a line is, in V8, a slice that keeps the
 * whole line alive).
 */

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap in use after a full collection. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a dictionary', () => {
  it('keeps 20,000 distinct values split from 4 KB lines in far less than the lines take (80 MB)', () => {
    // The text as bytes (outside the heap), in chunks of 64 KiB as files are read.
    const pad = 'x'.repeat(2000);
    const bytes = Buffer.concat(Array.from({ length: 20_000 }, (_, i) => Buffer.from(`${pad},customer-${String(i).padStart(6, '0')}@example.com,${pad}\n`)));
    const dictionary = new Dictionary(() => 1 << 30);
    const before = heapAfterGc();
    const scanner = new CsvScanner(0x2c, 1 << 20, false, 1, { record: (fields) => dictionary.codeOf(fields[1]!), blank: () => {} });
    for (let at = 0; at < bytes.length; at += 65_536) scanner.write(bytes.subarray(at, at + 65_536));
    scanner.finish();
    const kept = heapAfterGc() - before;
    expect(dictionary.values).toHaveLength(20_000);
    expect(dictionary.valueOf(19_999)).toBe('customer-019999@example.com');
    expect(kept).toBeLessThan(10 * 2 ** 20);
  });

  it('ownString keeps the text exactly, lone surrogates included', () => {
    for (const text of ['', 'short', 'exactly 13 ch', 'a value of more than thirteen characters', '\ud800 lone surrogate, long enough', 'é€😀 and more text here']) {
      expect(ownString(text)).toBe(text);
    }
  });
});
