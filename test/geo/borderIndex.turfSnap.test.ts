import { length, lineString } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BorderIndex, distanceKm, lengthKm } from '../../src/geo';
import { lonLats, readBorder } from './fixtures';
import { SNAP_TOLERANCE_M, SPHERE_TOLERANCE, snapSweep } from './turfOracle';

/** A prefix of the 10,000-point sweep that `npm run precision` runs. */
const POINTS = 300;

describe('BorderIndex vs turf (the O(N) reference)', () => {
  it(`snaps ${POINTS} seeded points near the border to where turf nearestPointOnLine does (to 1 m)`, () => {
    const sweep = snapSweep(POINTS);
    expect(sweep.points).toBe(POINTS);
    expect(sweep.worstM).toBeLessThan(SNAP_TOLERANCE_M);
  });

  it('measures each whole line a little longer than turf: +0.055 % (mainland), +0.063 % (Nakhchivan), within the 0.3 % tolerance', () => {
    const fc = readBorder();
    const index = new BorderIndex(fc);
    const measured = fc.features.map((f) => {
      const ours = index.line(String(f.id)).lengthKm;
      const turf = length(lineString(f.geometry.coordinates), { units: 'kilometers' });
      return [String(f.id), (ours - turf) / turf] as const;
    });
    for (const [, relative] of measured) expect(Math.abs(relative)).toBeLessThan(SPHERE_TOLERANCE);
    expect(Object.fromEntries(measured.map(([id, r]) => [id, Math.round(r * 1e5) / 1e3]))).toEqual({ mainland: 0.055, nakhchivan: 0.063 });
  });

  it('measures each whole line as a direct sum of GeographicLib inverse distances (to 1 mm)', () => {
    const fc = readBorder();
    const index = new BorderIndex(fc);
    for (const f of fc.features) expect(Math.abs(index.line(String(f.id)).lengthKm - lengthKm(lonLats(f)))).toBeLessThan(1e-6);
  });

  it('spans the tolerance with the two extreme directions at 39°N: east–west +0.245 %, north–south -0.161 %', () => {
    const turfKm = (a: [number, number], b: [number, number]) => length(lineString([a, b]), { units: 'kilometers' });
    const eastWest = distanceKm([47, 39], [47.1, 39]) / turfKm([47, 39], [47.1, 39]) - 1;
    const northSouth = distanceKm([47, 39], [47, 39.1]) / turfKm([47, 39], [47, 39.1]) - 1;
    expect(eastWest).toBeCloseTo(0.00245, 5);
    expect(northSouth).toBeCloseTo(-0.00161, 5);
    expect(Math.max(Math.abs(eastWest), Math.abs(northSouth))).toBeLessThan(SPHERE_TOLERANCE);
  });
});
