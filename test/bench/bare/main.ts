// The baseline for npm run bench:page: the app's style, basemap and clustered incident layers
// drawn by MapLibre alone, with no app UI, no validation and no border index.
import 'maplibre-gl/dist/maplibre-gl.css';
// A file, not an inline <style>: the served build's Content-Security-Policy (style-src 'self') blocks inline styles.
import './bare.css';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import incidentsUrl from '../../../data/incidents.geojson?url';
import { styleUrls } from '../../../src/app/dataUrls';
import { REGION_BOUNDS, firstViewPadding } from '../../../src/map/firstView';
import { CLUSTER_MAX_ZOOM, OVERLAY, incidentLayers } from '../../../src/map/overlays';
import { buildStyle } from '../../../src/map/style';

const abs = (url: string): string => new URL(url, document.baseURI).href;
setWorkerUrl(workerUrl);
const style = buildStyle(styleUrls());
style.sources[OVERLAY.incidentSource] = {
  type: 'geojson', data: abs(incidentsUrl), promoteId: 'id', cluster: true, clusterRadius: 36, clusterMaxZoom: CLUSTER_MAX_ZOOM,
};
style.layers.push(...incidentLayers());
const map = new Map({
  container: 'map', style, bounds: REGION_BOUNDS, fitBoundsOptions: { padding: firstViewPadding(window.innerWidth) }, attributionControl: false,
});
const state = document.documentElement.dataset;
state.mapState = 'loading';
map.on('idle', () => (state.mapState = 'idle'));
