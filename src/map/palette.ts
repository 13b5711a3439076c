import { CATEGORIES, UNSPECIFIED_CATEGORY } from '../incidents';

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
  landmarkText: '#1f5a8a',
  crossing: '#1b1b1b',
  cluster: '#37474f',
  importedRing: '#111111',
  unknownCategory: '#666666',
  measure: '#6a1b9a',
  measureSlice: '#111111',
  measureChord: '#555555',
  hover: '#111111',
  trackBand: '#111111',
  trackArrow: '#111111',
  trackCrossing: '#ffffff',
  trackCursor: '#e6007e',
  timelineBar: '#0072b2',
  timelineGrid: 'rgba(0,0,0,.12)',
  timelineLabel: '#444444',
  timelinePlot: '#f3f6f9',
} as const;

// Colour-blind-safe (Okabe–Ito), one colour per category in the order of CATEGORIES.
const CATEGORY_PALETTE = ['#d55e00', '#0072b2', '#cc79a7', '#009e73', '#e69f00', '#56b4e9', '#000000', '#f0e442'] as const;

// The same hues, darkened until white text on them reaches 4.5:1 (WCAG AA): for badges, not markers.
const CATEGORY_TEXT_PALETTE = ['#a84a00', '#0072b2', '#a3457a', '#00795a', '#8c5f00', '#1d6a94', '#000000', '#6e6700'] as const;

// Paul Tol's "muted" scheme, colour-blind safe and distinct from the Okabe–Ito colours above, for imported categories.
const IMPORTED_PALETTE = ['#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499'] as const;

/** The same colour for the same word in every session: a string hash (FNV-1a) into IMPORTED_PALETTE. */
function hashedColor(category: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < category.length; i++) hash = Math.imul(hash ^ category.charCodeAt(i), 0x01000193);
  return IMPORTED_PALETTE[(hash >>> 0) % IMPORTED_PALETTE.length];
}

/** The marker colour of a category: ours for the committed categories, grey for 'unspecified', a stable hashed colour for a file's own. */
export function categoryColor(category: string): string {
  const i = (CATEGORIES as readonly string[]).indexOf(category);
  if (i >= 0) return CATEGORY_PALETTE[i % CATEGORY_PALETTE.length];
  return category === UNSPECIFIED_CATEGORY ? COLORS.unknownCategory : hashedColor(category);
}

/**
 * The background of a category's badge: for ours a darker shade of their colour that white text
 * reads on at 4.5:1 or more; for an import's own (and 'unspecified') its marker colour, with
 * categoryTextColor choosing the text.
 */
export function categoryTextBackground(category: string): string {
  const i = (CATEGORIES as readonly string[]).indexOf(category);
  return i >= 0 ? CATEGORY_TEXT_PALETTE[i % CATEGORY_TEXT_PALETTE.length] : categoryColor(category);
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour on a category's badge: white or black, whichever contrasts more with
 * categoryTextBackground (one of the two always reaches 4.5:1 on any colour).
 */
export function categoryTextColor(category: string): string {
  const background = categoryTextBackground(category);
  return contrastRatio('#ffffff', background) >= contrastRatio('#000000', background) ? '#ffffff' : '#000000';
}
