import { describe, expect, it } from 'vitest';
import { ingest, type TicketInput } from '../helpers/build.js';
import { eventSpan, resolveRange } from '../../src/engine/range.js';
import type { TicketField } from '../../src/schema/fields.js';
import { buildPeriodGrid, endOfPeriodHolding, periodCount, startOfPeriodHolding, type Period } from '../../src/time/periods.js';
import { InputError } from '../../src/errors.js';

/**
 * The report's range (spec, "Periods, time zone and range"): without --from/--to, from the start of
 * the period holding the earliest event (created_at, first_response_at or resolved_at) to the end
 * of the period holding the latest (for `all`: start of the earliest day to the end of the latest).
 */

const ms = (iso: string): number => Date.parse(iso);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

describe('eventSpan', () => {
  const spanOf = (records: TicketInput[], presentFields: TicketField[] = []) => {
    const span = eventSpan(ingest(records, { presentFields }).store);
    return span === null ? null : { earliest: iso(span.earliest), latest: iso(span.latest) };
  };

  it('is null when there are no tickets', () => {
    expect(spanOf([], ['id', 'created_at'])).toBeNull();
  });

  it.each([
    {
      name: 'created_at only',
      records: [
        { id: 'a', created_at: '2026-03-05T10:00:00Z' },
        { id: 'b', created_at: '2026-03-03T10:00:00Z' },
      ],
      expected: { earliest: '2026-03-03T10:00:00.000Z', latest: '2026-03-05T10:00:00.000Z' },
    },
    {
      name: 'a first response is an event',
      records: [{ id: 'a', created_at: '2026-03-03T10:00:00Z', first_response_at: '2026-03-10T10:00:00Z' }],
      expected: { earliest: '2026-03-03T10:00:00.000Z', latest: '2026-03-10T10:00:00.000Z' },
    },
    {
      name: 'resolved_at is an event: solved_at when set (a later closed_at is not an event)',
      records: [
        {
          id: 'a',
          created_at: '2026-03-03T10:00:00Z',
          solved_at: '2026-03-04T10:00:00Z',
          closed_at: '2026-03-20T10:00:00Z',
        },
      ],
      expected: { earliest: '2026-03-03T10:00:00.000Z', latest: '2026-03-04T10:00:00.000Z' },
    },
    {
      name: 'resolved_at is closed_at when solved_at is blank',
      records: [{ id: 'a', created_at: '2026-03-03T10:00:00Z', closed_at: '2026-03-20T10:00:00Z' }],
      expected: { earliest: '2026-03-03T10:00:00.000Z', latest: '2026-03-20T10:00:00.000Z' },
    },
    {
      name: 'updated_at is not an event',
      records: [{ id: 'a', created_at: '2026-03-03T10:00:00Z', updated_at: '2026-04-20T10:00:00Z' }],
      expected: { earliest: '2026-03-03T10:00:00.000Z', latest: '2026-03-03T10:00:00.000Z' },
    },
    {
      name: 'a duplicate that lost contributes no events',
      records: [
        { id: 'a', created_at: '2026-03-03T10:00:00Z', solved_at: '2026-03-30T10:00:00Z' },
        { id: 'a', created_at: '2026-03-04T10:00:00Z' },
      ],
      expected: { earliest: '2026-03-04T10:00:00.000Z', latest: '2026-03-04T10:00:00.000Z' },
    },
  ])('$name', ({ records, expected }) => {
    expect(spanOf(records)).toEqual(expected);
  });
});

interface RangeCase {
  name: string;
  span: { earliest: string; latest: string };
  period: Period;
  zone?: string;
  given?: { from?: string; to?: string };
  expected: { from: string; to: string };
}

