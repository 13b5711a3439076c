import geographiclib from 'geographiclib-geodesic';
import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { BorderIndex } from './borderIndex';
import { inverseKm, pointTowardKm } from './geodesic';
import { intervalUnion, intervalsLength, type Interval } from './intervalUnion';
import { LineIndex } from './lineIndex';
import type { LonLat } from './lonLat';

/** The geometries an incident may have: a point, a line, an area, or several of one kind. */
export type Shape = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

const WGS84 = geographiclib.Geodesic.WGS84;
const KM_PER_DEG_LAT = 110.574;

/** The lines of a shape: a line's parts, an area's rings; none for points. */
export function shapeLines(shape: Shape): Position[][] {
  switch (shape.type) {
    case 'LineString': return [shape.coordinates];
    case 'MultiLineString': return shape.coordinates;
    case 'Polygon': return shape.coordinates;
    case 'MultiPolygon': return shape.coordinates.flat();
    default: return [];
  }
}

/** The polygons of a shape (rings, outer first); none for points and lines. */
function shapePolygons(shape: Shape): Position[][][] {
  if (shape.type === 'Polygon') return [shape.coordinates];
  if (shape.type === 'MultiPolygon') return shape.coordinates;
  return [];
}

function pointsOf(shape: Shape): Position[] {
  if (shape.type === 'Point') return [shape.coordinates];
  if (shape.type === 'MultiPoint') return shape.coordinates;
  return shapeLines(shape).flat();
}

/** Ellipsoidal length in km of a polyline of positions. */
function partKm(line: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) km += inverseKm(line[i - 1][0], line[i - 1][1], line[i][0], line[i][1]);
  return km;
}

/** The point half-way along a polyline by ellipsoidal length. */
function lineMiddle(line: readonly Position[]): LonLat {
  let remaining = partKm(line) / 2;
  for (let i = 1; i < line.length; i++) {
    const a: LonLat = [line[i - 1][0], line[i - 1][1]];
    const b: LonLat = [line[i][0], line[i][1]];
    const leg = inverseKm(a[0], a[1], b[0], b[1]);
    if (remaining <= leg) return leg === 0 ? a : pointTowardKm(a, b, remaining);
    remaining -= leg;
  }
  const last = line[line.length - 1];
  return [last[0], last[1]];
}

/** Planar (degree²) area of a ring: only to compare polygons of one shape. */
function ringDegArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(s) / 2;
}

/**
 * A point inside a polygon: the middle of the widest stretch inside it along the parallel half-way
 * up its outer ring (holes respected), so it never falls in a hole or outside a concave outline.
 */
function pointInside(rings: readonly Position[][]): LonLat {
  const outer = rings[0];
  let south = Infinity;
  let north = -Infinity;
  for (const p of outer) {
    south = Math.min(south, p[1]);
    north = Math.max(north, p[1]);
  }
  const lat = (south + north) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1];
      const [x2, y2] = ring[i];
      // Half-open in latitude, so a vertex on the parallel counts once.
      if ((y1 <= lat) !== (y2 <= lat)) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: LonLat = [outer[0][0], outer[0][1]];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [(xs[i] + xs[i + 1]) / 2, lat];
    }
  }
  return best;
}

/**
 * Where a shape's marker goes: a point's own position (a multipoint's first); the middle by
 * ellipsoidal length of a line (of its longest part); a point inside an area (its largest polygon).
 */
export function representativePoint(shape: Shape): LonLat {
  switch (shape.type) {
    case 'Point': return [shape.coordinates[0], shape.coordinates[1]];
    case 'MultiPoint': return [shape.coordinates[0][0], shape.coordinates[0][1]];
    case 'LineString': return lineMiddle(shape.coordinates);
    case 'MultiLineString': {
      const longest = shape.coordinates.reduce((a, b) => (partKm(b) > partKm(a) ? b : a));
      return lineMiddle(longest);
    }
    case 'Polygon': return pointInside(shape.coordinates);
    case 'MultiPolygon': {
      const largest = shape.coordinates.reduce((a, b) => (ringDegArea(b[0]) > ringDegArea(a[0]) ? b : a));
      return pointInside(largest);
    }
  }
}

/** Whether segments ab and cd cross or touch (in lon/lat: fine for segments of a few km). */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): number => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  const o1 = o(ax, ay, bx, by, cx, cy);
  const o2 = o(ax, ay, bx, by, dx, dy);
  const o3 = o(cx, cy, dx, dy, ax, ay);
  const o4 = o(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (o1 === 0 && on(ax, ay, bx, by, cx, cy)) || (o2 === 0 && on(ax, ay, bx, by, dx, dy))
    || (o3 === 0 && on(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && on(cx, cy, dx, dy, bx, by));
}

/** Whether any segment of the shape's lines crosses or touches any border segment. */
function crossesBorder(index: BorderIndex, lines: readonly Position[][]): boolean {
  for (const border of index.lines) {
    const c = border.coords;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const [ax, ay] = line[i - 1];
        const [bx, by] = line[i];
        const minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
        for (let k = 2; k < c.length; k += 2) {
          const cx = c[k - 2], cy = c[k - 1], dx = c[k], dy = c[k + 1];
          if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
          if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy)) return true;
        }
      }
    }
  }
  return false;
}

/** Whether a point lies inside a polygon (outer ring minus holes), by ray casting in lon/lat. */
export function inPolygon(x: number, y: number, rings: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1];
      const [x2, y2] = ring[i];
      if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) / (y2 - y1)) * (x2 - x1)) inside = !inside;
    }
  }
  return inside;
}

