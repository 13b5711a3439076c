import type { FeatureCollection, Point } from 'geojson';
import { stretchMidpoint, type Stretch } from '../geo';

/** One label point per stretch, at its middle, carrying its name and length. */
export function stretchLabels(stretches: Iterable<Stretch>): FeatureCollection<Point> {
  const features = [...stretches].map((s) => ({
    type: 'Feature' as const,
    properties: { name: s.name, length_km: s.lengthKm },
    geometry: { type: 'Point' as const, coordinates: [...stretchMidpoint(s)] },
  }));
  return { type: 'FeatureCollection', features };
}
