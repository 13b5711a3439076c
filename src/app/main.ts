import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/app.css';
import { Map, setWorkerUrl, type ErrorEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { buildStyle } from '../map/style';
import { REGION_BOUNDS, firstViewPadding } from '../map/firstView';
import { prefersReducedMotion } from '../ui/motion';
import { TitleBar } from '../ui/TitleBar';
import { DATA_URLS, styleUrls } from './dataUrls';
import { UrlHistory } from './UrlHistory';
import type { TitleActions } from './startApp';

// The entry only creates the map, so that its first frame waits for MapLibre alone; the data files
// are asked for at once, and the app (controls, panels, validation) loads beside the map's first draw.
const early = new globalThis.Map(Object.values(DATA_URLS).map((u) => {
  const response = fetch(u);
  // Its reader sees a failure; until then it is not an unhandled rejection.
  response.catch(() => undefined);
  return [u, response];
}));
const fetcher = (u: string): Promise<Response> => early.get(u) ?? fetch(u);
const url = new UrlHistory();
const app = import('./startApp');

function createMap(): Map | null {
  setWorkerUrl(workerUrl);
  const camera = url.read().view.camera;
  try {
    return new Map({
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
    return null;
  }
}

const map = createMap();
// Map errors before the app has loaded are kept for its notices.
const mapErrors: string[] = [];
const keepMapError = (e: ErrorEvent): void => void mapErrors.push(String(e.error?.message ?? e.error));
map?.on('error', keepMapError);
// startApp fills in the title bar's actions before its first await: once it has been called, they are there.
const actions: TitleActions = {};
const started = app.then(({ startApp }) => {
  map?.off('error', keepMapError);
  void startApp({ map, url, fetcher, titleBar, actions, mapErrors });
});
// The title bar's buttons take their room before the map's first frame (adding them later would resize it).
const titleBar = map ? new TitleBar(document.getElementById('title-actions') as HTMLElement, document.getElementById('title-range') as HTMLElement, {
  onAbout: () => void started.then(() => actions.about?.()),
  link: () => url.href(),
  onSaveImage: async () => {
    await started;
    await actions.saveImage?.();
  },
}) : null;
started.catch((err: unknown) => {
  // The app's module did not load (offline after an update, say): the map alone would say nothing.
  const notice = document.createElement('p');
  notice.className = 'notice notice-error';
  notice.setAttribute('role', 'alert');
  notice.textContent = `The app could not load (${String(err)}). Reload the page to try again.`;
  document.getElementById('notices')?.append(notice);
});
