import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Incident } from './types';

/** The properties of an incident marker: the incident without its coordinates, plus its id. */
export type IncidentProperties = Omit<Incident, 'coordinates'>;

/**
 * Incidents back to GeoJSON for a map source. The id is both the Feature's `id` and
 * `properties.id`, because MapLibre drops string feature ids unless told `promoteId: 'id'`.
 */
export function incidentsToFeatureCollection(incidents: readonly Incident[]): FeatureCollection<Point, IncidentProperties> {
  const features = incidents.map((incident): Feature<Point, IncidentProperties> => {
    const { coordinates, ...properties } = incident;
    return {
      type: 'Feature',
      id: incident.id,
      geometry: { type: 'Point', coordinates: [coordinates[0], coordinates[1]] },
      properties,
    };
  });
  return { type: 'FeatureCollection', features };
}
