import { COMMON_SENTINELS } from '../dialect/dialect.js';
import type { JsonObject } from '../dialect/json-fields.js';
import type { Preset } from './types.js';

/**
 * Zendesk Support's ticket objects as the Incremental Tickets API gives them with
 * `include=metric_sets`: an array of tickets each carrying its `metric_set`, or the API page itself,
 * `{"tickets": [...], "metric_sets": [...]}`, whose metric sets are joined to their ticket on
 * `ticket_id`. Timestamps are ISO 8601 in UTC. As in the CSV export there is no first-reply
 * timestamp: created_at + `reply_time_in_minutes.calendar` stands in for it; the `business` minutes
 * feed the business-hours metrics only.
 */
export const zendeskApi: Preset = {
  name: 'zendesk-api',
  title: 'Zendesk Support API ticket export',
  format: 'json',
  signature: ['via', ['satisfaction_rating', 'metric_set']],
  dialect: {
    columns: {
      id: 'id',
      created_at: 'created_at',
      solved_at: 'metric_set.solved_at',
      updated_at: 'updated_at',
      status: 'status',
      agent: 'assignee_id',
      team: 'group_id',
      channel: 'via.channel',
      priority: 'priority',
      customer: 'requester_id',
      satisfaction: 'satisfaction_rating.score',
      reopens: 'metric_set.reopens',
      agent_replies: 'metric_set.replies',
      tags: 'tags',
      business_first_response_time: 'metric_set.reply_time_in_minutes.business',
      business_resolution_time: 'metric_set.full_resolution_time_in_minutes.business',
    },
    secondsPerUnit: { business_first_response_time: 60, business_resolution_time: 60 },
    values: {
      // A survey sent but not answered, or not sent: no response.
      satisfaction: { offered: '', unoffered: '' },
      channel: { email: 'email', web: 'web', chat: 'chat', native_messaging: 'chat', voice: 'phone' },
    },
    sentinels: COMMON_SENTINELS,
    tagSeparator: ',',
    afterCreated: { first_response_at: { header: 'metric_set.reply_time_in_minutes.calendar', unit: 'minutes' } },
  },
  records: ticketsWithMetricSets,
  notes:
    'The Incremental Tickets API with `include=metric_sets`: an array of tickets each carrying its `metric_set`, or the API page `{"tickets": [...], "metric_sets": [...]}`, whose metric sets are joined to their ticket on `ticket_id`. First response is `created_at` + `metric_set.reply_time_in_minutes.calendar`; the `business` minutes of `reply_time_in_minutes` and `full_resolution_time_in_minutes` feed the business-hours metrics, never the calendar ones. `solved_at`, `reopens`, `replies` come from the metric set. `satisfaction_rating.score` `offered`/`unoffered` is no response. `via.channel` `voice` reads as `phone`, `native_messaging` as `chat`. `assignee_id`, `group_id`, `requester_id` are kept as ids.',
};

/** The Incremental Tickets API page: each ticket with its metric set (by ticket_id) as `metric_set`. */
function ticketsWithMetricSets(page: JsonObject): unknown[] | undefined {
  const { tickets, metric_sets: sets } = page;
  if (!Array.isArray(tickets)) return undefined;
  const byTicket = new Map<string, unknown>();
  if (Array.isArray(sets)) for (const set of sets) if (isObject(set) && set.ticket_id != null) byTicket.set(String(set.ticket_id), set);
  return tickets.map((ticket) => (isObject(ticket) && ticket.metric_set === undefined && byTicket.has(String(ticket.id)) ? { ...ticket, metric_set: byTicket.get(String(ticket.id)) } : ticket));
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
