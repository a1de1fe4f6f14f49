#!/usr/bin/env node
// generate-tickets.mjs: deterministic synthetic helpdesk ticket export.
//
// Writes tickets in the canonical support-metrics export format (CSV, JSON
// array or NDJSON). The output depends only on the arguments: the same
// arguments give byte-identical output. It uses a seeded PRNG (sfc32), never
// Math.random and never the wall clock. Rows are streamed, so memory stays
// bounded whatever --rows is.
//
// Plain ESM for Node >= 20.19, no build step. The only third-party import is
// csv-stringify, which does the CSV quoting.
//
// Usage: node scripts/generate-tickets.mjs --help

import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';

const USAGE = `Usage: node scripts/generate-tickets.mjs [options]

Generate a synthetic helpdesk ticket export, deterministically from a seed.

Options:
  --rows N              total rows, duplicates included (default 3000)
  --seed S              PRNG seed, any string (default 42)
  --format F            csv | json | ndjson (default: from the --out extension, else csv)
  --out FILE            output file, or - for stdout (default stdout)
  --start YYYY-MM-DD    first day of the period, 00:00 UTC (default 2026-03-02)
  --weeks W             length of the period in weeks (default 6)
  --invalid-rate R      share of rows that are invalid, 0..1 (default 0.01)
  --duplicate-rate R    share of rows that repeat an earlier ticket id (default 0.01)
  --distinct-agents     give every ticket an agent of its own (named after its number, e.g.
                        "Agent 000042"), for the many-groups case of npm run bench; a ticket
                        without an agent keeps none, and every other value is unchanged
  --summary             print counts (invalid rows by kind, duplicates, ...) as JSON to stderr
  -h, --help            show this help
`;

const COLUMNS = [
  'id', 'created_at', 'first_response_at', 'solved_at', 'closed_at', 'updated_at',
  'status', 'agent', 'team', 'channel', 'priority', 'language', 'customer',
  'satisfaction', 'nps', 'agent_replies', 'reopens', 'handle_time', 'escalated', 'tags',
];

const INVALID_KINDS = [
  'missing_id',
  'missing_created_at',
  'unparseable_created_at',
  'solved_before_created',
  'first_response_before_created',
  'satisfaction_meh',
  'nps_out_of_range',
  'agent_replies_negative',
  'escalated_maybe',
];

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- arguments

function fail(message) {
  process.stderr.write(`generate-tickets: ${String(message).replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

function parseConfig(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        rows: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        start: { type: 'string' },
        weeks: { type: 'string' },
        'invalid-rate': { type: 'string' },
        'duplicate-rate': { type: 'string' },
        'distinct-agents': { type: 'boolean' },
        summary: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    fail(err.message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }

  const int = (name, fallback, min, max) => {
    const s = values[name];
    if (s === undefined) return fallback;
    if (!/^\d+$/.test(s)) fail(`--${name} must be a whole number, got '${s}'`);
    const n = Number(s);
    if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}, got ${s}`);
    return n;
  };
  const rate = (name, fallback) => {
    const s = values[name];
    if (s === undefined) return fallback;
    const n = Number(s);
    if (s.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      fail(`--${name} must be a number from 0 to 1, got '${s}'`);
    }
    return n;
  };

  const rows = int('rows', 3000, 0, 100_000_000);
  const weeks = int('weeks', 6, 1, 520);
  const invalidRate = rate('invalid-rate', 0.01);
  const duplicateRate = rate('duplicate-rate', 0.01);

  const seed = values.seed ?? '42';
  if (seed === '') fail('--seed must not be empty');

  const startText = values.start ?? '2026-03-02';
  const startMs = /^\d{4}-\d{2}-\d{2}$/.test(startText) ? Date.parse(`${startText}T00:00:00Z`) : NaN;
  if (!Number.isFinite(startMs) || new Date(startMs).toISOString().slice(0, 10) !== startText) {
    fail(`--start must be a date like 2026-03-02, got '${startText}'`);
  }

  const out = values.out === undefined || values.out === '-' ? null : values.out;
  if (values.out === '') fail('--out must not be empty');
  let format = values.format;
  if (format === undefined) {
    const ext = out ? extname(out).toLowerCase() : '';
    format = ext === '.json' ? 'json' : ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : 'csv';
  } else if (!['csv', 'json', 'ndjson'].includes(format)) {
    fail(`--format must be csv, json or ndjson, got '${format}'`);
  }

  const duplicates = Math.round(rows * duplicateRate);
  const invalid = Math.round(rows * invalidRate);
  const originals = rows - duplicates;
  if (invalid + duplicates > originals) {
    fail('--invalid-rate plus twice --duplicate-rate must not exceed 1 (every duplicate needs a valid original)');
  }

  return {
    rows, seed, format, out, startMs, weeks, invalidRate, duplicateRate,
    duplicates, invalid, originals, summary: Boolean(values.summary),
    distinctAgents: Boolean(values['distinct-agents']),
  };
}

