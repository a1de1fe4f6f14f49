import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS } from '../../src/dialect/dates.js';
import { ColumnProfiler, MAX_DISTINCT, type ColumnProfile, type ValueShape } from '../../src/reading/column-profile.js';

/**
 * The column profiles `inspect` describes an unknown export with: one shape per column from its
 * values (and, for the ambiguous ones, its header), samples, the date format, distinct values, all
 * in memory that does not grow with the rows.
 */

/** The profiles of a header over some records. */
function profilesOf(header: readonly string[], rows: readonly (readonly string[])[]): ColumnProfile[] {
  const profiler = new ColumnProfiler(header);
  for (const row of rows) profiler.add(row);
  return profiler.profiles();
}

/** The profile of one column named `header` holding `values`. */
const columnOf = (header: string, values: readonly string[]): ColumnProfile => profilesOf([header], values.map((v) => [v]))[0]!;
const shapeOf = (header: string, values: readonly string[]): ValueShape => columnOf(header, values).shape;

/** PROPERTY_RUNS=10 multiplies the runs, for a deeper search. */
const runs = (n: number): number => n * Number(process.env.PROPERTY_RUNS ?? '1');

describe('shapes', () => {
  it.each<[string, string, readonly string[], string | undefined]>([
    ['ISO 8601 with an offset', 'Opened', ['2021-01-04T09:15:00Z', '2021-01-04T10:15:00+01:00'], 'iso'],
    ['ISO without an offset, with or without seconds', 'Opened', ['2024-05-02 14:03', '2024-05-02 15:21:09'], 'iso'],
    ['day first (a day above 12 settles it)', 'Opened', ['22-04-2015 10:00', '05-02-2024 08:14'], 'DMY'],
    ['month first, 12-hour clock', 'Opened', ['04/22/2015 1:16 PM', '12/31/2015 11:59 PM'], 'MDY'],
    ['epoch seconds, header about time', 'Created', ['1772442900', '1772443900'], 'epoch-seconds'],
    ['epoch milliseconds, camelCase header ending in At', 'updatedAt', ['1772442900000', '1772442900123'], 'epoch-millis'],
  ])('timestamp: %s', (_, header, values, format) => {
    const profile = columnOf(header, values);
    expect(profile.shape).toBe('timestamp');
    expect(profile.dateFormat).toBe(format);
  });

  it('timestamp: every value reads day-first and month-first, so no format is named', () => {
    const profile = columnOf('Opened', ['03/04/2026 10:00', '05/06/2026 11:00']);
    expect(profile.shape).toBe('timestamp');
    expect(profile.dateFormat).toBeUndefined();
  });

  it('epoch-sized numbers are numbers when the header is not about time', () => {
    expect(shapeOf('Amount', ['1772442900', '1772443900'])).toBe('number');
    expect(shapeOf('Phone', ['0612345678'])).toBe('number');
    // "at" counts as a word, not inside another one
    expect(shapeOf('Category', ['1772442900'])).toBe('number');
    expect(shapeOf('Opened at', ['1772442900'])).toBe('timestamp');
    // 11 digits: no epoch format reads them
    expect(shapeOf('Created', ['17724429001'])).toBe('number');
  });

  it('date: a date without a time, the format it is read in once joined with a time', () => {
    expect(columnOf('Date', ['2021-01-01', '2021-01-02'])).toMatchObject({ shape: 'date', dateFormat: 'iso' });
    expect(columnOf('Date', ['22-04-2015', '23-04-2015'])).toMatchObject({ shape: 'date', dateFormat: 'DMY' });
    expect(columnOf('Date', ['5.3.2016', '25.3.2016'])).toMatchObject({ shape: 'date', dateFormat: 'DMY' });
    const yearFirst = columnOf('Date', ['2021/01/01', '2021/12/31']);
    expect(yearFirst.shape).toBe('date');
    expect(yearFirst.dateFormat).toBe((DATE_FORMATS as readonly string[]).includes('YMD') ? 'YMD' : undefined);
  });

  it('impossible dates and month names are text', () => {
    expect(shapeOf('Date', ['2021-02-30'])).toBe('text');
    expect(shapeOf('Date', ['31/31/2021'])).toBe('text');
    expect(shapeOf('Created', ['12/Mar/24 5:20 PM'])).toBe('text');
  });

  it('time: a time of day', () => {
    expect(shapeOf('Time', ['9:12:58', '09:12', '23:59:59'])).toBe('time');
    expect(shapeOf('Time received', ['9.05.12 AM', '11.42.50 PM', '12:00 am', '1:30 p.m.'])).toBe('time');
    expect(shapeOf('Time', ['9.05.12'])).toBe('time');
  });

  it('duration: hours from 24 on, or a leading 0:, whatever the header', () => {
    expect(shapeOf('Length', ['0:02:23', '0:04:02'])).toBe('duration');
    expect(shapeOf('Resolution', ['27:15:00', '51:40:00'])).toBe('duration');
    expect(shapeOf('Wrap', ['125:30'])).toBe('duration'); // m:ss
    // h:mm:ss values among definite durations are durations too
    expect(columnOf('Length', ['0:02:23', '0:10:05', '1:02:00'])).toMatchObject({ shape: 'duration', shapes: { duration: 3 } });
  });

  it.each(['AvgTalkDuration', 'Time to first response', 'Talk', 'Handle time', 'Wait', 'Speed of answer', 'First response time (in hrs)'])(
    'duration: h:mm:ss values under a header about durations (%s)',
    (header) => {
      expect(shapeOf(header, ['1:02:03', '02:15:00'])).toBe('duration');
    },
  );

  it('the same h:mm:ss values under another header are times of day', () => {
    expect(shapeOf('Started', ['1:02:03', '02:15:00'])).toBe('time');
  });

  it('impossible times are text', () => {
    expect(shapeOf('Time', ['9:75'])).toBe('text');
    expect(shapeOf('Time', ['13:00 PM'])).toBe('text');
    expect(shapeOf('Time', ['25.00.00'])).toBe('text');
  });

  it('number: decimals with a point or a comma, signs, grouping', () => {
    expect(columnOf('Amount', ['3', '3.0', '4,5', '-2', '1,234.5', '12', '0'])).toMatchObject({ shape: 'number', shapes: { number: 7 } });
  });

  it('yes-no: the words in any case, and 0/1', () => {
    expect(shapeOf('Escalated', ['true', 'FALSE', 'Yes', 'no', 'Y', 'n'])).toBe('yes-no');
    expect(shapeOf('Escalated', ['0', '1', '1'])).toBe('yes-no');
    expect(columnOf('Escalated', ['yes', 'no', '1', '0'])).toMatchObject({ shape: 'yes-no', shapes: { 'yes-no': 4 } });
  });

  it.each(['Reopen count', 'ReopenCount', 'Number of replies', '# replies', 'Total'])('a column of 0/1 under a header that counts (%s) is numbers', (header) => {
    expect(shapeOf(header, ['0', '1', '1'])).toBe('number');
  });

  it('rating: whole numbers 1–5, all of them', () => {
    expect(columnOf('Score', ['1', '2', '3', '4', '5', '5'])).toMatchObject({ shape: 'rating', shapes: { rating: 6 } });
    // one number outside 1–5 makes them all numbers
    expect(columnOf('Score', ['1', '2', '3', '4', '5', '6'])).toMatchObject({ shape: 'number', shapes: { number: 6 } });
    expect(shapeOf('Score', ['1', '2', '3.5'])).toBe('number');
    // counting headers count
    expect(shapeOf('Reply count', ['1', '2', '3'])).toBe('number');
  });

  it('text: anything else', () => {
    expect(shapeOf('Subject', ['Cannot log in', 'Refund', '3.12.1'])).toBe('text');
  });

  it('blank: no value at all; sentinels and missing fields are blank', () => {
    expect(columnOf('Closed', ['', '  ', '-', 'N/A', '?', '1900-01-01 00:00:00'])).toMatchObject({ shape: 'blank', values: 0, blank: 6, shapes: {}, samples: [], distinct: 0 });
    const [a, b] = profilesOf(['A', 'B'], [['x'], ['y', 'z', 'extra field ignored']]);
    expect(a).toMatchObject({ values: 2, blank: 0 });
    expect(b).toMatchObject({ values: 1, blank: 1, samples: ['z'] });
  });

  it('the sentinels can be given (none: every value counts)', () => {
    const profiler = new ColumnProfiler(['Closed'], []);
    profiler.add(['-']);
    expect(profiler.profiles()[0]).toMatchObject({ values: 1, blank: 0, shape: 'text' });
  });

  it('values are trimmed', () => {
    expect(columnOf('Opened', [' 2021-01-04T09:15:00Z ', '\t2021-01-05 10:00 '])).toMatchObject({ shape: 'timestamp', samples: ['2021-01-04T09:15:00Z', '2021-01-05 10:00'] });
  });
});

