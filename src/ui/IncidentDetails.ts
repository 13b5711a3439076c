import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { el } from './dom';
import { Subscriptions } from './subscriptions';
import { markCoveredButtons } from './coveredButtons';
import { foldPanelSheet } from './panelSheet';
import { labelGrip, sheetHeight, wireSheetGrip, type SheetSize } from './sheetGrip';
import { prefersReducedMotion } from './motion';

export type { SheetSize } from './sheetGrip';

export interface IncidentDetailsOptions {
  /** Viewports at most this wide show details as a bottom sheet instead of a popup; default 640 (px). */
  sheetMaxWidth?: number;
  /** Room kept between a popup and the edges of the map when the map pans to fit it; default 12 (px). */
  margin?: number;
  /** Size a sheet opens at; default 'half'. */
  sheetSize?: SheetSize;
  /** Called when the reader closes the details (close button, Escape, a click on the map); default none. */
  onClose?: () => void;
  /** Element that holds a copy of the open details for printing (shown by the print stylesheet only); default none. */
  printHost?: HTMLElement | null;
}

export interface ShowOptions {
  /** Extra class on the popup (e.g. 'incident-popup'); default none. */
  className?: string;
  /** The element focus returns to on close; default the element focused when show() was called. */
  opener?: HTMLElement;
  /** Pan the map so the whole popup shows; default true. */
  fit?: boolean;
  /** Put a copy in the print host, to be printed; default false. */
  print?: boolean;
}

/**
 * Shows an incident's details as a labelled, non-modal dialog: a popup at the marker, kept inside
 * the map, or on phones a bottom sheet (peek, half, full) resized by dragging or the keyboard.
 * Focus moves to the heading on open and back to what opened it on close; Escape closes.
 */
export class IncidentDetails {
  private readonly map: MapLibreMap;
  private readonly options: IncidentDetailsOptions;
  private popup: Popup | undefined;
  private sheet: HTMLElement | undefined;
  private dialog: HTMLElement | undefined;
  private opener: HTMLElement | null = null;
  private size: SheetSize;
  private listeners = new Subscriptions();
  private serial = 0;

  constructor(map: MapLibreMap, options: IncidentDetailsOptions = {}) {
    this.map = map;
    this.options = options;
    this.size = options.sheetSize ?? 'half';
  }

  /** True when details show as a bottom sheet (a narrow viewport). */
  get asSheet(): boolean {
    return window.matchMedia(`(max-width: ${this.options.sheetMaxWidth ?? 640}px)`).matches;
  }

  get isOpen(): boolean {
    return this.dialog !== undefined;
  }

  /** The height a sheet covers at the bottom of the map, in px (0 without a sheet). */
  get coveredBottom(): number {
    return this.sheet ? this.sheet.getBoundingClientRect().height : 0;
  }

  /** The height a sheet of the opening size will cover, so a camera move can leave room for it. */
  sheetHeightFor(size: SheetSize = this.size): number {
    return sheetHeight(size, this.map.getContainer().clientHeight);
  }

