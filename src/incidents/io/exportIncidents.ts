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
 * Incidents as CSV text with a header row of CSV_COLUMNS, then date_original, description_html,
 * on_border_computed and times (a JSON list) when any incident has them, then the imported files' own fields (extra), which
 * importIncidents reads back into the same incidents. Text is guarded with `'` wherever a
 * spreadsheet could start a formula (at the start or after `,` `;` or tab; see csvFormulaGuard),
 * and quoted whenever it holds `,` `;` tab, a quote or a line break, whatever delimiter a
 * spreadsheet guesses; numbers are written as numbers. The `imported` mark is never written.
 */
export function toCsv(incidents: readonly Incident[]): string {
  const taken = new Set<string>([...CSV_COLUMNS, ...IMPORT_COLUMNS, 'times']);
  // Imports' own fields follow ours, each under its name (one that would shadow ours is left out).
  const extraNames = [...new Set(incidents.flatMap((i) => Object.keys(i.extra ?? {})))].filter((n) => !taken.has(n.toLowerCase()));
  const importColumns = IMPORT_COLUMNS.filter((c) => incidents.some((i) => i[c] !== undefined));
  // A track's times, one per position of its geometry, as a JSON list.
  const timed = incidents.some((i) => i.times !== undefined);
  const data = incidents.map((incident) => {
    const row = csvRow(incident);
    const cells: (string | number)[] = CSV_COLUMNS.map((column) => row[column]);
    for (const c of importColumns) cells.push(incident[c] === undefined ? '' : String(incident[c]));
    if (timed) cells.push(incident.times === undefined ? '' : JSON.stringify(incident.times));
    for (const name of extraNames) cells.push(incident.extra?.[name] ?? '');
    return cells.map((value) => (typeof value === 'string' ? guardCsvCell(value) : value));
  });
  const quotes = (value: unknown): boolean => typeof value === 'string' && needsCsvQuotes(value);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS, ...importColumns, ...(timed ? ['times'] : []), ...extraNames], data }, { quotes })}\r\n`;
}

/** What only imports carry, written as columns when any incident has them. */
const IMPORT_COLUMNS = ['date_original', 'description_html', 'on_border_computed'] as const;
