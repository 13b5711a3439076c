import type { ImportFormat } from '../detectImportFormat';
import type { ImportRecord, ImportTable } from '../readImportTable';
import type { Track, TrackReadResult } from './track';

/** The category a track is imported under, unless its file names one. */
export const TRACK_CATEGORY = 'Track';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** One track as an import record: a LineString (a Point when it has one position) with its times, name and span as fields. */
function trackRecord(track: Track, index: number, fileName: string): ImportRecord {
  const { points } = track;
  const fields = Object.create(null) as Record<string, string>;
  fields.name = track.name;
  const first = points[0].time, last = points[points.length - 1].time;
  const withAltitude = points.every((p) => p.altitude !== undefined);
  const position = (p: Track['points'][number]): number[] => (withAltitude ? [p.lon, p.lat, p.altitude as number] : [p.lon, p.lat]);
  const record: ImportRecord = {
    index,
    fields,
    geometry: points.length === 1 ? { type: 'Point', coordinates: position(points[0]) } : { type: 'LineString', coordinates: points.map(position) },
  };
  let span = '';
  if (first !== undefined && last !== undefined) {
    // The day is the incident's date; the times of day stay with the positions.
    fields.time = iso(first).slice(0, 10);
    const minutes = (last - first) / 60_000;
    if (minutes > 0) fields.duration_minutes = String(Math.round(minutes * 100) / 100);
    if (points.length > 1) record.times = points.map((p) => iso(p.time as number));
    span = `, from ${iso(first)} to ${iso(last)} (UTC)`;
  } else if (track.timeSpan?.begin !== undefined) {
    fields.time = iso(track.timeSpan.begin).slice(0, 10);
  }
  fields.description = `Track of ${points.length.toLocaleString('en')} positions read from ${fileName}${span}.`;
  fields.category = TRACK_CATEGORY;
  return record;
}

/**
 * Tracks read from a file as an import table: one record per track, named "track N", whose fields
 * (name, time, duration_minutes, description, category) map onto incident fields as every file's do.
 * The readers' problems with single points go along as the table's notes.
 */
export function tracksToTable(read: TrackReadResult, fileName: string, format: ImportFormat): ImportTable {
  const records = read.tracks.map((track, i) => trackRecord(track, i + 1, fileName));
  const headers = ['name', 'time', 'duration_minutes', 'description', 'category'].filter((h) => records.some((r) => r.fields[h] !== undefined));
  return { fileName, format, headers, records, label: (n) => `track ${n}`, noun: 'track', notes: read.errors };
}
