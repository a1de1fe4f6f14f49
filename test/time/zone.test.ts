import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { formatInstant, instantFormatter, utcMillis, validateTimeZone, wallText, wallTimeReader, weekHourReader, type WallTime } from '../../src/time/zone.js';
import { wallTimes } from '../helpers/wall-times.js';

/**
 * Reading wall-clock times in a zone (timestamps without an offset, spec "Input": read in
 * --input-tz). A time in the spring-forward gap moves forward by the gap; a time repeated at the
 * fall-back takes the earlier instant (Temporal's and RFC 5545's "compatible" rule). The reader
 * caches offsets per wall-clock hour; the cache must never change an answer.
 */

const ms = (iso: string): number => Date.parse(iso);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** `2026-03-29 02:30` or `2026-03-29 02:30:15.250` as a WallTime. */
function wall(text: string): WallTime {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (m === null) throw new Error(`bad wall time in test: ${text}`);
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: Number(m[7] ?? 0),
  };
}

interface WallCase {
  name: string;
  zone: string;
  wall: string;
  expected: string;
}

const WALL_CASES: WallCase[] = [
  { name: 'UTC is plain arithmetic', zone: 'UTC', wall: '2026-03-29 02:30', expected: '2026-03-29T02:30:00.000Z' },
  { name: 'Berlin winter (CET, +01:00)', zone: 'Europe/Berlin', wall: '2026-01-15 12:00', expected: '2026-01-15T11:00:00.000Z' },
  { name: 'Berlin summer (CEST, +02:00)', zone: 'Europe/Berlin', wall: '2026-07-15 12:00', expected: '2026-07-15T10:00:00.000Z' },
  // Spring forward, 2026-03-29: 02:00 CET (01:00Z) becomes 03:00 CEST; 02:00–02:59 do not exist.
  { name: 'Berlin, last instant before the gap', zone: 'Europe/Berlin', wall: '2026-03-29 01:59:59.999', expected: '2026-03-29T00:59:59.999Z' },
  { name: 'Berlin, start of the gap moves forward to 03:00 CEST', zone: 'Europe/Berlin', wall: '2026-03-29 02:00', expected: '2026-03-29T01:00:00.000Z' },
  { name: 'Berlin, 02:30 in the gap moves forward to 03:30 CEST', zone: 'Europe/Berlin', wall: '2026-03-29 02:30', expected: '2026-03-29T01:30:00.000Z' },
  { name: 'Berlin, end of the gap', zone: 'Europe/Berlin', wall: '2026-03-29 02:59:59.999', expected: '2026-03-29T01:59:59.999Z' },
  { name: 'Berlin, 03:00 CEST just after the gap', zone: 'Europe/Berlin', wall: '2026-03-29 03:00', expected: '2026-03-29T01:00:00.000Z' },
  { name: 'Berlin, 03:30 CEST', zone: 'Europe/Berlin', wall: '2026-03-29 03:30', expected: '2026-03-29T01:30:00.000Z' },
  // Fall back, 2026-10-25: 03:00 CEST (01:00Z) becomes 02:00 CET; 02:00–02:59 happen twice.
  { name: 'Berlin, 01:59 CEST before the fold', zone: 'Europe/Berlin', wall: '2026-10-25 01:59', expected: '2026-10-24T23:59:00.000Z' },
  { name: 'Berlin, 02:00 twice: the earlier (CEST)', zone: 'Europe/Berlin', wall: '2026-10-25 02:00', expected: '2026-10-25T00:00:00.000Z' },
  { name: 'Berlin, 02:30 twice: the earlier (CEST)', zone: 'Europe/Berlin', wall: '2026-10-25 02:30', expected: '2026-10-25T00:30:00.000Z' },
  { name: 'Berlin, 02:59:59.999 twice: the earlier (CEST)', zone: 'Europe/Berlin', wall: '2026-10-25 02:59:59.999', expected: '2026-10-25T00:59:59.999Z' },
  { name: 'Berlin, 03:00 after the fold (CET)', zone: 'Europe/Berlin', wall: '2026-10-25 03:00', expected: '2026-10-25T02:00:00.000Z' },
  // New York: spring forward 2026-03-08 02:00 EST → 03:00 EDT; fall back 2026-11-01 02:00 EDT → 01:00 EST.
  { name: 'New York, 02:30 in the gap → 03:30 EDT', zone: 'America/New_York', wall: '2026-03-08 02:30', expected: '2026-03-08T07:30:00.000Z' },
  { name: 'New York, 01:30 twice → the earlier (EDT)', zone: 'America/New_York', wall: '2026-11-01 01:30', expected: '2026-11-01T05:30:00.000Z' },
  // Lord Howe shifts by 30 minutes: spring 2026-10-04 02:00 +10:30 → 02:30 +11:00; fall 2026-04-05 02:00 +11:00 → 01:30 +10:30.
  { name: 'Lord Howe, 02:15 in the half-hour gap → 02:45 +11:00', zone: 'Australia/Lord_Howe', wall: '2026-10-04 02:15', expected: '2026-10-03T15:45:00.000Z' },
  { name: 'Lord Howe, 02:45 after the gap (+11:00), same wall hour', zone: 'Australia/Lord_Howe', wall: '2026-10-04 02:45', expected: '2026-10-03T15:45:00.000Z' },
  { name: 'Lord Howe, 01:15 before the gap (+10:30)', zone: 'Australia/Lord_Howe', wall: '2026-10-04 01:15', expected: '2026-10-03T14:45:00.000Z' },
  { name: 'Lord Howe, 01:45 twice → the earlier (+11:00)', zone: 'Australia/Lord_Howe', wall: '2026-04-05 01:45', expected: '2026-04-04T14:45:00.000Z' },
  { name: 'Lord Howe, 01:15 once (+11:00), same wall hour as the fold', zone: 'Australia/Lord_Howe', wall: '2026-04-05 01:15', expected: '2026-04-04T14:15:00.000Z' },
  { name: 'fixed offset +05:30', zone: '+05:30', wall: '2026-03-02 10:00', expected: '2026-03-02T04:30:00.000Z' },
  { name: 'Kolkata (+05:30, no DST)', zone: 'Asia/Kolkata', wall: '2026-03-02 10:00', expected: '2026-03-02T04:30:00.000Z' },
];

