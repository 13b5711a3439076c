import { multiLineString, nearestPointOnLine } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BorderIndex, analyseTrack, type LonLat, type TrackPoint } from '../../src/geo';
import { borderLine, lonLats, pointsNear, readBorder } from './fixtures';
import { besideLine, constantSpeedTimes, geodesicKm, polylineKm, zangilanBilasuvar } from './trackFixtures';
import { ROUNDING_KM, SPHERE_TOLERANCE } from './turfOracle';

const MINUTE = 60_000;
const START = Date.UTC(2023, 2, 11, 5, 44); // 09:44 Baku time
const TEHRAN: LonLat = [51.389, 35.6892];

/** The 2023-03-11 flight as a synthetic track: 4 km into Iran, tripoint to Bilasuvar and back, 42 minutes at constant speed. */
function syntheticFlight(): { positions: LonLat[]; points: TrackPoint[]; stretchKm: number } {
  const stretch = zangilanBilasuvar();
  const stretchKm = polylineKm(stretch);
  const chainages: number[] = [];
  for (let c = 0; c < stretchKm; c += 1) chainages.push(c);
  chainages.push(stretchKm);
  // Negative offsets lie right of the line's direction: Iran on the mainland line. Smoothed over ±5 km, as a flight would not follow the river's bends.
  const out = besideLine(stretch, chainages, chainages.map(() => -4), 5);
  const positions = [...out, ...out.slice(0, -1).reverse()];
  return { positions, points: constantSpeedTimes(positions, START, START + 42 * MINUTE), stretchKm };
}

/** Points at these chainages of the mainland line, offset (km, + Azerbaijan), at these minutes from START. */
function mainlandTrack(chainages: number[], offsets: number[], minutes?: number[]): TrackPoint[] {
  const line = lonLats(borderLine(readBorder(), 'mainland'));
  return besideLine(line, chainages, offsets).map((p, i) => ({ lon: p[0], lat: p[1], ...(minutes ? { time: START + minutes[i] * MINUTE } : {}) }));
}

