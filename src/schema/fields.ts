/**
 * The canonical ticket, one field per entry: its name (the column or key of the canonical export),
 * its kind (how a value parses, blank included, and how it is stored), where it goes in the
 * ticket store and in the `tickets` drill-down, and its line in docs/input.md. The validator, the
 * store, the drill-down, the readers' field lists, the config's `columns`/`values` keys and the
 * docs are made from this table: adding a field is adding an entry. Plain data, so that --help
 * can list the fields without loading any parser.
 */

/**
 * - `id`: text that identifies the ticket (required; never a rounded number);
 * - `timestamp`: an instant (ISO 8601 in the canonical export), epoch ms in the store;
 * - `text`: trimmed text, interned in a dictionary;
 * - `satisfaction`: good / bad, or a rating 1–5 (4 and 5 satisfied);
 * - `score`: a whole number 0–10 (NPS);
 * - `count`: a whole number ≥ 0;
 * - `seconds`: a duration in seconds ≥ 0, decimals allowed;
 * - `yesNo`: true/false, yes/no, 1/0;
 * - `tags`: a comma-separated list (CSV) or a list of strings (JSON).
 */
export type FieldKind = 'id' | 'timestamp' | 'text' | 'satisfaction' | 'score' | 'count' | 'seconds' | 'yesNo' | 'tags';

interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** A record without it is rejected (`missing_required`), with this reason. */
  required?: string;
  /** A timestamp that cannot be earlier than created_at (`before_created`). */
  notBeforeCreated?: boolean;
  /**
   * A duration after created_at that stands for this timestamp field when it is blank (a call
   * log's speed of answer: first_response_at = created_at + the duration).
   */
  standsFor?: string;
  /**
   * The store column it fills (camelCase); fields that fill one column are tried in table order
   * and the first with a value wins (resolvedAt: solved_at, else closed_at). Absent: not stored.
   */
  store?: string;
  /**
   * Its column in the `tickets` drill-down (read from its store column): the name, and, when it
   * is not to follow the previous field's column, the column it follows. Absent: not shown.
   */
  line?: { readonly name: string; readonly after?: string };
  /** A value that names a person or a group: a JSON number there must be exact (`--by` works on these too). */
  identifier?: boolean;
  /** A `--by` dimension. */
  dimension?: boolean;
  /** Its line in docs/input.md's column table; fields with the same `row` share one. */
  doc: { readonly holds: string; readonly blank: string; readonly row?: string };
}

/** An entry, its literal type kept (so that the store's columns and the parsed ticket are typed from the table). */
const field = <const F extends FieldSpec>(spec: F): F => spec;

const TEXT_DOC = { row: 'text', holds: 'text (trimmed)', blank: 'no value: its own `(none)` group with `--by`' };
const COUNT_DOC = { row: 'counts', holds: 'whole numbers ≥ 0 (`2.0` too)', blank: 'unknown' };
const BUSINESS_DOC = {
  row: 'business',
  holds:
    'a duration within business hours, as the helpdesk computed it (written as `handle_time` is); reported as it is by the business-hours metrics, never as calendar time',
  blank: 'unknown',
};
const RESOLVED_DOC = { row: 'resolved', holds: 'timestamps; `resolved_at` = `solved_at`, else `closed_at`', blank: 'not resolved' };

