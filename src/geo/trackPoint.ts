import { lonLatProblem, show } from './lonLat';

/** One position of a track. */
export interface TrackPoint {
  lon: number;
  lat: number;
  /** When the position was recorded: epoch milliseconds (UTC). */
  time?: number;
  /** Height as the source gives it (GPX and KML: metres; flight-tracking exports: often feet). */
  altitude?: number;
}

/**
 * Throws unless every point has a valid lon/lat and either no point or every point has a finite
 * time, never decreasing. Returns whether the track has times. `where` names the track.
 */
export function assertTrack(points: readonly TrackPoint[], where: string): boolean {
  if (!Array.isArray(points)) throw new TypeError(`${where}: points ${show(points)} is not an array`);
  let timed = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (typeof p !== 'object' || p === null) throw new TypeError(`${where}: point ${i} ${show(p)} is not an object {lon, lat}`);
    const problem = lonLatProblem([p.lon, p.lat]);
    if (problem !== undefined) throw new TypeError(`${where}: point ${i} ${show([p.lon, p.lat])} is not a position (${problem})`);
    if (p.time === undefined) continue;
    if (typeof p.time !== 'number' || !Number.isFinite(p.time)) throw new TypeError(`${where}: point ${i} time ${show(p.time)} is not epoch milliseconds`);
    timed++;
  }
  if (timed === 0) return false;
  if (timed < points.length) {
    const missing = points.findIndex((p) => p.time === undefined);
    throw new RangeError(`${where}: point ${missing} has no time while ${timed} of ${points.length} points have one; give every point a time or none`);
  }
  for (let i = 1; i < points.length; i++) {
    const t0 = points[i - 1].time as number, t1 = points[i].time as number;
    if (t1 < t0) {
      throw new RangeError(`${where}: point ${i} time ${new Date(t1).toISOString()} is before point ${i - 1}'s ${new Date(t0).toISOString()}; times must not decrease`);
    }
  }
  return true;
}
