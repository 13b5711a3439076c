import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/app.css';
import { AttributionControl, FullscreenControl, Map, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import fontCyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import worldLandUrl from '../../data/basemap/world-land.geojson?url';
import regionLandUrl from '../../data/basemap/land-region.geojson?url';
import boundariesUrl from '../../data/basemap/boundaries.geojson?url';
import placesUrl from '../../data/basemap/places.geojson?url';
import countryLabelsUrl from '../../data/basemap/country-labels.geojson?url';
import crossingsUrl from '../../data/basemap/crossings.geojson?url';
import borderUrl from '../../data/border.geojson?url';
import sectionsUrl from '../../data/border-sections.geojson?url';
import segmentsUrl from '../../data/segments.geojson?url';
import incidentsUrl from '../../data/incidents.geojson?url';
import { LAYER_SOURCES, buildStyle } from '../map/style';
import type { Incident } from '../incidents';
import { REGION_BOUNDS, firstViewPadding } from '../map/firstView';
import { stretchLabels } from '../map/stretchLabels';
import { openImportedStore, type ImportedStore } from '../store';
import { hasWebGL } from '../ui/dom';
import { renderWithoutMap } from '../ui/fallback';
import { Notices } from '../ui/notices';
import { Explorer } from './Explorer';
import { ImportedIncidents, type ImportReport } from './ImportedIncidents';
import { loadBorder, loadIncidents, type BorderData, type Report } from './loadData';
import { exposeMapState } from './mapReadiness';
import { UrlHistory } from './UrlHistory';

const abs = (url: string): string => new URL(url, document.baseURI).href;
const notices = new Notices(document.getElementById('notices') as HTMLElement);
const report: Report = (title, lines, kind) => void notices.show(title, lines, kind);
const importReport: ImportReport = (title, lines, kind, actions) => void notices.show(title, lines, kind, actions);
const url = new UrlHistory();

async function openStore(): Promise<ImportedStore | null> {
  try {
    return await openImportedStore();
  } catch (err) {
    notices.show('Imported incidents will not be kept: this browser refused storage', [String(err)], 'warning');
    return null;
  }
}

async function main(): Promise<void> {
  // Data, storage and the map start together: the first frame does not wait for the incidents.
  const data = Promise.all([
    loadIncidents(incidentsUrl, report),
    loadBorder({ incidents: incidentsUrl, border: borderUrl, sections: sectionsUrl, segments: segmentsUrl, regionLand: regionLandUrl }, report),
  ]);
  const store = openStore();
  if (!hasWebGL()) {
    const [incidents] = await data;
    notices.show('This browser cannot draw the map (WebGL is unavailable). The incidents are listed below.', [], 'error');
    // The analyst's imports are listed too, checked as on the map.
    const imported = new ImportedIncidents({
      store: await store, report: importReport, committedIds: new Set(incidents.map((i) => i.id)), onChange: () => undefined,
    });
    await imported.load();
    renderWithoutMap(document.getElementById('app') as HTMLElement, [...incidents, ...imported.all], url.read().view.incident ?? null);
    return;
  }
  setWorkerUrl(workerUrl);
  const camera = url.read().view.camera;
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
      crossings: abs(crossingsUrl),
      fonts: { latin: abs(fontLatin), latinExt: abs(fontLatinExt), cyrillic: abs(fontCyrillic) },
    }),
    ...(camera
      ? { center: [camera.center[0], camera.center[1]] as [number, number], zoom: camera.zoom, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 }
      : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: firstViewPadding(window.innerWidth) } }),
    attributionControl: false,
  });
  const started = startExplorer(map, data, store);
  exposeMapState(map, started);
  map.on('error', (e) => notices.show('Map error', [String(e.error?.message ?? e.error)], 'error'));
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl(), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  await started;
}

/** Once the data is in: the stretch labels, then the explorer with its layers, controls and the view in the URL. */
async function startExplorer(map: Map, data: Promise<[Incident[], BorderData | null]>, store: Promise<ImportedStore | null>): Promise<void> {
  const [incidents, border] = await data;
  const labels = stretchLabels(border?.context.stretches.values() ?? []);
  const setLabels = (): void => void (map.getSource(LAYER_SOURCES.stretchLabels) as GeoJSONSource | undefined)?.setData(labels);
  if (map.isStyleLoaded()) setLabels();
  else map.once('load', setLabels);
  const explorer = new Explorer({
    map, notices, url, incidents, border,
    store: await store,
    timeline: document.getElementById('timeline') as HTMLElement,
  });
  await explorer.start();
}

void main();
