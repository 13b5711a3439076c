/** What is drawn over the map and can hide a marker: controls, panels, popups and the sheet. */
const OVERLAYS = '.maplibregl-ctrl, .maplibregl-popup, .incident-sheet';
const BUTTONS = '.incident-marker, .incident-cluster';

/**
 * Hides the marker buttons that lie under a panel, control or popup (class `marker-covered`): they
 * cannot be seen or clicked there, and a half-covered button is a target too small to hit.
 */
export function markCoveredButtons(container: HTMLElement): void {
  const covers = [...container.querySelectorAll(OVERLAYS)]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  for (const b of container.querySelectorAll<HTMLElement>(BUTTONS)) {
    const r = b.getBoundingClientRect();
    const covered = covers.some((c) => r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom);
    b.classList.toggle('marker-covered', covered);
  }
}
