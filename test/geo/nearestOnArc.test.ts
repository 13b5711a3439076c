import { nearestPointOnLine } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { arcLatRange, distanceKm, nearestOnArc } from '../../src/geo';

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
