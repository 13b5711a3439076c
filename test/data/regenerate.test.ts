/**
 * Regenerating each output in memory reproduces the committed file byte for byte.
 * The sources are read once, each only as far as its outputs need: the maritime countries of the
 * region, and the Azerbaijan and Iran land (for the coast). The region's land (~3 s: Russia and the
 * USA cross the region's box) is read inside its own test. Every output is rebuilt fresh inside
 * its own test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { buildBorder } from '../../data/build/borderLines';
import { buildSections } from '../../data/build/sections';
import { buildStretch } from '../../data/build/stretch';
import { buildCorridor, withCorridor } from '../../data/build/corridor';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGION_BBOX, buildBoundaries, buildLandRegion, buildWorldLand, type LandProps } from '../../data/build/basemap';
import { buildPlaces } from '../../data/build/places';
import { buildCountryLabels } from '../../data/build/countryLabels';
import { buildCrossings } from '../../data/build/crossings';
import { ROOT, type CountryFC, loadCities, loadLand, loadMaritime, loadWorldAtlasLand } from '../../data/build/sources';
import { serialize } from '../../data/build/write';
import { committedText } from './committed';

/** The land-region build simplifies every ring of the region (~7 s on an idle 2-core machine): room for a busy one. */
const LAND_REGION_TIMEOUT = 180_000;

let maritime: CountryFC;
let coastLand: CountryFC;
beforeAll(() => {
  maritime = loadMaritime({ within: REGION_BBOX });
  coastLand = loadLand({ a3: ['AZE', 'IRN'] });
}, 120_000);

describe('npm run data reproduces the committed files', () => {
  it('border.geojson', () => {
    expect(serialize(buildBorder(maritime, coastLand).fc)).toBe(committedText('border'));
  });
  it('border-sections.geojson', () => {
    expect(serialize(buildSections(buildBorder(maritime, coastLand).fc))).toBe(committedText('sections'));
  });
  it('segments.geojson', () => {
    expect(serialize(buildStretch(buildBorder(maritime, coastLand).fc))).toBe(committedText('segments'));
  });
  it('incidents.geojson: the flight corridor is the one the build draws', () => {
    const border = buildBorder(maritime, coastLand).fc;
    const text = readFileSync(path.join(ROOT, 'data/incidents.geojson'), 'utf8');
    expect(withCorridor(text, buildCorridor(border, buildStretch(border), maritime).geometry)).toBe(text);
  });
  it('basemap/land-region.geojson', () => {
    expect(serialize(buildLandRegion(loadLand({ within: REGION_BBOX })))).toBe(committedText('landRegion'));
  }, LAND_REGION_TIMEOUT);
  it('basemap/country-labels.geojson', () => {
    const landRegion = JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;
    expect(serialize(buildCountryLabels(landRegion, { border: buildBorder(maritime, coastLand).fc, maritime }))).toBe(committedText('countryLabels'));
  });
  it('basemap/world-land.geojson', () => {
    expect(serialize(buildWorldLand(loadWorldAtlasLand()))).toBe(committedText('worldLand'));
  });
  it('basemap/boundaries.geojson', () => {
    const landRegion = JSON.parse(committedText('landRegion')) as FeatureCollection<MultiPolygon, LandProps>;
    const worldLand = buildWorldLand(loadWorldAtlasLand());
    expect(serialize(buildBoundaries(maritime, landRegion, worldLand))).toBe(committedText('boundaries'));
  });
  it('basemap/places.geojson', () => {
    expect(serialize(buildPlaces(loadCities()))).toBe(committedText('places'));
  });
  it('basemap/crossings.geojson', () => {
    expect(serialize(buildCrossings(buildBorder(maritime, coastLand).fc, buildPlaces(loadCities())))).toBe(committedText('crossings'));
  });
});
