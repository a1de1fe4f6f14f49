import type { SCHEDULE_SOURCES } from './schedule-sources.js';
import { DAY_NAMES, scheduleOf, ScheduleError, type ScheduleSpec } from '../time/business-time.js';

/**
 * Importing helpdesk business-hours schedules into the config form (`ScheduleSpec`, see
 * docs/hours.md "Schedules and business time").
 *
 * Three vendor shapes are read, as their API references describe them:
 *
 * - **Zendesk** `GET /api/v2/business_hours/schedules` → `{"schedules": [...]}` (one schedule:
 *   `{"schedule": {...}}`); each `{"id", "name", "time_zone", "intervals": [{"start_time",
 *   "end_time"}]}` with minutes since Sunday 00:00 of the week (0…10080) and a Rails time-zone name
 *   ("Eastern Time (US & Canada)"). Holidays come from `.../schedules/{id}/holidays` as
 *   `{"holidays": [{"name", "start_date", "end_date"}]}`; they are read when the same JSON has them,
 *   inside a schedule (for that schedule) or at the top level (for every schedule in the file).
 * - **Freshdesk** `GET /api/v2/business_hours` → a list (one: an object) of `{"id", "name",
 *   "time_zone", "is_default", "business_hours": {"monday": {"start_time": "08:00:00 am",
 *   "end_time": "05:00:00 pm"}, …}}`: 12-hour times, a missing day closed, a Rails zone name.
 * - **Intercom** `GET /office_hours_schedules` → `{"type": "office_hours_schedule.list", "data":
 *   [...]}` (one: the `office_hours_schedule` object); each `{"name", "time_zone_name" (IANA),
 *   "time_intervals": [{"start_minute", "end_minute"}], "twenty_four_seven"}` with minutes since
 *   Monday 00:00 (0…10080; the interval 0–10079 means open all week).
 *
 * The open minutes of a week are merged (adjacent and overlapping intervals become one, also across
 * midnight and across the end of the week) and written back per day, mon…sun, each day its own key:
 * a day with several intervals gets a list, and open time that runs past midnight and stops on the
 * next day before the time it started is one overnight interval of its first day ("sun":
 * "22:00-06:00"); longer runs are written per day ("mon": "09:00-24:00", "tue": "00:00-17:00").
 */

/** The vendors whose exports importSchedules reads. */
export type ScheduleSource = (typeof SCHEDULE_SOURCES)[number];

/**
 * JSON that cannot be imported. The message names the place in the JSON (`schedules[1].time_zone:
 * "Atlantis" is not a Rails time zone name Zendesk uses`) or says which shapes were expected.
 */
export class ScheduleImportError extends Error {
  override name = 'ScheduleImportError';
}

/** The result of an import: the vendor read and its schedules, in the order of the JSON. */
export interface ImportedSchedules {
  source: ScheduleSource;
  schedules: ScheduleSpec[];
}

/**
 * Rails (ActiveSupport::TimeZone) zone names, as Zendesk and Freshdesk report them, → IANA names.
 * The Rails MAPPING, with current IANA names where a zone was renamed (Europe/Kyiv, America/Nuuk,
 * Asia/Yangon), plus the older Rails spelling "Kyev".
 */