export const FIELDS = [
  field({
    name: 'id',
    kind: 'id',
    required: 'every ticket needs an id',
    store: 'id',
    line: { name: 'id' },
    identifier: true,
    doc: {
      holds:
        'the ticket id (text; a JSON number is read as its digits, but an integer beyond 2^53 is rejected: JSON numbers that large lose their last digits, so export such ids as strings; the same for `agent`, `team` and `customer`)',
      blank: '— (required)',
    },
  }),
  field({ name: 'created_at', kind: 'timestamp', required: 'every ticket needs a creation time', store: 'createdAt', line: { name: 'created_at' }, doc: { holds: 'timestamp', blank: '— (required)' } }),
  field({
    name: 'first_response_at',
    kind: 'timestamp',
    notBeforeCreated: true,
    store: 'firstResponseAt',
    line: { name: 'first_response_at' },
    doc: { holds: 'timestamp of the first agent reply', blank: 'no reply yet' },
  }),
  field({ name: 'solved_at', kind: 'timestamp', notBeforeCreated: true, store: 'resolvedAt', line: { name: 'resolved_at' }, doc: RESOLVED_DOC }),
  field({ name: 'closed_at', kind: 'timestamp', notBeforeCreated: true, store: 'resolvedAt', doc: RESOLVED_DOC }),
  field({
    name: 'first_response_time',
    kind: 'seconds',
    standsFor: 'first_response_at',
    doc: { holds: 'a duration after `created_at` (as `handle_time` is written), standing for `first_response_at` when that is blank: a call log\'s speed of answer', blank: 'no reply yet' },
  }),
  field({
    name: 'resolution_time',
    kind: 'seconds',
    // Standing for closed_at, it is the resolution only when solved_at is blank too (resolved_at = solved_at, else closed_at).
    standsFor: 'closed_at',
    doc: { holds: 'a duration after `created_at`, standing for the resolution when `solved_at` and `closed_at` are blank', blank: 'not resolved' },
  }),
  field({
    name: 'updated_at',
    kind: 'timestamp',
    store: 'updatedAt',
    doc: { holds: "timestamp of the record's last change; decides between duplicates", blank: 'older than any record with one' },
  }),
  field({
    name: 'status',
    kind: 'text',
    store: 'status',
    line: { name: 'status' },
    doc: { holds: 'text, read as `new`, `open`, `pending`, `hold`, `solved` or `closed` when it is one of the names helpdesks give these (see Statuses below), else as written', blank: 'unknown' },
  }),
  field({
    name: 'resolved',
    kind: 'yesNo',
    store: 'resolved',
    line: { name: 'resolved', after: 'resolved_at' },
    doc: {
      holds:
        'yes/no, as `escalated`: whether the ticket is resolved (`Resolved = Y`, Jira\'s Status Category Done); blank, a `status` read as `solved` or `closed` (Resolved, Done, Completed…) says yes',
      blank: 'unknown: the status decides',
    },
  }),
  field({
    name: 'activity',
    kind: 'text',
    doc: {
      holds: 'text: what happened, in an event log read with `--event-log` (one row per event); `--resolved-when activity=6` and `--responded-when` test it',
      blank: 'no kind given',
    },
  }),
  field({ name: 'agent', kind: 'text', store: 'agent', line: { name: 'agent' }, identifier: true, dimension: true, doc: TEXT_DOC }),
  field({ name: 'team', kind: 'text', store: 'team', line: { name: 'team' }, identifier: true, dimension: true, doc: TEXT_DOC }),
  field({ name: 'channel', kind: 'text', store: 'channel', line: { name: 'channel' }, dimension: true, doc: TEXT_DOC }),
  field({ name: 'priority', kind: 'text', store: 'priority', line: { name: 'priority' }, dimension: true, doc: TEXT_DOC }),
  field({ name: 'language', kind: 'text', store: 'language', line: { name: 'language' }, dimension: true, doc: TEXT_DOC }),
  field({ name: 'customer', kind: 'text', store: 'customer', line: { name: 'customer' }, identifier: true, doc: TEXT_DOC }),
  field({
    name: 'satisfaction',
    kind: 'satisfaction',
    store: 'satisfaction',
    line: { name: 'satisfied' },
    doc: { holds: '`good` / `bad` (any case), or a whole number 1–5 (`3.0` too); 4 and 5 are satisfied, 3 neutral, bad, 1 and 2 negative ratings (see alerts)', blank: 'no survey response' },
  }),
  field({ name: 'nps', kind: 'score', store: 'nps', line: { name: 'nps' }, doc: { holds: 'whole number 0–10 (`7.0` too)', blank: 'no response' } }),
  field({ name: 'agent_replies', kind: 'count', store: 'agentReplies', line: { name: 'agent_replies' }, doc: COUNT_DOC }),
  field({ name: 'reopens', kind: 'count', store: 'reopens', line: { name: 'reopens' }, doc: COUNT_DOC }),
  field({
    name: 'handle_time',
    kind: 'seconds',
    store: 'handleTime',
    line: { name: 'handle_time', after: 'resolution_time' },
    doc: { holds: 'a duration ≥ 0: seconds (decimals allowed), `h:mm:ss` or `m:ss` (`0:02:23`; hours may pass 24), or with units (`2m 30s`, `1.5 hours`)', blank: 'unknown' },
  }),
  field({
    name: 'escalated',
    kind: 'yesNo',
    store: 'escalated',
    line: { name: 'escalated' },
    doc: { holds: '`true`/`false`/`yes`/`no`/`y`/`n`/`1`/`0`, any case (JSON booleans too)', blank: 'unknown' },
  }),
  field({
    name: 'answered',
    kind: 'yesNo',
    store: 'answered',
    line: { name: 'answered' },
    doc: { holds: 'yes/no, as `escalated`: whether a call or chat was answered; `no` is an abandoned contact, on any channel', blank: 'unknown (a chat: judged by its first response)' },
  }),
  field({
    name: 'tags',
    kind: 'tags',
    store: 'tags',
    line: { name: 'tags' },
    doc: { holds: 'CSV: a comma-separated list in one field; JSON: an array of strings', blank: 'no tags' },
  }),
  field({ name: 'business_first_response_time', kind: 'seconds', store: 'businessFirstResponseTime', doc: BUSINESS_DOC }),
  field({ name: 'business_resolution_time', kind: 'seconds', store: 'businessResolutionTime', doc: BUSINESS_DOC }),
] as const;

