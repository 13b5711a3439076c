import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES } from '../incidents';
import { FONT } from './style';
import { categoryColor, COLORS } from './palette';

/** Sources and layers the app adds over the base style at run time. */
export const OVERLAY = {
  incidentSource: 'incidents',
  incidentClusters: 'incident-clusters',
  incidentCount: 'incident-cluster-count',
  incidentPoints: 'incident-points',
  incidentShapeSource: 'incident-shapes',
  incidentAreas: 'incident-areas',
  incidentAreaOutlines: 'incident-area-outlines',
  incidentLines: 'incident-lines',
  measureSource: 'measure',
  measureHoverSource: 'measure-hover',
  measureLine: 'measure-line',
  measurePoints: 'measure-points',
  measureHover: 'measure-hover',
  trackSource: 'track-focus',
  trackCursorSource: 'track-cursor',
  trackHit: 'track-hit',
  trackBand: 'track-band',
  trackArrows: 'track-arrows',
  trackCrossings: 'track-crossings',
  trackCursor: 'track-cursor',
  trackArrowImage: 'track-arrow',
} as const;

/** Beyond this zoom incidents are never clustered. */
export const CLUSTER_MAX_ZOOM = 11;

/** Marker colour by category: the committed categories and any imported ones (`others`), grey otherwise. */
export function categoryPaint(others: readonly string[] = []): ExpressionSpecification {
  const names = [...new Set([...CATEGORIES, ...others])];
  return ['match', ['get', 'category'], ...names.flatMap((c) => [c, categoryColor(c)]), COLORS.unknownCategory] as unknown as ExpressionSpecification;
}

/** Clusters, their counts and single incidents (coloured by category, imported ones ringed). */
export function incidentLayers(categories: readonly string[] = []): LayerSpecification[] {
  const source = OVERLAY.incidentSource;
  return [
    {
      id: OVERLAY.incidentClusters, type: 'circle', source, filter: ['has', 'point_count'],
      paint: {
        'circle-color': COLORS.cluster,
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 100, 20, 1000, 25, 10000, 31],
        'circle-stroke-color': COLORS.halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: OVERLAY.incidentCount, type: 'symbol', source, filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [FONT], 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': COLORS.halo },
    },
    {
      id: OVERLAY.incidentPoints, type: 'circle', source, filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': categoryPaint(categories),
        'circle-radius': 8,
        'circle-stroke-color': ['case', ['get', 'imported'], COLORS.importedRing, COLORS.halo],
        'circle-stroke-width': ['case', ['get', 'imported'], 3, 2],
      },
    },
  ];
}

/** Lines and areas of incidents (under their markers): areas filled and outlined, lines drawn, both in the category's colour. */
export function incidentShapeLayers(categories: readonly string[] = []): LayerSpecification[] {
  const paint = categoryPaint(categories);
  const source = OVERLAY.incidentShapeSource;
  const areas: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
  const lines: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
  return [
    { id: OVERLAY.incidentAreas, type: 'fill', source, filter: areas, paint: { 'fill-color': paint, 'fill-opacity': 0.22 } },
    {
      id: OVERLAY.incidentAreaOutlines, type: 'line', source, filter: areas,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': paint, 'line-width': 1.5, 'line-dasharray': [3, 1.5] },
    },
    {
      id: OVERLAY.incidentLines, type: 'line', source, filter: lines,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': paint, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 4] },
    },
  ];
}

/** The measured border slice, the chord and ruler legs, their ends, and the hover snap point. */
export function measureLayers(): LayerSpecification[] {
  return [
    {
      id: OVERLAY.measureLine, type: 'line', source: OVERLAY.measureSource,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'role'], 'slice', COLORS.measureSlice, 'chord', COLORS.measureChord, COLORS.measure],
        'line-width': ['match', ['get', 'role'], 'slice', 5, 2.5],
        'line-dasharray': ['match', ['get', 'role'], 'chord', ['literal', [2, 2]], ['literal', [1, 0]]],
      },
    },
    {
      id: OVERLAY.measurePoints, type: 'circle', source: OVERLAY.measureSource, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 4, 'circle-color': COLORS.measure, 'circle-stroke-color': COLORS.halo, 'circle-stroke-width': 1.5 },
    },
    {
      id: OVERLAY.measureHover, type: 'circle', source: OVERLAY.measureHoverSource,
      paint: { 'circle-radius': 5, 'circle-color': COLORS.hover, 'circle-opacity': 0.6, 'circle-stroke-color': COLORS.halo, 'circle-stroke-width': 1 },
    },
  ];
}

/**
 * The open track: a wide invisible line to hover, the parts within the band drawn over it, arrows
 * along it in its direction, its crossings of the border, and the point the profile's cursor is at.
 */
export function trackLayers(): LayerSpecification[] {
  const source = OVERLAY.trackSource;
  const role = (r: string): ExpressionSpecification => ['==', ['get', 'role'], r];
  return [
    { id: OVERLAY.trackHit, type: 'line', source, filter: role('track'), paint: { 'line-color': COLORS.trackBand, 'line-opacity': 0, 'line-width': 16 } },
    {
      id: OVERLAY.trackBand, type: 'line', source, filter: role('band'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COLORS.trackBand, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 4, 10, 7], 'line-opacity': 0.55 },
    },
    {
      id: OVERLAY.trackArrows, type: 'symbol', source, filter: role('track'),
      layout: { 'symbol-placement': 'line', 'symbol-spacing': 80, 'icon-image': OVERLAY.trackArrowImage, 'icon-allow-overlap': true, 'icon-rotation-alignment': 'map' },
    },
    {
      id: OVERLAY.trackCrossings, type: 'circle', source, filter: role('crossing'),
      paint: { 'circle-radius': 6, 'circle-color': COLORS.trackCrossing, 'circle-stroke-color': COLORS.trackBand, 'circle-stroke-width': 3 },
    },
    {
      id: OVERLAY.trackCursor, type: 'circle', source: OVERLAY.trackCursorSource,
      paint: { 'circle-radius': 7, 'circle-color': COLORS.trackCursor, 'circle-stroke-color': COLORS.halo, 'circle-stroke-width': 2 },
    },
  ];
}
