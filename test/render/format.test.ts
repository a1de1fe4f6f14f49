import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, formatCount, formatDuration, formatPercent, NONE, NOT_AVAILABLE } from '../../src/render/format.js';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [42, '42s'],
    [42.4, '42s'],
    [59, '59s'],
    // rounded to the second before choosing the unit
    [59.5, '1m 00s'],
    [60, '1m 00s'],
    [65, '1m 05s'],
    [725, '12m 05s'],
    [3599, '59m 59s'],
    [3599.5, '1h 00m'],
    [3600, '1h 00m'],
    [3900, '1h 05m'],
    // minutes are whole minutes of the rounded seconds: 1h 05m 59s shows as 1h 05m
    [3959, '1h 05m'],
    [86_399, '23h 59m'],
    [86_400, '1d 00h'],
    [183_600, '2d 03h'],
    [10 * 86_400 + 23 * 3600 + 3599, '10d 23h'],
    [400 * 86_400, '400d 00h'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('null is n/a, never 0s', () => {
    expect(formatDuration(null)).toBe('n/a');
    expect(NOT_AVAILABLE).toBe('n/a');
  });
});

describe('formatPercent and formatCount', () => {
  it.each([
    [0, '0.0%'],
    [1, '100.0%'],
    [0.75, '75.0%'],
    [2 / 3, '66.7%'],
    [1 / 3, '33.3%'],
    [0.0005, '0.1%'],
    [null, 'n/a'],
  ])('percent %s → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1_234_567, '1,234,567'],
  ])('count %d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it('a count is written as Intl.NumberFormat en-US writes it, for any number', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    for (const n of [-0, -1, -999, -1000, -1_234_567, 2.5, -2.5, 1e21, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53, NaN, Infinity, -Infinity]) {
      expect(formatCount(n), String(n)).toBe(intl.format(n));
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.maxSafeInteger(), fc.double()), (n) => formatCount(n) === intl.format(n)),
    );
  });

  it('a blank group is shown as (none)', () => {
    expect(NONE).toBe('(none)');
  });
});