const RANGE_CASES: RangeCase[] = [
  // 2026-03-04 is a Wednesday of W10 [03-02, 03-09); 2026-03-18 a Wednesday of W12 [03-16, 03-23).
  {
    name: 'week: Monday of the earliest week to Monday after the latest',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'week',
    expected: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-23T00:00:00.000Z' },
  },
  {
    name: 'day',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'day',
    expected: { from: '2026-03-04T00:00:00.000Z', to: '2026-03-19T00:00:00.000Z' },
  },
  {
    name: 'month',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'month',
    expected: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
  },
  {
    name: 'quarter',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-04-18T10:00:00Z' },
    period: 'quarter',
    expected: { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
  },
  {
    name: 'year',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'year',
    expected: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
  },
  {
    name: 'all: start of the earliest day to the end of the latest day',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'all',
    expected: { from: '2026-03-04T00:00:00.000Z', to: '2026-03-19T00:00:00.000Z' },
  },
  {
    name: 'the latest event exactly at a period start: that period is in the range',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-16T00:00:00Z' },
    period: 'week',
    expected: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-23T00:00:00.000Z' },
  },
  {
    name: 'the earliest event exactly at a period start: the range starts there',
    span: { earliest: '2026-03-09T00:00:00Z', latest: '2026-03-10T00:00:00Z' },
    period: 'week',
    expected: { from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' },
  },
  {
    name: 'Europe/Berlin: Sunday 23:30 UTC is Monday 00:30 local, so the range starts that Monday',
    span: { earliest: '2026-03-08T23:30:00Z', latest: '2026-03-10T10:00:00Z' },
    period: 'week',
    zone: 'Europe/Berlin',
    // Monday 2026-03-09 00:00 CET = 03-08T23:00Z; next Monday 03-16 00:00 CET = 03-15T23:00Z
    expected: { from: '2026-03-08T23:00:00.000Z', to: '2026-03-15T23:00:00.000Z' },
  },
  {
    name: 'America/New_York month across the DST change: EST start, EDT end',
    span: { earliest: '2026-03-01T05:00:00Z', latest: '2026-03-31T12:00:00Z' },
    period: 'month',
    zone: 'America/New_York',
    // 03-01 00:00 EST (UTC−5) = 05:00Z; 04-01 00:00 EDT (UTC−4) = 04:00Z
    expected: { from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' },
  },
  {
    name: 'given --from and --to are kept as they are, even inside periods',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'week',
    given: { from: '2026-03-05T12:00:00Z', to: '2026-03-11T06:00:00Z' },
    expected: { from: '2026-03-05T12:00:00.000Z', to: '2026-03-11T06:00:00.000Z' },
  },
  {
    name: 'given --from only: the end comes from the latest event',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'week',
    given: { from: '2026-03-10T00:00:00Z' },
    expected: { from: '2026-03-10T00:00:00.000Z', to: '2026-03-23T00:00:00.000Z' },
  },
  {
    name: 'given --to only: the start comes from the earliest event',
    span: { earliest: '2026-03-04T10:00:00Z', latest: '2026-03-18T10:00:00Z' },
    period: 'week',
    given: { to: '2026-03-12T00:00:00Z' },
    expected: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z' },
  },
  {
    name: 'given --to before all the data: the range is the period before --to',
    span: { earliest: '2026-03-20T10:00:00Z', latest: '2026-03-25T10:00:00Z' },
    period: 'week',
    given: { to: '2026-03-09T00:00:00Z' },
    expected: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
  },
  {
    name: 'given --from after all the data: the range runs to the end of the period holding --from',
    span: { earliest: '2026-03-02T10:00:00Z', latest: '2026-03-03T10:00:00Z' },
    period: 'week',
    given: { from: '2026-03-10T00:00:00Z' },
    expected: { from: '2026-03-10T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' },
  },
];

describe('resolveRange', () => {
  it.each(RANGE_CASES)('$name', ({ span, period, zone, given, expected }) => {
    const range = resolveRange(
      { earliest: ms(span.earliest), latest: ms(span.latest) },
      period,
      zone ?? 'UTC',
      { from: given?.from === undefined ? undefined : ms(given.from), to: given?.to === undefined ? undefined : ms(given.to) },
    );
    expect({ from: iso(range.from), to: iso(range.to) }).toEqual(expected);
  });
});

describe('a range found from the data holds at most MAX_DATA_RANGE_PERIODS periods', () => {
  const span = (earliest: string, latest: string) => ({
    earliest: ms(earliest),
    latest: ms(latest),
    earliestEvent: { slot: 0, event: 'created' as const },
    latestEvent: { slot: 1, event: 'resolved' as const },
  });
  const names = (slot: number): string => ['ticket A in a.csv', 'ticket B in b.csv'][slot]!;

  it.each([
    { period: 'day' as Period, latest: '2039-09-11T00:00:00Z', fits: true }, // 13.7 years: 4,992 days
    { period: 'day' as Period, latest: '2040-01-01T00:00:00Z', fits: false },
    { period: 'week' as Period, latest: '2121-12-20T00:00:00Z', fits: true }, // 5,000 weeks exactly
    { period: 'week' as Period, latest: '2126-03-03T00:00:00Z', fits: false },
    { period: 'month' as Period, latest: '2199-12-31T00:00:00Z', fits: true },
    { period: 'all' as Period, latest: '2199-12-31T00:00:00Z', fits: true },
  ])('$period to $latest: within the limit is $fits', ({ period, latest, fits }) => {
    const resolve = () => resolveRange(span('2026-03-02T09:00:00Z', latest), period, 'UTC', {}, names);
    if (fits) expect(resolve).not.toThrow();
    else expect(resolve).toThrow(InputError);
  });

  it('the message names both ends of the data, their tickets and events, and the way out', () => {
    expect(() => resolveRange(span('2026-03-02T09:00:00Z', '2126-03-03T10:00:00Z'), 'week', 'UTC', {}, names)).toThrow(
      'the data runs from 2026-03-02 (ticket A in a.csv, created) to 2126-03-03 (ticket B in b.csv, resolved): 5,218 weeks, more than the 5,000 a range found from the data may hold; ' +
        'a date that far off is often a typo or a placeholder for "never": correct that record, or give --from and --to',
    );
  });

  it('a range the user gives is theirs: --from and --to are not limited', () => {
    const range = resolveRange(span('2026-03-02T09:00:00Z', '2126-03-03T10:00:00Z'), 'day', 'UTC', { from: ms('2000-01-01T00:00:00Z'), to: ms('2100-01-01T00:00:00Z') });
    expect(iso(range.from)).toBe('2000-01-01T00:00:00.000Z');
  });

  it('one given bound far from the data is what the user asked for: --from 1990 on four days of data runs', () => {
    const fourDays = span('2026-03-02T09:00:00Z', '2026-03-05T10:00:00Z');
    expect(iso(resolveRange(fourDays, 'day', 'UTC', { from: ms('1990-01-01T00:00:00Z') }).from)).toBe('1990-01-01T00:00:00.000Z');
    expect(iso(resolveRange(fourDays, 'day', 'UTC', { to: ms('2040-01-01T00:00:00Z') }).to)).toBe('2040-01-01T00:00:00.000Z');
  });

  it('with one bound given, a far-off date in the data is still refused, counted from where the data starts', () => {
    const farOff = span('2026-03-02T09:00:00Z', '2126-03-03T10:00:00Z');
    expect(() => resolveRange(farOff, 'week', 'UTC', { from: ms('2026-01-01T00:00:00Z') }, names)).toThrow(/: 5,218 weeks, more than the 5,000/);
    const early = span('1926-03-02T09:00:00Z', '2026-03-03T10:00:00Z');
    expect(() => resolveRange(early, 'week', 'UTC', { to: ms('2026-06-01T00:00:00Z') }, names)).toThrow(/^the data runs from 1926-03-02 .*: 5,219 weeks/);
    // Cut at the given bound: data beyond --to does not count.
    expect(() => resolveRange(farOff, 'week', 'UTC', { to: ms('2026-06-01T00:00:00Z') }, names)).not.toThrow();
  });

  it('periodCount agrees with the grid it stands for, in a zone with DST', () => {
    for (const period of ['day', 'week', 'month', 'quarter', 'year', 'all'] as Period[]) {
      for (const [from, to] of [
        ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'],
        ['2025-12-30T23:30:00Z', '2027-04-01T00:00:00Z'],
        ['2026-03-29T00:30:00Z', '2026-11-02T12:00:00Z'],
      ] as const) {
        const start = startOfPeriodHolding(ms(from), period, 'Europe/Berlin');
        const end = endOfPeriodHolding(ms(to), period, 'Europe/Berlin');
        expect(periodCount(start, end, period, 'Europe/Berlin'), `${period} ${from} ${to}`).toBe(buildPeriodGrid(start, end, period, 'Europe/Berlin').slots.length);
      }
    }
  });
});
