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
import type { StyleUrls } from '../map/style';
import type { DataUrls } from './loadData';

const abs = (url: string): string => new URL(url, document.baseURI).href;

/** Where the app's data files are served: what the loaders fetch. */
export const DATA_URLS: DataUrls = {
  incidents: incidentsUrl, border: borderUrl, sections: sectionsUrl, segments: segmentsUrl, regionLand: regionLandUrl,
};

/** Absolute URLs of every file the style loads (MapLibre's worker resolves no relative ones). */
export function styleUrls(): StyleUrls {
  return {
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
  };
}