describe('cleanText: text from the data is safe to print', () => {
  it.each([
    ['ANSI colour (CSI)', '\u001b[31mred\u001b[0m', 'red'],
    ['cursor movement', 'a\u001b[2Jb\u001b[1;1H', 'ab'],
    ['OSC 8 hyperlink ended by BEL', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['OSC title ended by ST', '\u001b]0;owned\u001b\\x', 'x'],
  ])('removes escape sequences: %s', (_what, text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });

  it.each([
    // ESC c (reset) and other two-character escapes are left as inert text
    ['a two-character escape', 'a\u001bcb', 'a cb'],
    ['an escape before a quote', 'a\u001b"', 'a "'],
    ['an escape at the end', 'a\u001b', 'a '],
    ['an unfinished CSI', 'a\u001b[31', 'a [31'],
    ['an unterminated OSC', 'a\u001b]0;title', 'a ]0;title'],
    ['an OSC broken by a control', '\u001b]0;x\ty\u0007z', ' ]0;x y z'],
    ['an escape before a CSI', '\u001b\u001b[31mred', ' red'],
  ])('anything else loses only the ESC, as a space, and keeps what follows: %s', (_what, text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });

  it('keepLineBreaks: a raw record ending in ESC and a quote keeps its closing quote', () => {
    expect(cleanText('a\u001b"', { keepLineBreaks: true })).toBe('a "');
    expect(cleanText('1,"x\u001b"\r\n2,"y\u001b]0;t\n"', { keepLineBreaks: true })).toBe('1,"x "\r\n2,"y ]0;t\n"');
  });

  it.each([
    ['right-to-left override', '\u202Eevil'],
    ['left-to-right override', '\u202Devil'],
    ['right-to-left isolate', '\u2067evil'],
    ['pop directional isolate', 'evil\u2069'],
    ['right-to-left mark', 'evil\u200F'],
    ['C1 CSI', '\u009b31mevil'],
    ['BEL', 'evil\u0007'],
    ['backspace', 'evil\u0008'],
    ['carriage return', 'evil\rgood'],
    ['line break', 'evil\ngood'],
    ['tab', 'evil\tgood'],
    ['DEL', 'evil\u007f'],
    ['Arabic letter mark', 'evil\u061c'],
    ['line separator', 'evil\u2028good'],
    ['paragraph separator', 'evil\u2029good'],
  ])('leaves no control or direction character: %s', (_what, text) => {
    const cleaned = cleanText(text);
    // eslint-disable-next-line no-control-regex
    expect(cleaned).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(cleaned).toContain('evil');
  });

  it('leaves ordinary text, including non-Latin scripts and emoji, alone', () => {
    const text = 'Zoë Müller · 山田 · عائشة · 🎫 #42 | "q"';
    expect(cleanText(text)).toBe(text);
  });

  it.each([
    ['zero-width space', 'ad\u200bmin', 'admin'],
    ['word joiner', 'ad\u2060min', 'admin'],
    ['byte order mark', '\ufeffadmin', 'admin'],
  ])('removes invisible characters of no width: %s', (_what, text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });

  it('keeps zero-width joiners and non-joiners, which emoji and scripts need', () => {
    const text = '👩\u200d💻 می\u200cخواهم';
    expect(cleanText(text)).toBe(text);
  });

  it('keepLineBreaks: keeps \\n, \\r and \\t, and still removes every other control and escape', () => {
    expect(cleanText('a\r\nb\tc\nd\re', { keepLineBreaks: true })).toBe('a\r\nb\tc\nd\re');
    expect(cleanText('\u001b[31mred\u001b[0m\n\u0007bell\u202e\u2028x', { keepLineBreaks: true })).toBe('red\n bell  x');
    expect(cleanText('a\r\nb\tc')).toBe('a  b c');
  });
});

describe('cleanText: properties', () => {
  // eslint-disable-next-line no-control-regex
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b\u2060-\u2064\ufeff]/;
  // eslint-disable-next-line no-control-regex
  const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b\u2060-\u2064\ufeff]/;
  const NASTY = ['\u001b', '\u001b[', '\u001b]', '[', ']', '\\', '\u0007', '\u009b', '\u009c', '\u009d', '\u202e', '\u2066', '\u2028', '\u200b', '\ufeff', '\r', '\n', '\t', '"', ',', ';', 'm', '0', '山', '🎫', '\u200d'];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    fc
      .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary-ascii', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 })
      .map((parts) => parts.join('')),
  );
  /** The printable ASCII characters of `s`, in order. */
  const printable = (s: string): string => s.replace(/[^ -~]/g, '');
  /** Whether `part` is a subsequence of `whole`. */
  const within = (part: string, whole: string): boolean => {
    let i = 0;
    for (const ch of whole) if (i < part.length && ch === part[i]) i += 1;
    return i === part.length;
  };
  /** Text holding no well-formed CSI or OSC: no ESC followed by [ or ], and no ESC at its end (to join parts safely). */
  const plainText = text.filter((s) => !/\u001b[[\]]|\u001b$/.test(s));
  const csi = fc
    .tuple(fc.string({ unit: fc.constantFrom(...'0123456789:;<=>?'), maxLength: 6 }), fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./'), maxLength: 2 }), fc.integer({ min: 0x40, max: 0x7e }))
    .map(([params, intermediates, final]) => `\u001b[${params}${intermediates}${String.fromCharCode(final)}`);
  const osc = fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')), fc.constantFrom('\u0007', '\u001b\\'))
    .map(([body, end]) => `\u001b]${body}${end}`);

  it.each([
    ['default', {}, UNSAFE],
    ['keepLineBreaks', { keepLineBreaks: true }, UNSAFE_BUT_LINE_BREAKS],
  ] as const)('%s: no ESC, C0 or C1 control, direction or invisible character is left, whatever the text', (_what, options, unsafe) => {
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanText(s, options)).not.toMatch(unsafe);
      }),
    );
  });

  it('text without a CSI or OSC keeps every printable ASCII character, in order; only spaces are added', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, keepLineBreaks) => {
        fc.pre(!/\u001b[[\]]/.test(s));
        const cleaned = printable(cleanText(s, { keepLineBreaks }));
        expect(within(printable(s), cleaned)).toBe(true);
        expect(cleaned.replace(/ /g, '')).toBe(printable(s).replace(/ /g, ''));
      }),
    );
  });

  it('well-formed CSI and OSC sequences go whole; every printable ASCII character around them stays, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plainText, csi, osc), { maxLength: 8 }), fc.boolean(), (parts, keepLineBreaks) => {
        const s = parts.join('');
        const around = printable(parts.filter((p) => !/^\u001b[[\]]/.test(p)).join(''));
        const cleaned = printable(cleanText(s, { keepLineBreaks }));
        expect(cleaned.replace(/ /g, '')).toBe(around.replace(/ /g, ''));
        expect(within(around, cleaned)).toBe(true);
      }),
    );
  });
});
