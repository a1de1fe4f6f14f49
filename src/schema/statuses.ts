/**
 * The canonical ticket statuses, Zendesk's six, and the names helpdesks give them (compared
 * trimmed and ignoring case): a status read from any export is rewritten to its canonical name,
 * so that `Waiting on Customer` (Freshdesk), `Waiting for customer` (Jira) and `pending` (Zendesk)
 * are one status. A name not listed stays as written (`Cancelled`, `Spam`): map it with the
 * config's `values` (`"status": {"Cancelled": "closed"}`). Plain data.
 */
export const STATUSES = {
  new: ['new', 'to do', 'todo', 'unassigned', 'untriaged'],
  open: ['open', 'in progress', 'assigned', 'active', 'work in progress', 'reopened'],
  pending: ['pending', 'waiting for customer', 'waiting on customer', 'awaiting customer', 'awaiting customer response', 'waiting for reply'],
  hold: ['hold', 'on hold', 'on-hold', 'waiting on third party', 'waiting for third party', 'awaiting third party', 'snoozed'],
  solved: ['solved', 'resolved', 'done', 'completed', 'complete', 'fixed'],
  closed: ['closed'],
} as const satisfies Record<string, readonly string[]>;

export type Status = keyof typeof STATUSES;

/** The statuses that say a ticket is resolved: a blank `resolved` is yes for them. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set<Status>(['solved', 'closed']);
/** The statuses that say a ticket is still open: with a resolution time, they contradict it. */
export const OPEN_STATUSES: ReadonlySet<string> = new Set<Status>(['new', 'open', 'pending', 'hold']);

const CANONICAL = new Map<string, Status>(Object.entries(STATUSES).flatMap(([status, names]) => names.map((name) => [name, status as Status] as const)));

let lastWritten = '';
let lastCanonical = '';

/** A status as written → its canonical name (new, open, pending, hold, solved, closed), else as written. */
export function canonicalStatus(status: string): string {
  // Consecutive records often share a status: the last one is remembered.
  if (status === lastWritten) return lastCanonical;
  lastWritten = status;
  lastCanonical = CANONICAL.get(status.trim().toLowerCase()) ?? status;
  return lastCanonical;
}

/**
 * A value a condition names (an SLA policy's match, an event log's --resolved-when), as the tickets
 * hold it: a status in its canonical name, any other value as given; in lower case, as conditions
 * compare.
 */
export function conditionValue(field: string, value: string): string {
  return (field === 'status' ? canonicalStatus(value.trim()) : value.trim()).toLowerCase();
}
