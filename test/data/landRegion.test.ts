/**
 * land-region.geojson is valid enough for MapLibre's triangulation: holes lie inside their outer
 * ring, and simplification adds no self-intersections (the source's own self-touches stay).
 * Checked with turf (booleanPointInPolygon, kinks), independently of the build's own checks.
 */
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { LandProps } from '../../data/build/basemap';
import { committedText } from './committed';
import { landRegionKinks } from './landRegionKinks';

/** Rings up to this size are checked here (all but the few largest); `npm run precision` checks every ring. */
const KINKS_MAX_VERTICES = 2_000;

const readLand = (): FeatureCollection<MultiPolygon, LandProps> => JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;

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

  it(`no simplified ring of up to ${KINKS_MAX_VERTICES} vertices self-intersects where its source ring does not (only the source's own self-touches remain)`, () => {
    const sweep = landRegionKinks(KINKS_MAX_VERTICES);
    expect(sweep.extra).toEqual([]);
    // Nearly every ring is checked, and some keep the source's own self-touches (a guard that the check ran).
    expect(sweep.checked).toBeGreaterThan(100 * sweep.skipped);
    expect(sweep.touching).toBeGreaterThan(0);
  });
});
