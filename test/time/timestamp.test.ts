import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseTimestamp } from '../../src/time/timestamp.js';
import type { WallTime } from '../../src/time/zone.js';
import { wallTimes } from '../helpers/wall-times.js';

/** A readLocal that must not be called: every case here carries an offset. */
const noLocal = (): number => {
  throw new Error('readLocal called for a timestamp with an offset');
};

const utc = (iso: string): number => Date.parse(iso);

describe('parseTimestamp: valid timestamps with an offset', () => {
  it.each([
    // [text, the same instant written as a plain UTC ISO string]
    ['2026-03-02T09:15:00Z', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02 09:15:00Z', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02t09:15:00z', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T09:15Z', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T09:15:07Z', '2026-03-02T09:15:07.000Z'],
    ['2026-03-02T09:15:07.5Z', '2026-03-02T09:15:07.500Z'],
    ['2026-03-02T09:15:07.25Z', '2026-03-02T09:15:07.250Z'],
    ['2026-03-02T09:15:07.123Z', '2026-03-02T09:15:07.123Z'],
    // Fractions beyond milliseconds are truncated, never rounded up.
    ['2026-03-02T09:15:07.1239Z', '2026-03-02T09:15:07.123Z'],
    ['2026-03-02T09:15:07.999999999Z', '2026-03-02T09:15:07.999Z'],
    ['2026-03-02T09:15:00+01:00', '2026-03-02T08:15:00.000Z'],
    ['2026-03-02 09:15:00+0100', '2026-03-02T08:15:00.000Z'],
    ['2026-03-02T09:15:00-05:00', '2026-03-02T14:15:00.000Z'],
    ['2026-03-02T09:15:00+05:30', '2026-03-02T03:45:00.000Z'],
    ['2026-03-02T09:15:00.250+01:00', '2026-03-02T08:15:00.250Z'],
    // An offset that moves the instant into another day, month and year.
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
    ['2026-03-02T09:15:00+00:00', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T09:15:00-00:00', '2026-03-02T09:15:00.000Z'],
    // 2024 is a leap year.
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    // A one-digit hour after a space, as spreadsheets write it (never after a T).
    ['2026-03-02 9:15:00Z', '2026-03-02T09:15:00.000Z'],
  ])('%s', (text, expected) => {
    expect(parseTimestamp(text, noLocal)).toBe(utc(expected));
  });
});

describe('parseTimestamp: not timestamps', () => {
  it.each([
    ['2026-02-30T10:00:00Z', 'February has no 30th'],
    ['2026-02-29T00:00:00Z', '2026 is not a leap year'],
    ['2026-02-29', 'a date alone, but 2026 is not a leap year'],
    ['2026-04-31', 'a date alone, but April has 30 days'],
    ['2026-13-01', 'a date alone, month 13'],
    ['2026-03-02Z', 'a date alone takes no offset'],
    ['2026-03-02+01:00', 'a date alone takes no offset'],
    ['2026-03-02T', 'a T without a time'],
    ['2026-03-02 ', 'a space without a time'],
    ['2026-3-2', 'a date alone, month and day not zero-padded'],
    ['20260302', 'a date alone without dashes'],
    ['2026/03/02', 'a date alone with slashes (year first, not ISO 8601)'],
    ['1900-02-29T00:00:00Z', '1900 is not a leap year (divisible by 100)'],
    ['2026-04-31T10:00:00Z', 'April has 30 days'],
    ['2026-13-01T10:00:00Z', 'month 13'],
    ['2026-00-10T10:00:00Z', 'month 0'],
    ['2026-03-00T10:00:00Z', 'day 0'],
    ['2026-03-02T24:00:00Z', 'hour 24'],
    ['2026-03-02T10:60:00Z', 'minute 60'],
    ['2026-03-02T10:00:60Z', 'second 60'],
    ['2026-03-02T10:00:00+24:00', 'offset hour 24'],
    ['2026-03-02T10:00:00+01:60', 'offset minute 60'],
    ['2026-03-02T10:00:00+1:00', 'offset hour not two digits'],
    ['31/02/2026 10:00', 'day/month/year'],
    ['03/02/2026 10:00', 'day/month/year, a real date'],
    ['2026-3-2T10:00:00Z', 'month and day not zero-padded'],
    ['2026-03-02T9:15:00Z', 'hour not zero-padded'],
    ['2026-03-02T10:00:00.Z', 'a decimal point without digits'],
    ['2026-03-02T10:00:00Zjunk', 'trailing text'],
    ['x2026-03-02T10:00:00Z', 'leading text'],
    ['2026-03-02T10', 'hour only'],
    ['yesterday', 'a word'],
    ['1772442900000', 'epoch milliseconds'],
    ['', 'empty'],
  ])('%s (%s)', (text) => {
    const readLocal = vi.fn(() => 0);
    expect(parseTimestamp(text, readLocal)).toBeNaN();
    expect(readLocal).not.toHaveBeenCalled();
  });
});

describe('parseTimestamp: no offset', () => {
  it('hands the wall-clock time to readLocal and returns what it answers', () => {
    const readLocal = vi.fn((_wall: WallTime) => 12345);
    expect(parseTimestamp('2026-03-02 00:30:00', readLocal)).toBe(12345);
    expect(readLocal).toHaveBeenCalledTimes(1);
    expect(readLocal).toHaveBeenCalledWith({ year: 2026, month: 3, day: 2, hour: 0, minute: 30, second: 0, millisecond: 0 });
  });

  it('passes seconds and truncated milliseconds, and defaults missing seconds to 0', () => {
    const seen: WallTime[] = [];
    const readLocal = (wall: WallTime): number => {
      seen.push(wall);
      return 0;
    };
    parseTimestamp('2026-03-02T09:15:07.98765', readLocal);
    parseTimestamp('2026-03-02T09:15', readLocal);
    expect(seen).toEqual([
      { year: 2026, month: 3, day: 2, hour: 9, minute: 15, second: 7, millisecond: 987 },
      { year: 2026, month: 3, day: 2, hour: 9, minute: 15, second: 0, millisecond: 0 },
    ]);
  });

  it('checks the calendar before asking readLocal', () => {
    const readLocal = vi.fn(() => 0);
    expect(parseTimestamp('2026-02-30 10:00:00', readLocal)).toBeNaN();
    expect(parseTimestamp('2026-03-02 24:00', readLocal)).toBeNaN();
    expect(readLocal).not.toHaveBeenCalled();
  });

  it('never calls readLocal when an offset or Z is given', () => {
    const readLocal = vi.fn(() => 0);
    parseTimestamp('2026-03-02T09:15:00Z', readLocal);
    parseTimestamp('2026-03-02T09:15:00+01:00', readLocal);
    parseTimestamp('2026-03-02T09:15:00-0500', readLocal);
    expect(readLocal).not.toHaveBeenCalled();
  });
});

describe('parseTimestamp: a date alone', () => {
  it('is the start of that day, read in the input zone: readLocal gets midnight', () => {
    const readLocal = vi.fn((_wall: WallTime) => 12345);
    expect(parseTimestamp('2021-01-01', readLocal)).toBe(12345);
    expect(readLocal).toHaveBeenCalledExactlyOnceWith({ year: 2021, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  });

  it.each([
    ['2021-01-01', Date.UTC(2021, 0, 1)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['2026-12-31', Date.UTC(2026, 11, 31)],
  ])('%s read in UTC is midnight UTC', (text, expected) => {
    expect(parseTimestamp(text, (wall) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond))).toBe(expected);
  });
});

describe('parseTimestamp: properties', () => {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

  it('reads every valid UTC instant written as RFC 3339 back to the same millisecond', () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom('T', ' '), (ms, separator) => {
        const text = new Date(ms).toISOString().replace('T', separator);
        expect(parseTimestamp(text, noLocal)).toBe(ms);
      }),
    );
  });

  it('an offset shifts the instant by exactly that many minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2050, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const text = `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          expect(parseTimestamp(text, noLocal)).toBe(ms);
        },
      ),
    );
  });

  it('reads the years 0–99 as written (not as 19xx), as Date.UTC with setUTCFullYear does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const expected = new Date(Date.UTC(2000, month - 1, day, 9, 30));
        expected.setUTCFullYear(year);
        expect(parseTimestamp(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T09:30:00+01:00`, noLocal)).toBe(expected.getTime() - 3_600_000);
      }),
    );
  });

  it('rejects every day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const lastDay = `${year}-${pad(month)}-${pad(daysInMonth)}T00:00:00Z`;
        const pastEnd = `${year}-${pad(month)}-${pad(daysInMonth + 1)}T00:00:00Z`;
        expect(parseTimestamp(lastDay, noLocal)).toBe(Date.UTC(year, month - 1, daysInMonth));
        expect(parseTimestamp(pastEnd, noLocal)).toBeNaN();
        // the same dates alone, read through readLocal (here UTC)
        const asUtc = (wall: WallTime): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
        expect(parseTimestamp(lastDay.slice(0, 10), asUtc)).toBe(Date.UTC(year, month - 1, daysInMonth));
        expect(parseTimestamp(pastEnd.slice(0, 10), noLocal)).toBeNaN();
      }),
    );
  });
});

describe('the common layout without an offset', () => {
  it('property: hands readLocal the wall time the general reader does (which alone reads a lowercase t)', () => {
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        wallTimes({ year: [0, 9999], month: [0, 13], day: [0, 32], hour: [0, 25], minute: [0, 61], second: [0, 61] }),
        fc.constantFrom('T', ' '),
        fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
        (w, separator, fraction) => {
          const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${fraction === undefined ? '' : `.${fraction}`}`;
          const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
          const seen: WallTime[] = [];
          const readLocal = (wall: WallTime): number => {
            seen.push(wall);
            return seen.length;
          };
          const common = parseTimestamp(`${date}${separator}${time}`, readLocal);
          const general = parseTimestamp(`${date}t${time}`, readLocal);
          expect(Number.isNaN(common)).toBe(Number.isNaN(general));
          if (!Number.isNaN(common)) expect(seen[0]).toEqual(seen[1]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the common layout reads instants as Date.UTC does', () => {
  it('property: any valid date and time from year 100 to 9999, with any offset, is the instant Date.UTC gives', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), noInvalidDate: true }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (date, offset) => {
          const wall = new Date(date.getTime() + offset * 60_000);
          const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
          const sign = offset < 0 ? '-' : '+';
          const text = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          if (wall.getUTCFullYear() < 100 || wall.getUTCFullYear() > 9999) return;
          expect(parseTimestamp(text, () => Number.NaN)).toBe(date.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
