import type { BorderIndex } from './borderIndex';
import { inverseKm, pointTowardKm } from './geodesic';
import { intervalUnion, intervalsLength, type Interval } from './intervalUnion';
import type { LonLat } from './lonLat';
import { SequentialSnapper } from './sequentialSnap';
import { azerbaijanSign, type BorderSide } from './sideOfBorder';
import { assertTrack, type TrackPoint } from './trackPoint';

/** Options for {@link analyseTrack}; every field has a default. */
export interface TrackAnalysisOptions {
  /** Width of the band along the border, km on either side. Default 5. */
  withinKm?: number;
  /** A time step longer than this (ms) is a gap. Default 300,000 (5 minutes). */
  maxGapMs?: number;
  /** A segment faster than this (km/h) is a gap: no aircraft here flies that fast. Default 3,600 (1 km/s). */
  maxSpeedKmh?: number;
  /** Points nearer the border than this (km) are on it. Default 0.001 (1 m). */
  onLineKm?: number;
  /** Names the track in error messages. Default 'track'. */
  name?: string;
}

/** Where one track point lies relative to the border. */
export interface TrackVertex {
  /** Ellipsoidal km to the nearest point of the border, + Azerbaijan side, − Iran side, 0 on it. */
  signedKm: number;
  /** Ellipsoidal km to the nearest point of the border (unsigned, not rounded to 0 on the line). */
  distanceKm: number;
  side: BorderSide;
  /** The border line the point snaps to ("mainland" or "nakhchivan"). */
  lineId: string;
  /** Km along that line from its first vertex to the snapped point. */
  chainageKm: number;
}

/** A segment not interpolated across: its time step is too long or its speed impossible. */
export interface TrackGap {
  /** The segment from point `segment` to point `segment + 1`. */
  segment: number;
  durationMs: number;
  /** Geodesic km between its two points (the straight line a map would draw). */
  km: number;
  why: 'time step' | 'speed';
}

/** A change of side between two track points. */
export interface TrackCrossing {
  direction: 'AZE→IRN' | 'IRN→AZE';
  /** Last point on the side left, and first point on the side entered (points on the line between). */
  fromPoint: number;
  toPoint: number;
  /** Where the track reached the line: interpolated, or the first point on it; undefined across a gap. */
  point?: LonLat;
  /** When (epoch ms), interpolated likewise; undefined without times or across a gap. */
  time?: number;
  /** The side changed during a gap: where and when are unknown. */
  inGap: boolean;
}

/** The stretch of one border line passed while within the band. */
export interface AlongCoverage {
  lineId: string;
  /** Km of the line's chainage covered at least once: out and back over the same km counts once. */
  unionKm: number;
  /** Km of chainage travelled: out and back counts twice. */
  travelledKm: number;
  /** The chainage intervals covered, sorted and disjoint. */
  intervals: Interval[];
}

/** Figures that need times. */
export type TimeFigure = 'durationMs' | 'movingMs' | 'timeWithinMs' | 'averageSpeedKmh' | 'speedWithinKmh' | 'maxSpeedKmh';

/** What {@link analyseTrack} finds. */
export interface TrackAnalysis {
  withinKm: number;
  vertices: TrackVertex[];
  /** Ellipsoidal length of the whole track, gaps included (drawn straight). */
  lengthKm: number;
  /** The part of lengthKm that lies across gaps. */
  gapKm: number;
  /** Km of track (gaps excluded) within withinKm of the border. */
  lengthWithinKm: number;
  /** Sum of the lines' unionKm and of their travelledKm. */
  alongUnionKm: number;
  alongTravelledKm: number;
  along: AlongCoverage[];
  crossings: TrackCrossing[];
  gaps: TrackGap[];
  hasTimes: boolean;
  /** Last time − first time. */
  durationMs?: number;
  /** Time outside gaps. */
  movingMs?: number;
  /** Time within withinKm of the border, gaps excluded. */
  timeWithinMs?: number;
  /** (lengthKm − gapKm) / movingMs. */
  averageSpeedKmh?: number;
  /** lengthWithinKm / timeWithinMs. */
  speedWithinKmh?: number;
  /** Fastest segment outside gaps, and which it is. */
  maxSpeedKmh?: number;
  maxSpeedSegment?: number;
  /** Why each time figure that is undefined is so. */
  reasons: Partial<Record<TimeFigure, string>>;
}

const HOUR_MS = 3_600_000;

