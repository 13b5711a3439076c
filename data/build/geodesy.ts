/**
 * Metre-valued WGS84 lengths for the data build, on src/geo's geodesy (one GeographicLib wrapper for
 * the app and the build), and the build's rounding and small coordinate helpers.
 */
import { inverseM, pointTowardM } from '../../src/geo/geodesic';

export type Position2 = [number, number];

/** Geodesic distance in metres between two [lon, lat] positions on the WGS84 ellipsoid. */
export function distanceM(a: Position2, b: Position2): number {
  return inverseM(a[0], a[1], b[0], b[1]);
}

/** Cumulative geodesic distance in metres at each vertex (first is 0). */
export function cumulativeM(coords: readonly Position2[]): number[] {
  const out = new Array<number>(coords.length);
  let s = 0;
  for (let i = 0; i < coords.length; i++) {
    if (i > 0) s += distanceM(coords[i - 1], coords[i]);
    out[i] = s;
  }
  return out;
}

/** Length of a polyline in metres (sum of WGS84 geodesic segment lengths). */
export function lengthM(coords: readonly Position2[]): number {
  const c = cumulativeM(coords);
  return c.length ? c[c.length - 1] : 0;
}

/** Point at distance `s` metres along the geodesic from a to b. */
export function pointAlong(a: Position2, b: Position2, s: number): Position2 {
  const [lon, lat] = pointTowardM(a, b, s);
  return [lon, lat];
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function roundPos(p: readonly number[], decimals: number): Position2 {
  return [round(p[0], decimals), round(p[1], decimals)];
}

/** Kilometres from metres, rounded to the millimetre. */
export function km(m: number): number {
  return round(m / 1000, 6);
}

/**
 * Approximate distance in metres from point p to segment ab in a local
 * equirectangular plane (good to well under 0.1 % over a few km); used for
 * candidate search and thresholds, never for reported figures.
 */
export function planarPointSegmentM(p: Position2, a: Position2, b: Position2): { d: number; t: number } {
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  const ax = (a[0] - p[0]) * kx, ay = (a[1] - p[1]) * ky;
  const bx = (b[0] - p[0]) * kx, by = (b[1] - p[1]) * ky;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const x = ax + t * dx, y = ay + t * dy;
  return { d: Math.hypot(x, y), t };
}
