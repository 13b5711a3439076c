import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FAR_KM, FLIGHT_ID, NEAR_KM } from '../../data/build/corridor';
import { ringMeets } from '../../data/build/rings';
import { ROOT } from '../../data/build/sources';
import { BorderIndex, countryAt, shapeAreaKm2, shapeDistanceKm } from '../../src/geo';
import { committedText, readStretch } from './committed';

function flightGeometry(): Polygon {
  const fc = JSON.parse(readFileSync(path.join(ROOT, 'data/incidents.geojson'), 'utf8')) as { features: { id: string; geometry: Polygon }[] };
  const flight = fc.features.find((f) => f.id === FLIGHT_ID);
  if (!flight) throw new Error(`no incident ${FLIGHT_ID}`);
  return flight.geometry;
}

describe('the 2023-03-11 flight corridor in incidents.geojson', () => {
  it('is one closed Polygon ring that never meets itself', () => {
    const g = flightGeometry();
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(1);
    const ring = g.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ringMeets([ring])).toEqual([]);
  });

  it('has every vertex 3–5 km from the border (within 2 m: coordinates are rounded to ~1 m)', () => {
    const index = new BorderIndex(JSON.parse(committedText('border')));
    for (const p of flightGeometry().coordinates[0]) {
      const d = index.snap([p[0], p[1]]).distanceKm;
      expect(d, JSON.stringify(p)).toBeGreaterThan(NEAR_KM - 0.002);
      expect(d, JSON.stringify(p)).toBeLessThan(FAR_KM + 0.002);
    }
  });

  it('lies on Iran’s side: no vertex in Azerbaijan’s land, and the band does not reach the border', () => {
    const land = JSON.parse(committedText('landRegion')) as FeatureCollection;
    const ring = flightGeometry().coordinates[0];
    const sides = ring.map((p) => countryAt(land, [p[0], p[1]]));
    expect(sides.filter((s) => s === 'AZE')).toEqual([]);
    expect(sides.filter((s) => s === 'IRN').length).toBeGreaterThan(ring.length * 0.95);
    const index = new BorderIndex(JSON.parse(committedText('border')));
    // Straight edges between vertices 0.5 km apart cut bends by a few metres.
    expect(shapeDistanceKm(index, flightGeometry())).toBeGreaterThan(NEAR_KM - 0.02);
  });

  it('runs the length of the Zangilan–Bilasuvar stretch: its nearest border points span 0–2 km to within 2 km of its end', () => {
    const index = new BorderIndex(JSON.parse(committedText('border')));
    const chainages = flightGeometry().coordinates[0].map((p) => index.snap([p[0], p[1]]).chainageKm);
    const length = readStretch().features[0].properties.length_km;
    expect(Math.min(...chainages)).toBeLessThan(2);
    expect(Math.max(...chainages)).toBeGreaterThan(length - 2);
    expect(Math.max(...chainages)).toBeLessThan(length + 2);
  });

  it('has an ellipsoidal area of about 2 km times the band’s length (between 300 and 500 km²)', () => {
    const area = shapeAreaKm2(flightGeometry());
    expect(area).toBeGreaterThan(300);
    expect(area).toBeLessThan(500);
  });
});
