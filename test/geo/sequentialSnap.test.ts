import { describe, expect, it } from 'vitest';
import { BorderIndex } from '../../src/geo';
import { SequentialSnapper } from '../../src/geo/sequentialSnap';
import { lonLats, mulberry32, pointsNear, readBorder } from './fixtures';

describe('SequentialSnapper', () => {
  it('snaps a wandering sequence exactly where BorderIndex.snap does (point, chainage, distance)', () => {
    const fc = readBorder();
    const index = new BorderIndex(fc);
    // A random walk (steps up to ~1 km) that also jumps to a random point near the border now and then.
    const random = mulberry32(99);
    const jumps = pointsNear(fc.features.map(lonLats), 50, 20, 5);
    const points: Array<[number, number]> = [];
    let [lon, lat] = jumps[0];
    for (let k = 0; k < 5_000; k++) {
      if (k % 100 === 0) [lon, lat] = jumps[k / 100];
      lon += (random() - 0.5) * 0.02;
      lat += (random() - 0.5) * 0.02;
      points.push([lon, lat]);
    }
    const snapper = new SequentialSnapper(index);
    for (const p of points) {
      const expected = index.snap(p);
      const got = snapper.snap(p[0], p[1]);
      expect([got.lineId, got.point, got.chainageKm, got.distanceKm]).toEqual([expected.lineId, expected.point, expected.chainageKm, expected.distanceKm]);
    }
  });
});
