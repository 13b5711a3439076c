import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BorderIndex, readStretches } from '../../src/geo';
import { readBorder } from './fixtures';

const segments = (): unknown => JSON.parse(readFileSync(new URL('../../data/segments.geojson', import.meta.url), 'utf8'));

describe('readStretches', () => {
  test('the Zangilan–Bilasuvar stretch measures its stated length along the border index', () => {
    const stretch = readStretches(segments()).get('zangilan-bilasuvar');
    if (!stretch) throw new Error('no stretch');
    const along = new BorderIndex(readBorder()).along(stretch.coordinates[0], stretch.coordinates[stretch.coordinates.length - 1]);
    if (!along.sameLine) throw new Error('expected one line');
    expect(along.km).toBeCloseTo(stretch.lengthKm, 5);
  });

  test('a vertex that is not a lon/lat pair is rejected with its index', () => {
    const fc = { type: 'FeatureCollection', features: [{ properties: { id: 's', name: 'S', length_km: 1 }, geometry: { type: 'LineString', coordinates: [[46, 39], [46, 'x']] } }] };
    expect(() => readStretches(fc)).toThrow('segments.geojson feature 0 vertex 1');
  });
});
