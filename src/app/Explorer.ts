import type { Map as MapLibreMap } from 'maplibre-gl';
import { shapeDistanceKm, type LonLat } from '../geo';
import {
  CATEGORIES, IncidentCatalog, Selection, categoryLabel, dayNumber, dayToIso, formatDate,
  isKnownCategory, type Incident, type IncidentFilter,
} from '../incidents';
import { runNow } from '../incidents/steps';
import { whenStyleReady } from '../map/whenStyleReady';
import { confirmDialog } from '../ui/confirmDialog';
import { promptDialog } from '../ui/promptDialog';
import { downloadText } from '../ui/dom';
import { buildIncidentMeasures } from '../ui/incidentMeasures';
import { IncidentLayer } from '../ui/IncidentLayer';
import { IncidentListControl, type ListOrder } from '../ui/IncidentListControl';
import { ImportControl, type ExportFormat } from '../ui/ImportControl';
import { LegendControl } from '../ui/LegendControl';
import { LazyTrackView } from '../ui/lazyTrackView';
import { MeasureControl } from '../ui/MeasureControl';
import type { Notices } from '../ui/notices';
import { Timeline } from '../ui/Timeline';
import type { AppView, Camera } from './appView';
import type { ImportedStore } from '../store';
import { ImportedIncidents } from './ImportedIncidents';
import type { BorderData } from './loadData';
import type { HistoryMode, UrlHistory } from './UrlHistory';

/** How long the notice after "Remove imported" offers Undo. */
const UNDO_SECONDS = 15;
/** From this many incidents, a change of the imports is rebuilt in steps that let the page answer between them. */
const STEPWISE_FROM = 20_000;

/** Resolves in a later task: what ran before is painted and input is handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ExplorerOptions {
  map: MapLibreMap;
  notices: Notices;
  url: UrlHistory;
  /** The committed incidents. */
  incidents: readonly Incident[];
  /** Where imported incidents persist; null keeps them for this page only. */
  store: ImportedStore | null;
  /** Element the timeline fills. */
  timeline: HTMLElement;
  /** The border, for measuring and for each incident's distance to it; null when it did not load. */
  border: BorderData | null;
  /** Told which incidents and dates are shown, in words (for the title bar, print and images); default none. */
  onSummary?: (text: string) => void;
  /** Element that holds a copy of the open incident's details for printing; default none. */
  printDetails?: HTMLElement | null;
}

/**
 * The app's state and its one writer to the URL: committed plus imported incidents, filtered by
 * time, category and distance, the open incident, the measurement and the camera, kept in step
 * with the map, the list, the timeline and the browser's history.
 */
export class Explorer {
  private readonly options: ExplorerOptions;
  private readonly layer: IncidentLayer;
  private readonly list: IncidentListControl;
  private readonly importer: ImportControl;
  private readonly timeline: Timeline;
  private readonly legend: LegendControl;
  private readonly measure: MeasureControl | undefined;
  private readonly tracks: LazyTrackView | undefined;
  private readonly distanceKm: ((incident: Incident) => number) | undefined;
  private readonly imported: ImportedIncidents;
  private catalog: IncidentCatalog;
  private filter: IncidentFilter = {};
  private shown = Selection.all([]);
  private measured: [LonLat, LonLat] | undefined;
  /** An incident a link named that opens once the map has loaded: part of the view until then. */
  private pending: string | undefined;
  /** Set while a view from the URL is applied, so applying it does not write it back. */
  private restoring = false;
  private unlisten: (() => void) | undefined;
  /** The imported categories the legend lists already. */
  private seenCategories = new Set<string>();
  private marksFor: { catalog?: IncidentCatalog; categories?: ReadonlySet<string>; withinKm?: number; text?: string; actor?: string } = {};
  /** The list's order. */
  private sort: ListOrder = 'date';
  /** Set while a stepwise rebuild runs (a later rebuild replaces it); `done` settles when it has, or its replacement has. */
  private rebuilding: { done: Promise<void> } | undefined;

