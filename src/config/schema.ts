import { z } from 'zod';
import { scheduleOf, ScheduleError } from '../time/business-time.js';
import { compileDatePattern, DatePatternError } from '../dialect/date-pattern.js';
import { DIMENSIONS, TEXT_FIELDS, TICKET_FIELDS, TIMESTAMP_FIELDS } from '../schema/fields.js';
import { GOAL_LEVELS, GOAL_SPANS, STAT_NAMES } from './goals.js';
import { CONDITION_FIELDS, WHERE_KEYS, type ConditionField } from '../tickets/conditions.js';
import { DURATION_PATTERN, MAX_TARGET_MS, parseDuration } from './duration.js';

/**
 * support-metrics.config.json. Validated strictly (unknown keys are errors); the JSON Schema that
 * editors use for completion is generated from this (`npm run schema`, checked by a test).
 */

/** Ticket fields an SLA policy can match on (tickets/conditions.ts). `tags` matches when the ticket has any of the values. */
export const MATCH_FIELDS = CONDITION_FIELDS;
export type MatchField = ConditionField;

const duration = z
  .string()
  .regex(DURATION_PATTERN, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a duration longer than 0s (write it like 90s, 2m, 1h30m, 3d)`,
  })
  .refine((text) => parseDuration(text) <= MAX_TARGET_MS, {
    error: (issue) => `${JSON.stringify(issue.input)} is longer than a year (365d), which no target is`,
  })
  .describe('A duration: days, hours, minutes, seconds, e.g. "90s", "2m", "1h30m", "3d"; at most 365d.');

/** A refinement that runs `check` and makes each `Failure` it throws an issue with its message (any other error is a bug). */
function refinedBy<T>(Failure: abstract new (...args: never[]) => Error, check: (value: T) => unknown): (value: T, context: z.RefinementCtx) => void {
  return (value, context) => {
    try {
      check(value);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
    }
  };
}

const datePattern = z
  .string()
  .min(1)
  .superRefine(refinedBy(DatePatternError, compileDatePattern))
  .describe("A date pattern in Unicode letters, e.g. \"dd/MMM/yy h:mm a\" (as --date-format).");

const matchValue = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe('A value, or a list of values of which any may match (compared ignoring case and surrounding spaces).');

const eventValue = z
  .union([z.string().min(1), z.number(), z.array(z.union([z.string().min(1), z.number()])).min(1)])
  .describe('A value, or a list of values of which any may match (compared ignoring case and surrounding spaces; numbers as written).');

const eventCondition = z
  .strictObject(Object.fromEntries(TEXT_FIELDS.map((f) => [f, eventValue.optional()])))
  .refine((condition) => Object.keys(condition).length === 1, { error: 'name one field, e.g. {"activity": "6"} or {"status": ["Closed", "Resolved"]}' })
  .describe('One text field of the events and its values, e.g. {"activity": "6"} (as --resolved-when activity=6).');

/** The same filter as --where: each key's values (any may match), all keys together. */
export const whereSchema = z
  .strictObject(Object.fromEntries(WHERE_KEYS.map((k) => [k, matchValue.optional()])))
  .describe('Only the tickets meeting all of these, as --where: {"channel": "chat", "team": ["Billing", "Hosting"]}; "(none)" matches a blank.');

const goalTarget = z
  .union([z.number(), z.string().min(1)])
  .describe('Rates as a fraction (0.85) or a percentage ("85%"); durations as "90s", "2h", "1h30m" or seconds; counts and NPS as numbers.');

export const goalSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('How the goal is shown (default: metric, stat, operator and target).'),
    metric: z.string().min(1).describe('A metric id (`support-metrics metrics` lists them).'),
    stat: z.enum(STAT_NAMES).optional().describe('For durations median (default), mean, p90 or count; rates, ratios and NPS have their value, counts their count.'),
    min: goalTarget.optional().describe('The number must be at least this.'),
    max: goalTarget.optional().describe('The number must be at most this.'),
    level: z.enum(GOAL_LEVELS).optional().describe('error (default: a failure exits 4) or warn (listed on stderr).'),
    by: z.enum(DIMENSIONS).optional().describe('One outcome per group of this dimension.'),
    where: whereSchema.optional(),
    minSample: z.number().int().min(1).optional().describe('With fewer tickets behind the number the goal is not judged (default 1).'),
    over: z.enum(GOAL_SPANS).optional().describe('all: the whole range (default); each: every period; last: the last period.'),
  })
  .refine((g) => (g.min === undefined) !== (g.max === undefined), { error: 'give one of min or max' });

export const scheduleSchema = z
  .strictObject({
    name: z.string().min(1).describe('Shown in the tickets drill-down.'),
    timezone: z.string().min(1).describe('IANA zone the hours are in.'),
    hours: z
      .record(z.string(), z.union([z.string(), z.array(z.string()).min(1)]))
      .describe('Open hours per day or day range: {"mon-fri": "09:00-18:00", "sat": "09:00-13:00", "sun": ["08:00-12:30", "13:30-17:00"]}; an interval past midnight ("22:00-06:00") runs into the next day; "24:00" is the end of the day.'),
    holidays: z.array(z.string()).optional().describe('Dates closed all day, in the schedule\'s zone: "2026-04-06", or ranges "2026-12-24..2026-12-26".'),
    match: z
      .strictObject(Object.fromEntries(MATCH_FIELDS.map((f) => [f, matchValue.optional()])) as Record<MatchField, z.ZodOptional<typeof matchValue>>)
      .optional()
      .describe('Conditions, all of which must hold, as in SLA policies; the first schedule that matches a ticket applies; none: every ticket.'),
  })
  .superRefine(refinedBy(ScheduleError, scheduleOf));

export const slaPolicy = z
  .strictObject({
    name: z.string().min(1).describe('Shown in the tickets drill-down.'),
    match: z
      .strictObject(Object.fromEntries(MATCH_FIELDS.map((f) => [f, matchValue.optional()])) as Record<MatchField, z.ZodOptional<typeof matchValue>>)
      .optional()
      .describe('Conditions, all of which must hold; no match means every ticket.'),
    firstResponse: duration.optional().describe('First response target, e.g. "2h" (at most 365d).'),
    resolution: duration.optional().describe('Resolution target, e.g. "3d" (at most 365d).'),
    clock: z.enum(['calendar', 'business']).optional().describe('calendar (default): the targets run day and night; business: they count the open time of the ticket\'s schedule (config schedules).'),
  })
  .refine((p) => p.firstResponse !== undefined || p.resolution !== undefined, {
    error: 'needs a firstResponse or a resolution target',
  });

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    timezone: z.string().min(1).optional().describe('IANA zone that decides period boundaries (as --tz).'),
    inputTimezone: z.string().min(1).optional().describe('Zone of input timestamps without an offset (as --input-tz).'),
    churnTags: z.array(z.string().min(1)).optional().describe('Tags that mark a cancellation or refund (default: cancellation, refund).'),
    columns: z
      .strictObject(Object.fromEntries(TICKET_FIELDS.map((f) => [f, z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]).optional()])))
      .optional()
      .describe(
        'Which header of a CSV export holds each canonical field, e.g. {"created_at": "Opened On", "agent": "Owner"}, or the headers whose texts are joined by a space, e.g. {"created_at": ["Date", "Time"]} (as --map).',
      ),
    values: z
      .strictObject(
        Object.fromEntries(TICKET_FIELDS.map((f) => [f, z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional()])),
      )
      .optional()
      .describe('Per field, export values and what they mean, e.g. {"satisfaction": {"Very happy": 5}, "channel": {"Mail": "email"}}; "" means blank.'),
    dateFormats: z
      .strictObject(Object.fromEntries(TIMESTAMP_FIELDS.map((f) => [f, datePattern.optional()])))
      .optional()
      .describe('Per timestamp field, the pattern its CSV column is written in, e.g. {"created_at": "dd/MMM/yy h:mm a"} (over --date-format for that column).'),
    eventLog: z
      .union([
        z.boolean(),
        z.strictObject({
          resolvedWhen: eventCondition.optional().describe('The events that resolve a ticket: it is resolved at the latest of them (as --resolved-when).'),
          respondedWhen: eventCondition.optional().describe('The events that answer the customer: the first response is the earliest of them (as --responded-when).'),
        }),
      ])
      .optional()
      .describe('Rows that share an id are the events of one ticket (as --event-log): true, or the events that resolve and answer a ticket.'),
    alerts: z
      .strictObject({
        negativeRatings: z
          .strictObject({
            min: z.number().int().min(1).optional().describe('The fewest negative ratings (bad, 1, 2) of an agent in a period that may alert (default 3).'),
            alpha: z.number().gt(0).lt(1).optional().describe('The significance level of the binomial test against the other agents, before dividing it by the agents tested (default 0.05).'),
          })
          .optional(),
        volume: z
          .strictObject({
            threshold: z.number().gt(0).optional().describe('The |score| (distance from the baseline in spreads) that alerts (default 4).'),
            history: z.number().int().min(1).max(52).optional().describe('Baseline periods looked back on (default 8).'),
            minBaseline: z.number().int().min(1).optional().describe('The fewest baseline periods a verdict needs (default 4).'),
            minChange: z.number().min(0).optional().describe('The fewest tickets off the baseline that may alert (default 10).'),
          })
          .optional(),
      })
      .optional()
      .describe('How sensitive the alerts are: negative ratings per agent, and unusual volume.'),
    goals: z.array(goalSchema).optional().describe('Targets the report judges; an error-level goal that fails makes the run exit 4 (after the report is written).'),
    schedules: z
      .array(scheduleSchema)
      .optional()
      .describe('Business hours: the first whose match fits a ticket gives its business first response and resolution times and its business-clock SLA deadlines.'),
    sla: z
      .array(slaPolicy)
      .optional()
      .describe('SLA policies in order; the first whose match fits a ticket applies to it (as in Zendesk).'),
  })
  .describe('support-metrics configuration (support-metrics.config.json).');

export type ConfigFile = z.infer<typeof configSchema>;
