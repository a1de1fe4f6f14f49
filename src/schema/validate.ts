import type { ReadWallTime } from '../time/timestamp.js';
import { camelCase, FIELDS, RECORD_FIELDS, STANDS_FOR, type CamelCase, type Field } from './fields.js';
import { canonicalStatus, OPEN_STATUSES, RESOLVED_STATUSES } from './statuses.js';
import { KINDS, timestampText, YesNo, type FieldProblem, type KindValues, type ReadContext, type RejectionCode } from './field-kinds.js';

export { quote, Satisfaction, tagList, YesNo, type FieldProblem, type RejectionCode } from './field-kinds.js';

/**
 * Turns one raw record (CSV strings, or JSON values that may come typed or as strings) into a
 * ParsedTicket, or says exactly why it cannot be used, field by field as the field table
 * (fields.ts) lists them. A record is rejected when its id or created_at is missing or unreadable,
 * or a timestamp that decides when it was answered or resolved is unreadable or before its
 * creation (RECORD_FIELDS); any other unreadable value is set aside, and the record is used.
 */

export const REJECTION_REASONS: Record<RejectionCode, string> = {
  missing_required: 'required field missing',
  invalid_timestamp: 'not a timestamp',
  invalid_value: 'value not allowed',
  before_created: 'earlier than created_at',
  malformed_record: 'malformed record',
};

/** One valid record, a property per field (camelCase): missing timestamps are NaN, missing counts -1, missing text null. */
export type ParsedTicket = { [F in Field as CamelCase<F['name']>]: KindValues[F['kind']] };

const KEYS = FIELDS.map((f) => camelCase(f.name)) as (keyof ParsedTicket)[];
const CREATED = FIELDS.findIndex((f) => f.name === 'created_at');
/** The fields up to the last timestamp: read before the timestamps are put in order, the others after. */
const TIMESTAMPS_END = FIELDS.findLastIndex((f) => f.kind === 'timestamp') + 1;

export function emptyParsedTicket(): ParsedTicket {
  return Object.fromEntries(FIELDS.map((f, i) => [KEYS[i], KINDS[f.kind].blank])) as ParsedTicket;
}

/** The raw value of field f: `values[column[f]]`, undefined when the file has no such column. */
function valueOf(values: readonly unknown[], column: Int32Array, f: number): unknown {
  const c = column[f]!;
  return c < 0 ? undefined : values[c];
}

/** Reads fields into `out`; returns the problem that rejects the record, or null. */
type ReadFields = (values: readonly unknown[], column: Int32Array, context: ReadContext, out: ParsedTicket, aside: FieldProblem[]) => FieldProblem | null;

/** The problem a reader left in `context` (see refuse), taken out of it. */
function taken(context: ReadContext): FieldProblem {
  const problem = context.problem!;
  context.problem = null;
  return problem;
}

/**
 * The code that reads fields [from, to) into `out`, made once from the field table: one statement
 * per field, with its kind's reader and its property written out (a required one that is blank is
 * missing). A field of RECORD_FIELDS that cannot be read rejects the record (its problem is
 * returned); any other is set aside (its unreadable value, the problem added to `aside`). Loops
 * over the table here and in the store's writer made the million-ticket report 8% slower (`npm run
 * bench`), its property writes and reader calls being looked up anew for every field of every
 * record; the compiled code is as fast as code written by hand.
 */
function compileReader(from: number, to: number): ReadFields {
  const statements: string[] = ['let c;'];
  const missing: FieldProblem[] = [];
  const kinds: unknown[] = [];
  for (let f = from; f < to; f++) {
    const spec: Field = FIELDS[f]!;
    const key = KEYS[f]!;
    const name = JSON.stringify(spec.name);
    kinds.push(KINDS[spec.kind]);
    statements.push(`out.${key} = kind${f}.read(${name}, (c = column[${f}]) < 0 ? undefined : values[c], context);`);
    statements.push(
      RECORD_FIELDS.includes(spec.name)
        ? 'if (context.problem !== null) return taken(context);'
        : `if (context.problem !== null) { out.${key} = kind${f}.unreadable; aside.push(taken(context)); }`,
    );
    if ('required' in spec) {
      missing.push({ field: spec.name, code: 'missing_required', message: `missing (${spec.required})` });
      statements.push(`if (kind${f}.isBlankValue(out.${key})) return { ...missing[${missing.length - 1}] };`);
    }
  }
  const names = kinds.map((_, i) => `kind${from + i}`);
  const make = new Function('taken', 'missing', ...names, `return function readFields(values, column, context, out, aside) {\n${statements.join('\n')}\nreturn null;\n};`) as (...args: unknown[]) => ReadFields;
  return make(taken, missing, ...kinds);
}

