/**
 * Country name labels for the basemap: one point per country of land-region.geojson, at the pole
 * of inaccessibility of its largest polygon (in the region bbox), plus one for Nakhchivan.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Position } from 'geojson';
import type { LandProps } from './basemap';
import type { BorderFC } from './borderLines';
import { buildBorderCountryNames } from './crossings';
import type { CountryFC } from './sources';
import { roundPos } from './geodesy';
import { labelPoint } from './labelPoint';
import { inRing, ringArea } from './rings';

/** Nakhchivan city (as in places.geojson, GeoNames): picks out the exclave among Azerbaijan's polygons. */
export const NAKHCHIVAN_CITY: Position = [45.41222, 39.20889];
export const LABEL_DECIMALS = 5;

export interface LabelProps {
  name: string;
  A3: string;
  /** 'border' for the two names written beside the border; absent for a country's own label point. */
  placement?: 'border';
}

function inPolygon(p: Position, poly: Position[][]): boolean {
  return inRing(p, poly[0]) && !poly.slice(1).some((h) => inRing(p, h));
}

function label(name: string, a3: string, poly: Position[][]): Feature<Point, LabelProps> {
  const { at } = labelPoint(poly);
  return { type: 'Feature', properties: { name, A3: a3 }, geometry: { type: 'Point', coordinates: roundPos(at, LABEL_DECIMALS) } };
}

/** @param beside the border and maritime polygons, to add Azerbaijan's and Iran's names beside the border; default none. */
export function buildCountryLabels(landRegion: FeatureCollection<MultiPolygon, LandProps>, beside?: { border: BorderFC; maritime: CountryFC }): FeatureCollection<Point, LabelProps> {
  const features: Feature<Point, LabelProps>[] = [];
  for (const f of landRegion.features) {
    const polys = f.geometry.coordinates;
    let largest = polys[0];
    for (const p of polys) if (ringArea(p[0]) > ringArea(largest[0])) largest = p;
    features.push(label(f.properties.name, f.properties.A3, largest));
    if (f.properties.A3 === 'AZE') {
      const nakhchivan = polys.find((p) => inPolygon(NAKHCHIVAN_CITY, p));
      if (!nakhchivan) throw new Error(`country labels: no Azerbaijan polygon contains Nakhchivan city ${JSON.stringify(NAKHCHIVAN_CITY)}`);
      features.push(label('Nakhchivan (Azerbaijan)', 'AZE', nakhchivan));
    }
  }
  if (beside) features.push(...buildBorderCountryNames(beside.border, beside.maritime));
  return { type: 'FeatureCollection', features };
}
