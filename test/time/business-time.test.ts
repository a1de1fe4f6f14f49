import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, businessSeconds, isOpen, ScheduleError, scheduleOf, type Schedule, type ScheduleSpec } from '../../src/time/business-time.js';

/**
 * Business time per local day. Every expectation below is worked out by hand in its comment;
 * 2026-03-06 is a Friday, the DST changes of 2026 are all on Sundays (Rome 29 March and 25 October,
 * New York 8 March and 1 November).
 */

const runs = (n: number): number => n * Number(process.env.PROPERTY_RUNS ?? '1');

const HOUR = 3600;
const ROME = 'Europe/Rome';
const NEW_YORK = 'America/New_York';

/** A local wall time in `zone` → epoch ms ('compatible', as the module reads wall times). */
const at = (wall: string, zone: string): number => Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;
/** Epoch ms → local wall time in `zone`, to the second (`2026-03-07T11:00:00`). */
const local = (ms: number, zone: string): string => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });

const schedule = (timezone: string, hours: ScheduleSpec['hours'], holidays?: string[]): Schedule =>
  scheduleOf({ name: 'test', timezone, hours, ...(holidays === undefined ? {} : { holidays }) });

const OFFICE = (zone: string): Schedule => schedule(zone, { 'mon-fri': '09:00-18:00' });
const OFFICE_AND_SATURDAY = schedule(ROME, { 'mon-fri': '09:00-18:00', sat: '09:00-13:00' });
const DAILY = (zone: string): Schedule => schedule(zone, { 'mon-sun': '09:00-18:00' });
const ALWAYS = (zone: string): Schedule => schedule(zone, { 'mon-sun': '00:00-24:00' });
const HOLIDAYS = schedule(ROME, { 'mon-fri': '09:00-18:00' }, ['2026-04-06', '2026-12-24..2026-12-26']);
const SUNDAY_NIGHT = schedule(ROME, { sun: '22:00-06:00' });
const SPLIT_DAY = schedule(ROME, { 'mon-fri': ['08:00-12:30', '13:30-17:00'] });
const NEVER = schedule(ROME, {});

