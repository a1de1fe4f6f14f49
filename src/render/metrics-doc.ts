import type { Metric, MetricMeta, Placement, Unit } from '../metrics/types.js';
import { TICKET_FIELDS, type TicketField } from '../schema/fields.js';

/**
 * docs/metrics.md, made from the metric modules' metadata (`npm run docs` writes it; a test fails
 * when the committed file differs), and the pieces of it that `support-metrics metrics` prints.
 * The general rules below are the ones the engine implements.
 */

export const PLACEMENT_TEXT: Record<Placement, string> = {
  created: 'created_at',
  first_response: 'first_response_at',
  resolved: 'resolved_at',
  satisfaction: 'resolved_at, or created_at when never resolved',
  first_response_sla: 'the first response when the SLA was met, the deadline when it was breached',
  resolution_sla: 'the resolution when the SLA was met, the deadline when it was breached',
  open_at_end: 'open at the end of the period (a state, not an event)',
};

export const UNIT_TEXT: Record<Unit, string> = {
  count: 'count: a number',
  rate: 'rate: `{numerator, denominator, value}`, value = numerator / denominator (a share, shown as a percentage), null when the denominator is 0',
  ratio: 'ratio: `{numerator, denominator, value}`, value = numerator / denominator (shown as a number), null when the denominator is 0',
  duration: 'duration: `{count, mean, median, p90}` in seconds, null statistics when count is 0',
  nps: 'score: `{responses, promoters, passives, detractors, value}`, value from −100 to 100, null without responses',
};

export function columnsText(meta: MetricMeta): string {
  const needs = meta.needs.map((alternatives) => alternatives.map((f) => `\`${f}\``).join(' or '));
  return ['`id`', '`created_at`', ...needs].join(', ');
}

export function directionText(higherIsBetter: boolean | null): string {
  return higherIsBetter === null ? 'neither (context)' : higherIsBetter ? 'higher' : 'lower';
}

/** The worked example: its tickets as a GFM table, the config it needs, the result and why. */
export function exampleText(meta: MetricMeta): string {
  const { example } = meta;
  const fields = TICKET_FIELDS.filter((f) => example.tickets.some((t) => t[f] !== undefined));
  const cell = (value: unknown): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));
  const lines = [
    `Range: ${example.from} to ${example.to} (end exclusive).`,
    '',
    `| ${fields.join(' | ')} |`,
    `| ${fields.map(() => '---').join(' | ')} |`,
    ...example.tickets.map((t) => `| ${fields.map((f: TicketField) => cell(t[f])).join(' | ')} |`),
    '',
  ];
  if (example.config !== undefined) lines.push('With this config:', '', '```json', JSON.stringify(example.config, null, 2), '```', '');
  lines.push(`Result: \`${JSON.stringify(example.result)}\``, '', example.explanation);
  return lines.join('\n');
}

