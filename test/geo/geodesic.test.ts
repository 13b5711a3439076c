import { describe, expect, it } from 'vitest';
import { cumulativeKm, distanceKm, lengthKm, pointTowardKm } from '../../src/geo';

describe('distanceKm', () => {
  it('returns 0 km between a point and itself', () => {
    expect(distanceKm([46.53398, 38.86717], [46.53398, 38.86717])).toBe(0);
  });

  it('measures one degree of longitude on the equator as a·π/180 (111.319491 km, to 1 mm)', () => {
    expect(distanceKm([0, 0], [1, 0])).toBeCloseTo((6378.137 * Math.PI) / 180, 6);
  });

  it('measures one degree of latitude from the equator as 110.574389 km on WGS84 (to 1 mm)', () => {
    expect(distanceKm([0, 0], [0, 1])).toBeCloseTo(110.574389, 6);
  });

  it('names a NaN coordinate in its error', () => {
    expect(() => distanceKm([Number.NaN, 38], [46, 38])).toThrow('distanceKm: point a [NaN, 38] is not a [lon, lat] pair (lon NaN is not a finite number)');
  });

  it('names an out-of-range latitude in its error', () => {
    expect(() => distanceKm([46, 38], [46, 91])).toThrow('lat 91 is outside [-90, 90]');
  });
});

describe('lengthKm', () => {
  it('sums the distances of consecutive vertices (to 1 µm)', () => {
    const line = [[46, 38], [46.1, 38.2], [46.4, 38.1]] as const;
    expect(lengthKm(line)).toBeCloseTo(distanceKm(line[0], line[1]) + distanceKm(line[1], line[2]), 9);
  });

  it('returns 0 km for a single vertex', () => {
    expect(lengthKm([[46, 38]])).toBe(0);
  });
});

describe('cumulativeKm', () => {
  it('starts at 0 and ends at the length (to 1 µm)', () => {
    const line = [[46, 38], [46.1, 38.2], [46.4, 38.1]] as const;
    const cum = cumulativeKm(line.flat());
    expect(cum[0]).toBe(0);
    expect(cum[2]).toBeCloseTo(lengthKm(line), 9);
  });
});

describe('pointTowardKm', () => {
  it('returns a point the given distance from the start (to 1 µm)', () => {
    const p = pointTowardKm([46, 38], [46.4, 38.1], 12.5);
    expect(distanceKm([46, 38], p)).toBeCloseTo(12.5, 9);
  });
});
