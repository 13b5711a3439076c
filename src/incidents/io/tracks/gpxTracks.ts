import type { TrackPoint } from '../../../geo/trackPoint';
import { describeValue } from '../../describeValue';
import { parseXmlFile, type ParseXml } from '../parseXmlFile';
import { settleTimes, type LabelledPoint, type TrackReadResult } from './track';
import { parseTrackTime } from './trackTime';
import { childText, descendants, type XmlElement } from './xmlElements';

/**
 * Reads the tracks of a GPX file: one track per <trkseg> of each <trk> (a track of several segments
 * gives "name, segment 2" and so on: the break between segments is not drawn across), each point a
 * <trkpt lat lon> with optional <time> (ISO 8601, UTC when it has no zone) and <ele> (metres).
 * The name is the <trk>'s <name>, else "<file> track <n>". Points with a bad position or time are
 * left out, each reported by track and point number.
 */
export function readGpxTracks(text: string, fileName: string, parseXml?: ParseXml): TrackReadResult {
  const doc = parseXmlFile(text, fileName, 'gpx', 'GPX', parseXml);
  if ('fileError' in doc) return { tracks: [], errors: [doc.fileError] };
  const result: TrackReadResult = { tracks: [], errors: [] };
  descendants(doc, 'trk').forEach((trk, t) => {
    const name = childText(trk, 'name') || `${fileName} track ${t + 1}`;
    const segments = descendants(trk, 'trkseg');
    segments.forEach((segment, s) => {
      const label = segments.length > 1 ? `track ${t + 1} segment ${s + 1}` : `track ${t + 1}`;
      const read: LabelledPoint[] = [];
      descendants(segment, 'trkpt').forEach((trkpt, p) => {
        const where = `${label} point ${p + 1}`;
        const point = readTrkpt(trkpt, `${fileName} ${where}`, result.errors);
        if (point !== undefined) read.push({ point, where });
      });
      const points = settleTimes(fileName, read, result.errors);
      if (points.length === 0) {
        result.errors.push(`${fileName} ${label}: has no usable points; track skipped`);
        return;
      }
      result.tracks.push({ name: segments.length > 1 ? `${name}, segment ${s + 1}` : name, points });
    });
  });
  if (result.tracks.length === 0 && result.errors.length === 0) result.errors.push(`${fileName}: the GPX file has no <trk> with points`);
  return result;
}

/** One <trkpt>, or undefined with an error naming it. */
function readTrkpt(trkpt: XmlElement, where: string, errors: string[]): TrackPoint | undefined {
  const latText = trkpt.getAttribute('lat'), lonText = trkpt.getAttribute('lon');
  const lat = latText === null || latText.trim() === '' ? NaN : Number(latText);
  const lon = lonText === null || lonText.trim() === '' ? NaN : Number(lonText);
  if (!(Math.abs(lat) <= 90)) return void errors.push(`${where}: lat ${describeValue(latText ?? undefined)} is not a latitude; point skipped`);
  if (!(Math.abs(lon) <= 180)) return void errors.push(`${where}: lon ${describeValue(lonText ?? undefined)} is not a longitude; point skipped`);
  const point: TrackPoint = { lon, lat };
  const timeText = childText(trkpt, 'time');
  if (timeText !== undefined && timeText !== '') {
    const time = parseTrackTime(timeText, false);
    if (typeof time === 'string') return void errors.push(`${where}: time ${time}; point skipped`);
    point.time = time;
  }
  const eleText = childText(trkpt, 'ele');
  if (eleText !== undefined && eleText !== '') {
    const ele = Number(eleText);
    if (Number.isFinite(ele)) point.altitude = ele;
    else errors.push(`${where}: ele ${describeValue(eleText)} is not a number; altitude left out`);
  }
  return point;
}
