import type { LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';

/** The region the first view frames: both border lines with room around them. */
export const REGION_BOUNDS: LngLatBoundsLike = [[44.6, 38.2], [49.4, 40.0]];

/** Padding that keeps the framed region clear of the side panels on wide screens. */
export function firstViewPadding(width: number): PaddingOptions {
  return { top: 30, bottom: 30, left: width > 900 ? 310 : 30, right: 50 };
}
