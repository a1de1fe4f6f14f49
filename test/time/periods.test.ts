import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPeriodGrid,
  endOfPeriodHolding,
  firstSlotEndingAfter,
  isPlainDate,
  PERIODS,
  slotIndexOf,
  startOfDate,
  startOfPeriodHolding,
  type Period,
} from '../../src/time/periods.js';

/**
 * Calendar periods in a time zone (spec, "Periods, time zone and range"): labels `2026-03-02`,
 * `2026-W10` (ISO 8601 weeks, Monday start), `2026-03`, `2026-Q1`, `2026`, `all`; boundaries in
 * --tz; DST days 23 or 25 hours long. Expected values are calendar facts worked out by hand
 * (2026-01-01 is a Thursday, so 2026 has 53 ISO weeks and 2026-W01 starts Monday 2025-12-29).
 */

const ms = (iso: string): number => Date.parse(iso);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const HOUR = 3_600_000;

/** The period holding an instant: its label and [start, end) as UTC ISO strings. */
function periodOf(instant: string, period: Period, zone: string) {
  const at = ms(instant);
  const start = startOfPeriodHolding(at, period, zone);
  const end = endOfPeriodHolding(at, period, zone);
  const grid = buildPeriodGrid(start, end, period, zone);
  expect(grid.slots).toHaveLength(1);
  expect(slotIndexOf(grid, at)).toBe(0);
  return { label: grid.slots[0]!.label, start: iso(start), end: iso(end) };
}

interface LabelCase {
  name: string;
  instant: string;
  period: Period;
  zone?: string;
  expected: { label: string; start: string; end: string };
}

