import { describeValue } from '../describeValue';
import { recordError } from '../recordError';
import { LATITUDE_COLUMNS, LONGITUDE_COLUMNS } from './csvColumns';
import { unguardCsvCell } from './csvFormulaGuard';
import { importedId } from './importedId';
import type { ConvertedRecords, FileProblem } from './importRecords';
import { readCsvRows } from './readCsvRows';
import { numberCell, recordToProperties, textRecord } from './recordToProperties';

function findColumn(header: readonly string[], names: readonly string[]): string | undefined {
  return names.find((name) => header.includes(name));
}

/** A row's geometry: the `geometry` column's GeoJSON when it has one (a line or area), else a Point from latitude/longitude. */
function rowGeometry(record: Readonly<Record<string, string | undefined>>, latitude: string, longitude: string): unknown {
  const text = record.geometry?.trim();
  if (text === undefined || text === '') return { type: 'Point', coordinates: [numberCell(record[longitude]), numberCell(record[latitude])] };
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Left as text: the validation names the bad value under "geometry".
    return text;
  }
}

/**
 * Turns an incidents CSV (header row first) into GeoJSON features for the incident validation,
 * one per data row. Header names are matched case-insensitively; the marker comes from the
 * latitude/lat and longitude/lon/lng columns, or from a `geometry` column holding GeoJSON (a
 * line or area) when that cell is not empty; a row with no id gets `import-<file>-row-<n>`.
 * Rows are numbered from 1 after the header, blank lines not counted, and named with the
 * file line they start on: "row 3 (line 4)". A row Papaparse cannot read cleanly, or with a
 * different number of cells than the header, is reported and left out.
 */
export function csvToFeatures(text: string, fileName: string): ConvertedRecords | FileProblem {
  const [headerRow, ...rows] = readCsvRows(text);
  if (headerRow === undefined) return { fileError: `${fileName}: the CSV file has no header row (it is empty)` };
  const header = headerRow.cells.map((name) => name.trim().toLowerCase());
  const latitude = findColumn(header, LATITUDE_COLUMNS);
  const longitude = findColumn(header, LONGITUDE_COLUMNS);
  if (latitude === undefined || longitude === undefined) {
    const missing = [
      latitude === undefined ? `a latitude column (${LATITUDE_COLUMNS.join(' or ')})` : undefined,
      longitude === undefined ? `a longitude column (${LONGITUDE_COLUMNS.join(', ')})` : undefined,
    ].filter((m) => m !== undefined);
    return {
      fileError: `${fileName}: the CSV header has no ${missing.join(' and no ')}; its columns are ${describeValue(headerRow.cells.join(', '))}`,
    };
  }

  const label = (number: number): string => `row ${number} (line ${rows[number - 1].line})`;
  const converted: ConvertedRecords = { features: [], errors: [], label };
  rows.forEach((row, i) => {
    const number = i + 1;
    const skip = (problem: string): void => {
      converted.errors.push(recordError(fileName, label, number, '', `${problem}; row skipped`));
    };
    if (row.problems.length > 0) return skip(`cannot be read as CSV (${row.problems.join('; ')})`);
    if (row.cells.length !== header.length) return skip(`has ${row.cells.length} cells but the header has ${header.length}`);
    const record = textRecord(header.map((name, c) => [name, unguardCsvCell(row.cells[c] ?? '')] as const));
    const id = record.id?.trim();
    const feature = {
      type: 'Feature',
      id: id === undefined || id === '' ? importedId(fileName, 'row', number) : id,
      geometry: rowGeometry(record, latitude, longitude),
      properties: recordToProperties(record),
    };
    converted.features.push({ index: number, feature });
  });
  return converted;
}
