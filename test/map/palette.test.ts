import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/incidents';
import { categoryTextBackground } from '../../src/map/palette';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('categoryTextBackground', () => {
  it.each(CATEGORIES)('gives %s a shade white text reads on at 4.5:1 or more', (category) => {
    const contrast = 1.05 / (luminance(categoryTextBackground(category)) + 0.05);
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });
});
