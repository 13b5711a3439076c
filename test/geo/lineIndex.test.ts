import { describe, expect, it } from 'vitest';
import { distanceKm, LineIndex, lengthKm, nearestOnArc, type LonLat } from '../../src/geo';
import { mulberry32 } from './fixtures';

/** A meandering line of `n` vertices: a sine wave with hairpins, about 1° long, at 39°N. */
function meander(n: number): LonLat[] {
  return Array.from({ length: n }, (_, i) => {
    const s = i / (n - 1);
    return [46 + s + 0.05 * Math.sin(40 * s), 39 + 0.1 * Math.sin(25 * s)] as LonLat;
  });
}

/** `n` vertices evenly along the straight lon/lat line from a to b (a densified straight stretch). */
function straight(a: LonLat, b: LonLat, n: number): LonLat[] {
  return Array.from({ length: n }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / (n - 1), a[1] + ((b[1] - a[1]) * i) / (n - 1)] as LonLat);
}

/** Nearest segment by checking every one (the O(N) answer the index must match). */
function bruteNearest(line: readonly LonLat[], q: LonLat): { segment: number; point: LonLat } {
  const out = new Float64Array(2);
  let best = Infinity, segment = -1, point: LonLat = [0, 0];
  for (let i = 0; i < line.length - 1; i++) {
    const angle = nearestOnArc(line[i][0], line[i][1], line[i + 1][0], line[i + 1][1], q[0], q[1], out);
    if (angle < best) [best, segment, point] = [angle, i, [out[0], out[1]]];
  }
  return { segment, point };
}

describe('LineIndex', () => {
  it('snaps to the same point as checking every segment, on a meandering line with a deep tree (to 1 µm)', () => {
    const line = meander(3000);
    const index = new LineIndex('test', 'test', line, { nodeSize: 4 });
    const random = mulberry32(3);
    for (let k = 0; k < 500; k++) {
      const q: LonLat = [45.9 + 1.2 * random(), 38.8 + 0.4 * random()];
      expect(distanceKm(index.snap(q).point, bruteNearest(line, q).point)).toBeLessThan(1e-9);
    }
  });

  it('snaps to the same point as checking every segment on a densified zigzag, where hundreds of half-metre segments lie nearly as near (to 1 µm)', () => {
    // Three straight stretches of 4,000 segments (~2 km each), one diagonal, as a densified border is.
    const line = [...straight([46, 39], [46.02, 39.015], 4001), ...straight([46.02, 39.015], [46.045, 39.015], 4001).slice(1), ...straight([46.045, 39.015], [46.045, 38.997], 4001).slice(1)];
    const index = new LineIndex('zigzag', 'zigzag', line);
    const random = mulberry32(5);
    let worstKm = 0;
    for (let k = 0; k < 200; k++) {
      const q: LonLat = [45.8 + 0.45 * random(), 38.8 + 0.4 * random()];
      worstKm = Math.max(worstKm, distanceKm(index.snap(q).point, bruteNearest(line, q).point));
    }
    expect(worstKm).toBeLessThan(1e-9);
  });

  it('gives the same snap whatever was searched before (its first guesses only speed it up)', () => {
    const line = meander(2000);
    const random = mulberry32(8);
    const points = Array.from({ length: 2000 }, () => [45.9 + 1.2 * random(), 38.8 + 0.4 * random()] as LonLat);
    const forwards = new LineIndex('test', 'test', line);
    const backwards = new LineIndex('test', 'test', line);
    const inOrder = points.map((q) => forwards.snap(q));
    expect([...points].reverse().map((q) => backwards.snap(q)).reverse()).toEqual(inOrder);
  });

  it('names the segment ending at a vertex when the nearest point is that vertex (t = 1)', () => {
    const index = new LineIndex('corner', 'corner', [[46, 39], [46.1, 39], [46.1, 39.1]]);
    const snap = index.snap([46.2, 38.9]);
    expect([snap.segment, snap.t, snap.point]).toEqual([0, 1, [46.1, 39]]);
  });

  it('snaps across the antimeridian and near the pole as checking every segment does', () => {
    // A sawtooth up to the antimeridian: its boxes do not see a point across it as near.
    const east = Array.from({ length: 300 }, (_, i) => [179.2 + (0.75 * i) / 299, 10 + 0.3 * (i % 2)] as LonLat);
    const polar = straight([-20, 89.7], [40, 89.8], 500);
    const eastIndex = new LineIndex('east', 'east', east), polarIndex = new LineIndex('polar', 'polar', polar);
    const random = mulberry32(13);
    let worstKm = 0;
    for (let k = 0; k < 100; k++) {
      const nearEast: LonLat = [-179.999 + 0.3 * random(), 9.9 + 0.5 * random()];
      const nearPole: LonLat = [-180 + 360 * random(), 89.5 + 0.5 * random()];
      worstKm = Math.max(worstKm, distanceKm(eastIndex.snap(nearEast).point, bruteNearest(east, nearEast).point));
      worstKm = Math.max(worstKm, distanceKm(polarIndex.snap(nearPole).point, bruteNearest(polar, nearPole).point));
    }
    expect(worstKm).toBeLessThan(1e-9);
  });

  it('ends its cumulative km at the ellipsoidal length of the line (to 1 µm)', () => {
    const line = meander(200);
    expect(new LineIndex('test', 'test', line).lengthKm).toBeCloseTo(lengthKm(line), 9);
  });

  it('returns vertex i at chainage cumKm[i] exactly', () => {
    const index = new LineIndex('test', 'test', meander(200));
    expect(index.pointAtKm(index.cumKm[57])).toEqual(index.vertex(57));
  });

  it('snaps the point at a chainage back to that chainage (to 1 mm)', () => {
    const index = new LineIndex('test', 'test', meander(200));
    expect(index.snap(index.pointAtKm(41.5)).chainageKm).toBeCloseTo(41.5, 6);
  });

  it('refuses a chainage beyond the line, naming it', () => {
    const index = new LineIndex('test', 'test', meander(20));
    expect(() => index.pointAtKm(1e6)).toThrow(/line 'test': chainage 1000000 km is outside \[0, /);
  });

  it('refuses a line with one vertex, naming the line', () => {
    expect(() => new LineIndex('short', 'short', [[46, 39]])).toThrow("line 'short': has 1 vertices; a line needs at least 2");
  });

  it('refuses a coordinate that is not a [lon, lat] pair, naming its index', () => {
    expect(() => new LineIndex('bad', 'bad', [[46, 39], [200, 10]])).toThrow("line 'bad': coordinate 1 [200, 10] is not a [lon, lat] pair (lon 200 is outside [-180, 180])");
  });

  it('refuses a segment that crosses the antimeridian', () => {
    expect(() => new LineIndex('dateline', 'dateline', [[179.5, 0], [-179.5, 0]])).toThrow(/segment 0 .* crosses the antimeridian/);
  });

  it('indexes a line of two vertices', () => {
    const index = new LineIndex('two', 'two', [[46, 39], [47, 39]]);
    expect(index.snap([46.5, 39.5]).segment).toBe(0);
  });
});
