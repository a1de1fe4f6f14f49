import { formatCount } from '../count-text.js';
import type { ColumnProfile, ValueShape } from './column-profile.js';
import { FIELDS, REQUIRED_FIELDS, TICKET_FIELDS } from '../schema/fields.js';
import { headerMatch } from '../dialect/dialect.js';

/**
 * A column mapping proposed for an export that no preset and no canonical header explains: which
 * column feeds which canonical field, judged by its header (a table of the names helpdesks, call
 * centres and issue trackers give each field) and by its values (a timestamp field needs
 * timestamps, an id distinct values…). `inspect` shows it, ready to paste as --map or as the
 * config's `columns`.
 */

/**
 * The names a column feeding each canonical field goes by, normalised (see normaliseHeader): lower
 * case, every run of punctuation and spaces one space. A header matches a name exactly, or holds it
 * as whole words (`Opened On (UTC)` holds `opened on`); a name written `=name` must be the whole
 * header (a generic word: `Phone number` is no ticket id, `Agent email` no customer). A name may
 * serve several fields: the values decide (`first response time`: timestamps are first_response_at,
 * durations first_response_time). Within a field, earlier names are preferred.
 */
export const HEADER_SYNONYMS = {
  id: [
    'ticket id', 'ticket number', 'ticket no', 'ticket key', 'ticket ref', 'issue key', 'issue id', 'issue number', 'case id', 'caseid',
    'case number', 'call id', 'complaint id', 'incident id', 'incident number', 'request id', 'request number', 'conversation id',
    'chat id', '=id', '=ref', '=reference', '=number', '=key', '=no',
  ],
  created_at: [
    'created at', 'created', 'created time', 'created date', 'created on', 'creation date', 'creation time', 'date created',
    'opened', 'opened at', 'opened on', 'opened date', 'date opened', 'open date', 'date received', 'received at', 'submitted at',
    'date submitted', 'submitted', 'conversation started at', 'start time', 'started at', 'call start time', 'reported at',
    'completetimestamp', 'complete timestamp', '=date',
  ],
  first_response_at: [
    'first response at', 'first response', 'first response time', 'first responded at', 'first reply at', 'first reply',
    'first reply time', 'initial response time', 'initial response', 'responded at', 'response time',
  ],
  solved_at: [
    'solved at', 'solved', 'solved date', 'solved time', 'date solved', 'resolved at', 'resolved', 'resolved time', 'resolved on',
    'resolved date', 'date resolved', 'resolution date', 'completed at', 'completed', 'completed on', 'date completed',
  ],
  closed_at: ['closed at', 'closed', 'closed on', 'closed date', 'closed time', 'date closed', 'close date', 'close time'],
  updated_at: [
    'updated at', 'updated', 'last updated', 'last updated at', 'last update', 'last update time', 'last modified', 'modified',
    'modified at', 'modified date', 'date modified', 'sys updated at',
  ],
  activity: ['activity', 'activity id', 'activity name', 'activity type', 'event', 'event type', 'event name', 'action', '=step'],
  status: ['status', 'ticket status', 'case status', 'issue status', 'incident state', 'call status', '=state'],
  agent: [
    'agent', 'agent name', 'agent email', 'assignee', 'assigned to', 'assigned agent', 'owner', 'ticket owner', 'handled by',
    'answered by', 'representative', 'responder', '=resource', '=rep',
  ],
  team: ['team', 'group', 'queue', 'assignment group', 'assigned group', 'support group', 'department', 'component s', 'components'],
  channel: ['channel', 'source', 'via', 'medium', 'submitted via', 'contact type', 'contact method', 'origin'],
  priority: ['priority', 'severity', 'urgency'],
  language: ['language', 'locale', 'lang'],
  customer: [
    'customer', 'customer id', 'customer name', 'customer email', 'requester', 'requester id', 'requester name', 'requester email',
    'requested by', 'reporter', 'caller', 'caller id', 'contact name', 'contact email', 'client name', 'client id', '=contact',
    '=client', '=full name', '=email', '=name',
  ],
  satisfaction: [
    'satisfaction', 'satisfaction rating', 'satisfaction score', 'customer satisfaction', 'csat', 'csat score', 'customer rating',
    'survey results', 'survey rating', 'feedback rating', '=rating', '=score',
  ],
  nps: ['nps', 'nps score', 'net promoter score', 'likelihood to recommend'],
  agent_replies: ['agent replies', 'agent interactions', 'agent messages', 'reply count', 'number of replies', '=replies'],
  reopens: ['reopens', 'reopen count', 'reopened count', 'times reopened', 'number of reopens'],
  handle_time: [
    'handle time', 'handling time', 'average handle time', 'talk time', 'talk duration', 'avgtalkduration', 'avg talk duration',
    'call duration', 'aht', '=duration',
  ],
  escalated: ['escalated', 'is escalated', 'escalation'],
  tags: ['tags', 'labels', 'categories', '=tag', '=label'],
  business_first_response_time: ['business first response time', 'first response time business hours'],
  business_resolution_time: ['business resolution time', 'resolution time business hours'],
  resolved: ['resolved', 'is resolved', 'resolved y n', 'solved'],
  answered: ['answered', 'answered y n', 'is answered', 'call answered'],
  first_response_time: [
    'first response time', 'first response time in hrs', 'first response time in hours', 'first response time in seconds',
    'first reply time', 'time to first response', 'time to first reply', 'speed of answer', 'speed of answer in seconds',
    'average speed of answer', 'response time',
  ],
  resolution_time: [
    'resolution time', 'resolution time in hrs', 'resolution time in hours', 'full resolution time', 'time to resolution',
    'time to resolve', 'time to close',
  ],
} as const satisfies Record<string, readonly string[]>;

