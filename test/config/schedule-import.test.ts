import { readFileSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { importSchedules, railsZoneToIana, RAILS_TIME_ZONES, ScheduleImportError, type ScheduleSource } from '../../src/config/schedule-import.js';
import { businessSeconds, scheduleOf, type ScheduleSpec } from '../../src/time/business-time.js';

/**
 * importSchedules: vendor business-hours JSON (Zendesk schedules, Freshdesk business hours, Intercom
 * office hours schedules) → the config form of a schedule. Fixtures: test/fixtures/schedules/ (see
 * its README for what each follows).
 */

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/schedules/${name}`, import.meta.url), 'utf8')) as unknown;

const FIXTURES: Record<ScheduleSource, string> = {
  zendesk: 'zendesk-schedules.json',
  freshdesk: 'freshdesk-business-hours.json',
  intercom: 'intercom-office-hours.json',
};

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The ScheduleImportError message importSchedules throws for `json`. */
function errorOf(json: unknown, source?: ScheduleSource): string {
  try {
    importSchedules(json, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleImportError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(json)}`);
}

/** The hours of the only schedule `json` converts to. */
const hoursOf = (json: unknown, source?: ScheduleSource): ScheduleSpec['hours'] => {
  const { schedules } = importSchedules(json, source);
  expect(schedules).toHaveLength(1);
  return schedules[0]!.hours;
};

const zendesk = (intervals: [number, number][], extra: Record<string, unknown> = {}): unknown => ({
  schedule: { id: 1, name: 'Test', time_zone: 'UTC', intervals: intervals.map(([start_time, end_time]) => ({ start_time, end_time })), ...extra },
});
const intercom = (intervals: [number, number][], zone = 'UTC'): unknown => ({
  type: 'office_hours_schedule',
  id: '1',
  name: 'Test',
  time_zone_name: zone,
  time_intervals: intervals.map(([start_minute, end_minute]) => ({ start_minute, end_minute })),
  twenty_four_seven: false,
});
const freshdesk = (days: Record<string, [string, string]>, zone = 'UTC'): unknown => ({
  id: 1,
  name: 'Test',
  time_zone: zone,
  is_default: true,
  business_hours: Object.fromEntries(Object.entries(days).map(([day, [start_time, end_time]]) => [day, { start_time, end_time }])),
});

const WEEKDAYS = (value: string | string[]): ScheduleSpec['hours'] => ({ mon: value, tue: value, wed: value, thu: value, fri: value });

describe('importSchedules: the fixtures, converted exactly', () => {
  it('Zendesk: minutes from Sunday, Rails zones, per-schedule holidays, midnight-split and adjacent intervals merged', () => {
    expect(importSchedules(fixture(FIXTURES.zendesk))).toEqual({
      source: 'zendesk',
      schedules: [
        { name: 'Americas support', timezone: 'America/New_York', hours: WEEKDAYS('09:00-17:00'), holidays: ['2026-07-03', '2026-12-24..2026-12-26'] },
        { name: 'EMEA support', timezone: 'Europe/Rome', hours: { ...WEEKDAYS(['08:30-12:30', '13:30-17:30']), sat: '09:00-13:00' } },
        {
          name: 'Night desk',
          timezone: 'America/Los_Angeles',
          hours: { sun: '22:00-06:00', mon: '22:00-06:00', tue: '22:00-06:00', wed: '22:00-06:00', thu: '22:00-12:00' },
        },
      ],
    });
  });

  it('Freshdesk: 12-hour times, missing days closed, "12:00:00 am" and "11:59:59 pm" as the ends of the day', () => {
    expect(importSchedules(fixture(FIXTURES.freshdesk))).toEqual({
      source: 'freshdesk',
      schedules: [
        { name: 'Default', timezone: 'America/New_York', hours: WEEKDAYS('08:00-17:00') },
        { name: 'Europe team', timezone: 'Europe/London', hours: { ...WEEKDAYS('09:00-18:00'), sat: '10:00-14:00' } },
        { name: 'APAC extended', timezone: 'Australia/Sydney', hours: { mon: '00:00-24:00', tue: '00:00-12:00', wed: '12:00-24:00', thu: '07:30-19:30' } },
      ],
    });
  });

  it('Intercom: minutes from Monday, IANA zones, a night across the end of the week, 24/7', () => {
    const allDay = Object.fromEntries(DAY_ORDER.map((day) => [day, '00:00-24:00']));
    expect(importSchedules(fixture(FIXTURES.intercom))).toEqual({
      source: 'intercom',
      schedules: [
        { name: 'Weekday support', timezone: 'America/New_York', hours: WEEKDAYS('09:00-17:00') },
        { name: 'Weekend on-call', timezone: 'Europe/Berlin', hours: { sat: '10:00-16:00', sun: ['10:00-12:00', '14:00-16:00', '22:00-06:00'] } },
        { name: 'Always on', timezone: 'Asia/Tokyo', hours: allDay },
      ],
    });
  });

  it('days come out in mon…sun order, each its own key', () => {
    for (const name of Object.values(FIXTURES)) {
      for (const spec of importSchedules(fixture(name)).schedules) {
        const keys = Object.keys(spec.hours);
        expect(keys).toEqual(DAY_ORDER.filter((day) => keys.includes(day)));
      }
    }
  });

  it('an explicit source reads the same as recognition', () => {
    for (const [source, name] of Object.entries(FIXTURES) as [ScheduleSource, string][]) {
      expect(importSchedules(fixture(name), source)).toEqual(importSchedules(fixture(name)));
    }
  });
});

