import { Marker, type GeoJSONSource, type IControl, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import {
  measureAlong, measureRuler, measurementToGeoJSON,
  type AlongMeasurement, type BorderIndex, type LonLat, type RulerMeasurement, type Section,
} from '../geo';
import { OVERLAY, measureLayers } from '../map/overlays';
import { whenStyleReady } from '../map/whenStyleReady';
import { addRow, downloadText, el } from './dom';
import { markCoveredButtons } from './coveredButtons';
import { Subscriptions } from './subscriptions';
import { chainage, km } from './format';

export type MeasureMode = 'off' | 'along' | 'ruler';

export interface MeasureControlOptions {
  index: BorderIndex;
  /** Named border sections, to say which a measurement covers; default none. */
  sections?: readonly Section[];
  /** Hover within this many pixels of the border shows its chainage; default 30. */
  hoverPx?: number;
  /** Called with the along-border end points whenever they change (null when cleared); `dragged` when an end was dragged. */
  onChange?: (points: [LonLat, LonLat] | null, dragged: boolean) => void;
}

const SOURCE = OVERLAY.measureSource;
const HOVER_SOURCE = OVERLAY.measureHoverSource;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Measures along the border (two snapped, draggable ends) or freely (a ruler polyline). */
export class MeasureControl implements IControl {
  private readonly options: MeasureControlOptions;
  private map: MapLibreMap | undefined;
  /** Stops waiting for the style to add the layers (removed before it was ready). */
  private cancelLayers: () => void = () => undefined;
  private container: HTMLElement | undefined;
  private panel: HTMLElement | undefined;
  private tooltip: HTMLElement | undefined;
  private crosshair: HTMLElement | undefined;
  private buttons: Partial<Record<MeasureMode, HTMLButtonElement>> = {};
  private mode: MeasureMode = 'off';
  private alongPoints: LonLat[] = [];
  private rulerPoints: LonLat[] = [];
  private handles: Marker[] = [];
  private measurement: AlongMeasurement | RulerMeasurement | undefined;
  private hoverFrame = 0;
  private lastHover: LonLat | undefined;
  private status = '';
  private listeners = new Subscriptions();

  constructor(options: MeasureControlOptions) {
    this.options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    this.listeners = new Subscriptions();
    const root = el('div', 'maplibregl-ctrl maplibregl-ctrl-group measure-control');
    const bar = el('div', 'measure-buttons');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Measure');
    this.buttons.along = this.modeButton('along', 'Along border', 'Measure km of border between two points');
    this.buttons.ruler = this.modeButton('ruler', 'Ruler', 'Measure a free line, leg by leg');
    bar.append(this.buttons.along, this.buttons.ruler);
    this.panel = el('div', 'measure-panel');
    this.panel.setAttribute('aria-live', 'polite');
    this.panel.hidden = true;
    root.append(bar, this.panel);
    this.container = root;

    this.tooltip = el('div', 'measure-tooltip');
    this.tooltip.hidden = true;
    this.crosshair = el('div', 'measure-crosshair');
    this.crosshair.hidden = true;
    this.crosshair.setAttribute('aria-hidden', 'true');
    map.getContainer().append(this.tooltip, this.crosshair);

    this.cancelLayers = whenStyleReady(map, this.addLayers);
    map.on('click', this.onClick);
    map.on('mousemove', this.onMouseMove);
    map.on('mouseout', this.hideHover);
    this.listeners.listen(map.getCanvasContainer(), 'keydown', this.onMapKey);
    this.listeners.listen(map.getCanvas(), 'focus', this.onCanvasFocus);
    this.listeners.listen(map.getCanvas(), 'blur', this.onCanvasFocus);
    this.listeners.listen(document, 'keydown', this.onWindowKey);
    return root;
  }

  onRemove(): void {
    const map = this.map;
    if (!map) return;
    this.cancelLayers();
    map.off('click', this.onClick);
    map.off('mousemove', this.onMouseMove);
    map.off('mouseout', this.hideHover);
    this.listeners.dispose();
    cancelAnimationFrame(this.hoverFrame);
    for (const h of this.handles) h.remove();
    this.handles = [];
    for (const layer of measureLayers()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const source of [SOURCE, HOVER_SOURCE]) if (map.getSource(source)) map.removeSource(source);
    this.tooltip?.remove();
    this.crosshair?.remove();
    this.container?.remove();
    this.map = undefined;
  }

  /** Opens the along-border measurement between two points, as a shared link does; `fit` frames it. */
  measureBetween(a: LonLat, b: LonLat, { fit = false }: { fit?: boolean } = {}): void {
    this.setMode('along');
    this.alongPoints = [a, b];
    this.update(true);
    const m = this.measurement;
    if (fit && this.map && m && 'from' in m) {
      const line = m.sameLine ? m.slice : [m.from.point, m.to.point];
      const lons = line.map((p) => p[0]);
      const lats = line.map((p) => p[1]);
      this.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], {
        // The panel sits on the right of wider screens; on a phone it is behind the tools button.
        padding: window.innerWidth <= 640 ? { top: 70, bottom: 40, left: 30, right: 30 } : { top: 60, bottom: 60, left: 60, right: 320 }, maxZoom: 12, animate: false,
      });
    }
  }

  /** The current measurement as GeoJSON, or null when there is none. */
  toGeoJSON(): FeatureCollection | null {
    return this.measurement ? measurementToGeoJSON(this.measurement) : null;
  }

  clear(): void {
    this.alongPoints = [];
    this.rulerPoints = [];
    this.status = '';
    this.update(true);
  }

  private modeButton(mode: MeasureMode, label: string, title: string): HTMLButtonElement {
    const b = el('button', `measure-mode measure-${mode}`, label);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-pressed', 'false');
    this.listeners.listen(b, 'click', () => this.setMode(this.mode === mode ? 'off' : mode));
    return b;
  }

  private setMode(mode: MeasureMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const [m, b] of Object.entries(this.buttons)) b?.setAttribute('aria-pressed', String(m === mode));
    this.map?.getCanvas().style.setProperty('cursor', mode === 'off' ? '' : 'crosshair');
    this.onCanvasFocus();
    if (mode === 'off') this.hideHover();
    this.status = '';
    this.update(true);
  }

  private readonly addLayers = (): void => {
    const map = this.map;
    if (!map || map.getSource(SOURCE)) return;
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addSource(HOVER_SOURCE, { type: 'geojson', data: EMPTY });
    for (const layer of measureLayers()) map.addLayer(layer);
    this.draw();
  };

  private readonly onClick = (e: MapMouseEvent): void => {
    if (this.mode === 'off') return;
    this.addPoint([e.lngLat.lng, e.lngLat.lat]);
  };

  private addPoint(p: LonLat): void {
    if (this.mode === 'along') this.alongPoints = this.alongPoints.length >= 2 ? [p] : [...this.alongPoints, p];
    else if (this.mode === 'ruler') this.rulerPoints = [...this.rulerPoints, p];
    this.update(true);
  }

  private readonly onMapKey = (e: KeyboardEvent): void => {
    if (this.mode === 'off' || !this.map) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const c = this.map.getCenter();
      this.addPoint([c.lng, c.lat]);
    } else if (e.key === 'Backspace' && this.mode === 'ruler' && this.rulerPoints.length > 0) {
      e.preventDefault();
      this.rulerPoints = this.rulerPoints.slice(0, -1);
      this.update(true);
    }
  };

  // The crosshair marks where Enter adds a point, so it shows while the map has keyboard focus.
  private readonly onCanvasFocus = (): void => {
    if (this.crosshair) this.crosshair.hidden = this.mode === 'off' || !this.map?.getCanvas().matches(':focus-visible');
  };

  // Escape clears a measurement; taken here, it does not also dismiss a notice.
  private readonly onWindowKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || this.mode === 'off') return;
    if (this.alongPoints.length > 0 || this.rulerPoints.length > 0) e.preventDefault();
    this.clear();
  };

  private readonly onMouseMove = (e: MapMouseEvent): void => {
    if (this.mode !== 'along') return;
    this.lastHover = [e.lngLat.lng, e.lngLat.lat];
    if (!this.hoverFrame) this.hoverFrame = requestAnimationFrame(this.showHover);
  };

  private readonly showHover = (): void => {
    this.hoverFrame = 0;
    const map = this.map;
    const at = this.lastHover;
    if (!map || !at || !this.tooltip) return;
    const snap = this.options.index.snap(at);
    const a = map.project([at[0], at[1]]);
    const b = map.project([snap.point[0], snap.point[1]]);
    const near = Math.hypot(a.x - b.x, a.y - b.y) <= (this.options.hoverPx ?? 30);
    (map.getSource(HOVER_SOURCE) as GeoJSONSource | undefined)?.setData(near ? pointFC(snap.point) : EMPTY);
    this.tooltip.hidden = !near;
    if (!near) return;
    this.tooltip.textContent = `${snap.lineName} · ${chainage(snap.chainageKm)} from the tripoint · ${km(snap.distanceKm)} from the border`;
    this.tooltip.style.transform = `translate(${Math.round(a.x + 14)}px, ${Math.round(a.y + 14)}px)`;
  };

  private readonly hideHover = (): void => {
    if (this.tooltip) this.tooltip.hidden = true;
    (this.map?.getSource(HOVER_SOURCE) as GeoJSONSource | undefined)?.setData(EMPTY);
  };

  /** Recomputes, redraws and re-renders the panel; `final` also places handles and reports the change. */
  private update(final: boolean, dragged = false): void {
    const { index, sections = [] } = this.options;
    if (this.mode === 'along' && this.alongPoints.length === 2) {
      this.measurement = measureAlong(index, this.alongPoints[0], this.alongPoints[1], sections);
    } else if (this.mode === 'ruler' && this.rulerPoints.length >= 2) {
      this.measurement = measureRuler(this.rulerPoints);
    } else {
      this.measurement = undefined;
    }
    this.draw();
    this.renderPanel();
    if (final) {
      this.placeHandles();
      const m = this.measurement;
      this.options.onChange?.(m && 'from' in m ? [m.from.point, m.to.point] : null, dragged);
    }
  }

  private draw(): void {
    const source = this.map?.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const features: Feature<LineString | Point>[] = [];
    const m = this.measurement;
    if (m && 'legsKm' in m) {
      features.push(lineFeature(m.points, 'ruler'));
    } else if (m) {
      if (m.sameLine) features.push(lineFeature(m.slice, 'slice'));
      features.push(lineFeature([m.from.point, m.to.point], 'chord'));
    } else if (this.mode === 'along') {
      for (const p of this.alongPoints) features.push(pointFeature(this.options.index.snap(p).point));
    }
    if (this.mode === 'ruler') for (const p of this.rulerPoints) features.push(pointFeature(p));
    source.setData({ type: 'FeatureCollection', features });
  }

  /** Draggable ends for the along-border measurement, each at its snapped point. */
  private placeHandles(): void {
    const map = this.map;
    if (!map) return;
    const snapped = this.mode === 'along' ? this.alongPoints.map((p) => this.options.index.snap(p).point) : [];
    while (this.handles.length > snapped.length) this.handles.pop()?.remove();
    snapped.forEach((p, i) => {
      let handle = this.handles[i];
      if (!handle) {
        const element = el('button', 'measure-handle');
        element.type = 'button';
        element.setAttribute('aria-label', i === 0 ? 'Measurement start (drag to move)' : 'Measurement end (drag to move)');
        element.dataset.end = i === 0 ? 'from' : 'to';
        handle = new Marker({ element, draggable: true }).setLngLat([p[0], p[1]]).addTo(map);
        handle.on('drag', () => this.dragHandle(i, false));
        handle.on('dragend', () => this.dragHandle(i, true));
        this.handles[i] = handle;
      }
      handle.setLngLat([p[0], p[1]]);
    });
    markCoveredButtons(map.getContainer());
  }

  private dragHandle(i: number, final: boolean): void {
    const at = this.handles[i]?.getLngLat();
    if (!at) return;
    this.alongPoints[i] = [at.lng, at.lat];
    this.update(final, true);
  }

  private renderPanel(): void {
    const panel = this.panel;
    if (!panel) return;
    panel.hidden = this.mode === 'off';
    if (this.mode === 'off') return;
    const body: Node[] = [];
    const m = this.measurement;
    if (!m) {
      body.push(el('p', 'measure-hint', this.mode === 'along'
        ? 'Click two points near the border (or press Enter on the map to add its centre). Drag the ends to adjust; Escape clears.'
        : 'Click to add points (Enter adds the map centre, Backspace removes the last). Escape clears.'));
    } else if ('legsKm' in m) {
      const dl = el('dl', 'measure-figures');
      m.legsKm.forEach((leg, i) => addRow(dl, `Leg ${i + 1}`, km(leg)));
      addRow(dl, 'Total', km(m.totalKm), 'measure-total');
      body.push(dl);
    } else if (!m.sameLine) {
      body.push(el('p', 'measure-warning',
        `These points snap to different border lines (${m.from.lineName}; ${m.to.lineName}): there is no along-border distance between them.`));
      const dl = el('dl', 'measure-figures');
      addRow(dl, 'Straight line', km(m.straightKm), 'measure-straight');
      body.push(dl);
    } else {
      const dl = el('dl', 'measure-figures');
      addRow(dl, 'Along the border', km(m.alongKm), 'measure-along');
      addRow(dl, 'Straight line', km(m.straightKm), 'measure-straight');
      addRow(dl, 'Ratio', Number.isFinite(m.ratio) ? m.ratio.toFixed(3) : '—', 'measure-ratio');
      addRow(dl, 'Line', m.from.lineName);
      addRow(dl, 'From', `${chainage(m.from.chainageKm)} from the tripoint`, 'measure-from');
      addRow(dl, 'To', `${chainage(m.to.chainageKm)} from the tripoint`, 'measure-to');
      body.push(dl);
      if (m.sections.length > 0) {
        const list = el('ul', 'measure-sections');
        for (const s of m.sections) list.append(el('li', undefined, `${s.name} (${s.kind}): ${km(s.km)}`));
        body.push(el('h3', undefined, 'Sections covered'), list);
      }
    }
    if (m) {
      const actions = el('div', 'measure-actions');
      actions.append(
        actionButton('Download GeoJSON', () => this.download()),
        actionButton('Copy GeoJSON', () => void this.copy()),
        actionButton('Clear', () => this.clear()),
      );
      body.push(actions);
    }
    if (this.status) body.push(el('p', 'measure-status', this.status));
    panel.replaceChildren(...body);
  }

  private download(): void {
    const data = this.toGeoJSON();
    if (!data) return;
    downloadText(JSON.stringify(data, null, 2), this.mode === 'ruler' ? 'ruler.geojson' : 'along-border.geojson', 'application/geo+json');
  }

  private async copy(): Promise<void> {
    const data = this.toGeoJSON();
    if (!data) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(data, null, 2));
      this.status = 'GeoJSON copied to the clipboard.';
    } catch (err) {
      this.status = `Could not copy: ${String(err)}`;
    }
    this.renderPanel();
  }
}

function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'measure-action', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function lineFeature(coordinates: readonly LonLat[], role: string): Feature<LineString> {
  return { type: 'Feature', properties: { role }, geometry: { type: 'LineString', coordinates: coordinates.map((p) => [p[0], p[1]]) } };
}

function pointFeature(p: LonLat): Feature<Point> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [p[0], p[1]] } };
}

function pointFC(p: LonLat): FeatureCollection {
  return { type: 'FeatureCollection', features: [pointFeature(p)] };
}
