/**
 * land-region.geojson is valid enough for MapLibre's triangulation: holes lie inside their outer
 * ring, and simplification adds no self-intersections (the source's own self-touches stay).
 * Checked with turf (booleanPointInPolygon, kinks), independently of the build's own checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bboxClip, booleanPointInPolygon, kinks, point, polygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { REGION_BBOX, type LandProps } from '../../data/build/basemap';
import { type CountryFC, loadLand } from '../../data/build/sources';
import { committedText } from './committed';

const readLand = (): FeatureCollection<MultiPolygon, LandProps> => JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;
const key = (p: Position): string => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;

let land: CountryFC;
beforeAll(() => {
  land = loadLand();
}, 60_000);

/** Points where some ring of the country's clipped source polygons passes through one vertex twice. */
function sourceSelfTouches(a3: string): Set<string> {
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
  return touches;
}

describe('basemap/land-region.geojson', () => {
  it('every hole of the region land lies inside its outer ring (vertices inside or on it)', () => {
    const outside: string[] = [];
    let holes = 0;
    for (const f of readLand().features)
      f.geometry.coordinates.forEach((poly, i) => {
        const outer = polygon([poly[0]]);
        poly.slice(1).forEach((hole, j) => {
          holes++;
          const n = hole.filter((p) => !booleanPointInPolygon(point(p), outer)).length;
          if (n) outside.push(`${f.properties.A3} polygon ${i} hole ${j}: ${n} of ${hole.length} vertices outside`);
        });
      });
    expect(holes).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
  });

  it('no simplified ring self-intersects where its source ring does not (only the source\'s own self-touches remain)', () => {
    const extra: string[] = [];
    let touching = 0;
    for (const f of readLand().features) {
      let allowed: Set<string> | undefined;
      f.geometry.coordinates.forEach((poly, i) =>
        poly.forEach((ring, j) => {
          const pts = kinks(polygon([ring])).features.map((k) => k.geometry.coordinates);
          if (!pts.length) return;
          touching++;
          allowed ??= sourceSelfTouches(f.properties.A3);
          for (const p of pts) if (!allowed.has(key(p))) extra.push(`${f.properties.A3} polygon ${i} ring ${j} self-intersects at ${JSON.stringify(p)}`);
        }),
      );
    }
    expect(extra).toEqual([]);
    // The source's own self-touching rings are kept as they are (a guard that the check ran).
    expect(touching).toBeGreaterThan(0);
  });
});
