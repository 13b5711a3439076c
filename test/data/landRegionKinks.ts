/**
 * Self-intersections of the committed land-region rings, found with turf's kinks (independently of
 * the build's own checks), that the source rings do not have. turf's kinks is O(n²) per ring, so
 * the unit suite checks the rings up to a size and `npm run precision` checks them all.
 */
import { bboxClip, kinks, polygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { REGION_BBOX, type LandProps } from '../../data/build/basemap';
import { loadLand } from '../../data/build/sources';
import { committedText } from './committed';

export interface KinksSweep {
  /** Rings checked, and rings left out for being larger than asked. */
  checked: number;
  skipped: number;
  /** Checked rings that meet themselves (allowed where the source ring does too). */
  touching: number;
  /** Self-intersections the source does not have, one line each. */
  extra: string[];
}

const key = (p: Position): string => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;

/** Points where some ring of each country's clipped source polygons passes through one vertex twice. */
function sourceSelfTouches(countries: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!countries.length) return out;
  const land = loadLand({ a3: countries });
  for (const a3 of countries) {
    const f = land.features.find((x) => x.properties.A3 === a3);
    if (!f) throw new Error(`countries-land-10m has no ${a3}`);
    const g = bboxClip(f.geometry, [...REGION_BBOX]).geometry as Polygon | MultiPolygon;
    const touches = new Set<string>();
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const ring of poly) {
        const seen = new Set<string>();
        for (const p of ring.slice(0, -1)) {
          const k = key(p);
          if (seen.has(k)) touches.add(k);
          seen.add(k);
        }
      }
    out.set(a3, touches);
  }
  return out;
}

/** Checks every ring of land-region.geojson with at most `maxVertices` vertices. */
export function landRegionKinks(maxVertices: number): KinksSweep {
  const fc = JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;
  const found: Array<{ a3: string; where: string; points: Position[] }> = [];
  let checked = 0, skipped = 0;
  for (const f of fc.features)
    f.geometry.coordinates.forEach((poly, i) =>
      poly.forEach((ring, j) => {
        if (ring.length > maxVertices) {
          skipped++;
          return;
        }
        checked++;
        const points = kinks(polygon([ring])).features.map((k) => k.geometry.coordinates);
        if (points.length) found.push({ a3: f.properties.A3, where: `${f.properties.A3} polygon ${i} ring ${j}`, points });
      }),
    );
  const allowed = sourceSelfTouches([...new Set(found.map((x) => x.a3))]);
  const extra: string[] = [];
  for (const { a3, where, points } of found)
    for (const p of points) if (!allowed.get(a3)?.has(key(p))) extra.push(`${where} self-intersects at ${JSON.stringify(p)}`);
  return { checked, skipped, touching: found.length, extra };
}
