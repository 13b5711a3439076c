import { describe, expect, it } from 'vitest';
import { incidentsToFeatureCollection, parseIncidents } from '../../src/incidents';
import { collection, validFeature } from './fixtures';

describe('incidentsToFeatureCollection', () => {
  it('round-trips parsed incidents to Point features carrying the id twice', () => {
    const { incidents } = parseIncidents(collection(validFeature({ id: 'a', coordinates: [46.6525, 39.0857] })), 'test');
    const fc = incidentsToFeatureCollection(incidents);
    expect(fc.features).toHaveLength(1);
    const f = fc.features[0];
    expect(f?.id).toBe('a');
    expect(f?.properties.id).toBe('a');
    expect(f?.geometry).toEqual({ type: 'Point', coordinates: [46.6525, 39.0857] });
    expect(parseIncidents(fc, 'round-trip').incidents).toEqual(incidents);
  });
});