/**
 * Analyses a track against the border: per point, its signed distance, line and chainage; for the
 * whole, its length, how much of it (km and time) runs within `withinKm` of the border, how far
 * along the border that covers, where it crosses, how fast it goes and where its record has gaps.
 *
 * Definitions (the README's Tracks paragraph says the same):
 * - Within a segment the signed distance to the border is taken to vary linearly with the fraction
 *   of the segment travelled; entering or leaving the band, and crossing the line, are interpolated
 *   on that assumption, and times and chainages linearly in the same fraction.
 * - Along-border km come from chainage: the part of each segment within the band covers the
 *   chainage between its ends' chainages (interpolated), when both ends snap to the same line.
 *   Reported as the union of those intervals (each km of border once) and as their sum (km
 *   travelled along: out and back counts twice).
 * - A gap is a segment whose time step exceeds maxGapMs or whose speed exceeds maxSpeedKmh (a
 *   zero-duration segment that moves is one). It is not interpolated across: it adds nothing to
 *   the within-band length, time or along-border km, nor to the speeds; a crossing in it has no
 *   point or time. A zero-duration segment that does not move is no gap and adds nothing.
 * - Without times there are no gaps, and the time figures are undefined, with their reasons.
 *
 * Cost: one O(log N) snap per point (each search bounded by the previous point's segment) and
 * one geodesic per segment.
 */
export function analyseTrack(index: BorderIndex, points: readonly TrackPoint[], options: TrackAnalysisOptions = {}): TrackAnalysis {
  const { withinKm = 5, maxGapMs = 5 * 60_000, maxSpeedKmh = 3_600, onLineKm = 0.001, name = 'track' } = options;
  for (const [key, value] of [['withinKm', withinKm], ['maxGapMs', maxGapMs], ['maxSpeedKmh', maxSpeedKmh], ['onLineKm', onLineKm]] as const) {
    if (typeof value !== 'number' || !(value >= 0)) throw new RangeError(`analyseTrack (${name}): option ${key} ${String(value)} is not a number >= 0`);
  }
  const hasTimes = assertTrack(points, `analyseTrack (${name})`);
  const n = points.length;

  const vertices: TrackVertex[] = new Array<TrackVertex>(n);
  const snapper = new SequentialSnapper(index);
  for (let i = 0; i < n; i++) {
    const { lon, lat } = points[i];
    const snap = snapper.snap(lon, lat);
    const sign = azerbaijanSign(index.line(snap.lineId), snap, lon, lat, onLineKm);
    const side: BorderSide = sign > 0 ? 'AZE' : sign < 0 ? 'IRN' : 'on';
    vertices[i] = { signedKm: sign * snap.distanceKm, distanceKm: snap.distanceKm, side, lineId: snap.lineId, chainageKm: snap.chainageKm };
  }

  let lengthKm = 0, gapKm = 0, lengthWithinKm = 0, movingMs = 0, timeWithinMs = 0, movingKm = 0;
  let maxSpeed = -1, maxSpeedSegment = -1;
  const gaps: TrackGap[] = [];
  const intervals = new Map<string, Interval[]>();
  const segmentKm = new Float64Array(Math.max(0, n - 1));
  const inGap = new Uint8Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) {
    const a = points[i], b = points[i + 1];
    const km = inverseKm(a.lon, a.lat, b.lon, b.lat);
    segmentKm[i] = km;
    lengthKm += km;
    let dt = 0;
    if (hasTimes) {
      dt = (b.time as number) - (a.time as number);
      const why = dt > maxGapMs ? 'time step' : km > 0 && (dt === 0 || (km / dt) * HOUR_MS > maxSpeedKmh) ? 'speed' : undefined;
      if (why !== undefined) {
        gaps.push({ segment: i, durationMs: dt, km, why });
        inGap[i] = 1;
        gapKm += km;
        continue;
      }
      movingMs += dt;
      movingKm += km;
      if (dt > 0 && km / dt > maxSpeed) {
        maxSpeed = km / dt;
        maxSpeedSegment = i;
      }
    }
    const va = vertices[i], vb = vertices[i + 1];
    const band = bandFraction(va.signedKm, vb.signedKm, withinKm);
    if (band === undefined) continue;
    const fraction = band[1] - band[0];
    lengthWithinKm += fraction * km;
    timeWithinMs += fraction * dt;
    if (va.lineId === vb.lineId && fraction > 0) {
      const dc = vb.chainageKm - va.chainageKm;
      const list = intervals.get(va.lineId) ?? [];
      list.push([va.chainageKm + band[0] * dc, va.chainageKm + band[1] * dc]);
      intervals.set(va.lineId, list);
    }
  }

  const along: AlongCoverage[] = [...intervals].map(([lineId, list]) => {
    const union = intervalUnion(list);
    let travelledKm = 0;
    for (const [from, to] of list) travelledKm += Math.abs(to - from);
    return { lineId, unionKm: intervalsLength(union), travelledKm, intervals: union };
  });

  const result: TrackAnalysis = {
    withinKm,
    vertices,
    lengthKm,
    gapKm,
    lengthWithinKm,
    alongUnionKm: along.reduce((s, x) => s + x.unionKm, 0),
    alongTravelledKm: along.reduce((s, x) => s + x.travelledKm, 0),
    along,
    crossings: findCrossings(points, vertices, segmentKm, inGap),
    gaps,
    hasTimes,
    reasons: {},
  };
  if (!hasTimes || n < 2) {
    const reason = !hasTimes ? `${name} has no times` : `${name} has fewer than 2 points`;
    for (const field of ['durationMs', 'movingMs', 'timeWithinMs', 'averageSpeedKmh', 'speedWithinKmh', 'maxSpeedKmh'] as const) result.reasons[field] = reason;
    return result;
  }
  result.durationMs = (points[n - 1].time as number) - (points[0].time as number);
  result.movingMs = movingMs;
  result.timeWithinMs = timeWithinMs;
  if (movingMs > 0) result.averageSpeedKmh = (movingKm / movingMs) * HOUR_MS;
  else result.reasons.averageSpeedKmh = `no time passes on ${name} outside gaps`;
  if (timeWithinMs > 0) result.speedWithinKmh = (lengthWithinKm / timeWithinMs) * HOUR_MS;
  else result.reasons.speedWithinKmh = `${name} spends no time within ${withinKm} km of the border outside gaps`;
  if (maxSpeedSegment >= 0) {
    result.maxSpeedKmh = maxSpeed * HOUR_MS;
    result.maxSpeedSegment = maxSpeedSegment;
  } else {
    result.reasons.maxSpeedKmh = `${name} has no segment of positive duration outside gaps`;
  }
  return result;
}

