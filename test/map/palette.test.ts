import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/incidents';
import { categoryColor, COLORS } from '../../src/map/palette';

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
