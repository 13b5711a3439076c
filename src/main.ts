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
import borderUrl from '../data/border.geojson?url';
import sectionsUrl from '../data/border-sections.geojson?url';
import segmentsUrl from '../data/segments.geojson?url';
import incidentsUrl from '../data/incidents.geojson?url';
import { parseIncidents, type Incident } from './incidents';
import { buildStyle } from './map/style';
import { hasWebGL } from './ui/dom';
import { renderWithoutMap } from './ui/fallback';
import { IncidentListControl } from './ui/IncidentListControl';
import { IncidentMarkers } from './ui/IncidentMarkers';
import { LegendControl } from './ui/LegendControl';
import { Notices } from './ui/notices';
import { readParam, writeParam } from './ui/urlState';

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

function startMap(incidents: Incident[]): void {
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
      fonts: { latin: abs(fontLatin), latinExt: abs(fontLatinExt), cyrillic: abs(fontCyrillic) },
    }),
    bounds: [[44.6, 38.2], [49.4, 40.0]],
    fitBoundsOptions: { padding: { top: 30, bottom: 30, left: window.innerWidth > 900 ? 310 : 30, right: 50 } },
    hash: true,
    attributionControl: false,
  });
  const state = document.documentElement.dataset;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('idle', () => (state.mapState = 'idle'));
  map.on('error', (e) => notices.show('Map error', [String(e.error?.message ?? e.error)], 'error'));

  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl(), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  map.addControl(new LegendControl(), 'bottom-left');

  const list = new IncidentListControl(incidents, { onSelect: (id) => markers.open(id) });
  const markers = new IncidentMarkers(incidents, {
    onChange: (id) => {
      writeParam('incident', id);
      list.setCurrent(id);
    },
  });
  map.addControl(list, 'top-left');
  markers.addTo(map);

  const wanted = readParam('incident');
  if (wanted) {
    if (markers.has(wanted)) map.once('load', () => markers.open(wanted));
    else notices.show(`No incident with id '${wanted}'`, ['The link names an incident this map does not have.'], 'info');
  }
}

async function main(): Promise<void> {
  const incidents = await loadIncidents();
  if (!hasWebGL()) {
    notices.show('This browser cannot draw the map (WebGL is unavailable). The incidents are listed below.', [], 'error');
    renderWithoutMap(root, incidents, readParam('incident'));
    return;
  }
  startMap(incidents);
}

void main();
