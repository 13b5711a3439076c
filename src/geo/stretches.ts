import { distanceKm, pointTowardKm } from './geodesic';
import { assertLonLat, type LonLat } from './lonLat';

/** A named stretch of border (data/segments.geojson), e.g. the Zangilan–Bilasuvar stretch. */
export interface Stretch {
  id: string;
  name: string;
  lengthKm: number;
  coordinates: LonLat[];
}

/** Reads stretches by id from a FeatureCollection of LineStrings, naming the feature of any bad value. */
export function readStretches(collection: unknown, source = 'segments.geojson'): Map<string, Stretch> {
  const features = (collection as { features?: unknown })?.features;
  if (!Array.isArray(features)) throw new TypeError(`${source}: not a FeatureCollection with features`);
  const out = new Map<string, Stretch>();
  features.forEach((f: unknown, i: number) => {
    const { properties: p = {}, geometry: g } = (f ?? {}) as { properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } };
    const where = `${source} feature ${i}`;
    if (typeof p.id !== 'string' || typeof p.name !== 'string') throw new TypeError(`${where}: id and name must be strings`);
    if (typeof p.length_km !== 'number' || !(p.length_km >= 0)) throw new TypeError(`${where}: length_km ${String(p.length_km)} is not a length`);
    if (g?.type !== 'LineString' || !Array.isArray(g.coordinates) || g.coordinates.length < 2) throw new TypeError(`${where}: geometry is not a LineString`);
    const coordinates = g.coordinates.map((c: unknown, k: number) => {
      assertLonLat(c, `${where} vertex ${k}`);
      return c as LonLat;
    });
    out.set(p.id, { id: p.id, name: p.name, lengthKm: p.length_km, coordinates });
  });
  return out;
}

/** The point half-way along a stretch by ellipsoidal length: where its label goes. */
export function stretchMidpoint(stretch: Stretch): LonLat {
  let remaining = stretch.lengthKm / 2;
  const c = stretch.coordinates;
  for (let i = 1; i < c.length; i++) {
    const leg = distanceKm(c[i - 1], c[i]);
    if (remaining <= leg) return pointTowardKm(c[i - 1], c[i], remaining);
    remaining -= leg;
  }
  return c[c.length - 1];
}
