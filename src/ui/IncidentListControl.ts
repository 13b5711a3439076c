import type { IControl } from 'maplibre-gl';
import type { Incident } from '../incidents';
import { formatIncidentDate } from '../incidents';
import { categoryColor } from './categoryColors';
import { el } from './dom';

export interface IncidentListOptions {
  /** Called with the id of the incident the user chose. */
  onSelect: (id: string) => void;
  /** Heading of the panel; default "Incidents". */
  title?: string;
}

/** Side panel listing incidents by date; each entry is a button that opens its incident. */
export class IncidentListControl implements IControl {
  private readonly incidents: readonly Incident[];
  private readonly options: IncidentListOptions;
  private container: HTMLElement | undefined;
  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-incident-id]') : null;
    if (target?.dataset.incidentId) this.options.onSelect(target.dataset.incidentId);
  };

  constructor(incidents: readonly Incident[], options: IncidentListOptions) {
    this.incidents = [...incidents].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    this.options = options;
  }

  onAdd(): HTMLElement {
    this.container = renderIncidentList(this.incidents, this.options.title ?? 'Incidents');
    this.container.classList.add('maplibregl-ctrl');
    this.container.addEventListener('click', this.onClick);
    return this.container;
  }

  onRemove(): void {
    this.container?.removeEventListener('click', this.onClick);
    this.container?.remove();
    this.container = undefined;
  }

  /** Marks the chosen entry, so the list shows what the map shows. */
  setCurrent(id: string | null): void {
    for (const button of this.container?.querySelectorAll<HTMLElement>('button[data-incident-id]') ?? []) {
      if (button.dataset.incidentId === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }
}

/** The list itself, also shown on its own when the map cannot run. */
export function renderIncidentList(incidents: readonly Incident[], title: string): HTMLElement {
  const panel = el('nav', 'incident-list');
  panel.setAttribute('aria-label', title);
  const details = el('details');
  details.open = !window.matchMedia('(max-width: 640px)').matches;
  details.append(el('summary', undefined, `${title} (${incidents.length})`));
  const list = el('ol');
  for (const incident of incidents) {
    const li = el('li');
    const button = el('button', 'incident-list-item');
    button.type = 'button';
    button.dataset.incidentId = incident.id;
    const dot = el('span', 'category-dot');
    dot.style.setProperty('--category-color', categoryColor(incident.category));
    dot.setAttribute('aria-hidden', 'true');
    button.append(dot, el('span', 'incident-list-date', formatIncidentDate(incident)));
    button.append(el('span', 'incident-list-title', incident.title));
    li.append(button);
    list.append(li);
  }
  details.append(list);
  panel.append(details);
  return panel;
}
