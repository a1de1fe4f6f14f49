import { compileDatePattern } from '../dialect/date-pattern.js';
import { UsageError } from '../errors.js';
import type { TicketField } from '../schema/fields.js';
import { conditionValue } from '../schema/statuses.js';
import { fieldOfWhereKey, WHERE_KEYS, type TicketCondition, type WhereKey } from '../tickets/conditions.js';
import type { EventCondition, EventLog } from '../tickets/event-log.js';
import { DEFAULT_ALERT_SETTINGS } from '../engine/alerts.js';
import { parseDuration } from './duration.js';
import { configSchema, MATCH_FIELDS, type ConfigFile, type MatchField } from './schema.js';
import { DEFAULT_CHURN_TAGS, type Settings } from './settings.js';
import { scheduleOf } from '../time/business-time.js';

/**
 * A config file validated (zod, config/schema.ts) and turned into the Settings a run uses. Loaded
 * only when there is a config file to read (config/load-config.ts).
 */

/** `sla[1].firstResponse`, `match.channel` */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('') || '(top level)';
}

const toList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** Validates a parsed config file; every error names the file and the key path. */
export function settingsFrom(data: unknown, source: string): Settings {
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message =
      issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
    throw new UsageError(`${source}: ${keyPath(issue.path)}: ${message}`);
  }
  return toSettings(parsed.data, source);
}

/** A condition of the config's eventLog (one field, a value or a list; numbers as written). */
function conditionOf(condition: Record<string, string | number | (string | number)[] | undefined> | undefined, statusValue: (text: string) => string): EventCondition | undefined {
  const entry = Object.entries(condition ?? {}).find(([, value]) => value !== undefined);
  if (entry === undefined) return undefined;
  const values = (Array.isArray(entry[1]) ? entry[1] : [entry[1]!]).map(String);
  return { field: entry[0] as TicketField, values: entry[0] === 'status' ? values.map(statusValue) : values };
}

function eventLogOf(eventLog: ConfigFile['eventLog'], statusValue: (text: string) => string): EventLog | undefined {
  if (eventLog === undefined || eventLog === false) return undefined;
  if (eventLog === true) return {};
  const resolvedWhen = conditionOf(eventLog.resolvedWhen, statusValue);
  const respondedWhen = conditionOf(eventLog.respondedWhen, statusValue);
  return { ...(resolvedWhen && { resolvedWhen }), ...(respondedWhen && { respondedWhen }) };
}

/** The status a condition names, through the config's value map for `status` (keys ignoring case), as the tickets hold it. */
function statusValueOf(values: ConfigFile['values']): (text: string) => string {
  const map = new Map(Object.entries(values?.status ?? {}).map(([written, meant]) => [written.trim().toLowerCase(), String(meant)]));
  return (text) => conditionValue('status', map.get(text.trim().toLowerCase()) ?? text);
}

/** A condition's values as the tickets hold them (a status also through the config's value map). */
function valuesOf(field: string, values: readonly string[], statusValue: (text: string) => string): string[] {
  return values.map((v) => (field === 'status' ? statusValue(v) : conditionValue(field, v)));
}

/** A `where` object as conditions, in the order of WHERE_KEYS. */
export function whereOf(where: Partial<Record<WhereKey, string | string[]>> | undefined, statusValue: (text: string) => string = (text) => conditionValue('status', text)): TicketCondition[] {
  return WHERE_KEYS.flatMap((key) => {
    const value = where?.[key];
    if (value === undefined) return [];
    const field = fieldOfWhereKey(key);
    return [{ field, values: valuesOf(field, toList(value), statusValue) }];
  });
}

function toSettings(file: ConfigFile, source: string): Settings {
  const statusValue = statusValueOf(file.values);
  const matchOf = (match: Partial<Record<MatchField, string | string[]>> | undefined) =>
    MATCH_FIELDS.flatMap((field) => {
      const value = match?.[field];
      return value === undefined ? [] : [{ field, values: valuesOf(field, toList(value), statusValue) }];
    });
  const business = (file.sla ?? []).findIndex((policy) => policy.clock === 'business');
  if (business >= 0 && (file.schedules ?? []).length === 0) {
    throw new UsageError(`${source}: sla[${business}].clock: "business" counts the open time of a schedule, and the config has no schedules`);
  }
  return {
    statusValue,
    source,
    timezone: file.timezone,
    inputTimezone: file.inputTimezone,
    churnTags: file.churnTags ?? DEFAULT_CHURN_TAGS,
    columns: (file.columns ?? {}) as Settings['columns'],
    values: (file.values ?? {}) as Settings['values'],
    eventLog: eventLogOf(file.eventLog, statusValue),
    alerts: {
      negativeRatings: { ...DEFAULT_ALERT_SETTINGS.negativeRatings, ...file.alerts?.negativeRatings },
      volume: { ...DEFAULT_ALERT_SETTINGS.volume, ...file.alerts?.volume },
    },
    goals: (file.goals ?? []).map(({ where, ...goal }) => ({ ...goal, where: whereOf(where as Partial<Record<WhereKey, string | string[]>> | undefined, statusValue) })),
    dateFormats: Object.fromEntries(Object.entries(file.dateFormats ?? {}).flatMap(([field, pattern]) => (pattern === undefined ? [] : [[field, compileDatePattern(pattern)]]))),
    schedules: (file.schedules ?? []).map(({ match, ...spec }) => ({ schedule: scheduleOf(spec), match: matchOf(match) })),
    sla: (file.sla ?? []).map((policy) => ({
      name: policy.name,
      clock: policy.clock ?? 'calendar',
      match: matchOf(policy.match),
      firstResponseMs: policy.firstResponse === undefined ? undefined : parseDuration(policy.firstResponse),
      resolutionMs: policy.resolution === undefined ? undefined : parseDuration(policy.resolution),
    })),
  };
}
