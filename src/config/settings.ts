import type { ScheduleRule } from '../engine/business-hours.js';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../engine/alerts.js';
import type { DatePattern } from '../dialect/date-pattern.js';
import type { TicketField } from '../schema/fields.js';
import { conditionValue } from '../schema/statuses.js';
import type { SlaPolicy } from '../sla/evaluate.js';
import type { EventLog } from '../tickets/event-log.js';
import type { GoalText } from './goals.js';

/**
 * The settings a run uses, and the defaults when there is no config file. Apart from config.ts,
 * which validates a config file with zod: a run without a config file loads no schema library.
 */

/** The settings a run uses, after the config file is validated and before flags override it. */
export interface Settings {
  /** Where the settings came from (the config file's path), for messages. */
  source: string;
  /** The config file read, if any. */
  file?: string;
  timezone?: string;
  inputTimezone?: string;
  churnTags: string[];
  sla: SlaPolicy[];
  /** Canonical field → header, or headers whose texts are joined (the config's `columns`). */
  columns: Partial<Record<TicketField, string | string[]>>;
  /** Canonical field → export value → canonical value (the config's `values`). */
  values: Partial<Record<TicketField, Record<string, string | number | boolean>>>;
  /** Timestamp field → the pattern its column is written in (the config's `dateFormats`), compiled. */
  dateFormats: Partial<Record<TicketField, DatePattern>>;
  /** The config's `eventLog`: the rows are events (and which resolve or answer a ticket); undefined: rows are tickets. */
  eventLog?: EventLog;
  /** The config's `goals`, as written (their metrics and targets are checked against the metrics by the report). */
  goals: GoalText[];
  /** The config's `alerts` over the defaults. */
  alerts: AlertSettings;
  /** The config's `schedules`, in order (the first that matches a ticket applies). */
  schedules: ScheduleRule[];
  /**
   * A status as a condition names it, as the tickets hold it: through the config's `values` for
   * `status` (`Cancelled` → `closed`), then the canonical names, in lower case.
   */
  statusValue: (text: string) => string;
}

export const DEFAULT_CHURN_TAGS = ['cancellation', 'refund'];
export const DEFAULT_SETTINGS: Settings = { source: 'defaults', churnTags: DEFAULT_CHURN_TAGS, sla: [], columns: {}, values: {}, dateFormats: {}, goals: [], alerts: DEFAULT_ALERT_SETTINGS, schedules: [], statusValue: (text) => conditionValue('status', text) };

/** Conditions parsed before the config was read (--where), their statuses through its value map. */
export function withStatusValues<C extends { field: string; values: readonly string[] }>(conditions: readonly C[], settings: Pick<Settings, 'statusValue'>): C[] {
  return conditions.map((c) => (c.field === 'status' ? { ...c, values: c.values.map(settings.statusValue) } : c));
}

