import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES, categoryLabel } from '../incidents';
import { COLORS, categoryColor } from '../map/palette';
import { el } from './dom';
import { PanelSheet } from './panelSheet';
import { panelsOpenByDefault } from '../map/firstView';

export interface LegendOptions {
  /** Categories to list; default all. */
  categories?: readonly string[];
  /** Called when the user toggles categories, with the ones now shown; default: no toggles. */
  onCategories?: (shown: string[]) => void;
  /** Called when the user sets "within N km of the border" (undefined: no limit); default: no filter. */
  onWithin?: (km: number | undefined) => void;
  /** Label of the highlighted stretch; default "Zangilan–Bilasuvar stretch". */
  stretchLabel?: string;
  /** Called when the user asks to rename or merge an imported category; default: no such button. */
  onRename?: (category: string) => void;
}

type Swatch = 'land-border' | 'river-border' | 'stretch' | 'boundary' | 'crossing' | 'ringed';

function swatch(kind: Swatch): HTMLElement {
  const s = el('span', `legend-swatch legend-${kind}`);
  s.setAttribute('aria-hidden', 'true');
  s.style.setProperty('--border', COLORS.border);
  s.style.setProperty('--river', COLORS.river);
  s.style.setProperty('--stretch', COLORS.stretch);
  s.style.setProperty('--boundary', COLORS.boundary);
  s.style.setProperty('--crossing', COLORS.crossing);
  s.style.setProperty('--imported', COLORS.importedRing);
  return s;
}

/** What the lines and marker colours mean. */
export class LegendControl implements IControl {
  private readonly options: LegendOptions;
  private container: HTMLElement | undefined;
  /** On phones, the open panel as a bottom sheet. */
  private sheet: PanelSheet | undefined;
  private readonly boxes = new Map<string, HTMLInputElement>();
  private importedList: HTMLUListElement | undefined;
  private imported: readonly string[] = [];
  private within: HTMLInputElement | undefined;
  private filters: { categories?: readonly string[]; withinKm?: number } = {};

  constructor(options: LegendOptions = {}) {
    this.options = options;
  }

  onAdd(map?: MapLibreMap): HTMLElement {
    const root = el('section', 'maplibregl-ctrl legend');
    root.setAttribute('aria-label', 'Legend');
    const details = el('details');
    details.open = panelsOpenByDefault(window.innerWidth);
    details.append(el('summary', undefined, 'Legend'));
    const lines = el('ul', 'legend-list');
    const entries: [Swatch, string][] = [
      ['land-border', 'Azerbaijan–Iran border (land)'],
      ['river-border', 'Border along a river (Aras and others)'],
      ['stretch', this.options.stretchLabel ?? 'Zangilan–Bilasuvar stretch'],
      ['boundary', 'Other country boundaries'],
      ['crossing', 'Open border crossing (at the border point nearest its town)'],
    ];
    for (const [kind, label] of entries) {
      const li = el('li');
      li.append(swatch(kind), el('span', undefined, label));
      lines.append(li);
    }
    details.append(lines);
    details.append(el('p', 'legend-note',
      'Along rivers the line drawn is the legal boundary; the river’s channel may differ (at Aghband, Azerbaijan said in 2023 that the Aras had been returned to its former course). ' +
      'Lengths are as drawn from OpenStreetMap data.'));
    details.append(el('h3', undefined, 'Incidents'));
    const cats = el('ul', 'legend-list');
    for (const category of this.options.categories ?? CATEGORIES) cats.append(this.entry(category));
    const ring = el('li');
    ring.append(swatch('ringed'), el('span', undefined, 'Imported by you (ringed marker)'));
    cats.append(ring);
    details.append(cats);
    this.importedList = el('ul', 'legend-list legend-imported');
    this.importedList.addEventListener('click', this.onImportedClick);
    details.append(this.importedList);
    this.setImportedCategories(this.imported);
    if (this.options.onWithin) {
      const label = el('label', 'legend-within');
      label.append(el('span', undefined, 'Within'));
      const input = el('input');
      input.type = 'number';
      input.min = '0';
      input.step = '1';
      input.inputMode = 'decimal';
      input.placeholder = 'any';
      input.setAttribute('aria-label', 'Only incidents within this many km of the border');
      input.addEventListener('change', this.onWithinChange);
      label.append(input, el('span', undefined, 'km of the border'));
      this.within = input;
      details.append(label);
    }
    root.append(details);
    if (map) this.sheet = new PanelSheet(root, details, { what: 'Legend', frame: () => map.getContainer() });
    this.container = root;
    this.setFilters(this.filters.categories, this.filters.withinKm);
    return root;
  }

