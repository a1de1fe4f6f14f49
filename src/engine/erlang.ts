/**
 * Erlang C staffing: how many agents a queue of live contacts (calls, chats) needs to answer a
 * given share of them within a target wait. Pure (no I/O, no clock, no environment).
 *
 * The model (M/M/N): contacts arrive at random and independently of one another (a Poisson process
 * at a steady rate over the interval), handle times are exponentially distributed around the
 * average handle time (AHT), contacts wait in a single first-come-first-served queue for as long as
 * it takes (nobody abandons, nobody retries, nobody gets a busy signal), and every scheduled agent
 * is logged in and takes the next contact as soon as they are free (no breaks, no other work). The
 * offered load in Erlangs is arrivals per hour × AHT in hours: the average number of agents busy.
 *
 * With A Erlangs and N agents (N > A):
 *   - Erlang C, the probability that a contact waits at all, is found from Erlang B by the
 *     recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), then C = N·B / (N − A·(1 − B)). This
 *     stays in [0, 1] at every step, so it neither overflows nor loses precision for hundreds or
 *     thousands of agents (the textbook formula with A^N / N! overflows past N ≈ 170).
 *   - Service level, the share answered within t seconds: 1 − C·exp(−(N − A)·t / AHT).
 *   - Average speed of answer: C·AHT / (N − A).
 * With N ≤ A the queue grows without bound: everyone waits (C = 1), nobody is answered in time.
 *
 * Real customers hang up when they wait too long. Each one who does takes work off the queue and
 * shortens the wait of those behind, so a real queue reaches a given service level with a little
 * less staff than Erlang C says: its answer is a slightly cautious (high) figure, more so when the
 * queue is loaded and waits are long, and the figures here are a ceiling to plan from, not a roster.
 * Shrinkage (breaks, training, absence) is not in the model either: divide the agents by
 * (1 − shrinkage) to get the agents to schedule.
 */

/** What a queue needs, as found by agentsNeeded. */
export interface StaffingNeed {
  /** Offered load in Erlangs: arrivals per hour × AHT (hours). */
  erlangs: number;
  /** Fewest agents meeting both the service level and the maximum occupancy (0 when there are no arrivals). */
  agents: number;
  /** Share answered within the target wait with that many agents (1 when no arrivals). */
  serviceLevel: number;
  /** erlangs / agents (0 when no arrivals). */
  occupancy: number;
  /** Probability that a contact waits at all (Erlang C) with that many agents. */
  probabilityOfWaiting: number;
  /** Average speed of answer in seconds with that many agents. */
  averageSpeedOfAnswer: number;
}

const SECONDS_PER_HOUR = 3600;

/** Throws a RangeError unless `value` is a finite number ≥ 0. */
function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number, 0 or more, not ${value}`);
}

/** Throws a RangeError unless `value` is a finite number > 0. */
function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a finite number above 0, not ${value}`);
}

