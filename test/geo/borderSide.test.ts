import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { countryAt } from '../../src/geo';

const land = (): FeatureCollection => JSON.parse(readFileSync(new URL('../../data/basemap/land-region.geojson', import.meta.url), 'utf8'));

describe('countryAt', () => {
  test('Bilasuvar town lies in Azerbaijan', () => {
    expect(countryAt(land(), [48.545, 39.4581])).toBe('AZE');
  });

  test('Ardabil lies in Iran', () => {
    expect(countryAt(land(), [48.2933, 38.2498])).toBe('IRN');
  });

  test('the middle of the Caspian is neither', () => {
    expect(countryAt(land(), [51.0, 40.0])).toBeNull();
  });

  test('Yerevan is neither of the two countries asked about', () => {
    expect(countryAt(land(), [44.5126, 40.1872])).toBeNull();
  });
});
