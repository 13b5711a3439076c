import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { ActorCount, Incident } from '../incidents';
import { Selection, compareByDate, formatIncidentDate } from '../incidents';
import { runNow } from '../incidents/steps';
import { sortInSteps } from '../incidents/sortInSteps';
import { categoryColor } from '../map/palette';
import { el } from './dom';
import { PanelSheet } from './panelSheet';
import { panelsOpenByDefault } from '../map/firstView';

export interface IncidentListOptions {
  /** Called with the id of the incident the user chose and the entry chosen (where focus returns). */
  onSelect: (id: string, entry: HTMLElement) => void;
  /** Called to remove an imported incident; default: imported incidents cannot be removed here. */
  onRemove?: (id: string) => void;
  /** Heading of the panel; default "Incidents". */
  title?: string;
  /** Most entries rendered at once (the rest are counted, not listed); default 500. */
  limit?: number;
  /** Called with the search box's text as it is typed; default: no search box. */
  onSearch?: (text: string) => void;
  /** Called with the actor chosen (undefined: every actor); default: no actor menu. */
  onActor?: (actor: string | undefined) => void;
  /** Called with the order chosen; default: no order menu (by date). */
  onSort?: (sort: ListOrder) => void;
}

/** By date, or nearest the border first. */
export type ListOrder = 'date' | 'distance';

/** Most actors offered in the menu (the most often named); a link may name any. */
const ACTOR_MENU_MAX = 200;

