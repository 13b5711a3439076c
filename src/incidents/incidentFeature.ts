import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Incident, IncidentGeometry } from './types';

/** An incident's properties in a file: every field but its geometry, its marker (derived from the geometry) and the app's `imported` mark. */
export type IncidentProperties = Omit<Incident, 'coordinates' | 'geometry' | 'imported'>;

/** What the map's style and clicks read of an incident: kept lean, since each feature is copied to the map's worker. */
export interface MapIncidentProperties {
  id: string;
  category: string;
  imported: boolean;
}

/**
 * Which feature to build: 'file', the incident as the committed file holds it (its full geometry);
 * 'map', the marker point with only what the map reads; 'shape', the full geometry with only what
 * the map reads (for drawing lines and areas).
 */
export type FeatureForm = 'file' | 'map' | 'shape';

function copyGeometry<G extends IncidentGeometry>(geometry: G): G {
  return structuredClone(geometry);
}

/**
 * One incident as a GeoJSON feature. The 'file' form is what export and storage write and
 * parseIncidents reads back: the incident's own geometry, and the id is both the Feature's `id` and
 * `properties.id`, because MapLibre drops string feature ids unless told `promoteId: 'id'`. The
 * 'map' form is a Point at the marker and 'shape' the full geometry, each carrying only
 * `properties` { id, category, imported } and no top-level id (the map promotes `properties.id`).
 */
export function incidentToFeature(incident: Incident, form?: 'file'): Feature<IncidentGeometry, IncidentProperties>;
export function incidentToFeature(incident: Incident, form: 'map'): Feature<Point, MapIncidentProperties>;
export function incidentToFeature(incident: Incident, form: 'shape'): Feature<IncidentGeometry, MapIncidentProperties>;
export function incidentToFeature(incident: Incident, form: FeatureForm = 'file'): Feature<IncidentGeometry, IncidentProperties | MapIncidentProperties> {
  const lean = (): MapIncidentProperties => ({ id: incident.id, category: incident.category, imported: incident.imported === true });
  if (form === 'map') return { type: 'Feature', geometry: { type: 'Point', coordinates: [incident.coordinates[0], incident.coordinates[1]] }, properties: lean() };
  if (form === 'shape') return { type: 'Feature', geometry: copyGeometry(incident.geometry), properties: lean() };
  const { coordinates: _coordinates, geometry, imported: _imported, ...properties } = incident;
  return { type: 'Feature', id: incident.id, geometry: copyGeometry(geometry), properties };
}

/** Incidents as a FeatureCollection of `incidentToFeature` features of one form, in order. */
export function incidentsToFeatureCollection(incidents: readonly Incident[], form?: 'file'): FeatureCollection<IncidentGeometry, IncidentProperties>;
export function incidentsToFeatureCollection(incidents: readonly Incident[], form: 'map'): FeatureCollection<Point, MapIncidentProperties>;
export function incidentsToFeatureCollection(incidents: readonly Incident[], form: 'shape'): FeatureCollection<IncidentGeometry, MapIncidentProperties>;
export function incidentsToFeatureCollection(
  incidents: readonly Incident[],
  form: FeatureForm = 'file',
): FeatureCollection<IncidentGeometry, IncidentProperties | MapIncidentProperties> {
  const features = form === 'map'
    ? incidents.map((i) => incidentToFeature(i, 'map'))
    : form === 'shape' ? incidents.map((i) => incidentToFeature(i, 'shape')) : incidents.map((i) => incidentToFeature(i));
  return { type: 'FeatureCollection', features };
}

/** Whether an incident is drawn as a line or an area (not only as a marker). */
export function hasShape(incident: Incident): boolean {
  return incident.geometry.type !== 'Point' && incident.geometry.type !== 'MultiPoint';
}
