import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineFeeds } from '../../src/io/decode-input.js';

/** The line count behind an encoding error's line: four bytes at a time, checked against one at a time. */
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

  it('counts a run of line feeds, four to a word', () => {
    expect(lineFeeds(Buffer.alloc(1003, 0x0a))).toBe(1003);
    expect(lineFeeds(Buffer.alloc(1003, 0x0a), 998)).toBe(998);
  });

  it('counts in text too', () => {
    expect(lineFeeds('a\nb\n\nc', 4)).toBe(2);
  });
});
