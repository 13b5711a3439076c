import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './lonLat';

type Land = Feature<Polygon | MultiPolygon, { A3?: unknown }>;

/** Which country's land holds a point, among `countries` (ISO3 codes); null in water or elsewhere. */
export function countryAt(land: FeatureCollection, point: LonLat, countries: readonly string[] = ['AZE', 'IRN']): string | null {
  for (const f of land.features as Land[]) {
    const a3 = f.properties?.A3;
    if (typeof a3 !== 'string' || !countries.includes(a3)) continue;
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon([point[0], point[1]], f)) return a3;
  }
  return null;
}
