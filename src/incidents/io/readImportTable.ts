import { kml } from '@tmcw/togeojson';
import { describeValue } from '../describeValue';
import { isObject } from '../jsonObject';
import { featureLabel, type RecordLabel } from '../recordError';
import { unguardCsvCell } from './csvFormulaGuard';
import { detectImportFormat, type ImportFormat } from './detectImportFormat';
import type { FileProblem } from './fileProblem';
import { parseXmlFile, type ParseXml } from './parseXmlFile';
import { detectDelimiter, readCsvRows } from './readCsvRows';
import { isTrackCsv, looksLikeTrackLog, readCsvTracks } from './tracks/csvTracks';
import { readGpxTracks } from './tracks/gpxTracks';
import { tracksToTable } from './tracks/trackTable';
import { parseTrackTime } from './tracks/trackTime';
import { lineTimesOf } from '../trackTimes';

export type { FileProblem } from './fileProblem';

/** One record of an imported file, before its columns are mapped onto incident fields. */
export interface ImportRecord {
  /** The number messages name it by: 1-based row or placemark, 0-based GeoJSON feature. */
  index: number;
  /** Its text fields by name as the file writes them; no prototype, so '__proto__' is just a name. */
  fields: Record<string, string>;
  /** Its own geometry (GeoJSON, KML); a CSV row's comes from its mapped coordinate columns. */
  geometry?: unknown;
  /** A GeoJSON feature's own id, string or number. */
  featureId?: unknown;
  /** A GeoJSON feature's properties as they are: used unchanged when they already meet the incident model. */
  properties?: unknown;
  /** Why the record cannot be read (a CSV row with a broken quote or the wrong number of cells). */
  problem?: string;
  /** A KML description written as HTML: shown sanitised, never as markup text. */
  htmlDescription?: boolean;
  /** When each position of its LineString was recorded (ISO 8601 UTC): a track's times. */
  times?: string[];
}

/** An imported file read into records, each with named text fields. */
export interface ImportTable {
  fileName: string;
  format: ImportFormat;
  /** Every field name met, in order of first appearance. */
  headers: string[];
  records: ImportRecord[];
  /** Names a record in messages: "row 3 (line 4)", "feature 0", "placemark 2". */
  label: RecordLabel;
  /** What kind of record the file holds, for counts: "row", "feature", "placemark". */
  noun: string;
  /** CSV only: the delimiter the header used. */
  delimiter?: string;
  /** What the file was before it was read as `format` ("Zipped shapefile"), when not that format itself. */
  originalFormat?: string;
  /** Problems met while reading that leave records whole (a track's bad point skipped), each naming the place. */
  notes?: string[];
}

export interface ReadTableOptions {
  /** Parses KML text; defaults to the browser's DOMParser (pass @xmldom/xmldom's in node). */
  parseXml?: ParseXml;
  /** Names what the text was converted from (a zipped shapefile read as GeoJSON); default none. */
  originalFormat?: string;
  /** Told how far reading has got, in characters of a CSV; default none. */
  onProgress?: (done: number, total: number) => void;
}

/** The fields a placemark's own TimeStamp and TimeSpan are read into (no ExtendedData name has a ':'). */
export const KML_TIME = { when: 'kml:TimeStamp', begin: 'kml:TimeSpan begin', end: 'kml:TimeSpan end' } as const;

/** Field names never kept as data: KML and simplestyle styling. */
const STYLE_FIELDS = /^(?:style(?:url|hash|maphash)?|stroke(?:-opacity|-width)?|fill(?:-opacity)?|icon(?:-.*)?|marker-.*|label-.*|visibility|open)$/i;

function record(index: number): ImportRecord {
  return { index, fields: Object.create(null) as Record<string, string> };
}

/** A field value as text: strings as written, numbers and booleans printed, objects as JSON; null and undefined absent. */
function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The times of a LineString's positions from a feature's properties: our model's `times`, or
 * `coordinateProperties.times` as togeojson writes a GPX or KML track. Written as ISO UTC where they
 * read as date-times; kept as given otherwise, for validation to name.
 */
function lineTimes(geometry: unknown, properties: Record<string, unknown>): string[] | undefined {
  const own = properties.times;
  const coordinateProperties = properties.coordinateProperties;
  const times = Array.isArray(own) ? own : isObject(coordinateProperties) && Array.isArray(coordinateProperties.times) ? coordinateProperties.times : undefined;
  return lineTimesOf(geometry, times)?.map((t) => {
    const ms = parseTrackTime(t, false);
    return typeof ms === 'number' ? new Date(ms).toISOString() : t;
  });
}

