import { describe, expect, it } from 'vitest';
import { ROUNDING_KM, alongSweep } from './turfOracle';

/** A prefix of the 10,000-point sweep that `npm run precision` runs: 200 pairs. */
const POINTS = 400;

describe('BorderIndex vs turf (the O(N) reference)', () => {
  it(`measures along the border between ${POINTS / 2} seeded pairs as turf nearestPointOnLine + lineSlice + length does (to 0.3 %)`, () => {
    const sweep = alongSweep(POINTS);
    // About half the pairs land on one line (the others are on different lines and not measured).
    expect(sweep.pairs).toBeGreaterThan(0.4 * (POINTS / 2));
    expect(sweep.worstExcessKm).toBeLessThan(ROUNDING_KM);
  });
});
