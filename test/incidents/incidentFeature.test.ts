import { describe, expect, it } from 'vitest';
import { incidentToFeature, incidentsToFeatureCollection, parseIncidents, type Incident } from '../../src/incidents';
import { collection, validFeature } from './fixtures';

/** A fresh valid incident with this id and marker. */
function incident(id: string, coordinates: [number, number] = [46.6525, 39.0857]): Incident {
  const { incidents, errors } = parseIncidents(collection(validFeature({ id, coordinates })), 'test');
  expect(errors).toEqual([]);
  return incidents[0];
}

describe('incidentToFeature', () => {
  it('writes a Point feature carrying the id twice, which parseIncidents reads back to the same incident', () => {
    const original = incident('a');
    const feature = incidentToFeature(original);
    expect(feature.id).toBe('a');
    expect(feature.properties.id).toBe('a');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [46.6525, 39.0857] });
    expect(parseIncidents(collection(feature), 'round-trip').incidents).toStrictEqual([original]);
  });

  it('leaves the imported mark and the coordinates out of the file form properties', () => {
    const feature = incidentToFeature({ ...incident('a'), imported: true });
    expect(feature.properties).not.toHaveProperty('imported');
    expect(feature.properties).not.toHaveProperty('coordinates');
  });

  it('copies the marker, so changing the feature leaves the incident as it was', () => {
    const original = incident('a', [47.5, 39.5]);
    incidentToFeature(original).geometry.coordinates[0] = 0;
    incidentToFeature(original, 'map').geometry.coordinates[1] = 0;
    expect(original.coordinates).toEqual([47.5, 39.5]);
  });

  it("gives the map only the id, category and imported mark, with no top-level id", () => {
    const feature = incidentToFeature({ ...incident('a', [47.5, 39.5]), imported: true }, 'map');
    expect(feature).toStrictEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [47.5, 39.5] },
      properties: { id: 'a', category: 'airspace', imported: true },
    });
  });

  it('marks a committed incident as not imported on the map', () => {
    expect(incidentToFeature(incident('a'), 'map').properties.imported).toBe(false);
  });
});

describe('incidentsToFeatureCollection', () => {
  it('holds one feature per incident, in order, in the form asked for', () => {
    const incidents = [incident('a'), incident('b'), incident('c')];
    const file = incidentsToFeatureCollection(incidents);
    const map = incidentsToFeatureCollection(incidents, 'map');
    expect(file.type).toBe('FeatureCollection');
    expect(file.features).toStrictEqual(incidents.map((i) => incidentToFeature(i)));
    expect(map.features).toStrictEqual(incidents.map((i) => incidentToFeature(i, 'map')));
  });

  it('is an empty collection for no incidents', () => {
    expect(incidentsToFeatureCollection([])).toStrictEqual({ type: 'FeatureCollection', features: [] });
  });
});