describe('businessSeconds', () => {
  const CASES: { name: string; schedule: Schedule; zone: string; from: string; to: string; seconds: number }[] = [
    // Friday 17:55–18:00 (5 min) + Monday 09:00–09:05 (5 min) = 10 min.
    { name: 'Friday 17:55 to Monday 09:05, Mon–Fri 09–18', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-06T17:55', to: '2026-03-09T09:05', seconds: 600 },
    // Inside one interval: 10:00–12:30 = 2.5 h.
    { name: 'inside one interval', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-04T10:00', to: '2026-03-04T12:30', seconds: 2.5 * HOUR },
    // Monday 00:00 to the next Monday 00:00: 5 days × 9 h = 45 h.
    { name: 'a whole week', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-02T00:00', to: '2026-03-09T00:00', seconds: 45 * HOUR },
    { name: 'from == to', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-04T10:00', to: '2026-03-04T10:00', seconds: 0 },
    { name: 'to < from', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-04T12:00', to: '2026-03-04T10:00', seconds: 0 },
    // Closed all along: Saturday and Sunday.
    { name: 'a weekend', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-07T00:00', to: '2026-03-09T00:00', seconds: 0 },

    // DST. The change day (a Sunday) with 09:00–18:00 every day: still 09:00 to 18:00, 9 h.
    { name: 'Rome spring change day, 09–18: 9 h', schedule: DAILY(ROME), zone: ROME, from: '2026-03-29T00:00', to: '2026-03-30T00:00', seconds: 9 * HOUR },
    { name: 'Rome autumn change day, 09–18: 9 h', schedule: DAILY(ROME), zone: ROME, from: '2026-10-25T00:00', to: '2026-10-26T00:00', seconds: 9 * HOUR },
    { name: 'New York spring change day, 09–18: 9 h', schedule: DAILY(NEW_YORK), zone: NEW_YORK, from: '2026-03-08T00:00', to: '2026-03-09T00:00', seconds: 9 * HOUR },
    { name: 'New York autumn change day, 09–18: 9 h', schedule: DAILY(NEW_YORK), zone: NEW_YORK, from: '2026-11-01T00:00', to: '2026-11-02T00:00', seconds: 9 * HOUR },
    // Saturday 17:00–18:00 (1 h) + Sunday 09:00–10:00 (1 h) = 2 h, across the change night.
    { name: 'Rome across the spring change night: 2 h', schedule: DAILY(ROME), zone: ROME, from: '2026-03-28T17:00', to: '2026-03-29T10:00', seconds: 2 * HOUR },
    // Saturday + Sunday + Monday, 9 h each = 27 h around the autumn change.
    { name: 'New York three days around the autumn change: 27 h', schedule: DAILY(NEW_YORK), zone: NEW_YORK, from: '2026-10-31T00:00', to: '2026-11-03T00:00', seconds: 27 * HOUR },
    // 00:00–24:00: the change day is as long as it is. Spring: 02:00 → 03:00, 23 h; autumn: 03:00 → 02:00 (Rome) / 02:00 → 01:00 (New York), 25 h.
    { name: 'Rome spring change day, 00–24: 23 h', schedule: ALWAYS(ROME), zone: ROME, from: '2026-03-29T00:00', to: '2026-03-30T00:00', seconds: 23 * HOUR },
    { name: 'Rome autumn change day, 00–24: 25 h', schedule: ALWAYS(ROME), zone: ROME, from: '2026-10-25T00:00', to: '2026-10-26T00:00', seconds: 25 * HOUR },
    { name: 'New York spring change day, 00–24: 23 h', schedule: ALWAYS(NEW_YORK), zone: NEW_YORK, from: '2026-03-08T00:00', to: '2026-03-09T00:00', seconds: 23 * HOUR },
    { name: 'New York autumn change day, 00–24: 25 h', schedule: ALWAYS(NEW_YORK), zone: NEW_YORK, from: '2026-11-01T00:00', to: '2026-11-02T00:00', seconds: 25 * HOUR },
    // Saturday 24 h + Sunday 23 h = 47 h.
    { name: 'Rome spring weekend, 00–24: 47 h', schedule: ALWAYS(ROME), zone: ROME, from: '2026-03-28T00:00', to: '2026-03-30T00:00', seconds: 47 * HOUR },
    // A wall time the zone skips moves forward by the gap ('compatible'): 02:30 on 8 March in New
    // York is 03:30 EDT, so 02:30–04:00 is open from 03:30 to 04:00 = 30 min…
    { name: 'an interval starting in the spring gap: 30 min', schedule: schedule(NEW_YORK, { sun: '02:30-04:00' }), zone: NEW_YORK, from: '2026-03-08T00:00', to: '2026-03-09T00:00', seconds: 1800 },
    // …and 01:00–02:30 runs from 01:00 EST (06:00Z) to 03:30 EDT (07:30Z) = 1.5 h.
    { name: 'an interval ending in the spring gap: 1.5 h', schedule: schedule(NEW_YORK, { sun: '01:00-02:30' }), zone: NEW_YORK, from: '2026-03-08T00:00', to: '2026-03-09T00:00', seconds: 1.5 * HOUR },
    // A repeated wall time is its earlier instant: 01:30–02:00 on 1 November in New York runs
    // from 01:30 EDT (05:30Z) to 02:00 EST (07:00Z) = 1.5 h.
    { name: 'an interval in the repeated autumn hour: 1.5 h', schedule: schedule(NEW_YORK, { sun: '01:30-02:00' }), zone: NEW_YORK, from: '2026-11-01T00:00', to: '2026-11-02T00:00', seconds: 1.5 * HOUR },

    // Holidays: Easter Monday 2026-04-06 closed, so that week has Tue–Fri = 4 × 9 h = 36 h.
    { name: 'a single holiday', schedule: HOLIDAYS, zone: ROME, from: '2026-04-06T00:00', to: '2026-04-11T00:00', seconds: 36 * HOUR },
    // 24–26 December (Thu–Sat) closed: Mon 21, Tue 22, Wed 23 = 27 h.
    { name: 'a range of holidays', schedule: HOLIDAYS, zone: ROME, from: '2026-12-21T00:00', to: '2026-12-28T00:00', seconds: 27 * HOUR },
    // Christmas Day itself, 08:00–20:00: nothing.
    { name: 'inside a holiday range', schedule: HOLIDAYS, zone: ROME, from: '2026-12-25T08:00', to: '2026-12-25T20:00', seconds: 0 },

    // "sun": "22:00-06:00" is Sunday 22:00–24:00 (2 h) and Monday 00:00–06:00 (6 h).
    { name: 'overnight: Saturday to Monday noon = 8 h', schedule: SUNDAY_NIGHT, zone: ROME, from: '2026-03-07T00:00', to: '2026-03-09T12:00', seconds: 8 * HOUR },
    // Sunday 23:00–24:00 + Monday 00:00–01:00 = 2 h.
    { name: 'overnight: across midnight = 2 h', schedule: SUNDAY_NIGHT, zone: ROME, from: '2026-03-08T23:00', to: '2026-03-09T01:00', seconds: 2 * HOUR },
    // Monday 2 March 00:00–06:00 (the end of 1 March's night) + Sunday 8 March 22:00–24:00 = 8 h.
    { name: 'overnight: one calendar week = 8 h', schedule: SUNDAY_NIGHT, zone: ROME, from: '2026-03-02T00:00', to: '2026-03-09T00:00', seconds: 8 * HOUR },
    // The Monday part belongs to Monday: with Monday a holiday only Sunday's 2 h are left.
    { name: 'overnight: the next day a holiday = 2 h', schedule: schedule(ROME, { sun: '22:00-06:00' }, ['2026-03-09']), zone: ROME, from: '2026-03-08T00:00', to: '2026-03-10T00:00', seconds: 2 * HOUR },
    // Saturday night across the Rome spring change: Sat 22–24 (2 h) + Sun 00:00–06:00 without
    // the skipped 02:00–03:00 (5 h) = 7 h.
    { name: 'overnight across the spring change = 7 h', schedule: schedule(ROME, { sat: '22:00-06:00' }), zone: ROME, from: '2026-03-28T00:00', to: '2026-03-30T00:00', seconds: 7 * HOUR },

    // ["08:00-12:30", "13:30-17:00"]: 4.5 h + 3.5 h = 8 h a day.
    { name: 'two intervals: a whole day = 8 h', schedule: SPLIT_DAY, zone: ROME, from: '2026-03-04T00:00', to: '2026-03-05T00:00', seconds: 8 * HOUR },
    // 12:00–12:30 + 13:30–14:00 = 1 h.
    { name: 'two intervals: across the lunch break = 1 h', schedule: SPLIT_DAY, zone: ROME, from: '2026-03-04T12:00', to: '2026-03-04T14:00', seconds: HOUR },
    { name: 'two intervals: the lunch break itself = 0', schedule: SPLIT_DAY, zone: ROME, from: '2026-03-04T12:30', to: '2026-03-04T13:30', seconds: 0 },

    { name: 'never open: a whole year = 0', schedule: NEVER, zone: ROME, from: '2026-01-01T00:00', to: '2027-01-01T00:00', seconds: 0 },
  ];

  it.each(CASES)('$name', ({ schedule: s, zone, from, to, seconds }) => {
    expect(businessSeconds(s, at(from, zone), at(to, zone))).toBe(seconds);
  });

  it('keeps millisecond precision', () => {
    const from = at('2026-03-04T10:00', ROME);
    expect(businessSeconds(OFFICE(ROME), from, from + 1)).toBe(0.001);
  });

  it('rejects an instant that is not finite', () => {
    expect(() => businessSeconds(OFFICE(ROME), Number.NaN, 0)).toThrow(RangeError);
    expect(() => businessSeconds(OFFICE(ROME), 0, Infinity)).toThrow(RangeError);
  });
});

describe('addBusinessSeconds', () => {
  const CASES: { name: string; schedule: Schedule; zone: string; from: string; seconds: number; expected: string }[] = [
    // Friday 16:00–18:00 uses 2 h, Saturday 09:00 + the other 2 h = 11:00 (the example).
    { name: '4 h from Friday 16:00 with Saturday mornings', schedule: OFFICE_AND_SATURDAY, zone: ROME, from: '2026-03-06T16:00', seconds: 4 * HOUR, expected: '2026-03-07T11:00:00' },
    // Without Saturday: Monday 09:00 + 2 h.
    { name: '4 h from Friday 16:00, Mon–Fri', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-06T16:00', seconds: 4 * HOUR, expected: '2026-03-09T11:00:00' },
    // Used up exactly at closing: the earliest such instant, 18:00, not Monday 09:00.
    { name: 'ending exactly at closing', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-06T16:00', seconds: 2 * HOUR, expected: '2026-03-06T18:00:00' },
    { name: '0 seconds is `from`, even when closed', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-07T20:00', seconds: 0, expected: '2026-03-07T20:00:00' },
    // Saturday evening: the clock starts Monday 09:00.
    { name: 'from a closed time', schedule: OFFICE(ROME), zone: ROME, from: '2026-03-07T20:00', seconds: HOUR, expected: '2026-03-09T10:00:00' },
    // Saturday 17:00–18:00 (1 h), Sunday 09:00 + 1 h = 10:00 local, on the far side of the change.
    { name: 'Rome across the spring change', schedule: DAILY(ROME), zone: ROME, from: '2026-03-28T17:00', seconds: 2 * HOUR, expected: '2026-03-29T10:00:00' },
    { name: 'Rome across the autumn change', schedule: DAILY(ROME), zone: ROME, from: '2026-10-24T17:00', seconds: 2 * HOUR, expected: '2026-10-25T10:00:00' },
    { name: 'New York across the spring change', schedule: DAILY(NEW_YORK), zone: NEW_YORK, from: '2026-03-07T17:00', seconds: 2 * HOUR, expected: '2026-03-08T10:00:00' },
    { name: 'New York across the autumn change', schedule: DAILY(NEW_YORK), zone: NEW_YORK, from: '2026-10-31T17:00', seconds: 2 * HOUR, expected: '2026-11-01T10:00:00' },
    // 00:00–24:00: the 23-hour Sunday is used up at Monday 00:00; the 25-hour one reaches 23:00 after 24 h.
    { name: '00–24: 23 h of the spring change day', schedule: ALWAYS(ROME), zone: ROME, from: '2026-03-29T00:00', seconds: 23 * HOUR, expected: '2026-03-30T00:00:00' },
    { name: '00–24: 24 h of the autumn change day', schedule: ALWAYS(ROME), zone: ROME, from: '2026-10-25T00:00', seconds: 24 * HOUR, expected: '2026-10-25T23:00:00' },
    // Wednesday 23 December 17:00–18:00, then 24–26 closed and Sunday 27 closed: Monday 28 09:00 + 1 h.
    { name: 'over a range of holidays', schedule: HOLIDAYS, zone: ROME, from: '2026-12-23T17:00', seconds: 2 * HOUR, expected: '2026-12-28T10:00:00' },
    // Friday 3 April 17:00–18:00, Easter Monday closed: Tuesday 09:00 + 1 h.
    { name: 'over a single holiday', schedule: HOLIDAYS, zone: ROME, from: '2026-04-03T17:00', seconds: 2 * HOUR, expected: '2026-04-07T10:00:00' },
    // Sunday 23:00–24:00 (1 h) + Monday 00:00–02:00.
    { name: 'overnight: through midnight', schedule: SUNDAY_NIGHT, zone: ROME, from: '2026-03-08T23:00', seconds: 3 * HOUR, expected: '2026-03-09T02:00:00' },
    // Monday 07:00: next open Sunday 22:00, + 1 h.
    { name: 'overnight: from after the night', schedule: SUNDAY_NIGHT, zone: ROME, from: '2026-03-09T07:00', seconds: HOUR, expected: '2026-03-15T23:00:00' },
    // 12:00–12:30 (30 min), 13:30 + 30 min = 14:00.
    { name: 'two intervals: over the lunch break', schedule: SPLIT_DAY, zone: ROME, from: '2026-03-04T12:00', seconds: HOUR, expected: '2026-03-04T14:00:00' },
    { name: 'two intervals: used up at the break', schedule: SPLIT_DAY, zone: ROME, from: '2026-03-04T12:00', seconds: 1800, expected: '2026-03-04T12:30:00' },
    // Closed 2026-01-01..2027-12-31 (two years): the first open day is Monday 3 January 2028 (the 1st is a Saturday).
    { name: 'two years of holidays are walked over', schedule: schedule(ROME, { 'mon-fri': '09:00-18:00' }, ['2026-01-01..2027-12-31']), zone: ROME, from: '2026-01-01T00:00', seconds: 1, expected: '2028-01-03T09:00:01' },
  ];

  it.each(CASES)('$name', ({ schedule: s, zone, from, seconds, expected }) => {
    expect(local(addBusinessSeconds(s, at(from, zone), seconds), zone)).toBe(expected);
  });

  it('is Infinity when the schedule is never open', () => {
    expect(addBusinessSeconds(NEVER, at('2026-03-04T10:00', ROME), 1)).toBe(Infinity);
    expect(addBusinessSeconds(NEVER, at('2026-03-04T10:00', ROME), 0)).toBe(at('2026-03-04T10:00', ROME));
  });

  it('gives up with Infinity after three years of days in a row without open time', () => {
    // Closed 2026-01-01..2029-12-31 (four years, 1461 days > 3 × 366): taken as never opening again.
    const closed = schedule(ROME, { 'mon-fri': '09:00-18:00' }, ['2026-01-01..2029-12-31']);
    expect(addBusinessSeconds(closed, at('2026-01-01T00:00', ROME), 1)).toBe(Infinity);
  });

  it('is Infinity for Infinity seconds, and rejects negative or NaN seconds', () => {
    expect(addBusinessSeconds(OFFICE(ROME), 0, Infinity)).toBe(Infinity);
    expect(() => addBusinessSeconds(OFFICE(ROME), 0, -1)).toThrow(RangeError);
    expect(() => addBusinessSeconds(OFFICE(ROME), 0, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessSeconds(OFFICE(ROME), Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('isOpen', () => {
  const CASES: { name: string; schedule: Schedule; zone: string; at: string; open: boolean }[] = [
    { name: 'opening minute', schedule: OFFICE(ROME), zone: ROME, at: '2026-03-09T09:00', open: true },
    { name: 'just before opening', schedule: OFFICE(ROME), zone: ROME, at: '2026-03-09T08:59:59.999', open: false },
    { name: 'just before closing', schedule: OFFICE(ROME), zone: ROME, at: '2026-03-06T17:59:59.999', open: true },
    { name: 'closing time (end excluded)', schedule: OFFICE(ROME), zone: ROME, at: '2026-03-06T18:00', open: false },
    { name: 'Saturday', schedule: OFFICE(ROME), zone: ROME, at: '2026-03-07T12:00', open: false },
    { name: 'a holiday', schedule: HOLIDAYS, zone: ROME, at: '2026-04-06T12:00', open: false },
    { name: 'the day after a holiday', schedule: HOLIDAYS, zone: ROME, at: '2026-04-07T12:00', open: true },
    { name: 'New York spring change day, 09:00', schedule: DAILY(NEW_YORK), zone: NEW_YORK, at: '2026-03-08T09:00', open: true },
    { name: 'New York spring change day, 08:59', schedule: DAILY(NEW_YORK), zone: NEW_YORK, at: '2026-03-08T08:59', open: false },
    { name: 'overnight: Sunday 21:59', schedule: SUNDAY_NIGHT, zone: ROME, at: '2026-03-08T21:59', open: false },
    { name: 'overnight: Sunday 22:00', schedule: SUNDAY_NIGHT, zone: ROME, at: '2026-03-08T22:00', open: true },
    { name: 'overnight: Monday 05:59', schedule: SUNDAY_NIGHT, zone: ROME, at: '2026-03-09T05:59', open: true },
    { name: 'overnight: Monday 06:00', schedule: SUNDAY_NIGHT, zone: ROME, at: '2026-03-09T06:00', open: false },
    { name: 'two intervals: lunch', schedule: SPLIT_DAY, zone: ROME, at: '2026-03-04T13:00', open: false },
    { name: 'two intervals: afternoon', schedule: SPLIT_DAY, zone: ROME, at: '2026-03-04T13:30', open: true },
    { name: 'never open', schedule: NEVER, zone: ROME, at: '2026-03-04T12:00', open: false },
  ];

  it.each(CASES)('$name', ({ schedule: s, zone, at: wall, open }) => {
    expect(isOpen(s, at(wall, zone))).toBe(open);
  });
});

describe('scheduleOf', () => {
  /** intervals by day name, for readable expectations. */
  const byDay = (s: Schedule): Record<string, [number, number][]> =>
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day, i) => [day, s.intervals[i]!.map(([a, b]) => [a, b])]));
  const h = (hh: number, mm = 0): number => hh * 60 + mm;

  const CASES: { name: string; hours: ScheduleSpec['hours']; expected: Record<string, [number, number][]> }[] = [
    {
      name: 'days, ranges and lists',
      hours: { 'mon-fri': '09:00-18:00', sat: '09:00-13:00', sun: ['08:00-12:30', '13:30-17:00'] },
      expected: {
        mon: [[h(9), h(18)]], tue: [[h(9), h(18)]], wed: [[h(9), h(18)]], thu: [[h(9), h(18)]], fri: [[h(9), h(18)]],
        sat: [[h(9), h(13)]], sun: [[h(8), h(12, 30)], [h(13, 30), h(17)]],
      },
    },
    {
      // fri-mon wraps over the weekend: fri, sat, sun, mon; 24:00 is 1440.
      name: 'a wrapping range and 24:00',
      hours: { 'fri-mon': '10:00-24:00' },
      expected: { mon: [[h(10), 1440]], tue: [], wed: [], thu: [], fri: [[h(10), 1440]], sat: [[h(10), 1440]], sun: [[h(10), 1440]] },
    },
    {
      // Sunday 22:00–24:00 and Monday 00:00–06:00.
      name: 'an overnight interval is split at midnight',
      hours: { sun: '22:00-06:00' },
      expected: { mon: [[0, h(6)]], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [[h(22), 1440]] },
    },
    {
      // "18:00-09:00" ends before it starts, so it is overnight: each weekday evening plus the next morning (Friday's into Saturday).
      name: '"18:00-09:00" is overnight',
      hours: { 'mon-fri': '18:00-09:00' },
      expected: {
        mon: [[h(18), 1440]], tue: [[0, h(9)], [h(18), 1440]], wed: [[0, h(9)], [h(18), 1440]], thu: [[0, h(9)], [h(18), 1440]],
        fri: [[0, h(9)], [h(18), 1440]], sat: [[0, h(9)]], sun: [],
      },
    },
    {
      // Ending at 00:00 leaves nothing for the next day.
      name: '"22:00-00:00" is 22:00–24:00',
      hours: { wed: '22:00-00:00' },
      expected: { mon: [], tue: [], wed: [[h(22), 1440]], thu: [], fri: [], sat: [], sun: [] },
    },
    {
      // Monday: 09–12 ∪ 11–14 ∪ 14–15 = 09–15 (touching intervals merge too); the rest keep 09–12.
      name: 'overlapping intervals are merged',
      hours: { 'mon-fri': '09:00-12:00', mon: ['11:00-14:00', '14:00-15:00'] },
      expected: { mon: [[h(9), h(15)]], tue: [[h(9), h(12)]], wed: [[h(9), h(12)]], thu: [[h(9), h(12)]], fri: [[h(9), h(12)]], sat: [], sun: [] },
    },
    {
      // Sunday night 22–06 into Monday, Monday 05–10: Monday 00–10.
      name: 'an overnight part merges with the next day',
      hours: { sun: '22:00-06:00', mon: '05:00-10:00' },
      expected: { mon: [[0, h(10)]], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [[h(22), 1440]] },
    },
    {
      name: 'day names in any case, H:MM',
      hours: { 'Mon-TUE': '9:00-17:30' },
      expected: { mon: [[h(9), h(17, 30)]], tue: [[h(9), h(17, 30)]], wed: [], thu: [], fri: [], sat: [], sun: [] },
    },
  ];

  it.each(CASES)('$name', ({ hours, expected }) => {
    expect(byDay(schedule(ROME, hours))).toEqual(expected);
  });

  it('expands holidays: single dates and inclusive ranges', () => {
    const s = schedule(ROME, {}, ['2026-04-06', '2026-12-24..2026-12-26', '2026-12-31..2027-01-01']);
    expect([...s.holidays].sort()).toEqual(['2026-04-06', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01']);
  });

  it('keeps the name, reads the zone, freezes the result', () => {
    const s = scheduleOf({ name: 'EU support', timezone: 'europe/rome', hours: { mon: '09:00-18:00' } });
    expect(s.name).toBe('EU support');
    expect(s.timezone).toBe('Europe/Rome');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.intervals[0])).toBe(true);
  });

  const ERRORS: { name: string; spec: Partial<ScheduleSpec>; message: string }[] = [
    { name: 'bad day name in a range', spec: { hours: { 'mon-fry': '09:00-18:00' } }, message: 'hours."mon-fry": "fry" is not a day (mon, tue, wed, thu, fri, sat, sun)' },
    { name: 'bad day name', spec: { hours: { funday: '09:00-18:00' } }, message: 'hours."funday": "funday" is not a day' },
    { name: 'a range of three', spec: { hours: { 'mon-tue-wed': '09:00-18:00' } }, message: 'hours."mon-tue-wed": "mon-tue-wed" is not a day or a range of days' },
    { name: 'a one-day range', spec: { hours: { 'mon-mon': '09:00-18:00' } }, message: 'hours."mon-mon": a range of days needs two different days' },
    { name: '"9-18"', spec: { hours: { 'mon-fri': '9-18' } }, message: 'hours."mon-fri": "9-18" is not HH:MM-HH:MM' },
    { name: 'hour 25', spec: { hours: { mon: '09:00-25:00' } }, message: 'hours."mon": "09:00-25:00": 25:00 is not a time of day (00:00 to 24:00)' },
    { name: '24:30', spec: { hours: { mon: '09:00-24:30' } }, message: 'hours."mon": "09:00-24:30": 24:30 is not a time of day' },
    { name: 'minute 60', spec: { hours: { mon: '09:60-10:00' } }, message: 'hours."mon": "09:60-10:00": 09:60 is not a time of day' },
    { name: 'starting at 24:00', spec: { hours: { mon: '24:00-06:00' } }, message: 'hours."mon": "24:00-06:00": 24:00 can only end an interval' },
    { name: 'an empty interval', spec: { hours: { mon: '09:00-09:00' } }, message: 'hours."mon": "09:00-09:00" is empty' },
    { name: 'a bad item of a list', spec: { hours: { sun: ['08:00-12:30', '13:30'] } }, message: 'hours."sun"[1]: "13:30" is not HH:MM-HH:MM' },
    { name: 'not a string', spec: { hours: { mon: 9 as unknown as string } }, message: 'hours."mon": expected "HH:MM-HH:MM" or a list of them, got 9' },
    { name: 'an impossible holiday', spec: { holidays: ['2026-02-30'] }, message: 'holidays[0]: "2026-02-30" is not a date (YYYY-MM-DD)' },
    { name: 'a holiday range backwards', spec: { holidays: ['2026-04-06', '2026-12-26..2026-12-24'] }, message: 'holidays[1]: "2026-12-26..2026-12-24" ends before it starts' },
    { name: 'a holiday range over ten years', spec: { holidays: ['2026-01-01..2040-01-01'] }, message: 'holidays[0]: "2026-01-01..2040-01-01" is longer than 3660 days' },
    { name: 'a holiday in another format', spec: { holidays: ['24/12/2026'] }, message: 'holidays[0]: "24/12/2026" is not a date' },
    { name: 'an unknown zone', spec: { timezone: 'Mars/Olympus' }, message: 'timezone: "Mars/Olympus" is not a time zone' },
  ];

  it.each(ERRORS)('rejects $name', ({ spec, message }) => {
    const full: ScheduleSpec = { name: 'test', timezone: ROME, hours: {}, ...spec };
    expect(() => scheduleOf(full)).toThrow(ScheduleError);
    expect(() => scheduleOf(full)).toThrow(message);
  });
});

describe('properties', () => {
  const ZONES = ['UTC', ROME, NEW_YORK, 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Asia/Kolkata', 'Pacific/Chatham'];
  const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

  /** "HH:MM-HH:MM" on a quarter-hour grid (so that DST gaps at 00:00, 02:00 and 02:30 are hit), overnight allowed. */
  const intervalArb = fc
    .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => `${hhmm(a * 15)}-${hhmm(b * 15)}`);
  const hoursArb = fc.record(Object.fromEntries(DAYS.map((day) => [day, fc.array(intervalArb, { maxLength: 2 })])) as Record<(typeof DAYS)[number], fc.Arbitrary<string[]>>);
  const holidayArb = fc
    .tuple(fc.integer({ min: 0, max: 420 }), fc.integer({ min: 0, max: 4 }))
    .map(([start, length]) => {
      const first = Temporal.PlainDate.from('2025-12-01').add({ days: start });
      return length === 0 ? first.toString() : `${first}..${first.add({ days: length })}`;
    });
  const specArb = fc.record({ timezone: fc.constantFrom(...ZONES), hours: hoursArb, holidays: fc.array(holidayArb, { maxLength: 4 }) });
  /** Instants from December 2025 to February 2027: every DST change of 2026, both hemispheres. */
  const instantArb = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) });
  const ever = (spec: { hours: Record<string, string[]> }): boolean => Object.values(spec.hours).some((list) => list.length > 0);

  it('addBusinessSeconds is the inverse of businessSeconds, and the earliest such instant', () => {
    fc.assert(
      fc.property(specArb, instantArb, fc.integer({ min: 0, max: 3 * 86_400 }), (spec, from, seconds) => {
        const s = scheduleOf({ name: 'p', ...spec });
        const end = addBusinessSeconds(s, from, seconds);
        if (!ever(spec) && seconds > 0) return end === Infinity;
        expect(end).toBeGreaterThanOrEqual(from);
        expect(businessSeconds(s, from, end)).toBe(seconds);
        // The last millisecond before the end was open time, so no earlier instant reaches `seconds`.
        if (seconds > 0) expect(isOpen(s, end - 1)).toBe(true);
        return true;
      }),
      { numRuns: runs(150) },
    );
  });

  it('businessSeconds is additive: [a, c) = [a, b) + [b, c)', () => {
    fc.assert(
      fc.property(specArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (spec, instants) => {
        const s = scheduleOf({ name: 'p', ...spec });
        const [a, b, c] = instants.sort((x, y) => x - y) as [number, number, number];
        // Compared in whole milliseconds: each part is exact there, while a sum of seconds with
        // three decimals is not exact in binary floating point (5270395.212 vs 5270395.211999999).
        const ms = (x: number, y: number): number => Math.round(businessSeconds(s, x, y) * 1000);
        expect(ms(a, c)).toBe(ms(a, b) + ms(b, c));
      }),
      { numRuns: runs(150) },
    );
  });

  it('isOpen agrees with one millisecond of businessSeconds', () => {
    fc.assert(
      fc.property(specArb, instantArb, (spec, t) => {
        const s = scheduleOf({ name: 'p', ...spec });
        expect(isOpen(s, t)).toBe(businessSeconds(s, t, t + 1) === 0.001);
      }),
      { numRuns: runs(200) },
    );
  });

  it('without DST, businessSeconds counts the open wall-clock minutes (a reference written apart)', () => {
    /** Zones without DST and their fixed offsets in minutes. */
    const FIXED: [string, number][] = [['UTC', 0], ['Asia/Kolkata', 330], ['+05:45', 345], ['Etc/GMT+5', -300]];
    const minuteArb = fc.integer({ min: Date.UTC(2025, 11, 1) / 60_000, max: Date.UTC(2027, 1, 1) / 60_000 });
    fc.assert(
      fc.property(fc.constantFrom(...FIXED), hoursArb, fc.array(holidayArb, { maxLength: 4 }), minuteArb, fc.integer({ min: 0, max: 6 * 1440 }), ([zone, offset], hours, holidays, first, count) => {
        const s = scheduleOf({ name: 'p', timezone: zone, hours, holidays });
        const closed = new Set(holidays.flatMap((entry) => {
          const [a, b = a] = entry.split('..') as [string, string?];
          const out: string[] = [];
          for (let d = Temporal.PlainDate.from(a); Temporal.PlainDate.compare(d, Temporal.PlainDate.from(b)) <= 0; d = d.add({ days: 1 })) out.push(d.toString());
          return out;
        }));
        const minutesOf = (text: string): [number, number] => {
          const [start, end] = text.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [number, number];
          return [start, end];
        };
        /** Whether the wall-clock minute `minute` of weekday `day` (0 = Monday) is open, straight from the spec. */
        const openAt = (day: number, minute: number): boolean =>
          (hours[DAYS[day]!] ?? []).some((text) => {
            const [start, end] = minutesOf(text);
            return start < end ? start <= minute && minute < end : start <= minute;
          }) ||
          (hours[DAYS[(day + 6) % 7]!] ?? []).some((text) => {
            const [start, end] = minutesOf(text);
            return start > end && minute < end;
          });
        let open = 0;
        for (let m = first; m < first + count; m++) {
          const wall = new Date((m + offset) * 60_000);
          if (closed.has(wall.toISOString().slice(0, 10))) continue;
          if (openAt((wall.getUTCDay() + 6) % 7, wall.getUTCHours() * 60 + wall.getUTCMinutes())) open += 60;
        }
        expect(businessSeconds(s, first * 60_000, (first + count) * 60_000)).toBe(open);
      }),
      { numRuns: runs(100) },
    );
  });
});
