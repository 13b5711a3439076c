/**
 * Planar checks on closed rings ([lon, lat] taken as plane coordinates): where segments of one
 * ring, or of a set of rings, meet; point in ring; signed area. Segments are indexed with flatbush,
 * so a ring of n vertices costs about O(n log n).
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/** Twice the signed area (shoelace); positive when counter-clockwise. */
function area2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return a;
}

/** Planar area of a closed ring, in square degrees (always ≥ 0). */
export function ringArea(ring: readonly Position[]): number {
  return Math.abs(area2(ring)) / 2;
}

/** Even-odd test: is p strictly inside the closed ring? (Points on an edge may go either way.) */
export function inRing(p: readonly number[], ring: readonly Position[]): boolean {
  const [x, y] = p;
  let inside = false;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1], [x2, y2] = ring[i];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function orient(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: readonly number[], b: readonly number[], p: readonly number[]): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/**
 * Where segments ab and cd meet: [] if they do not; the crossing point for a proper crossing;
 * for a touch or a collinear overlap, the endpoints that lie on the other segment.
 */
export function segmentMeet(a: Position, b: Position, c: Position, d: Position): Position[] {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
    const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
    return [[a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]];
  }
  const out: Position[] = [];
  if (o1 === 0 && onSegment(a, b, c)) out.push(c);
  if (o2 === 0 && onSegment(a, b, d)) out.push(d);
  if (o3 === 0 && onSegment(c, d, a)) out.push(a);
  if (o4 === 0 && onSegment(c, d, b)) out.push(b);
  return out;
}

/** A meeting point of two segments: the rings they belong to (r1 ≤ r2) and the point. */
export interface Meet {
  r1: number;
  r2: number;
  at: Position;
}

/** A stable key for a meeting point, to compare the meets of two versions of the same rings. */
export function meetKey(m: Meet, decimals = 7): string {
  return `${m.r1}|${m.r2}|${m.at[0].toFixed(decimals)}|${m.at[1].toFixed(decimals)}`;
}

/**
 * Every point where two segments of the given closed rings meet, other than the shared vertex of
 * consecutive segments of one ring: self-intersections and self-touches of a ring (r1 === r2), and
 * crossings and touches between rings (r1 < r2). Rings must have no repeated consecutive vertices.
 */
export function ringMeets(rings: readonly Position[][]): Meet[] {
  let n = 0;
  for (const r of rings) n += Math.max(0, r.length - 1);
  if (n === 0) return [];
  const segRing = new Int32Array(n), segIdx = new Int32Array(n);
  const index = new Flatbush(n);
  let k = 0;
  rings.forEach((r, ri) => {
    for (let i = 1; i < r.length; i++, k++) {
      segRing[k] = ri;
      segIdx[k] = i - 1;
      index.add(Math.min(r[i - 1][0], r[i][0]), Math.min(r[i - 1][1], r[i][1]), Math.max(r[i - 1][0], r[i][0]), Math.max(r[i - 1][1], r[i][1]));
    }
  });
  index.finish();
  const out: Meet[] = [];
  for (let s = 0; s < n; s++) {
    const ri = segRing[s], i = segIdx[s], r = rings[ri], a = r[i], b = r[i + 1];
    for (const t of index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
      if (t <= s) continue;
      const rj = segRing[t], j = segIdx[t];
      const last = r.length - 2;
      if (ri === rj && (j === i + 1 || (i === 0 && j === last))) {
        // Consecutive segments share a vertex; they meet elsewhere only if they fold back.
        const c = rings[rj][j], d = rings[rj][j + 1];
        const shared = j === i + 1 ? b : a;
        for (const p of segmentMeet(a, b, c, d)) if (p[0] !== shared[0] || p[1] !== shared[1]) out.push({ r1: ri, r2: rj, at: p });
        continue;
      }
      for (const p of segmentMeet(a, b, rings[rj][j], rings[rj][j + 1])) out.push({ r1: Math.min(ri, rj), r2: Math.max(ri, rj), at: p });
    }
  }
  return out;
}
