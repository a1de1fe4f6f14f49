/**
 * The metric catalogue as the tests expect it, written out by hand (not read from the registry),
 * so that adding, removing or reordering a metric is a visible change to the tests.
 */
export const METRIC_IDS = [
  'tickets_created',
  'tickets_resolved',
  'backlog',
  'resolution_rate',
  'first_response_time',
  'resolution_time',
  'handle_time',
  'business_first_response_time',
  'business_resolution_time',
  'first_contact_resolution',
  'reopen_rate',
  'escalation_rate',
  'abandonment_rate',
  'cancellation_rate',
  'csat',
  'nps',
  'first_response_sla',
  'resolution_sla',
  'tickets_per_customer',
  'resolved_per_agent',
];
