import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  IncidentCatalog, dayNumber, dayToIso, importIncidents, resolveIdCollisions, toCsv, toGeoJSON,
  type Category, type Incident, type IncidentFilter,
} from '../incidents';
import type { ImportedStore } from '../store';
import { downloadText } from './dom';
import { IncidentLayer } from './IncidentLayer';
import { IncidentListControl } from './IncidentListControl';
import { ImportControl, type ExportFormat } from './ImportControl';
import type { LegendControl } from './LegendControl';
import type { Notices } from './notices';
import { Timeline } from './Timeline';
import { parseViewState, viewStateToSearch, type ViewState } from './viewState';

export interface ExplorerOptions {
  map: MapLibreMap;
  notices: Notices;
  /** The committed incidents. */
  incidents: readonly Incident[];
  /** Where imported incidents persist; null keeps them for this page only. */
  store: ImportedStore | null;
  /** Element the timeline fills. */
  timeline: HTMLElement;
  legend: LegendControl;
  /** Popup figures for an incident (distance to the border...); default none. */
  details?: (incident: Incident) => Node | undefined;
  /** Distance of a point to the border, for the "within N km" filter; default unknown. */
  distanceKm?: (incident: Incident) => number;
}

/**
 * Owns what is shown: committed plus imported incidents, filtered by time, category and distance,
 * kept in step with the map, the list, the timeline and the URL (so links, reload and back/forward
 * restore the view).
 */
export class IncidentExplorer {
  private readonly options: ExplorerOptions;
  private readonly layer: IncidentLayer;
  private readonly list: IncidentListControl;
  private readonly importer: ImportControl;
  private readonly timeline: Timeline;
  private imported: Incident[] = [];
  private catalog: IncidentCatalog;
  private filter: IncidentFilter = {};
  private shown: Incident[] = [];
  private restoring = false;
  private marksFor: { catalog?: IncidentCatalog; categories?: ReadonlySet<Category>; withinKm?: number } = {};

  constructor(options: ExplorerOptions) {
    this.options = options;
    this.catalog = new IncidentCatalog(options.incidents, options.distanceKm);
    this.layer = new IncidentLayer({
      details: options.details,
      onChange: (id) => {
        this.list.setCurrent(id);
        if (!this.restoring) this.writeUrl(true);
      },
    });
    this.list = new IncidentListControl({
      onSelect: (id) => this.layer.open(id),
      onRemove: (id) => void this.removeImported(id),
    });
    this.importer = new ImportControl({
      onFiles: (files) => void this.importFiles(files),
      onExport: (format) => this.exportShown(format),
      onClearImported: () => void this.clearImported(),
    });
    this.timeline = new Timeline(options.timeline, {
      onChange: (range, final) => {
        this.filter = { ...this.filter, from: range.from, to: range.to };
        this.apply();
        if (final) this.writeUrl(!this.timeline.playing);
      },
    });
  }

  /** Adds the layer and controls, loads imported incidents, and applies the view in the URL. */
  async start(): Promise<void> {
    const { map } = this.options;
    map.addControl(this.list, 'top-left');
    map.addControl(this.importer, 'top-right');
    this.layer.addTo(map);
    window.addEventListener('popstate', this.onPopState);
    if (this.options.store) {
      try {
        this.imported = await this.options.store.all();
      } catch (err) {
        this.options.notices.show('Imported incidents could not be read from this browser', [String(err)], 'error');
      }
    }
    this.rebuild();
    this.restore(window.location.search, true);
  }

  setCategories(categories: Category[]): void {
    this.filter = { ...this.filter, categories: new Set(categories) };
    this.apply();
    this.writeUrl(true);
  }

  setWithin(km: number | undefined): void {
    this.filter = { ...this.filter, withinKm: km };
    this.apply();
    this.writeUrl(true);
  }

  private all(): Incident[] {
    return [...this.options.incidents, ...this.imported];
  }

  /** Recomputes the catalog after the set of incidents changed. */
  private rebuild(): void {
    const all = this.all();
    const [oldMin, oldMax] = this.catalog.domain;
    const { from: oldFrom, to: oldTo } = this.filter;
    // A range that covered everything keeps covering everything when new dates arrive.
    if (oldFrom === undefined || oldFrom <= oldMin) delete this.filter.from;
    if (oldTo === undefined || oldTo >= oldMax) delete this.filter.to;
    this.catalog = new IncidentCatalog(all, this.options.distanceKm);
    this.layer.setKnown(all);
    this.importer.setImportedCount(this.imported.length);
    const [min, max] = this.catalog.domain;
    this.timeline.setDomain(min, max);
    const from = this.filter.from === undefined ? min : Math.max(min, this.filter.from);
    const to = this.filter.to === undefined ? max : Math.min(max, this.filter.to);
    this.timeline.setRange(from, Math.max(from, to));
    this.apply();
  }

