import { inverseKm, pointTowardKm } from './geodesic';
import type { LonLat } from './lonLat';
import { bandFraction, type TrackAnalysis } from './trackAnalysis';
import type { TrackPoint } from './trackPoint';

/** A point `fraction` of the way along the geodesic from a to b. */
function between(a: TrackPoint, b: TrackPoint, fraction: number): LonLat {
  if (fraction <= 0) return [a.lon, a.lat];
  if (fraction >= 1) return [b.lon, b.lat];
  return pointTowardKm([a.lon, a.lat], [b.lon, b.lat], fraction * inverseKm(a.lon, a.lat, b.lon, b.lat));
}

/**
 * The parts of a track within the analysis's band, as lines to draw: each segment's part within
 * `withinKm` (entering and leaving interpolated as analyseTrack does), joined where they touch; gaps
 * are left out, as the analysis leaves them out.
 */
export function bandParts(points: readonly TrackPoint[], analysis: TrackAnalysis): LonLat[][] {
  const gapAt = new Set(analysis.gaps.map((g) => g.segment));
  const parts: LonLat[][] = [];
  let open: LonLat[] | undefined;
  for (let i = 0; i + 1 < points.length; i++) {
    const band = gapAt.has(i) ? undefined : bandFraction(analysis.vertices[i].signedKm, analysis.vertices[i + 1].signedKm, analysis.withinKm);
    if (band === undefined || band[1] <= band[0]) {
      open = undefined;
      continue;
    }
    const start = between(points[i], points[i + 1], band[0]), end = between(points[i], points[i + 1], band[1]);
    if (open === undefined || band[0] > 0) {
      open = [start];
      parts.push(open);
    }
    open.push(end);
    if (band[1] < 1) open = undefined;
  }
  return parts;
}

/**
 * Where a timed track was at `time` (epoch ms): interpolated along the geodesic between the two
 * points around it; at the first or last point outside its span; undefined inside a gap, where the
 * track is not interpolated, or for a track without times.
 */
export function positionAtTime(points: readonly TrackPoint[], analysis: TrackAnalysis, time: number): LonLat | undefined {
  const n = points.length;
  if (n === 0 || !analysis.hasTimes) return undefined;
  if (time <= (points[0].time as number)) return [points[0].lon, points[0].lat];
  if (time >= (points[n - 1].time as number)) return [points[n - 1].lon, points[n - 1].lat];
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid].time as number) <= time) lo = mid;
    else hi = mid;
  }
  if (analysis.gaps.some((g) => g.segment === lo)) return undefined;
  const t0 = points[lo].time as number, t1 = points[hi].time as number;
  return between(points[lo], points[hi], t1 > t0 ? (time - t0) / (t1 - t0) : 0);
}
