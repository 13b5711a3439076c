import type { TrackPoint } from '../../../geo/trackPoint';
import { describeValue } from '../../describeValue';
import { readCsvRows } from '../readCsvRows';
import { settleTimes, type LabelledPoint, type TrackReadResult } from './track';
import { parseTrackTime } from './trackTime';

// Header names, lower case, in order of preference. Vessel exports (MMSI, BaseDateTime, LAT, LON)
// and flight-tracking exports (Timestamp, UTC, Callsign, Position "lat,lon", Altitude) both fit.
const ID_COLUMNS = ['mmsi', 'icao24', 'hex', 'callsign', 'call sign', 'flight', 'id', 'track', 'name'];
const TIME_COLUMNS = ['utc', 'basedatetime', 'datetime', 'date_time', 'time', 'timestamp', 'when'];
const POSITION_COLUMNS = ['position', 'latlon', 'lat,lon'];
const LAT_COLUMNS = ['lat', 'latitude'];
const LON_COLUMNS = ['lon', 'lng', 'long', 'longitude'];
const ALTITUDE_COLUMNS = ['altitude', 'alt', 'ele', 'elevation', 'height'];

function findColumn(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

// Columns of an incident list (ACLED, our own export, spreadsheets): a file with any is not a track log.
const INCIDENT_COLUMNS = ['title', 'headline', 'event_date', 'event_type', 'description', 'notes', 'date', 'source', 'sources', 'category', 'event_id_cnty'];

/**
 * Whether a CSV is a log of timestamped positions (a flight or vessel track export) rather than a
 * list of incidents: a time and a position column, no incident column, and a first row whose time
 * has a time of day or is a Unix time.
 */
export function isTrackCsv(header: readonly string[], firstRow: readonly string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase());
  const time = findColumn(names, TIME_COLUMNS);
  const positioned = findColumn(names, POSITION_COLUMNS) >= 0 || (findColumn(names, LAT_COLUMNS) >= 0 && findColumn(names, LON_COLUMNS) >= 0);
  if (time < 0 || !positioned || names.some((n) => INCIDENT_COLUMNS.includes(n))) return false;
  const cell = (firstRow[time] ?? '').trim();
  return /^\d+(\.\d+)?$/.test(cell) || (/\d:\d/.test(cell) && typeof parseTrackTime(cell, true) === 'number');
}

/** A log's typical step between positions is at most this (ms): a list of events is hours or days apart. */
const LOG_STEP_MS = 15 * 60_000;

/**
 * Whether what readCsvTracks found reads as track logs rather than a list of events that happen to
 * have a time and a position each: tracks of two positions or more on average, and a median step
 * between positions of at most 15 minutes.
 */
export function looksLikeTrackLog(read: TrackReadResult): boolean {
  const positions = read.tracks.reduce((sum, track) => sum + track.points.length, 0);
  if (read.tracks.length === 0 || positions < 2 * read.tracks.length) return false;
  const steps: number[] = [];
  for (const { points } of read.tracks) {
    for (let i = 1; i < points.length; i++) steps.push((points[i].time as number) - (points[i - 1].time as number));
  }
  steps.sort((a, b) => a - b);
  return steps.length > 0 && steps[steps.length >> 1] <= LOG_STEP_MS;
}

/**
 * Reads timestamped positions from CSV, split into one track per value of the id column (MMSI,
 * ICAO24, Callsign, ... the first present; one track named after the file if there is none),
 * each track's points sorted by time (stable). Position is a "lat,lon" column (Position) or LAT
 * and LON columns; time the first of UTC, BaseDateTime, datetime, time, Timestamp present (ISO
 * 8601, UTC when it has no zone, or Unix seconds/ms); altitude as the file gives it (flight-tracking
 * exports: feet). Rows with bad values are left out, each reported by row and line.
 */
export function readCsvTracks(text: string, fileName: string): TrackReadResult {
  const [headerRow, ...rows] = readCsvRows(text);
  if (headerRow === undefined) return { tracks: [], errors: [`${fileName}: the CSV file has no header row (it is empty)`] };
  const header = headerRow.cells.map((c) => c.trim().toLowerCase());
  const column = {
    id: findColumn(header, ID_COLUMNS),
    time: findColumn(header, TIME_COLUMNS),
    position: findColumn(header, POSITION_COLUMNS),
    lat: findColumn(header, LAT_COLUMNS),
    lon: findColumn(header, LON_COLUMNS),
    altitude: findColumn(header, ALTITUDE_COLUMNS),
  };
  if (column.position < 0 && (column.lat < 0 || column.lon < 0)) {
    return {
      tracks: [],
      errors: [`${fileName}: the CSV header has no Position column and no ${LAT_COLUMNS.join('/')} and ${LON_COLUMNS.join('/')} pair; its columns are ${describeValue(headerRow.cells.join(', '))}`],
    };
  }
  const errors: string[] = [];
  const byId = new Map<string, LabelledPoint[]>();
  rows.forEach((row, i) => {
    const where = `row ${i + 1} (line ${row.line})`;
    const skip = (problem: string): void => void errors.push(`${fileName} ${where}: ${problem}; row skipped`);
    if (row.problems.length > 0) return skip(`cannot be read as CSV (${row.problems.join('; ')})`);
    const cell = (c: number): string => (c >= 0 ? (row.cells[c] ?? '').trim() : '');
    let latText: string, lonText: string, field: string;
    if (column.position >= 0) {
      field = headerRow.cells[column.position].trim();
      [latText = '', lonText = ''] = cell(column.position).split(/[,;\s]+/);
    } else {
      field = `${headerRow.cells[column.lat].trim()}/${headerRow.cells[column.lon].trim()}`;
      latText = cell(column.lat);
      lonText = cell(column.lon);
    }
    const lat = latText === '' ? NaN : Number(latText), lon = lonText === '' ? NaN : Number(lonText);
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      const shown = column.position >= 0 ? cell(column.position) : `${latText}, ${lonText}`;
      return skip(`${field} ${describeValue(shown)} is not a latitude, longitude in range`);
    }
    const point: TrackPoint = { lon, lat };
    const timeText = cell(column.time);
    if (timeText !== '') {
      const time = parseTrackTime(timeText, true);
      if (typeof time === 'string') return skip(`${headerRow.cells[column.time].trim()} ${time}`);
      point.time = time;
    }
    const altText = cell(column.altitude);
    if (altText !== '') {
      const altitude = Number(altText);
      if (Number.isFinite(altitude)) point.altitude = altitude;
      else errors.push(`${fileName} ${where}: ${headerRow.cells[column.altitude].trim()} ${describeValue(altText)} is not a number; altitude left out`);
    }
    const id = column.id >= 0 ? cell(column.id) : '';
    const list = byId.get(id) ?? [];
    list.push({ point, where });
    byId.set(id, list);
  });
  const tracks = [...byId].map(([id, list]) => {
    list.sort((a, b) => (a.point.time ?? 0) - (b.point.time ?? 0));
    return { name: id === '' ? (column.id >= 0 ? `${fileName} (no ${headerRow.cells[column.id].trim()})` : fileName) : id, points: settleTimes(fileName, list, errors) };
  });
  return { tracks: tracks.filter((t) => t.points.length > 0), errors };
}
