import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, DateFormatVote, parseDate, type DateFormat, type FormatVerdict } from '../../src/dialect/dates.js';
import { utcMillis, wallTimeReader } from '../../src/time/zone.js';

/**
 * Issue 4, "Dialects and formats seen in the wild": dates may be ISO, `YYYY-MM-DD HH:MM[:SS]`,
 * `DD/MM/YYYY HH:MM`, `MM/DD/YYYY h:mm AM`, `DD-MM-YYYY`, epoch seconds and milliseconds. "The
 * format is decided per column from all its values; when every value is ambiguous between
 * day-first and month-first, stop and ask for --date-format DMY|MDY rather than guess." Also read:
 * ISO dates alone (2021-01-01, the start of that day), year-first dates (2021/01/31 09:12,
 * 2021.1.31), and times with one-digit hours, `.` separators and AM/PM written any way (9.12.58 p.m.).
 *
 * Expected instants are worked out by hand and written as ISO strings (read in UTC unless a test
 * says otherwise).
 */

const iso = (epoch: number): string | null => (Number.isNaN(epoch) ? null : new Date(epoch).toISOString());
const read = (text: string, format: DateFormat): string | null => iso(parseDate(text, format, utcMillis));

function verdictOf(values: readonly string[]): FormatVerdict {
  const vote = new DateFormatVote();
  for (const v of values) vote.add(v);
  return vote.verdict();
}

/** The formats that read `text` (read in UTC). */
const formatsReading = (text: string): DateFormat[] => DATE_FORMATS.filter((f) => read(text, f) !== null);

