import type { LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';

/** The region the first view frames: both border lines (Nakhchivan–Iran and the mainland, to Astara). */
export const REGION_BOUNDS: LngLatBoundsLike = [[44.76, 38.39], [48.89, 39.72]];

/** Widest viewport laid out as a phone (panels folded, tools behind one button), px. */
export const PHONE_MAX_WIDTH = 640;
/** Widest viewport laid out as a tablet (panels folded at the top left, tools at the top right), px. */
export const TABLET_MAX_WIDTH = 1024;

/** True when the list and legend start open: only on screens wide enough to keep the border clear of them. */
export function panelsOpenByDefault(width: number): boolean {
  return width > TABLET_MAX_WIDTH;
}

/**
 * Padding that keeps the framed border clear of what sits over the map on first view: the folded
 * panels and the tools button on phones; the folded panels and the tool stack on tablets; the open
 * list and legend (left) and the tool stack (top right) on wider screens.
 */
export function firstViewPadding(width: number): PaddingOptions {
  if (width <= PHONE_MAX_WIDTH) return { top: 70, bottom: 20, left: 16, right: 16 };
  if (width <= TABLET_MAX_WIDTH) return { top: 240, bottom: 30, left: 30, right: 30 };
  return { top: 200, bottom: 30, left: 310, right: 50 };
}