describe('the 90% rule', () => {
  const timestamps = (n: number): string[] => Array.from({ length: n }, (_, i) => `2021-01-${String(i + 1).padStart(2, '0')} 10:00`);

  it('a column has the shape of 90% of its non-blank values', () => {
    const profile = columnOf('Opened', [...timestamps(9), 'soon', '', '']);
    expect(profile).toMatchObject({ shape: 'timestamp', values: 10, blank: 2, shapes: { timestamp: 9, text: 1 } });
  });

  it('below 90% it is text, the counts still given', () => {
    expect(columnOf('Opened', [...timestamps(8), 'soon', 'later'])).toMatchObject({ shape: 'text', shapes: { timestamp: 8, text: 2 } });
  });

  it('timestamps and dates are different shapes', () => {
    expect(columnOf('Opened', [...timestamps(5), '2021-02-01', '2021-02-02', '2021-02-03', '2021-02-04', '2021-02-05'])).toMatchObject({
      shape: 'text',
      shapes: { timestamp: 5, date: 5 },
    });
  });

  it('the shapes count every non-blank value once', () => {
    const profile = columnOf('Mixed', ['1', 'yes', '2021-01-01', '9:12 PM', '0:02:00', 'x', '3.5', '2021-01-01T10:00:00Z']);
    const total = Object.values(profile.shapes).reduce((a, b) => a + b, 0);
    expect(total).toBe(profile.values);
  });
});

