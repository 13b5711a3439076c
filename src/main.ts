import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { AttributionControl, FullscreenControl, Map, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import fontCyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import worldLandUrl from '../data/basemap/world-land.geojson?url';
import regionLandUrl from '../data/basemap/land-region.geojson?url';
import boundariesUrl from '../data/basemap/boundaries.geojson?url';
import placesUrl from '../data/basemap/places.geojson?url';
import countryLabelsUrl from '../data/basemap/country-labels.geojson?url';
import borderUrl from '../data/border.geojson?url';
import sectionsUrl from '../data/border-sections.geojson?url';
import segmentsUrl from '../data/segments.geojson?url';
import incidentsUrl from '../data/incidents.geojson?url';
import type { FeatureCollection } from 'geojson';
import { BorderIndex, readSections, readStretches, stretchMidpoint } from './geo';
import { parseIncidents, type Incident } from './incidents';
import { buildStyle } from './map/style';
import { hasWebGL } from './ui/dom';
import { renderWithoutMap } from './ui/fallback';
import { buildIncidentMeasures, type BorderContext } from './ui/incidentMeasures';
import { IncidentExplorer } from './ui/IncidentExplorer';
import { openImportedStore, type ImportedStore } from './store';
import { MeasureControl } from './ui/MeasureControl';
import { LegendControl } from './ui/LegendControl';
import { Notices } from './ui/notices';
import { formatMeasureParam, parseMeasureParam, readParam, writeParam } from './ui/urlState';

const abs = (url: string): string => new URL(url, document.baseURI).href;
const root = document.getElementById('app') as HTMLElement;
const notices = new Notices(document.getElementById('notices') as HTMLElement);

async function loadIncidents(): Promise<Incident[]> {
  try {
    const response = await fetch(incidentsUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { incidents, errors } = parseIncidents(await response.json(), 'incidents.geojson');
    if (errors.length > 0) {
      notices.show(`${errors.length} incident${errors.length > 1 ? 's' : ''} skipped: bad data`, errors.map((e) => e.message));
    }
    return incidents;
  } catch (err) {
    notices.show('Could not load incidents.geojson', [String(err)], 'error');
    return [];
  }
}

async function fetchJson(url: string, name: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

interface BorderData {
  context: BorderContext;
  sections: ReturnType<typeof readSections>;
}

async function loadBorder(): Promise<BorderData | null> {
  try {
    const [border, sections, segments, land] = await Promise.all([
      fetchJson(borderUrl, 'border.geojson'),
      fetchJson(sectionsUrl, 'border-sections.geojson'),
      fetchJson(segmentsUrl, 'segments.geojson'),
      fetchJson(regionLandUrl, 'land-region.geojson') as Promise<FeatureCollection>,
    ]);
    const context = { index: new BorderIndex(border), land, stretches: readStretches(segments) };
    return { context, sections: readSections(sections) };
  } catch (err) {
    notices.show('Could not load the border data: measuring is off', [String(err)], 'error');
    return null;
  }
}

function stretchLabels(border: BorderData | null): FeatureCollection {
  const features = [...(border?.context.stretches.values() ?? [])].map((s) => ({
    type: 'Feature' as const,
    properties: { name: s.name, length_km: s.lengthKm },
    geometry: { type: 'Point' as const, coordinates: [...stretchMidpoint(s)] },
  }));
  return { type: 'FeatureCollection', features };
}

async function startMap(incidents: Incident[], border: BorderData | null): Promise<void> {
  setWorkerUrl(workerUrl);
  const map = new Map({
    container: 'map',
    style: buildStyle({
      worldLand: abs(worldLandUrl),
      regionLand: abs(regionLandUrl),
      boundaries: abs(boundariesUrl),
      border: abs(borderUrl),
      sections: abs(sectionsUrl),
      segments: abs(segmentsUrl),
      places: abs(placesUrl),
      countryLabels: abs(countryLabelsUrl),
      fonts: { latin: abs(fontLatin), latinExt: abs(fontLatinExt), cyrillic: abs(fontCyrillic) },
    }, stretchLabels(border)),
    bounds: [[44.6, 38.2], [49.4, 40.0]],
    fitBoundsOptions: { padding: { top: 30, bottom: 30, left: window.innerWidth > 900 ? 310 : 30, right: 50 } },
    hash: true,
    attributionControl: false,
  });
  const state = document.documentElement.dataset;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('dataloading', () => (state.mapState = 'loading'));
  map.on('idle', () => (state.mapState = 'idle'));
  map.on('error', (e) => notices.show('Map error', [String(e.error?.message ?? e.error)], 'error'));

  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl(), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');

  if (border) {
    const measure = new MeasureControl({
      index: border.context.index,
      sections: border.sections,
      onChange: (points) => writeParam('measure', points ? formatMeasureParam(points) : null),
    });
    map.addControl(measure, 'top-right');
    const shared = readParam('measure');
    if (shared) {
      const parsed = parseMeasureParam(shared);
      if ('error' in parsed) notices.show('Measurement in the link ignored', [parsed.error], 'info');
      else measure.measureBetween(parsed.points[0], parsed.points[1], { fit: !window.location.hash });
    }
  }

  const legend = new LegendControl({
    onCategories: (categories) => explorer.setCategories(categories),
    onWithin: (km) => explorer.setWithin(km),
  });
  const explorer = new IncidentExplorer({
    map,
    notices,
    incidents,
    store: await openStore(),
    timeline: document.getElementById('timeline') as HTMLElement,
    legend,
    details: border ? (incident) => buildIncidentMeasures(incident, border.context) : undefined,
    distanceKm: border ? (incident) => border.context.index.snap(incident.coordinates).distanceKm : undefined,
  });
  await explorer.start();
  map.addControl(legend, 'top-left');
}

async function openStore(): Promise<ImportedStore | null> {
  try {
    return await openImportedStore();
  } catch (err) {
    notices.show('Imported incidents will not be kept: this browser refused storage', [String(err)], 'warning');
    return null;
  }
}

async function main(): Promise<void> {
  const [incidents, border] = await Promise.all([loadIncidents(), loadBorder()]);
  if (!hasWebGL()) {
    notices.show('This browser cannot draw the map (WebGL is unavailable). The incidents are listed below.', [], 'error');
    renderWithoutMap(root, incidents, readParam('incident'));
    return;
  }
  await startMap(incidents, border);
}

void main();
