/**
 * Regenerating each output in memory reproduces the committed file byte for byte.
 * The sources are read once, each only as far as its outputs need: the maritime countries of the
 * region, and the Azerbaijan and Iran land (for the coast). Every output is rebuilt fresh inside
 * its own test, except the region's land: rebuilding it takes ~7 s, so npm run precision checks it
 * (test/precision/regenerateLandRegion.ts) and the outputs built from it here read the committed one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { buildBorder } from '../../data/build/borderLines';
import { buildSections } from '../../data/build/sections';
import { buildStretch } from '../../data/build/stretch';
import { buildCorridor, withCorridor } from '../../data/build/corridor';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGION_BBOX, buildBoundaries, buildWorldLand, type LandProps } from '../../data/build/basemap';
import { buildPlaces } from '../../data/build/places';
import { buildCountryLabels } from '../../data/build/countryLabels';
import { buildCrossings } from '../../data/build/crossings';
import { ROOT, type CountryFC, loadCities, loadLand, loadMaritime, loadWorldAtlasLand } from '../../data/build/sources';
import { serialize } from '../../data/build/write';
import { committedText } from './committed';

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
