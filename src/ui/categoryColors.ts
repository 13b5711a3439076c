import type { Category } from '../incidents';
import { CATEGORIES } from '../incidents';

// Colour-blind-safe palette (Okabe–Ito), one colour per category.
const PALETTE = ['#d55e00', '#0072b2', '#cc79a7', '#009e73', '#e69f00', '#56b4e9', '#000000', '#f0e442'];

export function categoryColor(category: Category): string {
  const i = CATEGORIES.indexOf(category);
  return PALETTE[(i < 0 ? PALETTE.length - 1 : i) % PALETTE.length];
}
