/** What is drawn over the map and can hide a marker: controls, panels, popups and the sheet. */
const OVERLAYS = '.maplibregl-ctrl, .maplibregl-popup-content, .incident-sheet';
const BUTTONS = '.incident-marker, .incident-cluster';

/**
 * Hides the marker buttons whose centre lies under a panel, control or popup (class
 * `marker-covered`): the marker cannot be seen there, and what is left of the button is a target
 * too small to hit. A popup's own marker, at the tip, stays.
 */
export function markCoveredButtons(container: HTMLElement): void {
  const covers = [...container.querySelectorAll(OVERLAYS)]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  for (const b of container.querySelectorAll<HTMLElement>(BUTTONS)) {
    const r = b.getBoundingClientRect();
    const x = (r.left + r.right) / 2;
    const y = (r.top + r.bottom) / 2;
    const covered = covers.some((c) => x > c.left && x < c.right && y > c.top && y < c.bottom);
    b.classList.toggle('marker-covered', covered);
  }
}
