/** The --event choices of `coverage` (kept apart from coverage.ts so that --help loads no calendar code). */
export const COVERAGE_EVENTS = ['created', 'first_response', 'resolved'] as const;
export type CoverageEvent = (typeof COVERAGE_EVENTS)[number];
