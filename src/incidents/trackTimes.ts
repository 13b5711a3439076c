import type { TrackPoint } from '../geo/trackPoint';
import { describeValue } from './describeValue';
import { parseTrackTime } from './io/tracks/trackTime';
import type { Incident } from './types';

/** Reports one bad value of a field, as validation's readers do. */
type Fail = (field: string, value: unknown, problem: string) => undefined;

/**
 * A feature's `times` checked against its geometry: ISO 8601 date-times with a zone (or UTC), one per
 * position of a LineString, never decreasing. Returns them as written, or undefined after a failure.
 */
export function readTimes(value: unknown, geometry: unknown, fail: Fail): string[] | undefined {
  if (!Array.isArray(value)) return fail('times', value, 'is not a list of date-times');
  const line = typeof geometry === 'object' && geometry !== null && (geometry as { type?: unknown }).type === 'LineString'
    ? (geometry as { coordinates?: unknown }).coordinates : undefined;
  if (!Array.isArray(line)) return fail('times', `${value.length} times`, 'are given for a geometry that is not a LineString');
  if (value.length !== line.length) return fail('times', `${value.length} times`, `do not pair with the line's ${line.length} positions`);
  let last = -Infinity;
  for (let i = 0; i < value.length; i++) {
    const text: unknown = value[i];
    const ms = typeof text === 'string' ? parseTrackTime(text, false) : `${describeValue(text)} is not text`;
    if (typeof ms === 'string') return fail(`times[${i}]`, text, `is not a date-time (${ms})`);
    if (ms < last) return fail(`times[${i}]`, text, `is before times[${i - 1}]; times must not decrease`);
    last = ms;
  }
  return value as string[];
}

/**
 * A list of texts given as a line's times, when the geometry is a LineString (a feature's `times`
 * property, a CSV's `times` cell once parsed); else undefined, and the value stays an ordinary field.
 * readTimes checks them in full later.
 */
export function lineTimesOf(geometry: unknown, value: unknown): string[] | undefined {
  const isLine = typeof geometry === 'object' && geometry !== null && (geometry as { type?: unknown }).type === 'LineString';
  return isLine && Array.isArray(value) && value.every((t) => typeof t === 'string') ? value as string[] : undefined;
}

/** An incident's line as track points, with times and altitudes where it has them; undefined unless it is a LineString. */
export function incidentTrack(incident: Incident): TrackPoint[] | undefined {
  const geometry = incident.geometry;
  if (geometry.type !== 'LineString') return undefined;
  const times = incident.times;
  return geometry.coordinates.map((position, i) => {
    const point: TrackPoint = { lon: position[0], lat: position[1] };
    if (position.length > 2 && typeof position[2] === 'number') point.altitude = position[2];
    const time = times === undefined ? undefined : parseTrackTime(times[i] ?? '', false);
    if (typeof time === 'number') point.time = time;
    return point;
  });
}