/**
 * Km from a shape's nearest part to the border (ellipsoidal): 0 for a line that crosses or touches
 * the border, and for an area that crosses it or holds part of it. Otherwise the least of the
 * distances from the shape's vertices to the border and from the border's vertices (near the shape)
 * to the shape's lines: between two segments that do not cross, the nearest pair always has an end
 * of one of them.
 */
export function shapeDistanceKm(index: BorderIndex, shape: Shape): number {
  if (shape.type === 'Point') return index.snap([shape.coordinates[0], shape.coordinates[1]]).distanceKm;
  const lines = shapeLines(shape).filter((l) => l.length >= 2);
  if (lines.length > 0 && crossesBorder(index, lines)) return 0;
  for (const rings of shapePolygons(shape)) {
    for (const border of index.lines) {
      const c = border.coords;
      for (let k = 0; k < c.length; k += 2) if (inPolygon(c[k], c[k + 1], rings)) return 0;
    }
  }
  let best = Infinity;
  for (const p of pointsOf(shape)) best = Math.min(best, index.snap([p[0], p[1]]).distanceKm);
  for (const [i, line] of lines.entries()) {
    const part = new LineIndex(`part-${i}`, 'part', line);
    let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
    for (const [x, y] of line) {
      west = Math.min(west, x); east = Math.max(east, x); south = Math.min(south, y); north = Math.max(north, y);
    }
    // Only border vertices nearer than the best so far can improve it.
    const dLat = best / KM_PER_DEG_LAT + 1e-6;
    const dLon = best / (111.32 * Math.cos(((Math.abs(south) + Math.abs(north)) / 2 + dLat) * (Math.PI / 180))) + 1e-6;
    for (const border of index.lines) {
      const c = border.coords;
      for (let k = 0; k < c.length; k += 2) {
        const x = c[k], y = c[k + 1];
        if (x < west - dLon || x > east + dLon || y < south - dLat || y > north + dLat) continue;
        best = Math.min(best, part.snap([x, y]).distanceKm);
      }
    }
  }
  return best;
}

/** Km of a line's length that lie within `withinKm` of the border, and how it was sampled. */
export interface LengthWithin {
  /** Ellipsoidal length of the whole line (all parts), km. */
  totalKm: number;
  /** Km of it within `withinKm` of the border. */
  withinKm: number;
  /** The largest step between samples actually used, km. */
  stepKm: number;
  /** Km of border beside the parts within `withinKm` (the union of their chainage on each line: each km of border once). */
  alongKm: number;
}

/**
 * How much of a line runs within `withinKm` of the border: each segment is sampled along its
 * geodesic at steps of at most `maxStepKm` (default 0.25), each sample snapped to the border, and
 * between two samples the distance is taken to change linearly. A dip under the threshold shorter
 * than a step can be missed. Two neighbouring samples both within, snapped to the same border line,
 * cover the border's chainage between them: `alongKm` is the union of those stretches.
 */
export function lengthWithinKm(index: BorderIndex, lines: readonly (readonly Position[])[], withinKm: number, { maxStepKm = 0.25 }: { maxStepKm?: number } = {}): LengthWithin {
  let total = 0;
  let within = 0;
  let stepUsed = 0;
  const covered = new Map<string, Interval[]>();
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a: LonLat = [line[i - 1][0], line[i - 1][1]];
      const b: LonLat = [line[i][0], line[i][1]];
      const leg = inverseKm(a[0], a[1], b[0], b[1]);
      if (leg === 0) continue;
      total += leg;
      const steps = Math.max(1, Math.ceil(leg / maxStepKm));
      const step = leg / steps;
      stepUsed = Math.max(stepUsed, step);
      let prevSnap = index.snap(a);
      for (let s = 1; s <= steps; s++) {
        const nextSnap = index.snap(s === steps ? b : pointTowardKm(a, b, s * step));
        const prev = prevSnap.distanceKm, next = nextSnap.distanceKm;
        const lo = Math.min(prev, next);
        const hi = Math.max(prev, next);
        if (hi <= withinKm) {
          within += step;
          if (prevSnap.lineId === nextSnap.lineId) {
            const list = covered.get(prevSnap.lineId) ?? [];
            list.push([Math.min(prevSnap.chainageKm, nextSnap.chainageKm), Math.max(prevSnap.chainageKm, nextSnap.chainageKm)]);
            covered.set(prevSnap.lineId, list);
          }
        } else if (lo < withinKm) within += (step * (withinKm - lo)) / (hi - lo);
        prevSnap = nextSnap;
      }
    }
  }
  let alongKm = 0;
  for (const list of covered.values()) alongKm += intervalsLength(intervalUnion(list));
  return { totalKm: total, withinKm: within, stepKm: stepUsed, alongKm };
}

/** Ellipsoidal length in km of a shape's lines (0 for points); for areas, the perimeter. */
export function shapeLengthKm(shape: Shape): number {
  return shapeLines(shape).reduce((sum, line) => sum + partKm(line), 0);
}

/** Area in km² of one ring on the WGS84 ellipsoid (GeographicLib), whichever way it winds. */
function ringAreaKm2(ring: readonly Position[]): number {
  const polygon = WGS84.Polygon(false);
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) polygon.AddPoint(ring[i][1], ring[i][0]);
  const { area } = polygon.Compute(false, true);
  if (area === undefined) throw new Error('geodesic: GeographicLib returned no area');
  return Math.abs(area) / 1e6;
}

/** Area in km² of a shape's polygons on the WGS84 ellipsoid (holes taken out); 0 for points and lines. */
export function shapeAreaKm2(shape: Shape): number {
  let area = 0;
  for (const [outer, ...holes] of shapePolygons(shape)) {
    area += ringAreaKm2(outer);
    for (const hole of holes) area -= ringAreaKm2(hole);
  }
  return area;
}
