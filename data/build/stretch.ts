/**
 * The Zangilan–Bilasuvar stretch: the mainland border from the Armenia–Azerbaijan–Iran tripoint
 * (chainage 0) to the point of the border nearest Bilasuvar town, found by projecting the town
 * onto every segment (segments taken as WGS84 geodesics) and keeping the geodesically nearest.
 */
import type { FeatureCollection, LineString } from 'geojson';
import { type BorderFC, lineById } from './borderLines';
import { cumulativeM, distanceM, km, planarPointSegmentM, pointAlong, roundPos, type Position2 } from './geodesy';

/** Bilasuvar town centre (DESIGN.md): 39.4581N 48.5450E. */
export const BILASUVAR: Position2 = [48.545, 39.4581];

export interface NearestOnLine {
  /** Index of the segment's first vertex. */
  segment: number;
  /** Geodesic distance from that vertex to the point, metres. */
  along: number;
  point: Position2;
  distance: number;
}

/** Golden-section search of the geodesic distance from p along segment ab (unimodal for short segments). */
function nearestOnSegment(p: Position2, a: Position2, b: Position2): { along: number; point: Position2; distance: number } {
  const len = distanceM(a, b);
  const f = (s: number): number => distanceM(p, pointAlong(a, b, s));
  let lo = 0, hi = len;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
  let f1 = f(x1), f2 = f(x2);
  while (hi - lo > 1e-4) {
    if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = f(x1); }
    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = f(x2); }
  }
  const candidates = [0, (lo + hi) / 2, len].map((s) => ({ along: s, point: s === 0 ? a : s === len ? b : pointAlong(a, b, s), distance: 0 }));
  for (const c of candidates) c.distance = distanceM(p, c.point);
  return candidates.reduce((x, y) => (y.distance < x.distance ? y : x));
}

export function nearestPointOnLine(line: readonly Position2[], p: Position2, candidates = 8): NearestOnLine {
  const ranked = line
    .slice(1)
    .map((b, i) => ({ i, d: planarPointSegmentM(p, line[i], b).d }))
    .sort((x, y) => x.d - y.d)
    .slice(0, candidates);
  let best: NearestOnLine | null = null;
  for (const { i } of ranked) {
    const r = nearestOnSegment(p, line[i], line[i + 1]);
    if (!best || r.distance < best.distance) best = { segment: i, ...r };
  }
  if (!best) throw new Error('nearestPointOnLine: empty line');
  return best;
}

export interface StretchProps {
  id: 'zangilan-bilasuvar';
  name: string;
  definition: string;
  from: string;
  to: string;
  from_km: number;
  to_km: number;
  length_km: number;
  bilasuvar_distance_km: number;
}
export type StretchFC = FeatureCollection<LineString, StretchProps>;

export function buildStretch(border: BorderFC): StretchFC {
  const line = lineById(border, 'mainland').geometry.coordinates as Position2[];
  const near = nearestPointOnLine(line, BILASUVAR);
  const end = roundPos(near.point, 6);
  const coords: Position2[] = line.slice(0, near.segment + 1);
  const last = coords[coords.length - 1];
  if (last[0] !== end[0] || last[1] !== end[1]) coords.push(end);
  const length = cumulativeM(coords)[coords.length - 1];
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'zangilan-bilasuvar',
        properties: {
          id: 'zangilan-bilasuvar',
          name: 'Zangilan–Bilasuvar stretch',
          definition:
            'The mainland Azerbaijan–Iran border from the Armenia–Azerbaijan–Iran tripoint (chainage 0, Zangilan district) to the point of the border nearest Bilasuvar town (39.4581N 48.5450E), that point being the town projected onto the nearest border segment on the WGS84 ellipsoid.',
          from: 'Armenia–Azerbaijan–Iran tripoint (Zangilan district)',
          to: 'Border point nearest Bilasuvar',
          from_km: 0,
          to_km: km(length),
          length_km: km(length),
          bilasuvar_distance_km: km(distanceM(BILASUVAR, end)),
        },
        geometry: { type: 'LineString', coordinates: coords },
      },
    ],
  };
}
