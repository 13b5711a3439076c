import type { LonLat } from '../../src/geo';
import { lonLats, pointsNear, readBorder } from './fixtures';

/**
 * Ellipsoid vs sphere: turf measures on a sphere of R = 6371.0088 km, we on WGS84. At 38–40°N
 * WGS84 is longer than that sphere by up to +0.245 % east–west and shorter by up to -0.161 %
 * north–south (measured at 39°N in borderIndex.turfSnap.test.ts), so along-border lengths may
 * differ by up to that: we allow 0.3 % (plus 1 mm for rounding on tiny lengths).
 */
export const SPHERE_TOLERANCE = 0.003;
export const ROUNDING_KM = 1e-6;

/** The seeded oracle workload: 10,000 points within 20 km of the real border. */
export function oracleQueries(): LonLat[] {
  const fc = readBorder();
  return pointsNear(fc.features.map(lonLats), 10_000, 20, 20_250_320);
}
