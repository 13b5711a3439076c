/** Seeded, valid incidents for the benchmarks, in the committed file's model. */
import { CATEGORIES } from '../../src/incidents/types';

/** A seeded generator of numbers in [0, 1): the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY0 = Date.UTC(2015, 0, 1) / 86_400_000;
const DAY1 = Date.UTC(2025, 11, 31) / 86_400_000;
const ACTORS = ['Azerbaijan', 'Iran', 'Armenia', 'Russia', 'Türkiye'];
const PLACES = ['Julfa', 'Ordubad', 'Zangilan', 'Jabrayil', 'Beylagan', 'Bilasuvar', 'Jalilabad', 'Lerik', 'Astara', 'Nakhchivan'];

/** `n` valid incidents (the committed file's model), seeded: points over lon 44.5–50, lat 38–41, days over 2015–2025. */
export function generateIncidents(n: number, seed = 42): { type: 'FeatureCollection'; features: unknown[] } {
  const rand = mulberry32(seed);
  const features = [];
  for (let i = 0; i < n; i++) {
    const date = new Date((DAY0 + Math.floor(rand() * (DAY1 - DAY0 + 1))) * 86_400_000).toISOString().slice(0, 10);
    const category = CATEGORIES[Math.floor(rand() * CATEGORIES.length)];
    const place = PLACES[Math.floor(rand() * PLACES.length)];
    const actor = ACTORS[Math.floor(rand() * ACTORS.length)];
    const lon = +(44.5 + rand() * 5.5).toFixed(5);
    const lat = +(38 + rand() * 3).toFixed(5);
    features.push({
      type: 'Feature',
      id: `bench-${i}`,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        title: `Generated ${category} incident ${i} near ${place}`,
        date,
        date_precision: 'day',
        category,
        actors: [actor],
        location: `${place} (generated)`,
        geo_precision: rand() < 0.5 ? 'exact' : 'near',
        on_border: rand() < 0.5,
        description: `A generated incident for the scale benchmark, number ${i}.`,
        quotes: [],
        sources: [{ title: `Generated report ${i}`, publisher: 'Benchmark', date }],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