describe('parseDate: one value in one format', () => {
  it('property: nn/nn/nnnn with an optional nn:nn[:nn], read without the regular expression, reads as the same text with a fraction of a second, which it reads', () => {
    const digits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const year = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
    const between = fc.constantFrom('/', '.', '-', 'x', '');
    const before = fc.constantFrom(' ', 'T', ',', '  ', '_');
    const timeSeparator = fc.constantFrom(':', '.', ';');
    const time = fc.option(fc.tuple(before, digits, timeSeparator, digits, fc.option(fc.tuple(timeSeparator, digits), { nil: undefined })), { nil: undefined });
    fc.assert(
      fc.property(digits, between, digits, between, year, time, fc.constantFrom('DMY', 'MDY') as fc.Arbitrary<DateFormat>, (first, a, second, b, y, t, order) => {
        const date = `${first}${a}${second}${b}${y}`;
        const text = t === undefined ? date : `${date}${t[0]}${t[1]}${t[2]}${t[3]}${t[4] === undefined ? '' : `${t[4][0]}${t[4][1]}`}`;
        // The same instant written with seconds and a fraction, which only the regular expression reads.
        const separator = t?.[2] ?? ':';
        const hour = t === undefined ? `00${separator}00` : `${t[1]}${separator}${t[3]}`;
        const withFraction = `${date}${t?.[0] ?? ' '}${hour}${separator}${t?.[4]?.[1] ?? '00'}.0`;
        const sameLayout = t === undefined || t[4] === undefined || t[4][0] === t[2];
        // Seconds after another separator than the minutes' are no time NUMERIC_DATE reads.
        if (sameLayout) expect(read(text, order), JSON.stringify(text)).toBe(read(withFraction, order));
        else expect(read(text, order), JSON.stringify(text)).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });

  it.each<[string, DateFormat, string | null]>([
    // ISO 8601 and the "YYYY-MM-DD HH:MM[:SS]" layout without an offset (read in the input zone)
    ['2026-03-02T09:15:00Z', 'iso', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02 09:15:00', 'iso', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02 09:15', 'iso', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02 10:15:00+01:00', 'iso', '2026-03-02T09:15:00.000Z'],
    // an ISO date alone is the start of that day
    ['2021-01-01', 'iso', '2021-01-01T00:00:00.000Z'],
    ['2024-02-29', 'iso', '2024-02-29T00:00:00.000Z'],
    // day first: DD/MM/YYYY HH:MM, DD-MM-YYYY HH:MM (ServiceNow), D/M/YYYY without padding, dots
    ['29/02/2016 01:16', 'DMY', '2016-02-29T01:16:00.000Z'],
    ['29-02-2016 01:16', 'DMY', '2016-02-29T01:16:00.000Z'],
    ['29/2/2016 01:16', 'DMY', '2016-02-29T01:16:00.000Z'],
    ['5/3/2016 12:00', 'DMY', '2016-03-05T12:00:00.000Z'],
    ['5.3.2016', 'DMY', '2016-03-05T00:00:00.000Z'],
    ['05-03-2016', 'DMY', '2016-03-05T00:00:00.000Z'],
    ['29/02/2016 01:16:05', 'DMY', '2016-02-29T01:16:05.000Z'],
    // month first with AM/PM: 12 AM is midnight, 12 PM is noon, 1:16 PM is 13:16
    ['02/29/2016 1:16 PM', 'MDY', '2016-02-29T13:16:00.000Z'],
    ['02/29/2016 1:16 pm', 'MDY', '2016-02-29T13:16:00.000Z'],
    ['02/29/2016 12:00 AM', 'MDY', '2016-02-29T00:00:00.000Z'],
    ['02/29/2016 12:30 AM', 'MDY', '2016-02-29T00:30:00.000Z'],
    ['02/29/2016 12:00 PM', 'MDY', '2016-02-29T12:00:00.000Z'],
    ['02/29/2016 11:59 PM', 'MDY', '2016-02-29T23:59:00.000Z'],
    ['3/5/2016 9:05 AM', 'MDY', '2016-03-05T09:05:00.000Z'],
    // single-digit hours, seconds, `.` between hour, minutes and seconds
    ['29/02/2016 9:12:58', 'DMY', '2016-02-29T09:12:58.000Z'],
    ['29/02/2016 9.12.58', 'DMY', '2016-02-29T09:12:58.000Z'],
    ['29/02/2016 09.12', 'DMY', '2016-02-29T09:12:00.000Z'],
    ['29.02.2016 9.12', 'DMY', '2016-02-29T09:12:00.000Z'],
    ['29-02-2016 21.05.00', 'DMY', '2016-02-29T21:05:00.000Z'],
    // 12-hour with seconds; AM/PM in any case, with or without a space, also a.m./p.m.
    ['02/29/2016 9:12:58 PM', 'MDY', '2016-02-29T21:12:58.000Z'],
    ['02/29/2016 9:12:58PM', 'MDY', '2016-02-29T21:12:58.000Z'],
    ['02/29/2016 9:12pm', 'MDY', '2016-02-29T21:12:00.000Z'],
    ['02/29/2016 9:12 Pm', 'MDY', '2016-02-29T21:12:00.000Z'],
    ['02/29/2016 9:12 p.m.', 'MDY', '2016-02-29T21:12:00.000Z'],
    ['02/29/2016 9:12 P.M.', 'MDY', '2016-02-29T21:12:00.000Z'],
    ['02/29/2016 9:12 a.m.', 'MDY', '2016-02-29T09:12:00.000Z'],
    ['02/29/2016 12:05:09 a.m.', 'MDY', '2016-02-29T00:05:09.000Z'],
    ['02/29/2016 9.12.58 pm', 'MDY', '2016-02-29T21:12:58.000Z'],
    ['29/02/2016 9:12:58 PM', 'DMY', '2016-02-29T21:12:58.000Z'],
    // year first: 2021/01/01, with or without a time, `/` or `.` between year, month and day
    ['2021/01/01', 'YMD', '2021-01-01T00:00:00.000Z'],
    ['2021/01/01 09:12', 'YMD', '2021-01-01T09:12:00.000Z'],
    ['2021/01/04 08:02:11.250', 'YMD', '2021-01-04T08:02:11.250Z'],
    ['04/01/2021 08:02:11.25', 'DMY', '2021-01-04T08:02:11.250Z'],
    ['2021/1/1 9:12:58', 'YMD', '2021-01-01T09:12:58.000Z'],
    ['2021/01/01 9:12 PM', 'YMD', '2021-01-01T21:12:00.000Z'],
    ['2021/01/01 12:00 am', 'YMD', '2021-01-01T00:00:00.000Z'],
    ['2021.01.01 09:12', 'YMD', '2021-01-01T09:12:00.000Z'],
    ['2021.1.31 9.12.58', 'YMD', '2021-01-31T09:12:58.000Z'],
    ['2024/02/29 23:59:59', 'YMD', '2024-02-29T23:59:59.000Z'],
    ['2026/03/04', 'YMD', '2026-03-04T00:00:00.000Z'],
    // the same text read the other way round is another day
    ['03/04/2026 09:00', 'DMY', '2026-04-03T09:00:00.000Z'],
    ['03/04/2026 09:00', 'MDY', '2026-03-04T09:00:00.000Z'],
    // epoch seconds and milliseconds: 1772442900 s = 2026-03-02 09:15:00 UTC
    ['1772442900', 'epoch-seconds', '2026-03-02T09:15:00.000Z'],
    ['1772442900000', 'epoch-millis', '2026-03-02T09:15:00.000Z'],
    ['1456708560', 'epoch-seconds', '2016-02-29T01:16:00.000Z'],
  ])('%s read as %s is %s', (text, format, expected) => {
    expect(read(text, format)).toBe(expected);
  });

  it.each<[string, DateFormat]>([
    // impossible calendar dates never parse, whichever way round
    ['31/04/2026', 'DMY'],
    ['31/04/2026', 'MDY'],
    ['04/31/2026', 'MDY'],
    ['04/31/2026', 'DMY'],
    ['29/02/2015 10:00', 'DMY'],
    ['02/29/2015 10:00 AM', 'MDY'],
    ['00/01/2026', 'DMY'],
    ['2026-04-31 10:00:00', 'iso'],
    // impossible times
    ['29/02/2016 24:00', 'DMY'],
    ['29/02/2016 10:60', 'DMY'],
    ['02/29/2016 13:00 PM', 'MDY'],
    ['02/29/2016 0:30 AM', 'MDY'],
    // day > 12 cannot be a month
    ['29/02/2016 01:16', 'MDY'],
    ['02/29/2016 1:16 PM', 'DMY'],
    // the wrong kind of value for the format
    ['2026-03-02 09:15:00', 'DMY'],
    ['2026-03-02 09:15:00', 'epoch-seconds'],
    ['1772442900', 'iso'],
    ['1772442900', 'epoch-millis'],
    ['1772442900000', 'epoch-seconds'],
    ['29/02/16 01:16', 'DMY'],
    // year first: impossible values, mixed separators, and the wrong order for the format
    ['2021/02/29', 'YMD'],
    ['2021/13/01', 'YMD'],
    ['2021/04/31', 'YMD'],
    ['2021/00/10', 'YMD'],
    ['2021/01/01 24:00', 'YMD'],
    ['2021/01/01 9:60', 'YMD'],
    ['2021/01/01 9:12:60', 'YMD'],
    ['2021/01/01 13:00 PM', 'YMD'],
    ['2021/01/01 0:30 AM', 'YMD'],
    ['2021/01.01', 'YMD'],
    ['2021-01-01', 'YMD'],
    ['2021-01-01 09:12', 'YMD'],
    ['21/01/01', 'YMD'],
    ['01/02/2021', 'YMD'],
    ['2021/01/01', 'DMY'],
    ['2021/01/01', 'MDY'],
    ['2021/01/01 09:12', 'iso'],
    // times: mixed separators, a lone minute digit, more than two hour digits, half a meridiem
    ['29/02/2016 9:12.58', 'DMY'],
    ['29/02/2016 9.12:58', 'DMY'],
    ['29/02/2016 9:5', 'DMY'],
    ['29/02/2016 109:12', 'DMY'],
    ['02/29/2016 9:12 P', 'MDY'],
    ['02/29/2016 9:12 p.m.x', 'MDY'],
    ['02/29/2016 9:12:58 QM', 'MDY'],
    ['29/02/2016 9.60', 'DMY'],
    ['29/02/2016 24.00', 'DMY'],
    ['02/29/2016 12.30.60 pm', 'MDY'],
    ['yesterday', 'DMY'],
    ['', 'iso'],
  ])('%s is not a date in format %s', (text, format) => {
    expect(read(text, format)).toBeNull();
  });

  it('31/04/2026 (30 days in April) is not a date in any format', () => {
    expect(formatsReading('31/04/2026')).toEqual([]);
    expect(formatsReading('31/04/2026 10:00')).toEqual([]);
  });

  it('a day-first value without an offset is read in the input zone', () => {
    // 29 February 2016 01:16 in Berlin (UTC+1 in winter) is 00:16 UTC; in New York (UTC−5), 06:16 UTC.
    expect(iso(parseDate('29/02/2016 01:16', 'DMY', wallTimeReader('Europe/Berlin')))).toBe('2016-02-29T00:16:00.000Z');
    expect(iso(parseDate('02/29/2016 1:16 AM', 'MDY', wallTimeReader('America/New_York')))).toBe('2016-02-29T06:16:00.000Z');
  });

  it('year-first values and ISO dates alone are read in the input zone', () => {
    // Berlin is UTC+1 on 1 January 2021: its midnight is 23:00 UTC the day before.
    expect(iso(parseDate('2021/01/01 09:12', 'YMD', wallTimeReader('Europe/Berlin')))).toBe('2021-01-01T08:12:00.000Z');
    expect(iso(parseDate('2021-01-01', 'iso', wallTimeReader('Europe/Berlin')))).toBe('2020-12-31T23:00:00.000Z');
    // Santiago moves its clocks from 00:00 (−04:00) to 01:00 (−03:00) on 8 September 2024: that day starts at 01:00.
    expect(iso(parseDate('2024-09-08', 'iso', wallTimeReader('America/Santiago')))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('which formats read a value: day-first and month-first overlap, year-first and ISO do not', () => {
    expect(formatsReading('03/04/2026')).toEqual(['DMY', 'MDY']);
    expect(formatsReading('03/04/2026 9.12 pm')).toEqual(['DMY', 'MDY']);
    expect(formatsReading('2026/03/04')).toEqual(['YMD']);
    expect(formatsReading('2026.03.04 09:00')).toEqual(['YMD']);
    expect(formatsReading('2026-03-04')).toEqual(['iso']);
    expect(formatsReading('2026/02/30')).toEqual([]);
  });

  it('epoch values are instants: the input zone does not move them', () => {
    expect(iso(parseDate('1772442900', 'epoch-seconds', wallTimeReader('Asia/Tokyo')))).toBe('2026-03-02T09:15:00.000Z');
  });
});

describe('DateFormatVote: a column decides its format from all its values', () => {
  it('an ISO column (with and without T, offset or seconds) is ISO', () => {
    expect(verdictOf(['2026-03-02T09:15:00Z', '2026-03-02 09:15:00', '2026-03-03 10:00', '2026-03-04 11:00:00+01:00'])).toEqual({ kind: 'decided', format: 'iso' });
  });

  it('a column with no values is ISO (nothing to decide)', () => {
    expect(verdictOf([])).toEqual({ kind: 'decided', format: 'iso' });
  });

  it('day-first: one value with day > 12 (29/02/2016 01:16) decides a column of otherwise ambiguous ones', () => {
    const column = ['01/02/2016 09:00', '03/02/2016 10:30', '29/02/2016 01:16', '05/03/2016 12:00', '11/12/2016 23:59'];
    expect(column.filter((v) => formatsReading(v).includes('DMY') && formatsReading(v).includes('MDY'))).toHaveLength(4);
    expect(verdictOf(column)).toEqual({ kind: 'decided', format: 'DMY' });
  });

  it('day-first written DD-MM-YYYY (ServiceNow) and D/M/YYYY without padding', () => {
    expect(verdictOf(['01-03-2016 09:00', '29-02-2016 01:16', '05-03-2016 12:00'])).toEqual({ kind: 'decided', format: 'DMY' });
    expect(verdictOf(['1/3/2016 09:00', '29/2/2016 01:16', '5/3/2016 12:00'])).toEqual({ kind: 'decided', format: 'DMY' });
    expect(verdictOf(['01-03-2016', '29-02-2016'])).toEqual({ kind: 'decided', format: 'DMY' });
  });

  it('month-first: 02/29/2016 1:16 PM decides, with 12 AM / 12 PM values alongside', () => {
    expect(verdictOf(['03/01/2016 12:00 AM', '02/29/2016 1:16 PM', '03/04/2016 12:00 PM'])).toEqual({ kind: 'decided', format: 'MDY' });
  });

  it('every value ambiguous: ambiguous, with one of the values as the example', () => {
    const verdict = verdictOf(['03/04/2026 09:00', '05/04/2026 10:00', '12/11/2026 08:00']);
    expect(verdict).toEqual({ kind: 'ambiguous', example: '03/04/2026 09:00' });
  });

  it('one ambiguous value alone is ambiguous', () => {
    expect(verdictOf(['01/02/2026'])).toEqual({ kind: 'ambiguous', example: '01/02/2026' });
  });

  it('year-first: a column of 2021/01/31-style values is YMD, never ambiguous', () => {
    expect(verdictOf(['2021/01/31 09:12', '2021/1/1 9:12:58', '2021/02/03 9:12 PM', '2021/03/04'])).toEqual({ kind: 'decided', format: 'YMD' });
    expect(verdictOf(['2026/03/04', '2026/05/04', '2026/12/11'])).toEqual({ kind: 'decided', format: 'YMD' });
    expect(verdictOf(['2021.01.31 09:12', '2021.02.01 10:00'])).toEqual({ kind: 'decided', format: 'YMD' });
    // ISO values are read as such in any column
    expect(verdictOf(['2021/01/31 09:12', '2021-02-01 10:00:00', '2021-02-02'])).toEqual({ kind: 'decided', format: 'YMD' });
    // one impossible year-first value is a misfit
    expect(verdictOf(['2021/01/31 09:12', '2021/02/30 10:00'])).toEqual({ kind: 'mixed', format: 'YMD', misfits: 1 });
  });

  it('day-first vs month-first is still ambiguous with the new time shapes', () => {
    expect(verdictOf(['03/04/2026 9.12.58', '05/04/2026 9:12:58 PM', '12/11/2026 8:00 a.m.'])).toEqual({ kind: 'ambiguous', example: '03/04/2026 9.12.58' });
    expect(verdictOf(['03/04/2026 9.12', '29/04/2026 9.12'])).toEqual({ kind: 'decided', format: 'DMY' });
    expect(verdictOf(['03/04/2026 9:12 pm', '04/29/2026 9:12pm'])).toEqual({ kind: 'decided', format: 'MDY' });
  });

  it('a column of ISO dates alone is ISO', () => {
    expect(verdictOf(['2021-01-01', '2021-01-02', '2021-01-03 09:00'])).toEqual({ kind: 'decided', format: 'iso' });
  });

  it('epoch seconds and epoch milliseconds columns', () => {
    expect(verdictOf(['1772442900', '1772446500', '1456708560'])).toEqual({ kind: 'decided', format: 'epoch-seconds' });
    expect(verdictOf(['1772442900000', '1772446500123'])).toEqual({ kind: 'decided', format: 'epoch-millis' });
  });

  it('a mixed column: the format that reads most values, and how many fit none', () => {
    // DMY reads the first two (29 and 13 cannot be months); MDY reads only the third (29 cannot be a month).
    const verdict = verdictOf(['29/02/2016 01:16', '13/03/2016 10:00', '02/29/2016 1:16 PM']);
    expect(verdict).toEqual({ kind: 'mixed', format: 'DMY', misfits: 1 });
  });

  it('an ISO column with one value no format reads is mixed ISO with one misfit', () => {
    expect(verdictOf(['2026-03-02 09:15:00', '2026-03-03 10:00:00', 'soon'])).toEqual({ kind: 'mixed', format: 'iso', misfits: 1 });
  });

  it('an impossible date (31/04/2026) counts for no format', () => {
    expect(verdictOf(['29/02/2016 01:16', '31/04/2026 10:00'])).toEqual({ kind: 'mixed', format: 'DMY', misfits: 1 });
  });

  it('"ambiguous" only when every value is ambiguous: 13/02/2016 and 02/13/2016 are each unambiguous', () => {
    // Spec: "when every value is ambiguous between day-first and month-first, stop and ask". Here no
    // value is ambiguous; the column contradicts itself (one of the two must be rejected), and an
    // "ambiguous" verdict would have no ambiguous value to quote as its example.
    const verdict = verdictOf(['13/02/2016 09:00', '02/13/2016 09:00']);
    expect(verdict.kind).not.toBe('ambiguous');
  });
});

describe('DateFormatVote: properties', () => {
  const year = fc.integer({ min: 1990, max: 2035 });
  const month = fc.integer({ min: 1, max: 12 });
  const day = fc.integer({ min: 1, max: 31 });
  const pad = (n: number): string => String(n).padStart(2, '0');
  /** A numeric date written day-first or month-first (possibly impossible, e.g. 31/04). */
  const numericDate = fc.tuple(day, month, year, fc.boolean(), fc.constantFrom('/', '-')).map(([d, m, y, dayFirst, sep]) =>
    dayFirst ? `${pad(d)}${sep}${pad(m)}${sep}${y} 10:00` : `${pad(m)}${sep}${pad(d)}${sep}${y} 10:00`,
  );
  const column = fc.array(numericDate, { minLength: 1, maxLength: 12 });

  it('a decided format reads every value of the column', () => {
    fc.assert(
      fc.property(column, (values) => {
        const verdict = verdictOf(values);
        if (verdict.kind === 'decided') for (const v of values) expect(read(v, verdict.format), v).not.toBeNull();
      }),
    );
  });

  it('a mixed verdict counts exactly the values its format cannot read', () => {
    fc.assert(
      fc.property(column, (values) => {
        const verdict = verdictOf(values);
        if (verdict.kind === 'mixed') expect(values.filter((v) => read(v, verdict.format) === null)).toHaveLength(verdict.misfits);
      }),
    );
  });

  it('"ambiguous" means every value reads both day-first and month-first, and the example is one of them', () => {
    fc.assert(
      fc.property(column, (values) => {
        const verdict = verdictOf(values);
        if (verdict.kind !== 'ambiguous') return;
        expect(values).toContain(verdict.example);
        for (const v of values) expect(formatsReading(v), v).toEqual(expect.arrayContaining(['DMY', 'MDY']));
      }),
    );
  });

  it('a year-first value reads in YMD alone, and as the date it was written from', () => {
    const time = fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })), { nil: undefined });
    fc.assert(
      fc.property(year, month, day, fc.constantFrom('/', '.'), time, (y, m, d, sep, t) => {
        const text = `${y}${sep}${pad(m)}${sep}${pad(d)}${t === undefined ? '' : ` ${t[0]}:${pad(t[1])}:${pad(t[2])}`}`;
        const real = d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(formatsReading(text), text).toEqual(real ? ['YMD'] : []);
        if (real) expect(parseDate(text, 'YMD', utcMillis)).toBe(Date.UTC(y, m - 1, d, t?.[0] ?? 0, t?.[1] ?? 0, t?.[2] ?? 0));
      }),
    );
  });

  it('a column of values that all read both ways is ambiguous', () => {
    const ambiguous = fc.tuple(fc.integer({ min: 1, max: 12 }), month, year).map(([d, m, y]) => `${pad(d)}/${pad(m)}/${y}`);
    fc.assert(
      fc.property(fc.array(ambiguous, { minLength: 1, maxLength: 12 }), (values) => {
        expect(verdictOf(values)).toEqual({ kind: 'ambiguous', example: values[0] });
      }),
    );
  });
});