/** Minutes of a Freshdesk 12-hour time, the end of the day for "11:59:59 pm" (the vendor's "until midnight"). */
function freshdeskMinutes(text: string, end: boolean): number {
  if (end && text === '11:59:59 pm') return 1440;
  const [, h, m, ap] = /^(\d+):(\d+)(?::\d+)? (am|pm)$/.exec(text)!;
  const minutes = (Number(h) % 12) * 60 + Number(m) + (ap === 'pm' ? 720 : 0);
  return end && minutes === 0 ? 1440 : minutes;
}

interface VendorItem {
  intervals?: { start_time: number; end_time: number }[];
  time_intervals?: { start_minute: number; end_minute: number }[];
  twenty_four_seven?: boolean;
  business_hours?: Record<string, { start_time: string; end_time: string }>;
}

/** The open minutes of a vendor schedule per week, summed from its own intervals. */
function vendorMinutes(source: ScheduleSource, item: VendorItem): number {
  switch (source) {
    case 'zendesk':
      return item.intervals!.reduce((sum, i) => sum + i.end_time - i.start_time, 0);
    case 'intercom':
      if (item.twenty_four_seven === true) return 10080;
      return item.time_intervals!.reduce((sum, i) => sum + i.end_minute - i.start_minute, 0);
    case 'freshdesk':
      return Object.values(item.business_hours!).reduce((sum, d) => sum + freshdeskMinutes(d.end_time, true) - freshdeskMinutes(d.start_time, false), 0);
  }
}

describe('importSchedules: round trip through business time', () => {
  for (const [source, name] of Object.entries(FIXTURES) as [ScheduleSource, string][]) {
    it(`${source}: businessSeconds over a full week equals the vendor's intervals`, () => {
      const json = fixture(name) as { schedules?: VendorItem[]; data?: VendorItem[] } & VendorItem[];
      const items: VendorItem[] = source === 'zendesk' ? json.schedules! : source === 'intercom' ? json.data! : json;
      const { schedules } = importSchedules(json);
      expect(schedules).toHaveLength(items.length);
      schedules.forEach((spec, i) => {
        const schedule = scheduleOf(spec);
        // A week without DST changes or holidays: Monday 1 June 2026, local midnight to local midnight.
        const monday = Temporal.PlainDate.from('2026-06-01');
        const from = monday.toZonedDateTime(spec.timezone).epochMilliseconds;
        const to = monday.add({ days: 7 }).toZonedDateTime(spec.timezone).epochMilliseconds;
        expect(businessSeconds(schedule, from, to), spec.name).toBe(vendorMinutes(source, items[i]!) * 60);
      });
    });
  }
});

