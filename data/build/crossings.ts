/**
 * The four open Azerbaijan–Iran crossings as symbols on the border, and the two country names
 * beside it. A crossing's symbol stands at the point of the border nearest the town it is named
 * after (GeoNames coordinates from places.geojson), not at a surveyed position of its posts.
 */
import geodesic from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { BorderIndex } from '../../src/geo/borderIndex';
import type { BorderFC } from './borderLines';
import { round, roundPos } from './geodesy';
import type { PlaceProps } from './places';
import { inRing } from './rings';
import type { CountryFC } from './sources';

const WGS84 = geodesic.Geodesic.WGS84;

/** Each crossing's name and the town (name, ISO2) whose nearest border point marks it. */
export const CROSSINGS: ReadonlyArray<{ name: string; town: string; country: string }> = [
  { name: 'Astara crossing', town: 'Astara', country: 'AZ' },
  { name: 'Bilasuvar crossing', town: 'Bileh Savar', country: 'IR' },
  { name: 'Julfa crossing', town: 'Julfa', country: 'AZ' },
  { name: 'Shahtakhti–Poldasht crossing', town: 'Poldasht', country: 'IR' },
];

export interface CrossingProps {
  name: string;
  /** The town the symbol is placed from, and how far it is from the border. */
  placed_from: string;
  town_distance_km: number;
  line: string;
  chainage_km: number;
}

export function buildCrossings(border: BorderFC, places: FeatureCollection<Point, PlaceProps>): FeatureCollection<Point, CrossingProps> {
  const index = new BorderIndex(border);
  const features = CROSSINGS.map(({ name, town, country }): Feature<Point, CrossingProps> => {
    const place = places.features.find((f) => f.properties.name === town && f.properties.country === country);
    if (!place) throw new Error(`crossings: no place '${town}' (${country}) in places.geojson`);
    const [lon, lat] = place.geometry.coordinates;
    const snap = index.snap([lon, lat]);
    return {
      type: 'Feature',
      properties: { name, placed_from: `${town} (${country})`, town_distance_km: round(snap.distanceKm, 3), line: snap.lineId, chainage_km: round(snap.chainageKm, 3) },
      geometry: { type: 'Point', coordinates: roundPos(snap.point, 5) },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Where each country's name is written: km along the mainland line, and km from it at right angles, on the country's side. */
export const BORDER_NAMES = [
  { name: 'Azerbaijan', a3: 'AZE', chainageKm: 170, offsetKm: 35, turn: -90 },
  { name: 'Iran', a3: 'IRN', chainageKm: 100, offsetKm: 30, turn: 90 },
] as const;

function inCountry(p: readonly number[], fc: CountryFC, a3: string): boolean {
  const f = fc.features.find((x) => x.properties.A3 === a3);
  const polys = !f ? [] : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.some((poly) => inRing(p, poly[0]) && !poly.slice(1).some((h) => inRing(p, h)));
}

/**
 * "AZERBAIJAN" and "IRAN" beside the mainland border (BORDER_NAMES: chosen where the first view has
 * room), each checked to lie in its country's polygon.
 */
export function buildBorderCountryNames(border: BorderFC, maritime: CountryFC): Feature<Point, { name: string; A3: string; placement: 'border' }>[] {
  const line = new BorderIndex(border).line('mainland');
  return BORDER_NAMES.map(({ name, a3, chainageKm, offsetKm, turn }) => {
    const at = line.pointAtKm(chainageKm);
    const a = line.pointAtKm(chainageKm - 10), b = line.pointAtKm(chainageKm + 10);
    const azi = WGS84.Inverse(a[1], a[0], b[1], b[0]).azi1 ?? Number.NaN;
    const r = WGS84.Direct(at[1], at[0], azi + turn, offsetKm * 1000);
    const p = [r.lon2 ?? Number.NaN, r.lat2 ?? Number.NaN];
    if (!inCountry(p, maritime, a3)) throw new Error(`country names: ${name}'s point ${JSON.stringify(p)} is not in ${a3}`);
    return { type: 'Feature', properties: { name, A3: a3, placement: 'border' }, geometry: { type: 'Point', coordinates: roundPos(p, 5) } };
  });
}
