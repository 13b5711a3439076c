import { describe, expect, test } from 'vitest';
import { scaleBar } from '../../src/ui/mapImage';

describe('scaleBar', () => {
  test.each([
    [100, 120, 10],
    [1000, 120, 100],
    [250, 120, 20],
    [30, 120, 2],
    [5, 120, 0.5],
  ])('at %f m/px and at most %i px it shows %f km', (metersPerPixel, maxPx, km) => {
    const bar = scaleBar(metersPerPixel, maxPx);
    expect(bar.km).toBeCloseTo(km, 9);
    expect(bar.px).toBeLessThanOrEqual(maxPx);
    expect(bar.px).toBeCloseTo((km * 1000) / metersPerPixel, 6);
  });
});