// ---------------------------------------------------------------- randomness

// xmur3 string hash, used to seed the generators.
function hashSeed(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

// sfc32: small fast PRNG with 128 bits of state; returns floats in [0, 1).
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Rand {
  // Separate named streams, so that e.g. JSON-only choices never change the
  // tickets themselves (CSV and JSON hold the same tickets).
  constructor(seed, stream) {
    const h = hashSeed(`${seed}\u0000${stream}`);
    this.next = sfc32(h(), h(), h(), h());
    for (let i = 0; i < 15; i++) this.next();
  }
  chance(p) { return this.next() < p; }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  between(lo, hi) { return lo + this.next() * (hi - lo); }
  normal() {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  lognormal(median, sigma) { return median * Math.exp(sigma * this.normal()); }
  geometric(p) { return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p)); }
  pick(items) { return items[Math.floor(this.next() * items.length)]; }
  weighted(table) {
    const x = this.next() * table.total;
    let i = 0;
    while (table.cum[i] <= x) i++;
    return table.items[i];
  }
  shuffle(items) {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

function table(pairs) {
  const items = [];
  const cum = [];
  let total = 0;
  for (const [item, weight] of pairs) {
    total += weight;
    items.push(item);
    cum.push(total);
  }
  return { items, cum, total };
}

function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

// ---------------------------------------------------------------- the domain

const AGENTS = [
  { name: 'Anna Schmidt', team: 'billing', weight: 1.2, language: 'de' },
  { name: 'Mark Jensen', team: 'billing', weight: 1.0 },
  { name: 'Priya Nair', team: 'billing', weight: 0.8 },
  { name: 'José Álvarez', team: 'technical', weight: 1.2, language: 'es' },
  { name: "Liam O'Brien", team: 'technical', weight: 1.0 },
  { name: 'Chen Wei', team: 'technical', weight: 0.9 },
  { name: 'Emma Dubois', team: 'onboarding', weight: 1.0, language: 'fr' },
  { name: 'Kwame Mensah', team: 'onboarding', weight: 0.7 },
];
const TEAMS = ['billing', 'technical', 'onboarding'];
const LANGUAGES = ['en', 'de', 'fr', 'es'];

// Agents of a team, weighted; an agent who speaks the customer's language is
// four times as likely to get the ticket.
const AGENT_TABLES = Object.fromEntries(TEAMS.map((team) => [team, Object.fromEntries(
  LANGUAGES.map((lang) => [lang, table(AGENTS.filter((a) => a.team === team)
    .map((a) => [a, a.weight * (a.language === lang ? 4 : 1)]))]),
)]));

const TOPICS = table([
  [{ tags: ['billing'], team: 'billing' }, 12],
  [{ tags: ['billing', 'refund'], team: 'billing' }, 6],
  [{ tags: ['refund'], team: 'billing' }, 2],
  [{ tags: ['billing', 'cancellation'], team: 'billing' }, 2.5],
  [{ tags: ['cancellation'], team: 'billing' }, 2.5],
  [{ tags: ['bug'], team: 'technical' }, 9],
  [{ tags: ['login'], team: 'technical' }, 5],
  [{ tags: ['bug', 'login'], team: 'technical' }, 1.5],
  [{ tags: ['feature-request'], team: 'technical' }, 3],
  [{ tags: ['how-to'], team: 'onboarding' }, 11],
  [{ tags: ['how-to'], team: 'technical' }, 4],
  [{ tags: ['how-to', 'account'], team: 'onboarding' }, 3],
  [{ tags: ['account'], team: 'onboarding' }, 4],
  [{ tags: [], team: null }, 12],
]);
// During the outage most new tickets are about logging in.
const INCIDENT_TOPICS = table([
  [{ tags: ['login'], team: 'technical' }, 5],
  [{ tags: ['bug', 'login'], team: 'technical' }, 3],
  [{ tags: ['bug'], team: 'technical' }, 2],
]);
const UNTAGGED_TEAM = table([['billing', 35], ['technical', 40], ['onboarding', 25]]);

const CHANNEL_IN_HOURS = table([['email', 42], ['chat', 31], ['phone', 12.5], ['web', 14.5]]);
const CHANNEL_OFF_HOURS = table([['email', 52], ['chat', 28], ['phone', 3], ['web', 17]]);

const PRIORITY = table([['low', 18], ['normal', 63], ['high', 14], ['urgent', 5]]);
const PRIORITY_TECH = table([['low', 8], ['normal', 55], ['high', 25], ['urgent', 12]]);
const PRIORITY_INCIDENT = table([['normal', 30], ['high', 45], ['urgent', 25]]);
const PRIORITY_UP = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const PRIORITY_SPEED = { low: 1.4, normal: 1, high: 0.6, urgent: 0.3 };

// Ticket volume by hour of day (UTC), weekdays and weekends.
const WEEKDAY_PROFILE = [0.6, 0.5, 0.45, 0.45, 0.5, 0.7, 1.2, 2.5, 6, 8.5, 9.5, 9.5,
  8, 8, 9, 9, 8, 6.5, 4, 3, 2.4, 1.8, 1.2, 0.8];
const WEEKEND_PROFILE = [0.3, 0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.5, 0.8, 1.1, 1.4, 1.5,
  1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7, 0.5, 0.4];
const DAY_FACTOR = [1.15, 1.05, 1, 1, 0.9, 1, 1]; // Monday .. Sunday

const ESCALATED_STYLES = table([
  [['true', 'false'], 60], [['True', 'False'], 8], [['TRUE', 'FALSE'], 4],
  [['yes', 'no'], 12], [['Yes', 'No'], 4], [['1', '0'], 12],
]);
const GOOD_TEXT = table([['good', 75], ['Good', 18], ['GOOD', 7]]);
const BAD_TEXT = table([['bad', 75], ['Bad', 18], ['BAD', 7]]);

const dayOfWeek = (t) => (Math.floor(t / DAY) + 3) % 7; // Monday = 0
const hourOfDay = (t) => Math.floor((t % DAY) / HOUR);
const isWorkingTime = (t) => dayOfWeek(t) < 5 && hourOfDay(t) >= 8 && hourOfDay(t) < 18;

// Timestamp styles: mostly Z; some rows with a UTC offset; a few with a space
// and milliseconds. All fields of a row share its style. Instants are kept in
// ms; second-precision styles truncate, which keeps >= orderings intact.
const STYLES = table([['Z', 92], ['+01:00', 2.5], ['-05:00', 2.5], ['space', 3]]);
const OFFSET_MS = { '+01:00': HOUR, '-05:00': -5 * HOUR };

function formatTime(t, style) {
  if (t === null) return null;
  if (style === 'Z') return `${new Date(t).toISOString().slice(0, 19)}Z`;
  if (style === 'space') {
    const iso = new Date(t).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11)}`;
  }
  return new Date(t + OFFSET_MS[style]).toISOString().slice(0, 19) + style;
}

// ---------------------------------------------------------------- generator

class TicketFactory {
  constructor(cfg) {
    this.cfg = cfg;
    this.rArrival = new Rand(cfg.seed, 'arrival');
    this.r = new Rand(cfg.seed, 'ticket');
    this.rSelect = new Rand(cfg.seed, 'select');
    this.start = cfg.startMs;
    this.end = cfg.startMs + cfg.weeks * 7 * DAY; // the moment of the export
    this.idWidth = Math.max(6, String(cfg.originals).length);

    // Customers: a pool of about 0.38 per ticket, drawn with a power law so a
    // few customers write many tickets; numbered through a permutation so the
    // busiest customer is not always C00001.
    this.pool = Math.max(20, Math.round(cfg.originals * 0.38));
    this.customerWidth = Math.max(5, String(this.pool).length);
    this.customerMul = Math.round(this.pool * 0.6180339887);
    while (gcd(this.customerMul, this.pool) !== 1) this.customerMul++;
    this.customerAdd = this.rSelect.int(0, this.pool - 1);
    this.customerSalt = this.rSelect.int(0, 0x7fffffff);

    this.buildArrivalCurve();
  }

  buildArrivalCurve() {
    const r = this.rArrival;
    const hours = this.cfg.weeks * 7 * 24;
    const days = hours / 24;
    // One short outage in the middle week: a spike of login tickets.
    const incidentDay = Math.min(days - 1, 7 * Math.floor(this.cfg.weeks / 2) + r.int(1, 3));
    const incidentStart = this.start + incidentDay * DAY + r.int(9, 14) * HOUR;
    this.incident = [incidentStart, incidentStart + 3 * HOUR];
    this.hourWeight = new Float64Array(hours);
    this.hourCum = new Float64Array(hours);
    let total = 0;
    for (let d = 0; d < days; d++) {
      const t0 = this.start + d * DAY;
      const dow = dayOfWeek(t0);
      const profile = dow < 5 ? WEEKDAY_PROFILE : WEEKEND_PROFILE;
      const noise = Math.exp(0.08 * r.normal());
      for (let h = 0; h < 24; h++) {
        const i = d * 24 + h;
        const t = t0 + h * HOUR;
        let w = profile[h] * DAY_FACTOR[dow] * noise * Math.exp(0.08 * r.normal());
        if (t >= this.incident[0] && t < this.incident[1]) w *= 3.5;
        this.hourWeight[i] = w;
        total += w;
        this.hourCum[i] = total;
      }
    }
    this.arrivalTotal = total;
    this.arrivalHour = 0;
    this.arrivalU = 0;
    this.arrivalLeft = this.cfg.originals;
  }

  // Creation times in increasing order: the order statistics of `originals`
  // uniform draws (drawn one at a time), mapped through the volume curve.
  nextCreated() {
    const n = this.arrivalLeft--;
    this.arrivalU += (1 - this.arrivalU) * (1 - Math.pow(1 - this.rArrival.next(), 1 / n));
    const target = Math.min(this.arrivalU, 1 - 1e-12) * this.arrivalTotal;
    while (this.hourCum[this.arrivalHour] <= target && this.arrivalHour < this.hourCum.length - 1) {
      this.arrivalHour++;
    }
    const w = this.hourWeight[this.arrivalHour];
    const frac = Math.min(Math.max((target - (this.hourCum[this.arrivalHour] - w)) / w, 0), 0.999999);
    return Math.floor(this.start + (this.arrivalHour + frac) * HOUR);
  }

  customer() {
    const idx = Math.min(this.pool - 1, Math.floor(this.pool * Math.pow(this.r.next(), 1.7)));
    const num = (idx * this.customerMul + this.customerAdd) % this.pool;
    const h = mix32(num ^ this.customerSalt);
    const l = (h & 0xffff) / 65536;
    return {
      id: `C${String(num + 1).padStart(this.customerWidth, '0')}`,
      language: l < 0.74 ? 'en' : l < 0.87 ? 'de' : l < 0.94 ? 'fr' : 'es',
      vip: ((h >>> 16) & 0xff) < 8,
    };
  }

  // Shift an agent's action that falls outside working hours to the next
  // working morning (most of the time; someone covers occasionally).
  working(t) {
    if (isWorkingTime(t)) return t;
    let day = Math.floor(t / DAY);
    if (!(dayOfWeek(t) < 5 && hourOfDay(t) < 8)) day++;
    while ((day + 3) % 7 >= 5) day++;
    return day * DAY + 8 * HOUR + Math.floor(this.r.between(0, 75) * MIN);
  }

  ticket(num) {
    const r = this.r;
    const created = this.nextCreated();
    const inIncident = created >= this.incident[0] && created < this.incident[1];
    const cust = this.customer();

    const topic = inIncident && r.chance(0.6) ? r.weighted(INCIDENT_TOPICS) : r.weighted(TOPICS);
    const tags = cust.vip ? [...topic.tags, 'vip'] : topic.tags;
    const team = topic.team ?? r.weighted(UNTAGGED_TEAM);
    const technical = tags.includes('bug') || tags.includes('login');
    let priority = r.weighted(inIncident && technical ? PRIORITY_INCIDENT : technical ? PRIORITY_TECH : PRIORITY);
    if (cust.vip && r.chance(0.4)) priority = PRIORITY_UP[priority];
    const channel = r.weighted(isWorkingTime(created) ? CHANNEL_IN_HOURS : CHANNEL_OFF_HOURS);
    const agent = r.weighted(AGENT_TABLES[team][cust.language]).name;
    const speed = PRIORITY_SPEED[priority];
    const followShift = priority === 'urgent' ? 0.3 : 0.85;

    // First response.
    let fr = null;
    let abandoned = false;
    if (channel === 'chat') {
      abandoned = r.chance(isWorkingTime(created) ? 0.08 : 0.25);
      if (!abandoned) fr = created + clamp(r.lognormal(2 * MIN, 0.6), 15 * SEC, 40 * MIN);
    } else if (channel === 'phone') {
      fr = created + clamp(r.lognormal(25 * SEC, 0.6), 3 * SEC, 10 * MIN);
    } else {
      fr = created + clamp(r.lognormal((channel === 'email' ? 2.1 : 1.7) * HOUR, 1.1) * speed, 2 * MIN, 20 * DAY);
      if (r.chance(followShift)) fr = this.working(fr);
    }
    fr = fr === null ? null : Math.floor(fr);

    // Resolution.
    let solved = null;
    let inSession = false;
    let reopens = 0;
    const stuck = !abandoned && r.chance(0.05); // waiting on the customer, or forgotten
    if (abandoned) {
      solved = created + clamp(r.lognormal(9 * MIN, 0.5), 2 * MIN, 45 * MIN);
    } else if (!stuck) {
      const slow = tags.includes('bug') ? 1.8 : 1;
      if ((channel === 'chat' && r.chance(0.78)) || (channel === 'phone' && r.chance(0.7))) {
        inSession = true;
        solved = fr + clamp(r.lognormal((channel === 'chat' ? 10 : 7) * MIN, 0.7), 1 * MIN, 2 * HOUR);
      } else {
        const median = channel === 'web' ? 12 * HOUR : 14 * HOUR;
        solved = created + r.lognormal(median * speed * slow, 1.1);
        solved = Math.max(solved, fr + r.lognormal(20 * MIN, 0.8));
        if (r.chance(followShift)) solved = this.working(solved);
      }
      const p = r.next();
      reopens = p < 0.015 ? 2 : p < 0.085 ? 1 : 0;
      for (let i = 0; i < reopens; i++) solved += r.lognormal(36 * HOUR, 0.9);
      solved = Math.floor(solved);
    }
    // Nothing can have happened after the export was taken.
    if (fr !== null && fr > this.end) fr = null;
    if (solved !== null && solved > this.end) solved = null;

    // Closing: solved tickets close automatically after 4 days (most) or
    // 28 days (the rest); the close job runs hourly.
    let closed = null;
    if (solved !== null) {
      if (abandoned && r.chance(0.5)) closed = solved + Math.floor(r.between(1, 60) * SEC);
      else closed = solved + (r.chance(0.6) ? 4 : 28) * DAY + Math.floor(r.between(0, 60) * MIN);
      if (closed > this.end) closed = null;
    }

    // Agent work.
    let replies = 0;
    let handle = 0;
    if (abandoned || fr === null) {
      replies = 0;
    } else if (inSession && solved !== null) {
      replies = channel === 'chat' ? 2 + r.geometric(0.35) : 1;
      handle = r.lognormal(channel === 'chat' ? 9 * MIN : 7 * MIN, 0.6);
      replies += reopens;
    } else {
      replies = 1 + r.geometric(0.5) + reopens + (solved === null ? 0 : r.geometric(0.7));
      if (channel === 'phone') handle += r.lognormal(7 * MIN, 0.6);
    }
    for (let i = channel === 'phone' || (inSession && solved !== null) ? 1 : 0; i < replies; i++) {
      handle += r.lognormal(4 * MIN, 0.7);
    }
    handle = Math.round(handle / SEC);

    // Status; unassigned tickets.
    let status;
    let agentName = agent;
    let teamName = team;
    if (solved !== null) {
      status = closed !== null ? 'closed' : 'solved';
      if (abandoned && r.chance(0.5)) agentName = null;
    } else if (fr === null) {
      status = r.chance(0.65) ? 'new' : 'open';
      if (status === 'new') {
        agentName = null;
        if (r.chance(0.4)) teamName = null;
      }
    } else {
      status = r.chance(stuck ? 0.7 : 0.5) ? 'pending' : 'open';
    }
    if (status !== 'new' && r.chance(0.004)) { agentName = null; teamName = null; }

    // Escalation.
    const pEsc = 0.04 + (priority === 'urgent' ? 0.2 : priority === 'high' ? 0.07 : 0)
      + (tags.includes('bug') ? 0.08 : 0) + (inIncident ? 0.2 : 0) + reopens * 0.1;
    const escalated = r.chance(pEsc);
    const escText = r.chance(0.04) ? null : r.weighted(ESCALATED_STYLES)[escalated ? 0 : 1];

    // Satisfaction survey (mostly after solving) and NPS.
    const slowFirst = fr !== null && fr - created > (channel === 'chat' ? 5 * MIN : channel === 'phone' ? 2 * MIN : 8 * HOUR);
    const unhappy = 0.1 + (reopens ? 0.2 : 0) + (slowFirst ? 0.1 : 0) + (solved !== null && solved - created > 4 * DAY ? 0.12 : 0);
    let sat = null;
    let ratedAt = null;
    if (solved !== null && !abandoned && r.chance(channel === 'chat' ? 0.42 : 0.32)) {
      ratedAt = solved + Math.min(r.lognormal(2 * HOUR, 1.2), 3.9 * DAY);
      sat = ratingValue(r, channel, r.chance(unhappy));
    } else if (solved === null && fr !== null && r.chance(0.03)) {
      ratedAt = fr + Math.min(r.lognormal(6 * HOUR, 1), 3.9 * DAY);
      sat = ratingValue(r, channel, r.chance(0.7));
    }
    if (ratedAt !== null && ratedAt > this.end) { ratedAt = null; sat = null; }
    let nps = null;
    let npsAt = null;
    if (!abandoned && r.chance(0.17) && (solved !== null || r.chance(0.1))) {
      npsAt = (solved ?? fr ?? created) + Math.min(r.lognormal(5 * HOUR, 1), 3.9 * DAY);
      const unhappyNps = r.chance(unhappy + (sat !== null && isBad(sat) ? 0.5 : 0));
      nps = unhappyNps ? r.int(0, 6) : r.chance(0.3) ? r.int(7, 8) : r.int(9, 10);
      if (npsAt > this.end) { npsAt = null; nps = null; }
    }
    if (ratedAt !== null) ratedAt = Math.floor(ratedAt);
    if (npsAt !== null) npsAt = Math.floor(npsAt);

    // updated_at: the last change. Closed tickets don't change any more.
    const latest = Math.max(created, fr ?? 0, solved ?? 0, closed ?? 0, ratedAt ?? 0, npsAt ?? 0);
    let updated = closed ?? latest + (r.chance(0.4) ? 0 : Math.floor(r.lognormal(3 * MIN, 1.5)));
    updated = Math.max(latest, Math.min(updated, this.end));

    return {
      num,
      id: `T${String(num).padStart(this.idWidth, '0')}`,
      created, fr, solved, closed, updated, ratedAt, npsAt,
      status, agent: agentName, team: teamName, channel, priority,
      language: cust.language, customer: cust.id,
      sat, nps, replies, handle,
      reopens: r.chance(0.04) ? null : reopens,
      escalated: escText === null ? null : escalated,
      escText,
      tags,
      style: r.weighted(STYLES),
      raw: null,
    };
  }
}

function clamp(x, lo, hi) { return Math.min(Math.max(x, lo), hi); }
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }

function ratingValue(r, channel, bad) {
  if (channel === 'chat') return r.weighted(bad ? BAD_TEXT : GOOD_TEXT);
  if (bad) { const p = r.next(); return p < 0.5 ? 1 : p < 0.85 ? 2 : 3; }
  const p = r.next();
  return p < 0.6 ? 5 : p < 0.9 ? 4 : 3;
}
const isBad = (sat) => (typeof sat === 'number' ? sat <= 2 : sat.toLowerCase() === 'bad');

// The ticket as an earlier export saw it, at time x (created <= x < updated).
function snapshot(t, x, r) {
  const s = { ...t, tags: t.tags.slice(), raw: null };
  if (s.fr !== null && s.fr > x) s.fr = null;
  if (s.solved !== null && s.solved > x) s.solved = null;
  if (s.closed !== null && s.closed > x) s.closed = null;
  if (s.ratedAt !== null && s.ratedAt > x) { s.ratedAt = null; s.sat = null; }
  if (s.npsAt !== null && s.npsAt > x) { s.npsAt = null; s.nps = null; }
  if (s.solved === null && t.solved !== null) {
    const share = (x - t.created) / Math.max(1, t.solved - t.created);
    s.replies = s.fr === null ? 0 : Math.max(1, Math.min(t.replies, Math.round(t.replies * share)));
    s.handle = s.replies === 0 ? 0 : Math.max(1, Math.round(t.handle * s.replies / Math.max(1, t.replies)));
    if (s.reopens !== null) s.reopens = 0;
  }
  if (s.closed !== null) s.status = 'closed';
  else if (s.solved !== null) s.status = 'solved';
  else if (s.fr !== null) s.status = r.chance(0.5) ? 'pending' : 'open';
  else { s.status = 'new'; s.agent = null; }
  s.updated = x;
  return s;
}

// Pick the moment of the earlier export so that the later row has moved on:
// mostly "open then, solved now", sometimes "solved then, closed now".
function duplicatePair(t, r) {
  const canBeforeClose = t.closed !== null && t.closed - t.solved > 3 * SEC;
  let x;
  if (t.solved !== null && (!canBeforeClose || r.chance(0.75))) {
    x = t.created + (t.solved - t.created) * r.between(0.1, 1) - 2 * SEC;
  } else if (canBeforeClose) {
    x = t.solved + (t.closed - t.solved) * r.between(0, 1) - 2 * SEC;
  } else if (t.fr !== null && t.fr - t.created > 3 * SEC) {
    x = t.created + (t.fr - t.created) * r.between(0, 1) - 2 * SEC;
  } else {
    // Nothing has happened to it yet: the earlier export has it new and
    // unassigned, the later one assigned to an agent.
    const later = { ...t, status: 'open', updated: t.updated + Math.floor(r.lognormal(20 * MIN, 0.8)) + 2 * SEC };
    if (later.agent === null) later.agent = r.weighted(AGENT_TABLES[t.team ?? 'technical'][t.language]).name;
    return [snapshot(t, t.created, r), later];
  }
  x = Math.max(t.created, Math.floor(x));
  return [snapshot(t, x, r), t];
}

const UNPARSEABLE_FORMS = ['31/02/YYYY HH:MM', 'YYYY-02-30THH:MM:SSZ', 'yesterday'];

function makeInvalid(t, kind, variant, r) {
  t.raw = {};
  switch (kind) {
    case 'missing_id': t.id = null; break;
    case 'missing_created_at': t.raw.created_at = null; break;
    case 'unparseable_created_at': {
      const iso = new Date(t.created).toISOString();
      const [y, hh, mm, ss] = [iso.slice(0, 4), iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)];
      // See UNPARSEABLE_FORMS.
      t.raw.created_at = [`31/02/${y} ${hh}:${mm}`, `${y}-02-30T${hh}:${mm}:${ss}Z`, 'yesterday'][variant % 3];
      break;
    }
    case 'solved_before_created':
      t.solved = t.created - Math.floor(r.lognormal(5 * HOUR, 1) + MIN);
      if (t.closed === null) t.status = 'solved';
      break;
    case 'first_response_before_created':
      t.fr = t.created - Math.floor(r.lognormal(40 * MIN, 0.8) + MIN);
      if (t.status === 'new') t.status = 'open';
      break;
    case 'satisfaction_meh': t.sat = 'meh'; break;
    case 'nps_out_of_range': t.nps = 11; break;
    case 'agent_replies_negative': t.replies = -1; break;
    case 'escalated_maybe': t.escText = 'maybe'; t.escalated = null; break;
    default: throw new Error(`unknown invalid kind ${kind}`);
  }
}

// With --distinct-agents: the ticket's own agent, named after its number, so
// that no two tickets share one while the rows of one ticket (a duplicate and
// its original) do. Renaming only here, after every random draw, keeps all the
// other values byte for byte what the same seed writes without the option.
function agentOf(t, cfg) {
  if (!cfg.distinctAgents || t.agent === null) return t.agent;
  return `Agent ${String(t.num).padStart(Math.max(6, String(cfg.originals).length), '0')}`;
}

// One output row: values in COLUMNS order. null = blank. Numbers stay numbers
// (JSON decides whether to write them as strings), tags stay an array, and
// escalated is the export's text, with the boolean alongside.
function toRow(t, stats, cfg) {
  stats.rowsByTimestampStyle[t.style] = (stats.rowsByTimestampStyle[t.style] ?? 0) + 1;
  const ts = (v) => formatTime(v, t.style);
  const values = [
    t.id, ts(t.created), ts(t.fr), ts(t.solved), ts(t.closed), ts(t.updated),
    t.status, agentOf(t, cfg), t.team, t.channel, t.priority, t.language, t.customer,
    t.sat, t.nps, t.replies, t.reopens, t.handle, t.escText, t.tags,
  ];
  if (t.raw && 'created_at' in t.raw) values[1] = t.raw.created_at;
  return { values, escalated: t.escalated };
}

// All rows in output order. Exactly cfg.rows rows: `originals` tickets in
// creation order (of which `invalid` are broken, spread evenly over the kinds,
// each in one way), and `duplicates` later re-exports of valid tickets,
// placed some rows after the original.
function* rows(cfg, stats) {
  const factory = new TicketFactory(cfg);
  const rs = factory.rSelect;
  const maxLag = Math.max(20, Math.min(2000, Math.floor(cfg.rows / 4)));
  const pending = []; // { due, row }, sorted by due
  let invalidLeft = cfg.invalid;
  let dupLeft = cfg.duplicates;
  let originalsLeft = cfg.originals;
  let kindCycle = [];
  for (let i = 0, num = 1; i < cfg.rows; i++) {
    if (pending.length && (pending[0].due <= i || originalsLeft === 0)) {
      stats.duplicates++;
      yield pending.shift().row;
      continue;
    }
    const t = factory.ticket(num++);
    const validLeft = originalsLeft - invalidLeft;
    const isInvalid = rs.next() * originalsLeft < invalidLeft;
    originalsLeft--;
    if (isInvalid) {
      invalidLeft--;
      if (kindCycle.length === 0) kindCycle = rs.shuffle(INVALID_KINDS);
      const kind = kindCycle.pop();
      makeInvalid(t, kind, stats.invalid[kind], rs);
      stats.invalid[kind]++;
      stats.invalidTotal++;
      if (kind === 'unparseable_created_at') {
        const form = UNPARSEABLE_FORMS[(stats.invalid[kind] - 1) % 3];
        stats.unparseableForms[form] = (stats.unparseableForms[form] ?? 0) + 1;
      }
      yield toRow(t, stats, cfg);
      continue;
    }
    if (rs.next() * validLeft < dupLeft) {
      dupLeft--;
      const [earlier, later] = duplicatePair(t, rs);
      later.style = rs.weighted(STYLES);
      stats.duplicateTransitions[`${earlier.status}->${later.status}`] =
        (stats.duplicateTransitions[`${earlier.status}->${later.status}`] ?? 0) + 1;
      const due = i + 1 + rs.int(0, maxLag);
      let at = pending.length;
      while (at > 0 && pending[at - 1].due > due) at--;
      pending.splice(at, 0, { due, row: toRow(later, stats, cfg) });
      countTicket(stats, later);
      yield toRow(earlier, stats, cfg);
    } else {
      countTicket(stats, t);
      yield toRow(t, stats, cfg);
    }
  }
  stats.incident = factory.incident.map((x) => new Date(x).toISOString());
  stats.period = [new Date(factory.start).toISOString(), new Date(factory.end).toISOString()];
}

// Statistics over unique valid tickets (their latest state).
function countTicket(stats, t) {
  const u = stats.uniqueValidTickets;
  u.count++;
  u.status[t.status] = (u.status[t.status] ?? 0) + 1;
  u.channel[t.channel] = (u.channel[t.channel] ?? 0) + 1;
  if (t.agent === null) u.noAgent++;
  if (t.team === null) u.noTeam++;
}

// ---------------------------------------------------------------- output

const CSV_NUMERIC = new Set(['satisfaction', 'nps', 'agent_replies', 'reopens', 'handle_time']);
const NUMERIC_INDEX = COLUMNS.map((c) => CSV_NUMERIC.has(c));
const TAGS_INDEX = COLUMNS.indexOf('tags');
const ESCALATED_INDEX = COLUMNS.indexOf('escalated');

function csvRecord(row) {
  return row.values.map((v, i) => {
    if (v === null) return '';
    if (i === TAGS_INDEX) return v.join(',');
    return String(v);
  });
}

// JSON: numbers and booleans typed for most records; ~10% of records carry
// them as strings, as some real exports do. Blank values: key omitted or null.
function jsonRecord(row, rj) {
  const stringy = rj.chance(0.1);
  const obj = {};
  for (let i = 0; i < COLUMNS.length; i++) {
    let v = row.values[i];
    if (i === TAGS_INDEX && v !== null && v.length === 0 && rj.chance(0.25)) v = null;
    if (v === null) {
      if (rj.chance(0.5)) obj[COLUMNS[i]] = null;
      continue;
    }
    if (i === ESCALATED_INDEX) v = stringy || row.escalated === null ? v : row.escalated;
    else if (NUMERIC_INDEX[i] && stringy && typeof v === 'number') v = String(v);
    obj[COLUMNS[i]] = v;
  }
  return JSON.stringify(obj);
}

// Join small strings into ~64 KiB chunks before they reach the stream.
function* chunked(strings) {
  let buf = '';
  for (const s of strings) {
    buf += s;
    if (buf.length >= 65536) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}

function* jsonText(cfg, stats) {
  const rj = new Rand(cfg.seed, 'json');
  if (cfg.format === 'ndjson') {
    for (const row of rows(cfg, stats)) yield `${jsonRecord(row, rj)}\n`;
    return;
  }
  yield '[';
  let first = true;
  for (const row of rows(cfg, stats)) {
    yield first ? `\n${jsonRecord(row, rj)}` : `,\n${jsonRecord(row, rj)}`;
    first = false;
  }
  yield '\n]\n';
}

function* csvRecords(cfg, stats) {
  for (const row of rows(cfg, stats)) yield csvRecord(row);
}

async function main() {
  const cfg = parseConfig(process.argv.slice(2));
  const stats = {
    rows: cfg.rows, duplicates: 0, invalidTotal: 0,
    invalid: Object.fromEntries(INVALID_KINDS.map((k) => [k, 0])), unparseableForms: {},
    duplicateTransitions: {},
    uniqueValidTickets: { count: 0, status: {}, channel: {}, noAgent: 0, noTeam: 0 },
    rowsByTimestampStyle: {},
  };
  const out = cfg.out ? createWriteStream(cfg.out) : process.stdout;
  const stages = cfg.format === 'csv'
    ? [Readable.from(csvRecords(cfg, stats)), stringify({ header: true, columns: COLUMNS })]
    : [Readable.from(chunked(jsonText(cfg, stats)), { objectMode: false })];
  try {
    await pipeline(...stages, out);
  } catch (err) {
    if (err.code === 'EPIPE') return; // e.g. piped into `head`
    process.stderr.write(`generate-tickets: ${err.message}\n`);
    process.exit(1);
  }
  if (cfg.summary) {
    process.stderr.write(`${JSON.stringify(stats, null, 2)}\n`);
  }
}

main();
