import { allOf, type TicketCondition } from '../tickets/conditions.js';
import { resolvedAtUnknownTime, type TicketStore } from '../tickets/store.js';

/**
 * SLA outcomes, counted the way Zendesk's SLA reports count achievement and breach events: each
 * ticket under a policy with a target has one outcome per target, placed where it happened.
 * - met: answered (resolved) within the target, i.e. at or before created_at + target; placed at
 *   the answer (resolution);
 * - breached: the target passed first, placed at the deadline (created_at + target), whether or
 *   not an answer ever came;
 * - pending: no answer (resolution) yet and the deadline lies after the end of the data: not counted;
 * - none: no policy, or no such target in the policy, or (first response only) resolved by the
 *   deadline without any response.
 */

export interface SlaPolicy {
  name: string;
  /** All must hold (see tickets/conditions.ts). Empty: every ticket. */
  match: TicketCondition[];
  firstResponseMs?: number;
  resolutionMs?: number;
  /** `business`: the targets count the open time of the ticket's schedule (config schedules). */
  clock?: 'calendar' | 'business';
}

export const SlaState = { none: 0, met: 1, breached: 2, pending: 3 } as const;
export const SLA_STATE_NAMES = ['none', 'met', 'breached', 'pending'] as const;

export type SlaTarget = 'firstResponse' | 'resolution';

/**
 * Every ticket's SLA outcomes. Kept in typed arrays when some policy is configured (22 bytes a
 * ticket); without one, no array is made: every ticket has no policy and no outcome.
 */
export interface SlaOutcomes {
  policies: readonly SlaPolicy[];
  /** Index of the policy that applies to a ticket, -1 for none. */
  policyOf(slot: number): number;
  /** A ticket's outcome for a target (SlaState). */
  stateOf(slot: number, target: SlaTarget): number;
  /** Where that outcome is placed (NaN without one). */
  placedAt(slot: number, target: SlaTarget): number;
  /**
   * A ticket's deadline for a target (NaN: no policy, no such target, or a business clock without
   * a schedule). Computed when asked (the drill-down), not kept: two arrays of a million deadlines
   * the report never reads.
   */
  dueOf(slot: number, target: SlaTarget): number;
}

/** The outcomes when no policy is configured. */
const NO_POLICY: SlaOutcomes = {
  policies: [],
  policyOf: () => -1,
  stateOf: () => SlaState.none,
  placedAt: () => Number.NaN,
  dueOf: () => Number.NaN,
};

/** One outcome of a target: [state, placed at]. */
function outcome(deadline: number, doneAt: number, dataEnd: number): [number, number] {
  // No target, or a business-clock target for a ticket no schedule covers: no outcome.
  if (Number.isNaN(deadline)) return [SlaState.none, Number.NaN];
  if (doneAt <= deadline) return [SlaState.met, doneAt];
  if (!Number.isNaN(doneAt) || deadline <= dataEnd) return [SlaState.breached, deadline];
  return [SlaState.pending, Number.NaN];
}

/**
 * Evaluates every ticket against the policies (the first whose match fits applies). `dataEnd` is
 * the latest timestamp in the data: a deadline after it has not passed yet.
 */
export function evaluateSla(
  tickets: TicketStore,
  policies: readonly SlaPolicy[],
  dataEnd: number,
  businessDeadline: (slot: number, targetMs: number) => number = () => Number.NaN,
): SlaOutcomes {
  if (policies.length === 0) return NO_POLICY;
  const n = tickets.length;
  const policy = new Int32Array(n).fill(-1);
  const states = { firstResponse: new Int8Array(n), resolution: new Int8Array(n) };
  const placed = { firstResponse: new Float64Array(n).fill(Number.NaN), resolution: new Float64Array(n).fill(Number.NaN) };
  /** The target after creation, in calendar time or in the ticket's schedule's open time. */
  const deadlineOf = (policy: SlaPolicy, slot: number, targetMs: number | undefined): number =>
    targetMs === undefined ? Number.NaN : policy.clock === 'business' ? businessDeadline(slot, targetMs) : tickets.createdAt[slot]! + targetMs;
  const matchers = policies.map((p) => allOf(tickets, p.match));
  for (let slot = 0; slot < n; slot++) {
    const index = matchers.findIndex((matches) => matches(slot));
    if (index < 0) continue;
    const applies = policies[index]!;
    policy[slot] = index;
    const resolved = tickets.resolvedAt[slot]!;
    const firstResponse = tickets.firstResponseAt[slot]!;
    const firstResponseDue = deadlineOf(applies, slot, applies.firstResponseMs);
    let [state, at] = outcome(firstResponseDue, firstResponse, dataEnd);
    // Resolved by the first-response deadline without a response: no first-response outcome.
    if (Number.isNaN(firstResponse) && resolved <= firstResponseDue) {
      [state, at] = [SlaState.none, Number.NaN];
    }
    states.firstResponse[slot] = state;
    placed.firstResponse[slot] = at;
    // Resolved at a moment the data does not give: met or breached cannot be told.
    [state, at] = resolvedAtUnknownTime(tickets, slot) ? [SlaState.none, Number.NaN] : outcome(deadlineOf(applies, slot, applies.resolutionMs), resolved, dataEnd);
    states.resolution[slot] = state;
    placed.resolution[slot] = at;
  }
  return {
    policies,
    policyOf: (slot) => policy[slot]!,
    stateOf: (slot, target) => states[target][slot]!,
    placedAt: (slot, target) => placed[target][slot]!,
    dueOf: (slot, target) => {
      const index = policy[slot]!;
      return index < 0 ? Number.NaN : deadlineOf(policies[index]!, slot, target === 'firstResponse' ? policies[index]!.firstResponseMs : policies[index]!.resolutionMs);
    },
  };
}
