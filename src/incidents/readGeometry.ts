import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { representativePoint } from '../geo/shapes';
import { isObject } from './jsonObject';
import type { IncidentGeometry, LonLat } from './types';

/** Records one problem: the field path, the bad value and what is wrong with it. */
export type Fail = (field: string, value: unknown, problem: string) => undefined;

/** The geometry types an incident may have. */
export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

/** A [lon, lat] or [lon, lat, altitude] position, every number finite and in range; each bad number is reported. */
function readPosition(fail: Fail, value: unknown, field: string): Position | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return fail(field, value, 'is not a [longitude, latitude] pair');
  const c = value as unknown[];
  let ok = true;
  const check = (v: unknown, i: number, name: string, limit: number): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${field}[${i}]`, v, `(${name}) is not a finite number`);
      ok = false;
    } else if (v < -limit || v > limit) {
      fail(`${field}[${i}]`, v, `(${name}) is outside [-${limit}, ${limit}]`);
      ok = false;
    }
  };
  check(c[0], 0, 'longitude', 180);
  check(c[1], 1, 'latitude', 90);
  if (c.length === 3 && (typeof c[2] !== 'number' || !Number.isFinite(c[2]))) {
    fail(`${field}[2]`, c[2], '(altitude) is not a finite number');
    ok = false;
  }
  return ok ? [c[0] as number, c[1] as number] : undefined;
}

/** An array of at least `min` items, each read by `read`; stops at the first bad item so a broken file gives one message, not thousands. */
function readList<T>(fail: Fail, value: unknown, field: string, min: number, what: string, read: (item: unknown, field: string) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return fail(field, value, `is not an array of ${what}`);
  if (value.length < min) return fail(field, value, `has ${value.length} ${what}; needs at least ${min}`);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = read(value[i], `${field}[${i}]`);
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

const positions = (fail: Fail, min: number) => (value: unknown, field: string): Position[] | undefined =>
  readList(fail, value, field, min, 'positions', (p, f) => readPosition(fail, p, f));

/** A line: at least two positions, not all the same. */
function readLine(fail: Fail, value: unknown, field: string): Position[] | undefined {
  const line = positions(fail, 2)(value, field);
  if (line === undefined) return undefined;
  if (line.every((p) => p[0] === line[0][0] && p[1] === line[0][1])) return fail(field, value, 'has no length: all its positions are the same');
  return line;
}

/** A closed ring of at least four positions (first equal to last). */
function readRing(fail: Fail, value: unknown, field: string): Position[] | undefined {
  const ring = positions(fail, 4)(value, field);
  if (ring === undefined) return undefined;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) return fail(field, value, `is not closed: its first position [${first[0]}, ${first[1]}] differs from its last [${last[0]}, ${last[1]}]`);
  return ring;
}

const rings = (fail: Fail) => (value: unknown, field: string): Position[][] | undefined =>
  readList(fail, value, field, 1, 'rings', (r, f) => readRing(fail, r, f));

/**
 * Reads an incident's geometry (Point, LineString, Polygon or their Multi forms) and its
 * representative point. Positions must be finite and in range, lines need two distinct positions,
 * rings four positions and to be closed; each problem names its field, e.g.
 * "geometry.coordinates[0][3]".
 */
export function readGeometry(fail: Fail, geometry: unknown): { geometry: IncidentGeometry; coordinates: LonLat } | undefined {
  if (!isObject(geometry)) return fail('geometry', geometry, `is not a GeoJSON geometry (${GEOMETRY_TYPES.join(', ')})`);
  const c = geometry.coordinates;
  const field = 'geometry.coordinates';
  let shape: IncidentGeometry | undefined;
  switch (geometry.type) {
    case 'Point': {
      const p = readPosition(fail, c, field);
      shape = p && ({ type: 'Point', coordinates: p } satisfies Point);
      break;
    }
    case 'MultiPoint': {
      const ps = positions(fail, 1)(c, field);
      shape = ps && ({ type: 'MultiPoint', coordinates: ps } satisfies MultiPoint);
      break;
    }
    case 'LineString': {
      const line = readLine(fail, c, field);
      shape = line && ({ type: 'LineString', coordinates: line } satisfies LineString);
      break;
    }
    case 'MultiLineString': {
      const lines = readList(fail, c, field, 1, 'lines', (l, f) => readLine(fail, l, f));
      shape = lines && ({ type: 'MultiLineString', coordinates: lines } satisfies MultiLineString);
      break;
    }
    case 'Polygon': {
      const rs = rings(fail)(c, field);
      shape = rs && ({ type: 'Polygon', coordinates: rs } satisfies Polygon);
      break;
    }
    case 'MultiPolygon': {
      const polys = readList(fail, c, field, 1, 'polygons', (p, f) => rings(fail)(p, f));
      shape = polys && ({ type: 'MultiPolygon', coordinates: polys } satisfies MultiPolygon);
      break;
    }
    default:
      return fail('geometry.type', geometry.type, `is not one of ${GEOMETRY_TYPES.join(', ')}`);
  }
  if (shape === undefined) return undefined;
  const [lon, lat] = representativePoint(shape);
  return { geometry: shape, coordinates: [lon, lat] };
}
