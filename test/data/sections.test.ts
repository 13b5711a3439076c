import { describe, expect, it } from 'vitest';
import { lengthM, type Position2 } from '../../data/build/geodesy';
import { line, readBorder, readSections } from './committed';

describe('border-sections.geojson', () => {
  it.each(['nakhchivan', 'mainland'] as const)('sections tile the %s line: shared split vertices, continuous chainage, lengths add up within 1 m', (id) => {
    const border = line(readBorder(), id);
    const sections = readSections().features.filter((f) => f.properties.line === id);
    expect(sections.length).toBeGreaterThan(0);
    const joined: Position2[] = [];
    let chainage = 0;
    let sum = 0;
    for (const s of sections) {
      expect(s.properties.from_km).toBeCloseTo(chainage, 6);
      const c = s.geometry.coordinates as Position2[];
      if (joined.length) expect(c[0]).toEqual(joined[joined.length - 1]);
      joined.push(...(joined.length ? c.slice(1) : c));
      chainage = s.properties.to_km;
      sum += s.properties.length_km;
    }
    expect(joined).toEqual(border.geometry.coordinates);
    expect(Math.abs(chainage - border.properties.length_km) * 1000).toBeLessThan(1);
    expect(Math.abs(sum - border.properties.length_km) * 1000).toBeLessThan(1);
  });

  it('every section has kind river or land and a length_km equal to a fresh GeographicLib sum (within 1 mm)', () => {
    for (const s of readSections().features) {
      expect(['river', 'land']).toContain(s.properties.kind);
      expect(Math.abs(s.properties.length_km * 1000 - lengthM(s.geometry.coordinates as Position2[]))).toBeLessThan(0.001);
      expect(Math.abs(s.properties.to_km - s.properties.from_km - s.properties.length_km) * 1000).toBeLessThan(1);
    }
  });

  it('the mainland Aras section ends where the border leaves the river, and the Mughan lines end at [48.3322, 39.4287]', () => {
    const byId = new Map(readSections().features.map((f) => [f.properties.id, f]));
    expect(byId.get('mainland-aras')?.geometry.coordinates.at(-1)).toEqual([47.98561, 39.70915]);
    expect(byId.get('mughan-lines')?.geometry.coordinates.at(-1)).toEqual([48.3322, 39.4287]);
  });
});
