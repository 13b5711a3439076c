/** What is drawn over the map and can hide a marker: controls, panels, popups and the sheet. */
const OVERLAYS = '.maplibregl-ctrl, .maplibregl-popup-content, .incident-sheet';
const BUTTONS = '.incident-marker, .incident-cluster';
const HANDLES = '.measure-handle';

/**
 * Hides the marker buttons whose centre lies under a panel, control or popup, or that touch a
 * measurement's handle (class `marker-covered`): the marker cannot be seen there, and what is left of the button is a target
 * too small to hit. A popup's own marker, at the tip, stays.
 */
export function markCoveredButtons(container: HTMLElement): void {
  const rects = (selector: string): DOMRect[] => [...container.querySelectorAll(selector)]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  const covers = rects(OVERLAYS);
  // A measurement's handle sits above the markers: a marker button it touches at all would be a target partly hidden under it.
  const handles = rects(HANDLES);
  for (const b of container.querySelectorAll<HTMLElement>(BUTTONS)) {
    const r = b.getBoundingClientRect();
    const x = (r.left + r.right) / 2;
    const y = (r.top + r.bottom) / 2;
    const covered = covers.some((c) => x > c.left && x < c.right && y > c.top && y < c.bottom)
      || handles.some((h) => r.left < h.right && r.right > h.left && r.top < h.bottom && r.bottom > h.top);
    b.classList.toggle('marker-covered', covered);
  }
}