  constructor(options: ExplorerOptions) {
    this.options = options;
    const { border } = options;
    // A line or area counts from its nearest part: 0 where it crosses or holds the border.
    this.distanceKm = border ? (incident) => shapeDistanceKm(border.context.index, incident.geometry) : undefined;
    this.catalog = new IncidentCatalog(options.incidents, this.distanceKm);
    this.imported = new ImportedIncidents({
      store: options.store,
      committedIds: new Set(options.incidents.map((i) => i.id)),
      report: (title, lines, kind, actions) => options.notices.show(title, lines, kind, actions),
      onChange: () => this.rebuildInSteps(),
      // The preview, like the readers, is loaded with the first import.
      confirm: async (session) => (await import('../ui/ImportDialog')).openImportDialog(session, { returnFocus: this.importer.importButton }),
      border: border?.lines,
    });
    this.layer = new IncidentLayer({
      printHost: options.printDetails,
      // A line's within-N figure follows the legend's "within" value (5 km when none is set).
      details: border ? (incident) => {
        const withinKm = this.filter.withinKm ?? 5;
        const box = buildIncidentMeasures(incident, border.context, { withinKm });
        const track = this.tracks?.section(incident, withinKm);
        if (track) box.append(track);
        return box;
      } : undefined,
      onChange: (id) => {
        if (id === null) this.tracks?.clear();
        this.list.setCurrent(id);
        this.write('push');
      },
    });
    this.list = new IncidentListControl({
      onSelect: (id, entry) => {
        // On a phone the sheet needs the screen: the list folds, and opens again when the sheet closes.
        if (this.layer.showsSheet) this.list.fold();
        this.layer.open(id, { opener: entry });
      },
      onRemove: (id) => void this.removeImported(id),
      // Typing replaces the address rather than adding an entry per key.
      onSearch: (text) => {
        this.filter = { ...this.filter, text: text.trim() === '' ? undefined : text };
        this.apply();
        this.write('replace');
      },
      onActor: (actor) => this.setFilter({ actor }),
      onSort: (sort) => {
        this.sort = sort;
        runNow(this.orderList());
        this.apply();
        this.write('push');
      },
    });
    this.importer = new ImportControl({
      onFiles: (files) => void this.importFiles(files),
      onExport: (format) => void this.exportShown(format),
      onClearImported: () => void this.clearImported(),
    });
    this.timeline = new Timeline(options.timeline, {
      onChange: (range, final) => {
        this.filter = { ...this.filter, from: range.from, to: range.to };
        this.apply();
        if (final) this.write('replace');
      },
    });
    this.legend = new LegendControl({
      onCategories: (categories) => this.setFilter({ categories: new Set(categories) }),
      onWithin: (km) => this.setFilter({ withinKm: km }),
      onRename: (category) => void this.renameCategory(category),
    });
    this.tracks = border ? new LazyTrackView(options.map, { index: border.context.index }) : undefined;
    this.measure = border
      ? new MeasureControl({
        index: border.context.index,
        sections: border.sections,
        onChange: (points, dragged) => {
          this.measured = points ?? undefined;
          this.write(dragged ? 'replace' : 'push');
        },
      })
      : undefined;
  }

  /** Adds the layer and controls, reads the stored imports, and applies the view in the URL (naming what it had to ignore). */
  async start(): Promise<void> {
    const { map, url } = this.options;
    // Read before anything can write: the map may move while the stored imports are read.
    const { view, problems } = url.read();
    if (this.measure) map.addControl(this.measure, 'top-right');
    map.addControl(this.list, 'top-left');
    map.addControl(this.importer, 'top-right');
    this.layer.addTo(map);
    await this.imported.load();
    await this.rebuildInSteps();
    this.restore(view, problems);
    map.addControl(this.legend, 'top-left');
    map.on('moveend', this.onMoveEnd);
    this.unlisten = url.listen(({ view: next, problems: nextProblems }) => this.restore(next, nextProblems));
  }

  /** Removes what start() added. */
  stop(): void {
    const { map } = this.options;
    map.off('moveend', this.onMoveEnd);
    this.unlisten?.();
    this.imported.dispose();
    this.tracks?.remove();
    this.layer.remove();
    for (const control of [this.measure, this.list, this.importer, this.legend]) if (control) map.removeControl(control);
    this.timeline.destroy();
  }

  private setFilter(change: IncidentFilter): void {
    this.filter = { ...this.filter, ...change };
    this.apply();
    this.write('push');
  }

  private all(): Incident[] {
    return [...this.options.incidents, ...this.imported.all];
  }

  /** The categories imported incidents bring that the committed data does not have, sorted. */
  importedCategories(): string[] {
    return [...new Set(this.imported.all.map((i) => i.category))].filter((c) => !isKnownCategory(c)).sort();
  }

