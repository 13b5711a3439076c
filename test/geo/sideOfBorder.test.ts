import { describe, expect, it } from 'vitest';
import { BorderIndex, azerbaijanOnLeft, sideOfLine, sidedSnap, type LonLat } from '../../src/geo';
import { readBorder } from './fixtures';

// Places whose country is known (lat/lon to 3-4 decimals; all are > 400 m from the border line).
const PLACES: Array<[string, LonLat, 'AZE' | 'IRN', string]> = [
  ['Bilasuvar', [48.545, 39.4581], 'AZE', 'mainland'],
  ['Parsabad', [47.917, 39.648], 'IRN', 'mainland'],
  ['Jolfa', [45.63, 38.94], 'IRN', 'nakhchivan'],
  ['Nakhchivan city', [45.412, 39.209], 'AZE', 'nakhchivan'],
];

function testLine(coordinates: number[][]): BorderIndex {
  return new BorderIndex({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'test', properties: {}, geometry: { type: 'LineString', coordinates } }] });
}

describe('sidedSnap on data/border.geojson', () => {
  it.each(PLACES)('puts %s on the %s side, nearest the %s line', (_name, point, side, lineId) => {
    const snap = sidedSnap(new BorderIndex(readBorder()), point);
    expect(snap.side).toBe(side);
    expect(snap.lineId).toBe(lineId);
    expect(Math.sign(snap.signedKm)).toBe(side === 'AZE' ? 1 : -1);
    expect(Math.abs(snap.signedKm)).toBe(snap.distanceKm);
  });

  it('finds Azerbaijan left of the mainland line (drawn eastward) and right of the Nakhchivan line (drawn westward)', () => {
    const index = new BorderIndex(readBorder());
    expect(azerbaijanOnLeft(index.line('mainland'))).toBe(true);
    expect(azerbaijanOnLeft(index.line('nakhchivan'))).toBe(false);
  });

  it('puts border vertices on the line: side "on", signedKm 0', () => {
    const fc = readBorder();
    const index = new BorderIndex(fc);
    for (const f of fc.features) {
      const c = f.geometry.coordinates;
      for (const i of [0, 100, c.length - 1]) {
        const snap = sidedSnap(index, [c[i][0], c[i][1]]);
        expect([snap.side, snap.signedKm]).toEqual(['on', 0]);
      }
    }
  });
});

describe('sideOfLine', () => {
  it('takes the side inside a segment from the segment itself', () => {
    const index = testLine([[0, 0], [1, 0]]);
    const line = index.line('test');
    for (const [point, side] of [[[0.5, 0.1], 1], [[0.5, -0.1], -1]] as const) {
      const snap = index.snap(point);
      expect(sideOfLine(line, snap.segment, snap.point, point[0], point[1])).toBe(side);
    }
  });

  it('uses the bisector of the two normals at a sharp vertex, where the first segment alone would say left', () => {
    // East, then sharply back west-north-west: left of travel is the thin wedge between the two.
    const index = testLine([[0, 0], [1, 0], [0, 0.3]]);
    const line = index.line('test');
    const outside: LonLat = [1.5, 0.1];
    const snap = index.snap(outside);
    expect(snap.point).toEqual([1, 0]);
    expect(sideOfLine(line, snap.segment, snap.point, outside[0], outside[1])).toBe(-1);
    const inside: LonLat = [0.5, 0.1];
    const inSnap = index.snap(inside);
    expect(sideOfLine(line, inSnap.segment, inSnap.point, inside[0], inside[1])).toBe(1);
  });

  it('extends the end segment beyond an end vertex', () => {
    const index = testLine([[0, 0], [1, 0]]);
    const line = index.line('test');
    for (const [point, side] of [[[1.5, 0.2], 1], [[-0.5, -0.2], -1]] as const) {
      const snap = index.snap(point);
      expect(sideOfLine(line, snap.segment, snap.point, point[0], point[1])).toBe(side);
    }
  });
});