const GENERAL_RULES = `# Metric definitions

This file is generated from the metric modules in \`src/metrics/\` by \`npm run docs\`; a test fails
when it is out of date, and every worked example below is checked by a test against the code.
\`support-metrics metrics\` prints the same catalogue, \`support-metrics metrics ID\` one metric.

## Rules every metric follows

- **Tickets.** A ticket is a valid record of the input; the same \`id\` in several records (in one
  file or across files) is one ticket. Of those records, the one with the latest \`updated_at\` wins;
  a record without \`updated_at\` counts as older than any record with one; on a tie the record read
  last wins (files in the order given, records in file order). Rejected records never take part.
- **Resolved.** \`resolved_at\` is \`solved_at\`, or \`closed_at\` when \`solved_at\` is blank.
- **Placement.** Each metric counts a ticket in the period in which the metric's event happened
  (the *placed by* line of each metric below): volume by \`created_at\`, first response by
  \`first_response_at\`, resolution by \`resolved_at\`, satisfaction by \`resolved_at\` (by
  \`created_at\` when never resolved), SLA outcomes where they happened. This is how Freshdesk and
  Gorgias attribute their reports, and what a weekly report means by "this week". A ticket created
  in one week and answered in the next counts in the first week's volume and the second week's
  first response time. See *Attribution* for the other way.
- **Periods.** Periods are calendar days, ISO 8601 weeks (Monday start, labelled \`2026-W10\`),
  months, quarters or years in the report time zone (\`--tz\`, default UTC), or the whole range
  (\`all\`). A period is the half-open interval [start, end): an event exactly at the start of a
  period belongs to it; one exactly at its end belongs to the next. Days on which the clocks
  change are 23 or 25 hours long, as they are; no event is shifted or lost.
- **Range.** \`--from\` is inclusive, \`--to\` exclusive; both are read in \`--tz\` (a date means the
  start of that day). Without them the range runs from the start of the period holding the earliest
  event (\`created_at\`, \`first_response_at\` or \`resolved_at\`) to the end of the period holding the
  latest; for \`all\`, from the start of the earliest day to the end of the latest. A range that starts
  or ends inside a period clips that period: its row covers only the part inside the range, under the
  period's label. Events outside the range are not counted.
- **Rows.** Without \`--by\`, every period of the range has a row, quiet ones included. With
  \`--by\`, each period has one row per combination of dimension values seen among the tickets with an
  event (one that places some metric) in that period; a blank value is its own group (\`null\` in
  JSON, \`(none)\` in tables). Rows are sorted by period, then by dimension values in code-unit order,
  blank last. \`totals\` covers the whole range with no split.
- **Timestamps.** ISO 8601 / RFC 3339 with \`T\` or a space, optional seconds and fraction (read to the
  millisecond, extra digits truncated), and an offset or \`Z\`. A timestamp without an offset is read in
  \`--input-tz\` (default: \`--tz\`); a wall time that does not exist (clocks going forward) moves forward
  by the gap, and one that happens twice (clocks going back) is the earlier instant.
- **Absence is not zero.** A mean, median, p90 or rate with no data is \`null\` (\`n/a\` in tables),
  never 0; every value carries its sample size (\`count\`, \`denominator\`, \`responses\`). A metric
  whose input column is absent from every input file is \`null\` in every row, with a note saying
  which column; so is an SLA metric when no policy has its target.
- **Percentiles** interpolate linearly between the closest ranks, as Excel PERCENTILE.INC and
  numpy's default do: for sorted x₀…xₙ₋₁, h = (n−1)·p, value = x⌊h⌋ + (h−⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
  The median is p = 0.5. A mean of durations is exact: the durations, whole milliseconds as between two timestamps, are added up as whole numbers of milliseconds, so neither the order of the input nor rounding along the way changes it (a duration with a fraction of a millisecond, a handle_time of 0.0005 s, makes its mean add up in sorted order instead).
- **Durations** are calendar time in seconds (business hours are not applied); a mean, median and p90 is rounded to the nearest millisecond, the precision of the timestamps.

## Attribution

\`--attribution event\` (the default) places each metric by its own event, as above.
\`--attribution created\` places every metric of a ticket in the period the ticket was created, as
Intercom's reports do. Only *when* a ticket counts moves, not *whether*: a metric still counts a
ticket only if its own event happened at some time in the data (a ticket never resolved is not in
\`tickets_resolved\` or \`resolution_time\`; an SLA outcome still pending is not counted).
\`backlog\` stays a count of tickets open at each period's end.

- Ask *event* "how did the team do **this week**?": the first responses sent, tickets resolved and
  ratings received this week, whatever week the tickets came in. A weekly ops review, staffing and
  SLA performance read this way, and the numbers of a closed week never change afterwards.
- Ask *created* "how were **the tickets that came in this week** served?": of last week's
  tickets, how fast were they answered and resolved, and how happy were those customers. A cohort
  view, good for judging a change (a new macro, a product launch); recent periods keep changing as
  their tickets are resolved.

Example: a ticket created Friday 2026-03-06 and first answered Monday 2026-03-09. With *event*, its
first response time counts in 2026-W11; with *created*, in 2026-W10.

## SLA policies

SLA targets come from the \`sla\` list of the config file (\`support-metrics.config.json\` in the
working directory, or \`--config PATH\`). The first policy whose \`match\` fits a ticket applies to it,
as in Zendesk; a policy without \`match\` fits every ticket; match values compare ignoring case and
surrounding spaces, a list matches any of its values, and \`tags\` matches a ticket with any of the
listed tags. Each target gives each ticket under the policy at most one outcome, counted once, in
the period where it happened — the way Zendesk counts achievement and breach events: *met* when the
response (resolution) came at or before \`created_at\` + target, placed at the response (resolution);
*breached* when the deadline passed first, placed at the deadline, whether or not a response ever
came, so a ticket nobody answered cannot flatter the SLA. A ticket without a response
(resolution) whose deadline lies after the end of the data (the latest timestamp of any valid
record) is *pending* and not counted; a ticket resolved by its first-response deadline without any
response has no first-response outcome. A breach counts in the period holding its deadline: when
that lies after the report's range (the default range ends with the period of the last created,
answered or resolved ticket), it counts in the next report, not this one. \`support-metrics tickets\`
shows each ticket's policy, deadlines and outcomes.
`;

export function renderMetricsDoc(metrics: readonly Metric[]): string {
  const index = metrics.map((m) => `| [\`${m.meta.id}\`](#${m.meta.id}) | ${m.meta.title} | ${m.meta.unit} | ${PLACEMENT_TEXT[m.meta.placement]} |`);
  const sections = metrics.map(({ meta }) =>
    [
      `### ${meta.id}`,
      '',
      `**${meta.title}.** ${meta.definition}`,
      '',
      ...(meta.notes === undefined ? [] : [meta.notes, '']),
      `- Unit: ${UNIT_TEXT[meta.unit]}`,
      `- Placed by: ${PLACEMENT_TEXT[meta.placement]}`,
      `- Columns used: ${columnsText(meta)}`,
      `- Better when: ${directionText(meta.higherIsBetter)}`,
      '',
      '#### Worked example',
      '',
      exampleText(meta),
      '',
    ].join('\n'),
  );
  return [GENERAL_RULES, '## Metrics', '', '| id | title | unit | placed by |', '| --- | --- | --- | --- |', ...index, '', ...sections].join('\n');
}
