import { describe, expect, it } from 'vitest';
import { buildPeriodGrid, comparedRange, firstSlotEndingAfter, shiftedGrid, slotIndexOf, type Comparison, type Period } from '../../src/time/periods.js';
import { formatInstant, wallTimeReader } from '../../src/time/zone.js';
import { parseTimestamp } from '../../src/time/timestamp.js';

/** Local wall time in `zone` → epoch ms. */
const at = (text: string, zone: string): number => parseTimestamp(text, wallTimeReader(zone));
const local = (ms: number, zone: string): string => formatInstant(ms, zone);

interface Case {
  name: string;
  period: Period;
  zone: string;
  from: string;
  to: string;
  comparison: Comparison;
  /** Each slot of the shifted grid: [label, start, end] in local time, or null for no counterpart. */
  expected: ([string, string, string] | null)[];
}

const CASES: Case[] = [
  {
    name: 'weeks, previous: each the week before',
    period: 'week',
    zone: 'UTC',
    from: '2026-03-02T00:00:00',
    to: '2026-03-16T00:00:00',
    comparison: 'previous',
    expected: [
      ['2026-W09', '2026-02-23T00:00:00+00:00', '2026-03-02T00:00:00+00:00'],
      ['2026-W10', '2026-03-02T00:00:00+00:00', '2026-03-09T00:00:00+00:00'],
    ],
  },
  {
    name: 'days across the spring DST change (Berlin): 09:00 stays 09:00, the 23-hour day is one day',
    period: 'day',
    zone: 'Europe/Berlin',
    from: '2026-03-29T00:00:00',
    to: '2026-03-31T00:00:00',
    comparison: 'previous',
    expected: [
      ['2026-03-28', '2026-03-28T00:00:00+01:00', '2026-03-29T00:00:00+01:00'],
      ['2026-03-29', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'],
    ],
  },
  {
    name: 'a range that starts mid-week: the clipped week moves back by a week, clipped alike',
    period: 'week',
    zone: 'UTC',
    from: '2026-03-04T12:00:00',
    to: '2026-03-16T00:00:00',
    comparison: 'previous',
    expected: [
      ['2026-W09', '2026-02-25T12:00:00+00:00', '2026-03-02T00:00:00+00:00'],
      ['2026-W10', '2026-03-02T00:00:00+00:00', '2026-03-09T00:00:00+00:00'],
    ],
  },
  {
    name: 'months, previous: March 31 clipped start moves to the last day of February',
    period: 'month',
    zone: 'UTC',
    from: '2026-03-01T00:00:00',
    to: '2026-05-01T00:00:00',
    comparison: 'previous',
    expected: [
      ['2026-02', '2026-02-01T00:00:00+00:00', '2026-03-01T00:00:00+00:00'],
      ['2026-03', '2026-03-01T00:00:00+00:00', '2026-04-01T00:00:00+00:00'],
    ],
  },
  {
    name: 'weeks, year: ISO week N of the previous ISO year (2027-W01 starts 2027-01-04, 2026-W01 on 2025-12-29)',
    period: 'week',
    zone: 'UTC',
    from: '2027-01-04T00:00:00',
    to: '2027-01-18T00:00:00',
    comparison: 'year',
    expected: [
      ['2026-W01', '2025-12-29T00:00:00+00:00', '2026-01-05T00:00:00+00:00'],
      ['2026-W02', '2026-01-05T00:00:00+00:00', '2026-01-12T00:00:00+00:00'],
    ],
  },
  {
    name: 'weeks, year: 2026-W53 has no week 53 in 2025 (none), 2027-W01 is 2026-W01',
    period: 'week',
    zone: 'UTC',
    from: '2026-12-28T00:00:00',
    to: '2027-01-11T00:00:00',
    comparison: 'year',
    expected: [null, ['2026-W01', '2025-12-29T00:00:00+00:00', '2026-01-05T00:00:00+00:00']],
  },
  {
    name: 'days, year: 29 February has no counterpart, 1 March is 1 March',
    period: 'day',
    zone: 'UTC',
    from: '2028-02-29T00:00:00',
    to: '2028-03-02T00:00:00',
    comparison: 'year',
    expected: [null, ['2027-03-01', '2027-03-01T00:00:00+00:00', '2027-03-02T00:00:00+00:00']],
  },
  {
    name: 'quarters, year: the same quarter (across the year boundary)',
    period: 'quarter',
    zone: 'UTC',
    from: '2026-10-01T00:00:00',
    to: '2027-04-01T00:00:00',
    comparison: 'year',
    expected: [
      ['2025-Q4', '2025-10-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00'],
      ['2026-Q1', '2026-01-01T00:00:00+00:00', '2026-04-01T00:00:00+00:00'],
    ],
  },
  {
    name: 'days, year, over a leap day a year earlier: 28 February is 28 February (one day, never two)',
    period: 'day',
    zone: 'UTC',
    from: '2021-02-27T00:00:00',
    to: '2021-03-02T00:00:00',
    comparison: 'year',
    expected: [
      ['2020-02-27', '2020-02-27T00:00:00+00:00', '2020-02-28T00:00:00+00:00'],
      ['2020-02-28', '2020-02-28T00:00:00+00:00', '2020-02-29T00:00:00+00:00'],
      ['2020-03-01', '2020-03-01T00:00:00+00:00', '2020-03-02T00:00:00+00:00'],
    ],
  },
  {
    name: 'a month the range clips to its last three days: the same three days before the end of the month before',
    period: 'month',
    zone: 'UTC',
    from: '2021-03-29T00:00:00',
    to: '2021-04-01T00:00:00',
    comparison: 'previous',
    expected: [['2021-02', '2021-02-26T00:00:00+00:00', '2021-03-01T00:00:00+00:00']],
  },
  {
    name: 'a month clipped at its start: the same length from the start of the month before, within it',
    period: 'month',
    zone: 'UTC',
    from: '2021-03-01T00:00:00',
    to: '2021-03-31T00:00:00',
    comparison: 'previous',
    expected: [['2021-02', '2021-02-01T00:00:00+00:00', '2021-03-01T00:00:00+00:00']],
  },
  {
    name: 'the whole range, previous: the same number of days just before',
    period: 'all',
    zone: 'Europe/Berlin',
    from: '2026-03-23T00:00:00',
    to: '2026-04-06T00:00:00',
    comparison: 'previous',
    expected: [['all', '2026-03-09T00:00:00+01:00', '2026-03-23T00:00:00+01:00']],
  },
];

describe('shiftedGrid: the periods a report compares with', () => {
  it.each(CASES)('$name', ({ period, zone, from, to, comparison, expected }) => {
    const grid = buildPeriodGrid(at(from, zone), at(to, zone), period, zone);
    const shifted = shiftedGrid(grid, comparison);
    expect(shifted.missing).toEqual(expected.map((e) => e === null));
    shifted.slots.forEach((slot, i) => {
      const want = expected[i];
      if (want === null) expect(slot.end - slot.start).toBe(0);
      else expect([slot.label, local(slot.start, zone), local(slot.end, zone)]).toEqual(want);
    });
  });

  it('an instant in a gap between shifted slots is in none; ends never decrease', () => {
    // 2026-W53 → none; 2027-W01 → 2026-W01; an instant in 2025-W52 lies before both.
    const grid = shiftedGrid(buildPeriodGrid(Date.UTC(2026, 11, 28), Date.UTC(2027, 0, 11), 'week', 'UTC'), 'year');
    expect(slotIndexOf(grid, Date.UTC(2025, 11, 30))).toBe(1);
    expect(slotIndexOf(grid, Date.UTC(2025, 11, 20))).toBe(-1);
    expect([...grid.ends]).toEqual([...grid.ends].sort((a, b) => a - b));
    expect(firstSlotEndingAfter(grid, Date.UTC(2025, 11, 20))).toBe(0);
    expect(firstSlotEndingAfter(grid, Date.UTC(2026, 0, 5))).toBe(2);
  });
});

describe('comparedRange: the range the totals compare with', () => {
  it.each([
    ['previous', 'week', '2026-03-02T00:00:00', '2026-03-16T00:00:00', '2026-02-16T00:00:00+00:00', '2026-03-02T00:00:00+00:00'],
    ['previous', 'month', '2026-03-01T00:00:00', '2026-05-01T00:00:00', '2026-01-01T00:00:00+00:00', '2026-03-01T00:00:00+00:00'],
    ['year', 'week', '2026-03-02T00:00:00', '2026-03-16T00:00:00', '2025-03-02T00:00:00+00:00', '2025-03-16T00:00:00+00:00'],
    // not whole periods: the same length just before (14 days, not three weeks)
    ['previous', 'week', '2026-03-18T00:00:00', '2026-04-01T00:00:00', '2026-03-04T00:00:00+00:00', '2026-03-18T00:00:00+00:00'],
    ['previous', 'month', '2021-03-29T00:00:00', '2021-04-01T00:00:00', '2021-03-26T00:00:00+00:00', '2021-03-29T00:00:00+00:00'],
    // a year earlier, of the same length (29 February 2020 is inside)
    ['year', 'day', '2021-02-27T00:00:00', '2021-03-02T00:00:00', '2020-02-27T00:00:00+00:00', '2020-03-01T00:00:00+00:00'],
  ] as const)('%s, by %s, [%s, %s): [%s, %s)', (comparison, period, from, to, previousFrom, previousTo) => {
    const range = { from: at(from, 'UTC'), to: at(to, 'UTC') };
    const previous = comparedRange(range, buildPeriodGrid(range.from, range.to, period, 'UTC'), comparison);
    expect([local(previous.from, 'UTC'), local(previous.to, 'UTC')]).toEqual([previousFrom, previousTo]);
  });
});
