import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/incidents';
import { validateFeatures } from '../../src/incidents/validateFeatures';
import { validFeature } from './fixtures';

const rowLabel = (index: number): string => `row ${index} (line ${index + 1})`;

describe('validateFeatures', () => {
  it('names each bad feature by the label of its index and keeps that index on the error', () => {
    const features = [
      { index: 1, feature: validFeature({ id: 'a' }) },
      { index: 4, feature: validFeature({ id: 'b', properties: { date: '2023-13-01' } }) },
    ];
    const { incidents, errors } = validateFeatures(features, { source: 'mine.csv', label: rowLabel });
    expect(incidents.map((i) => i.id)).toEqual(['a']);
    expect(errors).toEqual([
      { index: 4, field: 'date', message: "mine.csv row 4 (line 5): date '2023-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)" },
    ]);
  });

  it('names a repeated id by the labels of both features and keeps the first', () => {
    const features = [
      { index: 2, feature: validFeature({ id: 'same', properties: { title: 'First' } }) },
      { index: 3, feature: validFeature({ id: 'same', properties: { title: 'Second' } }) },
    ];
    const { incidents, errors } = validateFeatures(features, { source: 'mine.csv', label: rowLabel });
    expect(incidents.map((i) => i.title)).toEqual(['First']);
    expect(errors).toEqual([{ index: 3, field: 'id', message: "mine.csv row 3 (line 4): id 'same' duplicates row 2 (line 3)" }]);
  });

  it('names features "feature <index>" when given no label', () => {
    const { errors } = validateFeatures([{ index: 7, feature: validFeature({ properties: { category: 'riot' } }) }], { source: 'x.geojson' });
    expect(errors.map((e) => e.message)).toEqual([
      `x.geojson feature 7: category 'riot' is not one of ${CATEGORIES.join(', ')}`,
    ]);
  });
});
