import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { alignedLines, displayWidth, ONE_COLUMN_EACH } from '../../src/render/aligned-lines.js';

/** Every character the width shortcut counts as one column. */
const shortcut = Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp)).filter((ch) => ONE_COLUMN_EACH.test(ch));

describe('displayWidth: string-width, without loading it for plain text', () => {
  it('string-width gives one column to each character of the shortcut', () => {
    expect(shortcut.length).toBeGreaterThan(95 + 64);
    for (const ch of shortcut) expect(stringWidth(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(1);
  });

  it('and a text made of them is as wide as it is long (no two of them make one grapheme)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...shortcut), { maxLength: 40 }), (chars) => stringWidth(chars.join('')) === chars.length));
  });

  it.each([
    ['plain', 5],
    ['José Álvarez', 12],
    ['▁▇▆█▆▃  ▼ 10.4%', 15],
    ['李小龙', 6],
    ['😀 Emoji', 8],
    ['Zoe\u0308', 3],
    ['zero\u200bwidth', 9],
    ['ｆｕｌｌ', 8],
    ['', 0],
  ])('%j takes %d columns, as string-width says', (text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('any text: the same width as string-width', () => {
    const char = fc.oneof(fc.constantFrom(...shortcut), fc.constantFrom('\u0301', '\u200d', '\u00ad', '\ufe0f', '👍', '🇫', '🇷', '가', '\u1100', '\u1161', '\t'), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(fc.property(fc.array(char, { maxLength: 20 }), (chars) => displayWidth(chars.join('')) === stringWidth(chars.join(''))));
  });

  it('columns line up by display width', () => {
    expect(alignedLines([['李', 'x'], ['ab', 'yy']], [false, true])).toEqual(['李   x', 'ab  yy']);
  });
});
