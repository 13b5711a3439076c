/** Deterministic, diffable GeoJSON text: one feature per line, trailing newline. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';

export function serialize(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function writeGeoJSON(file: string, fc: FeatureCollection): number {
  const text = serialize(fc);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
