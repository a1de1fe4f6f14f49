/**
 * The canonical ticket export: its columns (CSV) or keys (JSON), in the order the docs list them.
 * Only `id` and `created_at` are required; unknown columns are ignored.
 */
export const TICKET_FIELDS = [
  'id',
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'updated_at',
  'status',
  'agent',
  'team',
  'channel',
  'priority',
  'language',
  'customer',
  'satisfaction',
  'nps',
  'agent_replies',
  'reopens',
  'handle_time',
  'escalated',
  'tags',
  'business_first_response_time',
  'business_resolution_time',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

export const REQUIRED_FIELDS: readonly TicketField[] = ['id', 'created_at'];

/** Position of each field in TICKET_FIELDS, for aligned value arrays. */
export const FIELD_INDEX = Object.fromEntries(TICKET_FIELDS.map((f, i) => [f, i])) as Record<TicketField, number>;

/** The fields a report can be split by with `--by`. */
export const DIMENSIONS = ['agent', 'team', 'channel', 'priority', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a column header means: trimmed and case-insensitive, so ` Created_At ` is `created_at`. */
export function canonicalFieldOf(header: string): TicketField | undefined {
  const name = header.trim().toLowerCase();
  return (TICKET_FIELDS as readonly string[]).includes(name) ? (name as TicketField) : undefined;
}
