/**
 * The --attribution choices (kept apart from the engine so that --help loads none of it):
 * - `event`: each metric counts in the period its event happened (Freshdesk, Gorgias);
 * - `created`: every metric of a ticket counts in the period the ticket was created (Intercom).
 */
export const ATTRIBUTIONS = ['event', 'created'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
