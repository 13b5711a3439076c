/** Whether the reader asked for less motion (the map then jumps instead of flying, labels do not fade). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
