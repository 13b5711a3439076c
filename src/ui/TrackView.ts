import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { analyseTrack, bandParts, cumulativeKm, densify, positionAtTime, type BorderIndex, type LonLat, type TrackAnalysis, type TrackPoint } from '../geo';
import { incidentTrack, trackAnalysisCsv, trackGeoJson, type Incident } from '../incidents';
import { COLORS } from '../map/palette';
import { OVERLAY, trackLayers } from '../map/overlays';
import { addRow, downloadText, el } from './dom';
import { chainage, km } from './format';
import { prefersReducedMotion } from './motion';
import { buildTrackProfile, type TrackProfile } from './trackProfile';

export interface TrackViewOptions {
  index: BorderIndex;
  /** How long playback of a whole track takes, in ms of the reader's time; default 20,000. */
  playMs?: number;
  /** Most rows of the positions table; longer tracks show evenly spaced positions; default 200. */
  tableRows?: number;
}

/** Largest step, km, at which a line without times is sampled: the same as its within-N figure's. */
const UNTIMED_STEP_KM = 0.25;

const SIDE = { AZE: 'on Azerbaijan’s side', IRN: 'on Iran’s side', on: 'on the border line' } as const;
const LINE = { mainland: 'mainland border', nakhchivan: 'Nakhchivan border' } as Readonly<Record<string, string>>;

