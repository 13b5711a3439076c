import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Incident } from './types';

/** An incident's properties in a file: every field but its coordinates (the geometry) and the app's `imported` mark. */
export type IncidentProperties = Omit<Incident, 'coordinates' | 'imported'>;

/** What the map's style and clicks read of an incident: kept lean, since each feature is copied to the map's worker. */
export interface MapIncidentProperties {
  id: string;
  category: string;
  imported: boolean;
}

/** Which feature to build: 'file', the incident as the committed file holds it; 'map', only what the map reads. */
export type FeatureForm = 'file' | 'map';

/**
 * One incident as a GeoJSON Point feature. The 'file' form is what export and storage write and
 * parseIncidents reads back: the id is both the Feature's `id` and `properties.id`, because
 * MapLibre drops string feature ids unless told `promoteId: 'id'`. The 'map' form carries only
 * `properties` { id, category, imported } and no top-level id (the map promotes `properties.id`).
 */
export function incidentToFeature(incident: Incident, form?: 'file'): Feature<Point, IncidentProperties>;
export function incidentToFeature(incident: Incident, form: 'map'): Feature<Point, MapIncidentProperties>;
export function incidentToFeature(incident: Incident, form: FeatureForm = 'file'): Feature<Point, IncidentProperties | MapIncidentProperties> {
  const geometry: Point = { type: 'Point', coordinates: [incident.coordinates[0], incident.coordinates[1]] };
  if (form === 'map') {
    return { type: 'Feature', geometry, properties: { id: incident.id, category: incident.category, imported: incident.imported === true } };
  }
  const { coordinates: _coordinates, imported: _imported, ...properties } = incident;
  return { type: 'Feature', id: incident.id, geometry, properties };
}

/** Incidents as a FeatureCollection of `incidentToFeature` features of one form, in order. */
export function incidentsToFeatureCollection(incidents: readonly Incident[], form?: 'file'): FeatureCollection<Point, IncidentProperties>;
export function incidentsToFeatureCollection(incidents: readonly Incident[], form: 'map'): FeatureCollection<Point, MapIncidentProperties>;
export function incidentsToFeatureCollection(
  incidents: readonly Incident[],
  form: FeatureForm = 'file',
): FeatureCollection<Point, IncidentProperties | MapIncidentProperties> {
  const features = form === 'map' ? incidents.map((i) => incidentToFeature(i, 'map')) : incidents.map((i) => incidentToFeature(i));
  return { type: 'FeatureCollection', features };
}
