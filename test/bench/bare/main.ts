// The baseline for npm run bench:page: the app's style, basemap and clustered incident layers
// drawn by MapLibre alone, with no app UI, no validation and no border index.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import fontCyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import worldLandUrl from '../../../data/basemap/world-land.geojson?url';
import regionLandUrl from '../../../data/basemap/land-region.geojson?url';
import boundariesUrl from '../../../data/basemap/boundaries.geojson?url';
import placesUrl from '../../../data/basemap/places.geojson?url';
import countryLabelsUrl from '../../../data/basemap/country-labels.geojson?url';
import crossingsUrl from '../../../data/basemap/crossings.geojson?url';
import borderUrl from '../../../data/border.geojson?url';
import sectionsUrl from '../../../data/border-sections.geojson?url';
import segmentsUrl from '../../../data/segments.geojson?url';
import incidentsUrl from '../../../data/incidents.geojson?url';
import { REGION_BOUNDS, firstViewPadding } from '../../../src/map/firstView';
import { CLUSTER_MAX_ZOOM, OVERLAY, incidentLayers } from '../../../src/map/overlays';
import { buildStyle } from '../../../src/map/style';

const abs = (url: string): string => new URL(url, document.baseURI).href;
setWorkerUrl(workerUrl);
const style = buildStyle({
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
});
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