export interface ProposedField {
  /** The canonical field. */
  field: string;
  /** One header, or two: a date column and a time column, joined with a space. */
  headers: string[];
  /** Why: `header "Opened On" means created_at; its values are timestamps`. */
  why: string;
}

export interface Proposal {
  /** In the order of HEADER_SYNONYMS (the canonical order). */
  fields: ProposedField[];
  /** Required fields (id, created_at) with no column. */
  missing: string[];
  /**
   * Why the rows look like the events of tickets (ids repeat, each row with its own time), to be
   * read with --event-log; null when they do not.
   */
  eventLog: string | null;
  /** Ready to paste: `--map 'id=Ref,created_at=Opened On'` (then ` --event-log` for an event log); '' when nothing is proposed. */
  mapFlag: string;
  /** The config's `columns`: field → header, or [date header, time header]. */
  configColumns: Record<string, string | string[]>;
}

export interface PresetDistance {
  name: string;
  title: string;
  /** Signature headers not found (a choice of headers as `A or B`). */
  missing: string[];
}

/** A header as the synonyms are written: lower case, each run of punctuation and spaces one space. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The header's forms to match: as written, and with camelCase split (`AvgTalkDuration`, `createdAt`). */
function headerForms(header: string): string[] {
  const plain = normaliseHeader(header);
  const split = normaliseHeader(header.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
  return split === plain ? [plain] : [plain, split];
}

type Match = { exact: boolean; name: string };

/** How a header matches a synonym: exactly, as whole words, or not (undefined). */
function matchOf(forms: readonly string[], synonym: string): Match | undefined {
  const exactOnly = synonym.startsWith('=');
  const name = exactOnly ? synonym.slice(1) : synonym;
  if (forms.includes(name)) return { exact: true, name };
  if (!exactOnly && forms.some((form) => ` ${form} `.includes(` ${name} `))) return { exact: false, name };
  return undefined;
}

const SHAPE_TEXT: Record<ValueShape, string> = {
  blank: 'blank',
  timestamp: 'timestamps',
  date: 'dates',
  time: 'times of day',
  duration: 'durations',
  number: 'numbers',
  'yes-no': 'yes/no values',
  rating: 'whole numbers 1–5',
  text: 'text',
};

const FORMAT_TEXT: Record<string, string> = {
  DMY: ', day first',
  MDY: ', month first',
  YMD: ', year first',
  'epoch-seconds': ', in seconds since 1970',
  'epoch-millis': ', in milliseconds since 1970',
};

/** Words that, beside a field's name in a header, say the column holds something else than that field's text (`Queue time`, `Contact reason`). */
const NOT_TEXT_WORDS = new Set(['time', 'date', 'duration', 'count', 'reason', 'rating', 'score', 'seconds', 'minutes', 'hours', 'hrs', 'mins', 'interactions', 'replies']);
/** Words that, beside a field's name, still name that field when its values are numbers (`Agent ID`, `Priority level`). */
const CODE_WORDS = new Set(['id', 'code', 'level', 'no', 'nr', 'number', 'num', 'key']);

/** The share of distinct values an id column needs, unless its header names the id exactly. */
const ID_DISTINCT_SHARE = 0.95;
/** Rows per id an exactly named id column may have (event logs: one row per event of a case). */
const MAX_ROWS_PER_ID = 100;
/** A text column with this many distinct values or fewer may be a satisfaction scale in words. */
const MAX_SCALE_WORDS = 10;

const count = formatCount;

function kindOf(field: string): string {
  return FIELDS.find((f) => f.name === field)?.kind ?? 'text';
}

/** Only 0 and 1 among the samples (a count column whose header does not say it counts looks yes/no). */
const zeroOne = (profile: ColumnProfile): boolean => profile.samples.length > 0 && profile.samples.every((s) => s === '0' || s === '1');

/** Whether a header names another unit than seconds (hours, minutes) for a column of plain numbers: read as seconds, they would be wrong. */
function namesOtherUnit(header: string): boolean {
  return normaliseHeader(header)
    .split(' ')
    .some((w) => ['hrs', 'hr', 'hours', 'hour', 'min', 'mins', 'minutes', 'minute'].includes(w));
}

/**
 * Whether a column's values fit a field of this kind: the description of its values for the why,
 * or undefined. `exact`: the header is exactly one of the field's names. `words`: the header's
 * words beside the name it holds (partial matches).
 */
function valuesFit(kind: string, profile: ColumnProfile, exact: boolean, words: readonly string[]): string | undefined {
  const { shape } = profile;
  const values = SHAPE_TEXT[shape];
  if (shape === 'blank') return undefined;
  switch (kind) {
    case 'id':
      return idFit(profile, exact);
    case 'timestamp':
      return shape === 'timestamp' ? `${values}${FORMAT_TEXT[profile.dateFormat ?? ''] ?? ''}` : undefined;
    case 'satisfaction':
      if (shape === 'rating' || shape === 'number') return values;
      if (shape === 'text' && !profile.distinctCapped && profile.distinct <= MAX_SCALE_WORDS) {
        return `${profile.distinct} different words (${profile.samples.map((s) => `"${s}"`).join(', ')}…): give their meaning in the config's values`;
      }
      return undefined;
    case 'score':
      return shape === 'rating' || shape === 'number' ? values : undefined;
    case 'count':
      if (shape === 'rating' || shape === 'number') return values;
      return shape === 'yes-no' && zeroOne(profile) ? 'numbers' : undefined;
    case 'seconds':
    case 'duration':
      if (shape === 'duration') return values;
      // A number is read as seconds: one in hours or minutes (by its header) is not proposed.
      return (shape === 'number' || shape === 'rating') && !namesOtherUnit(profile.header) ? values : undefined;
    case 'yesNo':
      return shape === 'yes-no' ? values : undefined;
    case 'tags':
      return shape === 'text' ? values : undefined;
    default:
      // Text: names, codes, labels. Not dates, times, durations or yes/no; numbers only where the header says they are codes.
      if (!exact && words.some((w) => NOT_TEXT_WORDS.has(w))) return undefined;
      if (shape === 'text') return values;
      if ((shape === 'number' || shape === 'rating') && (exact || words.some((w) => CODE_WORDS.has(w)))) return values;
      return undefined;
  }
}

function idFit(profile: ColumnProfile, exact: boolean): string | undefined {
  const { values, blank, distinct, distinctCapped } = profile;
  if (blank > 0 || values === 0) return undefined;
  if (distinctCapped) return `more than ${count(distinct)} different values, never blank`;
  if (distinct === values) return 'all different, never blank';
  if (distinct >= ID_DISTINCT_SHARE * values) return `${count(distinct)} different in ${count(values)} rows, never blank (rows with the same id are one ticket)`;
  if (exact && distinct > 1 && values <= MAX_ROWS_PER_ID * distinct) {
    return `${count(distinct)} different ids in ${count(values)} rows, never blank: rows with the same id are one ticket, the one updated last kept`;
  }
  return undefined;
}

/** Words of two headers that say they belong together (`Date received`, `Time received`), beyond date and time themselves. */
const PAIR_IGNORED_WORDS = new Set(['date', 'time', 'day', 'of', 'the', 'on', 'at', 'in', 'a', 'an', 'and', 'by', 'to']);
/** Time headers that go with the creation date even without a shared word. */
const CREATION_TIME_HEADERS = new Set(['time', 'time received', 'received time', 'start time']);

interface Candidate {
  field: string;
  fieldOrder: number;
  kind: string;
  column: number;
  exact: boolean;
  /** The synonym's place in its field's list. */
  rank: number;
  /** Words in the synonym (a longer partial match is the more specific). */
  length: number;
  name: string;
}

/** The proposed mapping for a file's columns, from their profiles. */
export function proposeMapping(profiles: readonly ColumnProfile[]): Proposal {
  // A header written twice cannot be named by a mapping; a blank one cannot be named at all.
  const key = (p: ColumnProfile): string => p.header.trim().toLowerCase();
  const times = new Map<string, number>();
  for (const p of profiles) times.set(key(p), (times.get(key(p)) ?? 0) + 1);
  const usable = profiles.map((p) => key(p) !== '' && times.get(key(p)) === 1);
  const taken = new Set<number>();
  const chosen = new Map<string, ProposedField>();

  // Exact matches first; then the longer (more specific) name; then the field's preferred name; then the leftmost column.
  const better = (a: Candidate, b: Candidate): number =>
    Number(b.exact) - Number(a.exact) || (a.exact ? 0 : b.length - a.length) || a.rank - b.rank || a.column - b.column || a.fieldOrder - b.fieldOrder;
  const candidates: Candidate[] = [];
  // Only the fields the tool reads (the table may name fields still to come).
  const readable = Object.entries(HEADER_SYNONYMS).filter(([field]) => (TICKET_FIELDS as readonly string[]).includes(field));
  readable.forEach(([field, synonyms], fieldOrder) => {
    const kind = kindOf(field);
    profiles.forEach((profile, column) => {
      if (!usable[column]) return;
      const forms = headerForms(profile.header);
      // The best of the field's names this header matches: one candidate per field and column.
      let best: Candidate | undefined;
      for (const [rank, synonym] of (synonyms as readonly string[]).entries()) {
        const match = matchOf(forms, synonym);
        if (match === undefined) continue;
        const candidate = { field, fieldOrder, kind, column, exact: match.exact, rank, length: match.name.split(' ').length, name: match.name };
        if (best === undefined || better(candidate, best) < 0) best = candidate;
      }
      if (best !== undefined) candidates.push(best);
    });
  });
  candidates.sort(better);

  for (const candidate of candidates) {
    const { field, column, exact, name, kind } = candidate;
    if (chosen.has(field) || taken.has(column)) continue;
    const profile = profiles[column]!;
    const header = profile.header.trim();
    // A partial match: the header's other words, in the form that holds the name (`AgentId`: agent, id).
    const form = headerForms(profile.header).find((f) => ` ${f} `.includes(` ${name} `)) ?? '';
    const words = exact ? [] : form.split(' ').filter((w) => !name.split(' ').includes(w));
    const means = exact ? `header "${header}" means ${field}` : `header "${header}" holds "${name}", a name for ${field}`;
    if (kind === 'timestamp' && profile.shape === 'date') {
      const time = timePartner(profiles, usable, taken, column, field);
      if (time === undefined) continue;
      const timeHeader = profiles[time]!.header.trim();
      const format = FORMAT_TEXT[profile.dateFormat ?? ''] ?? '';
      chosen.set(field, {
        field,
        headers: [header, timeHeader],
        why: `${means}; its values are dates${format}, and "${timeHeader}" holds times of day: joined with a space, they are timestamps`,
      });
      taken.add(column).add(time);
      continue;
    }
    const fit = valuesFit(kind, profile, exact, words);
    if (fit === undefined) continue;
    chosen.set(field, { field, headers: [header], why: `${means}; its values are ${fit}` });
    taken.add(column);
  }

  if (!chosen.has('id')) {
    const column = idByValues(profiles, usable, taken);
    if (column !== undefined) {
      const profile = profiles[column]!;
      const header = profile.header.trim();
      const values = profile.distinctCapped ? `has more than ${count(profile.distinct)} different values` : `has a different value in each of its ${count(profile.values)} rows`;
      chosen.set('id', { field: 'id', headers: [header], why: `no header names the ticket id, but "${header}" ${values} and no blank` });
      taken.add(column);
    }
  }

  const fields = Object.keys(HEADER_SYNONYMS).flatMap((field) => chosen.get(field) ?? []);
  const configColumns: Record<string, string | string[]> = {};
  for (const { field, headers } of fields) configColumns[field] = headers.length === 1 ? headers[0]! : [...headers];
  const eventLog = eventLogOf(profiles, chosen);
  const mapFlag = mapFlagOf(fields);
  return {
    fields,
    missing: REQUIRED_FIELDS.filter((f) => !chosen.has(f)),
    eventLog,
    mapFlag: eventLog === null || mapFlag === '' ? mapFlag : `${mapFlag} --event-log`,
    configColumns,
  };
}

/**
 * Whether the chosen id and created_at columns look like an event log: ids repeat, and there are
 * more different times than ids (a ticket exported twice repeats its creation time; the events of
 * one case each have their own). Why, and what to add, or null.
 */
function eventLogOf(profiles: readonly ColumnProfile[], chosen: ReadonlyMap<string, ProposedField>): string | null {
  const profileOf = (field: string): ColumnProfile | undefined => {
    const headers = chosen.get(field)?.headers;
    return headers?.length === 1 ? profiles.find((p) => p.header.trim() === headers[0]) : undefined;
  };
  const id = profileOf('id');
  const created = profileOf('created_at');
  if (id === undefined || created === undefined || id.distinctCapped || id.distinct >= id.values || created.distinct <= id.distinct) return null;
  const activity = profileOf('activity');
  const seen = activity === undefined ? '' : ` (its values include ${activity.samples.map((s) => `"${s}"`).join(', ')})`;
  const next =
    activity === undefined
      ? 'say which events resolve a ticket with --resolved-when FIELD=VALUE'
      : `say which activity resolves a ticket with --resolved-when activity=VALUE, and which answers it with --responded-when${seen}`;
  return `${count(id.distinct)} ids in ${count(id.values)} rows and ${count(created.distinct)} different ${chosen.get('created_at')!.headers[0]} times: one row per event of a ticket, read with --event-log; then ${next}`;
}

/** The time-of-day column to join with a date column for `field`: one whose header shares a word with the date's, else (created_at) one named simply "Time". */
function timePartner(profiles: readonly ColumnProfile[], usable: readonly boolean[], taken: ReadonlySet<number>, dateColumn: number, field: string): number | undefined {
  const wordsOf = (header: string): string[] => normaliseHeader(header).split(' ').filter((w) => w !== '' && !PAIR_IGNORED_WORDS.has(w));
  const dateWords = wordsOf(profiles[dateColumn]!.header);
  const free = profiles.flatMap((p, c) => (usable[c] && !taken.has(c) && c !== dateColumn && p.shape === 'time' ? [c] : []));
  const sharing = free.find((c) => wordsOf(profiles[c]!.header).some((w) => dateWords.includes(w)));
  if (sharing !== undefined) return sharing;
  return field === 'created_at' ? free.find((c) => CREATION_TIME_HEADERS.has(normaliseHeader(profiles[c]!.header))) : undefined;
}

/** With no header naming the id: the first free column whose values are all different and never blank (codes or text, not dates, times or numbers 1–5). */
function idByValues(profiles: readonly ColumnProfile[], usable: readonly boolean[], taken: ReadonlySet<number>): number | undefined {
  const free = (c: number): boolean => usable[c]! && !taken.has(c);
  const looksLikeId = (p: ColumnProfile): boolean => p.blank === 0 && p.values > 1 && (p.shape === 'text' || p.shape === 'number');
  const exact = profiles.findIndex((p, c) => free(c) && looksLikeId(p) && !p.distinctCapped && p.distinct === p.values);
  if (exact >= 0) return exact;
  const many = profiles.findIndex((p, c) => free(c) && looksLikeId(p) && p.distinctCapped);
  return many >= 0 ? many : undefined;
}

/** A header as --map writes it: in double quotes (`"` doubled) when it holds `,` `=` `+` or `"`. */
export function mapHeader(header: string): string {
  return /[,=+"]/.test(header) ? `"${header.replaceAll('"', '""')}"` : header;
}

/** A text as one shell word, in single quotes (`'` written `'\''`). */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** `--map 'id=Ref,created_at=Date+Time'` for these fields; '' for none. */
export function mapFlagOf(fields: readonly Pick<ProposedField, 'field' | 'headers'>[]): string {
  if (fields.length === 0) return '';
  const pairs = fields.map(({ field, headers }) => `${field}=${headers.map(mapHeader).join('+')}`);
  return `--map ${shellQuote(pairs.join(','))}`;
}

/**
 * The CSV presets nearest to a header: by the share of their signature headers it has (a choice of
 * headers counts when any of them is there), most first, ties by name; only those with at least one.
 */
export function nearestPresets(
  presets: readonly { name: string; title: string; format: 'csv' | 'json'; signature: readonly (string | readonly string[])[] }[],
  header: readonly string[],
  limit = 3,
): PresetDistance[] {
  const has = (wanted: string): boolean => header.some((h) => headerMatch(wanted, h) !== undefined);
  return presets
    .filter((p) => p.format === 'csv' && p.signature.length > 0)
    .map((p) => {
      const missing = p.signature.filter((wanted) => (typeof wanted === 'string' ? !has(wanted) : !wanted.some(has))).map((wanted) => (typeof wanted === 'string' ? wanted : wanted.join(' or ')));
      return { preset: { name: p.name, title: p.title, missing }, share: 1 - missing.length / p.signature.length };
    })
    .filter(({ share }) => share > 0)
    .sort((a, b) => b.share - a.share || (a.preset.name < b.preset.name ? -1 : a.preset.name > b.preset.name ? 1 : 0))
    .slice(0, Math.max(0, limit))
    .map(({ preset }) => preset);
}
