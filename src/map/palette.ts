import { CATEGORIES, type Category } from '../incidents';

/** Every colour the map, its controls and the timeline draw with: one place to change them. */
export const COLORS = {
  water: '#c6dbe8',
  land: '#f3f0e8',
  aze: '#f7ead9',
  irn: '#e9efe0',
  boundary: '#9a8f86',
  border: '#c0182b',
  river: '#3f86c6',
  stretch: '#ffb000',
  stretchText: '#7a4a00',
  label: '#333333',
  countryLabel: '#8a7f74',
  halo: '#ffffff',
  placeDot: '#444444',
  cluster: '#37474f',
  importedRing: '#111111',
  unknownCategory: '#666666',
  measure: '#6a1b9a',
  measureSlice: '#111111',
  measureChord: '#555555',
  hover: '#111111',
  timelineBar: '#0072b2',
  timelineGrid: 'rgba(0,0,0,.12)',
  timelineLabel: '#444444',
  timelinePlot: '#f3f6f9',
} as const;

// Colour-blind-safe (Okabe–Ito), one colour per category in the order of CATEGORIES.
const CATEGORY_PALETTE = ['#d55e00', '#0072b2', '#cc79a7', '#009e73', '#e69f00', '#56b4e9', '#000000', '#f0e442'] as const;

// The same hues, darkened until white text on them reaches 4.5:1 (WCAG AA): for badges, not markers.
const CATEGORY_TEXT_PALETTE = ['#a84a00', '#0072b2', '#a3457a', '#00795a', '#8c5f00', '#1d6a94', '#000000', '#6e6700'] as const;

/** A darker shade of a category's colour that white text can sit on (contrast at least 4.5:1). */
export function categoryTextBackground(category: Category): string {
  const i = CATEGORIES.indexOf(category);
  return i < 0 ? COLORS.unknownCategory : CATEGORY_TEXT_PALETTE[i % CATEGORY_TEXT_PALETTE.length];
}

/** The marker colour of a category. */
export function categoryColor(category: Category): string {
  const i = CATEGORIES.indexOf(category);
  return i < 0 ? COLORS.unknownCategory : CATEGORY_PALETTE[i % CATEGORY_PALETTE.length];
}
