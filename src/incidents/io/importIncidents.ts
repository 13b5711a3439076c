import type { Incident, IncidentError } from '../types';
import { buildImport, type BuildImportOptions, type ImportChoice, type ImportPreview, type ImportProblem } from './buildImport';
import type { ImportFormat } from './detectImportFormat';
import { matchColumns } from './matchColumns';
import type { ParseXml } from './parseXmlFile';
import { readImportTable } from './readImportTable';

export interface ImportOptions extends BuildImportOptions {
  /** Parses KML text; defaults to the browser's DOMParser (pass @xmldom/xmldom's in node). */
  parseXml?: ParseXml;
  /** The column mapping and day order to use; default the proposed mapping (matchColumns), day first. */
  choice?: ImportChoice;
}

export interface ImportResult {
  /** The valid incidents, in file order; `imported` is not set (the caller marks them). */
  incidents: Incident[];
  /**
   * One entry per record left out, in file order. `index` is the number the message names the
   * record by: the 0-based feature for GeoJSON ("feature 0"), the 1-based data row for CSV
   * ("row 3 (line 4)"), the 1-based placemark for KML ("placemark 2"); -1 for the file as a whole.
   * `field` is the problem's kind ("date not understood").
   */
  errors: IncidentError[];
  /** Imported records that look wrong or took a default, same form as errors. */
  warnings: IncidentError[];
  /** The format the file was read as; 'unknown' when it could not be read at all. */
  format: ImportFormat | 'unknown';
  /** The whole preview, when the file could be read. */
  preview?: ImportPreview;
}

const asError = (p: ImportProblem): IncidentError => ({ index: p.index, field: p.kind, message: p.message });

/**
 * Reads an analyst's incidents file (GeoJSON, CSV/TSV, KML or GPX) in one step, with the proposed
 * column mapping or the one given: what the preview dialog shows, without the dialog. A file that
 * cannot be read at all gives one error with index -1 and no incidents.
 */
export function importIncidents(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  const table = readImportTable(text, fileName, { parseXml: options.parseXml });
  if ('fileError' in table) return { incidents: [], errors: [{ index: -1, field: 'file', message: table.fileError }], warnings: [], format: 'unknown' };
  const choice = options.choice ?? { mapping: matchColumns(table.headers) };
  const preview = buildImport(table, choice, options);
  return { incidents: preview.incidents, errors: preview.errors.map(asError), warnings: preview.warnings.map(asError), format: table.format, preview };
}
