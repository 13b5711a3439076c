import { describe, expect, it } from 'vitest';
import { BorderIndex, distanceKm, lengthKm } from '../../src/geo';
import { borderLine, lonLats, readBorder } from './fixtures';

// Tolerances: chainages and lengths to 1 µm (1e-9 km) unless stated; positions by exact equality
// where the answer is a vertex of the data.
const TRIPOINT = [46.53398, 38.86717] as const;
const TEHRAN = [51.389, 35.6892] as const;

describe('BorderIndex on data/border.geojson', () => {
  it('returns 0 km at the Armenia–Azerbaijan–Iran tripoint', () => {
    const snap = new BorderIndex(readBorder()).snap(TRIPOINT);
    expect(snap.lineId).toBe('mainland');
    expect(snap.chainageKm).toBe(0);
    expect(snap.distanceKm).toBe(0);
  });

  it('returns the full length at the coast end of the mainland line', () => {
    const fc = readBorder();
    const coords = lonLats(borderLine(fc, 'mainland'));
    const snap = new BorderIndex(fc).snap(coords[coords.length - 1]);
    expect(snap.chainageKm).toBeCloseTo(lengthKm(coords), 9);
  });

  it('snaps a point exactly on a vertex to that vertex, at its cumulative km', () => {
    const fc = readBorder();
    const coords = lonLats(borderLine(fc, 'mainland'));
    const snap = new BorderIndex(fc).snap(coords[700]);
    expect(snap.point).toEqual(coords[700]);
    expect(snap.distanceKm).toBe(0);
    expect(snap.chainageKm).toBeCloseTo(lengthKm(coords.slice(0, 701)), 9);
  });

  it('snaps a point beyond the coast end (out in the Caspian) to the end', () => {
    const fc = readBorder();
    const coords = lonLats(borderLine(fc, 'mainland'));
    const index = new BorderIndex(fc);
    const snap = index.snap([49.3, 38.42]);
    expect(snap.point).toEqual(coords[coords.length - 1]);
    expect(snap.chainageKm).toBe(index.line('mainland').lengthKm);
  });

  it('snaps a point beyond the tripoint end (the first segment extended 3 times its length) to the tripoint', () => {
    const fc = readBorder();
    const [v0, v1] = lonLats(borderLine(fc, 'mainland'));
    const snap = new BorderIndex(fc).snap([v0[0] + 3 * (v0[0] - v1[0]), v0[1] + 3 * (v0[1] - v1[1])]);
    expect(snap.point).toEqual([...TRIPOINT]);
    expect(snap.chainageKm).toBe(0);
  });

  it('still snaps Tehran, far from the border, and reports the distance (> 300 km)', () => {
    const snap = new BorderIndex(readBorder()).snap(TEHRAN);
    expect(snap.lineId).toBe('mainland');
    expect(snap.distanceKm).toBeGreaterThan(300);
    expect(snap.distanceKm).toBeCloseTo(distanceKm(TEHRAN, snap.point), 9);
  });

  it('measures 0 km between two points on the same spot', () => {
    const along = new BorderIndex(readBorder()).along([47.5, 39.3], [47.5, 39.3]);
    expect(along.sameLine && along.km).toBe(0);
  });

  it('measures along the line, not straight: Zangilan to Bilasuvar is longer along the border than apart', () => {
    const zangilan = [46.6525, 39.0857] as const, bilasuvar = [48.545, 39.4581] as const;
    const along = new BorderIndex(readBorder()).along(zangilan, bilasuvar);
    if (!along.sameLine) throw new Error('expected one line');
    expect(along.km).toBeCloseTo(Math.abs(along.toKm - along.fromKm), 12);
    expect(along.km).toBeGreaterThan(distanceKm(along.from.point, along.to.point));
  });

  it('says so when the points snap to different lines (Nakhchivan and mainland), without adding them up', () => {
    const along = new BorderIndex(readBorder()).along([45.5, 39.2], [47.5, 39.3]);
    expect(along.sameLine).toBe(false);
    expect([along.from.lineId, along.to.lineId]).toEqual(['nakhchivan', 'mainland']);
    expect('km' in along).toBe(false);
  });

  it('accepts snaps as well as points', () => {
    const index = new BorderIndex(readBorder());
    const a = index.snap([47, 39.1]), b = index.snap([48, 39.6]);
    expect(index.along(a, b)).toEqual(index.along([47, 39.1], [48, 39.6]));
  });

  it('returns the point at a chainage that snaps back to that chainage (to 1 mm)', () => {
    const index = new BorderIndex(readBorder());
    expect(index.snap(index.chainageToPoint('nakhchivan', 123.456)).chainageKm).toBeCloseTo(123.456, 6);
  });

  it('slices the border from a to b with the along-border length (to 1 mm)', () => {
    const index = new BorderIndex(readBorder());
    const a = [46.9, 39.15] as const, b = [47.8, 39.6] as const;
    const along = index.along(a, b);
    const slice = index.slice(a, b);
    expect(along.sameLine && along.km).toBeCloseTo(lengthKm(slice), 6);
    expect(slice[0]).toEqual(along.from.point);
    expect(slice[slice.length - 1]).toEqual(along.to.point);
  });

  it('slices in the direction from the first point to the second', () => {
    const index = new BorderIndex(readBorder());
    const forward = index.slice([46.9, 39.15], [47.8, 39.6]);
    expect(index.slice([47.8, 39.6], [46.9, 39.15])).toEqual([...forward].reverse());
  });

  it('slices two points on the same spot to a two-position LineString', () => {
    const slice = new BorderIndex(readBorder()).slice([47.5, 39.3], [47.5, 39.3]);
    expect(slice).toHaveLength(2);
    expect(slice[0]).toEqual(slice[1]);
  });

  it('refuses to slice across two lines, naming them', () => {
    expect(() => new BorderIndex(readBorder()).slice([45.5, 39.2], [47.5, 39.3])).toThrow("different lines ('nakhchivan' and 'mainland')");
  });

  it('refuses a chainage beyond the line, naming the line and the value', () => {
    expect(() => new BorderIndex(readBorder()).chainageToPoint('mainland', 600)).toThrow("line 'mainland': chainage 600 km is outside [0, ");
  });

  it('refuses an unknown line id, listing the ids', () => {
    expect(() => new BorderIndex(readBorder()).chainageToPoint('armenia', 1)).toThrow("no line with id 'armenia' (lines: nakhchivan, mainland)");
  });
});

