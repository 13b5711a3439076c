import type { Subscriptions } from './subscriptions';

export type SheetSize = 'peek' | 'half' | 'full';
export const SHEET_SIZES: readonly SheetSize[] = ['peek', 'half', 'full'];

/** Px a bottom sheet is tall at `size` in a frame `frameHeight` px tall: peek a strip, half, or all but a sliver. */
export function sheetHeight(size: SheetSize, frameHeight: number): number {
  return size === 'peek' ? Math.min(170, frameHeight * 0.4) : size === 'half' ? frameHeight * 0.5 : frameHeight - 8;
}

/** What a grip resizes: the sheet, its size now, how tall each size is, and how a size is shown. */
export interface SheetSizing {
  sheet: HTMLElement;
  size(): SheetSize;
  /** Shows `size` (sets the sheet's data-size, its height). */
  apply(size: SheetSize): void;
  /** Px the sheet is tall at `size`, to settle a drag on the nearest. */
  heightFor(size: SheetSize): number;
}

/** Labels the grip with the size now and what a press does. */
export function labelGrip(grip: HTMLButtonElement, size: SheetSize, what: string): void {
  const next = size === 'full' ? 'peek' : size === 'peek' ? 'half' : 'full';
  grip.setAttribute('aria-label', `${what} shown at ${size} height; press to show ${next}, or use the up and down arrows`);
}

/**
 * Makes `grip` resize a bottom sheet between peek, half and full: a press cycles, ↑/↓ step, a drag
 * follows the pointer and settles on the nearest size. Every listener goes into `listeners`.
 */
export function wireSheetGrip(grip: HTMLButtonElement, sizing: SheetSizing, listeners: Subscriptions): void {
  grip.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown');
  listeners.listen(grip, 'click', () => sizing.apply(SHEET_SIZES[(SHEET_SIZES.indexOf(sizing.size()) + 1) % SHEET_SIZES.length]));
  listeners.listen(grip, 'keydown', (e) => {
    const step = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    sizing.apply(SHEET_SIZES[Math.min(SHEET_SIZES.length - 1, Math.max(0, SHEET_SIZES.indexOf(sizing.size()) + step))]);
  });
  listeners.listen(grip, 'pointerdown', (e) => drag(e, grip, sizing));
}

/** Follows a drag of the grip and settles on the nearest size. */
function drag(start: PointerEvent, grip: HTMLButtonElement, sizing: SheetSizing): void {
  const { sheet } = sizing;
  const startY = start.clientY;
  const startH = sheet.getBoundingClientRect().height;
  const maxH = sizing.heightFor('full');
  let moved = false;
  grip.setPointerCapture(start.pointerId);
  const onMove = (e: PointerEvent): void => {
    if (Math.abs(e.clientY - startY) > 4) moved = true;
    if (moved) sheet.style.height = `${Math.max(60, Math.min(maxH, startH + startY - e.clientY))}px`;
  };
  const onUp = (): void => {
    grip.removeEventListener('pointermove', onMove);
    grip.removeEventListener('pointerup', onUp);
    grip.removeEventListener('pointercancel', onUp);
    if (!moved) return;
    const h = sheet.getBoundingClientRect().height;
    let best: SheetSize = 'half';
    for (const s of SHEET_SIZES) if (Math.abs(sizing.heightFor(s) - h) < Math.abs(sizing.heightFor(best) - h)) best = s;
    // The click that ends a drag must not also cycle the size.
    grip.addEventListener('click', (e) => e.stopImmediatePropagation(), { once: true, capture: true });
    sizing.apply(best);
  };
  grip.addEventListener('pointermove', onMove);
  grip.addEventListener('pointerup', onUp);
  grip.addEventListener('pointercancel', onUp);
}
