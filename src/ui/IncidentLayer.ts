import { Marker, type GeoJSONSource, type Map as MapLibreMap, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import type { Incident } from '../incidents';
import { Selection, categoryLabel, formatIncidentDate, hasShape, incidentToFeature, incidentsToFeatureCollection } from '../incidents';
import { CLUSTER_MAX_ZOOM, OVERLAY, categoryPaint, incidentLayers, incidentShapeLayers } from '../map/overlays';
import { LAYER } from '../map/style';
import { whenStyleReady } from '../map/whenStyleReady';
import { el } from './dom';
import { buildIncidentCard } from './incidentCard';
import { markCoveredButtons } from './coveredButtons';
import { IncidentDetails } from './IncidentDetails';
import { prefersReducedMotion } from './motion';

export interface IncidentLayerOptions {
  /** Extra figures for an incident's popup (e.g. its distance to the border); default none. */
  details?: (incident: Incident) => Node | undefined;
  /** Called when an incident is opened or closed (null); default none. */
  onChange?: (id: string | null) => void;
  /** Zoom to fly to when an incident is chosen from outside the map; default 8. */
  flyZoom?: number;
  /** Most keyboard-reachable buttons kept over the visible markers and clusters; default 300. */
  buttonLimit?: number;
  /** Viewports at most this wide show details as a bottom sheet; default 640 (px). */
  sheetMaxWidth?: number;
  /** Element that holds a copy of the open details for printing; default none. */
  printHost?: HTMLElement | null;
}

type LayerEvent = 'click' | 'mouseenter' | 'mouseleave';
type LayerMouseEvent = MapMouseEvent & { features?: MapGeoJSONFeature[] };

const SOURCE = OVERLAY.incidentSource;
const SHAPE_SOURCE = OVERLAY.incidentShapeSource;
/** Incidents first added to the map's source in one message; later parts are sized to take about PART_MS to copy. */
const PART = 5_000;
/** Main-thread time aimed at for building and handing over one part (MapLibre copies each feature, ~10-20 µs here). */
const PART_MS = 60;
/** The same for a first fill, whose parts each make the worker re-index everything sent so far: fewer, larger parts. */
const FILL_PART_MS = 150;
/** How the markers cluster; a first fill of more than a part goes in unclustered and is clustered once, at its end. */
const CLUSTERING = { cluster: true, clusterRadius: 36, clusterMaxZoom: CLUSTER_MAX_ZOOM } as const;
const MARKER_LAYERS = [OVERLAY.incidentClusters, OVERLAY.incidentCount, OVERLAY.incidentPoints] as const;

const SHAPE_LAYERS = [OVERLAY.incidentAreas, OVERLAY.incidentAreaOutlines, OVERLAY.incidentLines] as const;
const LAYERS = [...SHAPE_LAYERS, OVERLAY.incidentClusters, OVERLAY.incidentCount, OVERLAY.incidentPoints] as const;
/** The first of the base style's label layers: incidents are drawn below it. */
const LABELS_FROM = LAYER.stretchLabel;

/**
 * Incidents drawn by the GPU (markers clustered where dense; lines and areas drawn whole under
 * their markers), with a focusable button over each visible marker.
 */
export class IncidentLayer {
  private readonly options: IncidentLayerOptions;
  private known = new Map<string, Incident>();
  private shown = Selection.all([]);
  /** What the source holds, as a mask over `sentFrom`: the diff against it is all a new filter sends to the worker. */
  private sentFrom: readonly Incident[] = [];
  private sentMask = new Uint8Array(0);
  /** Set while the worker takes a change: the next one waits for it and is diffed against the latest filter then. */
  private sending = false;
  /** Set while a large first fill goes in: unclustered, with the markers hidden until it is clustered. */
  private filling = false;
  /** The size of the next part: adjusted after each so that one takes about PART_MS on this machine. */
  private partSize = PART;
  /** The lines and areas the shape source holds, and the indices of those among the incidents shown from. */
  private sentShapes: readonly Incident[] = [];
  private shapeIndices = { from: [] as readonly Incident[], indices: new Int32Array(0) };
  private map: MapLibreMap | undefined;
  /** Stops waiting for the style to add the layers (remove() before it was ready). */
  private cancelLayers: () => void = () => undefined;
  /** Every category among the known incidents, imported ones included, for the marker colours. */
  private categories: string[] = [];
  private details: IncidentDetails | undefined;
  private openId: string | null = null;
  private readonly buttons = new Map<string, Marker>();

  constructor(options: IncidentLayerOptions = {}) {
    this.options = options;
  }

  /** Every listener on the layers, added in addTo and removed in remove from this one list. */
  private get layerListeners(): [LayerEvent, string, (e: LayerMouseEvent) => void][] {
    const { incidentPoints: points, incidentClusters: clusters, incidentAreas: areas, incidentLines: lines } = OVERLAY;
    return [
      ['click', points, this.onPointClick], ['click', clusters, this.onClusterClick],
      ['click', areas, this.onShapeClick], ['click', lines, this.onShapeClick],
      ['mouseenter', areas, this.pointer], ['mouseleave', areas, this.noPointer],
      ['mouseenter', lines, this.pointer], ['mouseleave', lines, this.noPointer],
      ['mouseenter', points, this.pointer], ['mouseleave', points, this.noPointer],
      ['mouseenter', clusters, this.pointer], ['mouseleave', clusters, this.noPointer],
    ];
  }

  addTo(map: MapLibreMap): this {
    this.map = map;
    this.details = new IncidentDetails(map, { sheetMaxWidth: this.options.sheetMaxWidth, printHost: this.options.printHost, onClose: this.onDetailsClosed });
    this.cancelLayers = whenStyleReady(map, this.addLayers);
    for (const [type, layer, listener] of this.layerListeners) map.on(type, layer, listener);
    map.on('idle', this.syncButtons);
    // A panel opened or folded uncovers markers or covers others ('toggle' does not bubble).
    map.getContainer().addEventListener('toggle', this.onPanelToggle, true);
    return this;
  }

  remove(): void {
    const map = this.map;
    if (!map) return;
    this.cancelLayers();
    for (const [type, layer, listener] of this.layerListeners) map.off(type, layer, listener);
    map.off('idle', this.syncButtons);
    map.getContainer().removeEventListener('toggle', this.onPanelToggle, true);
    this.details?.close();
    this.details = undefined;
    for (const b of this.buttons.values()) b.remove();
    this.buttons.clear();
    for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    if (map.getSource(SHAPE_SOURCE)) map.removeSource(SHAPE_SOURCE);
    this.sentFrom = [];
    this.sentMask = new Uint8Array(0);
    this.sending = false;
    this.filling = false;
    this.sentShapes = [];
    this.map = undefined;
  }

  /**
   * Every incident that can be opened (shown or not), e.g. committed plus imported; pausing after
   * every `budget` incidents (for many incidents: each pause can end a task).
   */
  *setKnownInSteps(incidents: readonly Incident[], budget = 50_000): Generator<void, void> {
    const known = new Map<string, Incident>();
    const seen = new Set<string>();
    const shapes: number[] = [];
    for (let i = 0; i < incidents.length; i++) {
      if (i > 0 && i % budget === 0) yield;
      const incident = incidents[i];
      known.set(incident.id, incident);
      seen.add(incident.category);
      if (hasShape(incident)) shapes.push(i);
    }
    this.known = known;
    // The lines and areas among them, for when they are shown (a catalog shows from the same list).
    this.shapeIndices = { from: incidents, indices: Int32Array.from(shapes) };
    const categories = [...seen].sort();
    if (categories.join('\n') !== this.categories.join('\n')) {
      this.categories = categories;
      const paint = categoryPaint(categories);
      if (this.map?.getLayer(OVERLAY.incidentPoints)) this.map.setPaintProperty(OVERLAY.incidentPoints, 'circle-color', paint);
      if (this.map?.getLayer(OVERLAY.incidentAreas)) this.map.setPaintProperty(OVERLAY.incidentAreas, 'fill-color', paint);
      for (const id of [OVERLAY.incidentAreaOutlines, OVERLAY.incidentLines]) if (this.map?.getLayer(id)) this.map.setPaintProperty(id, 'line-color', paint);
    }
  }

  /** The incidents to draw now (after filters). */
  setShown(selection: Selection): void {
    this.shown = selection;
    this.sendShapes();
    this.send();
  }

  /**
   * Sends the source what changed since it was last sent: on a timeline drag a few incidents per
   * frame, where the whole set (100k) would be copied to the worker each time. One change at a time:
   * while the worker takes one, later filters wait and go as one diff when it has (the map may lag a
   * frame; the page does not wait). A large change goes in parts (partSize), each once the worker has
   * taken the one before (so that they are not merged back into one message).
   */
  private send(): void {
    const source = this.map?.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source || this.sending) return;
    const shown = this.shown;
    const { gone, remove, add } = this.diff(shown);
    if (add.length === 0 && remove.length === 0 && gone.length === 0) {
      if (this.filling) this.track(source, this.endFill(source));
      return;
    }
    // Cluster ids are reused by new data, so buttons are rebuilt at the next idle, not patched.
    for (const b of this.buttons.values()) b.remove();
    this.buttons.clear();
    const mask = this.sentMask;
    // An id costs far less to send than a feature; when the diff outweighs the set, send the set.
    const size = this.partSize;
    if (shown.count <= size && add.length + remove.length / 4 >= shown.count) {
      mask.set(shown.mask);
      const update = source.setData(incidentsToFeatureCollection(shown.incidents, 'map'));
      this.track(source, this.filling ? update.then(() => this.endFill(source)) : update);
      return;
    }
    // The worker re-clusters the whole set after every part: a first fill (the source empty) is clustered once, after its last part.
    if (!this.filling && add.length > size && gone.length === 0 && !mask.includes(1)) {
      this.filling = true;
      this.setMarkersVisible(false);
      void source.setClusterOptions({ cluster: false });
    }
    const started = performance.now();
    const part = add.slice(0, size);
    for (const i of part) mask[i] = 1;
    for (const i of remove) mask[i] = 0;
    const ids = [...gone, ...remove.map((i) => shown.from[i].id)];
    const update = source.updateData({ remove: ids, add: part.map((i) => incidentToFeature(shown.from[i], 'map')) });
    // MapLibre copies the part in microtasks after this call: the task's length is known in the next one.
    const { filling } = this;
    if (part.length === size) {
      setTimeout(() => {
        const aimed = (size * (filling ? FILL_PART_MS : PART_MS)) / Math.max(1, performance.now() - started);
        // Grown slowly and within bounds: a part held back behind another change was not timed.
        this.partSize = Math.round(Math.min(filling ? 8 * PART : 2 * PART, 1.5 * size, Math.max(PART / 5, aimed)));
      }, 0);
    }
    this.track(source, this.filling && add.length <= size ? update.then(() => this.endFill(source)) : update);
  }

  /** Marks the source busy until `update` settles, then sends what changed meanwhile. */
  private track(source: GeoJSONSource, update: Promise<unknown>): void {
    this.sending = true;
    void update.finally(() => {
      // A source removed meanwhile (remove(), then perhaps addTo again) is no longer this layer's to track.
      if (this.map?.getSource(SOURCE) !== source) return;
      this.sending = false;
      this.send();
    });
  }

  private async endFill(source: GeoJSONSource): Promise<void> {
    if (this.map?.getSource(SOURCE) !== source) return;
    this.filling = false;
    this.partSize = Math.min(this.partSize, 2 * PART);
    await source.setClusterOptions(CLUSTERING);
    if (this.map?.getSource(SOURCE) === source) this.setMarkersVisible(true);
  }

  private setMarkersVisible(visible: boolean): void {
    for (const id of MARKER_LAYERS) if (this.map?.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  /**
   * Indices (into what is shown from) to add and to remove, and the ids of incidents the source holds
   * that are no longer among them at all (after an import or a removal made a new catalog).
   */
  private diff(shown: Selection): { gone: string[]; remove: number[]; add: number[] } {
    const gone: string[] = [];
    if (this.sentFrom !== shown.from) {
      // Matched by identity, once per catalog: an incident replaced under the same id is removed, then added.
      const held = new Set<Incident>();
      this.sentFrom.forEach((incident, i) => {
        if (this.sentMask[i] === 1) held.add(incident);
      });
      const mask = new Uint8Array(shown.from.length);
      shown.from.forEach((incident, i) => {
        if (held.delete(incident)) mask[i] = 1;
      });
      for (const incident of held) gone.push(incident.id);
      this.sentFrom = shown.from;
      this.sentMask = mask;
    }
    const remove: number[] = [];
    const add: number[] = [];
    const { mask } = shown;
    const sent = this.sentMask;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === sent[i]) continue;
      if (mask[i] === 1) add.push(i);
      else remove.push(i);
    }
    return { gone, remove, add };
  }

  /** Sends the shown lines and areas to their source when they changed: they are few, so all of them. */
  private sendShapes(): void {
    const source = this.map?.getSource(SHAPE_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const shapes = this.shownShapes();
    if (shapes.length === this.sentShapes.length && shapes.every((s, i) => s === this.sentShapes[i])) return;
    this.sentShapes = shapes;
    void source.setData(incidentsToFeatureCollection(shapes, 'shape'));
  }

  /** The shown lines and areas, found among the few shapes of the catalog (indexed once per catalog). */
  private shownShapes(): Incident[] {
    const { from, mask } = this.shown;
    if (this.shapeIndices.from !== from) {
      const indices: number[] = [];
      from.forEach((incident, i) => {
        if (hasShape(incident)) indices.push(i);
      });
      this.shapeIndices = { from, indices: Int32Array.from(indices) };
    }
    const out: Incident[] = [];
    for (const i of this.shapeIndices.indices) if (mask[i] === 1) out.push(from[i]);
    return out;
  }

  has(id: string): boolean {
    return this.known.has(id);
  }

  /** True when details show as a bottom sheet (a phone), which the side panels should make room for. */
  get showsSheet(): boolean {
    return this.details?.asSheet ?? false;
  }

  get current(): string | null {
    return this.openId;
  }

  /**
   * Opens an incident's details; `fly` moves the map to it first (a jump when less motion is asked
   * for); `fit` pans the map so the whole popup shows (default true; false keeps a linked camera);
   * focus returns to `opener` on close (default: what had focus).
   */
  open(id: string, { fly = true, fit = true, opener }: { fly?: boolean; fit?: boolean; opener?: HTMLElement } = {}): boolean {
    const incident = this.known.get(id);
    const map = this.map;
    const details = this.details;
    if (!incident || !map || !details) return false;
    const zoom = Math.max(map.getZoom(), this.options.flyZoom ?? 8);
    // On a phone the sheet covers the lower half: the marker goes in the middle of what is left.
    const offset: [number, number] = details.asSheet ? [0, -details.sheetHeightFor() / 2] : [0, 0];
    const jump = fly && prefersReducedMotion();
    if (fly && !jump) map.flyTo({ center: incident.coordinates, zoom, offset, essential: true });
    const content = buildIncidentCard(incident, this.options.details?.(incident));
    // Another incident replaces the open one without passing through "none".
    this.openId = null;
    details.show(content, incident.coordinates, { className: 'incident-popup', opener, fit, print: true });
    this.openId = id;
    this.options.onChange?.(id);
    // A jump ends at once: made after the change is reported, so its camera goes with the new history entry (as a flight's end does), not the one before.
    if (jump) map.easeTo({ center: incident.coordinates, zoom, offset, duration: 0 });
    return true;
  }

  /** Closes the open details (an incident's or a cluster's list); closing an incident is reported. */
  close(): void {
    const wasOpen = this.openId !== null;
    this.openId = null;
    this.details?.close();
    if (wasOpen) this.options.onChange?.(null);
  }

  /** The reader closed the details. */
  private readonly onDetailsClosed = (): void => {
    const wasOpen = this.openId !== null;
    this.openId = null;
    if (wasOpen) this.options.onChange?.(null);
  };

  private readonly addLayers = (): void => {
    const map = this.map;
    if (!map || map.getSource(SOURCE)) return;
    // Empty at first: send() fills them, a large set in parts.
    map.addSource(SOURCE, {
      type: 'geojson', data: incidentsToFeatureCollection([], 'map'), promoteId: 'id', ...CLUSTERING,
    });
    map.addSource(SHAPE_SOURCE, { type: 'geojson', data: incidentsToFeatureCollection([], 'shape') });
    // Under the map's labels and crossings: a marker never hides a place's name.
    const before = map.getLayer(LABELS_FROM) ? LABELS_FROM : undefined;
    for (const layer of [...incidentShapeLayers(this.categories), ...incidentLayers(this.categories)]) map.addLayer(layer, before);
    // After the layers: a first fill hides them until it is clustered.
    this.sentShapes = [];
    this.sendShapes();
    this.send();
  };

  private readonly pointer = (): void => {
    if (this.map) this.map.getCanvas().style.cursor = 'pointer';
  };

  private readonly noPointer = (): void => {
    if (this.map) this.map.getCanvas().style.cursor = '';
  };

  private readonly onPointClick = (e: LayerMouseEvent): void => {
    const id = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') this.open(id, { fly: false });
  };

  // A click on a line or area opens it, unless a marker or cluster above it took the click.
  private readonly onShapeClick = (e: LayerMouseEvent): void => {
    const map = this.map;
    if (!map) return;
    const above = map.queryRenderedFeatures(e.point, { layers: [OVERLAY.incidentPoints, OVERLAY.incidentClusters] });
    const id = e.features?.[0]?.properties?.id;
    if (above.length === 0 && typeof id === 'string') this.open(id, { fly: false });
  };

  private readonly onClusterClick = (e: LayerMouseEvent): void => {
    const f = e.features?.[0];
    const clusterId = f?.properties?.cluster_id;
    if (f?.geometry.type === 'Point' && typeof clusterId === 'number') {
      void this.expandCluster(clusterId, f.geometry.coordinates as [number, number], Number(f.properties.point_count));
    }
  };

  /** Zooms into a cluster, or lists its incidents when they share one spot and never come apart. */
  private async expandCluster(clusterId: number, at: [number, number], count: number): Promise<void> {
    const map = this.map;
    const source = map?.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!map || !source) return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    if (zoom <= CLUSTER_MAX_ZOOM && zoom > map.getZoom()) {
      map.easeTo({ center: at, zoom, duration: prefersReducedMotion() ? 0 : 500 });
      return;
    }
    const leaves = await source.getClusterLeaves(clusterId, Math.min(count, 50), 0);
    const list = el('div', 'cluster-list');
    list.append(el('h2', undefined, `${count} incidents here`));
    const ul = el('ul');
    for (const leaf of leaves) {
      const incident = this.known.get(String(leaf.properties?.id));
      if (!incident) continue;
      const b = el('button', 'cluster-list-item', `${formatIncidentDate(incident)}: ${incident.title}`);
      b.type = 'button';
      b.addEventListener('click', () => this.open(incident.id, { fly: false }));
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
    list.append(ul);
    this.close();
    this.details?.show(list, at, { className: 'cluster-popup' });
  }

  private readonly onPanelToggle = (): void => {
    if (this.map) markCoveredButtons(this.map.getContainer());
  };

  /** Keeps one focusable button over each visible marker and cluster, so the keyboard reaches them. */
  private readonly syncButtons = (): void => {
    const map = this.map;
    if (!map || !map.getLayer(OVERLAY.incidentPoints)) return;
    const rendered = map.queryRenderedFeatures({ layers: [OVERLAY.incidentPoints, OVERLAY.incidentClusters] });
    const wanted = new Map<string, MapGeoJSONFeature>();
    for (const f of rendered) {
      const key = f.properties?.cluster_id !== undefined ? `cluster:${f.properties.cluster_id}` : `incident:${f.properties?.id}`;
      if (!wanted.has(key)) wanted.set(key, f);
    }
    const limit = this.options.buttonLimit ?? 300;
    for (const [key, marker] of this.buttons) {
      if (!wanted.has(key) || wanted.size > limit) {
        marker.remove();
        this.buttons.delete(key);
      }
    }
    if (wanted.size > limit) return;
    for (const [key, f] of wanted) {
      if (this.buttons.has(key) || f.geometry.type !== 'Point') continue;
      const [lon, lat] = f.geometry.coordinates;
      this.buttons.set(key, new Marker({ element: this.buttonFor(f), anchor: 'center' }).setLngLat([lon, lat]).addTo(map));
    }
    markCoveredButtons(map.getContainer());
  };

  private buttonFor(f: MapGeoJSONFeature): HTMLButtonElement {
    const b = el('button');
    b.type = 'button';
    const p = f.properties ?? {};
    if (p.cluster_id !== undefined) {
      const count = Number(p.point_count);
      b.className = 'incident-cluster';
      b.dataset.count = String(count);
      b.setAttribute('aria-label', `${count} incidents here: zoom in`);
      b.addEventListener('click', (event) => {
        event.stopPropagation();
        if (f.geometry.type === 'Point') void this.expandCluster(Number(p.cluster_id), f.geometry.coordinates as [number, number], count);
      });
      return b;
    }
    const incident = this.known.get(String(p.id));
    b.className = 'incident-marker';
    b.dataset.incidentId = String(p.id);
    if (incident) {
      b.dataset.category = incident.category;
      b.setAttribute('aria-label', `${incident.title}: ${categoryLabel(incident.category)}, ${formatIncidentDate(incident)}${incident.imported ? ' (imported)' : ''}`);
      b.title = incident.title;
    }
    b.addEventListener('click', (event) => {
      event.stopPropagation();
      // A tap does not focus the button on every browser: focus returns to it on close all the same.
      this.open(String(p.id), { fly: false, opener: b });
    });
    return b;
  }
}