/** Side panel listing the shown incidents by date; each entry is a button that opens its incident. */
export class IncidentListControl implements IControl {
  private readonly options: IncidentListOptions;
  /** The first `limit` shown incidents, in list order. */
  private listed: readonly Incident[] = [];
  /** How many incidents are shown (listed or not). */
  private shownCount = 0;
  private total = 0;
  /**
   * The incidents last sorted in full, and their indices in list order: a selection of them (every
   * frame of a timeline drag) picks its first `limit` entries by walking the order, not sorting again.
   */
  private sorted: readonly Incident[] = [];
  private order = new Int32Array(0);
  /** The entries last rendered, by incident: a list that keeps most of its entries keeps their elements. */
  private items = new Map<Incident, HTMLLIElement>();
  /** Counts sorts begun: a stepwise sort overtaken by a later one (the order changed meanwhile) is dropped. */
  private sorts = 0;
  private currentId: string | null = null;
  private container: HTMLElement | undefined;
  /** On phones, the open panel as a bottom sheet. */
  private sheet: PanelSheet | undefined;
  private summary: HTMLElement | undefined;
  private list: HTMLOListElement | undefined;
  private more: HTMLElement | undefined;
  private search: HTMLInputElement | undefined;
  private searchText = '';
  private actorMenu: HTMLSelectElement | undefined;
  private sortMenu: HTMLSelectElement | undefined;
  private actors: readonly ActorCount[] = [];
  private actor: string | undefined;
  private sort: ListOrder = 'date';
  /** Each incident's distance to the border (by index) when sorting nearest first. */
  private distances: ArrayLike<number> | undefined;
  private readonly onActorChange = (): void => {
    this.actor = this.actorMenu?.value || undefined;
    this.options.onActor?.(this.actor);
  };
  private readonly onSortChange = (): void => {
    this.sort = this.sortMenu?.value === 'distance' ? 'distance' : 'date';
    this.options.onSort?.(this.sort);
  };
  private readonly onSearchInput = (): void => {
    this.searchText = this.search?.value ?? '';
    this.options.onSearch?.(this.searchText);
  };
  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-incident-id]') : null;
    const id = target?.dataset.incidentId;
    if (!id) return;
    if (target.classList.contains('incident-remove')) this.options.onRemove?.(id);
    else this.options.onSelect(id, target);
  };

  constructor(options: IncidentListOptions) {
    this.options = options;
  }

  onAdd(map?: MapLibreMap): HTMLElement {
    const panel = el('nav', 'maplibregl-ctrl incident-list');
    panel.setAttribute('aria-label', this.options.title ?? 'Incidents');
    const details = el('details');
    details.open = panelsOpenByDefault(window.innerWidth);
    this.summary = el('summary');
    this.summary.id = 'incident-list';
    this.list = el('ol');
    this.more = el('p', 'incident-list-more');
    details.append(this.summary);
    if (this.options.onSearch) {
      const label = el('label', 'incident-search');
      label.append(el('span', undefined, 'Find'));
      this.search = el('input');
      this.search.type = 'search';
      this.search.value = this.searchText;
      this.search.placeholder = 'title, place, actor, notes…';
      this.search.setAttribute('aria-description', 'Shows only the incidents that contain every word');
      this.search.addEventListener('input', this.onSearchInput);
      label.append(this.search);
      details.append(label);
    }
    if (this.options.onActor || this.options.onSort) {
      const row = el('div', 'incident-list-menus');
      if (this.options.onActor) {
        this.actorMenu = el('select');
        this.actorMenu.addEventListener('change', this.onActorChange);
        row.append(menu('Actor', this.actorMenu));
        this.renderActors();
      }
      if (this.options.onSort) {
        this.sortMenu = el('select');
        this.sortMenu.append(option('date', 'by date'), option('distance', 'nearest the border'));
        this.sortMenu.value = this.sort;
        this.sortMenu.addEventListener('change', this.onSortChange);
        row.append(menu('Sort', this.sortMenu));
      }
      details.append(row);
    }
    details.append(this.list, this.more);
    // A new list element holds none of the entries rendered before.
    this.items = new Map();
    panel.append(details);
    panel.addEventListener('click', this.onClick);
    if (map) this.sheet = new PanelSheet(panel, details, { what: 'Incident list', frame: () => map.getContainer() });
    this.container = panel;
    this.render();
    return panel;
  }

  onRemove(): void {
    this.search?.removeEventListener('input', this.onSearchInput);
    this.search = undefined;
    this.actorMenu?.removeEventListener('change', this.onActorChange);
    this.actorMenu = undefined;
    this.sortMenu?.removeEventListener('change', this.onSortChange);
    this.sortMenu = undefined;
    this.container?.removeEventListener('click', this.onClick);
    this.sheet?.dispose();
    this.sheet = undefined;
    this.container?.remove();
    this.container = undefined;
  }

  /**
   * Sorts every incident that may be listed, once, so each later selection of them picks its entries
   * by place: by date, or nearest the border first (`distances`, by index), then by date. Pauses now
   * and then (for many incidents: each pause can end a task); run it at once with runNow.
   */
  *orderInSteps(incidents: readonly Incident[], distances?: ArrayLike<number>): Generator<void, void> {
    this.distances = distances;
    yield* this.sortAll(incidents);
  }

  /** The actors the menu offers, most often named first. */
  setActors(actors: readonly ActorCount[]): void {
    this.actors = actors;
    this.renderActors();
  }

  /** Shows an actor and an order restored from a link, without reporting them back. */
  setActorAndSort(actor: string | undefined, sort: ListOrder): void {
    this.actor = actor;
    this.sort = sort;
    this.renderActors();
    if (this.sortMenu) this.sortMenu.value = sort;
  }

  private renderActors(): void {
    const select = this.actorMenu;
    if (!select) return;
    const offered = this.actors.slice(0, ACTOR_MENU_MAX);
    // An actor named by a link but not offered (rare, or spelt differently) still shows as chosen.
    const chosen = this.actor !== undefined && !offered.some((a) => a.name === this.actor) ? [{ name: this.actor, count: 0 }] : [];
    select.replaceChildren(
      option('', 'any'),
      ...[...chosen, ...offered].map((a) => option(a.name, a.count > 0 ? `${a.name} (${a.count})` : a.name)),
    );
    select.value = this.actor ?? '';
  }

  /** Lists `incidents` (already filtered), of `total` known. */
  setIncidents(incidents: readonly Incident[], total = incidents.length): void {
    this.setShown(Selection.all(incidents), total);
  }

  /** Lists the selected incidents, of `total` known. */
  setShown(selection: Selection, total = selection.from.length): void {
    if (selection.from !== this.sorted) runNow(this.sortAll(selection.from));
    this.listed = this.firstInOrder(selection.mask, this.options.limit ?? 500);
    this.shownCount = selection.count;
    this.total = total;
    this.render();
  }

  /** The first `limit` selected incidents in list order (date, then title; ties in the order given). */
  private firstInOrder(mask: Uint8Array, limit: number): Incident[] {
    const { order, sorted } = this;
    const out: Incident[] = [];
    for (let r = 0; r < order.length && out.length < limit; r++) if (mask[order[r]] === 1) out.push(sorted[order[r]]);
    return out;
  }

  private *sortAll(incidents: readonly Incident[]): Generator<void, void> {
    const sort = ++this.sorts;
    const distances = this.distances?.length === incidents.length ? this.distances : undefined;
    const indices = Array.from(incidents, (_, i) => i);
    const order = yield* sortInSteps(indices, (a, b) => (distances ? nearestFirst(distances[a], distances[b]) : 0) || compareByDate(incidents[a], incidents[b]));
    if (sort !== this.sorts) return;
    this.sorted = incidents;
    this.order = Int32Array.from(order);
    // A new order may list the same entries in another sequence.
    this.items = new Map();
  }

  /** Shows a search restored from a link, without reporting it back. */
  setSearch(text: string): void {
    this.searchText = text;
    if (this.search && this.search.value !== text) this.search.value = text;
  }

  /** Folds the list to its heading (it opens again when focus returns to an entry). */
  fold(): void {
    const details = this.container?.querySelector('details');
    if (details) details.open = false;
  }

  /** Marks the chosen entry, so the list shows what the map shows. */
  setCurrent(id: string | null): void {
    this.currentId = id;
    for (const button of this.list?.querySelectorAll<HTMLElement>('button.incident-list-item') ?? []) {
      if (button.dataset.incidentId === id) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  private render(): void {
    if (!this.list || !this.summary || !this.more) return;
    const title = this.options.title ?? 'Incidents';
    const shown = this.shownCount;
    this.summary.textContent = shown === this.total ? `${title} (${shown.toLocaleString('en')})` : `${title} (${shown.toLocaleString('en')} of ${this.total.toLocaleString('en')})`;
    const limit = this.options.limit ?? 500;
    const listed = this.listed.slice(0, limit);
    const same = listed.length === this.items.size && listed.every((i) => this.items.has(i));
    if (!same) {
      const items = new Map(listed.map((i) => [i, this.items.get(i) ?? listItem(i, this.options.onRemove !== undefined)]));
      this.list.replaceChildren(...items.values());
      this.items = items;
    }
    this.more.textContent = shown > limit ? `${(shown - limit).toLocaleString('en')} more not listed: narrow the time range or categories.` : '';
    this.more.hidden = shown <= limit;
    this.setCurrent(this.currentId);
  }
}

/** Smaller first; NaN (no distance known) last. */
function nearestFirst(x: number, y: number): number {
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  return Number.isNaN(y) ? -1 : x - y;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = el('option', undefined, label);
  o.value = value;
  return o;
}

/** A labelled menu: "Actor [▾]". */
function menu(label: string, select: HTMLSelectElement): HTMLLabelElement {
  const wrap = el('label', 'incident-list-menu');
  wrap.append(el('span', undefined, label), select);
  return wrap;
}

function listItem(incident: Incident, removable: boolean): HTMLLIElement {
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
  if (incident.imported) {
    li.classList.add('imported');
    button.append(el('span', 'imported-badge', 'Imported'));
    if (removable) {
      const remove = el('button', 'incident-remove', '×');
      remove.type = 'button';
      remove.dataset.incidentId = incident.id;
      remove.setAttribute('aria-label', `Remove imported incident: ${incident.title}`);
      li.append(remove);
    }
  }
  return li;
}

/** The list on its own, for when the map cannot run. */
export function renderIncidentList(incidents: readonly Incident[], title: string): HTMLElement {
  const control = new IncidentListControl({ onSelect: () => undefined, title });
  const panel = control.onAdd();
  control.setIncidents(incidents);
  return panel;
}
