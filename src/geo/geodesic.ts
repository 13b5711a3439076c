import geographiclib from 'geographiclib-geodesic';
import { assertLonLat, type LonLat } from './lonLat';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;
// Ask GeographicLib for the distance only: skips azimuths and scales.
const DISTANCE = Geodesic.DISTANCE;
const POSITION = Geodesic.LATITUDE | Geodesic.LONGITUDE;

/** Ellipsoidal (WGS84) distance in metres between two points given as numbers; no validation (hot path). */
export function inverseM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  const s12 = WGS84.Inverse(lat1, lon1, lat2, lon2, DISTANCE).s12;
  if (s12 === undefined) throw new Error('geodesic: GeographicLib returned no distance');
  return s12;
}

/** Ellipsoidal (WGS84) distance in km between two points given as numbers; no validation (hot path). */
export function inverseKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return inverseM(lon1, lat1, lon2, lat2) / 1000;
}

/** Ellipsoidal (WGS84) distance in km between two [lon, lat] points. */
export function distanceKm(a: LonLat, b: LonLat): number {
  assertLonLat(a, 'distanceKm: point a');
  assertLonLat(b, 'distanceKm: point b');
  return inverseKm(a[0], a[1], b[0], b[1]);
}

/** Ellipsoidal (WGS84) length in km of a polyline of [lon, lat] points (0 for fewer than 2). */
export function lengthKm(coordinates: readonly LonLat[]): number {
  let km = 0;
  for (let i = 0; i < coordinates.length; i++) {
    assertLonLat(coordinates[i], `lengthKm: coordinate ${i}`);
    if (i > 0) km += inverseKm(coordinates[i - 1][0], coordinates[i - 1][1], coordinates[i][0], coordinates[i][1]);
  }
  return km;
}

/**
 * Cumulative ellipsoidal distance in km at each vertex of a flat [lon0, lat0, lon1, lat1, ...] array:
 * out[0] = 0, out[n - 1] = the polyline's length. No validation (callers validate once).
 */
export function cumulativeKm(flat: ArrayLike<number>): Float64Array {
  const n = flat.length >> 1;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    cum[i] = cum[i - 1] + inverseKm(flat[2 * i - 2], flat[2 * i - 1], flat[2 * i], flat[2 * i + 1]);
  }
  return cum;
}

/** The point `m` metres along the ellipsoidal geodesic from a toward b (m may exceed the a–b distance). */
export function pointTowardM(a: LonLat, b: LonLat, m: number): LonLat {
  const p = WGS84.InverseLine(a[1], a[0], b[1], b[0]).Position(m, POSITION);
  if (p.lon2 === undefined || p.lat2 === undefined) throw new Error('geodesic: GeographicLib returned no position');
  return [p.lon2, p.lat2];
}

/** The point `km` along the ellipsoidal geodesic from a toward b (km may exceed the a–b distance). */
export function pointTowardKm(a: LonLat, b: LonLat, km: number): LonLat {
  return pointTowardM(a, b, km * 1000);
}