describe('BorderIndex input checks', () => {
  it('refuses an empty FeatureCollection', () => {
    expect(() => new BorderIndex({ type: 'FeatureCollection', features: [] })).toThrow('BorderIndex: the FeatureCollection has no features');
  });

  it('refuses something that is not a FeatureCollection', () => {
    expect(() => new BorderIndex([1, 2])).toThrow('BorderIndex: [1, 2] is not a GeoJSON FeatureCollection');
  });

  it('refuses a line with fewer than 2 vertices, naming it', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'stub', properties: {}, geometry: { type: 'LineString', coordinates: [[46, 39]] } }] };
    expect(() => new BorderIndex(fc)).toThrow("line 'stub': has 1 vertices; a line needs at least 2");
  });

  it('refuses a feature without an id, naming its index', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[46, 39], [47, 39]] } }] };
    expect(() => new BorderIndex(fc)).toThrow('BorderIndex: feature 0 has id undefined; need a non-empty string id');
  });

  it('refuses a geometry that is not a LineString, naming the feature', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'p', properties: {}, geometry: { type: 'Point', coordinates: [46, 39] } }] };
    expect(() => new BorderIndex(fc)).toThrow("BorderIndex: feature 0 ('p') has geometry type 'Point'; need LineString");
  });

  it('refuses a NaN query point, naming it', () => {
    expect(() => new BorderIndex(readBorder()).snap([Number.NaN, 39])).toThrow('snap: point [NaN, 39] is not a [lon, lat] pair (lon NaN is not a finite number)');
  });

  it('refuses an out-of-range query point, naming it', () => {
    expect(() => new BorderIndex(readBorder()).snap([200, 10])).toThrow('snap: point [200, 10] is not a [lon, lat] pair (lon 200 is outside [-180, 180])');
  });
});
