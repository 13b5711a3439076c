import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { el } from './dom';
import { Subscriptions } from './subscriptions';

export interface ToolsMenuOptions {
  /** The button's text; default "Tools". */
  label?: string;
  /** Class set on the map's container while the menu is open; default 'tools-open'. */
  openClass?: string;
}

/**
 * One button that shows and hides the other top-right controls (zoom, full screen, measuring, data).
 * app.css shows it, and hides the controls behind it, only on phones; elsewhere it is not rendered.
 */
export class ToolsMenuControl implements IControl {
  private readonly options: ToolsMenuOptions;
  private map: MapLibreMap | undefined;
  private container: HTMLElement | undefined;
  private button: HTMLButtonElement | undefined;
  private listeners = new Subscriptions();

  constructor(options: ToolsMenuOptions = {}) {
    this.options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    this.listeners = new Subscriptions();
    const root = el('div', 'maplibregl-ctrl maplibregl-ctrl-group tools-toggle');
    const button = el('button', 'tools-button', this.options.label ?? 'Tools');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', 'Map tools: zoom, full screen, measure, import and export');
    this.listeners.listen(button, 'click', () => this.setOpen(button.getAttribute('aria-expanded') !== 'true'));
    this.listeners.listen(root.ownerDocument, 'keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && this.isOpen && map.getContainer().querySelector('.maplibregl-ctrl-top-right')?.contains(document.activeElement)) {
        e.preventDefault();
        this.setOpen(false);
        button.focus();
      }
    });
    root.append(button);
    this.button = button;
    this.container = root;
    return root;
  }

  onRemove(): void {
    this.listeners.dispose();
    this.setOpen(false);
    this.container?.remove();
    this.map = undefined;
  }

  get isOpen(): boolean {
    return this.button?.getAttribute('aria-expanded') === 'true';
  }

  setOpen(open: boolean): void {
    this.button?.setAttribute('aria-expanded', String(open));
    this.map?.getContainer().classList.toggle(this.options.openClass ?? 'tools-open', open);
  }
}
