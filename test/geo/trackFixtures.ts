import type { Feature, FeatureCollection, LineString } from 'geojson';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import geographiclib from 'geographiclib-geodesic';
import type { LonLat, TrackPoint } from '../../src/geo';

const WGS84 = geographiclib.Geodesic.WGS84;

/** Ellipsoidal km between two points, straight from GeographicLib (independent of src/geo). */
export function geodesicKm(a: LonLat, b: LonLat): number {
  return (WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number) / 1000;
}

/** Azimuth in degrees of the geodesic from a to b, from GeographicLib. */
function azimuth(a: LonLat, b: LonLat): number {
  return WGS84.Inverse(a[1], a[0], b[1], b[0]).azi1 as number;
}

/** The point `km` from p at azimuth `azi` (degrees), GeographicLib Direct. */
export function direct(p: LonLat, azi: number, km: number): LonLat {
  const r = WGS84.Direct(p[1], p[0], azi, km * 1000);
  return [r.lon2 as number, r.lat2 as number];
}

/** Each polyline's cumulative GeographicLib km, vertex by vertex, computed once per line. */
const cumulativeOf = new WeakMap<readonly LonLat[], number[]>();

function cumulativeKm(line: readonly LonLat[]): number[] {
  let cum = cumulativeOf.get(line);
  if (!cum) {
    cum = [0];
    for (let i = 1; i < line.length; i++) cum.push(cum[i - 1] + geodesicKm(line[i - 1], line[i]));
    cumulativeOf.set(line, cum);
  }
  return cum;
}

/** The point `km` along a polyline from its first vertex, by GeographicLib alone (the segment found by bisection). */
export function pointAlong(line: readonly LonLat[], km: number): LonLat {
  if (line.length < 2) return line[0];
  const cum = cumulativeKm(line);
  let lo = 0, hi = line.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < km) lo = mid;
    else hi = mid;
  }
  const d = cum[hi] - cum[lo];
  return direct(line[lo], azimuth(line[lo], line[hi]), Math.min(Math.max(0, km - cum[lo]), d));
}

/** Length of a polyline in km, summed GeographicLib Inverse distances. */
export function polylineKm(line: readonly LonLat[]): number {
  const cum = cumulativeKm(line);
  return cum[cum.length - 1];
}

/**
 * Points beside a line: for each chainage, the line's point there moved `offsetKm` perpendicular
 * to the line's direction over ±`smoothKm` (+ left of the line's direction, − right).
 */
export function besideLine(line: readonly LonLat[], chainagesKm: readonly number[], offsetsKm: readonly number[], smoothKm = 1): LonLat[] {
  const total = polylineKm(line);
  return chainagesKm.map((c, i) => {
    const p = pointAlong(line, c);
    const back = pointAlong(line, Math.max(0, c - smoothKm)), ahead = pointAlong(line, Math.min(total, c + smoothKm));
    const offset = offsetsKm[i];
    return offset === 0 ? p : direct(p, azimuth(back, ahead) + (offset > 0 ? -90 : 90), Math.abs(offset));
  });
}

/** data/segments.geojson's Zangilan–Bilasuvar stretch (tripoint to the point nearest Bilasuvar). */
export function zangilanBilasuvar(): LonLat[] {
  const file = fileURLToPath(new URL('../../data/segments.geojson', import.meta.url));
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<LineString>;
  const f: Feature<LineString> | undefined = fc.features.find((x) => x.id === 'zangilan-bilasuvar');
  if (!f) throw new Error('data/segments.geojson: no feature zangilan-bilasuvar');
  return f.geometry.coordinates.map((p) => [p[0], p[1]] as LonLat);
}

/** Timestamps for positions at a constant speed from `startMs` to `endMs` (by GeographicLib km). */
export function constantSpeedTimes(positions: readonly LonLat[], startMs: number, endMs: number): TrackPoint[] {
  const cum = [0];
  for (let i = 1; i < positions.length; i++) cum.push(cum[i - 1] + geodesicKm(positions[i - 1], positions[i]));
  const total = cum[cum.length - 1];
  return positions.map((p, i) => ({ lon: p[0], lat: p[1], time: startMs + ((endMs - startMs) * cum[i]) / total }));
}
