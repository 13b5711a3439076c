import { along, length, lineString, pointToLineDistance, polygon as turfPolygon, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BorderIndex, lengthWithinKm, shapeAreaKm2, shapeDistanceKm, type Shape } from '../../src/geo';

/** The test border's vertices: along 39°N, 46°E to 48°E, every 0.1°. */
const BORDER = Array.from({ length: 21 }, (_, i) => [46 + i * 0.1, 39]);

/** The test border, fresh for each test. */
function straightBorder(): BorderIndex {
  return new BorderIndex({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'b', properties: { name: 'test border' }, geometry: { type: 'LineString', coordinates: BORDER } }] });
}

/** Turf's spherical distance to the border from the nearest point along the line, km: sampled every 500 m, then every 10 m within 1 km of the best. */
function turfNearestKm(line: number[][]): number {
  const l = lineString(line);
  const border = lineString(BORDER);
  const total = length(l);
  const at = (s: number): number => pointToLineDistance(along(l, s), border);
  let best = Infinity, bestS = 0;
  for (let s = 0; s <= total; s += 0.5) if (at(s) < best) [best, bestS] = [at(s), s];
  for (let s = Math.max(0, bestS - 1); s <= Math.min(total, bestS + 1); s += 0.01) best = Math.min(best, at(s));
  return best;
}

/** Km of `line` within `km` of `border`, sampled every 20 m with turf on the sphere: independent of the code under test. */
function turfWithin(line: number[][], border: number[][], km: number): number {
  const l = lineString(line);
  const b = lineString(border);
  const total = length(l);
  const step = 0.02;
  let within = 0;
  for (let s = 0; s < total; s += step) {
    const mid = along(l, Math.min(total, s + step / 2));
    if (pointToLineDistance(mid, b) <= km) within += Math.min(step, total - s);
  }
  return within;
}

describe('shapeDistanceKm', () => {
  it('is 0 for a line that crosses the border between its vertices', () => {
    const line: Shape = { type: 'LineString', coordinates: [[46.55, 38.5], [46.95, 39.5]] };
    expect(shapeDistanceKm(straightBorder(), line)).toBe(0);
  });

  it('is 0 for an area that holds part of the border without any vertex near it', () => {
    const area: Shape = { type: 'Polygon', coordinates: [[[46.5, 38.5], [47.5, 38.5], [47.5, 39.5], [46.5, 39.5], [46.5, 38.5]]] };
    expect(shapeDistanceKm(straightBorder(), area)).toBe(0);
  });

  it('for a V-shaped line beside the border, finds its tip (within 0.5 % + 10 m of turf, 10 m samples)', () => {
    const line = [[46.3, 38.8], [46.52, 39 - 2 / 111.0], [46.9, 38.8]];
    const ours = shapeDistanceKm(straightBorder(), { type: 'LineString', coordinates: line });
    const theirs = turfNearestKm(line);
    expect(Math.abs(ours - theirs)).toBeLessThan(0.01 + theirs * 0.005);
  });

  it('for a long segment beside the border, finds its nearest part between its ends (within 0.5 % + 10 m of turf)', () => {
    // Its ends are 10 km south but it bulges towards the pole: the nearest part is mid-segment, near a border vertex.
    const lat = 39 - 10 / 110.99;
    const line = [[46.05, lat], [47.95, lat]];
    const ours = shapeDistanceKm(straightBorder(), { type: 'LineString', coordinates: line });
    const theirs = turfNearestKm(line);
    expect(ours).toBeLessThan(9.9);
    expect(Math.abs(ours - theirs)).toBeLessThan(0.01 + theirs * 0.005);
  });
});

describe('lengthWithinKm', () => {
  it('agrees with an independent 20 m turf sampling within 0.5 %, and samples at most every 250 m', () => {
    const line = [[46.5, 38.85], [46.9, 39.03], [47.4, 39.12], [47.6, 38.7]];
    const ours = lengthWithinKm(straightBorder(), [line], 5);
    const theirs = turfWithin(line, BORDER, 5);
    expect(ours.stepKm).toBeLessThanOrEqual(0.25);
    expect(Math.abs(ours.totalKm - length(lineString(line)))).toBeLessThan(length(lineString(line)) * 0.003);
    expect(theirs).toBeGreaterThan(10);
    expect(Math.abs(ours.withinKm - theirs)).toBeLessThan(theirs * 0.005);
  });

  it('counts the whole line when it never leaves the band, none when it never enters it', () => {
    const inside = lengthWithinKm(straightBorder(), [[[46.2, 39.01], [47.8, 39.01]]], 5);
    expect(inside.withinKm).toBeCloseTo(inside.totalKm, 9);
    expect(lengthWithinKm(straightBorder(), [[[46.2, 38.5], [47.8, 38.5]]], 5).withinKm).toBe(0);
  });

  it('gives the km of border beside the parts within, counting a km of border once when the line goes out and back', () => {
    const out = [[46.2, 39.01], [47.8, 39.01]];
    const once = lengthWithinKm(straightBorder(), [out], 5);
    const twice = lengthWithinKm(straightBorder(), [[...out, [46.2, 39.02]]], 5);
    // Along a line just beside the border, the border beside it is about as long as the line.
    expect(Math.abs(once.alongKm - once.totalKm)).toBeLessThan(0.5);
    expect(twice.alongKm).toBeCloseTo(once.alongKm, 1);
    expect(lengthWithinKm(straightBorder(), [[[46.2, 38.5], [47.8, 38.5]]], 5).alongKm).toBe(0);
  });
});

describe('shapeAreaKm2', () => {
  it('agrees with turf’s spherical area within 0.5 % and takes holes out', () => {
    const outer = [[46.5, 38.5], [47.5, 38.5], [47.5, 39.5], [46.5, 39.5], [46.5, 38.5]];
    const hole = [[46.8, 38.8], [47.2, 38.8], [47.2, 39.2], [46.8, 39.2], [46.8, 38.8]];
    const ours = shapeAreaKm2({ type: 'Polygon', coordinates: [outer, hole] });
    const theirs = turfArea(turfPolygon([outer, hole])) / 1e6;
    expect(Math.abs(ours - theirs)).toBeLessThan(theirs * 0.005);
  });
});
