import type { TrackPoint } from '../../../geo/trackPoint';
import { describeValue } from '../../describeValue';
import { parseXmlFile, type ParseXml } from '../parseXmlFile';
import { settleTimes, type LabelledPoint, type Track, type TrackReadResult } from './track';
import { parseTrackTime } from './trackTime';
import { ancestor, childText, children, descendants, type XmlElement } from './xmlElements';

/**
 * Reads the tracks of a KML file, numbered in document order ("track 2"):
 * - each <gx:Track>: its <when> (ISO 8601, UTC when it has no zone) paired in order with its
 *   <gx:coord> ("lon lat [alt]"); several Tracks in one <gx:MultiTrack> give "name, part 2";
 * - each <LineString>: its <coordinates> ("lon,lat[,alt]" tuples), points without times; a
 *   <TimeSpan> on its Placemark becomes the track's timeSpan (begin, end), not point times.
 * The name is the Placemark's <name>, else "<file> track <n>". Bad points are left out, each
 * reported by track and point number.
 */
export function readKmlTracks(text: string, fileName: string, parseXml?: ParseXml): TrackReadResult {
  const doc = parseXmlFile(text, fileName, 'kml', 'KML', parseXml);
  if ('fileError' in doc) return { tracks: [], errors: [doc.fileError] };
  const result: TrackReadResult = { tracks: [], errors: [] };
  const elements = [...descendants(doc, 'Track'), ...descendants(doc, 'LineString')];
  elements.forEach((element, i) => {
    const label = `track ${i + 1}`;
    const placemark = ancestor(element, 'Placemark');
    let name = (placemark && childText(placemark, 'name')) || `${fileName} ${label}`;
    const multi = ancestor(element, 'MultiTrack');
    if (multi !== undefined && element.localName === 'Track') {
      const parts = children(multi, 'Track');
      if (parts.length > 1) name = `${name}, part ${parts.indexOf(element) + 1}`;
    }
    const read = element.localName === 'Track' ? gxTrackPoints(element, fileName, label, result.errors) : lineStringPoints(element, fileName, label, result.errors);
    if (read === undefined) return;
    const points = settleTimes(fileName, read, result.errors);
    if (points.length === 0) {
      result.errors.push(`${fileName} ${label}: has no usable points; track skipped`);
      return;
    }
    const track: Track = { name, points };
    const span = placemark === undefined || element.localName !== 'LineString' ? undefined : timeSpan(placemark, fileName, label, result.errors);
    if (span !== undefined) track.timeSpan = span;
    result.tracks.push(track);
  });
  if (elements.length === 0) result.errors.push(`${fileName}: the KML file has no gx:Track or LineString`);
  return result;
}

/** The points of a <gx:Track>, or undefined (with an error) when its whens and coords do not pair up. */
function gxTrackPoints(track: XmlElement, fileName: string, label: string, errors: string[]): LabelledPoint[] | undefined {
  const whens = children(track, 'when'), coords = children(track, 'coord');
  if (whens.length !== coords.length) {
    errors.push(`${fileName} ${label}: has ${whens.length} <when> and ${coords.length} <gx:coord>; they must pair up; track skipped`);
    return undefined;
  }
  const out: LabelledPoint[] = [];
  coords.forEach((coord, p) => {
    const where = `${label} point ${p + 1}`;
    const point = position((coord.textContent ?? '').trim().split(/\s+/), `${fileName} ${where}`, 'gx:coord', errors);
    if (point === undefined) return;
    const whenText = (whens[p].textContent ?? '').trim();
    if (whenText !== '') {
      const time = parseTrackTime(whenText, false);
      if (typeof time === 'string') return void errors.push(`${fileName} ${where}: when ${time}; point skipped`);
      point.time = time;
    }
    out.push({ point, where });
  });
  return out;
}

/** The points of a <LineString>, without times. */
function lineStringPoints(line: XmlElement, fileName: string, label: string, errors: string[]): LabelledPoint[] {
  const text = childText(line, 'coordinates') ?? '';
  const out: LabelledPoint[] = [];
  text.split(/\s+/).filter((tuple) => tuple !== '').forEach((tuple, p) => {
    const where = `${label} point ${p + 1}`;
    const point = position(tuple.split(','), `${fileName} ${where}`, 'coordinates', errors);
    if (point !== undefined) out.push({ point, where });
  });
  return out;
}

/** A point from [lon, lat, alt?] strings, or undefined with an error naming the value. */
function position(parts: string[], where: string, field: string, errors: string[]): TrackPoint | undefined {
  const [lonText = '', latText = '', altText] = parts;
  const lon = lonText === '' ? NaN : Number(lonText), lat = latText === '' ? NaN : Number(latText);
  if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
    return void errors.push(`${where}: ${field} ${describeValue(parts.join(field === 'coordinates' ? ',' : ' '))} is not "lon${field === 'coordinates' ? ',' : ' '}lat" in range; point skipped`);
  }
  const point: TrackPoint = { lon, lat };
  if (altText !== undefined && altText !== '' && Number.isFinite(Number(altText))) point.altitude = Number(altText);
  return point;
}

/** The Placemark's <TimeSpan> as epoch ms, or undefined (bad values reported). */
function timeSpan(placemark: XmlElement, fileName: string, label: string, errors: string[]): Track['timeSpan'] {
  const span = children(placemark, 'TimeSpan')[0];
  if (span === undefined) return undefined;
  const out: NonNullable<Track['timeSpan']> = {};
  for (const key of ['begin', 'end'] as const) {
    const text = childText(span, key);
    if (text === undefined || text === '') continue;
    const time = parseTrackTime(text, false);
    if (typeof time === 'string') errors.push(`${fileName} ${label}: TimeSpan ${key} ${time}; left out`);
    else out[key] = time;
  }
  return out.begin === undefined && out.end === undefined ? undefined : out;
}
