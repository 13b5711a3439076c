import { describe, expect, it } from 'vitest';
import { distanceM, lengthM, pointAlong, type Position2 } from '../../data/build/geodesy';
import { BILASUVAR } from '../../data/build/stretch';
import { line, readBorder, readStretch } from './committed';

describe('segments.geojson (Zangilan–Bilasuvar stretch)', () => {
  it('starts at chainage 0 on the mainland line and follows it vertex for vertex', () => {
    const s = readStretch().features[0];
    const main = line(readBorder(), 'mainland').geometry.coordinates;
    expect(s.properties.id).toBe('zangilan-bilasuvar');
    expect(s.properties.from_km).toBe(0);
    const c = s.geometry.coordinates;
    expect(c.slice(0, -1)).toEqual(main.slice(0, c.length - 1));
  });

  it('ends at the border point nearest Bilasuvar: no point of the mainland line (sampled every ~10 m) is nearer by more than 1 m', () => {
    const s = readStretch().features[0];
    const end = s.geometry.coordinates.at(-1) as Position2;
    const dEnd = distanceM(BILASUVAR, end);
    expect(Math.abs(dEnd - s.properties.bilasuvar_distance_km * 1000)).toBeLessThan(0.01);
    const main = line(readBorder(), 'mainland').geometry.coordinates as Position2[];
    let best = Infinity;
    for (let i = 1; i < main.length; i++) {
      const len = distanceM(main[i - 1], main[i]);
      // Only segments that could be near: the rest are skipped by a cheap vertex bound.
      if (Math.min(distanceM(BILASUVAR, main[i - 1]), distanceM(BILASUVAR, main[i])) - len > dEnd) continue;
      const n = Math.max(1, Math.ceil(len / 10));
      for (let k = 0; k <= n; k++) best = Math.min(best, distanceM(BILASUVAR, pointAlong(main[i - 1], main[i], (len * k) / n)));
    }
    expect(dEnd - best).toBeLessThan(1);
  });

  it('length_km and to_km equal a fresh GeographicLib sum (within 1 mm)', () => {
    const s = readStretch().features[0];
    const m = lengthM(s.geometry.coordinates as Position2[]);
    expect(Math.abs(s.properties.length_km * 1000 - m)).toBeLessThan(0.001);
    expect(s.properties.to_km).toBe(s.properties.length_km);
  });
});
