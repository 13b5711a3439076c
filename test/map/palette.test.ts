import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/incidents';
import { categoryColor, categoryTextBackground, categoryTextColor, COLORS, contrastRatio } from '../../src/map/palette';

/** WCAG 2 relative luminance of #rrggbb (written out here, not taken from the code under test). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const IMPORTED_WORDS = ['Battles', 'Protests', 'Riots', 'Shelling', 'Drone sightings', 'Explosions/Remote violence',
  'Strategic developments', 'Violence against civilians', '', 'unspecified'];

describe('categoryColor', () => {
  it('gives each committed category its own colour', () => {
    expect(new Set(CATEGORIES.map(categoryColor)).size).toBe(CATEGORIES.length);
  });

  it('gives an imported category the same colour every time, none of ours, and unspecified grey', () => {
    const ours = new Set(CATEGORIES.map(categoryColor));
    for (const word of ['Battles', 'Protests', 'Shelling', 'Drone sightings', '']) {
      expect(categoryColor(word)).toBe(categoryColor(word));
      expect(ours.has(categoryColor(word))).toBe(false);
      expect(categoryColor(word)).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(categoryColor('unspecified')).toBe(COLORS.unknownCategory);
  });

  it('spreads different words over several colours', () => {
    const words = ['Battles', 'Protests', 'Riots', 'Explosions/Remote violence', 'Strategic developments', 'Violence against civilians'];
    expect(new Set(words.map(categoryColor)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('categoryTextBackground', () => {
  it.each(CATEGORIES)('gives %s a shade white text reads on at 4.5:1 or more', (category) => {
    expect(contrast('#ffffff', categoryTextBackground(category))).toBeGreaterThanOrEqual(4.5);
    expect(categoryTextColor(category)).toBe('#ffffff');
  });

  it('gives an imported category its marker colour', () => {
    for (const word of IMPORTED_WORDS) expect(categoryTextBackground(word)).toBe(categoryColor(word));
  });
});

describe('categoryTextColor', () => {
  it.each(IMPORTED_WORDS)('makes the badge of imported %j readable at 4.5:1 or more', (word) => {
    const text = categoryTextColor(word);
    expect(['#ffffff', '#000000']).toContain(text);
    expect(contrast(text, categoryTextBackground(word))).toBeGreaterThanOrEqual(4.5);
  });

  it('reads at 4.5:1 or more on every colour of the imported palette', () => {
    // Enough distinct words to land on each of the palette's colours.
    const backgrounds = new Set<string>();
    for (let i = 0; i < 500; i++) backgrounds.add(categoryTextBackground(`category ${i}`));
    expect(backgrounds.size).toBe(9);
    for (let i = 0; i < 500; i++) {
      const word = `category ${i}`;
      expect(contrast(categoryTextColor(word), categoryTextBackground(word))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('agrees with contrastRatio', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(contrast('#767676', '#ffffff'), 10);
  });
});
