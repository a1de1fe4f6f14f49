import { parseTimestamp, type ReadWallTime } from '../time/timestamp.js';
import { FIELD_INDEX as F, type TicketField } from './fields.js';

/**
 * Turns one raw record (CSV strings, or JSON values that may come typed or as strings) into a
 * ParsedTicket, or says exactly why it cannot be used. A record is used whole or rejected whole:
 * one unreadable field rejects it.
 */

export type RejectionCode =
  | 'missing_required'
  | 'invalid_timestamp'
  | 'invalid_value'
  | 'before_created'
  | 'malformed_record';

export const REJECTION_REASONS: Record<RejectionCode, string> = {
  missing_required: 'required field missing',
  invalid_timestamp: 'not a timestamp',
  invalid_value: 'value not allowed',
  before_created: 'earlier than created_at',
  malformed_record: 'malformed record',
};

export interface FieldProblem {
  field: TicketField | null;
  code: RejectionCode;
  message: string;
}

/** Satisfaction as the metrics see it. */
export const Satisfaction = { none: -1, unsatisfied: 0, satisfied: 1 } as const;
/** A yes/no field. */
export const YesNo = { unknown: -1, no: 0, yes: 1 } as const;

/** One valid record. Missing timestamps are NaN, missing counts -1, missing text null. */
export interface ParsedTicket {
  id: string;
  createdAt: number;
  firstResponseAt: number;
  solvedAt: number;
  closedAt: number;
  updatedAt: number;
  status: string | null;
  agent: string | null;
  team: string | null;
  channel: string | null;
  priority: string | null;
  language: string | null;
  customer: string | null;
  satisfaction: number;
  nps: number;
  agentReplies: number;
  reopens: number;
  handleTime: number;
  escalated: number;
  /** As written: CSV text or a JSON list (see tagList). */
  tags: string | string[] | null;
  /** Seconds within business hours, as a helpdesk computed them; NaN when blank. */
  businessFirstResponseTime: number;
  businessResolutionTime: number;
}

export function emptyParsedTicket(): ParsedTicket {
  return {
    id: '',
    createdAt: Number.NaN,
    firstResponseAt: Number.NaN,
    solvedAt: Number.NaN,
    closedAt: Number.NaN,
    updatedAt: Number.NaN,
    status: null,
    agent: null,
    team: null,
    channel: null,
    priority: null,
    language: null,
    customer: null,
    satisfaction: Satisfaction.none,
    nps: -1,
    agentReplies: -1,
    reopens: -1,
    handleTime: Number.NaN,
    escalated: YesNo.unknown,
    tags: null,
    businessFirstResponseTime: Number.NaN,
    businessResolutionTime: Number.NaN,
  };
}

class Rejected extends Error {
  constructor(readonly problem: FieldProblem) {
    super(problem.message);
  }
}

function reject(field: TicketField, code: RejectionCode, message: string): never {
  throw new Rejected({ field, code, message });
}

/** JSON.stringify for messages, cut short so a huge value cannot flood the terminal. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Blank (absent, null or whitespace only) values are "not given", never zero. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readText(field: TicketField, value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return reject(field, 'invalid_value', `expected text, got ${describeType(value)}`);
}

function readTimestamp(field: TicketField, value: unknown, readLocal: ReadWallTime): number {
  if (isBlank(value)) return Number.NaN;
  const epoch = typeof value === 'string' ? parseTimestamp(value.trim(), readLocal) : Number.NaN;
  if (Number.isNaN(epoch)) {
    reject(field, 'invalid_timestamp', `${quote(value)} is not an ISO 8601 timestamp (e.g. 2026-03-02T09:15:00Z)`);
  }
  if (epoch < EARLIEST) {
    // 1900-01-01 and 0001-01-01 stand for "no date" in many exports: never a ticket's real time.
    reject(field, 'invalid_timestamp', `${quote(value)} is before 1970: a placeholder for "no date"? Leave the cell blank instead`);
  }
  if (epoch >= LATEST) {
    // 9999-12-31, 2999-12-31, 4712-12-31 stand for "never" (SAP, Oracle, data warehouses).
    reject(field, 'invalid_timestamp', `${quote(value)} is after 2200: a placeholder for "never"? Leave the cell blank instead`);
  }
  return epoch;
}

/** No helpdesk ticket is older than this (1970-01-01T00:00:00Z); an earlier timestamp is a placeholder. */
const EARLIEST = 0;
/** Nor dated this late (2200-01-01T00:00:00Z): a later timestamp is a "never" placeholder. */
const LATEST = Date.UTC(2200, 0, 1);

