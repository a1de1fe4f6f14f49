import type { Metric, Placement } from '../metrics/types.js';

/**
 * docs/metrics.md, made from the metric modules' metadata (`npm run docs` writes it; a test fails
 * when the committed file differs). The general rules below are the ones the engine implements.
 */

export const PLACEMENT_TEXT: Record<Placement, string> = {
  created: 'created_at',
  first_response: 'first_response_at',
  resolved: 'resolved_at',
  satisfaction: 'resolved_at, or created_at when never resolved',
  open_at_end: 'open at the end of the period (a state, not an event)',
};

const UNIT_TEXT = {
  count: 'count: a number',
  rate: 'rate: `{numerator, denominator, value}`, value = numerator / denominator, null when the denominator is 0',
  duration: 'duration: `{count, mean, median, p90}` in seconds, null statistics when count is 0',
} as const;

const GENERAL_RULES = `# Metric definitions

This file is generated from the metric modules in \`src/metrics/\` by \`npm run docs\`; a test fails
when it is out of date. Every number in a report follows these definitions exactly.

## Rules every metric follows

- **Tickets.** A ticket is a valid record of the input; the same \`id\` in several records (in one
  file or across files) is one ticket. Of those records, the one with the latest \`updated_at\` wins;
  a record without \`updated_at\` counts as older than any record with one; on a tie the record read
  last wins (files in the order given, records in file order). Rejected records never take part.
- **Resolved.** \`resolved_at\` is \`solved_at\`, or \`closed_at\` when \`solved_at\` is blank.
- **Placement.** Each metric counts a ticket in the period in which the metric's event happened
  (the *placed by* line of each metric below): volume by \`created_at\`, first response by
  \`first_response_at\`, resolution by \`resolved_at\`, satisfaction by \`resolved_at\` (by
  \`created_at\` when never resolved). This is how Freshdesk and Gorgias attribute their reports, and
  what a weekly report means by "this week". A ticket created in one week and answered in the next
  counts in the first week's volume and the second week's first response time.
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
  event (created, first response or resolved) in that period; a blank value is its own group (\`null\`
  in JSON, \`(none)\` in tables). Rows are sorted by period, then by dimension values in code-unit order,
  blank last. \`totals\` covers the whole range with no split.
- **Timestamps.** ISO 8601 / RFC 3339 with \`T\` or a space, optional seconds and fraction (read to the
  millisecond, extra digits truncated), and an offset or \`Z\`. A timestamp without an offset is read in
  \`--input-tz\` (default: \`--tz\`); a wall time that does not exist (clocks going forward) moves forward
  by the gap, and one that happens twice (clocks going back) is the earlier instant.
- **Absence is not zero.** A mean, median, p90 or rate with no data is \`null\` (\`n/a\` in tables),
  never 0; every value carries its sample size (\`count\`, \`denominator\`). A metric whose input
  column is absent from every input file is \`null\` in every row, with a note saying which column.
- **Percentiles** interpolate linearly between the closest ranks, as Excel PERCENTILE.INC and
  numpy's default do: for sorted x₀…xₙ₋₁, h = (n−1)·p, value = x⌊h⌋ + (h−⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
  The median is p = 0.5. Means are summed in sorted order, so the order of the input never changes them.
- **Durations** are calendar time in seconds (business hours are not applied).
`;

function needsText(metric: Metric): string {
  const needs = metric.meta.needs.map((alternatives) => alternatives.map((f) => `\`${f}\``).join(' or '));
  return ['`id`', '`created_at`', ...needs].join(', ');
}

function direction(higherIsBetter: boolean | null): string {
  return higherIsBetter === null ? 'neither' : higherIsBetter ? 'higher' : 'lower';
}

export function renderMetricsDoc(metrics: readonly Metric[]): string {
  const index = metrics.map((m) => `| [\`${m.meta.id}\`](#${m.meta.id}) | ${m.meta.title} | ${m.meta.unit} | ${PLACEMENT_TEXT[m.meta.placement]} |`);
  const sections = metrics.map(({ meta }, i) =>
    [
      `### ${meta.id}`,
      '',
      `**${meta.title}.** ${meta.definition}`,
      '',
      `- Unit: ${UNIT_TEXT[meta.unit]}`,
      `- Placed by: ${PLACEMENT_TEXT[meta.placement]}`,
      `- Columns used: ${needsText(metrics[i]!)}`,
      `- Better when: ${direction(meta.higherIsBetter)}`,
      '',
    ].join('\n'),
  );
  return [
    GENERAL_RULES,
    '## Metrics',
    '',
    '| id | title | unit | placed by |',
    '| --- | --- | --- | --- |',
    ...index,
    '',
    ...sections,
  ].join('\n');
}