export const RAILS_TIME_ZONES: Readonly<Record<string, string>> = Object.freeze({
  'International Date Line West': 'Etc/GMT+12',
  'Midway Island': 'Pacific/Midway',
  'American Samoa': 'Pacific/Pago_Pago',
  Hawaii: 'Pacific/Honolulu',
  Alaska: 'America/Juneau',
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  Tijuana: 'America/Tijuana',
  'Mountain Time (US & Canada)': 'America/Denver',
  Arizona: 'America/Phoenix',
  Chihuahua: 'America/Chihuahua',
  Mazatlan: 'America/Mazatlan',
  'Central Time (US & Canada)': 'America/Chicago',
  Saskatchewan: 'America/Regina',
  Guadalajara: 'America/Mexico_City',
  'Mexico City': 'America/Mexico_City',
  Monterrey: 'America/Monterrey',
  'Central America': 'America/Guatemala',
  'Eastern Time (US & Canada)': 'America/New_York',
  'Indiana (East)': 'America/Indiana/Indianapolis',
  Bogota: 'America/Bogota',
  Lima: 'America/Lima',
  Quito: 'America/Lima',
  'Atlantic Time (Canada)': 'America/Halifax',
  Caracas: 'America/Caracas',
  'La Paz': 'America/La_Paz',
  Santiago: 'America/Santiago',
  Newfoundland: 'America/St_Johns',
  Brasilia: 'America/Sao_Paulo',
  'Buenos Aires': 'America/Argentina/Buenos_Aires',
  Montevideo: 'America/Montevideo',
  Georgetown: 'America/Guyana',
  'Puerto Rico': 'America/Puerto_Rico',
  Greenland: 'America/Nuuk',
  'Mid-Atlantic': 'Atlantic/South_Georgia',
  Azores: 'Atlantic/Azores',
  'Cape Verde Is.': 'Atlantic/Cape_Verde',
  Dublin: 'Europe/Dublin',
  Edinburgh: 'Europe/London',
  Lisbon: 'Europe/Lisbon',
  London: 'Europe/London',
  Casablanca: 'Africa/Casablanca',
  Monrovia: 'Africa/Monrovia',
  UTC: 'UTC',
  Belgrade: 'Europe/Belgrade',
  Bratislava: 'Europe/Bratislava',
  Budapest: 'Europe/Budapest',
  Ljubljana: 'Europe/Ljubljana',
  Prague: 'Europe/Prague',
  Sarajevo: 'Europe/Sarajevo',
  Skopje: 'Europe/Skopje',
  Warsaw: 'Europe/Warsaw',
  Zagreb: 'Europe/Zagreb',
  Brussels: 'Europe/Brussels',
  Copenhagen: 'Europe/Copenhagen',
  Madrid: 'Europe/Madrid',
  Paris: 'Europe/Paris',
  Amsterdam: 'Europe/Amsterdam',
  Berlin: 'Europe/Berlin',
  Bern: 'Europe/Zurich',
  Zurich: 'Europe/Zurich',
  Rome: 'Europe/Rome',
  Stockholm: 'Europe/Stockholm',
  Vienna: 'Europe/Vienna',
  'West Central Africa': 'Africa/Algiers',
  Bucharest: 'Europe/Bucharest',
  Cairo: 'Africa/Cairo',
  Helsinki: 'Europe/Helsinki',
  Kyiv: 'Europe/Kyiv',
  Kyev: 'Europe/Kyiv',
  Riga: 'Europe/Riga',
  Sofia: 'Europe/Sofia',
  Tallinn: 'Europe/Tallinn',
  Vilnius: 'Europe/Vilnius',
  Athens: 'Europe/Athens',
  Istanbul: 'Europe/Istanbul',
  Minsk: 'Europe/Minsk',
  Jerusalem: 'Asia/Jerusalem',
  Harare: 'Africa/Harare',
  Pretoria: 'Africa/Johannesburg',
  Kaliningrad: 'Europe/Kaliningrad',
  Moscow: 'Europe/Moscow',
  'St. Petersburg': 'Europe/Moscow',
  Volgograd: 'Europe/Volgograd',
  Samara: 'Europe/Samara',
  Kuwait: 'Asia/Kuwait',
  Riyadh: 'Asia/Riyadh',
  Nairobi: 'Africa/Nairobi',
  Baghdad: 'Asia/Baghdad',
  Tehran: 'Asia/Tehran',
  'Abu Dhabi': 'Asia/Muscat',
  Muscat: 'Asia/Muscat',
  Baku: 'Asia/Baku',
  Tbilisi: 'Asia/Tbilisi',
  Yerevan: 'Asia/Yerevan',
  Kabul: 'Asia/Kabul',
  Ekaterinburg: 'Asia/Yekaterinburg',
  Islamabad: 'Asia/Karachi',
  Karachi: 'Asia/Karachi',
  Tashkent: 'Asia/Tashkent',
  Chennai: 'Asia/Kolkata',
  Kolkata: 'Asia/Kolkata',
  Mumbai: 'Asia/Kolkata',
  'New Delhi': 'Asia/Kolkata',
  Kathmandu: 'Asia/Kathmandu',
  Astana: 'Asia/Almaty',
  Dhaka: 'Asia/Dhaka',
  'Sri Jayawardenepura': 'Asia/Colombo',
  Almaty: 'Asia/Almaty',
  Novosibirsk: 'Asia/Novosibirsk',
  Rangoon: 'Asia/Yangon',
  Bangkok: 'Asia/Bangkok',
  Hanoi: 'Asia/Bangkok',
  Jakarta: 'Asia/Jakarta',
  Krasnoyarsk: 'Asia/Krasnoyarsk',
  Beijing: 'Asia/Shanghai',
  Chongqing: 'Asia/Chongqing',
  'Hong Kong': 'Asia/Hong_Kong',
  Urumqi: 'Asia/Urumqi',
  'Kuala Lumpur': 'Asia/Kuala_Lumpur',
  Singapore: 'Asia/Singapore',
  Taipei: 'Asia/Taipei',
  Perth: 'Australia/Perth',
  Irkutsk: 'Asia/Irkutsk',
  Ulaanbaatar: 'Asia/Ulaanbaatar',
  Seoul: 'Asia/Seoul',
  Osaka: 'Asia/Tokyo',
  Sapporo: 'Asia/Tokyo',
  Tokyo: 'Asia/Tokyo',
  Yakutsk: 'Asia/Yakutsk',
  Darwin: 'Australia/Darwin',
  Adelaide: 'Australia/Adelaide',
  Canberra: 'Australia/Melbourne',
  Melbourne: 'Australia/Melbourne',
  Sydney: 'Australia/Sydney',
  Brisbane: 'Australia/Brisbane',
  Hobart: 'Australia/Hobart',
  Vladivostok: 'Asia/Vladivostok',
  Guam: 'Pacific/Guam',
  'Port Moresby': 'Pacific/Port_Moresby',
  Magadan: 'Asia/Magadan',
  Srednekolymsk: 'Asia/Srednekolymsk',
  'Solomon Is.': 'Pacific/Guadalcanal',
  'New Caledonia': 'Pacific/Noumea',
  Fiji: 'Pacific/Fiji',
  Kamchatka: 'Asia/Kamchatka',
  'Marshall Is.': 'Pacific/Majuro',
  Auckland: 'Pacific/Auckland',
  Wellington: 'Pacific/Auckland',
  "Nuku'alofa": 'Pacific/Tongatapu',
  'Tokelau Is.': 'Pacific/Fakaofo',
  'Chatham Is.': 'Pacific/Chatham',
  Samoa: 'Pacific/Apia',
});

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Freshdesk's day keys, Monday first. */
const LONG_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

