import type { TrackAnalysis, TrackPoint } from '../geo';
import { incidentToFeature } from './incidentFeature';
import type { Incident } from './types';

const SIDE_WORDS = { AZE: 'Azerbaijan', IRN: 'Iran', on: 'on the line' } as const;

/**
 * A track's analysis as CSV, one row per position: its number, time (ISO UTC, empty without times),
 * latitude, longitude, signed km to the border (+ Azerbaijan's side, − Iran's), the side, the border
 * line it is nearest to, km along that line from its first vertex, and whether it lies within the
 * band. Every cell is a number, a date-time or one of our own words: nothing for a spreadsheet to run.
 */
export function trackAnalysisCsv(points: readonly TrackPoint[], analysis: TrackAnalysis): string {
  const header = ['point', 'time_utc', 'latitude', 'longitude', 'distance_km', 'side', 'border_line', 'chainage_km', `within_${analysis.withinKm}_km`];
  const rows = points.map((p, i) => {
    const v = analysis.vertices[i];
    return [
      i + 1, p.time === undefined ? '' : new Date(p.time).toISOString(), p.lat, p.lon, v.signedKm.toFixed(4), SIDE_WORDS[v.side], v.lineId,
      v.chainageKm.toFixed(4), String(v.distanceKm <= analysis.withinKm),
    ].join(',');
  });
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A track incident as a GeoJSON Feature with its times, as our model writes them (`times`) and as GPX converters do (`coordinateProperties.times`). */
export function trackGeoJson(incident: Incident): string {
  const feature = incidentToFeature(incident);
  const properties = incident.times === undefined ? feature.properties : { ...feature.properties, coordinateProperties: { times: incident.times } };
  return `${JSON.stringify({ type: 'FeatureCollection', features: [{ ...feature, properties }] }, null, 2)}\n`;
}
