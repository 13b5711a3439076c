import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  BorderIndex, impliedSpeedKmh, lengthKm, measureAlong, measureRuler, measurementToGeoJSON, readSections, type LonLat,
} from '../../src/geo';
import { readBorder } from './fixtures';

const readData = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
const TRIPOINT: LonLat = [46.53398, 38.86717];
const ASTARA: LonLat = [48.88229, 38.44179];

describe('measureAlong', () => {
  test('measures the whole mainland line from the tripoint to Astara', () => {
    const m = measureAlong(new BorderIndex(readBorder()), TRIPOINT, ASTARA, readSections(readData('border-sections.geojson')));
    if (!m.sameLine) throw new Error('expected one line');
    const line = readBorder().features.find((f) => f.id === 'mainland');
    expect(m.alongKm).toBeCloseTo(Number(line?.properties?.length_km), 6);
    expect(m.sections.map((s) => s.id)).toEqual(['mainland-aras', 'mughan-lines', 'bolgarchay-talysh-astarachay']);
    expect(m.sections.reduce((s, x) => s + x.km, 0)).toBeCloseTo(m.alongKm, 6);
  });

  test('the straight line is shorter than the border and the ratio is their quotient', () => {
    const m = measureAlong(new BorderIndex(readBorder()), [46.9, 39.2], [47.6, 39.55]);
    if (!m.sameLine) throw new Error('expected one line');
    expect(m.straightKm).toBeLessThan(m.alongKm);
    expect(m.ratio).toBeCloseTo(m.alongKm / m.straightKm, 12);
  });

  test('the slice is as long as the along-border distance', () => {
    const m = measureAlong(new BorderIndex(readBorder()), [46.9, 39.2], [47.6, 39.55]);
    if (!m.sameLine) throw new Error('expected one line');
    expect(lengthKm(m.slice)).toBeCloseTo(m.alongKm, 6);
  });

  test('both points on the same spot give 0 km and no ratio', () => {
    const m = measureAlong(new BorderIndex(readBorder()), [47.2, 39.3], [47.2, 39.3]);
    if (!m.sameLine) throw new Error('expected one line');
    expect(m.alongKm).toBe(0);
    expect(m.straightKm).toBe(0);
    expect(Number.isNaN(m.ratio)).toBe(true);
  });

  test('points on Nakhchivan and the mainland say so and give no along-border km', () => {
    const m = measureAlong(new BorderIndex(readBorder()), [45.5, 38.95], [47.5, 39.5]);
    expect(m.sameLine).toBe(false);
    expect('alongKm' in m).toBe(false);
    expect(m.straightKm).toBeGreaterThan(100);
  });
});

describe('sections covered', () => {
  test('a stretch inside one section covers only that section, by its full length', () => {
    const sections = readSections(readData('border-sections.geojson'));
    const index = new BorderIndex(readBorder());
    const a = index.chainageToPoint('mainland', 210);
    const b = index.chainageToPoint('mainland', 220);
    const m = measureAlong(index, a, b, sections);
    if (!m.sameLine) throw new Error('expected one line');
    expect(m.sections).toHaveLength(1);
    expect(m.sections[0].id).toBe('mughan-lines');
    expect(m.sections[0].km).toBeCloseTo(10, 6);
  });

  test('a bad section kind is rejected, naming the feature', () => {
    const fc = { type: 'FeatureCollection', features: [{ properties: { id: 'x', name: 'X', line: 'mainland', kind: 'lake', from_km: 0, to_km: 1 } }] };
    expect(() => readSections(fc)).toThrow("border-sections.geojson feature 0: kind 'lake' is not river or land");
  });
});

describe('measureRuler', () => {
  test('sums its legs', () => {
    const r = measureRuler([[46, 39], [47, 39], [47, 40]]);
    expect(r.legsKm).toHaveLength(2);
    expect(r.totalKm).toBeCloseTo(r.legsKm[0] + r.legsKm[1], 12);
    // One degree of longitude at 39°N on WGS84 is about 86.7 km.
    expect(r.legsKm[0]).toBeCloseTo(86.7, 0);
  });

  test('a single point has no legs and 0 km', () => {
    expect(measureRuler([[46, 39]])).toEqual({ points: [[46, 39]], legsKm: [], totalKm: 0 });
  });
});

describe('measurementToGeoJSON', () => {
  test('writes the slice with its figures and both ends with their chainage', () => {
    const m = measureAlong(new BorderIndex(readBorder()), [46.9, 39.2], [47.6, 39.55]);
    if (!m.sameLine) throw new Error('expected one line');
    const fc = measurementToGeoJSON(m);
    const [line, from, to] = fc.features;
    expect(line.geometry.type).toBe('LineString');
    expect(line.properties?.along_km).toBeCloseTo(m.alongKm, 6);
    expect(from.properties?.chainage_km).toBeCloseTo(m.from.chainageKm, 6);
    expect(to.properties?.end).toBe('to');
  });
});

describe('impliedSpeedKmh', () => {
  test('is distance over time: 100 km in 30 minutes is 200 km/h', () => {
    expect(impliedSpeedKmh(100, 30)).toBeCloseTo(200, 9);
  });

  test('the caller states the distance it assumes: 248.8 km out and back (497.6 km) in 42 minutes is about 711 km/h', () => {
    expect(impliedSpeedKmh(2 * 248.8, 42)).toBeCloseTo(710.857, 3);
  });

  test('rejects a zero duration, naming it', () => {
    expect(() => impliedSpeedKmh(10, 0)).toThrow('duration 0 min');
  });
});
