/**
 * Douglas–Peucker simplification of one polygon (outer ring + holes) that does not make it
 * invalid: no simplified ring may meet itself or another ring of the polygon where the
 * unsimplified rings do not. Each ring is simplified on its own at the full tolerance; a ring
 * taking part in a new meeting point is redone at half the tolerance, and so on down to the
 * unsimplified (rounded) ring. Self-touches and crossings present in the source are left as
 * the source has them.
 */
import type { Polygon, Position } from 'geojson';
import { simplify } from '@turf/turf';
import { round } from './geodesy';
import { inRing, meetKey, ringArea, ringMeets } from './rings';

/** Each step halves the tolerance; the last step is the unsimplified ring. */
const STEPS = 5;

export interface SimplifyStats {
  /** Source holes that lie outside their outer ring (dropped). */
  holesOutside: number;
  /** Rings whose simplified area is under tolerance² (dropped; an outer ring drops the polygon). */
  negligible: number;
  /** Rings kept at a smaller tolerance than asked for, to avoid a new self-intersection or crossing. */
  refined: number;
  /** Of those, rings kept unsimplified. */
  unsimplified: number;
}

export const emptyStats = (): SimplifyStats => ({ holesOutside: 0, negligible: 0, refined: 0, unsimplified: 0 });

/** Round and drop consecutive duplicates; closed rings stay closed. */
export function cleanRing(ring: Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0], decimals), round(p[1], decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** True when fewer than half of the ring's vertices lie inside `outer`. */
function outside(ring: Position[], outer: Position[]): boolean {
  let inside = 0;
  for (let i = 1; i < ring.length; i++) if (inRing(ring[i], outer)) inside++;
  return inside * 2 < ring.length - 1;
}

/**
 * Simplifies `rings` ([outer, ...holes], closed, raw source coordinates) at `tolerance` degrees and
 * rounds to `decimals`. Returns [] when the outer ring is degenerate or negligible.
 */
export function simplifyPolygon(rings: Position[][], tolerance: number, decimals: number, stats: SimplifyStats = emptyStats()): Position[][] {
  const source = rings.map((r) => cleanRing(r, decimals));
  if (source[0].length < 4) return [];
  // Holes of the source that are not inside its outer ring are not holes of this polygon.
  const live = source.map((r, i) => {
    if (r.length < 4) return false;
    if (i > 0 && outside(r, source[0])) {
      stats.holesOutside++;
      return false;
    }
    return true;
  });
  const minArea = tolerance * tolerance;
  const cache = new Map<string, Position[]>();
  const at = (i: number, step: number): Position[] => {
    if (step >= STEPS - 1) return source[i];
    const key = `${i}:${step}`;
    let r = cache.get(key);
    if (!r) {
      const t = tolerance / 2 ** step;
      r = cleanRing((simplify({ type: 'Polygon', coordinates: [rings[i]] }, { tolerance: t, highQuality: true }) as Polygon).coordinates[0], decimals);
      cache.set(key, r);
    }
    return r;
  };

  const step = source.map(() => 0);
  for (let i = 0; i < source.length; i++) {
    if (!live[i]) continue;
    const r = at(i, 0);
    if (r.length < 4 || ringArea(r) < minArea) {
      stats.negligible++;
      if (i === 0) return [];
      live[i] = false;
    }
  }
  const current = (): Position[][] => source.map((_, i) => (live[i] ? at(i, step[i]) : []));
  const allowed = new Set(ringMeets(source.map((r, i) => (live[i] ? r : []))).map((m) => meetKey(m)));

  for (;;) {
    const bad = ringMeets(current()).filter((m) => !allowed.has(meetKey(m)));
    if (!bad.length) {
      // No new crossings, yet a simplified outer ring can still pass by a whole hole.
      const cut = source.findIndex((_, i) => i > 0 && live[i] && outside(at(i, step[i]), at(0, step[0])));
      if (cut < 0) break;
      if (step[0] < STEPS - 1) step[0]++;
      else {
        live[cut] = false;
        stats.holesOutside++;
      }
      continue;
    }
    const refine = new Set<number>();
    for (const m of bad) for (const r of [m.r1, m.r2]) if (step[r] < STEPS - 1) refine.add(r);
    if (!refine.size) {
      const m = bad[0];
      throw new Error(`simplifyPolygon: rings ${m.r1} and ${m.r2} meet at ${JSON.stringify(m.at)} only after rounding to ${decimals} decimals`);
    }
    for (const r of refine) step[r]++;
  }

  const out: Position[][] = [];
  for (let i = 0; i < source.length; i++) {
    if (!live[i]) continue;
    if (step[i] > 0) stats.refined++;
    if (step[i] >= STEPS - 1) stats.unsimplified++;
    out.push(at(i, step[i]));
  }
  return out;
}
