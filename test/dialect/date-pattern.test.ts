import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileDatePattern, DatePatternError, looksLikeDatePattern } from '../../src/dialect/date-pattern.js';
import { utcMillis, wallTimeReader, type WallTime } from '../../src/time/zone.js';

/**
 * --date-format patterns in Unicode (CLDR) letters, as Jira, Java and date-fns write them. Expected
 * instants are written with Date.UTC (months 0-based there), worked out by hand; values without an
 * offset are read in UTC unless a test says otherwise.
 */

const readAt = (pattern: string, text: string): number => compileDatePattern(pattern).read(text, utcMillis);

/** A readLocal that must not be called: the value carries an offset. */
const noLocal = (): number => {
  throw new Error('readLocal called for a value with an offset');
};

describe('compileDatePattern: the shapes users write', () => {
  it.each<[string, string, number]>([
    // Jira
    ['dd/MMM/yy h:mm a', '12/Mar/24 3:05 PM', Date.UTC(2024, 2, 12, 15, 5)],
    ['dd/MMM/yy h:mm a', '01/Jan/00 12:00 AM', Date.UTC(2000, 0, 1, 0, 0)],
    ['dd/MMM/yy h:mm a', '31/Dec/99 11:59 PM', Date.UTC(2099, 11, 31, 23, 59)],
    ['dd-MM-yyyy h.mm.ss a', '05-11-2023 9.07.45 AM', Date.UTC(2023, 10, 5, 9, 7, 45)],
    ['dd-MM-yyyy h.mm.ss a', '05-11-2023 09.07.45 pm', Date.UTC(2023, 10, 5, 21, 7, 45)],
    ['yyyy/MM/dd HH:mm', '2021/01/31 23:59', Date.UTC(2021, 0, 31, 23, 59)],
    ['d.M.yyyy H:mm', '5.3.2016 7:04', Date.UTC(2016, 2, 5, 7, 4)],
    ['d.M.yyyy H:mm', '25.12.2016 17:04', Date.UTC(2016, 11, 25, 17, 4)],
    ['y/M/d', '2016/3/5', Date.UTC(2016, 2, 5)],
    ['yyyyMMddHHmmss', '20240312150507', Date.UTC(2024, 2, 12, 15, 5, 7)],
    ['MMMM d, yyyy', 'September 5, 2023', Date.UTC(2023, 8, 5)],
    ['EEEE, MMMM d, yyyy h:mm a', 'Tuesday, March 12, 2024 3:05 p.m.', Date.UTC(2024, 2, 12, 15, 5)],
    ['dd MMM yyyy', '05 Sept 2023', Date.UTC(2023, 8, 5)],
    ['dd MMM yyyy', '05 Sep 2023', Date.UTC(2023, 8, 5)],
    // fractions: the first three digits are milliseconds, never rounded
    ['yyyy-MM-dd HH:mm:ss.SSS', '2026-03-02 09:15:07.123', Date.UTC(2026, 2, 2, 9, 15, 7, 123)],
    ['yyyy-MM-dd HH:mm:ss.SSSSSS', '2026-03-02 09:15:07.123999', Date.UTC(2026, 2, 2, 9, 15, 7, 123)],
    ['yyyy-MM-dd HH:mm:ss.S', '2026-03-02 09:15:07.5', Date.UTC(2026, 2, 2, 9, 15, 7, 500)],
    ['yyyy-MM-dd HH:mm:ss,SS', '2026-03-02 09:15:07,25', Date.UTC(2026, 2, 2, 9, 15, 7, 250)],
    // literals: quoted text, '' for a quote, and characters that are not ASCII letters
    ["yyyy-MM-dd 'at' HH:mm", '2024-03-12 at 15:05', Date.UTC(2024, 2, 12, 15, 5)],
    ["yyyy-MM-dd HH'h'mm", '2024-03-12 15h05', Date.UTC(2024, 2, 12, 15, 5)],
    ["dd/MM/yyyy h 'o''clock' a", "12/03/2024 3 o'clock PM", Date.UTC(2024, 2, 12, 15)],
    ["''yy''-MM-dd", "'24'-03-12", Date.UTC(2024, 2, 12)],
    ['yyyy年M月d日 H:mm', '2024年3月12日 15:05', Date.UTC(2024, 2, 12, 15, 5)],
    ['[dd.MM.yyyy] (HH:mm)', '[12.03.2024] (15:05)', Date.UTC(2024, 2, 12, 15, 5)],
    // one space in the pattern matches several (any kind), and the text is trimmed
    ['dd/MMM/yy h:mm a', '12/Mar/24   3:05  PM', Date.UTC(2024, 2, 12, 15, 5)],
    ['dd/MMM/yy h:mm a', '  12/Mar/24 3:05 PM\t', Date.UTC(2024, 2, 12, 15, 5)],
    ['dd/MMM/yy h:mm a', '12/Mar/24 3:05\u202FPM', Date.UTC(2024, 2, 12, 15, 5)],
  ])('%s reads %s', (pattern, text, expected) => {
    expect(readAt(pattern, text)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2026-03-02T09:15:00+01:00', Date.UTC(2026, 2, 2, 8, 15)],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2026-03-02T09:15:00Z', Date.UTC(2026, 2, 2, 9, 15)],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2026-03-02T09:15:00+0100', Date.UTC(2026, 2, 2, 8, 15)],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2026-03-02T09:15:00+01', Date.UTC(2026, 2, 2, 8, 15)],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2026-03-02T09:15:00-05:30', Date.UTC(2026, 2, 2, 14, 45)],
    // an offset that moves the instant into the previous year
    ["yyyy-MM-dd'T'HH:mm:ssX", '2026-01-01T00:30:00+01', Date.UTC(2025, 11, 31, 23, 30)],
    ['dd/MM/yyyy HH:mm xx', '02/03/2026 09:15 +0530', Date.UTC(2026, 2, 2, 3, 45)],
    // RFC 2822, as mail-based helpdesks write it
    ['EEE, dd MMM yyyy HH:mm:ss Z', 'Mon, 02 Mar 2026 09:15:00 +0000', Date.UTC(2026, 2, 2, 9, 15)],
    ['EEE, dd MMM yyyy HH:mm:ss Z', 'Mon, 02 Mar 2026 09:15:00 -0800', Date.UTC(2026, 2, 2, 17, 15)],
  ])('%s reads %s as that instant, without readLocal', (pattern, text, expected) => {
    expect(compileDatePattern(pattern).read(text, noLocal)).toBe(expected);
  });

  it('a value without an offset is a wall-clock time handed to readLocal', () => {
    const readLocal = vi.fn((_wall: WallTime) => 42);
    expect(compileDatePattern('dd/MMM/yy h:mm a').read('12/Mar/24 3:05 PM', readLocal)).toBe(42);
    expect(readLocal).toHaveBeenCalledExactlyOnceWith({ year: 2024, month: 3, day: 12, hour: 15, minute: 5, second: 0, millisecond: 0 });
  });

  it('read in the input zone: Berlin (UTC+1 in March 2024 before the 31st) and New York (UTC−4 after 10 March)', () => {
    const jira = compileDatePattern('dd/MMM/yy h:mm a');
    expect(jira.read('12/Mar/24 3:05 PM', wallTimeReader('Europe/Berlin'))).toBe(Date.UTC(2024, 2, 12, 14, 5));
    expect(jira.read('12/Mar/24 3:05 PM', wallTimeReader('America/New_York'))).toBe(Date.UTC(2024, 2, 12, 19, 5));
  });

  it('a date without a time is the start of that day', () => {
    expect(readAt('dd/MM/yyyy', '12/03/2024')).toBe(Date.UTC(2024, 2, 12));
  });

  it('month names, weekday names and AM/PM in any case', () => {
    for (const text of ['12/Mar/24 3:05 PM', '12/MAR/24 3:05 pm', '12/mar/24 3:05 Pm', '12/mAR/24 3:05 pM', '12/Mar/24 3:05 P.M.', '12/Mar/24 3:05 p.m.']) {
      expect(readAt('dd/MMM/yy h:mm a', text), text).toBe(Date.UTC(2024, 2, 12, 15, 5));
    }
    expect(readAt('dd/MMM/yy h:mm a', '12/Mar/24 3:05 a.m.')).toBe(Date.UTC(2024, 2, 12, 3, 5));
    expect(readAt('dd MMMM yyyy', '05 SEPTEMBER 2023')).toBe(Date.UTC(2023, 8, 5));
    expect(readAt('dd MMMM yyyy', '05 september 2023')).toBe(Date.UTC(2023, 8, 5));
    expect(readAt('dd MMM yyyy', '05 SEPT 2023')).toBe(Date.UTC(2023, 8, 5));
    expect(readAt('EEE dd/MM/yyyy', 'TUE 12/03/2024')).toBe(Date.UTC(2024, 2, 12));
    expect(readAt('EEEE dd/MM/yyyy', 'tuesday 12/03/2024')).toBe(Date.UTC(2024, 2, 12));
  });

  it('every English month name, short and full', () => {
    const full = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    full.forEach((name, i) => {
      expect(readAt('d MMMM yyyy', `1 ${name} 2024`), name).toBe(Date.UTC(2024, i, 1));
      expect(readAt('d MMM yyyy', `1 ${name.slice(0, 3)} 2024`), name).toBe(Date.UTC(2024, i, 1));
    });
  });

  it('12-hour clock: 12 AM is 00, 12 PM is 12, 1 PM is 13', () => {
    const p = 'dd/MM/yyyy h:mm a';
    expect(readAt(p, '12/03/2024 12:00 AM')).toBe(Date.UTC(2024, 2, 12, 0, 0));
    expect(readAt(p, '12/03/2024 12:30 AM')).toBe(Date.UTC(2024, 2, 12, 0, 30));
    expect(readAt(p, '12/03/2024 12:00 PM')).toBe(Date.UTC(2024, 2, 12, 12, 0));
    expect(readAt(p, '12/03/2024 12:59 PM')).toBe(Date.UTC(2024, 2, 12, 12, 59));
    expect(readAt(p, '12/03/2024 1:00 PM')).toBe(Date.UTC(2024, 2, 12, 13, 0));
    expect(readAt(p, '12/03/2024 11:59 PM')).toBe(Date.UTC(2024, 2, 12, 23, 59));
    expect(readAt(p, '12/03/2024 0:30 AM')).toBeNaN();
    expect(readAt(p, '12/03/2024 13:00 PM')).toBeNaN();
  });

  it('leap days: 29 February only in leap years (2000 is one, 1900 is not)', () => {
    expect(readAt('dd/MM/yyyy', '29/02/2024')).toBe(Date.UTC(2024, 1, 29));
    expect(readAt('dd/MM/yyyy', '29/02/2000')).toBe(Date.UTC(2000, 1, 29));
    expect(readAt('dd/MM/yy', '29/02/00')).toBe(Date.UTC(2000, 1, 29));
    expect(readAt('dd/MM/yyyy', '29/02/2023')).toBeNaN();
    expect(readAt('dd/MM/yyyy', '29/02/1900')).toBeNaN();
    expect(readAt('dd/MMM/yyyy', '29/Feb/2100')).toBeNaN();
  });

  it('two-digit years are 2000–2099; y reads the year as written', () => {
    expect(readAt('dd/MM/yy', '01/01/99')).toBe(Date.UTC(2099, 0, 1));
    expect(readAt('dd/MM/yy', '01/01/70')).toBe(Date.UTC(2070, 0, 1));
    expect(readAt('d/M/y', '1/1/2024')).toBe(Date.UTC(2024, 0, 1));
    expect(readAt('d/M/y', '1/1/24')).toBe(utcMillis({ year: 24, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }));
  });

  it.each<[string, string]>([
    // impossible dates and times
    ['dd/MM/yyyy', '31/02/2024'],
    ['dd/MM/yyyy', '31/04/2024'],
    ['dd/MM/yyyy', '00/01/2024'],
    ['dd/MM/yyyy', '01/13/2024'],
    ['dd/MM/yyyy', '01/00/2024'],
    ['dd/MM/yyyy HH:mm', '01/01/2024 24:00'],
    ['dd/MM/yyyy HH:mm', '01/01/2024 10:60'],
    ['dd/MM/yyyy HH:mm:ss', '01/01/2024 10:00:60'],
    ["yyyy-MM-dd'T'HH:mmXXX", '2024-01-01T10:00+24:00'],
    ["yyyy-MM-dd'T'HH:mmXXX", '2024-01-01T10:00+01:60'],
    // text that does not fit the pattern
    ['dd/MMM/yy h:mm a', '12/Mar/24 3:05'],
    ['dd/MMM/yy h:mm a', '12/Mar/24 3:05 PM extra'],
    ['dd/MMM/yy h:mm a', '12/Mrz/24 3:05 PM'],
    ['dd/MMM/yy h:mm a', '12/March/24 3:05 PM'],
    ['dd/MMM/yy h:mm a', '12/Mar/2024 3:05 PM'],
    ['dd/MMM/yy h:mm a', '12/Mar/24 3:05PM'],
    ['dd/MMM/yy h:mm a', '12-Mar-24 3:05 PM'],
    ['dd/MM/yyyy', '5/03/2024'],
    ['dd/MM/yyyy', '05/03/24'],
    ['yyyy-MM-dd HH:mm:ss.SSS', '2026-03-02 09:15:07.12'],
    ['EEE dd/MM/yyyy', 'Tues 12/03/2024'],
    ['dd/MM/yyyy', ''],
    ['dd/MM/yyyy', 'yesterday'],
  ])('%s does not read %s', (pattern, text) => {
    const readLocal = vi.fn(() => 0);
    expect(compileDatePattern(pattern).read(text, readLocal)).toBeNaN();
    expect(readLocal).not.toHaveBeenCalled();
  });

  it('keeps the pattern as given, and drops the spaces around it when reading', () => {
    expect(compileDatePattern('dd/MMM/yy h:mm a').pattern).toBe('dd/MMM/yy h:mm a');
    const spaced = compileDatePattern(' dd/MM/yyyy ');
    expect(spaced.pattern).toBe(' dd/MM/yyyy ');
    expect(spaced.read(' 12/03/2024 ', utcMillis)).toBe(Date.UTC(2024, 2, 12));
  });
});

