import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { COLORS } from './palette';

/** Absolute URLs of every file the style loads; all are served by the app itself. */
export interface StyleUrls {
  worldLand: string;
  regionLand: string;
  boundaries: string;
  border: string;
  sections: string;
  segments: string;
  places: string;
  countryLabels: string;
  crossings: string;
  fonts: { latin: string; latinExt: string; cyrillic: string };
}

export const FONT = 'Noto Sans Regular';


const OSM = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL)';

/** Ids of the style's sources that other modules fill. */
export const LAYER_SOURCES = { stretchLabels: 'stretch-labels' } as const;

/** Ids of the style's layers that other modules address. */
export const LAYER = {
  border: 'border-line',
  borderRiver: 'border-river',
  stretch: 'stretch-halo',
  stretchLabel: 'stretch-label',
  crossings: 'crossings',
} as const;

const countryFill: ExpressionSpecification = [
  'match', ['get', 'A3'],
  'AZE', COLORS.aze,
  'IRN', COLORS.irn,
  COLORS.land,
];

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The offline style: land and water, boundaries, the border by section, the stretch, place labels.
 * @param stretchLabels points labelling the stretches (name, length_km); default none.
 */
export function buildStyle(urls: StyleUrls, stretchLabels: FeatureCollection = NO_FEATURES): StyleSpecification {
  const fontFaces = [
    { url: urls.fonts.latin, 'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+2000-206F', 'U+20AC', 'U+2212'] },
    { url: urls.fonts.latinExt, 'unicode-range': ['U+0100-02BA', 'U+1E00-1EFF', 'U+A720-A7FF'] },
    { url: urls.fonts.cyrillic, 'unicode-range': ['U+0400-045F', 'U+0490-0491', 'U+04B0-04B1'] },
  ];
  return {
    version: 8,
    name: 'Azerbaijan–Iran border (offline)',
    'font-faces': { [FONT]: fontFaces },
    sources: {
      'world-land': { type: 'geojson', data: urls.worldLand, attribution: 'Natural Earth' },
      'region-land': { type: 'geojson', data: urls.regionLand, attribution: OSM, tolerance: 0.25 },
      boundaries: { type: 'geojson', data: urls.boundaries, attribution: OSM },
      border: { type: 'geojson', data: urls.border, attribution: OSM },
      sections: { type: 'geojson', data: urls.sections, attribution: OSM },
      segments: { type: 'geojson', data: urls.segments, attribution: OSM },
      [LAYER_SOURCES.stretchLabels]: { type: 'geojson', data: stretchLabels },
      'country-labels': { type: 'geojson', data: urls.countryLabels, attribution: OSM },
      places: { type: 'geojson', data: urls.places, attribution: '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)' },
      crossings: { type: 'geojson', data: urls.crossings, attribution: OSM },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
      { id: 'world-land', type: 'fill', source: 'world-land', maxzoom: 7, paint: { 'fill-color': COLORS.land } },
      {
        // Fades in as the world layer gives way, so the region's clipped edge never shows zoomed out.
        id: 'region-land', type: 'fill', source: 'region-land',
        paint: { 'fill-color': countryFill, 'fill-antialias': true, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0, 5.5, 1] },
      },
      {
        id: 'boundaries', type: 'line', source: 'boundaries',
        filter: ['!=', ['get', 'maritime'], true],
        paint: { 'line-color': COLORS.boundary, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.6], 'line-dasharray': [3, 2] },
      },
      {
        id: 'boundaries-maritime', type: 'line', source: 'boundaries',
        filter: ['==', ['get', 'maritime'], true],
        paint: { 'line-color': COLORS.boundary, 'line-width': 0.6, 'line-opacity': 0.5, 'line-dasharray': [1, 3] },
      },
      {
        id: LAYER.stretch, type: 'line', source: 'segments',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': COLORS.stretch, 'line-opacity': 0.55, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 8, 10, 18] },
      },
      {
        id: LAYER.borderRiver, type: 'line', source: 'sections',
        filter: ['==', ['get', 'kind'], 'river'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 7] },
      },
      {
        id: LAYER.border, type: 'line', source: 'sections',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.6, 10, 3],
          // River sections: the border as a dashed line down the river; land sections solid.
          'line-dasharray': ['case', ['==', ['get', 'kind'], 'river'], ['literal', [2, 1.5]], ['literal', [1, 0]]],
        },
      },
      {
        id: 'places-dot', type: 'circle', source: 'places',
        filter: ['<=', ['get', 'rank'], ['+', 1, ['floor', ['/', ['zoom'], 2]]]],
        paint: { 'circle-radius': 2.5, 'circle-color': COLORS.placeDot, 'circle-stroke-color': COLORS.halo, 'circle-stroke-width': 1 },
      },
      {
        // The open crossings: a ringed dot on the border (drawn, no sprite), named beside it (crossings-label).
        id: LAYER.crossings, type: 'circle', source: 'crossings', minzoom: 5,
        paint: { 'circle-radius': 5, 'circle-color': COLORS.halo, 'circle-stroke-color': COLORS.crossing, 'circle-stroke-width': 2.5 },
      },
      // Labels from here up: the app draws its incidents below them.
      {
        id: LAYER.stretchLabel, type: 'symbol', source: LAYER_SOURCES.stretchLabels,
        layout: {
          // Rounded, and said to be the drawn line's length: popups give the same figure to 0.01 km.
          'text-field': ['concat', ['get', 'name'], ' · ≈ ', ['to-string', ['round', ['get', 'length_km']]], ' km as drawn'],
          'text-font': [FONT], 'text-size': 13,
          // Beside the stretch's middle, on Azerbaijan's side: the winding river leaves no room for text along it.
          'text-anchor': 'right', 'text-offset': [-1.2, -1.5], 'text-allow-overlap': true, 'text-max-width': 16,
        },
        paint: { 'text-color': COLORS.stretchText, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.6 },
      },
      {
        // Azerbaijan's and Iran's names beside the border, where the border is read.
        id: 'country-label-border', type: 'symbol', source: 'country-labels', minzoom: 5.5, maxzoom: 10,
        filter: ['==', ['get', 'placement'], 'border'],
        layout: { 'text-field': ['upcase', ['get', 'name']], 'text-font': [FONT], 'text-size': 15, 'text-letter-spacing': 0.3, 'text-allow-overlap': true },
        paint: { 'text-color': COLORS.countryLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
      },
      {
        id: 'country-label-points', type: 'symbol', source: 'country-labels', maxzoom: 6,
        filter: ['!=', ['get', 'placement'], 'border'],
        layout: { 'text-field': ['upcase', ['get', 'name']], 'text-font': [FONT], 'text-size': 13, 'text-letter-spacing': 0.15 },
        paint: { 'text-color': COLORS.countryLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 },
      },
      {
        // One label per polygon per tile, so each side of the border is named wherever the map is.
        id: 'country-label-areas', type: 'symbol', source: 'region-land', minzoom: 6, maxzoom: 9,
        // Azerbaijan and Iran are named beside the border instead (country-label-border).
        filter: ['in', ['get', 'A3'], ['literal', ['ARM', 'TUR', 'GEO', 'RUS']]],
        layout: {
          'text-field': ['upcase', ['get', 'name']], 'text-font': [FONT], 'text-size': 13, 'text-letter-spacing': 0.2,
          'symbol-placement': 'point', 'text-padding': 120,
        },
        paint: { 'text-color': COLORS.countryLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 },
      },
      {
        // Below the place names in priority: where they meet, the town keeps its name.
        id: 'crossings-label', type: 'symbol', source: 'crossings', minzoom: 6,
        layout: {
          'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12,
          'text-anchor': 'top', 'text-offset': [0, 0.7], 'text-optional': true,
        },
        paint: { 'text-color': COLORS.crossing, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
      },
      {
        id: 'places-label', type: 'symbol', source: 'places',
        filter: ['<=', ['get', 'rank'], ['+', 1, ['floor', ['/', ['zoom'], 2]]]],
        layout: {
          'text-field': ['get', 'name'], 'text-font': [FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 10, 14],
          // Right of the dot where there is room, else another side: close border places all get a label.
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.5, 'text-justify': 'auto',
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: {
          'text-color': ['case', ['==', ['get', 'kind'], 'landmark'], COLORS.landmarkText, COLORS.label],
          'text-halo-color': COLORS.halo, 'text-halo-width': 1.4,
        },
      },
    ],
  };
}
