/** The --date-format choices: what may settle day-first vs month-first (kept apart so that --help loads no date code). */
export const DATE_ORDER_CHOICES = ['DMY', 'MDY'] as const;