const readTimestampFields = compileReader(0, TIMESTAMPS_END);
const readOtherFields = compileReader(TIMESTAMPS_END, FIELDS.length);

/**
 * A ticket's `resolved` as its record says it, or, when that is blank, as its status says it
 * (solved or closed, see statuses.ts): yes, else unknown. Applied to each record once it is read,
 * and to each ticket of an event log once its events are folded (its latest status decides).
 */
export function resolvedOrByStatus(resolved: number, status: string | null): number {
  return resolved === YesNo.unknown && status !== null && RESOLVED_STATUSES.has(status) ? YesNo.yes : resolved;
}

/** A ticket whose status (or resolved no) says it is open although it has a resolution time: inspect says how many. */
export function contradictsResolution(ticket: ParsedTicket): boolean {
  if (Number.isNaN(ticket.solvedAt) && Number.isNaN(ticket.closedAt)) return false;
  return ticket.resolved === YesNo.no || (ticket.status !== null && OPEN_STATUSES.has(ticket.status));
}

/** The durations that stand for a blank timestamp field, as property names: [duration, timestamp]. */
const STAND_INS = [...STANDS_FOR].map(([duration, timestamp]) => [camelCase(duration), camelCase(timestamp)] as const);

/**
 * The code that, once the timestamps are read, fills a blank first_response_at (solved_at) with
 * created_at + first_response_time (resolution_time) when that is given, then returns the first
 * field of those that cannot precede created_at (first_response_at, solved_at, closed_at) that does,
 * or -1. Made once from the field table, as the readers are (see compileReader).
 */
function compileStandInsAndOrder(): (out: ParsedTicket) => number {
  const statements = STAND_INS.map(([duration, timestamp]) => `if (Number.isNaN(out.${timestamp}) && out.${duration} >= 0) out.${timestamp} = out.createdAt + Math.round(out.${duration} * 1000);`);
  for (let f = 0; f < TIMESTAMPS_END; f++) {
    if ('notBeforeCreated' in FIELDS[f]!) statements.push(`if (out.${KEYS[f]!} < out.createdAt) return ${f};`);
  }
  return new Function(`return function standInsAndOrder(out) {\n${statements.join('\n')}\nreturn -1;\n};`)() as (out: ParsedTicket) => number;
}

const standInsAndOrder = compileStandInsAndOrder();

/** The problem of a record whose field f (first_response_at, solved_at or closed_at) precedes its created_at, both quoted as written. */
function beforeCreated(values: readonly unknown[], column: Int32Array, f: number): FieldProblem {
  const raw = timestampText(valueOf(values, column, f));
  return { field: FIELDS[f]!.name, code: 'before_created', message: `${raw} is before created_at ${timestampText(valueOf(values, column, CREATED))}` };
}

/**
 * Validates one record. `values[column[f]]` is the raw value of field f (column -1: not in this
 * file). Fills `out` and returns null, or returns the first problem that rejects the record: the
 * timestamps in field order, then their order, then the other fields in field order. The values
 * of other fields that cannot be read are set aside: blank in `out`, their problems added to
 * `aside` (meaningful only when the record is not rejected). `timestampsRead`: the record's
 * timestamps may be epoch ms already (a dialect read them in their column's format).
 */
export function validateRecord(
  values: readonly unknown[],
  column: Int32Array,
  readLocal: ReadWallTime,
  out: ParsedTicket,
  aside: FieldProblem[],
  timestampsRead = false,
): FieldProblem | null {
  const context: ReadContext = { readLocal, timestampsRead, problem: null };
  const rejected = readTimestampFields(values, column, context, out, aside);
  if (rejected !== null) return rejected;
  const early = standInsAndOrder(out);
  if (early >= 0) return beforeCreated(values, column, early);
  const other = readOtherFields(values, column, context, out, aside);
  if (other !== null) return other;
  if (out.status !== null) out.status = canonicalStatus(out.status);
  return null;
}
