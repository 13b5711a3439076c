import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { LonLat } from '../../src/geo';

/** data/border.geojson, parsed fresh on each call (two LineStrings: "mainland", "nakhchivan"). */
export function readBorder(): FeatureCollection<LineString> {
  const file = fileURLToPath(new URL('../../data/border.geojson', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<LineString>;
}

/** The border line with this id. */
export function borderLine(fc: FeatureCollection<LineString>, id: string): Feature<LineString> {
  const f = fc.features.find((x) => (x.id ?? x.properties?.id) === id);
  if (!f) throw new Error(`data/border.geojson: no line '${id}'`);
  return f;
}

/** Seeded PRNG in [0, 1) (mulberry32): the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` seeded random points within about `radiusKm` of the lines: a random point of a random
 * segment (segments weighted by count, not length), moved in a random direction by a distance
 * uniform over the disc. Independent of the code under test.
 */
export function pointsNear(lines: readonly LonLat[][], count: number, radiusKm: number, seed: number): LonLat[] {
  const random = mulberry32(seed);
  const segments: Array<[LonLat, LonLat]> = [];
  for (const line of lines) for (let i = 1; i < line.length; i++) segments.push([line[i - 1], line[i]]);
  const points: LonLat[] = [];
  for (let k = 0; k < count; k++) {
    const [a, b] = segments[Math.floor(random() * segments.length)];
    const f = random();
    const lon = a[0] + f * (b[0] - a[0]), lat = a[1] + f * (b[1] - a[1]);
    const r = radiusKm * Math.sqrt(random()), angle = 2 * Math.PI * random();
    points.push([lon + (r * Math.cos(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180)), lat + (r * Math.sin(angle)) / 110.57]);
  }
  return points;
}

/** Coordinates of a LineString feature as [lon, lat] pairs. */
export function lonLats(f: Feature<LineString>): LonLat[] {
  return f.geometry.coordinates.map((p) => [p[0], p[1]] as LonLat);
}