const LABEL_CASES: LabelCase[] = [
  // ISO weeks
  {
    name: 'the spec’s example week: 2026-03-02 is in 2026-W10',
    instant: '2026-03-02T10:00:00Z',
    period: 'week',
    expected: { label: '2026-W10', start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' },
  },
  {
    name: '2026-12-31 (Thursday) is in 2026-W53',
    instant: '2026-12-31T12:00:00Z',
    period: 'week',
    expected: { label: '2026-W53', start: '2026-12-28T00:00:00.000Z', end: '2027-01-04T00:00:00.000Z' },
  },
  {
    name: '2027-01-01 (Friday) is also in 2026-W53',
    instant: '2027-01-01T12:00:00Z',
    period: 'week',
    expected: { label: '2026-W53', start: '2026-12-28T00:00:00.000Z', end: '2027-01-04T00:00:00.000Z' },
  },
  {
    name: '2027-01-04 (Monday) starts 2027-W01',
    instant: '2027-01-04T00:00:00Z',
    period: 'week',
    expected: { label: '2027-W01', start: '2027-01-04T00:00:00.000Z', end: '2027-01-11T00:00:00.000Z' },
  },
  {
    name: '2025-12-29 (Monday) is in 2026-W01',
    instant: '2025-12-29T00:00:00Z',
    period: 'week',
    expected: { label: '2026-W01', start: '2025-12-29T00:00:00.000Z', end: '2026-01-05T00:00:00.000Z' },
  },
  {
    name: '2025-12-28 (Sunday) is in 2025-W52',
    instant: '2025-12-28T23:59:59Z',
    period: 'week',
    expected: { label: '2025-W52', start: '2025-12-22T00:00:00.000Z', end: '2025-12-29T00:00:00.000Z' },
  },
  {
    name: '2024-12-30 (Monday) is in 2025-W01',
    instant: '2024-12-30T10:00:00Z',
    period: 'week',
    expected: { label: '2025-W01', start: '2024-12-30T00:00:00.000Z', end: '2025-01-06T00:00:00.000Z' },
  },
  {
    name: '2021-01-03 (Sunday) is in 2020-W53',
    instant: '2021-01-03T10:00:00Z',
    period: 'week',
    expected: { label: '2020-W53', start: '2020-12-28T00:00:00.000Z', end: '2021-01-04T00:00:00.000Z' },
  },
  {
    name: 'Europe/Berlin: 2027-01-03T23:30Z is Monday 2027-01-04 00:30 CET, 2027-W01',
    instant: '2027-01-03T23:30:00Z',
    period: 'week',
    zone: 'Europe/Berlin',
    expected: { label: '2027-W01', start: '2027-01-03T23:00:00.000Z', end: '2027-01-10T23:00:00.000Z' },
  },
  {
    name: 'America/New_York: 2026-03-09T03:59Z is Sunday 23:59 EDT, still 2026-W10 (which began in EST)',
    instant: '2026-03-09T03:59:00Z',
    period: 'week',
    zone: 'America/New_York',
    expected: { label: '2026-W10', start: '2026-03-02T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' },
  },
  // days
  {
    name: 'day',
    instant: '2026-03-02T10:00:00Z',
    period: 'day',
    expected: { label: '2026-03-02', start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' },
  },
  {
    name: 'day in Europe/Berlin: 2026-12-31T23:30Z is already 2027-01-01',
    instant: '2026-12-31T23:30:00Z',
    period: 'day',
    zone: 'Europe/Berlin',
    expected: { label: '2027-01-01', start: '2026-12-31T23:00:00.000Z', end: '2027-01-01T23:00:00.000Z' },
  },
  {
    name: 'day in Europe/Berlin: 2026-03-29T01:30Z is 03:30 CEST on the 23-hour day',
    instant: '2026-03-29T01:30:00Z',
    period: 'day',
    zone: 'Europe/Berlin',
    expected: { label: '2026-03-29', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
  },
  {
    name: 'day in Europe/Berlin: 2026-03-28T23:30Z is 00:30 CET on 2026-03-29',
    instant: '2026-03-28T23:30:00Z',
    period: 'day',
    zone: 'Europe/Berlin',
    expected: { label: '2026-03-29', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
  },
  {
    name: 'day in America/Santiago: midnight is skipped on 2026-09-06, so the day starts at 01:00 −03',
    instant: '2026-09-06T12:00:00Z',
    period: 'day',
    zone: 'America/Santiago',
    // Sat 09-05 24:00 −04 (= 04:00Z) becomes Sun 01:00 −03; the day ends at 09-07 00:00 −03 = 03:00Z.
    expected: { label: '2026-09-06', start: '2026-09-06T04:00:00.000Z', end: '2026-09-07T03:00:00.000Z' },
  },
  // months, quarters, years
  {
    name: 'month',
    instant: '2026-02-15T10:00:00Z',
    period: 'month',
    expected: { label: '2026-02', start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' },
  },
  {
    name: 'month in Europe/Berlin: 2026-03-31T22:30Z is 04-01 00:30 CEST',
    instant: '2026-03-31T22:30:00Z',
    period: 'month',
    zone: 'Europe/Berlin',
    expected: { label: '2026-04', start: '2026-03-31T22:00:00.000Z', end: '2026-04-30T22:00:00.000Z' },
  },
  {
    name: 'quarter: 03-31 is Q1',
    instant: '2026-03-31T23:59:59Z',
    period: 'quarter',
    expected: { label: '2026-Q1', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
  },
  {
    name: 'quarter: 04-01 is Q2',
    instant: '2026-04-01T00:00:00Z',
    period: 'quarter',
    expected: { label: '2026-Q2', start: '2026-04-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
  },
  {
    name: 'quarter: 09-30 is Q3',
    instant: '2026-09-30T12:00:00Z',
    period: 'quarter',
    expected: { label: '2026-Q3', start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' },
  },
  {
    name: 'quarter: 12-31 is Q4, ending at the new year',
    instant: '2026-12-31T23:59:59Z',
    period: 'quarter',
    expected: { label: '2026-Q4', start: '2026-10-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
  },
  {
    name: 'quarter in Europe/Berlin: 2026-12-31T23:30Z is 2027-Q1',
    instant: '2026-12-31T23:30:00Z',
    period: 'quarter',
    zone: 'Europe/Berlin',
    // 2027-01-01 00:00 CET = 2026-12-31T23:00Z; 2027-04-01 00:00 CEST = 2027-03-31T22:00Z
    expected: { label: '2027-Q1', start: '2026-12-31T23:00:00.000Z', end: '2027-03-31T22:00:00.000Z' },
  },
  {
    name: 'year',
    instant: '2026-06-15T10:00:00Z',
    period: 'year',
    expected: { label: '2026', start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
  },
  {
    name: 'year in Europe/Berlin: 2026-12-31T23:30Z is 2027',
    instant: '2026-12-31T23:30:00Z',
    period: 'year',
    zone: 'Europe/Berlin',
    expected: { label: '2027', start: '2026-12-31T23:00:00.000Z', end: '2027-12-31T23:00:00.000Z' },
  },
  {
    name: 'all: the day holding the instant',
    instant: '2026-03-04T10:00:00Z',
    period: 'all',
    expected: { label: 'all', start: '2026-03-04T00:00:00.000Z', end: '2026-03-05T00:00:00.000Z' },
  },
];

describe('period labels and boundaries', () => {
  it.each(LABEL_CASES)('$name', ({ instant, period, zone, expected }) => {
    expect(periodOf(instant, period, zone ?? 'UTC')).toEqual(expected);
  });

  it('the --period choices', () => {
    expect([...PERIODS]).toEqual(['day', 'week', 'month', 'quarter', 'year', 'all']);
  });
});

describe('DST: periods are as long as they really are', () => {
  it.each([
    { name: 'Berlin, an ordinary day', at: '2026-03-28T12:00:00Z', period: 'day', zone: 'Europe/Berlin', hours: 24 },
    { name: 'Berlin, spring forward 2026-03-29', at: '2026-03-29T12:00:00Z', period: 'day', zone: 'Europe/Berlin', hours: 23 },
    { name: 'Berlin, fall back 2026-10-25', at: '2026-10-25T12:00:00Z', period: 'day', zone: 'Europe/Berlin', hours: 25 },
    { name: 'Berlin, 2026-W13 holds the spring change', at: '2026-03-25T12:00:00Z', period: 'week', zone: 'Europe/Berlin', hours: 167 },
    { name: 'Berlin, 2026-W43 holds the fall change', at: '2026-10-21T12:00:00Z', period: 'week', zone: 'Europe/Berlin', hours: 169 },
    { name: 'Berlin, March 2026', at: '2026-03-15T12:00:00Z', period: 'month', zone: 'Europe/Berlin', hours: 31 * 24 - 1 },
    { name: 'Berlin, October 2026', at: '2026-10-15T12:00:00Z', period: 'month', zone: 'Europe/Berlin', hours: 31 * 24 + 1 },
    { name: 'Berlin, 2026 as a whole', at: '2026-06-15T12:00:00Z', period: 'year', zone: 'Europe/Berlin', hours: 365 * 24 },
    { name: 'New York, 2026-W10 (change on Sunday 03-08)', at: '2026-03-04T12:00:00Z', period: 'week', zone: 'America/New_York', hours: 167 },
    { name: 'New York, 2026-W44 (change on Sunday 11-01)', at: '2026-10-28T12:00:00Z', period: 'week', zone: 'America/New_York', hours: 169 },
    { name: 'Santiago, 2026-09-06 (midnight skipped)', at: '2026-09-06T12:00:00Z', period: 'day', zone: 'America/Santiago', hours: 23 },
  ] satisfies { name: string; at: string; period: Period; zone: string; hours: number }[])('$name: $hours h', ({ at, period, zone, hours }) => {
    const t = ms(at);
    expect((endOfPeriodHolding(t, period, zone) - startOfPeriodHolding(t, period, zone)) / HOUR).toBe(hours);
  });
});

describe('placing instants around DST changes (Europe/Berlin days)', () => {
  const zone = 'Europe/Berlin';

  it.each([
    { at: '2026-03-28T22:59:59.999Z', label: '2026-03-28' }, // Sat 23:59:59.999 CET
    { at: '2026-03-28T23:00:00Z', label: '2026-03-29' }, // Sun 00:00 CET: a period start belongs to it
    { at: '2026-03-28T23:30:00Z', label: '2026-03-29' }, // Sun 00:30 CET
    { at: '2026-03-29T00:59:59.999Z', label: '2026-03-29' }, // 01:59:59.999 CET, just before the jump
    { at: '2026-03-29T01:00:00Z', label: '2026-03-29' }, // 03:00 CEST, just after it
    { at: '2026-03-29T01:30:00Z', label: '2026-03-29' }, // 03:30 CEST
    { at: '2026-03-29T21:59:59.999Z', label: '2026-03-29' }, // 23:59:59.999 CEST
    { at: '2026-03-29T22:00:00Z', label: '2026-03-30' }, // Mon 00:00 CEST
  ])('spring: $at → $label', ({ at, label }) => {
    const grid = buildPeriodGrid(startOfDate('2026-03-28', zone), startOfDate('2026-03-31', zone), 'day', zone);
    expect(grid.slots.map((s) => s.label)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(grid.slots[slotIndexOf(grid, ms(at))]?.label).toBe(label);
  });

  it.each([
    { at: '2026-10-24T21:59:59.999Z', label: '2026-10-24' }, // Sat 23:59:59.999 CEST
    { at: '2026-10-24T22:00:00Z', label: '2026-10-25' }, // Sun 00:00 CEST
    { at: '2026-10-25T00:30:00Z', label: '2026-10-25' }, // 02:30 CEST (first time)
    { at: '2026-10-25T01:30:00Z', label: '2026-10-25' }, // 02:30 CET (second time)
    { at: '2026-10-25T22:59:59.999Z', label: '2026-10-25' }, // 23:59:59.999 CET
    { at: '2026-10-25T23:00:00Z', label: '2026-10-26' }, // Mon 00:00 CET
  ])('fall: $at → $label', ({ at, label }) => {
    const grid = buildPeriodGrid(startOfDate('2026-10-24', zone), startOfDate('2026-10-27', zone), 'day', zone);
    expect(grid.slots.map((s) => s.label)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(grid.slots[slotIndexOf(grid, ms(at))]?.label).toBe(label);
  });
});

describe('buildPeriodGrid', () => {
  it('clips the first and last periods to the range, keeping their labels', () => {
    const grid = buildPeriodGrid(ms('2026-03-04T00:00:00Z'), ms('2026-03-18T12:00:00Z'), 'week', 'UTC');
    expect(grid.slots.map((s) => ({ label: s.label, start: iso(s.start), end: iso(s.end) }))).toEqual([
      { label: '2026-W10', start: '2026-03-04T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' },
      { label: '2026-W11', start: '2026-03-09T00:00:00.000Z', end: '2026-03-16T00:00:00.000Z' },
      { label: '2026-W12', start: '2026-03-16T00:00:00.000Z', end: '2026-03-18T12:00:00.000Z' },
    ]);
    expect(Array.from(grid.boundaries, iso)).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
      '2026-03-18T12:00:00.000Z',
    ]);
  });

  it('a range inside one period gives one clipped slot', () => {
    const grid = buildPeriodGrid(ms('2026-03-04T06:00:00Z'), ms('2026-03-05T18:00:00Z'), 'month', 'UTC');
    expect(grid.slots.map((s) => ({ label: s.label, start: iso(s.start), end: iso(s.end) }))).toEqual([
      { label: '2026-03', start: '2026-03-04T06:00:00.000Z', end: '2026-03-05T18:00:00.000Z' },
    ]);
  });

  it('all: one slot over the whole range', () => {
    const grid = buildPeriodGrid(ms('2026-03-04T06:00:00Z'), ms('2026-05-05T18:00:00Z'), 'all', 'UTC');
    expect(grid.slots.map((s) => ({ label: s.label, start: iso(s.start), end: iso(s.end) }))).toEqual([
      { label: 'all', start: '2026-03-04T06:00:00.000Z', end: '2026-05-05T18:00:00.000Z' },
    ]);
  });

  it('an empty range has no slots and places nothing', () => {
    const at = ms('2026-03-04T00:00:00Z');
    for (const period of PERIODS) {
      const grid = buildPeriodGrid(at, at, period, 'UTC');
      expect(grid.slots).toEqual([]);
      expect(slotIndexOf(grid, at)).toBe(-1);
    }
  });

  it('consecutive slots tile the range without gaps (New York, a year of weeks)', () => {
    const zone = 'America/New_York';
    const from = startOfDate('2025-12-29', zone);
    const to = startOfDate('2027-01-04', zone);
    const grid = buildPeriodGrid(from, to, 'week', zone);
    // 2026 has 53 ISO weeks, from 2025-12-29 to 2027-01-04.
    expect(grid.slots).toHaveLength(53);
    expect(grid.slots[0]!.label).toBe('2026-W01');
    expect(grid.slots[52]!.label).toBe('2026-W53');
    grid.slots.forEach((slot, i) => {
      expect(slot.start).toBe(i === 0 ? from : grid.slots[i - 1]!.end);
    });
    expect(grid.slots[52]!.end).toBe(to);
  });
});

describe('a grid of whole periods', () => {
  it('property: the slot holding an instant starts where the calendar says its period starts (the volume alerts take it from there)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Apia'];
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...PERIODS.filter((p) => p !== 'all')), fc.integer({ min: ms('2010-01-01T00:00:00Z'), max: ms('2030-01-01T00:00:00Z') }), fc.integer({ min: 0, max: 400 * day }), (zone, period, start, length) => {
        const from = startOfPeriodHolding(start, period, zone);
        const to = endOfPeriodHolding(start + length, period, zone);
        const grid = buildPeriodGrid(from, to, period, zone);
        for (const at of [from, start, start + Math.floor(length / 2), start + length, to - 1]) {
          expect(grid.slots[slotIndexOf(grid, at)]!.start).toBe(startOfPeriodHolding(at, period, zone));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('slotIndexOf and firstSlotEndingAfter', () => {
  // W10 [03-02, 03-09), W11 [03-09, 03-16)
  const grid = buildPeriodGrid(ms('2026-03-02T00:00:00Z'), ms('2026-03-16T00:00:00Z'), 'week', 'UTC');

  it.each([
    { at: '2026-03-01T23:59:59.999Z', slot: -1 },
    { at: '2026-03-02T00:00:00Z', slot: 0 },
    { at: '2026-03-08T23:59:59.999Z', slot: 0 },
    { at: '2026-03-09T00:00:00Z', slot: 1 },
    { at: '2026-03-15T23:59:59.999Z', slot: 1 },
    { at: '2026-03-16T00:00:00Z', slot: -1 },
  ])('slotIndexOf($at) = $slot', ({ at, slot }) => {
    expect(slotIndexOf(grid, ms(at))).toBe(slot);
  });

  it('slotIndexOf(NaN) = -1: a missing event is in no period', () => {
    expect(slotIndexOf(grid, Number.NaN)).toBe(-1);
  });

  it.each([
    { at: '2026-02-20T00:00:00Z', slot: 0 }, // before the grid
    { at: '2026-03-02T00:00:00Z', slot: 0 },
    { at: '2026-03-05T00:00:00Z', slot: 0 },
    { at: '2026-03-09T00:00:00Z', slot: 1 }, // W10 ends at 03-09, not after it
    { at: '2026-03-12T00:00:00Z', slot: 1 },
    { at: '2026-03-16T00:00:00Z', slot: 2 }, // at the end: the slot count
    { at: '2026-04-01T00:00:00Z', slot: 2 },
  ])('firstSlotEndingAfter($at) = $slot', ({ at, slot }) => {
    expect(firstSlotEndingAfter(grid, ms(at))).toBe(slot);
  });
});

describe('--from/--to dates', () => {
  it.each([
    { date: '2026-03-02', zone: 'UTC', expected: '2026-03-02T00:00:00.000Z' },
    { date: '2026-03-02', zone: 'Europe/Berlin', expected: '2026-03-01T23:00:00.000Z' },
    { date: '2026-03-30', zone: 'Europe/Berlin', expected: '2026-03-29T22:00:00.000Z' },
    { date: '2026-03-02', zone: 'America/New_York', expected: '2026-03-02T05:00:00.000Z' },
    // Midnight does not exist there that day: the day starts at 01:00 −03.
    { date: '2026-09-06', zone: 'America/Santiago', expected: '2026-09-06T04:00:00.000Z' },
  ])('startOfDate($date, $zone) = $expected', ({ date, zone, expected }) => {
    expect(iso(startOfDate(date, zone))).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10'])('startOfDate rejects the impossible date %s', (date) => {
    expect(() => startOfDate(date, 'UTC')).toThrow();
  });

  it.each([
    { text: '2026-03-02', plain: true },
    { text: '2026-03-02T00:00:00Z', plain: false },
    { text: '2026-3-2', plain: false },
    { text: '20260302', plain: false },
    { text: '', plain: false },
  ])('isPlainDate("$text") = $plain', ({ text, plain }) => {
    expect(isPlainDate(text)).toBe(plain);
  });
});
