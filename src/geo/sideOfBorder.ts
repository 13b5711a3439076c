import type { BorderIndex, Snap } from './borderIndex';
import type { LineIndex } from './lineIndex';
import { assertLonLat, type LonLat } from './lonLat';
import { unitVector } from './nearestOnArc';

/** Which country's side of the border a point lies on; 'on' within the on-line tolerance. */
export type BorderSide = 'AZE' | 'IRN' | 'on';

/** A snap to the border with the side it was made from. */
export interface SidedSnap extends Snap {
  /** Distance to the border in km, + on the Azerbaijan side, − on the Iran side, 0 on the line. */
  signedKm: number;
  side: BorderSide;
}

/** Options for {@link sidedSnap}. */
export interface SideOptions {
  /** Points nearer the line than this (km) are on it: side 'on', signedKm 0. Default 0.001 (1 m). */
  onLineKm?: number;
}

const q = new Float64Array(3);
const normal = new Float64Array(6);

/**
 * +1 if (lon, lat) lies left of the line's direction of travel (first vertex to last), −1 if right,
 * 0 if neither can be told, decided from the line itself, given where the point snapped to it.
 * Inside a segment: the sign of q · (a × b), the great circle's normal. At a vertex (the snap is
 * exactly a vertex, so q lies in the corner's normal cone): the sign of q · (n_in + n_out), the
 * bisector of the two adjacent segments' unit normals (the pseudo-normal), which is right on both
 * sides of a convex or a reflex corner. At an end vertex: the end segment's normal.
 */
export function sideOfLine(line: LineIndex, segment: number, snapPoint: LonLat, lon: number, lat: number): -1 | 0 | 1 {
  const c = line.coords;
  let vertex = -1;
  if (snapPoint[0] === c[2 * segment] && snapPoint[1] === c[2 * segment + 1]) vertex = segment;
  else if (snapPoint[0] === c[2 * segment + 2] && snapPoint[1] === c[2 * segment + 3]) vertex = segment + 1;
  const n = normal;
  if (vertex < 0) {
    unitNormal(line.xyz, segment, segment + 1, n, 0);
  } else {
    const last = line.vertexCount - 1;
    if (vertex > 0) unitNormal(line.xyz, vertex - 1, vertex, n, 0);
    else n.fill(0, 0, 3);
    if (vertex < last) unitNormal(line.xyz, vertex, vertex + 1, n, 3);
    else n.fill(0, 3, 6);
    n[0] += n[3]; n[1] += n[4]; n[2] += n[5];
    // A line that doubles back on itself has opposite normals there: fall back to the segment's.
    if (Math.hypot(n[0], n[1], n[2]) < 1e-12) unitNormal(line.xyz, segment, segment + 1, n, 0);
  }
  unitVector(lon, lat, q, 0);
  const dot = q[0] * n[0] + q[1] * n[1] + q[2] * n[2];
  return dot > 0 ? 1 : dot < 0 ? -1 : 0;
}

/** Unit normal of the great circle from vertex i to vertex j (left of travel is +), or zeros. */
function unitNormal(v: Float64Array, i: number, j: number, out: Float64Array, at: number): void {
  const ax = v[3 * i], ay = v[3 * i + 1], az = v[3 * i + 2];
  const bx = v[3 * j], by = v[3 * j + 1], bz = v[3 * j + 2];
  const nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const len = Math.hypot(nx, ny, nz);
  if (len < 1e-15) {
    out[at] = 0; out[at + 1] = 0; out[at + 2] = 0;
    return;
  }
  out[at] = nx / len; out[at + 1] = ny / len; out[at + 2] = nz / len;
}

/**
 * Whether Azerbaijan lies left of the line's direction of travel. Iran lies south of the whole
 * Azerbaijan–Iran border, so a line drawn net eastward (last vertex east of the first) has
 * Azerbaijan on its left: the mainland line (tripoint to the coast) does, the Nakhchivan line
 * (Armenia tripoint to Turkey tripoint, westward) has it on its right.
 */
export function azerbaijanOnLeft(line: LineIndex): boolean {
  const c = line.coords;
  return c[2 * (line.vertexCount - 1)] > c[0];
}

/**
 * Snaps a point to the border and says on which side it lies, + Azerbaijan, − Iran, from the
 * border line's geometry alone (see {@link sideOfLine} and {@link azerbaijanOnLeft}).
 */
export function sidedSnap(index: BorderIndex, point: LonLat, options: SideOptions = {}): SidedSnap {
  assertLonLat(point, 'sidedSnap: point');
  const { onLineKm = 0.001 } = options;
  const snap = index.snap(point);
  return withSide(index.line(snap.lineId), snap, point[0], point[1], onLineKm);
}

/**
 * +1 on Azerbaijan's side, −1 on Iran's, 0 within onLineKm of the line, for a snap already made
 * on `line` (hot path: no validation, no allocation). @internal
 */
export function azerbaijanSign(line: LineIndex, snap: Snap, lon: number, lat: number, onLineKm: number): -1 | 0 | 1 {
  if (snap.distanceKm <= onLineKm) return 0;
  const sign = sideOfLine(line, snap.segment, snap.point, lon, lat);
  return azerbaijanOnLeft(line) ? sign : sign === 0 ? 0 : sign > 0 ? -1 : 1;
}

function withSide(line: LineIndex, snap: Snap, lon: number, lat: number, onLineKm: number): SidedSnap {
  const sign = azerbaijanSign(line, snap, lon, lat, onLineKm);
  return { ...snap, signedKm: sign * snap.distanceKm, side: sign > 0 ? 'AZE' : sign < 0 ? 'IRN' : 'on' };
}