describe('wallTimeReader', () => {
  it.each(WALL_CASES)('$name: $wall → $expected', ({ zone, wall: text, expected }) => {
    expect(iso(wallTimeReader(zone)(wall(text)))).toBe(expected);
  });

  it('gives the same answers from a warm cache, in any order', () => {
    // One reader per zone, each case read three times, forwards and backwards, so that every
    // hour is answered once fresh and then from whatever the earlier reads cached.
    const readers = new Map<string, (w: WallTime) => number>();
    const readerOf = (zone: string) => readers.get(zone) ?? readers.set(zone, wallTimeReader(zone)).get(zone)!;
    for (const order of [WALL_CASES, [...WALL_CASES].reverse(), WALL_CASES]) {
      for (const { zone, wall: text, expected } of order) {
        expect(iso(readerOf(zone)(wall(text))), `${zone} ${text}`).toBe(expected);
      }
    }
  });
});

/** The oracle: Temporal itself, with the "compatible" disambiguation. */
function temporalInstant(w: WallTime, zone: string): number {
  return Temporal.PlainDateTime.from(w).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'America/Havana',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Africa/Casablanca',
  'UTC',
];

/** Wall times near each DST change of 2025–2027 in `zone` (±3 h), where the cache is most at risk. */
function wallTimesNearTransitions(zone: string): WallTime[] {
  const result: WallTime[] = [];
  let at = Temporal.ZonedDateTime.from({ year: 2025, month: 1, day: 1, timeZone: zone });
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (next === null || next.year > 2027) break;
    for (let minutes = -180; minutes <= 180; minutes += 7) {
      // Both sides of the transition, in the wall clock of either offset.
      for (const side of [next.subtract({ nanoseconds: 1 }), next]) {
        const local = side.toPlainDateTime().add({ minutes });
        result.push({
          year: local.year,
          month: local.month,
          day: local.day,
          hour: local.hour,
          minute: local.minute,
          second: local.second,
          millisecond: local.millisecond,
        });
      }
    }
    at = next;
  }
  return result;
}