describe('importSchedules: overnight, split and merged intervals', () => {
  it('Zendesk Sunday 22:00–24:00 and Monday 00:00–06:00 (intervals cannot span days) → "sun": "22:00-06:00"', () => {
    expect(hoursOf(zendesk([[1320, 1440], [1440, 1800]]))).toEqual({ sun: '22:00-06:00' });
  });

  it('Zendesk Saturday 22:00–24:00 and Sunday 00:00–06:00 wrap around the week', () => {
    expect(hoursOf(zendesk([[0, 360], [9960, 10080]]))).toEqual({ sat: '22:00-06:00' });
  });

  it('an interval spanning days that ends later than it started is written per day', () => {
    // Monday 09:00 to Tuesday 17:00, the example of an older Zendesk reference.
    expect(hoursOf(zendesk([[1980, 3900]]))).toEqual({ mon: '09:00-24:00', tue: '00:00-17:00' });
  });

  it('a whole day in the middle of a run stays 00:00-24:00', () => {
    // Friday 22:00 to Sunday 06:00 (Intercom, minutes from Monday).
    expect(hoursOf(intercom([[5 * 1440 - 120, 6 * 1440 + 360]]))).toEqual({ fri: '22:00-24:00', sat: '00:00-24:00', sun: '00:00-06:00' });
  });

  it('a split day becomes a list in time order; adjacent and overlapping intervals merge', () => {
    expect(hoursOf(zendesk([[1440 + 780, 1440 + 1020], [1440 + 540, 1440 + 720], [2880 + 540, 2880 + 660], [2880 + 660, 2880 + 780], [2880 + 700, 2880 + 1020]]))).toEqual({
      mon: ['09:00-12:00', '13:00-17:00'],
      tue: '09:00-17:00',
    });
  });

  it('an overnight interval sits in its day\'s list by its start', () => {
    expect(hoursOf(intercom([[540, 720], [1320, 1440 + 120]]))).toEqual({ mon: ['09:00-12:00', '22:00-02:00'] });
  });

  it('Intercom twenty_four_seven and the whole-week interval 0–10079 are open all week', () => {
    const allDay = Object.fromEntries(DAY_ORDER.map((day) => [day, '00:00-24:00']));
    expect(hoursOf(intercom([[0, 10079]]))).toEqual(allDay);
    expect(hoursOf({ ...(intercom([]) as object), twenty_four_seven: true })).toEqual(allDay);
  });

  it('no intervals: no hours (a schedule that is never open)', () => {
    expect(hoursOf(zendesk([]))).toEqual({});
  });
});

describe('importSchedules: Freshdesk times', () => {
  it('"12:00 am" starts the day at 00:00 and, as an end, is midnight (24:00); "12:00 pm" is noon', () => {
    expect(hoursOf(freshdesk({ monday: ['12:00 am', '12:00 pm'], tuesday: ['12:00 pm', '12:00 am'], wednesday: ['12:00 am', '12:00 am'], thursday: ['12:30 am', '12:30 pm'] }))).toEqual({
      mon: '00:00-12:00',
      tue: '12:00-24:00',
      wed: '00:00-24:00',
      thu: '00:30-12:30',
    });
  });

  it('short ("8:00 am") and long ("08:00:00 PM") forms; "11:59:59 pm" is the end of the day', () => {
    expect(hoursOf(freshdesk({ monday: ['8:00 am', '4:30 pm'], friday: ['08:00:00 AM', '11:59:59 pm'] }))).toEqual({ mon: '08:00-16:30', fri: '08:00-24:00' });
  });

  it('an end before the start runs past midnight; an empty day is an error', () => {
    expect(hoursOf(freshdesk({ saturday: ['10:00 pm', '6:00 am'] }))).toEqual({ sat: '22:00-06:00' });
    expect(errorOf([freshdesk({ monday: ['9:00 am', '9:00 am'] })])).toBe('[0].business_hours.monday: "9:00 am" to "9:00 am" is empty');
  });

  it('a time that is not a 12-hour time names its place', () => {
    expect(errorOf([freshdesk({ monday: ['09:00', '5:00 pm'] })])).toBe('[0].business_hours.monday.start_time: expected a 12-hour time such as "8:00 am" or "05:00:00 pm", got "09:00"');
    expect(errorOf(freshdesk({ monday: ['13:00 pm', '5:00 pm'] }))).toBe('business_hours.monday.start_time: "13:00 pm" is not a time of day');
    expect(errorOf(freshdesk({ funday: ['9:00 am', '5:00 pm'] }))).toBe('business_hours.funday: "funday" is not a day (monday … sunday)');
  });
});

