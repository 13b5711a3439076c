import { inverseKm, pointTowardKm } from './geodesic';
import type { TrackPoint } from './trackPoint';

/**
 * The points of a line without times, with points added along each geodesic segment so that none
 * is longer than `maxStepKm`: the analysis takes distance to the border as linear between points,
 * which holds only over short steps. Points with times are returned as they are (a track's own
 * positions are its record). Throws on a step that is not a positive number.
 */
export function densify(points: readonly TrackPoint[], maxStepKm: number): TrackPoint[] {
  if (!(maxStepKm > 0)) throw new RangeError(`densify: maxStepKm ${String(maxStepKm)} is not a positive number`);
  if (points.some((p) => p.time !== undefined)) return [...points];
  const out: TrackPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    out.push(a);
    const b = points[i + 1];
    if (b === undefined) break;
    const km = inverseKm(a.lon, a.lat, b.lon, b.lat);
    const steps = Math.ceil(km / maxStepKm);
    for (let s = 1; s < steps; s++) {
      const [lon, lat] = pointTowardKm([a.lon, a.lat], [b.lon, b.lat], (km * s) / steps);
      out.push({ lon, lat });
    }
  }
  return out;
}
