import { describe, expect, it } from 'vitest';
import { distanceM, lengthM, type Position2 } from '../../data/build/geodesy';
import { line, readBorder } from './committed';

/** Ends as stated in DESIGN.md (verified data facts). */
const TRIPOINT_ARM_AZE_IRN: Position2 = [46.53398, 38.86717];
const ASTARA_COAST: Position2 = [48.88229, 38.44179];
const NAKHCHIVAN_ARMENIA_SIDE: Position2 = [46.14486, 38.8422];
const NAKHCHIVAN_TURKEY_SIDE: Position2 = [44.80938, 39.62734];
const MARITIME_SEA_END: Position2 = [49.2124, 38.40839];
const END_TOLERANCE_M = 5;
/**
 * The source has long straight segments where the border is drawn straight: up to 5.8 km on the
 * Aras (Khudafarin reservoir, mainland km 53.5) and 25.5 km on the Mughan-steppe lines (mainland
 * km 200.8–244.2). A step longer than these would mean two arcs joined across a gap.
 */
const MAX_STEP_M = 6_000;
const MUGHAN_KM: [number, number] = [200.78, 244.21];
const MAX_MUGHAN_STEP_M = 26_000;

describe('border.geojson', () => {
  it('holds exactly the two lines nakhchivan and mainland, with matching top-level and property ids', () => {
    const fc = readBorder();
    expect(fc.features.map((f) => f.id)).toEqual(['nakhchivan', 'mainland']);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.properties.id).toBe(f.id);
    }
  });

  it.each(['nakhchivan', 'mainland'] as const)('%s is one continuous line: no step over 6 km (26 km on the Mughan lines), no repeated vertex', (id) => {
    const coords = line(readBorder(), id).geometry.coordinates as Position2[];
    const seen = new Set<string>();
    let chainage = 0;
    for (let i = 0; i < coords.length; i++) {
      const key = coords[i].join(',');
      expect(seen.has(key), `vertex ${i} ${key} repeats`).toBe(false);
      seen.add(key);
      if (i === 0) continue;
      const step = distanceM(coords[i - 1], coords[i]);
      const onMughan = id === 'mainland' && chainage / 1000 >= MUGHAN_KM[0] && chainage / 1000 < MUGHAN_KM[1];
      expect(step, `step ${i - 1}→${i} at km ${(chainage / 1000).toFixed(1)}`).toBeLessThan(onMughan ? MAX_MUGHAN_STEP_M : MAX_STEP_M);
      chainage += step;
    }
  });

  it('nakhchivan runs from the Armenia-side tripoint to the Turkey-side tripoint (within 5 m)', () => {
    const c = line(readBorder(), 'nakhchivan').geometry.coordinates as Position2[];
    expect(distanceM(c[0], NAKHCHIVAN_ARMENIA_SIDE)).toBeLessThan(END_TOLERANCE_M);
    expect(distanceM(c[c.length - 1], NAKHCHIVAN_TURKEY_SIDE)).toBeLessThan(END_TOLERANCE_M);
  });

  it('mainland runs from the Armenia–Azerbaijan–Iran tripoint (chainage 0) to the coast at Astara (within 5 m)', () => {
    const f = line(readBorder(), 'mainland');
    const c = f.geometry.coordinates as Position2[];
    expect(distanceM(c[0], TRIPOINT_ARM_AZE_IRN)).toBeLessThan(END_TOLERANCE_M);
    expect(distanceM(c[c.length - 1], ASTARA_COAST)).toBeLessThan(END_TOLERANCE_M);
    expect(f.properties.origin).toMatch(/^Armenia–Azerbaijan–Iran tripoint/);
  });

  it('mainland leaves out the maritime line in the Caspian', () => {
    const c = line(readBorder(), 'mainland').geometry.coordinates as Position2[];
    // No vertex east of the coast point, and nothing within 20 km of the maritime line's sea end.
    for (const p of c) {
      expect(p[0]).toBeLessThanOrEqual(ASTARA_COAST[0]);
      expect(distanceM(p, MARITIME_SEA_END)).toBeGreaterThan(20_000);
    }
  });

  it.each(['nakhchivan', 'mainland'] as const)('%s length_km equals a fresh GeographicLib sum (within 1 mm) and vertices the count', (id) => {
    const f = line(readBorder(), id);
    expect(Math.abs(f.properties.length_km * 1000 - lengthM(f.geometry.coordinates as Position2[]))).toBeLessThan(0.001);
    expect(f.properties.vertices).toBe(f.geometry.coordinates.length);
  });
});