type Json = Record<string, unknown>;

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
/** `base.key`, or `key` at the top level. */
const at = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);
const fail = (where: string, message: string): never => {
  throw new ScheduleImportError(where === '' ? message : `${where}: ${message}`);
};

/**
 * The IANA zone of a Rails zone name ("Eastern Time (US & Canada)" → "America/New_York"); a name
 * that already is an IANA zone ("Europe/Rome") is returned as it is; undefined for anything else.
 */
export function railsZoneToIana(name: string): string | undefined {
  const mapped = RAILS_TIME_ZONES[name.trim()];
  if (mapped !== undefined) return mapped;
  if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(name.trim()) && isTimeZone(name.trim())) return name.trim();
  return undefined;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function zoneOf(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(where, `expected a time zone name such as "Eastern Time (US & Canada)", got ${quote(value)}`);
  return railsZoneToIana(value) ?? fail(where, `${quote(value)} is not a Rails time zone name (such as "Eastern Time (US & Canada)" or "London") nor an IANA zone`);
}

function nameOf(item: Json, where: string): string {
  const name = item['name'];
  if (typeof name !== 'string' || name.trim() === '') return fail(at(where, 'name'), `expected the schedule's name, got ${quote(name)}`);
  return name;
}

function minuteOf(value: unknown, where: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) return fail(where, `expected a whole number of minutes from 0 to ${max}, got ${quote(value)}`);
  return value;
}