function utc(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : sec === 0 ? `${m} min` : `${m} min ${String(sec).padStart(2, '0')} s`;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.round((100 * part) / whole)} %)` : '';
}

function fileStem(incident: Incident): string {
  return incident.id.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** A chevron pointing east (the direction a line symbol is rotated from), drawn pixel by pixel. */
function arrowImage(size = 17): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const rgb = [1, 3, 5].map((i) => parseInt(COLORS.trackArrow.slice(i, i + 2), 16));
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Two strokes meeting at the tip (x = size - 3, y = c), 2.2 px wide.
      const dx = size - 3 - x, dy = Math.abs(y - c);
      const onStroke = dx >= 0 && dx <= c + 1 && Math.abs(dx - dy) <= 2.2;
      if (!onStroke) continue;
      const o = (y * size + x) * 4;
      data.set([...rgb, 255], o);
    }
  }
  return { width: size, height: size, data };
}

/**
 * What the details of a line incident show about it as a track, and the track on the map: its
 * figures against the border (within N km, along the border, crossings, speeds, gaps) in words,
 * a profile chart whose cursor moves a marker on the map (and follows the pointer over the track),
 * a table of positions, playback, and exports of the analysis (CSV) and of the track (GeoJSON).
 */
export class TrackView {
  private readonly map: MapLibreMap;
  private readonly options: TrackViewOptions;
  private current: { points: TrackPoint[]; analysis: TrackAnalysis; profile: TrackProfile; stop: () => void } | undefined;
  private layersAdded = false;
  private playing = false;

  constructor(map: MapLibreMap, options: TrackViewOptions) {
    this.map = map;
    this.options = options;
  }

  /** The track section for an incident's details, or undefined when it is not a LineString; draws the track's overlay. */
  section(incident: Incident, withinKm: number): HTMLElement | undefined {
    this.clear();
    const line = incidentTrack(incident);
    if (line === undefined || line.length < 2) return undefined;
    // A line without times is sampled as the figures above it are, so its profile and crossings follow the border's bends.
    const points = densify(line, UNTIMED_STEP_KM);
    const alongKm = cumulativeKm(points.flatMap((p) => [p.lon, p.lat]));
    const analysis = analyseTrack(this.options.index, points, { withinKm, name: incident.title });
    const box = el('section', 'track-figures');
    box.append(el('h3', undefined, analysis.hasTimes ? 'Track against the border' : 'Line against the border'));
    box.append(el('p', 'track-summary', summary(incident, analysis)));
    box.append(figures(analysis));
    const profile = buildTrackProfile(points, analysis, alongKm, {
      describe: (i) => describePoint(points, analysis, i, alongKm),
      onCursor: (i) => this.cursorAt([points[i].lon, points[i].lat]),
    });
    box.append(profile.element);
    const actions = el('div', 'track-actions');
    let stopPlay = (): void => undefined;
    if (analysis.hasTimes) {
      const play = el('button', 'track-play', 'Play track');
      play.type = 'button';
      play.addEventListener('click', () => {
        if (this.playing) return stopPlay();
        stopPlay = this.play(points, analysis, profile, play);
      });
      actions.append(play);
    }
    const csv = el('button', 'track-export-csv', 'Export analysis (CSV)');
    csv.type = 'button';
    csv.addEventListener('click', () => downloadText(trackAnalysisCsv(points, analysis), `${fileStem(incident)}-analysis.csv`, 'text/csv'));
    const geojson = el('button', 'track-export-geojson', 'Export track (GeoJSON)');
    geojson.type = 'button';
    geojson.addEventListener('click', () => downloadText(trackGeoJson(incident), `${fileStem(incident)}.geojson`, 'application/geo+json'));
    actions.append(csv, geojson);
    box.append(actions, this.table(points, analysis, alongKm));
    this.current = { points, analysis, profile, stop: () => stopPlay() };
    this.draw(points, analysis);
    return box;
  }

  /** Removes the track from the map and stops playback. */
  clear(): void {
    this.current?.stop();
    this.current = undefined;
    if (!this.layersAdded) return;
    (this.map.getSource(OVERLAY.trackSource) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
    this.cursorAt(undefined);
  }

  /** Takes the layers off the map. */
  remove(): void {
    this.clear();
    if (!this.layersAdded) return;
    this.map.off('mousemove', OVERLAY.trackHit, this.onHover);
    for (const layer of trackLayers()) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
    for (const source of [OVERLAY.trackSource, OVERLAY.trackCursorSource]) if (this.map.getSource(source)) this.map.removeSource(source);
    if (this.map.hasImage(OVERLAY.trackArrowImage)) this.map.removeImage(OVERLAY.trackArrowImage);
    this.layersAdded = false;
  }

  private ensureLayers(): boolean {
    if (this.layersAdded) return true;
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    try {
      // isStyleLoaded() is false while tiles load, though sources can be added then: only a style still loading refuses.
      this.map.addSource(OVERLAY.trackSource, { type: 'geojson', data: empty });
    } catch {
      this.map.once('load', () => this.current && this.draw(this.current.points, this.current.analysis));
      return false;
    }
    this.map.addSource(OVERLAY.trackCursorSource, { type: 'geojson', data: empty });
    if (!this.map.hasImage(OVERLAY.trackArrowImage)) this.map.addImage(OVERLAY.trackArrowImage, arrowImage());
    // Over the incident shapes, under the markers.
    const before = this.map.getLayer(OVERLAY.incidentClusters) ? OVERLAY.incidentClusters : undefined;
    for (const layer of trackLayers()) this.map.addLayer(layer, before);
    this.map.on('mousemove', OVERLAY.trackHit, this.onHover);
    this.layersAdded = true;
    return true;
  }

  private draw(points: readonly TrackPoint[], analysis: TrackAnalysis): void {
    if (!this.ensureLayers()) return;
    const line = points.map((p) => [p.lon, p.lat]);
    const features: Feature[] = [
      { type: 'Feature', properties: { role: 'track' }, geometry: { type: 'LineString', coordinates: line } },
      ...bandParts(points, analysis).map((part): Feature => ({ type: 'Feature', properties: { role: 'band' }, geometry: { type: 'LineString', coordinates: part.map((q) => [q[0], q[1]]) } })),
      ...analysis.crossings.flatMap((c): Feature[] => (c.point === undefined ? []
        : [{ type: 'Feature', properties: { role: 'crossing' }, geometry: { type: 'Point', coordinates: [c.point[0], c.point[1]] } }])),
    ];
    (this.map.getSource(OVERLAY.trackSource) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  }

  private cursorAt(at: LonLat | undefined): void {
    const source = this.layersAdded ? (this.map.getSource(OVERLAY.trackCursorSource) as GeoJSONSource | undefined) : undefined;
    source?.setData({ type: 'FeatureCollection', features: at === undefined ? [] : [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [at[0], at[1]] } }] });
  }

  /** The pointer over the track moves the profile's cursor to the nearest position. */
  private readonly onHover = (e: MapMouseEvent): void => {
    const current = this.current;
    if (!current) return;
    const { lng, lat } = e.lngLat;
    const scale = Math.cos((lat * Math.PI) / 180) ** 2;
    let best = 0, bestD = Infinity;
    current.points.forEach((p, i) => {
      const d = (p.lat - lat) ** 2 + (p.lon - lng) ** 2 * scale;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    current.profile.setCursor(best);
    this.cursorAt([current.points[best].lon, current.points[best].lat]);
  };

  /** Moves the marker through the track's times; returns what stops it. */
  private play(points: readonly TrackPoint[], analysis: TrackAnalysis, profile: TrackProfile, button: HTMLButtonElement): () => void {
    const t0 = points[0].time as number, t1 = points[points.length - 1].time as number;
    const span = this.options.playMs ?? 20_000;
    // With less motion asked for, the marker moves in a few steps instead of gliding.
    const step = prefersReducedMotion() ? 1000 : 0;
    // From the cursor's time (the start again after the end), in the track's own time.
    if (profile.cursor >= points.length - 1) profile.setCursor(0);
    const start = performance.now() - (t1 > t0 ? ((points[profile.cursor].time as number) - t0) / (t1 - t0) : 0) * span;
    let frame = 0, last = -Infinity;
    button.textContent = 'Pause';
    this.playing = true;
    const stop = (): void => {
      cancelAnimationFrame(frame);
      this.playing = false;
      button.textContent = 'Play track';
    };
    const tick = (now: number): void => {
      const f = Math.min(1, (now - start) / span);
      if (now - last >= step || f === 1) {
        last = now;
        const time = t0 + f * (t1 - t0);
        let i = profile.cursor;
        while (i + 1 < points.length && (points[i + 1].time as number) <= time) i++;
        profile.setCursor(i);
        this.cursorAt(positionAtTime(points, analysis, time) ?? [points[i].lon, points[i].lat]);
      }
      if (f < 1) frame = requestAnimationFrame(tick);
      else stop();
    };
    frame = requestAnimationFrame(tick);
    return stop;
  }

  /** Positions as a table (all of them, or evenly spaced ones for a long track, saying so). */
  private table(points: readonly TrackPoint[], analysis: TrackAnalysis, alongKm: ArrayLike<number>): HTMLElement {
    const limit = this.options.tableRows ?? 200;
    const step = Math.max(1, Math.ceil(points.length / limit));
    const details = el('details', 'track-table');
    const count = Math.ceil(points.length / step) + ((points.length - 1) % step === 0 ? 0 : 1);
    details.append(el('summary', undefined, step === 1 ? `Positions as a table (${points.length})`
      : `Positions as a table (${count.toLocaleString('en')} of ${points.length.toLocaleString('en')}, evenly spaced)`));
    const wrap = el('div', 'track-table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', 'Positions of the track');
    const table = el('table');
    const head = el('tr');
    for (const h of [analysis.hasTimes ? 'Time (UTC)' : 'Along the line', 'Distance to border', 'Side', 'Beside (km from the Armenia tripoint)']) head.append(el('th', undefined, h));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    // A track over several days gives each time its date.
    const first = points[0].time, last = points[points.length - 1].time;
    const manyDays = first !== undefined && last !== undefined && new Date(first).toISOString().slice(0, 10) !== new Date(last).toISOString().slice(0, 10);
    const shown: number[] = [];
    for (let i = 0; i < points.length; i += step) shown.push(i);
    if (shown[shown.length - 1] !== points.length - 1) shown.push(points.length - 1);
    for (const i of shown) {
      const v = analysis.vertices[i];
      const tr = el('tr');
      const time = points[i].time;
      for (const cell of [time === undefined ? km(alongKm[i]) : new Date(time).toISOString().slice(manyDays ? 0 : 11, 19).replace('T', ' '), km(v.distanceKm), SIDE[v.side].replace(/^on /, ''), `${chainage(v.chainageKm)}, ${LINE[v.lineId] ?? v.lineId}`]) {
        tr.append(el('td', undefined, cell));
      }
      tbody.append(tr);
    }
    table.append(thead, tbody);
    wrap.append(table);
    details.append(wrap);
    return details;
  }
}

/** One position in words: when, how far from the border and on which side, and where along it. */
function describePoint(points: readonly TrackPoint[], analysis: TrackAnalysis, i: number, alongKm: ArrayLike<number>): string {
  const v = analysis.vertices[i];
  const time = points[i].time;
  const when = time === undefined ? `${km(alongKm[i])} along the line` : `${utc(time)} (point ${i + 1} of ${points.length})`;
  const where = v.side === 'on' ? 'on the border line' : `${km(v.distanceKm)} from the border ${SIDE[v.side]}`;
  return `${when}: ${where}, beside ${chainage(v.chainageKm)} of the ${LINE[v.lineId] ?? v.lineId} from the Armenia tripoint.`;
}

/** The analysis in one or two sentences. */
function summary(incident: Incident, a: TrackAnalysis): string {
  const n = a.withinKm;
  const crossed = a.crossings.length === 0 ? 'It does not cross the border.' : `It crosses the border ${a.crossings.length === 1 ? 'once' : `${a.crossings.length} times`}.`;
  const along = a.alongUnionKm > 0 ? `, beside ${km(a.alongUnionKm)} of border` : '';
  if (a.hasTimes && a.durationMs !== undefined) {
    const within = a.timeWithinMs ?? 0, moving = a.movingMs ?? 0;
    const gaps = a.gaps.length === 0 ? '' : ` (${clock(moving)} of it with positions, ${clock(a.durationMs - moving)} in ${a.gaps.length === 1 ? 'a gap' : `${a.gaps.length} gaps`})`;
    return `${incident.title}: ${clock(a.durationMs)}${gaps}, ${km(a.lengthKm)}; ${clock(within)}${percent(within, moving)}${gaps === '' ? '' : ' of the time with positions'} within ${n} km of the border${along}. ${crossed}`;
  }
  return `Sampled every ${UNTIMED_STEP_KM * 1000} m along the line as drawn (its length and the km within ${n} km are given above). ${crossed}`;
}

/** The figures, each with what it means; a figure that cannot be given says why. */
function figures(a: TrackAnalysis): HTMLDListElement {
  const dl = el('dl', 'incident-facts track-facts');
  const n = a.withinKm;
  if (a.hasTimes) {
    addRow(dl, 'Duration', a.durationMs === undefined ? (a.reasons.durationMs ?? '') : clock(a.durationMs), 'track-duration');
    const ofMoving = a.gaps.length > 0 ? ' of the time with positions' : '';
    addRow(dl, `Time within ${n} km`, a.timeWithinMs === undefined ? (a.reasons.timeWithinMs ?? '')
      : `${clock(a.timeWithinMs)}${percent(a.timeWithinMs, a.movingMs ?? 0).replace(')', `${ofMoving})`)}; ${km(a.lengthWithinKm)} of track`, 'track-time-within');
    addRow(dl, `Along the border within ${n} km`, a.alongUnionKm === 0 ? 'none'
      : `${km(a.alongUnionKm)} of border passed${a.alongTravelledKm > a.alongUnionKm + 0.01 ? `; ${km(a.alongTravelledKm)} travelled along it (out and back counts twice)` : ''}`, 'track-along');
  }
  const crossings = a.crossings.map((c) => {
    const dir = c.direction === 'AZE→IRN' ? 'into Iran' : 'into Azerbaijan';
    if (c.inGap) return `${dir}, during a gap in the record (where and when unknown)`;
    const v = a.vertices[c.fromPoint];
    return `${dir}${c.time === undefined ? '' : ` at ${utc(c.time)}`}, near ${chainage(v.chainageKm)}`;
  });
  addRow(dl, 'Crossings', crossings.length === 0 ? 'none' : crossings.join('; '), 'track-crossings');
  if (a.hasTimes) {
    const speed = (v: number | undefined, why: string | undefined): string => (v === undefined ? (why ?? '') : `${v.toFixed(0)} km/h`);
    addRow(dl, 'Speed', `average ${speed(a.averageSpeedKmh, a.reasons.averageSpeedKmh)}; within ${n} km ${speed(a.speedWithinKmh, a.reasons.speedWithinKmh)}; fastest segment ${speed(a.maxSpeedKmh, a.reasons.maxSpeedKmh)}`, 'track-speed');
    addRow(dl, 'Gaps', a.gaps.length === 0 ? 'none'
      : `${a.gaps.length}: ${a.gaps.slice(0, 5).map((g) => `after point ${g.segment + 1}, ${clock(g.durationMs)} and ${km(g.km)} (${g.why === 'speed' ? 'impossibly fast' : 'no positions'})`).join('; ')}${a.gaps.length > 5 ? '; …' : ''}. Not interpolated: they count in no figure above.`, 'track-gaps');
  } else {
    addRow(dl, 'Speed', 'not given: the line has no times, only positions', 'track-speed');
  }
  return dl;
}
