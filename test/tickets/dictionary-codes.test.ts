import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/tickets/store.js';

/**
 * A dictionary's codes: one per distinct value, in the order first seen, whatever the values hold.
 * Short values (at most 12 characters U+0001–U+00FF) are held whole in the index (see
 * StringIndex): values that differ only past the twelfth character, by a NUL, or by a character
 * above U+00FF must not be taken for each other.
 */
describe('Dictionary codes', () => {
  const character = fc.constantFrom('a', 'b', 'A', '0', ' ', '\u0000', '\u0001', 'é', 'ÿ', '\u0100', '中', '😀', '\ud800');
  const value = fc.array(character, { maxLength: 15 }).map((chars) => chars.join(''));

  it('property: the codes a Map would give (first seen, 0 up), the values back by code', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        const dictionary = new Dictionary(() => 1 << 30);
        const reference = new Map<string, number>();
        for (const v of values) {
          if (!reference.has(v)) reference.set(v, reference.size);
          expect(dictionary.codeOf(v)).toBe(reference.get(v));
        }
        for (const [v, code] of reference) expect(dictionary.valueOf(code)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps apart values that agree in their first twelve characters, or differ by a NUL at the end', () => {
    // 'abcdefghijkla' and 'abcdefghijkli' would pack alike if a thirteenth character were OR-ed into
    // the ninth (their different hashes would still keep them apart here: see the pairs below).
    const values = ['abcdefghijkl', 'abcdefghijklm', 'abcdefghijkln', 'abcdefghijkla', 'abcdefghijkli', 'abcdefghijk', 'abcdefghijk\u0000', 'abc', 'abc\u0000', 'abcé', 'abcĀ', 'C300154', 'C300155', ''];
    const dictionary = new Dictionary(() => 1 << 30);
    values.forEach((v, i) => expect(dictionary.codeOf(v)).toBe(i));
    // Again, as new string objects (not the ones filed): found by their text.
    values.forEach((v, i) => expect(dictionary.codeOf(`${v} `.slice(0, -1))).toBe(i));
  });

  it('keeps apart values with the same hash (found by search: FNV-1a over 32 bits), short and long', () => {
    // Short: told apart by their words (the third pair by the second word only, the fourth by the
    // third only); long: by comparing the strings.
    const pairs = [['C0139599', 'C0322382'], ['Kqbv', 'K6apb'], ['TKT-2ujf', 'TKT-zwfh'], ['Agent 006rjf', 'Agent 00npfh'], ['customer-562789', 'customer-779192']];
    for (const pair of pairs) {
      const dictionary = new Dictionary(() => 1 << 30);
      expect(pair.map((v) => dictionary.codeOf(v))).toEqual([0, 1]);
      expect(pair.map((v) => dictionary.codeOf(`${v} `.slice(0, -1)))).toEqual([0, 1]);
    }
  });

  it('finds 100,000 values across the index growing (placed again by the hash their words give)', () => {
    // Values of 7 and 12 characters (held whole, over one to three words), and long ones.
    const kinds = [(i: number): string => `C${String(i).padStart(6, '0')}`, (i: number): string => `Agent ${String(i).padStart(6, '0')}`, (i: number): string => `customer-${i}@example.com`];
    for (const customer of kinds) {
      const dictionary = new Dictionary(() => 1 << 30);
      for (let i = 0; i < 100_000; i++) expect(dictionary.codeOf(customer(i))).toBe(i);
      for (let i = 99_999; i >= 0; i -= 7) expect(dictionary.codeOf(customer(i))).toBe(i);
    }
  });
});