/**
 * The open minutes of a week, Monday 00:00 = minute 0. `add` takes [start, end) in minutes from
 * Monday 00:00; the part past the end of the week continues at its start.
 */
class Week {
  readonly open = new Uint8Array(MINUTES_PER_WEEK);
  add(start: number, end: number): void {
    for (let m = start; m < end; m++) this.open[((m % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK] = 1;
  }
}

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The config `hours` of a week: mon…sun, each day with open time its own key, one "HH:MM-HH:MM"
 * or a list; a run of open time that starts during a day and ends during the next one is written
 * as an overnight interval of its first day.
 */
function hoursOf(week: Week): Record<string, string | string[]> {
  const perDay: [number, string][][] = DAY_NAMES.map(() => []);
  const closed = week.open.indexOf(0);
  if (closed < 0) {
    for (const day of perDay) day.push([0, '00:00-24:00']);
  } else {
    // Runs of open minutes, scanning one whole week from a closed minute so that none is cut in two.
    for (let m = closed; m < closed + MINUTES_PER_WEEK; ) {
      if (week.open[m % MINUTES_PER_WEEK] === 0) {
        m++;
        continue;
      }
      let end = m;
      while (end < closed + MINUTES_PER_WEEK && week.open[end % MINUTES_PER_WEEK] === 1) end++;
      addRun(m % MINUTES_PER_WEEK, (m % MINUTES_PER_WEEK) + (end - m), perDay);
      m = end;
    }
  }
  const hours: Record<string, string | string[]> = {};
  perDay.forEach((entries, day) => {
    if (entries.length === 0) return;
    const texts = entries.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
    hours[DAY_NAMES[day]!] = texts.length === 1 ? texts[0]! : texts;
  });
  return hours;
}

/** Writes the open run [start, end) (start within the week, end possibly past it) into days. */
function addRun(start: number, end: number, perDay: [number, string][][]): void {
  const dayOf = (minute: number): number => Math.floor(minute / MINUTES_PER_DAY) % 7;
  const startDay = Math.floor(start / MINUTES_PER_DAY);
  const dayEnd = (startDay + 1) * MINUTES_PER_DAY;
  const from = start % MINUTES_PER_DAY;
  // Starts during a day and ends during the next one, before the time it started: one overnight
  // interval ("22:00-06:00"). Ending later ("09:00" to 17:00 the next day) cannot be written as one.
  if (from > 0 && end > dayEnd && end - dayEnd < from) {
    perDay[dayOf(start)]!.push([from, `${hhmm(from)}-${hhmm(end - dayEnd)}`]);
    return;
  }
  for (let piece = start; piece < end; ) {
    const dayStart = Math.floor(piece / MINUTES_PER_DAY) * MINUTES_PER_DAY;
    const pieceEnd = Math.min(end, dayStart + MINUTES_PER_DAY);
    const [a, b] = [piece - dayStart, pieceEnd - dayStart];
    perDay[dayOf(piece)]!.push([a, `${hhmm(a)}-${hhmm(b)}`]);
    piece = pieceEnd;
  }
}

/** A `YYYY-MM-DD` date, or an error at `where`. */
function dateOf(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(where, `expected a date "YYYY-MM-DD", got ${quote(value)}`);
  return value;
}

/** Zendesk holidays (`[{"name", "start_date", "end_date"}]`) as config holidays: a date or an inclusive range. */
function zendeskHolidays(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) return fail(where, `expected a list of holidays [{"name", "start_date", "end_date"}], got ${quote(value)}`);
  return value.map((holiday: unknown, i) => {
    const path = `${where}[${i}]`;
    if (!isObject(holiday)) return fail(path, `expected a holiday {"name", "start_date", "end_date"}, got ${quote(holiday)}`);
    const start = dateOf(holiday['start_date'], `${path}.start_date`);
    const end = holiday['end_date'] === undefined || holiday['end_date'] === null ? start : dateOf(holiday['end_date'], `${path}.end_date`);
    if (end < start) return fail(`${path}.end_date`, `${quote(end)} is before start_date ${quote(start)}`);
    return end === start ? start : `${start}..${end}`;
  });
}

function zendeskSchedule(item: unknown, where: string, shared: string[]): ScheduleSpec {
  if (!isObject(item)) return fail(where, `expected a Zendesk schedule {"name", "time_zone", "intervals"}, got ${quote(item)}`);
  const name = nameOf(item, where);
  const timezone = zoneOf(item['time_zone'], at(where, 'time_zone'));
  const intervals = item['intervals'] ?? [];
  if (!Array.isArray(intervals)) return fail(at(where, 'intervals'), `expected a list of {"start_time", "end_time"}, got ${quote(intervals)}`);
  const week = new Week();
  intervals.forEach((interval: unknown, i) => {
    const path = `${at(where, 'intervals')}[${i}]`;
    if (!isObject(interval)) return fail(path, `expected {"start_time", "end_time"} (minutes since Sunday 00:00), got ${quote(interval)}`);
    const start = minuteOf(interval['start_time'], `${path}.start_time`, MINUTES_PER_WEEK);
    const end = minuteOf(interval['end_time'], `${path}.end_time`, MINUTES_PER_WEEK);
    if (end <= start) return fail(path, `end_time ${end} is not after start_time ${start}`);
    // Sunday-based week → Monday-based: Sunday 00:00 is minute 6 × 1440 of a Monday week.
    week.add(start + 6 * MINUTES_PER_DAY, end + 6 * MINUTES_PER_DAY);
  });
  const own = item['holidays'] === undefined ? [] : zendeskHolidays(item['holidays'], at(where, 'holidays'));
  return withHolidays({ name, timezone, hours: hoursOf(week) }, [...own, ...shared]);
}

function withHolidays(spec: ScheduleSpec, holidays: string[]): ScheduleSpec {
  const unique = [...new Set(holidays)];
  return unique.length > 0 ? { ...spec, holidays: unique } : spec;
}

function fromZendesk(json: unknown): ScheduleSpec[] {
  if (!isObject(json)) return fail('', `expected a Zendesk schedules response {"schedules": [...]} or {"schedule": {...}}, got ${json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json}`);
  const shared = json['holidays'] === undefined ? [] : zendeskHolidays(json['holidays'], 'holidays');
  if (json['schedules'] !== undefined) {
    const list = json['schedules'];
    if (!Array.isArray(list)) return fail('schedules', `expected a list of schedules, got ${quote(list)}`);
    return list.map((item: unknown, i) => zendeskSchedule(item, `schedules[${i}]`, shared));
  }
  if (json['schedule'] !== undefined) return [zendeskSchedule(json['schedule'], 'schedule', shared)];
  return fail('', 'expected a Zendesk schedules response: {"schedules": [...]} or {"schedule": {...}}');
}

/**
 * A Freshdesk 12-hour time ("8:00 am", "08:00:00 pm", "12:00 am") as minutes from midnight.
 * Seconds round up to the next minute, so "11:59:59 pm", Freshdesk's end of day, is 24:00.
 */
function freshdeskTime(value: unknown, where: string): number {
  const match = typeof value === 'string' ? /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?\s*$/i.exec(value) : null;
  if (match === null) return fail(where, `expected a 12-hour time such as "8:00 am" or "05:00:00 pm", got ${quote(value)}`);
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 12 || minute > 59 || second > 59) return fail(where, `${quote(value)} is not a time of day`);
  const pm = match[4]!.toLowerCase() === 'p';
  return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute + (second > 0 ? 1 : 0);
}

