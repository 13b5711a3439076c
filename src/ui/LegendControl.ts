import type { IControl } from 'maplibre-gl';
import type { Category } from '../incidents';
import { CATEGORIES, CATEGORY_LABELS } from '../incidents';
import { COLORS } from '../map/style';
import { categoryColor } from './categoryColors';
import { el } from './dom';

export interface LegendOptions {
  /** Categories to list; default all. */
  categories?: readonly Category[];
  /** Label of the highlighted stretch; default "Zangilan–Bilasuvar stretch". */
  stretchLabel?: string;
}

type Swatch = 'land-border' | 'river-border' | 'stretch' | 'boundary';

function swatch(kind: Swatch): HTMLElement {
  const s = el('span', `legend-swatch legend-${kind}`);
  s.setAttribute('aria-hidden', 'true');
  s.style.setProperty('--border', COLORS.border);
  s.style.setProperty('--river', COLORS.river);
  s.style.setProperty('--stretch', COLORS.stretch);
  s.style.setProperty('--boundary', COLORS.boundary);
  return s;
}

/** What the lines and marker colours mean. */
export class LegendControl implements IControl {
  private readonly options: LegendOptions;
  private container: HTMLElement | undefined;

  constructor(options: LegendOptions = {}) {
    this.options = options;
  }

  onAdd(): HTMLElement {
    const root = el('section', 'maplibregl-ctrl legend');
    root.setAttribute('aria-label', 'Legend');
    const details = el('details');
    details.open = !window.matchMedia('(max-width: 640px)').matches;
    details.append(el('summary', undefined, 'Legend'));
    const lines = el('ul', 'legend-list');
    const entries: [Swatch, string][] = [
      ['land-border', 'Azerbaijan–Iran border (land)'],
      ['river-border', 'Border along a river (Aras and others)'],
      ['stretch', this.options.stretchLabel ?? 'Zangilan–Bilasuvar stretch'],
      ['boundary', 'Other country boundaries'],
    ];
    for (const [kind, label] of entries) {
      const li = el('li');
      li.append(swatch(kind), el('span', undefined, label));
      lines.append(li);
    }
    details.append(lines);
    details.append(el('h3', undefined, 'Incidents'));
    const cats = el('ul', 'legend-list');
    for (const category of this.options.categories ?? CATEGORIES) {
      const li = el('li');
      li.dataset.category = category;
      const dot = el('span', 'category-dot');
      dot.style.setProperty('--category-color', categoryColor(category));
      dot.setAttribute('aria-hidden', 'true');
      li.append(dot, el('span', undefined, CATEGORY_LABELS[category]));
      cats.append(li);
    }
    details.append(cats);
    root.append(details);
    this.container = root;
    return root;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = undefined;
  }
}