  /** Shows what the filter lets through, everywhere at once. */
  private apply(): void {
    this.shown = this.catalog.filter(this.filter);
    this.layer.setShown(this.shown);
    this.list.setIncidents(this.shown, this.catalog.incidents.length);
    this.timeline.setCount(this.shown.length, this.catalog.incidents.length);
    // The marks ignore the time range, so a drag along the timeline does not redraw them.
    const { categories, withinKm } = this.filter;
    if (this.marksFor.catalog !== this.catalog || this.marksFor.categories !== categories || this.marksFor.withinKm !== withinKm) {
      this.marksFor = { catalog: this.catalog, categories, withinKm };
      const marks = this.catalog.indices(this.filter, { ignoreTime: true });
      this.timeline.setMarks({ start: marks.map((i) => this.catalog.start[i]), end: marks.map((i) => this.catalog.end[i]) });
    }
  }

  private viewState(): ViewState {
    const [min, max] = this.catalog.domain;
    const { from, to, categories, withinKm } = this.filter;
    return {
      from: from !== undefined && from > min ? dayToIso(from) : undefined,
      to: to !== undefined && to < max ? dayToIso(to) : undefined,
      categories: categories ? [...categories] : undefined,
      within: withinKm,
      incident: this.layer.current ?? undefined,
    };
  }

  /** Puts the view in the URL: a new history entry for a deliberate change, else in place. */
  private writeUrl(push: boolean): void {
    const search = viewStateToSearch(this.viewState(), window.location.search);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }

  private readonly onPopState = (): void => this.restore(window.location.search, false);

  /** Applies the view a URL describes; on first load, says what it had to ignore. */
  private restore(search: string, first: boolean): void {
    const { state, problems } = parseViewState(search);
    if (first && problems.length > 0) this.options.notices.show('Some values in the link were ignored', problems, 'info');
    const [min, max] = this.catalog.domain;
    const from = state.from ? Math.max(min, dayNumber(state.from)) : min;
    const to = state.to ? Math.min(max, dayNumber(state.to)) : max;
    this.filter = {
      from, to,
      categories: state.categories ? new Set(state.categories) : undefined,
      withinKm: state.within,
    };
    this.options.legend.setFilters(state.categories, state.within);
    this.timeline.setRange(from, Math.max(from, to));
    this.apply();
    this.restoring = true;
    try {
      if (state.incident && this.layer.has(state.incident)) {
        if (this.layer.current !== state.incident) this.openWhenReady(state.incident);
      } else {
        if (state.incident && first) this.options.notices.show(`No incident with id '${state.incident}'`, ['The link names an incident this map does not have.'], 'info');
        this.layer.close();
        this.list.setCurrent(null);
      }
    } finally {
      this.restoring = false;
    }
  }

  private openWhenReady(id: string): void {
    const { map } = this.options;
    const open = (): void => {
      this.restoring = true;
      this.layer.open(id);
      this.restoring = false;
    };
    if (map.loaded()) open();
    else map.once('load', open);
  }

  private async importFiles(files: readonly File[]): Promise<void> {
    for (const file of files) await this.importFile(file);
  }

  private async importFile(file: File): Promise<void> {
    const { notices } = this.options;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      notices.show(`${file.name} could not be read`, [String(err)], 'error');
      return;
    }
    const result = importIncidents(text, file.name);
    if (result.incidents.length === 0) {
      notices.show(`${file.name}: nothing imported`, result.errors.map((e) => e.message), 'error');
      return;
    }
    const existing = new Set(this.all().map((i) => i.id));
    const { incidents, renamed } = resolveIdCollisions(result.incidents, existing);
    const marked = incidents.map((i) => ({ ...i, imported: true }));
    try {
      await this.options.store?.addAll(marked);
    } catch (err) {
      notices.show(`${file.name}: nothing imported, the browser could not store it`, [String(err)], 'error');
      return;
    }
    this.imported = [...this.imported, ...marked];
    this.rebuild();
    const shown = new Set(this.shown);
    const hidden = marked.filter((i) => !shown.has(i)).length;
    if (hidden > 0) this.options.notices.show(`${hidden} of the imported incidents are outside the current filters`, ['Widen the time range or tick their categories to see them.'], 'info');
    const lines = [...result.errors.map((e) => e.message), ...renamed.map((r) => `id '${r.from}' is taken: imported as '${r.to}'`)];
    const skipped = result.errors.length > 0 ? `, ${new Set(result.errors.map((e) => e.index)).size} skipped` : '';
    notices.show(`${file.name}: ${marked.length} incident${marked.length === 1 ? '' : 's'} imported${skipped}`, lines, result.errors.length > 0 ? 'warning' : 'info');
  }

  private async removeImported(id: string): Promise<void> {
    try {
      await this.options.store?.remove(id);
    } catch (err) {
      this.options.notices.show('Could not remove the incident from this browser', [String(err)], 'error');
      return;
    }
    if (this.layer.current === id) this.layer.close();
    this.imported = this.imported.filter((i) => i.id !== id);
    this.rebuild();
  }

  private async clearImported(): Promise<void> {
    try {
      await this.options.store?.clear();
    } catch (err) {
      this.options.notices.show('Could not remove the imported incidents from this browser', [String(err)], 'error');
      return;
    }
    if (this.imported.some((i) => i.id === this.layer.current)) this.layer.close();
    this.imported = [];
    this.rebuild();
  }

  private exportShown(format: ExportFormat): void {
    if (format === 'csv') downloadText(toCsv(this.shown), 'incidents.csv', 'text/csv');
    else downloadText(toGeoJSON(this.shown), 'incidents.geojson', 'application/geo+json');
  }
}
