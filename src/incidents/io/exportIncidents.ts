import Papa from 'papaparse';
import { incidentsToFeatureCollection } from '../incidentFeature';
import type { Incident } from '../types';
import { CSV_COLUMNS, type CsvColumn } from './csvColumns';
import { guardCsvCell, needsCsvQuotes } from './csvFormulaGuard';

/** Incidents as a GeoJSON FeatureCollection text, in the committed file's form (never with the `imported` mark). */
export function toGeoJSON(incidents: readonly Incident[]): string {
  return `${JSON.stringify(incidentsToFeatureCollection(incidents), null, 2)}\n`;
}

/** ';'-joined names, or a JSON array when joining could not be split back into the same names. */
function actorsCell(actors: readonly string[]): string {
  const joinable = actors.every((a) => !a.includes(';') && a.trim() === a && a !== '');
  const joined = actors.join(';');
  return joinable && !joined.startsWith('[') ? joined : JSON.stringify(actors);
}

function csvRow(incident: Incident): Record<CsvColumn, string | number> {
  return {
    id: incident.id,
    title: incident.title,
    date: incident.date,
    date_precision: incident.date_precision,
    date_latest: incident.date_latest ?? '',
    duration_minutes: incident.duration_minutes ?? '',
    category: incident.category,
    actors: actorsCell(incident.actors),
    location: incident.location,
    geo_precision: incident.geo_precision,
    on_border: String(incident.on_border),
    description: incident.description,
    stretch: incident.stretch ?? '',
    latitude: incident.coordinates[1],
    longitude: incident.coordinates[0],
    quotes: JSON.stringify(incident.quotes),
    sources: JSON.stringify(incident.sources),
    // A point is its latitude/longitude; a line or area keeps its whole geometry as GeoJSON.
    geometry: incident.geometry.type === 'Point' ? '' : JSON.stringify(incident.geometry),
  };
}

/**
 * Incidents as CSV text with a header row of CSV_COLUMNS, which importIncidents reads back into
 * the same incidents. Text is guarded with `'` wherever a spreadsheet could start a formula (at
 * the start or after `,` `;` or tab; see csvFormulaGuard), and quoted whenever it holds `,` `;`
 * tab, a quote or a line break, whatever delimiter a spreadsheet guesses; numbers are written as
 * numbers. The `imported` mark is never written.
 */
export function toCsv(incidents: readonly Incident[]): string {
  const data = incidents.map((incident) => {
    const row = csvRow(incident);
    return CSV_COLUMNS.map((column) => {
      const value = row[column];
      return typeof value === 'string' ? guardCsvCell(value) : value;
    });
  });
  const quotes = (value: unknown): boolean => typeof value === 'string' && needsCsvQuotes(value);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { quotes })}\r\n`;
}
