import { describeValue } from '../describeValue';
import type { Incident, IncidentError, ParseResult } from '../types';
import { validateFeatures } from '../validateFeatures';
import { csvToFeatures } from './csvToFeatures';
import { detectImportFormat, type ImportFormat } from './detectImportFormat';
import type { ConvertedRecords, FileProblem } from './importRecords';
import { kmlToFeatures } from './kmlToFeatures';
import type { ParseXml } from './parseXmlFile';
import { readGeoJson } from './readGeoJson';

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

/** Converted records through the committed data's validation, with the conversion's errors, in file order. */
function validateRecords(converted: ConvertedRecords, fileName: string, options: ImportOptions): ParseResult {
  const { features, label } = converted;
  const { incidents, errors } = validateFeatures(features, { source: fileName, label, knownStretches: options.knownStretches });
  // Stable sort: each record's errors stay in the order they were found.
  return { incidents, errors: [...converted.errors, ...errors].sort((a, b) => a.index - b.index) };
}

/** What a format's reader gave (validated incidents, records still to validate, or a file problem) as the import's result. */
function toImportResult(
  read: ParseResult | ConvertedRecords | FileProblem,
  format: ImportFormat,
  fileName: string,
  options: ImportOptions,
): ImportResult {
  if ('fileError' in read) return fileFailure(format, read.fileError);
  if ('features' in read) return { ...validateRecords(read, fileName, options), format };
  return { ...read, format };
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
    case 'geojson':
      return toImportResult(readGeoJson(body, fileName, { knownStretches: options.knownStretches }), format, fileName, options);
    case 'csv':
      return toImportResult(csvToFeatures(body, fileName), format, fileName, options);
    case 'kml':
      return toImportResult(kmlToFeatures(body, fileName, options.parseXml), format, fileName, options);
  }
}