describe('bounded memory', () => {
  it('samples: the first 3 distinct values, in order', () => {
    expect(columnOf('Agent', ['Ana', 'Ana', 'Ben', 'Ana', 'Chloé', 'Dev']).samples).toEqual(['Ana', 'Ben', 'Chloé']);
  });

  it('samples are cut to 40 characters, a cut one ending in …, pairs never split', () => {
    const long = 'x'.repeat(39) + '😀' + 'tail';
    const [sample] = columnOf('Subject', [long]).samples;
    expect(Array.from(sample!)).toHaveLength(40);
    expect(sample).toBe(`${'x'.repeat(39)}…`);
    expect(columnOf('Subject', ['y'.repeat(40)]).samples).toEqual(['y'.repeat(40)]);
    const emoji = '😀'.repeat(41);
    expect(columnOf('Subject', [emoji]).samples).toEqual([`${'😀'.repeat(39)}…`]);
  });

  it('distinct values are counted up to 1,000, then capped', () => {
    const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `T-${i}`);
    expect(columnOf('Ref', values(1000))).toMatchObject({ distinct: 1000, distinctCapped: false });
    expect(columnOf('Ref', [...values(1000), 'T-0', 'T-999'])).toMatchObject({ distinct: 1000, distinctCapped: false });
    expect(columnOf('Ref', values(1500))).toMatchObject({ distinct: MAX_DISTINCT, distinctCapped: true, values: 1500 });
  });

  it('long values are told apart (they are counted by hash)', () => {
    const long = (i: number): string => `${'a long description '.repeat(10)}${i}`;
    expect(columnOf('Description', [long(1), long(2), long(1), long(3)])).toMatchObject({ distinct: 3 });
  });

  const value = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('', ' ', '-', 'N/A', '0', '1', '3', '4,5', 'yes', 'N', '2021-01-01', '2021-01-01T10:00:00Z', '22-04-2015 10:00', '9:12:58', '0:02:23', '1772442900'),
  );

  it('property: whatever the records, the memory-bound fields hold and the counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 60 }),
        (header, rows) => {
          const profiles = profilesOf(header, rows);
          expect(profiles).toHaveLength(header.length);
          profiles.forEach((p, c) => {
            expect(p.header).toBe(header[c]);
            expect(p.values + p.blank).toBe(rows.length);
            expect(p.samples.length).toBeLessThanOrEqual(3);
            expect(new Set(p.samples).size).toBe(p.samples.length);
            for (const s of p.samples) expect(Array.from(s).length).toBeLessThanOrEqual(40);
            expect(p.distinct).toBeLessThanOrEqual(Math.min(1000, p.values));
            expect(p.samples.length).toBeLessThanOrEqual(p.distinct);
            expect(Object.values(p.shapes).reduce((a, b) => a + b, 0)).toBe(p.values);
            expect(p.shape === 'blank').toBe(p.values === 0);
            if (p.shape !== 'blank' && p.shape !== 'text') expect(p.shapes[p.shape]!).toBeGreaterThanOrEqual(0.9 * p.values);
            // exact below the cap: the distinct trimmed values
            const distinct = new Set(rows.map((r) => r[c]?.trim() ?? '').filter((v) => v !== '' && !['-', 'n/a', '?'].includes(v.toLowerCase())));
            if (!p.distinctCapped) expect(p.distinct).toBe(distinct.size);
          });
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('property: distinct is min(distinct values, 1,000), capped exactly when there are more', () => {
    fc.assert(
      fc.property(fc.nat(2500), fc.integer({ min: 1, max: 2000 }), fc.string({ maxLength: 80 }), (n, kinds, prefix) => {
        const values = Array.from({ length: n }, (_, i) => `x${prefix}${i % kinds}`);
        const actual = new Set(values).size;
        const profile = columnOf('Ref', values);
        expect(profile.distinct).toBe(Math.min(actual, 1000));
        expect(profile.distinctCapped).toBe(actual > 1000);
        expect(profile.samples.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: runs(25) },
    );
  });
});