/** Property names that carry a line's times, read into `times` rather than kept as fields. */
const TIME_PROPERTIES = new Set(['times', 'coordinateProperties']);

class Headers {
  readonly names: string[] = [];
  private readonly seen = new Set<string>();
  add(name: string): void {
    if (!this.seen.has(name)) {
      this.seen.add(name);
      this.names.push(name);
    }
  }
}

function readCsv(text: string, fileName: string, onProgress: ReadTableOptions['onProgress']): ImportTable | FileProblem {
  const delimiter = detectDelimiter(text);
  const rows = readCsvRows(text, onProgress);
  const [headerRow, ...dataRows] = rows;
  if (headerRow === undefined) return { fileError: `${fileName}: the file is empty (no header row)` };
  if (dataRows.length > 0 && isTrackCsv(headerRow.cells, dataRows[0].cells)) {
    const read = readCsvTracks(text, fileName);
    // A sheet of events with a time and a place each stays a list of incidents.
    if (looksLikeTrackLog(read)) return tracksToTable(read, fileName, 'csv');
  }
  const header = headerRow.cells.map((name) => name.trim());
  const label = (number: number): string => `row ${number} (line ${dataRows[number - 1]?.line ?? '?'})`;
  const records = dataRows.map((row, i) => {
    const r = record(i + 1);
    if (row.problems.length > 0) r.problem = `cannot be read as CSV (${row.problems.join('; ')})`;
    else if (row.cells.length !== header.length) r.problem = `has ${row.cells.length} cells but the header has ${header.length}`;
    header.forEach((name, c) => {
      if (name !== '' && !Object.hasOwn(r.fields, name)) r.fields[name] = unguardCsvCell(row.cells[c] ?? '');
    });
    return r;
  });
  const headers = new Headers();
  for (const name of header) if (name !== '') headers.add(name);
  return { fileName, format: 'csv', headers: headers.names, records, label, noun: 'row', delimiter };
}