const WHOLE_NUMBER = /^\d+$/;

function readWholeNumber(field: TicketField, value: unknown, max: number, expected: string): number {
  if (isBlank(value)) return -1;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && WHOLE_NUMBER.test(value.trim())
        ? Number(value.trim())
        : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > max) reject(field, 'invalid_value', `${quote(value)} is not ${expected}`);
  return n;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The longest duration read (100 years, in seconds): a longer one is no ticket's handle or
 * resolution time but a unit mix-up or a corrupt value, and would swamp every mean it entered.
 */
export const MAX_DURATION_SECONDS = 100 * 365.25 * 86_400;

function readSeconds(field: TicketField, value: unknown): number {
  if (isBlank(value)) return Number.NaN;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL.test(value.trim())
        ? Number(value.trim())
        : Number.NaN;
  if (!(n >= 0) || !Number.isFinite(n)) reject(field, 'invalid_value', `${quote(value)} is not a number of seconds ≥ 0`);
  if (n > MAX_DURATION_SECONDS) reject(field, 'invalid_value', `${quote(value)} seconds is more than 100 years`);
  return n;
}

function readSatisfaction(value: unknown): number {
  if (isBlank(value)) return Satisfaction.none;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  switch (text) {
    case 'good':
    case '4':
    case '5':
      return Satisfaction.satisfied;
    case 'bad':
    case '1':
    case '2':
    case '3':
      return Satisfaction.unsatisfied;
    default:
      return reject('satisfaction', 'invalid_value', `${quote(value)} is not a rating (good, bad, or a whole number 1–5)`);
  }
}

const YES = new Set(['true', 'yes', '1']);
const NO = new Set(['false', 'no', '0']);

function readYesNo(field: TicketField, value: unknown): number {
  if (isBlank(value)) return YesNo.unknown;
  if (typeof value === 'boolean') return value ? YesNo.yes : YesNo.no;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim().toLowerCase() : '';
  if (YES.has(text)) return YesNo.yes;
  if (NO.has(text)) return YesNo.no;
  return reject(field, 'invalid_value', `${quote(value)} is not a yes/no value (true, false, yes, no, 1, 0)`);
}

/**
 * Tags: a comma-separated list in one CSV field, or a JSON array of strings. Kept as written (a
 * list's text is split once per distinct value, by the store: see tagList).
 */
function readTags(value: unknown): string | string[] | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) {
    return reject('tags', 'invalid_value', `expected a comma-separated list or a list of strings, got ${describeType(value)}`);
  }
  for (const item of value) {
    if (typeof item !== 'string') reject('tags', 'invalid_value', `expected a list of strings, found ${describeType(item)} in it`);
  }
  return value as string[];
}

/** The tags of a `tags` value: trimmed, blanks and repeats dropped, in the order written. */
export function tagList(tags: string | readonly string[]): string[] {
  const list: string[] = [];
  for (const item of typeof tags === 'string' ? tags.split(',') : tags) {
    const tag = item.trim();
    if (tag !== '' && !list.includes(tag)) list.push(tag);
  }
  return list;
}

function mustNotPrecedeCreated(field: TicketField, at: number, raw: unknown, createdAt: number, createdRaw: unknown): void {
  if (at < createdAt) {
    reject(field, 'before_created', `${String(raw).trim()} is before created_at ${String(createdRaw).trim()}`);
  }
}