describe('importSchedules: time zones', () => {
  it('an unknown Rails zone name is an error naming it and its place', () => {
    const json = fixture(FIXTURES.zendesk) as { schedules: Record<string, unknown>[] };
    json.schedules[1]!['time_zone'] = 'Atlantis Standard Time';
    expect(errorOf(json)).toBe('schedules[1].time_zone: "Atlantis Standard Time" is not a Rails time zone name (such as "Eastern Time (US & Canada)" or "London") nor an IANA zone');
    expect(errorOf([freshdesk({}, 'Gotham')])).toMatch(/^\[0\]\.time_zone: "Gotham" is not a Rails time zone name/);
  });

  it('the common Rails names map to IANA; an IANA name passes through', () => {
    expect(railsZoneToIana('Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(railsZoneToIana('Pacific Time (US & Canada)')).toBe('America/Los_Angeles');
    expect(railsZoneToIana('London')).toBe('Europe/London');
    expect(railsZoneToIana('Rome')).toBe('Europe/Rome');
    expect(railsZoneToIana('Berlin')).toBe('Europe/Berlin');
    expect(railsZoneToIana('Paris')).toBe('Europe/Paris');
    expect(railsZoneToIana('Madrid')).toBe('Europe/Madrid');
    expect(railsZoneToIana('Amsterdam')).toBe('Europe/Amsterdam');
    expect(railsZoneToIana('Tokyo')).toBe('Asia/Tokyo');
    expect(railsZoneToIana('Sydney')).toBe('Australia/Sydney');
    expect(railsZoneToIana('UTC')).toBe('UTC');
    expect(railsZoneToIana('Europe/Rome')).toBe('Europe/Rome');
    expect(railsZoneToIana('Atlantis')).toBeUndefined();
  });

  it('every zone of the table is one Temporal knows (scheduleOf accepts it)', () => {
    expect(Object.keys(RAILS_TIME_ZONES).length).toBeGreaterThanOrEqual(60);
    for (const [rails, iana] of Object.entries(RAILS_TIME_ZONES)) {
      expect(() => scheduleOf({ name: rails, timezone: iana, hours: {} }), rails).not.toThrow();
    }
  });

  it('an Intercom zone that is not an IANA zone is an error at time_zone_name', () => {
    expect(errorOf({ type: 'office_hours_schedule.list', data: [intercom([[540, 1020]], 'Eastern Time (US & Canada)')] })).toMatch(
      /^data\[0\]\.time_zone_name: "Eastern Time \(US & Canada\)" is not a time zone/,
    );
  });
});

describe('importSchedules: Zendesk holidays', () => {
  it('top-level holidays (the /holidays response next to one schedule) apply; single days and inclusive ranges', () => {
    const json = { ...(zendesk([[1980, 2460]]) as object), holidays: [{ id: 1, name: 'New Year', start_date: '2026-01-01', end_date: '2026-01-01' }, { id: 2, name: 'Shutdown', start_date: '2026-08-10', end_date: '2026-08-14' }] };
    expect(importSchedules(json).schedules).toEqual([{ name: 'Test', timezone: 'UTC', hours: { mon: '09:00-17:00' }, holidays: ['2026-01-01', '2026-08-10..2026-08-14'] }]);
  });

  it('a holiday ending before it starts, or without a date, names its place', () => {
    expect(errorOf(zendesk([], { holidays: [{ name: 'Odd', start_date: '2026-05-02', end_date: '2026-05-01' }] }))).toBe('schedule.holidays[0].end_date: "2026-05-01" is before start_date "2026-05-02"');
    expect(errorOf(zendesk([], { holidays: [{ name: 'Odd', start_date: '02/05/2026' }] }))).toBe('schedule.holidays[0].start_date: expected a date "YYYY-MM-DD", got "02/05/2026"');
  });
});

describe('importSchedules: JSON it cannot read', () => {
  it('unrecognised shapes say what was expected', () => {
    for (const json of [{}, [], 'schedules', 42, null, { tickets: [] }, [{ id: 1 }], { schedules_count: 2 }]) {
      expect(errorOf(json)).toMatch(/^not a schedule export this tool reads: expected Zendesk \{"schedules": \[\.\.\.\]\}/);
    }
  });

  it('a shape read as another vendor fails at the first missing piece', () => {
    expect(errorOf(fixture(FIXTURES.freshdesk), 'zendesk')).toBe('expected a Zendesk schedules response {"schedules": [...]} or {"schedule": {...}}, got a list');
    expect(errorOf(fixture(FIXTURES.zendesk), 'intercom')).toBe('name: expected the schedule\'s name, got undefined');
  });

  it('bad intervals name their place', () => {
    expect(errorOf(zendesk([[2460, 1980]]))).toBe('schedule.intervals[0]: end_time 1980 is not after start_time 2460');
    expect(errorOf(zendesk([[1980, 10081]]))).toBe('schedule.intervals[0].end_time: expected a whole number of minutes from 0 to 10080, got 10081');
    expect(errorOf({ type: 'office_hours_schedule.list', data: [intercom([[540, 1020]]), intercom([[540.5, 1020]])] })).toBe(
      'data[1].time_intervals[0].start_minute: expected a whole number of minutes from 0 to 10080, got 540.5',
    );
    expect(errorOf({ schedules: [{ id: 1, time_zone: 'UTC', intervals: [] }] })).toBe('schedules[0].name: expected the schedule\'s name, got undefined');
  });
});
