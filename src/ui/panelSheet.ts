import { el } from './dom';
import { labelGrip, sheetHeight, wireSheetGrip, type SheetSize } from './sheetGrip';
import { Subscriptions } from './subscriptions';

export interface PanelSheetOptions {
  /** Names the panel in the grip's label ("Incident list"). */
  what: string;
  /** The map's container: the sheet sits on its bottom edge and sizes by its height. */
  frame: () => HTMLElement;
  /** Viewports at most this wide show the open panel as a bottom sheet; default 640 (px). */
  maxWidth?: number;
  /** Size the sheet opens at; default 'half'. */
  size?: SheetSize;
}

/** The panel shown as a sheet now, if any: one at a time. */
let shown: PanelSheet | undefined;

/** Folds the panel shown as a sheet, if any: an incident's details sheet takes the place. */
export function foldPanelSheet(): void {
  if (shown) shown.fold();
}

/**
 * On phones, an open side panel (the incident list, the legend) becomes a bottom sheet over the
 * map, peek, half or full height by its grip (press, ↑/↓ or drag), and folds another panel's sheet;
 * folded, or on wider screens, it is the panel it was.
 */
export class PanelSheet {
  private readonly listeners = new Subscriptions();
  private readonly grip: HTMLButtonElement;
  private size: SheetSize;
  private readonly query: MediaQueryList;

  constructor(private readonly panel: HTMLElement, private readonly details: HTMLDetailsElement, private readonly options: PanelSheetOptions) {
    this.size = options.size ?? 'half';
    this.query = window.matchMedia(`(max-width: ${options.maxWidth ?? 640}px)`);
    this.grip = el('button', 'sheet-grip panel-grip');
    this.grip.type = 'button';
    this.grip.hidden = true;
    panel.prepend(this.grip);
    wireSheetGrip(this.grip, { sheet: panel, size: () => this.size, apply: (size) => this.apply(size), heightFor: (size) => this.heightFor(size) }, this.listeners);
    this.listeners.listen(details, 'toggle', () => this.update());
    this.listeners.listen(window, 'resize', () => this.update());
    this.update();
  }

  /** True while the panel shows as a bottom sheet. */
  get isSheet(): boolean {
    return this.panel.classList.contains('panel-sheet');
  }

  /** Folds the panel (its details close, and so does the sheet). */
  fold(): void {
    this.details.open = false;
    this.leave();
  }

  dispose(): void {
    this.listeners.dispose();
    this.leave();
    this.grip.remove();
  }

  private update(): void {
    if (this.details.open && this.query.matches) this.enter();
    else this.leave();
  }

  private enter(): void {
    if (shown && shown !== this) shown.fold();
    shown = this;
    this.panel.classList.add('panel-sheet');
    this.grip.hidden = false;
    this.apply(this.size);
  }

  private leave(): void {
    if (shown === this) shown = undefined;
    this.panel.classList.remove('panel-sheet');
    this.grip.hidden = true;
    for (const p of ['height', 'bottom']) this.panel.style.removeProperty(p);
    delete this.panel.dataset.size;
  }

  private apply(size: SheetSize): void {
    this.size = size;
    if (!this.isSheet) return;
    const frame = this.options.frame().getBoundingClientRect();
    this.panel.dataset.size = size;
    this.panel.style.bottom = `${Math.max(0, window.innerHeight - frame.bottom)}px`;
    this.panel.style.height = `${this.heightFor(size)}px`;
    labelGrip(this.grip, size, this.options.what);
  }

  private heightFor(size: SheetSize): number {
    return sheetHeight(size, this.options.frame().clientHeight);
  }
}