describe('wallTimeReader agrees with Temporal', () => {
  it.each(ZONES)('%s: every wall time near a DST change, fresh and cached', (zone) => {
    const cached = wallTimeReader(zone);
    const times = wallTimesNearTransitions(zone);
    if (zone !== 'UTC' && zone !== 'Asia/Kolkata') expect(times.length).toBeGreaterThan(0);
    for (const pass of [1, 2]) {
      for (const w of times) {
        const expected = temporalInstant(w, zone);
        expect(cached(w), `${zone} pass ${pass} ${JSON.stringify(w)}`).toBe(expected);
        expect(wallTimeReader(zone)(w), `${zone} fresh ${JSON.stringify(w)}`).toBe(expected);
      }
    }
  });

  it('random wall times in random zones, one long-lived reader per zone and a fresh one per time', () => {
    const readers = new Map(ZONES.map((zone) => [zone, wallTimeReader(zone)]));
    const wallTime = wallTimes();
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), wallTime, (zone, w) => {
        const expected = temporalInstant(w, zone);
        return readers.get(zone)!(w) === expected && wallTimeReader(zone)(w) === expected;
      }),
      { seed: 20260302, numRuns: 5000 },
    );
  });

  it('random times within a few hours (so most hours come from the cache)', () => {
    const readers = new Map(ZONES.map((zone) => [zone, wallTimeReader(zone)]));
    // Around the Berlin, New York and Lord Howe changes of 2026, minute by minute at random.
    const around = [
      { year: 2026, month: 3, day: 29 },
      { year: 2026, month: 10, day: 25 },
      { year: 2026, month: 3, day: 8 },
      { year: 2026, month: 11, day: 1 },
      { year: 2026, month: 10, day: 4 },
      { year: 2026, month: 4, day: 5 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...around),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, date, hour, minute, second) => {
          const w = { ...date, hour, minute, second, millisecond: 0 };
          return readers.get(zone)!(w) === temporalInstant(w, zone);
        },
      ),
      { seed: 42, numRuns: 5000 },
    );
  });
});

