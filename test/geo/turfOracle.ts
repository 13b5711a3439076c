/**
 * BorderIndex against turf, its O(N) reference, on seeded points near the real border. One sweep,
 * two sizes: a few hundred points in the unit suite, 10,000 in `npm run precision`.
 */
import { length, lineSlice, lineString, multiLineString, nearestPointOnLine } from '@turf/turf';
import { BorderIndex, distanceKm, type LonLat } from '../../src/geo';
import { borderLine, lonLats, pointsNear, readBorder } from './fixtures';

/**
 * Ellipsoid vs sphere: turf measures on a sphere of R = 6371.0088 km, we on WGS84. At 38–40°N
 * WGS84 is longer than that sphere by up to +0.245 % east–west and shorter by up to -0.161 %
 * north–south (measured at 39°N in borderIndex.turfSnap.test.ts), so along-border lengths may
 * differ by up to that: we allow 0.3 % (plus 1 mm for rounding on tiny lengths).
 */
export const SPHERE_TOLERANCE = 0.003;
export const ROUNDING_KM = 1e-6;
/** A snapped point may differ from turf's by this much (metres). */
export const SNAP_TOLERANCE_M = 1;
/** Points in the full sweep (`npm run precision`). */
export const FULL_SWEEP = 10_000;
/** Relative differences are summarised over pairs at least this far apart along the border. */
const RELATIVE_MIN_KM = 1;

const SEED = 20_250_320;

/** The seeded oracle workload: `count` points within 20 km of the real border (a prefix of the full sweep). */
export function oracleQueries(count: number): LonLat[] {
  const fc = readBorder();
  return pointsNear(fc.features.map(lonLats), count, 20, SEED);
}

export interface SnapSweep {
  points: number;
  /** Distance between our snapped point and turf's nearestPointOnLine, in metres. */
  worstM: number;
  medianM: number;
}

export interface AlongSweep {
  /** Pairs of consecutive points that snap to the same line (the others are not measured along). */
  pairs: number;
  /** Largest |ours − turf| beyond SPHERE_TOLERANCE × turf, in km (≤ 0 when within the tolerance). */
  worstExcessKm: number;
  /** |ours − turf| / turf over pairs at least RELATIVE_MIN_KM apart. */
  worstRelative: number;
  medianRelative: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Snaps `count` seeded points with BorderIndex and with turf's nearestPointOnLine over both lines. */
export function snapSweep(count: number): SnapSweep {
  const fc = readBorder();
  const index = new BorderIndex(fc);
  const turfLines = multiLineString(fc.features.map((f) => f.geometry.coordinates));
  const errors = oracleQueries(count).map((q) => {
    const ours = index.snap(q);
    const [lon, lat] = nearestPointOnLine(turfLines, [q[0], q[1]]).geometry.coordinates;
    return distanceKm(ours.point, [lon, lat]) * 1000;
  });
  return { points: count, worstM: Math.max(...errors), medianM: median(errors) };
}

/** Measures along the border between consecutive pairs of `count` seeded points, ours vs turf nearestPointOnLine + lineSlice + length. */
export function alongSweep(count: number): AlongSweep {
  const fc = readBorder();
  const index = new BorderIndex(fc);
  const turfLines = new Map(fc.features.map((f) => [String(f.id), lineString(borderLine(fc, String(f.id)).geometry.coordinates)]));
  const queries = oracleQueries(count);
  const relatives: number[] = [];
  let worstExcessKm = -Infinity, pairs = 0;
  for (let i = 0; i + 1 < queries.length; i += 2) {
    const [a, b] = [queries[i], queries[i + 1]];
    const ours = index.along(a, b);
    if (!ours.sameLine) continue;
    const line = turfLines.get(ours.lineId);
    if (!line) throw new Error(`no turf line for '${ours.lineId}'`);
    const turfKm = length(lineSlice([a[0], a[1]], [b[0], b[1]], line), { units: 'kilometers' });
    worstExcessKm = Math.max(worstExcessKm, Math.abs(ours.km - turfKm) - SPHERE_TOLERANCE * turfKm);
    if (turfKm >= RELATIVE_MIN_KM) relatives.push(Math.abs(ours.km - turfKm) / turfKm);
    pairs++;
  }
  return { pairs, worstExcessKm, worstRelative: Math.max(...relatives), medianRelative: median(relatives) };
}