  /** Rebuilds everything from the incidents at once (a start, a small change). */
  private rebuild(): void {
    runNow(this.rebuildSteps());
  }

  /**
   * Rebuilds in steps, each its own task, when the incidents are many (a large import): the page
   * answers between them. Filters changed meanwhile are applied by the last step.
   */
  private rebuildInSteps(): Promise<void> {
    if (this.options.incidents.length + this.imported.all.length < STEPWISE_FROM) {
      this.rebuild();
      return Promise.resolve();
    }
    const rebuilding = { done: Promise.resolve() };
    this.rebuilding = rebuilding;
    rebuilding.done = (async () => {
      try {
        const steps = this.rebuildSteps();
        for (;;) {
          await nextTask();
          // A later rebuild started meanwhile: it does the rest, and this one ends with it.
          if (this.rebuilding !== rebuilding) return await this.rebuilding?.done;
          if (steps.next().done) break;
        }
      } finally {
        if (this.rebuilding === rebuilding) this.rebuilding = undefined;
      }
    })();
    return rebuilding.done;
  }

  /**
   * The catalog, the map's known incidents, the legend, the list's actors and order, the timeline and
   * its marks, then the filter applied; each yield may end a task.
   */
  private *rebuildSteps(): Generator<void, void> {
    const all = this.all();
    const [oldMin, oldMax] = this.catalog.domain;
    const { from: oldFrom, to: oldTo } = this.filter;
    // A range that covered everything keeps covering everything when new dates arrive.
    if (oldFrom === undefined || oldFrom <= oldMin) delete this.filter.from;
    if (oldTo === undefined || oldTo >= oldMax) delete this.filter.to;
    this.catalog = yield* IncidentCatalog.inSteps(all, this.distanceKm);
    yield;
    yield* this.layer.setKnownInSteps(all);
    // An open incident another tab removed closes here too.
    if (this.layer.current !== null && !this.layer.has(this.layer.current)) this.layer.close();
    const importedCategories = this.importedCategories();
    // A category that arrives with an import is shown, whatever was unticked before.
    const arrived = importedCategories.filter((c) => !this.seenCategories.has(c));
    if (this.filter.categories && arrived.length > 0) this.filter.categories = new Set([...this.filter.categories, ...arrived]);
    this.seenCategories = new Set(importedCategories);
    this.legend.setImportedCategories(importedCategories);
    this.legend.setFilters(this.filter.categories ? [...this.filter.categories] : undefined, this.filter.withinKm);
    yield;
    this.list.setActors(yield* this.catalog.actorsInSteps());
    yield;
    yield* this.orderList();
    yield;
    this.importer.setImportedCount(this.imported.storedCount);
    const [min, max] = this.catalog.domain;
    this.timeline.setDomain(min, max);
    const from = this.filter.from === undefined ? min : Math.max(min, this.filter.from);
    const to = this.filter.to === undefined ? max : Math.min(max, this.filter.to);
    this.timeline.setRange(from, Math.max(from, to));
    // The marks in a task of their own: at 100,000 incidents they take as long as the rest of apply().
    yield;
    this.updateMarks();
    // apply() in two tasks: the panels, then the map's layer (or all again, if the filter changed between).
    yield;
    const applied = this.filter;
    this.applyToPanels();
    yield;
    this.rebuilding = undefined;
    if (this.filter === applied) this.layer.setShown(this.shown);
    else this.apply();
  }

  /** Sorts the list once for the chosen order; by distance, from the catalog's distances to the border. */
  private *orderList(): Generator<void, void> {
    const { incidents } = this.catalog;
    yield* this.list.orderInSteps(incidents, this.sort === 'distance' ? this.catalog.distanceKm : undefined);
  }

  /** Shows what the filter lets through, everywhere at once; during a stepwise rebuild, its last step does. */
  private apply(): void {
    if (this.rebuilding) return;
    this.applyToPanels();
    this.layer.setShown(this.shown);
  }

  /** The filter applied to the list, the timeline and the title; the map's layer is apply()'s other half. */
  private applyToPanels(): void {
    this.shown = this.catalog.select(this.filter);
    this.list.setShown(this.shown);
    this.timeline.setCount(this.shown.count, this.catalog.incidents.length);
    this.options.onSummary?.(this.summary());
    this.updateMarks();
  }

