import { describe, expect, it } from 'vitest';
import { agentsNeeded, erlangC, leadsNeeded, parseServiceLevel, serviceLevel } from '../../src/engine/erlang.js';

/**
 * Erlang C staffing (engine/erlang.ts), against the textbook example (100 calls an hour at 3 minutes
 * AHT = 5 Erlangs: 7 agents answer about 74% within 20 s, 80/20 needs 8 agents at about 88%), and
 * erlangC against a second implementation: the closed formula in exact rational arithmetic (BigInt).
 */

const TARGET_80_20 = { share: 0.8, withinSeconds: 20 };

/**
 * Erlang C by the closed formula, exactly: with A = p/q and T_k = A^k / k!,
 *   C = T_N·N/(N − A) / (Σ_{k<N} T_k + T_N·N/(N − A)).
 * Multiplying through by q^N·N!·(Nq − p) leaves integers: t_k = p^k·q^(N−k)·N!/k!,
 *   C = t_N·N·q / (Σ_{k<N} t_k·(Nq − p) + t_N·N·q).
 * Only for N > A (else C = 1).
 */
function erlangCExact(agents: number, loadNumerator: bigint, loadDenominator: bigint): number {
  const n = BigInt(agents);
  const p = loadNumerator;
  const q = loadDenominator;
  // t_k for k = N down to 0, with N!/k! built up as k falls.
  const terms: bigint[] = new Array<bigint>(agents + 1);
  let nFactorialOverKFactorial = 1n;
  for (let k = agents; k >= 0; k--) {
    terms[k] = p ** BigInt(k) * q ** (n - BigInt(k)) * nFactorialOverKFactorial;
    if (k > 0) nFactorialOverKFactorial *= BigInt(k);
  }
  const waiting = terms[agents]! * n * q;
  let below = 0n;
  for (let k = 0; k < agents; k++) below += terms[k]!;
  const denominator = below * (n * q - p) + waiting;
  const SCALE = 10n ** 30n;
  return Number((waiting * SCALE) / denominator) / 1e30;
}

