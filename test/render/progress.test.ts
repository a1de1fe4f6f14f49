import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { ProgressFigures } from '../../src/io/progress.js';
import { formatBytes, progressLine } from '../../src/render/progress.js';

/** The progress line shown on a terminal during a long read (issue 15): its wording, as a pure function. */

const MiB = 1024 * 1024;

/** One file of 171.2 MiB, a quarter read at 25 MiB/s. */
const base: ProgressFigures = {
  file: 'tickets.csv',
  index: 1,
  files: 1,
  firstPass: false,
  bytes: 45.2 * MiB,
  size: 171.2 * MiB,
  compressed: false,
  records: 212_345,
  rate: 25 * MiB,
};

describe('progressLine', () => {
  it.each<[string, Partial<ProgressFigures>, string]>([
    ['a file of known size: bytes of the total, share, records, rate, time left', {}, 'reading tickets.csv: 45.2 MiB of 171.2 MiB (26%), 212,345 records, 25.0 MiB/s, about 6s left'],
    [
      'gzip data: the bytes and the size are of the compressed file, and say so',
      { file: 'tickets.csv.gz', bytes: 12.1 * MiB, size: 34.8 * MiB, compressed: true, rate: 6 * MiB },
      'reading tickets.csv.gz: 12.1 MiB of 34.8 MiB compressed (34%), 212,345 records, 6.0 MiB/s, about 4s left',
    ],
    ['standard input: no size, so no share and no time left', { file: '<stdin>', size: undefined }, 'reading <stdin>: 45.2 MiB, 212,345 records, 25.0 MiB/s'],
    ['compressed standard input', { file: '<stdin>', size: undefined, compressed: true }, 'reading <stdin>: 45.2 MiB compressed, 212,345 records, 25.0 MiB/s'],
    [
      'one of several files: which, and the time left is this file\'s',
      { file: 'march.csv', index: 2, files: 3 },
      'reading march.csv (2 of 3): 45.2 MiB of 171.2 MiB (26%), 212,345 records, 25.0 MiB/s, about 6s left in this file',
    ],
    ['a first pass (date formats) reads no records', { firstPass: true, records: 0 }, 'reading tickets.csv, first pass: 45.2 MiB of 171.2 MiB (26%), 25.0 MiB/s, about 6s left'],
    ['before the rate can be told: no rate, no time left', { rate: undefined, bytes: 512 * 1024, records: 1 }, 'reading tickets.csv: 512.0 KiB of 171.2 MiB (0%), 1 record'],
    ['a long read: minutes and hours as durations read elsewhere', { rate: 0.04 * MiB }, 'reading tickets.csv: 45.2 MiB of 171.2 MiB (26%), 212,345 records, 41.0 KiB/s, about 52m 30s left'],
    ['slower still', { rate: 0.01 * MiB }, 'reading tickets.csv: 45.2 MiB of 171.2 MiB (26%), 212,345 records, 10.2 KiB/s, about 3h 30m left'],
    ['all read (a file that grew): no time left shown, never more than 100%', { bytes: 180 * MiB }, 'reading tickets.csv: 180.0 MiB of 171.2 MiB (100%), 212,345 records, 25.0 MiB/s'],
    ['an empty file', { bytes: 0, size: 0, records: 0, rate: undefined }, 'reading tickets.csv: 0 B of 0 B (0%), 0 records'],
    ['a file name with escape sequences and controls is cleaned', { file: 'x\u001b[31mred\u0007.csv' }, 'reading xred .csv: 45.2 MiB of 171.2 MiB (26%), 212,345 records, 25.0 MiB/s, about 6s left'],
  ])('%s', (_, figures, line) => {
    expect(progressLine({ ...base, ...figures })).toBe(line);
  });

  it('is cut to the width given (a wrapped line could not be rewritten in place), wide characters counted as two', () => {
    const full = progressLine(base);
    expect(progressLine(base, full.length)).toBe(full);
    expect(progressLine(base, 40)).toBe(`${full.slice(0, 39)}…`);
    const wide = progressLine({ ...base, file: '売上チケット.csv' }, 30);
    expect(stringWidth(wide)).toBeLessThanOrEqual(30);
    expect(wide).toMatch(/^reading 売上.*…$/);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536 * 1024, '1.5 MiB'],
    [2 * 1024 * MiB, '2.0 GiB'],
    [3 * 1024 * 1024 * MiB, '3.0 TiB'],
  ])('%d bytes: %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
