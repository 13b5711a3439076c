import type { TrackPoint } from '../../../geo/trackPoint';

/** One track read from a file. */
export interface Track {
  name: string;
  points: TrackPoint[];
  /**
   * The time span the file gives the whole track (KML LineString with a TimeSpan), when its points
   * have no times of their own: epoch ms; begin or end may be missing.
   */
  timeSpan?: { begin?: number; end?: number };
}

/** What a reader found: the tracks, and every problem naming the file, the place and the value. */
export interface TrackReadResult {
  tracks: Track[];
  errors: string[];
}

/** A point as read, with the words that name where it came from ("track 1 point 3", "row 3 (line 4)"). */
export interface LabelledPoint {
  point: TrackPoint;
  where: string;
}

/**
 * The points of one track, ready for analysis: every point timed or none, times never going back.
 * When some points have times, the untimed ones are left out; a point earlier than the one before
 * it is left out; each with an error naming it.
 */
export function settleTimes(fileName: string, points: readonly LabelledPoint[], errors: string[]): TrackPoint[] {
  const timed = points.filter((p) => p.point.time !== undefined).length;
  const out: TrackPoint[] = [];
  let last = -Infinity;
  for (const { point, where } of points) {
    if (timed > 0 && point.time === undefined) {
      errors.push(`${fileName} ${where}: has no time while ${timed} other points of its track do; point skipped`);
      continue;
    }
    if (point.time !== undefined) {
      if (point.time < last) {
        errors.push(`${fileName} ${where}: time ${new Date(point.time).toISOString()} is before the previous point's ${new Date(last).toISOString()}; point skipped`);
        continue;
      }
      last = point.time;
    }
    out.push(point);
  }
  return out;
}