export type Field = (typeof FIELDS)[number];
export type TicketField = Field['name'];

/** The canonical columns (CSV) or keys (JSON), in the order the docs list them. */
export const TICKET_FIELDS: readonly TicketField[] = FIELDS.map((f) => f.name);

/** The fields of one kind. */
export type FieldOfKind<K extends FieldKind> = Extract<Field, { kind: K }>['name'];
export const fieldsOfKind = <K extends FieldKind>(kind: K): FieldOfKind<K>[] => FIELDS.filter((f) => f.kind === kind).map((f) => f.name as FieldOfKind<K>);

export const REQUIRED_FIELDS: readonly TicketField[] = FIELDS.filter((f) => 'required' in f).map((f) => f.name);
/**
 * The fields whose unreadable value rejects the whole record: the required ones, and the
 * timestamps that decide when a ticket was answered or resolved (and the durations that stand for
 * them). Any other field's unreadable
 * value is set aside: that ticket has no value for it, and counts everywhere else.
 */
export const RECORD_FIELDS: readonly TicketField[] = FIELDS.filter((f) => 'required' in f || 'notBeforeCreated' in f || 'standsFor' in f).map((f) => f.name);

/** Duration fields that stand for a timestamp field when it is blank: duration → timestamp. */
export const STANDS_FOR: ReadonlyMap<TicketField, TicketField> = new Map(
  FIELDS.flatMap((f) => ('standsFor' in f ? [[f.name, f.standsFor as TicketField] as const] : [])),
);
export const TIMESTAMP_FIELDS: readonly TicketField[] = fieldsOfKind('timestamp');
/** The fields whose numbers may have decimals (the others are whole numbers or codes). */
export const DECIMAL_FIELDS: readonly TicketField[] = fieldsOfKind('seconds');
/** The fields that identify a ticket, a person or a team: a JSON number there must be exact, or different ones would merge. */
export const IDENTIFIER_FIELDS: readonly TicketField[] = FIELDS.filter((f) => 'identifier' in f).map((f) => f.name);

/** Position of each field in TICKET_FIELDS, for aligned value arrays. */
export const FIELD_INDEX = Object.fromEntries(TICKET_FIELDS.map((f, i) => [f, i])) as Record<TicketField, number>;

/** The text fields (an event log's conditions test them: `--resolved-when activity=6`). */
export const TEXT_FIELDS: readonly TicketField[] = fieldsOfKind('text');

/** The fields a report can be split by with `--by`. */
export const DIMENSIONS = FIELDS.filter((f) => 'dimension' in f).map((f) => f.name) as readonly Extract<Field, { dimension: true }>['name'][];
export type Dimension = (typeof DIMENSIONS)[number];

/** What a column header means: trimmed and case-insensitive, so ` Created_At ` is `created_at`. */
export function canonicalFieldOf(header: string): TicketField | undefined {
  const name = header.trim().toLowerCase();
  return FIELD_INDEX[name as TicketField] === undefined ? undefined : (name as TicketField);
}

/** `first_response_at` → `firstResponseAt`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
export const camelCase = <S extends string>(name: S): CamelCase<S> => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelCase<S>;
