import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/app.css';
import { AttributionControl, FullscreenControl, Map, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LAYER_SOURCES, buildStyle } from '../map/style';
import { PHONE_MAX_WIDTH, REGION_BOUNDS, firstViewPadding } from '../map/firstView';
import { stretchLabels } from '../map/stretchLabels';
import { openImportedStore, type ImportedStore } from '../store';
import { downloadBlob } from '../ui/dom';
import { renderWithoutMap } from '../ui/fallback';
import { Notices } from '../ui/notices';
import { AboutDialog } from '../ui/AboutDialog';
import { prefersReducedMotion } from '../ui/IncidentDetails';
import { TitleBar } from '../ui/TitleBar';
import { ToolsMenuControl } from '../ui/ToolsMenuControl';
import { renderMapImage } from '../ui/mapImage';
import { wireSkipLink } from '../ui/skipLink';
import { CATEGORIES, categoryLabel, type Incident } from '../incidents';
import { categoryColor } from '../map/palette';
import { DATA_URLS, styleUrls } from './dataUrls';
import { Explorer } from './Explorer';
import { ImportedIncidents, type ImportReport } from './ImportedIncidents';
import { loadBorder, loadIncidents, type BorderData, type Report } from './loadData';
import { exposeMapState } from './mapReadiness';
import { UrlHistory } from './UrlHistory';

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
    loadIncidents(DATA_URLS.incidents, report),
    loadBorder(DATA_URLS, report),
  ]);
  const store = openStore();
  wireSkipLink(document.querySelector('.skip-link'));
  setWorkerUrl(workerUrl);
  const camera = url.read().view.camera;
  let map: Map;
  try {
    map = new Map({
      container: 'map',
      style: buildStyle(styleUrls()),
      ...(camera
        ? { center: [camera.center[0], camera.center[1]] as [number, number], zoom: camera.zoom, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 }
        : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: firstViewPadding(window.innerWidth) } }),
      // Keyboard users need to see where the map's focus is: MapLibre's canvas gets an outline in app.css.
      attributionControl: false,
      // Labels appear without fading in when less motion is asked for.
      ...(prefersReducedMotion() ? { fadeDuration: 0 } : {}),
    });
  } catch (err) {
    // No WebGL2: asking MapLibre is the test, as a separate probe context costs a few hundred ms.
    console.info('The map cannot be drawn here:', err);
    await listWithoutMap(data, store);
    return;
  }
  // Built when first opened, with the stretch's length once the border is in.
  let about: AboutDialog | undefined;
  let explorer: Explorer | undefined;
  let border: BorderData | null = null;
  map.on('error', (e) => notices.show('Map error', [String(e.error?.message ?? e.error)], 'error'));
  const titleBar = new TitleBar(document.getElementById('title-actions') as HTMLElement, document.getElementById('title-range') as HTMLElement, {
    onAbout: () => {
      about ??= new AboutDialog({ stretchKm: stretchKm(border) });
      about.open();
    },
    link: () => url.href(),
    onSaveImage: async () => downloadBlob(await renderMapImage(map, {
      subtitle: titleBar.rangeText,
      // Ours, then the categories imports brought (the explorer exists by the time anyone saves).
      legend: [...CATEGORIES, ...(explorer?.importedCategories() ?? [])].map((c) => ({ color: categoryColor(c), label: categoryLabel(c) })),
    }), 'azerbaijan-iran-border-incidents.png'),
  });
  map.addControl(new ToolsMenuControl(), 'top-right');
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new FullscreenControl(), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
  map.addControl(new AttributionControl({ compact: window.innerWidth <= PHONE_MAX_WIDTH }), 'bottom-right');
  const started = (async (): Promise<void> => {
    const [incidents, loaded] = await data;
    border = loaded;
    const labels = stretchLabels(loaded?.context.stretches.values() ?? []);
    const setLabels = (): void => void (map.getSource(LAYER_SOURCES.stretchLabels) as GeoJSONSource | undefined)?.setData(labels);
    if (map.isStyleLoaded()) setLabels();
    else map.once('load', setLabels);
    explorer = new Explorer({
      map, notices, url, incidents, border: loaded,
      store: await store,
      timeline: document.getElementById('timeline') as HTMLElement,
      onSummary: (text) => titleBar.setRange(text),
      printDetails: document.getElementById('print-details'),
    });
    await explorer.start();
  })();
  exposeMapState(map, started);
  await started;
}

/** Without a map, the committed incidents and the analyst's imports (checked as on the map) as a list. */
async function listWithoutMap(data: Promise<[Incident[], BorderData | null]>, store: Promise<ImportedStore | null>): Promise<void> {
  const [incidents] = await data;
  const imported = new ImportedIncidents({
    store: await store, report: importReport, committedIds: new Set(incidents.map((i) => i.id)), onChange: () => undefined,
  });
  await imported.load();
  renderWithoutMap(document.getElementById('app') as HTMLElement, [...incidents, ...imported.all], url.read().view.incident ?? null);
  // Said once the list is there, so "listed below" is true when it is read.
  notices.show('This browser cannot draw the map (WebGL is unavailable). The incidents are listed below.', [], 'error');
}

/** The Zangilan–Bilasuvar stretch's length as drawn, once the border is in. */
function stretchKm(border: BorderData | null): number | undefined {
  return border?.context.stretches.values().next().value?.lengthKm;
}

void main();