describe('erlangC', () => {
  it('gives the textbook figures', () => {
    // 5 Erlangs on 7 agents: about a third of the contacts wait at all.
    expect(erlangC(7, 5)).toBeCloseTo(0.3241, 4);
    expect(erlangC(8, 5)).toBeCloseTo(0.1673, 4);
    // The often-quoted 0.2217 is 7 Erlangs on 10 agents.
    expect(erlangC(10, 7)).toBeCloseTo(0.2217, 4);
    // One agent is M/M/1: P(wait) = utilisation.
    expect(erlangC(1, 0.3)).toBeCloseTo(0.3, 12);
  });

  it('is 1 when agents <= erlangs and 0 with no load', () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangC(4, 5)).toBe(1);
    expect(erlangC(0, 0)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });

  const loads: [number, bigint, bigint][] = [
    [0.5, 1n, 2n],
    [1, 1n, 1n],
    [2.5, 5n, 2n],
    [5, 5n, 1n],
    [7.25, 29n, 4n],
    [12.5, 25n, 2n],
    [20, 20n, 1n],
    [33.3, 333n, 10n],
    [45, 45n, 1n],
    [49.9, 499n, 10n],
  ];
  it.each(loads)('matches the exact closed formula for agents 1..50 at %d Erlangs', (erlangs, p, q) => {
    for (let agents = 1; agents <= 50; agents++) {
      const expected = agents > erlangs ? erlangCExact(agents, p, q) : 1;
      expect(Math.abs(erlangC(agents, erlangs) - expected), `${agents} agents`).toBeLessThan(1e-9);
    }
  });

  it('stays accurate for hundreds of agents, where A^N / N! overflows a double', () => {
    for (const [agents, erlangs] of [
      [300, 280],
      [520, 500],
      [200, 150],
    ] as const) {
      const c = erlangC(agents, erlangs);
      expect(Number.isFinite(c)).toBe(true);
      expect(Math.abs(c - erlangCExact(agents, BigInt(erlangs), 1n))).toBeLessThan(1e-9);
    }
  });

  it('falls as agents are added', () => {
    let previous = 1;
    for (let agents = 21; agents <= 60; agents++) {
      const c = erlangC(agents, 20);
      expect(c).toBeLessThan(previous);
      previous = c;
    }
  });

  it('rejects negative, NaN, infinite and fractional inputs', () => {
    expect(() => erlangC(-1, 5)).toThrow(RangeError);
    expect(() => erlangC(Number.NaN, 5)).toThrow(RangeError);
    expect(() => erlangC(7.5, 5)).toThrow(/whole number/);
    expect(() => erlangC(7, -0.1)).toThrow(RangeError);
    expect(() => erlangC(7, Number.NaN)).toThrow(/erlangs/);
    expect(() => erlangC(7, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('serviceLevel', () => {
  it('gives about 74% within 20 s for 5 Erlangs on 7 agents (3-minute AHT)', () => {
    const level = serviceLevel(7, 5, 20, 180);
    expect(Math.abs(level - 0.74)).toBeLessThanOrEqual(0.01);
    // By the formula: 1 − C·exp(−(N − A)·t/AHT).
    expect(level).toBeCloseTo(1 - erlangC(7, 5) * Math.exp((-2 * 20) / 180), 12);
  });

  it('is 1 − C with a target of 0 s, 0 for an unstable queue, 1 with no load', () => {
    expect(serviceLevel(8, 5, 0, 180)).toBeCloseTo(1 - erlangC(8, 5), 12);
    expect(serviceLevel(5, 5, 20, 180)).toBe(0);
    expect(serviceLevel(3, 5, 20, 180)).toBe(0);
    expect(serviceLevel(2, 0, 20, 180)).toBe(1);
  });

  it('rises with the target wait', () => {
    expect(serviceLevel(7, 5, 10, 180)).toBeLessThan(serviceLevel(7, 5, 20, 180));
    expect(serviceLevel(7, 5, 20, 180)).toBeLessThan(serviceLevel(7, 5, 60, 180));
  });

  it('rejects bad inputs', () => {
    expect(() => serviceLevel(7, 5, -1, 180)).toThrow(/targetSeconds/);
    expect(() => serviceLevel(7, 5, 20, 0)).toThrow(/ahtSeconds/);
    expect(() => serviceLevel(7, 5, 20, Number.NaN)).toThrow(RangeError);
    expect(() => serviceLevel(7, Number.NaN, 20, 180)).toThrow(RangeError);
    expect(() => serviceLevel(-7, 5, 20, 180)).toThrow(RangeError);
  });
});

describe('agentsNeeded', () => {
  it('needs 8 agents at about 88% for 80/20 with 100 calls an hour at 3 minutes', () => {
    const need = agentsNeeded(100, 180, TARGET_80_20, 0.85);
    expect(need.erlangs).toBe(5);
    expect(need.agents).toBe(8);
    expect(need.serviceLevel).toBeGreaterThanOrEqual(0.87);
    expect(need.serviceLevel).toBeLessThanOrEqual(0.89);
    expect(need.occupancy).toBe(5 / 8);
    expect(need.probabilityOfWaiting).toBeCloseTo(erlangC(8, 5), 12);
    // ASA = C·AHT/(N − A) ≈ 10 s.
    expect(need.averageSpeedOfAnswer).toBeCloseTo((erlangC(8, 5) * 180) / 3, 9);
    // 7 agents fall short (≈ 74%).
    expect(serviceLevel(7, 5, 20, 180)).toBeLessThan(0.8);
  });

  it('adds agents to keep occupancy within the cap', () => {
    // 3800 calls an hour at 3 minutes = 190 Erlangs: 80/20 is met with 198 agents, at ~96% occupancy.
    const uncapped = agentsNeeded(3800, 180, TARGET_80_20, 1);
    expect(uncapped.erlangs).toBe(190);
    expect(uncapped.agents).toBe(198);
    expect(uncapped.occupancy).toBeGreaterThan(0.95);
    expect(uncapped.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // Capped at 85%: ceil(190 / 0.85) = 224 agents, far above the service level.
    const capped = agentsNeeded(3800, 180, TARGET_80_20, 0.85);
    expect(capped.agents).toBe(224);
    expect(capped.occupancy).toBeLessThanOrEqual(0.85);
    expect(capped.serviceLevel).toBeGreaterThan(uncapped.serviceLevel);
    expect(capped.averageSpeedOfAnswer).toBeLessThan(uncapped.averageSpeedOfAnswer);
  });

  it('allows an occupancy exactly at the cap despite rounding (8.5 Erlangs / 0.85 = 10 agents)', () => {
    const need = agentsNeeded(170, 180, { share: 0, withinSeconds: 20 }, 0.85);
    expect(need.erlangs).toBe(8.5);
    expect(need.agents).toBe(10);
  });

  it('returns the fewest agents: one fewer misses the target or the cap', () => {
    for (const arrivals of [10, 55, 240, 1234]) {
      for (const aht of [60, 300, 600]) {
        const need = agentsNeeded(arrivals, aht, TARGET_80_20, 0.9);
        const fewer = need.agents - 1;
        expect(need.serviceLevel).toBeGreaterThanOrEqual(0.8);
        expect(need.occupancy).toBeLessThanOrEqual(0.9);
        const missesTarget = serviceLevel(fewer, need.erlangs, 20, aht) < 0.8;
        const missesCap = fewer === 0 || need.erlangs / fewer > 0.9;
        expect(missesTarget || missesCap, `${arrivals}/h at ${aht} s`).toBe(true);
      }
    }
  });

  it('needs nobody with no arrivals', () => {
    expect(agentsNeeded(0, 180, TARGET_80_20, 0.85)).toEqual({
      erlangs: 0,
      agents: 0,
      serviceLevel: 1,
      occupancy: 0,
      probabilityOfWaiting: 0,
      averageSpeedOfAnswer: 0,
    });
  });

  it('handles a load of 1000 Erlangs quickly and without NaN', () => {
    const started = performance.now();
    for (const cap of [1, 0.95, 0.85]) {
      const need = agentsNeeded(20_000, 180, TARGET_80_20, cap);
      expect(need.erlangs).toBe(1000);
      expect(need.agents).toBeGreaterThan(1000);
      expect(need.occupancy).toBeLessThanOrEqual(cap);
      for (const value of Object.values(need)) expect(Number.isFinite(value)).toBe(true);
      expect(need.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
    // A large pool runs close to full: 80/20 at 1000 Erlangs needs only a few percent over the load.
    expect(agentsNeeded(20_000, 180, TARGET_80_20, 1).agents).toBeLessThan(1050);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects bad inputs', () => {
    expect(() => agentsNeeded(-1, 180, TARGET_80_20, 0.85)).toThrow(/arrivalsPerHour/);
    expect(() => agentsNeeded(Number.NaN, 180, TARGET_80_20, 0.85)).toThrow(RangeError);
    expect(() => agentsNeeded(100, 0, TARGET_80_20, 0.85)).toThrow(/ahtSeconds/);
    expect(() => agentsNeeded(100, 180, { share: 1, withinSeconds: 20 }, 0.85)).toThrow(/below 1/);
    expect(() => agentsNeeded(100, 180, { share: Number.NaN, withinSeconds: 20 }, 0.85)).toThrow(RangeError);
    expect(() => agentsNeeded(100, 180, { share: 0.8, withinSeconds: -5 }, 0.85)).toThrow(/withinSeconds/);
    expect(() => agentsNeeded(100, 180, TARGET_80_20, 0)).toThrow(/maxOccupancy/);
    expect(() => agentsNeeded(100, 180, TARGET_80_20, 1.2)).toThrow(/maxOccupancy/);
    expect(() => agentsNeeded(100, 180, TARGET_80_20, Number.NaN)).toThrow(/maxOccupancy/);
  });
});

describe('leadsNeeded', () => {
  it('gives one lead per 8 to 15 agents', () => {
    expect(leadsNeeded(30, { min: 8, max: 15 })).toEqual({ fewest: 2, most: 4 });
    expect(leadsNeeded(31, { min: 8, max: 15 })).toEqual({ fewest: 3, most: 4 });
    expect(leadsNeeded(1, { min: 8, max: 15 })).toEqual({ fewest: 1, most: 1 });
    expect(leadsNeeded(0, { min: 8, max: 15 })).toEqual({ fewest: 0, most: 0 });
  });

  it('rejects bad inputs', () => {
    expect(() => leadsNeeded(-1, { min: 8, max: 15 })).toThrow(RangeError);
    expect(() => leadsNeeded(Number.NaN, { min: 8, max: 15 })).toThrow(RangeError);
    expect(() => leadsNeeded(30, { min: 0, max: 15 })).toThrow(/span.min/);
    expect(() => leadsNeeded(30, { min: 16, max: 15 })).toThrow(/must not exceed/);
    expect(() => leadsNeeded(30, { min: 8, max: Number.NaN })).toThrow(/span.max/);
  });
});

describe('parseServiceLevel', () => {
  it('reads PERCENT/SECONDS', () => {
    expect(parseServiceLevel('80/20')).toEqual({ share: 0.8, withinSeconds: 20 });
    expect(parseServiceLevel(' 90 / 30 ')).toEqual({ share: 0.9, withinSeconds: 30 });
    expect(parseServiceLevel('80%/20s')).toEqual({ share: 0.8, withinSeconds: 20 });
    expect(parseServiceLevel('99.5/60')).toEqual({ share: 0.995, withinSeconds: 60 });
    expect(parseServiceLevel('50/0')).toEqual({ share: 0.5, withinSeconds: 0 });
  });

  it('throws a RangeError that says what is wrong', () => {
    expect(() => parseServiceLevel('80')).toThrow(RangeError);
    expect(() => parseServiceLevel('80')).toThrow(/"80" is not of the form PERCENT\/SECONDS, e\.g\. "80\/20"/);
    expect(() => parseServiceLevel('120/20')).toThrow(RangeError);
    expect(() => parseServiceLevel('120/20')).toThrow(/percentage must be above 0 and below 100/);
    expect(() => parseServiceLevel('80/-1')).toThrow(RangeError);
    expect(() => parseServiceLevel('80/-1')).toThrow(/target wait must be 0 seconds or more/);
    expect(() => parseServiceLevel('100/20')).toThrow(/below 100/);
    expect(() => parseServiceLevel('0/20')).toThrow(/above 0/);
    for (const bad of ['', '/', 'eighty/20', '80/20/10', '80/', '/20', '80-20', '-80/20', '80/1e3']) {
      expect(() => parseServiceLevel(bad), bad).toThrow(RangeError);
    }
  });
});
