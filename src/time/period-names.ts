/** The --period choices (kept apart from periods.ts so that --help loads no calendar code). */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'all'] as const;
export type Period = (typeof PERIODS)[number];
