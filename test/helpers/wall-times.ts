import fc from 'fast-check';
import type { WallTime } from '../../src/time/wall-time.js';

/** A part's values: a range, or an arbitrary of its own. */
type Part = readonly [min: number, max: number] | fc.Arbitrary<number>;

/** Valid wall times of 1990–2040 (days up to the 28th), unless `parts` says otherwise for a part. */
const VALID: Record<keyof WallTime, readonly [number, number]> = {
  year: [1990, 2040],
  month: [1, 12],
  day: [1, 28],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
  millisecond: [0, 999],
};

/** Wall times for property tests, each part from its range in `parts` (or an arbitrary), else a valid one. */
export function wallTimes(parts: Partial<Record<keyof WallTime, Part>> = {}): fc.Arbitrary<WallTime> {
  const part = (name: keyof WallTime): fc.Arbitrary<number> => {
    const given = parts[name] ?? VALID[name];
    return given instanceof fc.Arbitrary ? given : fc.integer({ min: given[0], max: given[1] });
  };
  return fc.record({
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    millisecond: part('millisecond'),
  });
}