  /** The timeline's marks: they ignore the time range, so a drag along the timeline does not redraw them. */
  private updateMarks(): void {
    const { categories, withinKm, text, actor } = this.filter;
    const m = this.marksFor;
    if (m.catalog !== this.catalog || m.categories !== categories || m.withinKm !== withinKm || m.text !== text || m.actor !== actor) {
      this.marksFor = { catalog: this.catalog, categories, withinKm, text, actor };
      const marks = this.catalog.indices(this.filter, { ignoreTime: true });
      this.timeline.setMarks({ start: marks.map((i) => this.catalog.start[i]), end: marks.map((i) => this.catalog.end[i]) });
    }
  }

  /** "36 of 36 incidents, 1 January 2020 – 17 June 2025". */
  private summary(): string {
    const [min, max] = this.catalog.domain;
    const from = formatDate(dayToIso(this.filter.from ?? min), 'day');
    const to = formatDate(dayToIso(this.filter.to ?? max), 'day');
    const total = this.catalog.incidents.length;
    return `${this.shown.count.toLocaleString('en')} of ${total.toLocaleString('en')} incidents, ${from} – ${to}`;
  }

  private camera(): Camera {
    const { map } = this.options;
    const c = map.getCenter();
    return { zoom: map.getZoom(), center: [c.lng, c.lat], bearing: map.getBearing(), pitch: map.getPitch() };
  }

  /** The whole view as a link would restore it. */
  private view(): AppView {
    const [min, max] = this.catalog.domain;
    const { from, to, categories, withinKm, text, actor } = this.filter;
    return {
      camera: this.camera(),
      from: from !== undefined && from > min ? dayToIso(from) : undefined,
      to: to !== undefined && to < max ? dayToIso(to) : undefined,
      // Only the committed categories go into a link: an import's are not there for whoever opens it.
      categories: categories ? [...categories].filter(isKnownCategory) : undefined,
      within: withinKm,
      query: text?.trim() || undefined,
      actor,
      sort: this.sort,
      incident: this.layer.current ?? this.pending,
      measure: this.measured,
    };
  }

  private write(mode: HistoryMode): void {
    if (!this.restoring) this.options.url.write(this.view(), mode);
  }

  private readonly onMoveEnd = (): void => this.write('replace');

  /** Applies a view from the URL and says what it had to ignore or correct. */
  private restore(view: AppView, problems: string[] = []): void {
    const { map, notices } = this.options;
    const [min, max] = this.catalog.domain;
    const clampDay = (key: 'from' | 'to', iso: string | undefined, fallback: number): number => {
      if (!iso) return fallback;
      const day = dayNumber(iso);
      const clamped = Math.min(max, Math.max(min, day));
      if (clamped !== day) problems.push(`${key}=${iso} is outside the incidents' dates (${dayToIso(min)} to ${dayToIso(max)}): moved to ${dayToIso(clamped)}`);
      return clamped;
    };
    const from = clampDay('from', view.from, min);
    const to = clampDay('to', view.to, max);
    if (view.incident && !this.layer.has(view.incident)) {
      problems.push(`No incident with id '${view.incident}' on this map: ignored`);
    }
    // Also after back/forward: an address the user edited (or an incident since removed) is named, not dropped silently.
    if (problems.length > 0) notices.show('Some values in the link were ignored', problems, 'info');
    this.restoring = true;
    try {
      // A link names only the committed categories: the imports' own stay shown.
      const categories = view.categories ? [...view.categories, ...this.importedCategories()] : undefined;
      this.filter = {
        from, to,
        categories: categories ? new Set(categories) : undefined,
        withinKm: view.within,
        text: view.query,
        actor: view.actor,
      };
      this.legend.setFilters(categories, view.within);
      this.list.setSearch(view.query ?? '');
      const sort = view.sort ?? 'date';
      this.list.setActorAndSort(view.actor, sort);
      if (sort !== this.sort) {
        this.sort = sort;
        runNow(this.orderList());
      }
      this.timeline.setRange(from, Math.max(from, to));
      this.apply();
      // A link without a camera frames its measurement, loaded or gone to; history entries always have one.
      this.restoreMeasurement(view.measure, !view.camera);
      if (view.camera) {
        const { zoom, center, bearing = 0, pitch = 0 } = view.camera;
        map.jumpTo({ zoom, center: [center[0], center[1]], bearing, pitch });
      }
      // A link that gives the camera keeps it: the incident opens where the link looks.
      this.pending = undefined;
      if (view.incident && this.layer.has(view.incident)) {
        if (this.layer.current !== view.incident) this.openWhenReady(view.incident, !view.camera);
      } else {
        this.layer.close();
        this.list.setCurrent(null);
      }
    } finally {
      this.restoring = false;
    }
  }

