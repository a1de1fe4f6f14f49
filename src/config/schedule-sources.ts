/** The vendors `schedules import` reads (kept apart from schedule-import.ts so that --help loads none of it). */
export const SCHEDULE_SOURCES = ['zendesk', 'freshdesk', 'intercom'] as const;