  onRemove(): void {
    this.importedList?.removeEventListener('click', this.onImportedClick);
    for (const box of this.boxes.values()) box.removeEventListener('change', this.onToggle);
    this.within?.removeEventListener('change', this.onWithinChange);
    this.boxes.clear();
    this.sheet?.dispose();
    this.sheet = undefined;
    this.container?.remove();
    this.container = undefined;
  }

  /** Shows a state restored from a link, without reporting it back (kept until the legend is added). */
  setFilters(categories: readonly string[] | undefined, withinKm: number | undefined): void {
    this.filters = { categories, withinKm };
    for (const [category, box] of this.boxes) box.checked = !categories || categories.includes(category);
    if (this.within) this.within.value = withinKm === undefined ? '' : String(withinKm);
  }

  /** Lists the categories imported files brought (their own words), after ours; each can be toggled like ours. */
  setImportedCategories(categories: readonly string[]): void {
    this.imported = categories.filter((c) => !(CATEGORIES as readonly string[]).includes(c));
    const list = this.importedList;
    if (!list) return;
    for (const item of list.querySelectorAll('input')) this.boxes.delete(item.value);
    list.replaceChildren(...this.imported.map((c) => {
      const li = this.entry(c);
      if (this.options.onRename) {
        const rename = el('button', 'legend-rename', 'Rename…');
        rename.type = 'button';
        rename.dataset.category = c;
        rename.setAttribute('aria-label', `Rename or merge the category ${categoryLabel(c)}`);
        li.append(rename);
      }
      return li;
    }));
    const shown = this.filters.categories;
    for (const c of this.imported) {
      const box = this.boxes.get(c);
      if (box) box.checked = !shown || shown.includes(c);
    }
  }

  /** One legend line: the category's colour and label, with a checkbox when the legend filters. */
  private entry(category: string): HTMLLIElement {
    const li = el('li');
    li.dataset.category = category;
    const dot = el('span', 'category-dot');
    dot.style.setProperty('--category-color', categoryColor(category));
    dot.setAttribute('aria-hidden', 'true');
    const text = el('span', undefined, categoryLabel(category));
    if (this.options.onCategories) {
      const label = el('label', 'legend-toggle');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.name = 'category';
      box.value = category;
      box.addEventListener('change', this.onToggle);
      this.boxes.set(category, box);
      label.append(box, dot, text);
      li.append(label);
    } else {
      li.append(dot, text);
    }
    return li;
  }

  private readonly onImportedClick = (event: MouseEvent): void => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button.legend-rename') : null;
    const category = button?.dataset.category;
    if (category !== undefined) this.options.onRename?.(category);
  };

  /** Moves focus to a category's checkbox (after it was renamed, its entry is new). */
  focusCategory(category: string): void {
    this.boxes.get(category)?.focus();
  }

  private readonly onToggle = (): void => {
    this.options.onCategories?.([...this.boxes].filter(([, box]) => box.checked).map(([category]) => category));
  };

  private readonly onWithinChange = (): void => {
    const text = this.within?.value.trim() ?? '';
    const km = Number(text);
    this.options.onWithin?.(text === '' || !Number.isFinite(km) || km < 0 ? undefined : km);
  };
}
