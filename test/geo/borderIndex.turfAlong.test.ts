import { length, lineSlice, lineString } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BorderIndex } from '../../src/geo';
import { borderLine, readBorder } from './fixtures';
import { ROUNDING_KM, SPHERE_TOLERANCE, oracleQueries } from './turfOracle';

describe('BorderIndex vs turf (the O(N) reference)', () => {
  it('measures along the border between 5,000 random pairs as turf nearestPointOnLine + lineSlice + length does (to 0.3 %)', () => {
    const fc = readBorder();
    const index = new BorderIndex(fc);
    const turfLines = new Map(fc.features.map((f) => [String(f.id), lineString(borderLine(fc, String(f.id)).geometry.coordinates)]));
    const queries = oracleQueries();
    let worst = 0, pairs = 0;
    for (let i = 0; i + 1 < queries.length; i += 2) {
      const [a, b] = [queries[i], queries[i + 1]];
      const ours = index.along(a, b);
      if (!ours.sameLine) continue;
      const line = turfLines.get(ours.lineId);
      if (!line) throw new Error(`no turf line for '${ours.lineId}'`);
      const turfKm = length(lineSlice([a[0], a[1]], [b[0], b[1]], line), { units: 'kilometers' });
      worst = Math.max(worst, Math.abs(ours.km - turfKm) - SPHERE_TOLERANCE * turfKm);
      pairs++;
    }
    expect(pairs).toBeGreaterThan(2_000);
    expect(worst).toBeLessThan(ROUNDING_KM);
  });
});
