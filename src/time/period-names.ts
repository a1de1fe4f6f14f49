/** The --period choices (kept apart from periods.ts so that --help loads no calendar code). */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** The --compare choices: the period before each, or the same period a year earlier. */
export const COMPARISONS = ['previous', 'year'] as const;
export type Comparison = (typeof COMPARISONS)[number];