function freshdeskSchedule(item: unknown, where: string): ScheduleSpec {
  if (!isObject(item)) return fail(where, `expected Freshdesk business hours {"name", "time_zone", "business_hours"}, got ${quote(item)}`);
  const name = nameOf(item, where);
  const timezone = zoneOf(item['time_zone'], at(where, 'time_zone'));
  const days = item['business_hours'];
  const daysPath = at(where, 'business_hours');
  if (!isObject(days)) return fail(daysPath, `expected {"monday": {"start_time", "end_time"}, …}, got ${quote(days)}`);
  const week = new Week();
  for (const [key, hours] of Object.entries(days)) {
    const path = at(daysPath, key);
    const day = (LONG_DAY_NAMES as readonly string[]).indexOf(key.toLowerCase());
    if (day < 0) return fail(path, `${quote(key)} is not a day (monday … sunday)`);
    if (hours === null) continue; // closed
    if (!isObject(hours)) return fail(path, `expected {"start_time", "end_time"}, got ${quote(hours)}`);
    const start = freshdeskTime(hours['start_time'], `${path}.start_time`);
    let end = freshdeskTime(hours['end_time'], `${path}.end_time`);
    if (end === 0) end = MINUTES_PER_DAY; // "12:00 am" as an end is midnight at the end of the day
    if (start >= MINUTES_PER_DAY) return fail(`${path}.start_time`, `${quote(hours['start_time'])} cannot start the day's hours`);
    if (end === start) return fail(path, `${quote(hours['start_time'])} to ${quote(hours['end_time'])} is empty`);
    // An end before the start runs past midnight into the next day.
    const base = day * MINUTES_PER_DAY;
    week.add(base + start, base + (end > start ? end : end + MINUTES_PER_DAY));
  }
  return { name, timezone, hours: hoursOf(week) };
}