describe('analyseTrack: the synthetic 42-minute flight 4 km into Iran, Zangilan to Bilasuvar and back', () => {
  it('spends all 42 minutes within 5 km of the border (to 1 ms), all on the Iran side, never crossing', () => {
    const { points } = syntheticFlight();
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    expect(a.durationMs).toBe(42 * MINUTE);
    expect(Math.abs((a.timeWithinMs as number) - 42 * MINUTE)).toBeLessThan(1);
    expect(a.vertices.every((v) => v.side === 'IRN' && v.signedKm >= -4 - 1e-3)).toBe(true);
    expect(a.crossings).toEqual([]);
    expect(a.gaps).toEqual([]);
  });

  it('measures its length and average speed as GeographicLib does directly (to 1 mm and 0.001 km/h)', () => {
    const { positions, points } = syntheticFlight();
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    const km = polylineKm(positions);
    expect(Math.abs(a.lengthKm - km)).toBeLessThan(1e-6);
    expect(Math.abs(a.lengthWithinKm - km)).toBeLessThan(1e-6);
    expect(Math.abs((a.averageSpeedKmh as number) - km / 0.7)).toBeLessThan(1e-3);
    // Constant speed: the fastest segment is the average, to rounding of the times (0.01 km/h).
    expect(Math.abs((a.maxSpeedKmh as number) - km / 0.7)).toBeLessThan(0.01);
  });

  it('covers about the stretch once as a union of chainage and twice as km travelled along', () => {
    const { points, stretchKm } = syntheticFlight();
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    expect(a.along.map((x) => x.lineId)).toEqual(['mainland']);
    expect(a.along[0].intervals).toHaveLength(1);
    // Independent: turf's spherical km along the line of the nearest points, their range, to the sphere tolerance.
    const turfLine = multiLineString([borderLine(readBorder(), 'mainland').geometry.coordinates]);
    const locations = points.map((p) => nearestPointOnLine(turfLine, [p.lon, p.lat]).properties.location as number);
    const turfRange = Math.max(...locations) - Math.min(...locations);
    expect(Math.abs(a.alongUnionKm - turfRange)).toBeLessThan(SPHERE_TOLERANCE * turfRange + ROUNDING_KM);
    // At the Bilasuvar end the border turns south at a right angle, so points 4 km into Iran there
    // lie nearest the border a few km down it: the union exceeds the stretch by less than 4 %.
    expect(a.alongUnionKm).toBeGreaterThan(stretchKm);
    expect(a.alongUnionKm).toBeLessThan(stretchKm * 1.04);
    expect(a.alongTravelledKm).toBeGreaterThanOrEqual(2 * a.alongUnionKm - 1e-9);
    expect(a.alongTravelledKm).toBeLessThan(2.2 * a.alongUnionKm);
  });

  it('without times gives the same lengths and along-border km but no durations or speeds, saying why', () => {
    const { points } = syntheticFlight();
    const index = new BorderIndex(readBorder());
    const timed = analyseTrack(index, points);
    const a = analyseTrack(index, points.map(({ lon, lat }) => ({ lon, lat })));
    expect(a.hasTimes).toBe(false);
    expect([a.lengthKm, a.lengthWithinKm, a.alongUnionKm, a.alongTravelledKm]).toEqual([timed.lengthKm, timed.lengthWithinKm, timed.alongUnionKm, timed.alongTravelledKm]);
    expect([a.durationMs, a.timeWithinMs, a.averageSpeedKmh, a.maxSpeedKmh, a.speedWithinKmh]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(a.reasons.timeWithinMs).toBe('track has no times');
    expect(a.reasons.averageSpeedKmh).toBe('track has no times');
  });
});

describe('analyseTrack: crossings, band edges and gaps', () => {
  it('reports a track that crosses twice with both crossings, their interpolated times and directions', () => {
    // Across the straight Mughan-steppe line: 3 km into Azerbaijan, 3 km into Iran, back, a minute apart.
    const points = mainlandTrack([215, 216, 217], [3, -3, 3], [0, 1, 2]);
    const index = new BorderIndex(readBorder());
    const a = analyseTrack(index, points);
    expect(a.crossings.map((c) => [c.direction, c.fromPoint, c.toPoint, c.inGap])).toEqual([
      ['AZE→IRN', 0, 1, false],
      ['IRN→AZE', 1, 2, false],
    ]);
    // Symmetric offsets: halfway in time, to 1 s (the offsets are equal to a few m of 3 km).
    expect(Math.abs((a.crossings[0].time as number) - (START + 0.5 * MINUTE))).toBeLessThan(1000);
    expect(Math.abs((a.crossings[1].time as number) - (START + 1.5 * MINUTE))).toBeLessThan(1000);
    // The interpolated points lie on the border to 20 m.
    for (const c of a.crossings) expect(index.snap(c.point as LonLat).distanceKm).toBeLessThan(0.02);
  });

  it('interpolates entering and leaving the band linearly in distance', () => {
    // 9 km into Iran to 1 km into Iran: within 5 km from halfway on.
    const points = mainlandTrack([215, 215], [-9, -1], [0, 4]);
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    const [s0, s1] = a.vertices.map((v) => v.signedKm);
    const fraction = (s1 - -5) / (s1 - s0);
    expect(Math.abs((a.timeWithinMs as number) - fraction * 4 * MINUTE)).toBeLessThan(1e-6);
    expect(Math.abs(a.lengthWithinKm - fraction * a.lengthKm)).toBeLessThan(1e-9);
    expect(Math.abs(fraction - 0.5)).toBeLessThan(0.01);
  });

  it('marks a gap in the timestamps and does not interpolate across it', () => {
    // Every 30 s along the border 2 km into Azerbaijan, then 20 minutes of silence, then 2 km into Iran.
    const chainages = [200, 201, 202, 203, 204, 205];
    const points = mainlandTrack(chainages, [2, 2, 2, -2, -2, -2], [0, 0.5, 1, 21, 21.5, 22]);
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    expect(a.gaps.map((g) => [g.segment, g.durationMs, g.why])).toEqual([[2, 20 * MINUTE, 'time step']]);
    expect(a.gapKm).toBeCloseTo(geodesicKm([points[2].lon, points[2].lat], [points[3].lon, points[3].lat]), 9);
    expect(a.movingMs).toBe(2 * MINUTE);
    expect(a.timeWithinMs).toBeCloseTo(2 * MINUTE, 6);
    expect(a.lengthWithinKm).toBeCloseTo(a.lengthKm - a.gapKm, 9);
    expect(a.crossings).toEqual([{ direction: 'AZE→IRN', fromPoint: 2, toPoint: 3, inGap: true }]);
    // The chainage across the gap is not covered: two intervals, about 2 km each, not one of 5.
    expect(a.along[0].intervals).toHaveLength(2);
    expect(a.alongUnionKm).toBeLessThan(4.5);
  });

  it('marks a segment at an impossible speed as a gap and keeps it out of the maximum speed', () => {
    // About 70 km in 15 s (~17,000 km/h) between two ordinary minutes.
    const points = mainlandTrack([200, 201, 300, 301], [2, 2, 2, 2], [0, 1, 1.25, 2.25]);
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    expect(a.gaps.map((g) => [g.segment, g.why])).toEqual([[1, 'speed']]);
    expect(a.gaps[0].km / 0.25 * 60).toBeGreaterThan(3_600);
    // The other two segments are a couple of km in a minute each.
    expect(a.maxSpeedKmh as number).toBeLessThan(300);
    expect(a.maxSpeedSegment === 0 || a.maxSpeedSegment === 2).toBe(true);
  });
});

describe('analyseTrack: edge cases', () => {
  it('gives zeros and reasons for an empty track', () => {
    const a = analyseTrack(new BorderIndex(readBorder()), []);
    expect([a.vertices, a.lengthKm, a.lengthWithinKm, a.alongUnionKm, a.crossings, a.gaps]).toEqual([[], 0, 0, 0, [], []]);
    expect(a.reasons.durationMs).toBe('track has no times');
  });

  it('measures the one point of a one-point track and says why there are no time figures', () => {
    const a = analyseTrack(new BorderIndex(readBorder()), [{ lon: TEHRAN[0], lat: TEHRAN[1], time: START }], { name: 'Tehran fix' });
    expect(a.vertices).toHaveLength(1);
    expect(a.vertices[0].side).toBe('IRN');
    expect(a.durationMs).toBeUndefined();
    expect(a.reasons.maxSpeedKmh).toBe('Tehran fix has fewer than 2 points');
  });

  it('treats repeated identical points as standing still: 0 km, 0 km/h, no gap', () => {
    const p = { lon: 47.5, lat: 39.3 };
    const a = analyseTrack(new BorderIndex(readBorder()), [0, 1, 2].map((m) => ({ ...p, time: START + m * MINUTE })));
    expect([a.lengthKm, a.averageSpeedKmh, a.maxSpeedKmh, a.gaps]).toEqual([0, 0, 0, []]);
  });

  it('skips a zero-duration segment that stays put and calls one that moves a gap', () => {
    const index = new BorderIndex(readBorder());
    const still = analyseTrack(index, [{ lon: 47.5, lat: 39.3, time: START }, { lon: 47.5, lat: 39.3, time: START }]);
    expect(still.gaps).toEqual([]);
    expect(still.maxSpeedKmh).toBeUndefined();
    expect(still.reasons.maxSpeedKmh).toBe('track has no segment of positive duration outside gaps');
    expect(still.reasons.averageSpeedKmh).toBe('no time passes on track outside gaps');
    const jump = analyseTrack(index, [{ lon: 47.5, lat: 39.3, time: START }, { lon: 47.51, lat: 39.3, time: START }]);
    expect(jump.gaps.map((g) => g.why)).toEqual(['speed']);
    expect(jump.maxSpeedKmh).toBeUndefined();
  });

  it('finds nothing within 5 km of the border for a track around Tehran, > 300 km into Iran', () => {
    const points = [0, 1, 2].map((m) => ({ lon: TEHRAN[0] + 0.01 * m, lat: TEHRAN[1], time: START + m * MINUTE }));
    const a = analyseTrack(new BorderIndex(readBorder()), points);
    expect(a.vertices.every((v) => v.side === 'IRN' && v.signedKm < -300)).toBe(true);
    expect([a.lengthWithinKm, a.timeWithinMs, a.alongUnionKm, a.along, a.crossings]).toEqual([0, 0, 0, [], []]);
    expect(a.speedWithinKmh).toBeUndefined();
    expect(a.reasons.speedWithinKmh).toBe('track spends no time within 5 km of the border outside gaps');
  });

  it('crosses at a point exactly on the border, at its time, and does not count a touch as a crossing', () => {
    const line = lonLats(borderLine(readBorder(), 'mainland'));
    const [aze] = mainlandTrack([210], [2]);
    const [irn] = mainlandTrack([212], [-2]);
    const on = { lon: line[900][0], lat: line[900][1] };
    const index = new BorderIndex(readBorder());
    const across = analyseTrack(index, [aze, on, irn].map((p, i) => ({ ...p, time: START + i * MINUTE })));
    expect(across.vertices[1]).toMatchObject({ side: 'on', signedKm: 0, distanceKm: 0 });
    expect(across.crossings).toEqual([{ direction: 'AZE→IRN', fromPoint: 0, toPoint: 2, point: line[900], time: START + MINUTE, inGap: false }]);
    const touch = analyseTrack(index, [aze, on, aze]);
    expect(touch.crossings).toEqual([]);
  });

  it('refuses times on some points only, and times that go backwards, naming the point', () => {
    const index = new BorderIndex(readBorder());
    expect(() => analyseTrack(index, [{ lon: 47.5, lat: 39.3, time: START }, { lon: 47.6, lat: 39.3 }], { name: 'f.gpx' })).toThrow(
      'analyseTrack (f.gpx): point 1 has no time while 1 of 2 points have one',
    );
    expect(() => analyseTrack(index, [{ lon: 47.5, lat: 39.3, time: START }, { lon: 47.6, lat: 39.3, time: START - 1 }])).toThrow('point 1 time 2023-03-11T05:43:59.999Z is before');
    expect(() => analyseTrack(index, [{ lon: 470, lat: 39.3 }])).toThrow('point 0 [470, 39.3] is not a position (lon 470 is outside [-180, 180])');
  });
});

describe('analyseTrack vs turf', () => {
  it('gives 300 seeded points within 20 km the unsigned distance turf does, to the sphere tolerance', () => {
    const fc = readBorder();
    const points = pointsNear(fc.features.map(lonLats), 300, 20, 4_242).map(([lon, lat]) => ({ lon, lat }));
    const a = analyseTrack(new BorderIndex(fc), points);
    const turfLines = multiLineString(fc.features.map((f) => f.geometry.coordinates));
    let worst = 0;
    points.forEach((p, i) => {
      const turfKm = nearestPointOnLine(turfLines, [p.lon, p.lat]).properties.dist as number;
      const ours = a.vertices[i].distanceKm;
      expect(Math.abs(ours - turfKm)).toBeLessThan(SPHERE_TOLERANCE * turfKm + ROUNDING_KM);
      worst = Math.max(worst, Math.abs(ours - turfKm) / Math.max(turfKm, 1e-9));
      expect(Math.abs(a.vertices[i].signedKm)).toBe(a.vertices[i].side === 'on' ? 0 : ours);
    });
    expect(worst).toBeLessThan(SPHERE_TOLERANCE);
  });
});
