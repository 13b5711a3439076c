import { FullscreenControl, NavigationControl, ScaleControl, AttributionControl, type GeoJSONSource, type Map } from 'maplibre-gl';
import { LAYER_SOURCES } from '../map/style';
import { whenStyleReady } from '../map/whenStyleReady';
import { PHONE_MAX_WIDTH } from '../map/firstView';
import { stretchLabels } from '../map/stretchLabels';
import { openImportedStore, type ImportedStore } from '../store';
import { downloadBlob } from '../ui/dom';
import { renderWithoutMap } from '../ui/fallback';
import { Notices } from '../ui/notices';
import { AboutDialog } from '../ui/AboutDialog';
import type { TitleBar } from '../ui/TitleBar';
import { ToolsMenuControl } from '../ui/ToolsMenuControl';
import { renderMapImage } from '../ui/mapImage';
import { wireSkipLink } from '../ui/skipLink';
import { CATEGORIES, categoryLabel, type Incident } from '../incidents';
import { categoryColor } from '../map/palette';
import { DATA_URLS } from './dataUrls';
import { Explorer } from './Explorer';
import { ImportedIncidents, type ImportReport } from './ImportedIncidents';
import { loadBorder, loadIncidents, type BorderData, type Fetch, type Report } from './loadData';
import { exposeMapState } from './mapReadiness';
import type { UrlHistory } from './UrlHistory';

/** What the title bar's About and Save image do, set once the app has loaded. */
export interface TitleActions {
  about?: () => void;
  saveImage?: () => Promise<void>;
}

/** What the page's entry made before this module loaded: the map and its title bar (null when the map cannot be drawn), the address, the files asked for. */
export interface Started {
  map: Map | null;
  url: UrlHistory;
  fetcher: Fetch;
  titleBar: TitleBar | null;
  actions: TitleActions;
  /** Map errors reported before this module loaded. */
  mapErrors: readonly string[];
}

/** The app around a map the entry has created: data, storage, controls, the explorer; or the list alone without a map. */
export async function startApp({ map, url, fetcher, titleBar, actions, mapErrors }: Started): Promise<void> {
  const notices = new Notices(document.getElementById('notices') as HTMLElement);
  const report: Report = (title, lines, kind) => void notices.show(title, lines, kind);
  const data = Promise.all([
    loadIncidents(DATA_URLS.incidents, report, fetcher),
    loadBorder(DATA_URLS, report, fetcher),
  ]);
  const store = openStore(notices);
  wireSkipLink(document.querySelector('.skip-link'));
  if (!map || !titleBar) {
    await listWithoutMap(data, store, notices, url);
    return;
  }
  // Built when first opened, with the stretch's length once the border is in.
  let about: AboutDialog | undefined;
  let explorer: Explorer | undefined;
  let border: BorderData | null = null;
  for (const message of mapErrors) notices.show('Map error', [message], 'error');
  map.on('error', (e) => notices.show('Map error', [String(e.error?.message ?? e.error)], 'error'));
  actions.about = () => {
    about ??= new AboutDialog({ stretchKm: stretchKm(border) });
    about.open();
  };
  actions.saveImage = async () => downloadBlob(await renderMapImage(map, {
    subtitle: titleBar.rangeText,
    // Ours, then the categories imports brought (the explorer exists by the time anyone saves).
    legend: [...CATEGORIES, ...(explorer?.importedCategories() ?? [])].map((c) => ({ color: categoryColor(c), label: categoryLabel(c) })),
  }), 'azerbaijan-iran-border-incidents.png');
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
    whenStyleReady(map, setLabels);
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

async function openStore(notices: Notices): Promise<ImportedStore | null> {
  try {
    return await openImportedStore();
  } catch (err) {
    notices.show('Imported incidents will not be kept: this browser refused storage', [String(err)], 'warning');
    return null;
  }
}

/** Without a map, the committed incidents and the analyst's imports (checked as on the map) as a list. */
async function listWithoutMap(data: Promise<[Incident[], BorderData | null]>, store: Promise<ImportedStore | null>, notices: Notices, url: UrlHistory): Promise<void> {
  const importReport: ImportReport = (title, lines, kind, actions) => void notices.show(title, lines, kind, actions);
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
