import { nearestPointOnLine } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { arcLatRange, distanceKm, nearestOnArc } from '../../src/geo';
import { arcChord2, arcChord2Within, footOnArc, unitVector } from '../../src/geo/nearestOnArc';
import { mulberry32 } from './fixtures';

describe('nearestOnArc', () => {
  it('returns an endpoint with its exact input coordinates when the endpoint is nearest', () => {
    const out = new Float64Array(2);
    nearestOnArc(46.1, 38.1, 46.2, 38.15, 45.9, 38.0, out);
    expect([out[0], out[1]]).toEqual([46.1, 38.1]);
  });

  it('finds the same foot inside a 29 km arc as turf (to 1 mm)', () => {
    const out = new Float64Array(2);
    nearestOnArc(48.9, 38.4, 49.2, 38.45, 49.05, 38.6, out);
    const turf = nearestPointOnLine({ type: 'LineString', coordinates: [[48.9, 38.4], [49.2, 38.45]] }, [49.05, 38.6]);
    const [lon, lat] = turf.geometry.coordinates;
    expect(distanceKm([out[0], out[1]], [lon, lat])).toBeLessThan(1e-6);
  });

  it('returns the angle to the query in radians (0 for a point on the arc)', () => {
    const out = new Float64Array(2);
    expect(nearestOnArc(46, 38, 47, 38, 46, 38, out)).toBe(0);
  });
});

describe('arcChord2Within', () => {
  it("gives arcChord2's value exactly, for arcs of 0.5 m to 30 km and points beside, beyond and on them, whatever the bound", () => {
    const random = mulberry32(21);
    const v = new Float64Array(6), q = new Float64Array(3);
    let differing = 0;
    for (let k = 0; k < 20_000; k++) {
      const lon = 46 + random(), lat = 38.5 + random();
      const length = 10 ** (-5.3 + 4.6 * random()), heading = 2 * Math.PI * random();
      unitVector(lon, lat, v, 0);
      unitVector(lon + length * Math.cos(heading), lat + length * Math.sin(heading), v, 3);
      // Points at up to ~30 km, some exactly on a vertex.
      if (k % 50 === 0) q.set(v.subarray(3, 6));
      else unitVector(lon + 0.3 * (random() - 0.5), lat + 0.3 * (random() - 0.5), q, 0);
      const exact = arcChord2(v[0], v[1], v[2], v[3], v[4], v[5], q[0], q[1], q[2]);
      for (const bound of [Infinity, exact, exact * (1 + 1e-12), exact * 0.5, 0]) {
        if (arcChord2Within(v, 0, q[0], q[1], q[2], bound) !== exact) differing++;
      }
    }
    expect(differing).toBe(0);
  });
});

describe('footOnArc', () => {
  it("gives nearestOnArc's point from the unit vectors, bit for bit", () => {
    const random = mulberry32(22);
    const v = new Float64Array(6), q = new Float64Array(3), fromLonLat = new Float64Array(2), fromVectors = new Float64Array(2);
    let differing = 0;
    for (let k = 0; k < 2_000; k++) {
      const [aLon, aLat, bLon, bLat] = [46 + random(), 38.5 + random(), 46 + random(), 38.5 + random()];
      const [qLon, qLat] = [45.5 + 2 * random(), 38 + 2 * random()];
      unitVector(aLon, aLat, v, 0);
      unitVector(bLon, bLat, v, 3);
      unitVector(qLon, qLat, q, 0);
      nearestOnArc(aLon, aLat, bLon, bLat, qLon, qLat, fromLonLat);
      footOnArc(v, 0, q[0], q[1], q[2], aLon, aLat, bLon, bLat, fromVectors);
      if (fromVectors[0] !== fromLonLat[0] || fromVectors[1] !== fromLonLat[1]) differing++;
    }
    expect(differing).toBe(0);
  });
});

describe('arcLatRange', () => {
  it('extends an east–west arc poleward to its vertex: tan(max) = tan 38° / cos 0.5° for 46–47°E at 38°N (to 1e-9°)', () => {
    const [min, max] = arcLatRange(46, 38, 47, 38);
    const rad = Math.PI / 180;
    expect(min).toBe(38);
    expect(max).toBeCloseTo(Math.atan(Math.tan(38 * rad) / Math.cos(0.5 * rad)) / rad, 9);
  });

  it('keeps a north–south arc to its endpoints', () => {
    expect(arcLatRange(46, 38, 46, 39)).toEqual([38, 39]);
  });
});
