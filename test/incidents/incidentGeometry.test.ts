import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/geo';
import { inPolygon } from '../../src/geo/shapes';
import { parseIncidents, type Incident } from '../../src/incidents';
import { importIncidents, toCsv, toGeoJSON } from '../../src/incidents/io';
import { collection, validFeature } from './fixtures';

const SOURCE = 'incidents.geojson';

function parse(geometry: unknown): ReturnType<typeof parseIncidents> {
  return parseIncidents(collection(validFeature({ geometry })), SOURCE);
}

function only(geometry: unknown): Incident {
  const { incidents, errors } = parse(geometry);
  expect(errors).toEqual([]);
  return incidents[0];
}

const square = (w: number, s: number, size: number): number[][] => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];

describe('incident geometry: each type is accepted and kept', () => {
  it('a Point keeps its own position as the marker', () => {
    const incident = only({ type: 'Point', coordinates: [47.5, 39.5] });
    expect(incident.coordinates).toEqual([47.5, 39.5]);
    expect(incident.geometry).toEqual({ type: 'Point', coordinates: [47.5, 39.5] });
  });

  it('a LineString is kept whole and its marker is its middle by ellipsoidal length (within 1 m)', () => {
    const line = [[47, 39], [47.5, 39], [48, 39.2]];
    const incident = only({ type: 'LineString', coordinates: line });
    expect(incident.geometry).toEqual({ type: 'LineString', coordinates: line });
    const toStart = distanceKm([47, 39], [47.5, 39]) + distanceKm([47.5, 39], incident.coordinates);
    const toEnd = distanceKm(incident.coordinates, [48, 39.2]);
    expect(Math.abs(toStart - toEnd)).toBeLessThan(0.001);
  });

  it('a Polygon with a hole has its marker inside it and outside the hole', () => {
    const outer = square(47, 39, 1);
    const hole = square(47.3, 39.3, 0.4);
    const incident = only({ type: 'Polygon', coordinates: [outer, hole] });
    const [x, y] = incident.coordinates;
    expect(inPolygon(x, y, [outer, hole])).toBe(true);
  });

  it('a concave (U-shaped) Polygon has its marker inside, not at its empty centre', () => {
    const u = [[47, 39], [48, 39], [48, 40], [47.8, 40], [47.8, 39.2], [47.2, 39.2], [47.2, 40], [47, 40], [47, 39]];
    const incident = only({ type: 'Polygon', coordinates: [u] });
    expect(inPolygon(incident.coordinates[0], incident.coordinates[1], [u])).toBe(true);
  });

  it('Multi forms are accepted; a MultiPolygon marks its largest polygon', () => {
    expect(only({ type: 'MultiPoint', coordinates: [[47, 39], [48, 39]] }).coordinates).toEqual([47, 39]);
    expect(only({ type: 'MultiLineString', coordinates: [[[47, 39], [47.1, 39]], [[46, 38], [47, 38]]] }).coordinates[1]).toBeCloseTo(38, 2);
    const big = square(46, 38, 1);
    const marker = only({ type: 'MultiPolygon', coordinates: [[square(47, 39, 0.1)], [big]] }).coordinates;
    expect(inPolygon(marker[0], marker[1], [big])).toBe(true);
  });
});

describe('incident geometry: bad geometries are named by feature and field', () => {
  const messages = (geometry: unknown): string[] => parse(geometry).errors.map((e) => e.message);

  it('a line of one position', () => {
    expect(messages({ type: 'LineString', coordinates: [[47, 39]] })).toEqual([
      'incidents.geojson feature 0: geometry.coordinates [[47,39]] has 1 positions; needs at least 2',
    ]);
  });

  it('a line with no length', () => {
    expect(parse({ type: 'LineString', coordinates: [[47, 39], [47, 39]] }).errors[0].message).toMatch(/geometry\.coordinates .* has no length/);
  });

  it('a vertex of a line out of range, named by its index', () => {
    expect(parse({ type: 'LineString', coordinates: [[47, 39], [47, 91]] }).errors.map((e) => e.field)).toEqual(['geometry.coordinates[1][1]']);
  });

  it('a NaN in a polygon ring', () => {
    const ring = square(47, 39, 1);
    ring[2] = [Number.NaN, 40];
    expect(messages({ type: 'Polygon', coordinates: [ring] })).toEqual([
      'incidents.geojson feature 0: geometry.coordinates[0][2][0] NaN (longitude) is not a finite number',
    ]);
  });

  it('a ring that is not closed', () => {
    const ring = square(47, 39, 1).slice(0, 4).concat([[47.1, 39]]);
    expect(messages({ type: 'Polygon', coordinates: [ring] })[0]).toMatch(/geometry\.coordinates\[0\] .* is not closed: its first position \[47, 39\] differs from its last \[47.1, 39\]/);
  });

  it('a ring of three positions', () => {
    expect(parse({ type: 'Polygon', coordinates: [[[47, 39], [48, 39], [47, 39]]] }).errors.map((e) => e.field)).toEqual(['geometry.coordinates[0]']);
  });

  it('a polygon with no rings, a multipolygon with a bad polygon', () => {
    expect(parse({ type: 'Polygon', coordinates: [] }).errors.map((e) => e.field)).toEqual(['geometry.coordinates']);
    const bad = { type: 'MultiPolygon', coordinates: [[square(47, 39, 1)], [[[47, 39], [48, 39]]]] };
    expect(parse(bad).errors.map((e) => e.field)).toEqual(['geometry.coordinates[1][0]']);
  });

  it('a MultiLineString whose coordinates are not arrays', () => {
    expect(parse({ type: 'MultiLineString', coordinates: 'x' }).errors.map((e) => e.field)).toEqual(['geometry.coordinates']);
  });
});

describe('incident geometry: export and import give the same geometry back', () => {
  const shapes = (): Incident[] => [
    only({ type: 'LineString', coordinates: [[47, 39], [47.5, 39], [48, 39.2]] }),
    { ...only({ type: 'Polygon', coordinates: [square(47, 39, 1), square(47.3, 39.3, 0.4)] }), id: 'area' },
  ];

  it('GeoJSON', () => {
    const back = importIncidents(toGeoJSON(shapes()), 'back.geojson');
    expect(back.errors).toEqual([]);
    expect(back.incidents.map((i) => i.geometry)).toEqual(shapes().map((i) => i.geometry));
    expect(back.incidents.map((i) => i.coordinates)).toEqual(shapes().map((i) => i.coordinates));
  });

  it('CSV, through its geometry column (GeoJSON), with the marker in latitude/longitude', () => {
    const csv = toCsv(shapes());
    expect(csv.split('\r\n')[0].endsWith(',geometry')).toBe(true);
    const back = importIncidents(csv, 'back.csv');
    expect(back.errors).toEqual([]);
    expect(back.incidents.map((i) => i.geometry)).toEqual(shapes().map((i) => i.geometry));
  });
});
