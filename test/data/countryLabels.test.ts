import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { LandProps } from '../../data/build/basemap';
import { NAKHCHIVAN_CITY, type LabelProps } from '../../data/build/countryLabels';
import { BorderIndex } from '../../src/geo';
import { committedText } from './committed';

const readLand = (): FeatureCollection<MultiPolygon, LandProps> => JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;
const readLabels = (): FeatureCollection<Point, LabelProps> => JSON.parse(committedText('countryLabels')) as FeatureCollection<Point, LabelProps>;

describe('basemap/country-labels.geojson', () => {
  it('has one label per country of land-region, under its name, plus Nakhchivan', () => {
    const land = readLand().features.map((f) => `${f.properties.A3} ${f.properties.name}`);
    const labels = readLabels().features.filter((f) => f.properties.placement !== 'border').map((f) => `${f.properties.A3} ${f.properties.name}`);
    expect(labels).toEqual([...land, 'AZE Nakhchivan (Azerbaijan)'].sort((a, b) => a.slice(0, 3).localeCompare(b.slice(0, 3))));
  });

  it('names Azerbaijan and Iran beside the mainland border, each 25–40 km from it on its own side', () => {
    const beside = readLabels().features.filter((f) => f.properties.placement === 'border');
    expect(beside.map((f) => `${f.properties.A3} ${f.properties.name}`)).toEqual(['AZE Azerbaijan', 'IRN Iran']);
    const index = new BorderIndex(JSON.parse(committedText('border')));
    for (const f of beside) {
      const [lon, lat] = f.geometry.coordinates;
      const snap = index.snap([lon, lat]);
      expect(snap.lineId).toBe('mainland');
      expect(snap.distanceKm, f.properties.name).toBeGreaterThan(25);
      expect(snap.distanceKm, f.properties.name).toBeLessThan(40);
    }
  });

  it("each label point lies inside its country's land (not in a hole)", () => {
    const land = new Map(readLand().features.map((f) => [f.properties.A3, f]));
    for (const f of readLabels().features) {
      const country = land.get(f.properties.A3);
      expect(country, f.properties.name).toBeDefined();
      expect(booleanPointInPolygon(f.geometry, country!, { ignoreBoundary: true }), f.properties.name).toBe(true);
    }
  });

  it('the Nakhchivan label lies in the exclave, the Azerbaijan label in the mainland', () => {
    const aze = readLand().features.find((f) => f.properties.A3 === 'AZE')!;
    const exclave = aze.geometry.coordinates.find((p) => booleanPointInPolygon(point(NAKHCHIVAN_CITY), polygon(p)))!;
    const labels = new Map(readLabels().features.filter((f) => f.properties.placement !== 'border').map((f) => [f.properties.name, f.geometry]));
    expect(booleanPointInPolygon(labels.get('Nakhchivan (Azerbaijan)')!, polygon(exclave), { ignoreBoundary: true })).toBe(true);
    expect(booleanPointInPolygon(labels.get('Azerbaijan')!, polygon(exclave))).toBe(false);
  });
});