function readGeoJson(text: string, fileName: string): ImportTable | FileProblem {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { fileError: `${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const features = isObject(value) && value.type === 'FeatureCollection' ? value.features : isObject(value) && value.type === 'Feature' ? [value] : undefined;
  if (!Array.isArray(features)) {
    return { fileError: `${fileName}: not a GeoJSON FeatureCollection or Feature (its type is ${describeValue(isObject(value) ? value.type : value)})` };
  }
  const headers = new Headers();
  const records = features.map((feature: unknown, i) => {
    const r = record(i);
    if (!isObject(feature)) {
      r.problem = `is ${describeValue(feature)}, not a GeoJSON Feature`;
      return r;
    }
    r.geometry = feature.geometry;
    r.featureId = feature.id;
    r.properties = feature.properties;
    if (isObject(feature.properties)) {
      r.times = lineTimes(feature.geometry, feature.properties);
      for (const [name, v] of Object.entries(feature.properties)) {
        const t = asText(v);
        if (t === undefined || STYLE_FIELDS.test(name) || (r.times !== undefined && TIME_PROPERTIES.has(name))) continue;
        r.fields[name] = t;
        headers.add(name);
      }
    }
    return r;
  });
  return { fileName, format: 'geojson', headers: headers.names, records, label: featureLabel, noun: 'feature' };
}

/** The name of the Folder a placemark sits in, if any. */
function folderName(placemark: Element): string | undefined {
  for (let node = placemark.parentNode; node !== null; node = node.parentNode) {
    if ((node as Element).localName === 'Folder') {
      for (let child = node.firstChild; child !== null; child = child.nextSibling) {
        if ((child as Element).localName === 'name') return child.textContent?.trim() || undefined;
      }
      return undefined;
    }
  }
  return undefined;
}

function readKml(text: string, fileName: string, parseXml: ParseXml | undefined): ImportTable | FileProblem {
  // Entity declarations can expand a small file into gigabytes (or read local files): refused.
  if (/<!DOCTYPE[^>]*\[|<!ENTITY/i.test(text)) return { fileError: `${fileName}: the KML declares XML entities (<!DOCTYPE … [<!ENTITY …]>), which are refused` };
  const doc = parseXmlFile(text, fileName, 'kml', 'KML', parseXml);
  if ('fileError' in doc) return doc;
  // togeojson turns typed SimpleData bool "false" into true; untyped, every value stays text.
  const simpleFields = doc.getElementsByTagName('SimpleField');
  for (let i = 0; i < simpleFields.length; i += 1) simpleFields[i]?.removeAttribute('type');
  const placemarkElements = doc.getElementsByTagName('Placemark');
  // Placemarks come first in togeojson's output, in document order.
  const placemarks = kml(doc).features.slice(0, placemarkElements.length);
  const headers = new Headers();
  const records = placemarks.map((placemark, i) => {
    const r = record(i + 1);
    r.geometry = placemark.geometry;
    r.featureId = placemark.id;
    const props = placemark.properties ?? {};
    r.times = lineTimes(placemark.geometry, props);
    for (const [name, v] of Object.entries(props)) {
      if (STYLE_FIELDS.test(name) || TIME_PROPERTIES.has(name)) continue;
      let t: string | undefined;
      if (name === 'description' && isObject(v) && typeof v.value === 'string') t = v.value;
      else if (name === 'timespan' && isObject(v)) {
        if (typeof v.begin === 'string') r.fields[KML_TIME.begin] = v.begin;
        if (typeof v.end === 'string') r.fields[KML_TIME.end] = v.end;
        continue;
      } else if (name === 'timestamp' && typeof v === 'string') {
        r.fields[KML_TIME.when] = v;
        continue;
      } else t = asText(v);
      if (t === undefined) continue;
      r.fields[name] = t;
    }
    const element = placemarkElements[i];
    const folder = element === undefined ? undefined : folderName(element as unknown as Element);
    if (folder !== undefined) r.fields.folder = folder;
    // A gx:Track dates itself by its first time when its placemark has no TimeStamp or TimeSpan.
    if (r.times !== undefined && r.fields[KML_TIME.when] === undefined && r.fields[KML_TIME.begin] === undefined) r.fields[KML_TIME.when] = r.times[0];
    if (r.fields.description !== undefined && /<[a-z][^>]*>/i.test(r.fields.description)) r.htmlDescription = true;
    for (const name of Object.keys(r.fields)) headers.add(name);
    return r;
  });
  return { fileName, format: 'kml', headers: headers.names, records, label: (n) => `placemark ${n}`, noun: 'placemark' };
}

function readGpx(text: string, fileName: string, parseXml: ParseXml | undefined): ImportTable | FileProblem {
  if (/<!DOCTYPE[^>]*\[|<!ENTITY/i.test(text)) return { fileError: `${fileName}: the GPX declares XML entities (<!DOCTYPE … [<!ENTITY …]>), which are refused` };
  const read = readGpxTracks(text, fileName, parseXml);
  if (read.tracks.length === 0) return { fileError: read.errors.slice(0, 3).join('; ') || `${fileName}: the GPX file has no track` };
  return tracksToTable(read, fileName, 'gpx');
}

/**
 * Reads an imported file (GeoJSON, CSV/TSV with any common delimiter, KML) into records of named
 * text fields, without judging them: mapping and validation come after. A file that cannot be read
 * at all (unknown format, broken JSON or XML, a KML with entity declarations, any exception of a
 * parser) gives a FileProblem naming the file and why.
 */
export function readImportTable(text: string, fileName: string, options: ReadTableOptions = {}): ImportTable | FileProblem {
  // Spreadsheets often save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const table = readTable(body, fileName, options);
  return options.originalFormat !== undefined && !('fileError' in table) ? { ...table, originalFormat: options.originalFormat } : table;
}

function readTable(body: string, fileName: string, options: ReadTableOptions): ImportTable | FileProblem {
  const format = detectImportFormat(body, fileName);
  try {
    switch (format) {
      case undefined:
        return {
          fileError: `${fileName}: unknown file format (expected .geojson, .json, .csv, .tsv, .kml or .gpx); it starts ${describeValue(body.trimStart().slice(0, 30))}`,
        };
      case 'geojson':
        return readGeoJson(body, fileName);
      case 'csv':
        return readCsv(body, fileName, options.onProgress);
      case 'kml':
        return readKml(body, fileName, options.parseXml);
      case 'gpx':
        return readGpx(body, fileName, options.parseXml);
    }
  } catch (error) {
    // A parser's own failure (togeojson throws on a SimpleData named __proto__) is this file's error only.
    return { fileError: `${fileName}: could not be read as ${(format ?? 'text').toUpperCase()} (${error instanceof Error ? error.message : String(error)})` };
  }
}