/** Throws a RangeError unless `value` is a whole number ≥ 0. */
function requireCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number, 0 or more, not ${value}`);
}

/** One step of the Erlang B recursion: B(k) from B(k − 1) for offered load `erlangs`. */
function erlangBStep(k: number, erlangs: number, previous: number): number {
  const top = erlangs * previous;
  return top / (k + top);
}

/** Erlang B (blocking probability) for `agents` servers, by the recursion from B(0) = 1. */
function erlangB(agents: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = erlangBStep(k, erlangs, b);
  return b;
}

/** Erlang C from Erlang B for the same servers and load; 1 when agents ≤ erlangs. */
function erlangCFromB(agents: number, erlangs: number, b: number): number {
  if (agents <= erlangs) return 1;
  const c = (agents * b) / (agents - erlangs * (1 - b));
  return Math.min(1, Math.max(0, c));
}

/** Service level from Erlang C; 0 when the queue is unstable (agents ≤ erlangs). */
function serviceLevelFromC(agents: number, erlangs: number, c: number, targetSeconds: number, ahtSeconds: number): number {
  if (erlangs === 0) return 1;
  if (agents <= erlangs) return 0;
  const level = 1 - c * Math.exp((-(agents - erlangs) * targetSeconds) / ahtSeconds);
  return Math.min(1, Math.max(0, level));
}

/**
 * Erlang C: P(wait > 0) for `agents` servers and offered load `erlangs` (1 when agents <= erlangs).
 * Numerically stable (iterative Erlang B recursion, then C from B), for hundreds of agents.
 * Throws a RangeError unless agents is a whole number ≥ 0 and erlangs a finite number ≥ 0.
 */
export function erlangC(agents: number, erlangs: number): number {
  requireCount('agents', agents);
  requireNonNegative('erlangs', erlangs);
  if (agents <= erlangs) return 1;
  return erlangCFromB(agents, erlangs, erlangB(agents, erlangs));
}

/**
 * Service level: P(wait ≤ targetSeconds) = 1 − C · exp(−(agents − erlangs) · targetSeconds / ahtSeconds).
 * 0 when agents ≤ erlangs (the queue grows without bound), 1 when erlangs is 0 (nobody calls, so
 * nobody waits). Throws a RangeError on a negative, non-finite or NaN input, fractional agents, or
 * an AHT of 0.
 */
export function serviceLevel(agents: number, erlangs: number, targetSeconds: number, ahtSeconds: number): number {
  requireCount('agents', agents);
  requireNonNegative('erlangs', erlangs);
  requireNonNegative('targetSeconds', targetSeconds);
  requirePositive('ahtSeconds', ahtSeconds);
  return serviceLevelFromC(agents, erlangs, erlangC(agents, erlangs), targetSeconds, ahtSeconds);
}

/**
 * The fewest agents reaching `target` (a fraction, e.g. 0.8) within `targetSeconds`, with
 * occupancy ≤ maxOccupancy (e.g. 0.85).
 *
 * `target.share` must be in [0, 1): under Erlang C some contacts always wait, so 100% is never
 * reached. `maxOccupancy` must be in (0, 1]. With no arrivals the answer is 0 agents, service level 1,
 * occupancy 0, no waiting. Otherwise it starts from the fewest agents the occupancy cap and a
 * stable queue allow and adds one at a time (extending the Erlang B recursion, so a load of
 * thousands of Erlangs costs a few thousand steps) until the service level is met.
 */
export function agentsNeeded(
  arrivalsPerHour: number,
  ahtSeconds: number,
  target: { share: number; withinSeconds: number },
  maxOccupancy: number,
): StaffingNeed {
  requireNonNegative('arrivalsPerHour', arrivalsPerHour);
  requirePositive('ahtSeconds', ahtSeconds);
  if (!(target.share >= 0 && target.share < 1)) {
    throw new RangeError(`The service level share must be at least 0 and below 1 (100% is never reached under Erlang C), not ${target.share}`);
  }
  requireNonNegative('target.withinSeconds', target.withinSeconds);
  if (!(maxOccupancy > 0 && maxOccupancy <= 1)) throw new RangeError(`maxOccupancy must be above 0 and at most 1, not ${maxOccupancy}`);

  const erlangs = (arrivalsPerHour * ahtSeconds) / SECONDS_PER_HOUR;
  if (erlangs === 0) return { erlangs: 0, agents: 0, serviceLevel: 1, occupancy: 0, probabilityOfWaiting: 0, averageSpeedOfAnswer: 0 };

  // The fewest agents with a stable queue (N > A) and occupancy within the cap. A/maxOccupancy can
  // land a hair above a whole number by rounding (8.5 / 0.85), hence floor then step.
  let agents = Math.max(1, Math.floor(erlangs) + 1, Math.floor(erlangs / maxOccupancy));
  while (erlangs / agents > maxOccupancy) agents++;

  let b = erlangB(agents, erlangs);
  for (;;) {
    const c = erlangCFromB(agents, erlangs, b);
    const level = serviceLevelFromC(agents, erlangs, c, target.withinSeconds, ahtSeconds);
    if (level >= target.share) {
      return {
        erlangs,
        agents,
        serviceLevel: level,
        occupancy: erlangs / agents,
        probabilityOfWaiting: c,
        averageSpeedOfAnswer: (c * ahtSeconds) / (agents - erlangs),
      };
    }
    agents++;
    b = erlangBStep(agents, erlangs, b);
  }
}

/**
 * Team leads for a number of agents at one lead per `span.min`–`span.max` agents:
 * {fewest: ceil(agents / max), most: ceil(agents / min)} (0 for 0 agents). Throws a RangeError
 * unless agents is a whole number ≥ 0 and 0 < span.min ≤ span.max (both finite).
 */
export function leadsNeeded(agents: number, span: { min: number; max: number }): { fewest: number; most: number } {
  requireCount('agents', agents);
  requirePositive('span.min', span.min);
  requirePositive('span.max', span.max);
  if (span.min > span.max) throw new RangeError(`span.min (${span.min}) must not exceed span.max (${span.max})`);
  return { fewest: Math.ceil(agents / span.max), most: Math.ceil(agents / span.min) };
}

const SERVICE_LEVEL_FORMAT = /^\s*(\d+(?:\.\d+)?)\s*%?\s*\/\s*(-?\d+(?:\.\d+)?)\s*s?\s*$/;

/**
 * Parses "80/20" (80% within 20 s) → {share: 0.8, withinSeconds: 20}; throws RangeError with a
 * clear message otherwise. Spaces, a "%" after the share and an "s" after the seconds are allowed
 * ("80% / 20s"); the percentage must be above 0 and below 100, the seconds 0 or more.
 */
export function parseServiceLevel(text: string): { share: number; withinSeconds: number } {
  const match = SERVICE_LEVEL_FORMAT.exec(text);
  if (!match) {
    throw new RangeError(`Service level "${text}" is not of the form PERCENT/SECONDS, e.g. "80/20" for 80% answered within 20 seconds`);
  }
  const percent = Number(match[1]);
  const withinSeconds = Number(match[2]);
  if (!(percent > 0 && percent < 100)) {
    throw new RangeError(`Service level "${text}": the percentage must be above 0 and below 100 (100% is never reached under Erlang C), not ${percent}`);
  }
  if (!(withinSeconds >= 0)) throw new RangeError(`Service level "${text}": the target wait must be 0 seconds or more, not ${withinSeconds}`);
  return { share: percent / 100, withinSeconds: withinSeconds === 0 ? 0 : withinSeconds }; // "-0" → 0
}