describe('utcMillis', () => {
  it('reads the wall time as UTC', () => {
    expect(utcMillis(wall('2026-03-02 09:15:30.250'))).toBe(ms('2026-03-02T09:15:30.250Z'));
  });

  it('does not shift years 0–99 to 19xx', () => {
    expect(utcMillis(wall('0050-06-15 12:00'))).toBe(ms('0050-06-15T12:00:00Z'));
    expect(utcMillis(wall('0000-01-01 00:00'))).toBe(ms('0000-01-01T00:00:00Z'));
  });

  it('property: what Date.UTC computes, days, hours and minutes past their range carried over, past the range of a Date NaN', () => {
    fc.assert(
      fc.property(
        wallTimes({
          year: [90, 10_050],
          month: [0, 13],
          day: fc.oneof(fc.integer({ min: -40, max: 70 }), fc.integer({ min: -1e9, max: 1e9 })),
          hour: [-30, 50],
          minute: [-70, 130],
          second: [-70, 130],
          millisecond: [-1500, 1500],
        }),
        (w) => {
          const expected = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
          if (w.year >= 100) expect(utcMillis(w)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('validateTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', '+02:00'])('accepts %s', (zone) => {
    expect(validateTimeZone(zone, '--tz')).toBe(zone);
  });

  it.each(['Mars/Olympus_Mons', 'CET+', '', 'Europe/Berlinn'])('rejects "%s" with a usage error naming the flag', (zone) => {
    expect(() => validateTimeZone(zone, '--tz')).toThrow(UsageError);
    expect(() => validateTimeZone(zone, '--tz')).toThrow(/--tz/);
  });
});

describe('formatInstant', () => {
  it.each([
    { at: '2026-03-02T00:00:00Z', zone: 'UTC', expected: '2026-03-02T00:00:00+00:00' },
    { at: '2026-03-01T23:00:00Z', zone: 'Europe/Berlin', expected: '2026-03-02T00:00:00+01:00' },
    { at: '2026-03-29T01:30:00Z', zone: 'Europe/Berlin', expected: '2026-03-29T03:30:00+02:00' },
    { at: '2026-10-25T00:30:00Z', zone: 'Europe/Berlin', expected: '2026-10-25T02:30:00+02:00' },
    { at: '2026-10-25T01:30:00Z', zone: 'Europe/Berlin', expected: '2026-10-25T02:30:00+01:00' },
    { at: '2026-03-09T04:00:00Z', zone: 'America/New_York', expected: '2026-03-09T00:00:00-04:00' },
  ])('$at in $zone is $expected', ({ at, zone, expected }) => {
    expect(formatInstant(ms(at), zone)).toBe(expected);
  });
});

describe('instantFormatter and weekHourReader: the zone rules asked once an hour', () => {
  // Zones with summer time, half- and quarter-hour offsets, a half-hour summer shift (Lord Howe),
  // an offset in seconds until 1972 (Monrovia, -00:44:30), fixed offsets, and UTC.
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Monrovia', 'America/St_Johns', 'Pacific/Chatham', '+05:30', '-03:00'];
  const instant = fc.oneof(
    fc.integer({ min: 0, max: Date.UTC(2199, 11, 31) }),
    // Around the changes of offset in 2026 (and Monrovia's in 1972), to the millisecond.
    fc.constantFrom(Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 5, 15), Date.UTC(1972, 0, 7, 0, 44, 30)).chain((at) => fc.integer({ min: at - 7_200_000, max: at + 7_200_000 })),
  );

  it('property: instantFormatter writes every instant as formatInstant does, in any zone (milliseconds, the years of tickets, the hours offsets change)', () => {
    const formatters = new Map(zones.map((zone) => [zone, instantFormatter(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (zone, at) => {
        expect(formatters.get(zone)!(at)).toBe(formatInstant(at, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it("property: weekHourReader gives each instant's local ISO weekday and hour, as Temporal does, in any zone", () => {
    const readers = new Map(zones.map((zone) => [zone, weekHourReader(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (zone, at) => {
        const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
        expect(readers.get(zone)!(at)).toBe((local.dayOfWeek - 1) * 24 + local.hour);
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes milliseconds only as far as they go, as Temporal does', () => {
    const format = instantFormatter('Europe/Berlin');
    expect([0, 500, 120, 7, 999].map((ms) => format(Date.UTC(2026, 0, 5, 9, 15, 0, ms)))).toEqual([
      '2026-01-05T10:15:00+01:00',
      '2026-01-05T10:15:00.5+01:00',
      '2026-01-05T10:15:00.12+01:00',
      '2026-01-05T10:15:00.007+01:00',
      '2026-01-05T10:15:00.999+01:00',
    ]);
  });
});

describe('wallText: the date made once a day, the time by arithmetic', () => {
  /** What it wrote with a Date for every instant. */
  const byDate = (local: number): string => {
    const text = new Date(local).toISOString();
    const ms = ((local % 1000) + 1000) % 1000;
    return ms === 0 ? text.slice(0, 19) : `${text.slice(0, 19)}.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
  };

  it('property: the same text as the Date, for instants of any year it reads and near day boundaries, in any order', () => {
    const instant = fc.oneof(
      fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }),
      fc.integer({ min: 0, max: 2_932_896 }).chain((day) => fc.integer({ min: -2, max: 2 }).map((d) => day * 86_400_000 + d)),
      fc.integer({ min: 1_772_000_000_000, max: 1_775_000_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const local of instants) expect(wallText(local)).toBe(byDate(local));
      }),
      { numRuns: 3000 },
    );
    for (const local of [0, 86_399_999, 86_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, 1.5]) expect(wallText(local)).toBe(byDate(local));
  });
});
