import { settingsFrom } from '../../src/config/config.js';
import { goalOf, goalTextOf } from '../../src/config/goals.js';
import { whereCondition } from '../../src/cli/flag-values.js';
import type { Comparison } from '../../src/time/period-names.js';
import type { Attribution } from '../../src/engine/attribution.js';
import { unreadColumns } from '../../src/engine/columns-read.js';
import { computeReport } from '../../src/engine/compute.js';
import { eventSpan, resolveRange } from '../../src/engine/range.js';
import { METRICS } from '../../src/metrics/index.js';
import type { Metric } from '../../src/metrics/types.js';
import type { Report } from '../../src/report/types.js';
import { FIELD_INDEX, TICKET_FIELDS, type Dimension, type TicketField } from '../../src/schema/fields.js';
import type { EventLog } from '../../src/tickets/event-log.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import type { Period } from '../../src/time/periods.js';
import { wallTimeReader } from '../../src/time/zone.js';

/** A ticket as a test writes it: canonical field names, values as they would come in JSON. */
export type TicketInput = Partial<Record<TicketField, unknown>>;

/** A ticket's times as hours after Monday 2026-03-02 00:00 UTC (its creation), and after its creation (its first response, its resolution). */
export interface TicketHours {
  createdHours: number;
  responseHours?: number | undefined;
  resolvedHours?: number | undefined;
}

const HOUR = 3_600_000;

/** Ticket `T${i}` timed as `hours` says (solved when it has a resolution, else open), with `fields` besides. */
export function timedTicket(i: number, hours: TicketHours, fields: TicketInput = {}): TicketInput {
  const created = Date.UTC(2026, 2, 2) + hours.createdHours * HOUR;
  const after = (h: number): string => new Date(created + h * HOUR).toISOString();
  return {
    id: `T${i}`,
    created_at: new Date(created).toISOString(),
    ...(hours.responseHours === undefined ? {} : { first_response_at: after(hours.responseHours) }),
    ...(hours.resolvedHours === undefined ? { status: 'open' } : { solved_at: after(hours.resolvedHours), status: 'solved' }),
    ...fields,
  };
}

const IDENTITY = Int32Array.from(TICKET_FIELDS, (_, i) => i);

/**
 * Feeds records through the real Ingest (validation, de-duplication, accounting), as if read from
 * one JSON file per entry of `files`. The fields present are those that appear in any record
 * (or `presentFields`, to simulate columns that exist but are blank). `eventLog`: the records are
 * events, folded per id.
 */
export function ingest(
  files: TicketInput[][] | TicketInput[],
  options: { inputZone?: string; presentFields?: TicketField[]; eventLog?: EventLog; unread?: readonly Dimension[] } = {},
): IngestSummary {
  const fileList = (Array.isArray(files[0]) ? files : [files]) as TicketInput[][];
  const sink = new Ingest(wallTimeReader(options.inputZone ?? 'UTC'), { eventLog: options.eventLog, unread: options.unread });
  const present = new Set<TicketField>(options.presentFields ?? []);
  fileList.forEach((records, f) => {
    const file = sink.openFile(`file${f + 1}.json`);
    records.forEach((record, i) => {
      const values = new Array<unknown>(TICKET_FIELDS.length);
      for (const [key, value] of Object.entries(record)) {
        values[FIELD_INDEX[key as TicketField]] = value;
        present.add(key as TicketField);
      }
      sink.record(file, i + 1, values, IDENTITY);
    });
  });
  sink.fieldsPresent(present);
  return sink.finish();
}

export interface ReportTestOptions {
  period?: Period;
  zone?: string;
  inputZone?: string;
  by?: Dimension[];
  from?: string;
  to?: string;
  metrics?: readonly Metric[];
  presentFields?: TicketField[];
  attribution?: Attribution;
  /** The records are events (--event-log). */
  eventLog?: EventLog;
  /** --where, as on the command line: `team=Billing,Hosting`. */
  where?: string[];
  compare?: Comparison;
  /** --goal, as on the command line: `csat>=85%` (config goals go in `config`). */
  goals?: string[];
  /** A config file's content (SLA policies, churn tags), validated as the CLI does. */
  config?: Record<string, unknown>;
  /** Intern every dimension column, as if something read each (the report command leaves those no part of it reads blank: see unreadColumns). */
  readAll?: boolean;
}

/** The Report the `report` command would compute for these records (range resolved the same way). */
export function reportOf(records: TicketInput[][] | TicketInput[], options: ReportTestOptions = {}): Report {
  const zone = options.zone ?? 'UTC';
  const inputZone = options.inputZone ?? zone;
  const period = options.period ?? 'week';
  const settings = settingsFrom(options.config ?? {}, 'test config');
  const compute = {
    metrics: options.metrics ?? METRICS,
    period,
    zone,
    inputZone,
    by: options.by ?? [],
    attribution: options.attribution ?? 'event',
    churnTags: settings.churnTags,
    sla: settings.sla,
    schedules: settings.schedules,
    where: (options.where ?? []).map(whereCondition),
    compare: options.compare,
    goals: [...settings.goals, ...(options.goals ?? []).map(goalTextOf)].map((goal) => goalOf(goal, (id) => METRICS.find((m) => m.meta.id === id)?.meta.unit)),
  };
  const unread = options.readAll === true ? [] : unreadColumns(compute);
  const summary = ingest(records, { inputZone, presentFields: options.presentFields, eventLog: options.eventLog, unread });
  const span = eventSpan(summary.store) ?? { earliest: 0, latest: 0 };
  const given = {
    from: options.from === undefined ? undefined : Date.parse(options.from),
    to: options.to === undefined ? undefined : Date.parse(options.to),
  };
  return computeReport(summary, { ...compute, range: resolveRange(span, period, zone, given) });
}