/**
 * The fractions [from, to] of a segment within `width` of the line, the signed distance going
 * linearly from s0 to s1; undefined if no part is.
 */
export function bandFraction(s0: number, s1: number, width: number): Interval | undefined {
  if (s0 === s1) return Math.abs(s0) <= width ? [0, 1] : undefined;
  const f1 = (-width - s0) / (s1 - s0), f2 = (width - s0) / (s1 - s0);
  const from = Math.max(0, Math.min(f1, f2)), to = Math.min(1, Math.max(f1, f2));
  return from <= to ? [from, to] : undefined;
}

/** Side changes: between two points on opposite sides, or around points on the line. */
function findCrossings(points: readonly TrackPoint[], vertices: readonly TrackVertex[], segmentKm: Float64Array, inGap: Uint8Array): TrackCrossing[] {
  const crossings: TrackCrossing[] = [];
  let last = -1;
  for (let i = 0; i < vertices.length; i++) {
    const s = vertices[i].signedKm;
    if (s === 0) continue;
    if (last >= 0 && Math.sign(s) !== Math.sign(vertices[last].signedKm)) {
      const direction = s < 0 ? 'AZE→IRN' : 'IRN→AZE';
      if (i === last + 1) {
        if (inGap[last]) {
          crossings.push({ direction, fromPoint: last, toPoint: i, inGap: true });
        } else {
          const s0 = vertices[last].signedKm;
          const f = s0 / (s0 - s);
          const a = points[last], b = points[i];
          const point = pointTowardKm([a.lon, a.lat], [b.lon, b.lat], f * segmentKm[last]);
          const time = a.time !== undefined && b.time !== undefined ? a.time + f * (b.time - a.time) : undefined;
          crossings.push({ direction, fromPoint: last, toPoint: i, point, time, inGap: false });
        }
      } else {
        // Reached the line at point last + 1: that is where and when it crossed.
        const on = points[last + 1];
        crossings.push({ direction, fromPoint: last, toPoint: i, point: [on.lon, on.lat], time: on.time, inGap: false });
      }
    }
    last = i;
  }
  return crossings;
}