/** `1.23457E+19`: what Excel shows, and saves, for a long numeric id it read as a number. */
const SPREADSHEET_ROUNDED = /^\d(?:[.,]\d+)?E\+\d+$/i;

/** The raw value of a field: `values[column[field]]`, undefined when the file has no such column. */
function valueOf(values: readonly unknown[], column: Int32Array, field: number): unknown {
  const c = column[field]!;
  return c < 0 ? undefined : values[c];
}

/**
 * Validates one record. `values[column[f]]` is the raw value of field f (column -1: not in this
 * file). Fills `out` and returns null, or returns the first problem found, in field order.
 */
export function validateRecord(
  values: readonly unknown[],
  column: Int32Array,
  readLocal: ReadWallTime,
  out: ParsedTicket,
): FieldProblem | null {
  try {
    const id = readText('id', valueOf(values, column, F.id));
    if (id === null) reject('id', 'missing_required', 'missing (every ticket needs an id)');
    if (SPREADSHEET_ROUNDED.test(id)) {
      reject('id', 'invalid_value', `${quote(id)} is a number a spreadsheet rounded (scientific notation): ids like it would merge; export the ids as text`);
    }
    out.id = id;
    const createdRaw = valueOf(values, column, F.created_at);
    out.createdAt = readTimestamp('created_at', createdRaw, readLocal);
    if (Number.isNaN(out.createdAt)) reject('created_at', 'missing_required', 'missing (every ticket needs a creation time)');
    const firstResponseRaw = valueOf(values, column, F.first_response_at);
    out.firstResponseAt = readTimestamp('first_response_at', firstResponseRaw, readLocal);
    const solvedRaw = valueOf(values, column, F.solved_at);
    out.solvedAt = readTimestamp('solved_at', solvedRaw, readLocal);
    const closedRaw = valueOf(values, column, F.closed_at);
    out.closedAt = readTimestamp('closed_at', closedRaw, readLocal);
    out.updatedAt = readTimestamp('updated_at', valueOf(values, column, F.updated_at), readLocal);
    mustNotPrecedeCreated('first_response_at', out.firstResponseAt, firstResponseRaw, out.createdAt, createdRaw);
    mustNotPrecedeCreated('solved_at', out.solvedAt, solvedRaw, out.createdAt, createdRaw);
    mustNotPrecedeCreated('closed_at', out.closedAt, closedRaw, out.createdAt, createdRaw);
    out.status = readText('status', valueOf(values, column, F.status));
    out.agent = readText('agent', valueOf(values, column, F.agent));
    out.team = readText('team', valueOf(values, column, F.team));
    out.channel = readText('channel', valueOf(values, column, F.channel));
    out.priority = readText('priority', valueOf(values, column, F.priority));
    out.language = readText('language', valueOf(values, column, F.language));
    out.customer = readText('customer', valueOf(values, column, F.customer));
    out.satisfaction = readSatisfaction(valueOf(values, column, F.satisfaction));
    out.nps = readWholeNumber('nps', valueOf(values, column, F.nps), 10, 'a score from 0 to 10');
    out.agentReplies = readWholeNumber('agent_replies', valueOf(values, column, F.agent_replies), 2 ** 31 - 1, 'a whole number ≥ 0');
    out.reopens = readWholeNumber('reopens', valueOf(values, column, F.reopens), 2 ** 31 - 1, 'a whole number ≥ 0');
    out.handleTime = readSeconds('handle_time', valueOf(values, column, F.handle_time));
    out.escalated = readYesNo('escalated', valueOf(values, column, F.escalated));
    out.tags = readTags(valueOf(values, column, F.tags));
    out.businessFirstResponseTime = readSeconds('business_first_response_time', valueOf(values, column, F.business_first_response_time));
    out.businessResolutionTime = readSeconds('business_resolution_time', valueOf(values, column, F.business_resolution_time));
    return null;
  } catch (error) {
    if (error instanceof Rejected) return error.problem;
    throw error;
  }
}
