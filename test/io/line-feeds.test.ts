import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { lineFeeds } from '../../src/io/decode-input.js';

/** The line count behind an encoding error's line: from line feed to line feed, or four bytes at a time, checked against one at a time. */
describe('lineFeeds', () => {
  const naive = (bytes: Uint8Array, end: number): number => bytes.subarray(0, end).filter((b) => b === 0x0a).length;
  // Bytes near a line feed (0x0a, 0x0b, 0x8a, 0x09…) are where a word-at-a-time count could go wrong.
  const byte = fc.oneof(fc.constantFrom(0x0a, 0x0a, 0x0b, 0x09, 0x8a, 0x00, 0xff, 0x80, 0x7f), fc.integer({ min: 0, max: 255 }));

  it('property: counts the line feeds before `end` in any bytes, at any offset into their memory', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.nat(7), fc.nat(200), (values, offset, cut) => {
        // A view that starts `offset` bytes into its ArrayBuffer, as a Buffer from Node's pool does.
        const memory = new Uint8Array(offset + values.length);
        memory.set(values, offset);
        const bytes = Buffer.from(memory.buffer, offset, values.length);
        const end = Math.min(cut, values.length);
        expect(lineFeeds(bytes, end)).toBe(naive(bytes, end));
        expect(lineFeeds(bytes)).toBe(naive(bytes, bytes.length));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: lines long and short, as many as it takes to count the rest four bytes at a time after they turn short', () => {
    // Runs of lines of one length band each: long lines are counted a line feed at a time, and from
    // where the lines so far were short on average, the rest four bytes at a time.
    const band = fc.record({ lines: fc.nat(150), shortest: fc.oneof(fc.constant(0), fc.nat(60)), spread: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(90)) });
    fc.assert(
      fc.property(fc.array(band, { maxLength: 6 }), fc.nat(3), fc.double({ min: 0, max: 1, noNaN: true }), (bands, offset, cutAt) => {
        const values: number[] = [];
        let seed = bands.length;
        for (const { lines, shortest, spread } of bands) {
          for (let l = 0; l < lines; l++) {
            const length = shortest + (l * 7 + seed++) % (spread + 1);
            for (let b = 0; b < length; b++) values.push((b * 31 + l) % 255 === 0x0a ? 0x0b : (b * 31 + l) % 255);
            values.push(0x0a);
          }
        }
        const memory = new Uint8Array(offset + values.length);
        memory.set(values, offset);
        const bytes = Buffer.from(memory.buffer, offset, values.length);
        const end = Math.floor(cutAt * values.length);
        expect(lineFeeds(bytes)).toBe(naive(bytes, bytes.length));
        expect(lineFeeds(bytes, end)).toBe(naive(bytes, end));
      }),
      { numRuns: 300 },
    );
  });

  it('counts blank lines four bytes at a time, not a call from each line feed to the next (a gigabyte of them: a billion calls)', () => {
    const indexOf = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      expect(lineFeeds(Buffer.alloc(1 << 20, 0x0a))).toBe(1 << 20);
      expect(indexOf.mock.calls.length).toBeLessThanOrEqual(64);
    } finally {
      indexOf.mockRestore();
    }
  });

  it('counts a run of line feeds, four to a word', () => {
    expect(lineFeeds(Buffer.alloc(1003, 0x0a))).toBe(1003);
    expect(lineFeeds(Buffer.alloc(1003, 0x0a), 998)).toBe(998);
  });

  it('counts in text too', () => {
    expect(lineFeeds('a\nb\n\nc', 4)).toBe(2);
  });
});