  /** Shows `content` (whose first h2 names the dialog) at `at`, replacing what was open. */
  show(content: HTMLElement, at: readonly [number, number], options: ShowOptions = {}): HTMLElement {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A replacement opened from inside the open details keeps the first opener.
    const opener = options.opener !== undefined ? options.opener
      : active && this.dialog?.contains(active) ? this.opener
      : active && active !== document.body ? active : null;
    this.teardown();
    this.opener = opener;
    this.listeners = new Subscriptions();
    const dialog = el('section', 'incident-details');
    dialog.setAttribute('role', 'dialog');
    const heading = content.querySelector('h2');
    if (heading) {
      heading.id ||= `incident-details-title-${++this.serial}`;
      heading.tabIndex = -1;
      dialog.setAttribute('aria-labelledby', heading.id);
    } else {
      dialog.setAttribute('aria-label', 'Details');
    }
    const close = el('button', 'details-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close details');
    this.listeners.listen(close, 'click', () => this.closeByUser());
    this.listeners.listen(dialog, 'keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.closeByUser();
    });
    this.dialog = dialog;
    if (this.asSheet) this.showSheet(dialog, close, content);
    else this.showPopup(dialog, close, content, at, options.className, options.fit ?? true);
    const host = this.options.printHost;
    if (host && options.print) {
      const copyInto = (): void => {
        const copy = content.cloneNode(true) as HTMLElement;
        for (const node of copy.querySelectorAll('[id]')) node.removeAttribute('id');
        host.replaceChildren(copy);
      };
      copyInto();
      // Copied again when printing: parts loaded after opening (a track's figures) print too.
      window.addEventListener('beforeprint', copyInto);
      this.listeners.add(() => window.removeEventListener('beforeprint', copyInto));
    }
    heading?.focus({ preventScroll: true });
    return dialog;
  }

  /** Closes without reporting (the caller knows), leaving focus where it is. */
  close(): void {
    this.teardown();
    this.opener = null;
  }

  private closeByUser(): void {
    const opener = this.opener;
    const hadFocus = this.dialog?.contains(document.activeElement) ?? false;
    this.close();
    this.options.onClose?.();
    if (hadFocus) returnFocus(opener, this.map.getCanvas());
  }

  private teardown(): void {
    this.listeners.dispose();
    const popup = this.popup;
    this.popup = undefined;
    popup?.remove();
    this.sheet?.remove();
    this.sheet = undefined;
    this.dialog = undefined;
    this.options.printHost?.replaceChildren();
    markCoveredButtons(this.map.getContainer());
  }

  private showPopup(dialog: HTMLElement, close: HTMLButtonElement, content: HTMLElement, at: readonly [number, number], className: string | undefined, fit: boolean): void {
    const head = el('div', 'details-head');
    head.append(close);
    dialog.append(head, content);
    const popup = new Popup({ maxWidth: '380px', focusAfterOpen: false, closeButton: false, className })
      .setLngLat([at[0], at[1]])
      .setDOMContent(dialog);
    popup.on('close', () => {
      if (this.popup !== popup) return;
      // Closed by a click on the map.
      this.popup = undefined;
      this.close();
      this.options.onClose?.();
    });
    this.popup = popup;
    popup.addTo(this.map);
    const settle = (): void => {
      if (this.popup !== popup) return;
      if (fit) this.keepInView(popup);
      markCoveredButtons(this.map.getContainer());
    };
    if (this.map.isMoving()) this.map.once('moveend', settle);
    else requestAnimationFrame(settle);
  }

  /** Pans the map so the whole popup lies inside it, with a margin, and clear of the open panels on its left where there is room. */
  private keepInView(popup: Popup): void {
    const box = popup.getElement().getBoundingClientRect();
    const frame = this.map.getContainer().getBoundingClientRect();
    const m = this.options.margin ?? 12;
    const shift = (lo: number, hi: number, min: number, max: number): number =>
      hi - lo > max - min ? lo - min : lo < min ? lo - min : hi > max ? hi - max : 0;
    let left = frame.left + m;
    for (const panel of this.map.getContainer().querySelectorAll('.maplibregl-ctrl-top-left > .maplibregl-ctrl')) {
      const p = panel.getBoundingClientRect();
      const beside = p.bottom > box.top && p.top < box.bottom && p.width > 0;
      if (beside && p.right + m + box.width <= frame.right - m) left = Math.max(left, p.right + m);
    }
    const dx = shift(box.left, box.right, left, frame.right - m);
    const dy = shift(box.top, box.bottom, frame.top + m, frame.bottom - m);
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
    this.map.panBy([dx, dy], { duration: prefersReducedMotion() ? 0 : 300 });
  }

  private showSheet(dialog: HTMLElement, close: HTMLButtonElement, content: HTMLElement): void {
    const grip = el('button', 'sheet-grip');
    grip.type = 'button';
    const head = el('div', 'details-head');
    head.append(grip, close);
    const body = el('div', 'sheet-body');
    body.append(content);
    dialog.classList.add('incident-sheet');
    dialog.append(head, body);
    foldPanelSheet();
    this.sheet = dialog;
    const apply = (size: SheetSize): void => {
      this.size = size;
      dialog.dataset.size = size;
      dialog.style.removeProperty('height');
      labelGrip(grip, size, 'Details');
    };
    apply(this.size);
    wireSheetGrip(grip, { sheet: dialog, size: () => this.size, apply, heightFor: (size) => this.sheetHeightFor(size) }, this.listeners);
    this.map.getContainer().append(dialog);
    markCoveredButtons(this.map.getContainer());
  }
}

/** Focuses `opener` again, opening a collapsed panel that holds it, else the map. */
function returnFocus(opener: HTMLElement | null, fallback: HTMLElement): void {
  if (opener?.isConnected) {
    const folded = opener.closest('details');
    if (folded && !folded.open) folded.open = true;
    opener.focus();
    if (document.activeElement === opener) return;
  }
  const id = opener?.dataset.incidentId;
  const same = id ? document.querySelector<HTMLElement>(`.incident-marker[data-incident-id="${CSS.escape(id)}"]`) : null;
  (same ?? fallback).focus();
}
