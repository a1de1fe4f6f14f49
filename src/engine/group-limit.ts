/**
 * The default of --max-groups (kept apart from the engine so that --help loads none of it): the
 * most groups --by may split a report into. Each group costs ~6–7 KiB of accumulators and output
 * (a report of 60,000 one-ticket agents peaked at ~475 MiB, of 100,000 at ~730 MiB; a million ran
 * out of V8's 4 GiB heap), and a real support team has hundreds or thousands of agents: more
 * groups than this is most often a column mapped to the wrong field (an id read as the agent),
 * which would otherwise run for minutes and out of memory.
 */
export const DEFAULT_MAX_GROUPS = 50_000;
