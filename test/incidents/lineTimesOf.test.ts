import { describe, expect, test } from 'vitest';
import { lineTimesOf } from '../../src/incidents/trackTimes';

const line = (): unknown => ({ type: 'LineString', coordinates: [[46, 39], [46.1, 39.1]] });

describe('lineTimesOf', () => {
  test("takes a list of texts as a line's times", () => {
    expect(lineTimesOf(line(), ['2023-03-11T09:00:00Z', '2023-03-11T09:01:00Z'])).toEqual(['2023-03-11T09:00:00Z', '2023-03-11T09:01:00Z']);
  });

  test('leaves times on a point as an ordinary field', () => {
    expect(lineTimesOf({ type: 'Point', coordinates: [46, 39] }, ['2023-03-11T09:00:00Z'])).toBeUndefined();
  });

  test('leaves a list holding anything but text as an ordinary field', () => {
    expect(lineTimesOf(line(), ['2023-03-11T09:00:00Z', 1678525260])).toBeUndefined();
  });

  test('leaves a value that is not a list as an ordinary field', () => {
    expect(lineTimesOf(line(), '2023-03-11T09:00:00Z')).toBeUndefined();
  });

  test('leaves times without a geometry as an ordinary field', () => {
    expect(lineTimesOf(null, [])).toBeUndefined();
  });
});
