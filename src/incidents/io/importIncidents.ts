import { csvToFeatures } from './csvToFeatures';
import { describeValue } from '../describeValue';
import { detectImportFormat, type ImportFormat } from './detectImportFormat';
import type { ConvertedRecords, FileProblem } from './importRecords';
import { kmlToFeatures, type ParseXml } from './kmlToFeatures';
import { parseIncidents } from '../parseIncidents';
import type { Incident, IncidentError } from '../types';
import { validateRecords } from './validateRecords';

export interface ImportOptions {
  /** Parses KML text; defaults to the browser's DOMParser (pass @xmldom/xmldom's in node). */
  parseXml?: ParseXml;
  /** If given, an incident's `stretch` must be one of these ids. */
  knownStretches?: ReadonlySet<string>;
}

export interface ImportResult {
  /** The valid incidents, in file order; `imported` is not set (the caller marks them). */
  incidents: Incident[];
  /**
   * One entry per problem, in file order. `index` is the number the message names the record by:
   * the 0-based feature for GeoJSON ("feature 0", as for the committed data), the 1-based data row
   * for CSV ("row 3 (line 4)": rows count from 1 after the header, blank lines not counted; the
   * line is the file's line the row starts on), the 1-based placemark for KML ("placemark 2");
   * -1 for the file as a whole.
   */
  errors: IncidentError[];
  /** The format the file was read as; 'unknown' when it could not be told. */
  format: ImportFormat | 'unknown';
}

function fileFailure(format: ImportFormat | 'unknown', message: string): ImportResult {
  return { incidents: [], errors: [{ index: -1, field: '', message }], format };
}

function fromRecords(
  converted: ConvertedRecords | FileProblem,
  format: ImportFormat,
  fileName: string,
  options: ImportOptions,
): ImportResult {
  if ('fileError' in converted) return fileFailure(format, converted.fileError);
  return { ...validateRecords(converted, fileName, { knownStretches: options.knownStretches }), format };
}

/**
 * Reads an analyst's incidents file (GeoJSON, CSV or KML) with the same validation as the
 * committed data: good records become incidents, each bad one is left out and reported by its
 * number and reason. A file that cannot be read at all (unknown format, broken JSON or XML, a
 * CSV without coordinate columns) gives one error with index -1 and no incidents. Text is kept
 * as text: nothing is interpreted as HTML.
 *
 * @param fileName names the file in messages and picks the format by its extension.
 */
export function importIncidents(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  // Spreadsheets often save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const format = detectImportFormat(body, fileName);
  switch (format) {
    case undefined:
      return fileFailure(
        'unknown',
        `${fileName}: unknown file format (expected .geojson, .json, .csv or .kml); it starts ${describeValue(body.trimStart().slice(0, 30))}`,
      );
    case 'geojson': {
      let value: unknown;
      try {
        value = JSON.parse(body) as unknown;
      } catch (error) {
        return fileFailure(format, `${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      return { ...parseIncidents(value, fileName, { knownStretches: options.knownStretches }), format };
    }
    case 'csv':
      return fromRecords(csvToFeatures(body, fileName), format, fileName, options);
    case 'kml':
      return fromRecords(kmlToFeatures(body, fileName, options.parseXml), format, fileName, options);
  }
}