  private restoreMeasurement(points: [LonLat, LonLat] | undefined, fit: boolean): void {
    const same = points && this.measured && points.every((p, i) => p[0] === this.measured?.[i][0] && p[1] === this.measured?.[i][1]);
    if (!this.measure || same) return;
    if (points) this.measure.measureBetween(points[0], points[1], { fit });
    else if (this.measured) this.measure.clear();
    this.measured = points;
  }

  private openWhenReady(id: string, fly: boolean): void {
    const { map } = this.options;
    this.pending = id;
    const open = (): void => {
      if (this.pending !== id) return;
      this.pending = undefined;
      this.restoring = true;
      try {
        // A link that gives the camera keeps it exactly: no panning to fit the popup either.
        this.layer.open(id, { fly, fit: fly });
      } finally {
        this.restoring = false;
      }
    };
    whenStyleReady(map, open);
  }

  /** Asks for a new name for an imported category; naming another category (ours by id or label, or an import's) merges into it. */
  private async renameCategory(from: string): Promise<void> {
    const others = [...CATEGORIES, ...this.importedCategories()].filter((c) => c !== from);
    const answer = await promptDialog({
      title: 'Rename or merge a category',
      message: `Every imported incident in “${categoryLabel(from)}” takes the new name, here and in this browser's store. Name another category to merge into it.`,
      label: 'New name',
      value: from,
      suggestions: others.map((c) => ({ value: categoryLabel(c), label: c })),
      confirm: 'Rename',
      cancel: 'Cancel',
    });
    if (answer === null) return;
    // Our categories are named by their label in the menu; an import's by its own word.
    const to = CATEGORIES.find((c) => categoryLabel(c).toLowerCase() === answer.toLowerCase() || c === answer) ?? answer;
    const changed = await this.imported.recategorize(from, to);
    if (changed === null || changed === 0) return;
    const merged = others.includes(to);
    this.options.notices.show(
      `${changed} imported incident${changed === 1 ? '' : 's'} moved from “${categoryLabel(from)}” to “${categoryLabel(to)}”${merged ? ' (merged)' : ''}`, [], 'info');
    this.legend.focusCategory(to);
  }

  private async importFiles(files: readonly File[]): Promise<void> {
    const added = await this.imported.importFiles(files);
    const shown = new Set(this.shown.incidents.map((i) => i.id));
    const hidden = added.filter((i) => !shown.has(i.id)).length;
    if (hidden > 0) this.options.notices.show(`${hidden} of the imported incidents are outside the current filters`, ['Widen the time range or tick their categories to see them.'], 'info');
  }

  private async removeImported(id: string): Promise<void> {
    if (this.layer.current === id) this.layer.close();
    await this.imported.remove(id);
  }

  /** Asks first, naming the count; then removes every import and offers Undo for a while. */
  private async clearImported(): Promise<void> {
    const count = this.imported.storedCount;
    if (count === 0) return;
    const what = count === 1 ? '1 imported incident' : `${count} imported incidents`;
    const confirmed = await confirmDialog({
      title: `Remove ${what}?`,
      message: `${count === 1 ? 'It goes' : `All ${count} go`} from this browser, in every tab of this map. For ${UNDO_SECONDS} seconds you can undo it.`,
      confirm: `Remove ${count}`,
      cancel: count === 1 ? 'Keep it' : 'Keep them',
    });
    if (!confirmed) return;
    const current = this.layer.current;
    if (current && this.imported.has(current)) this.layer.close();
    const cleared = await this.imported.clear();
    if (!cleared) return;
    const notice = this.options.notices.show(`Removed ${what} from this browser`, [], 'info', [
      { label: 'Undo', run: () => void this.imported.restore(cleared) },
    ]);
    window.setTimeout(() => notice.remove(), UNDO_SECONDS * 1000);
  }

  /** Downloads what is shown; the writers (papaparse) are loaded on the first export. */
  private async exportShown(format: ExportFormat): Promise<void> {
    const shown = this.shown.incidents;
    const { toCsv, toGeoJSON } = await import('../incidents/io/exportIncidents');
    if (format === 'csv') downloadText(toCsv(shown), 'incidents.csv', 'text/csv');
    else downloadText(toGeoJSON(shown), 'incidents.geojson', 'application/geo+json');
  }
}