function fromFreshdesk(json: unknown): ScheduleSpec[] {
  if (Array.isArray(json)) return json.map((item: unknown, i) => freshdeskSchedule(item, `[${i}]`));
  if (isObject(json)) return [freshdeskSchedule(json, '')];
  return fail('', `expected Freshdesk business hours (an object or a list of objects with "business_hours"), got ${quote(json)}`);
}

function intercomSchedule(item: unknown, where: string): ScheduleSpec {
  if (!isObject(item)) return fail(where, `expected an Intercom office hours schedule {"name", "time_zone_name", "time_intervals"}, got ${quote(item)}`);
  const name = nameOf(item, where);
  const zone = item['time_zone_name'];
  const zonePath = at(where, 'time_zone_name');
  if (typeof zone !== 'string' || zone.trim() === '') return fail(zonePath, `expected an IANA time zone such as "America/New_York", got ${quote(zone)}`);
  const intervals = item['time_intervals'] ?? [];
  const path = at(where, 'time_intervals');
  if (!Array.isArray(intervals)) return fail(path, `expected a list of {"start_minute", "end_minute"}, got ${quote(intervals)}`);
  const week = new Week();
  if (item['twenty_four_seven'] === true) week.add(0, MINUTES_PER_WEEK);
  intervals.forEach((interval: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(interval)) return fail(p, `expected {"start_minute", "end_minute"} (minutes since Monday 00:00), got ${quote(interval)}`);
    const start = minuteOf(interval['start_minute'], `${p}.start_minute`, MINUTES_PER_WEEK);
    let end = minuteOf(interval['end_minute'], `${p}.end_minute`, MINUTES_PER_WEEK);
    if (start === 0 && end === MINUTES_PER_WEEK - 1) end = MINUTES_PER_WEEK; // Intercom's whole-week interval
    if (end <= start) return fail(p, `end_minute ${end} is not after start_minute ${start}`);
    week.add(start, end);
  });
  return { name, timezone: zone.trim(), hours: hoursOf(week) };
}

