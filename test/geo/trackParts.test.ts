import { describe, expect, it } from 'vitest';
import { BorderIndex, analyseTrack, bandParts, densify, positionAtTime, type TrackPoint } from '../../src/geo';
import { borderLine, lonLats, readBorder } from './fixtures';
import { besideLine, geodesicKm } from './trackFixtures';

const MINUTE = 60_000;
const START = Date.UTC(2023, 2, 11, 5, 44);

/** The border index over the committed border. */
function setup(): BorderIndex {
  return new BorderIndex(readBorder());
}

/** Points at these chainages of the mainland line, offset (km, + Azerbaijan's side), at these minutes from START. */
function track(chainages: number[], offsets: number[], minutes: number[]): TrackPoint[] {
  return besideLine(lonLats(borderLine(readBorder(), 'mainland')), chainages, offsets).map((p, i) => ({ lon: p[0], lat: p[1], time: START + minutes[i] * MINUTE }));
}

describe('bandParts', () => {
  it('draws one part from where the track enters the band to where it leaves it, interpolated as the analysis does', () => {
    const points = track([40, 50, 60, 70], [-12, -2, -2, -12], [0, 1, 2, 3]);
    const analysis = analyseTrack(setup(), points, { withinKm: 5 });
    const parts = bandParts(points, analysis);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toHaveLength(4);
    const at = (i: number): [number, number] => [points[i].lon, points[i].lat];
    const [s0, s1] = [analysis.vertices[0].signedKm, analysis.vertices[1].signedKm];
    // Signed distance taken as linear along the segment: the band's edge (−5 km) is this fraction of the way.
    const f = (-5 - s0) / (s1 - s0);
    expect(geodesicKm(at(0), parts[0][0] as [number, number])).toBeCloseTo(f * geodesicKm(at(0), at(1)), 6);
    expect(parts[0][1]).toEqual(at(1));
  });

  it('leaves out a gap in the record, splitting the part there', () => {
    const points = track([40, 50, 60, 70], [-2, -2, -2, -2], [0, 1, 30, 31]);
    const analysis = analyseTrack(setup(), points, { withinKm: 5 });
    expect(bandParts(points, analysis).map((p) => p.length)).toEqual([2, 2]);
  });

  it('gives no part for a track that stays outside the band', () => {
    const points = track([40, 50], [-20, -20], [0, 1]);
    expect(bandParts(points, analyseTrack(setup(), points, { withinKm: 5 }))).toEqual([]);
  });
});

describe('positionAtTime', () => {
  it('is halfway along the geodesic halfway between two times', () => {
    const points = track([40, 50], [-2, -2], [0, 2]);
    const at = positionAtTime(points, analyseTrack(setup(), points), START + MINUTE);
    const a: [number, number] = [points[0].lon, points[0].lat], b: [number, number] = [points[1].lon, points[1].lat];
    expect(at).toBeDefined();
    expect(geodesicKm(a, at as [number, number])).toBeCloseTo(geodesicKm(a, b) / 2, 6);
  });

  it('holds at the first and last point outside the track’s span', () => {
    const points = track([40, 50], [-2, -2], [0, 2]);
    const analysis = analyseTrack(setup(), points);
    expect(positionAtTime(points, analysis, START - MINUTE)).toEqual([points[0].lon, points[0].lat]);
    expect(positionAtTime(points, analysis, START + 5 * MINUTE)).toEqual([points[1].lon, points[1].lat]);
  });

  it('gives no position inside a gap, which is not interpolated', () => {
    const points = track([40, 50, 60], [-2, -2, -2], [0, 1, 30]);
    expect(positionAtTime(points, analyseTrack(setup(), points), START + 10 * MINUTE)).toBeUndefined();
  });

  it('gives no position for a track without times', () => {
    const points = track([40, 50], [-2, -2], [0, 1]).map(({ lon, lat }) => ({ lon, lat }));
    expect(positionAtTime(points, analyseTrack(setup(), points), START)).toBeUndefined();
  });
});

describe('densify', () => {
  it('adds points along each geodesic so no step of a line without times is longer than asked', () => {
    const line = [{ lon: 46.6, lat: 38.95 }, { lon: 47.2, lat: 39.2 }];
    const dense = densify(line, 0.25);
    const km = geodesicKm([46.6, 38.95], [47.2, 39.2]);
    expect(dense).toHaveLength(Math.ceil(km / 0.25) + 1);
    expect(dense[0]).toEqual(line[0]);
    expect(dense.at(-1)).toEqual(line[1]);
    for (let i = 1; i < dense.length; i++) expect(geodesicKm([dense[i - 1].lon, dense[i - 1].lat], [dense[i].lon, dense[i].lat])).toBeLessThanOrEqual(0.25 + 1e-9);
  });

  it('leaves a timed track as recorded', () => {
    const track = [{ lon: 46.6, lat: 38.95, time: 0 }, { lon: 47.2, lat: 39.2, time: 60_000 }];
    expect(densify(track, 0.25)).toEqual(track);
  });

  it('refuses a step that is not a positive number, naming it', () => {
    expect(() => densify([], 0)).toThrow('densify: maxStepKm 0 is not a positive number');
  });
});
