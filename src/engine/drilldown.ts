import { SLA_STATE_NAMES, SlaState } from '../sla/evaluate.js';
import { Satisfaction, YesNo } from '../schema/validate.js';
import type { TicketStore } from '../tickets/store.js';
import { formatInstant } from '../time/zone.js';
import { metricContext, type ComputeOptions } from './compute.js';
import { secondsBetween } from '../metrics/stats.js';

/**
 * One line per valid ticket with what the metrics saw, so that a lead can find the tickets behind
 * any number: the durations, the SLA policy and outcomes, satisfaction, first-contact resolution.
 */
export interface TicketLine {
  id: string;
  created_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  status: string | null;
  agent: string | null;
  team: string | null;
  channel: string | null;
  priority: string | null;
  language: string | null;
  customer: string | null;
  /** Seconds. */
  first_response_time: number | null;
  resolution_time: number | null;
  handle_time: number | null;
  /** yes / no, null without a rating. */
  satisfied: 'yes' | 'no' | null;
  nps: number | null;
  agent_replies: number | null;
  reopens: number | null;
  escalated: 'yes' | 'no' | null;
  /** yes / no as first_contact_resolution counts it; null when it does not count the ticket. */
  first_contact_resolution: 'yes' | 'no' | null;
  /** yes / no; null when no input file has a tags column. */
  churn: 'yes' | 'no' | null;
  tags: string[];
  sla_policy: string | null;
  /** met / breached / pending; null without an outcome. */
  first_response_sla: string | null;
  first_response_due: string | null;
  resolution_sla: string | null;
  resolution_due: string | null;
}

const orNull = (n: number): number | null => (Number.isNaN(n) || n < 0 ? null : n);
const yesNo = (flag: boolean): 'yes' | 'no' => (flag ? 'yes' : 'no');

/**
 * Tickets in order of creation (then id), each as the metrics saw it; instants in the report zone.
 * Made one at a time: a million tickets are never all held as lines.
 */
export function* ticketLines(
  tickets: TicketStore,
  presentFields: ReadonlySet<string>,
  options: Pick<ComputeOptions, 'zone' | 'churnTags' | 'sla'>,
): Generator<TicketLine> {
  const context = metricContext(tickets, options);
  const instant = (at: number): string | null => (Number.isNaN(at) ? null : formatInstant(at, options.zone));
  const text = (column: Int32Array, dictionary: { valueOf(code: number): string | null }, slot: number) => dictionary.valueOf(column[slot]!);
  const d = tickets.dictionaries;
  const slots = Int32Array.from({ length: tickets.length }, (_, i) => i).sort(
    (a, b) => tickets.createdAt[a]! - tickets.createdAt[b]! || (tickets.id[a]! < tickets.id[b]! ? -1 : tickets.id[a]! > tickets.id[b]! ? 1 : 0),
  );
  for (const slot of slots) {
    const created = tickets.createdAt[slot]!;
    const firstResponse = tickets.firstResponseAt[slot]!;
    const resolved = tickets.resolvedAt[slot]!;
    const satisfaction = tickets.satisfaction[slot]!;
    const escalated = tickets.escalated[slot]!;
    const replies = tickets.agentReplies[slot]!;
    const policy = context.sla.policy[slot]!;
    const slaPolicy = policy < 0 ? undefined : context.sla.policies[policy];
    const state = (s: number): string | null => (s === SlaState.none ? null : SLA_STATE_NAMES[s]!);
    const due = (targetMs: number | undefined): string | null => (targetMs === undefined ? null : instant(created + targetMs));
    yield {
      id: tickets.id[slot]!,
      created_at: instant(created)!,
      first_response_at: instant(firstResponse),
      resolved_at: instant(resolved),
      status: text(tickets.status, d.status, slot),
      agent: text(tickets.agent, d.agent, slot),
      team: text(tickets.team, d.team, slot),
      channel: text(tickets.channel, d.channel, slot),
      priority: text(tickets.priority, d.priority, slot),
      language: text(tickets.language, d.language, slot),
      customer: text(tickets.customer, d.customer, slot),
      first_response_time: orNull(secondsBetween(created, firstResponse)),
      resolution_time: orNull(secondsBetween(created, resolved)),
      handle_time: orNull(tickets.handleTime[slot]!),
      satisfied: satisfaction === Satisfaction.none ? null : yesNo(satisfaction === Satisfaction.satisfied),
      nps: orNull(tickets.nps[slot]!),
      agent_replies: orNull(replies),
      reopens: orNull(tickets.reopens[slot]!),
      escalated: escalated === YesNo.unknown ? null : yesNo(escalated === YesNo.yes),
      first_contact_resolution:
        Number.isNaN(resolved) || replies < 1 ? null : yesNo(replies === 1 && tickets.reopens[slot]! <= 0),
      churn: presentFields.has('tags') ? yesNo(context.churnTagLists.has(tickets.tags[slot]!)) : null,
      tags: [...tickets.tagsOf(slot)],
      sla_policy: slaPolicy?.name ?? null,
      first_response_sla: state(context.sla.firstResponse[slot]!),
      first_response_due: due(slaPolicy?.firstResponseMs),
      resolution_sla: state(context.sla.resolution[slot]!),
      resolution_due: due(slaPolicy?.resolutionMs),
    };
  }
}