describe('compileDatePattern: patterns that cannot be used', () => {
  it('a letter that is no token: the message names it and lists the tokens', () => {
    expect(() => compileDatePattern('dd/QQ/yyyy')).toThrow(
      new DatePatternError(`"dd/QQ/yyyy": "QQ" is not a date token (use y, M, d, H, h, m, s, S, a, E, X or text in '…')`),
    );
  });

  it.each<[string, RegExp]>([
    ['dd/QQ/yyyy', /"QQ" is not a date token/],
    ['yyyy-MM-dd T HH:mm', /"T" is not a date token/],
    ['DD/MM/YYYY', /"DD" is not a date token \(the day of the month is d or dd; D is the day of the year\)/],
    ['dd/MM/YYYY', /"YYYY" is not a date token \(the year is y, yy or yyyy; Y is the week-based year\)/],
    ['yyy-MM-dd', /"yyy" is not a date token \(the year is y, yy or yyyy\)/],
    ['dd MMMMM yyyy', /"MMMMM" is not a date token/],
    ['ddd/MM/yyyy', /"ddd" is not a date token/],
    ['dd/MM/yyyy HHH:mm', /"HHH" is not a date token/],
    ['dd/MM/yyyy HH:mm:ss.SSSSSSSSSS', /"SSSSSSSSSS" is not a date token/],
    ['dd/MM/yyyy XXXX', /"XXXX" is not a date token/],
    ["dd/MM/yyyy 'at HH:mm", /the quote at position 12 is not closed/],
    ['', /the pattern is empty/],
    ['   ', /the pattern is empty/],
    ['HH:mm', /^"HH:mm": no year, month or day \(a pattern names a full date: add yyyy, MM, dd\)$/],
    ['dd/MM HH:mm', /^"dd\/MM HH:mm": no year \(a pattern names a full date: add yyyy\)$/],
    ['MM/yyyy', /no day/],
    ['yyyy HH:mm', /no month or day/],
    ['dd/MM/yyyy hh:mm', /"hh" is a 12-hour clock and needs "a" for AM\/PM \(or write HH for 0–23\)/],
    ['dd/MM/yyyy HH:mm a', /"a" \(AM\/PM\) needs a 12-hour clock: write h or hh for the hour/],
    ['dd/MM/yyyy a', /"a" \(AM\/PM\) needs a 12-hour clock/],
    ['dd/MM/yyyy dd', /the day is given twice \("dd" and "dd"\)/],
    ['dd/MM/yyyy MMM', /the month is given twice \("MM" and "MMM"\)/],
    ['dd/MM/yyyy HH h a', /the hour is given twice \("HH" and "h"\)/],
  ])('%s: %s', (pattern, message) => {
    let thrown: unknown;
    try {
      compileDatePattern(pattern);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatePatternError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
    expect((thrown as Error).message.startsWith(JSON.stringify(pattern))).toBe(true);
  });
});

describe('looksLikeDatePattern', () => {
  it.each(['dd/MMM/yy h:mm a', 'dd-MM-yyyy h.mm.ss a', 'yyyy/MM/dd HH:mm', 'd.M.yyyy H:mm', "yyyy-MM-dd'T'HH:mm:ssXXX", 'yyyyMMdd', 'y/M/d', 'dd/QQ/yyyy', 'DD/MM/YYYY', "d 'de' MMMM"])(
    '%s is a pattern',
    (text) => {
      expect(looksLikeDatePattern(text)).toBe(true);
    },
  );

  it.each(['DMY', 'MDY', 'YMD', 'iso', 'dmy', 'mdy', 'epoch-seconds', 'epoch-millis', '', 'x'])('%s is not a pattern', (text) => {
    expect(looksLikeDatePattern(text)).toBe(false);
  });
});

describe('compileDatePattern: properties', () => {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

  /** A real wall time in 2000–2099 (so that yy patterns can write it), to the millisecond. */
  const wallTime: fc.Arbitrary<WallTime> = fc
    .record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) =>
      fc.record({
        year: fc.constant(year),
        month: fc.constant(month),
        day: fc.integer({ min: 1, max: daysIn(year, month) }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        millisecond: fc.integer({ min: 0, max: 999 }),
      }),
    );

  const hour12 = (w: WallTime): number => (w.hour % 12 === 0 ? 12 : w.hour % 12);
  const ampm = (w: WallTime): string => (w.hour < 12 ? 'AM' : 'PM');
  const weekday = (w: WallTime): string => DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;

  /** Each pattern with a hand-written formatter, and which parts of the wall time it keeps. */
  const FORMATS: { pattern: string; format: (w: WallTime) => string; keeps: 'minute' | 'second' | 'millisecond' }[] = [
    { pattern: 'dd/MMM/yy h:mm a', format: (w) => `${pad(w.day)}/${MONTHS[w.month - 1]!.slice(0, 3)}/${pad(w.year % 100)} ${hour12(w)}:${pad(w.minute)} ${ampm(w)}`, keeps: 'minute' },
    { pattern: 'dd-MM-yyyy h.mm.ss a', format: (w) => `${pad(w.day)}-${pad(w.month)}-${w.year} ${hour12(w)}.${pad(w.minute)}.${pad(w.second)} ${ampm(w).toLowerCase()}`, keeps: 'second' },
    { pattern: 'yyyy/MM/dd HH:mm', format: (w) => `${w.year}/${pad(w.month)}/${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`, keeps: 'minute' },
    { pattern: 'd.M.yyyy H:mm', format: (w) => `${w.day}.${w.month}.${w.year} ${w.hour}:${pad(w.minute)}`, keeps: 'minute' },
    { pattern: "yyyy-MM-dd'T'HH:mm:ss.SSS", format: (w) => `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.millisecond, 3)}`, keeps: 'millisecond' },
    { pattern: 'yyyyMMddHHmmss', format: (w) => `${w.year}${pad(w.month)}${pad(w.day)}${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`, keeps: 'second' },
    { pattern: 'EEEE, MMMM d, yyyy hh:mm:ss a', format: (w) => `${weekday(w)}, ${MONTHS[w.month - 1]} ${w.day}, ${w.year} ${pad(hour12(w))}:${pad(w.minute)}:${pad(w.second)} ${ampm(w)}`, keeps: 'second' },
    { pattern: 'EEE dd MMM yyyy HH:mm', format: (w) => `${weekday(w).slice(0, 3)} ${pad(w.day)} ${MONTHS[w.month - 1]!.slice(0, 3).toUpperCase()} ${w.year} ${pad(w.hour)}:${pad(w.minute)}`, keeps: 'minute' },
  ];

  const truncated = (w: WallTime, keeps: 'minute' | 'second' | 'millisecond'): WallTime => ({
    ...w,
    second: keeps === 'minute' ? 0 : w.second,
    millisecond: keeps === 'millisecond' ? w.millisecond : 0,
  });

  it('reads back the wall time it was written from, in every pattern', () => {
    const compiled = FORMATS.map((f) => ({ ...f, reader: compileDatePattern(f.pattern) }));
    fc.assert(
      fc.property(wallTime, fc.constantFrom(...compiled), (w, { format, reader, keeps }) => {
        const seen: WallTime[] = [];
        const readLocal = (wall: WallTime): number => {
          seen.push(wall);
          return utcMillis(wall);
        };
        const text = format(w);
        expect(reader.read(text, readLocal), text).toBe(utcMillis(truncated(w, keeps)));
        expect(seen).toEqual([truncated(w, keeps)]);
      }),
    );
  });

  it('an offset shifts the instant by exactly that many minutes, in each way of writing it', () => {
    const reader = compileDatePattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    fc.assert(
      fc.property(wallTime, fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.constantFrom('colon', 'plain', 'hours'), (w, offset, style) => {
        const minutes = style === 'hours' ? offset - (offset % 60) : offset;
        const abs = Math.abs(minutes);
        const hh = pad(Math.floor(abs / 60));
        const mm = pad(abs % 60);
        const zone = `${minutes < 0 ? '-' : '+'}${style === 'colon' ? `${hh}:${mm}` : style === 'plain' ? `${hh}${mm}` : hh}`;
        const text = `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.millisecond, 3)}${zone}`;
        const expected = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - minutes * 60_000;
        expect(reader.read(text, noLocal), text).toBe(expected);
      }),
    );
  });

  it('never reads a day past the end of its month', () => {
    const reader = compileDatePattern('dd/MM/yyyy');
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = daysIn(year, month);
        expect(reader.read(`${pad(last)}/${pad(month)}/${year}`, utcMillis)).toBe(Date.UTC(year, month - 1, last));
        if (last < 31) expect(reader.read(`${pad(last + 1)}/${pad(month)}/${year}`, utcMillis)).toBeNaN();
      }),
    );
  });
});
