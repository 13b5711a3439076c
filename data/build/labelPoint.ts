/**
 * A label point for a polygon: its pole of inaccessibility, the interior point farthest from every
 * ring edge, found by a quadtree search over cells (the polylabel algorithm, Agafonkin 2016).
 * Longitudes are scaled by cos(mid-latitude) so that distances are roughly isotropic.
 */
import type { Position } from 'geojson';

interface Cell {
  x: number;
  y: number;
  h: number; // half the cell size
  d: number; // signed distance from the centre to the polygon edge (positive inside)
  max: number; // the best distance any point of the cell could have
}

function segDist2(px: number, py: number, a: Position, b: Position): number {
  let x = a[0], y = a[1];
  let dx = b[0] - x, dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = b[0]; y = b[1]; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from (x, y) to the rings' edges: positive inside (even-odd), negative outside. */
function signedDist(x: number, y: number, rings: readonly Position[][]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1], b = ring[i];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, segDist2(x, y, a, b));
    }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

function cell(x: number, y: number, h: number, rings: readonly Position[][]): Cell {
  const d = signedDist(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Max-heap on `max`; ties broken by position so that the search is deterministic. */
class Heap {
  private readonly a: Cell[] = [];
  get size(): number {
    return this.a.length;
  }
  private static above(p: Cell, q: Cell): boolean {
    return p.max > q.max || (p.max === q.max && (p.x < q.x || (p.x === q.x && p.y < q.y)));
  }
  push(c: Cell): void {
    const a = this.a;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!Heap.above(a[i], a[up])) break;
      [a[i], a[up]] = [a[up], a[i]];
      i = up;
    }
  }
  pop(): Cell {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as Cell;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && Heap.above(a[l], a[m])) m = l;
        if (r < a.length && Heap.above(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The pole of inaccessibility of a polygon ([outer, ...holes], [lon, lat]) to within `precisionDeg`
 * (in degrees of latitude), and its distance from the nearest edge in the same unit.
 */
export function labelPoint(polygon: readonly Position[][], precisionDeg = 0.005): { at: Position; distanceDeg: number } {
  const outer = polygon[0];
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of outer) { w = Math.min(w, p[0]); e = Math.max(e, p[0]); s = Math.min(s, p[1]); n = Math.max(n, p[1]); }
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const rings = polygon.map((r) => r.map((p) => [p[0] * k, p[1]]));
  const x0 = w * k, x1 = e * k;
  const size = Math.min(x1 - x0, n - s);
  const back = (c: Cell): Position => [c.x / k, c.y];
  if (size === 0) return { at: [w, s], distanceDeg: 0 };

  // Start from the area centroid (often good), then cover the bbox with square cells.
  let cx = 0, cy = 0, a2 = 0;
  for (let i = 1; i < rings[0].length; i++) {
    const [ax, ay] = rings[0][i - 1], [bx, by] = rings[0][i];
    const f = ax * by - bx * ay;
    cx += (ax + bx) * f;
    cy += (ay + by) * f;
    a2 += f;
  }
  let best = a2 === 0 ? cell(rings[0][0][0], rings[0][0][1], 0, rings) : cell(cx / (3 * a2), cy / (3 * a2), 0, rings);
  const box = cell((x0 + x1) / 2, (s + n) / 2, 0, rings);
  if (box.d > best.d) best = box;

  const heap = new Heap();
  const h = size / 2;
  for (let x = x0; x < x1; x += size) for (let y = s; y < n; y += size) heap.push(cell(x + h, y + h, h, rings));
  while (heap.size) {
    const c = heap.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precisionDeg) continue;
    const q = c.h / 2;
    heap.push(cell(c.x - q, c.y - q, q, rings));
    heap.push(cell(c.x + q, c.y - q, q, rings));
    heap.push(cell(c.x - q, c.y + q, q, rings));
    heap.push(cell(c.x + q, c.y + q, q, rings));
  }
  return { at: back(best), distanceDeg: best.d };
}