function fromIntercom(json: unknown): ScheduleSpec[] {
  if (isObject(json) && json['data'] !== undefined) {
    const list = json['data'];
    if (!Array.isArray(list)) return fail('data', `expected a list of office hours schedules, got ${quote(list)}`);
    return list.map((item: unknown, i) => intercomSchedule(item, `data[${i}]`));
  }
  if (Array.isArray(json)) return json.map((item: unknown, i) => intercomSchedule(item, `[${i}]`));
  if (isObject(json)) return [intercomSchedule(json, '')];
  return fail('', `expected Intercom office hours schedules ({"type": "office_hours_schedule.list", "data": [...]}), got ${quote(json)}`);
}

/** The vendor whose shape the JSON has, or undefined. */
function recognise(json: unknown): ScheduleSource | undefined {
  const items: unknown[] = Array.isArray(json) ? json : isObject(json) ? (Array.isArray(json['data']) ? json['data'] : [json]) : [];
  if (isObject(json) && (Array.isArray(json['schedules']) || isObject(json['schedule']))) return 'zendesk';
  if (isObject(json) && typeof json['type'] === 'string' && json['type'].startsWith('office_hours_schedule')) return 'intercom';
  const first = items.find(isObject);
  if (first === undefined) return undefined;
  if (isObject(first['business_hours'])) return 'freshdesk';
  if (Array.isArray(first['time_intervals']) || first['type'] === 'office_hours_schedule') return 'intercom';
  return undefined;
}

const READERS: Record<ScheduleSource, (json: unknown) => ScheduleSpec[]> = { zendesk: fromZendesk, freshdesk: fromFreshdesk, intercom: fromIntercom };

/** Where schedule `index` came from in JSON of `source`, for errors found after conversion. */
function schedulePath(json: unknown, source: ScheduleSource, index: number): string {
  if (source === 'zendesk') return isObject(json) && json['schedules'] !== undefined ? `schedules[${index}]` : 'schedule';
  if (source === 'intercom' && isObject(json) && json['data'] !== undefined) return `data[${index}]`;
  return Array.isArray(json) ? `[${index}]` : '';
}

/**
 * Recognises the vendor from the JSON's shape (or takes `source`), and converts every schedule in it.
 * Throws ScheduleImportError with a message naming what is wrong (path in the JSON).
 *
 * Recognised shapes: Zendesk `{"schedules": [...]}` / `{"schedule": {...}}` (optionally with
 * `"holidays"`), Freshdesk business hours (an object with `"business_hours"`, or a list of them),
 * Intercom `{"type": "office_hours_schedule.list", "data": [...]}` or one `office_hours_schedule`.
 * Zendesk and Freshdesk Rails zone names are mapped to IANA (RAILS_TIME_ZONES); an unknown name is
 * an error naming it. Every result is checked with scheduleOf, so it is a valid config schedule.
 */
export function importSchedules(json: unknown, source?: ScheduleSource): ImportedSchedules {
  const vendor = source ?? recognise(json);
  if (vendor === undefined) {
    throw new ScheduleImportError(
      'not a schedule export this tool reads: expected Zendesk {"schedules": [...]} or {"schedule": {...}}, Freshdesk business hours (an object or a list of objects with "business_hours"), or Intercom {"type": "office_hours_schedule.list", "data": [...]}',
    );
  }
  const reader = READERS[vendor];
  if (reader === undefined) throw new ScheduleImportError(`source: ${quote(vendor)} is not one of zendesk, freshdesk, intercom`);
  const schedules = reader(json);
  schedules.forEach((spec, i) => {
    try {
      scheduleOf(spec);
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      const where = schedulePath(json, vendor, i);
      const field = error.message.startsWith('timezone:') ? (vendor === 'intercom' ? 'time_zone_name' : 'time_zone') : '';
      throw new ScheduleImportError(`${[where, field].filter((s) => s !== '').join('.') || 'schedule'}: ${field === '' ? error.message : error.message.replace(/^timezone: /, '')}`);
    }
  });
  return { source: vendor, schedules };
}
