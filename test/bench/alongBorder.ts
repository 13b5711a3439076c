/**
 * Along-border query (snap two points, measure between them): BorderIndex vs the turf
 * composition nearestPointOnLine ×2 + lineSlice + length, on the real mainland line and on copies
 * densified to ~100k and ~1M vertices (same shape). Seeded points within 20 km of the line,
 * warm-up, median per query. Each query is also set against its geodesic floor: the GeographicLib
 * solves its two snaps cannot avoid (from each point to its snapped point, and from the segment's
 * start to a snapped point inside a segment, for its chainage), timed on the same points in
 * batches interleaved with the query's.
 *
 *   node --expose-gc --import tsx test/bench/alongBorder.ts   (or: npx tsx test/bench/alongBorder.ts)
 */
import type { FeatureCollection, LineString } from 'geojson';
import { length, lineSlice, lineString, nearestPointOnLine } from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import { BorderIndex, type LonLat } from '../../src/geo';
import { borderLine, lonLats, pointsNear, readBorder } from '../geo/fixtures';

const TARGETS = { maxMsAt1M: 0.05, minSpeedupAt100k: 1000, maxSlowdown1MvsReal: 3, maxRealOverFloor: 3 };
const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;
const DISTANCE = Geodesic.DISTANCE;

interface Row {
  label: string;
  vertices: number;
  buildMs: number;
  memoryMB: number;
  indexMB: number;
  indexMs: number;
  /** GeographicLib solves per query that the query's snaps need. */
  solvesPerQuery: number;
  floorMs: number;
  turfMs: number;
  turfSamples: number;
}

/** ~`target` vertices: each segment cut into pieces in proportion to its lon/lat length. */
function densify(line: readonly LonLat[], target: number): LonLat[] {
  const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]));
  const total = lengths.reduce((s, x) => s + x, 0);
  const out: LonLat[] = [line[0]];
  lengths.forEach((len, i) => {
    const pieces = Math.max(1, Math.round((len / total) * (target - 1)));
    const [a, b] = [line[i], line[i + 1]];
    for (let k = 1; k <= pieces; k++) out.push(k === pieces ? b : [a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces]);
  });
  return out;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function usedBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The ellipsoidal solves a snap of `p` makes, as [lat1, lon1, lat2, lon2] quadruples: point to
 * snapped point, and segment start to snapped point unless the snap is a vertex (as
 * LineIndex.snapOnSegment does). Read off the snap, so the floor costs no search.
 */
function snapSolves(index: BorderIndex, p: LonLat): number[] {
  const s = index.snap(p);
  const line = index.line(s.lineId);
  const [a, b] = [line.vertex(s.segment), line.vertex(s.segment + 1)];
  const same = (u: LonLat, v: LonLat) => u[0] === v[0] && u[1] === v[1];
  const solves: number[] = [];
  if (!same(p, s.point)) solves.push(p[1], p[0], s.point[1], s.point[0]);
  if (!same(a, s.point) && !same(b, s.point)) solves.push(a[1], a[0], s.point[1], s.point[0]);
  return solves;
}

function solveAll(quads: readonly number[]): number {
  let m = 0;
  for (let j = 0; j < quads.length; j += 4) m += WGS84.Inverse(quads[j], quads[j + 1], quads[j + 2], quads[j + 3], DISTANCE).s12 ?? 0;
  return m;
}

function benchSize(label: string, coords: LonLat[], turfSamples: number): Row {
  const fc: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 'mainland', properties: { name: label }, geometry: { type: 'LineString', coordinates: coords.map((p) => [p[0], p[1]]) } }],
  };
  const points = pointsNear([coords], 20_000, 20, 7);

  gc();
  const before = usedBytes();
  const t0 = performance.now();
  const index = new BorderIndex(fc);
  const buildMs = performance.now() - t0;
  gc();
  const memoryMB = (usedBytes() - before) / 2 ** 20;
  const indexMB = index.line('mainland').byteLength / 2 ** 20;

  // Index and floor: warm up, then batches of 50 queries, each followed by the floor's batch on
  // the same points (so both see the same load); the median of the batch means.
  const solves = points.map((p) => snapSolves(index, p));
  let sink = 0;
  for (let i = 0; i < 2_000; i++) {
    const [k, j] = [i % points.length, (i + 1) % points.length];
    sink += along(index, points[k], points[j]) + solveAll(solves[k]) + solveAll(solves[j]);
  }
  const batchMeans: number[] = [];
  const floorMeans: number[] = [];
  const batch = 50;
  let solveCount = 0;
  for (let b = 0; b < 200; b++) {
    let start = performance.now();
    for (let i = 0; i < batch; i++) {
      const k = (b * batch * 2 + i * 2) % points.length;
      sink += along(index, points[k], points[k + 1]);
    }
    batchMeans.push((performance.now() - start) / batch);
    start = performance.now();
    for (let i = 0; i < batch; i++) {
      const k = (b * batch * 2 + i * 2) % points.length;
      sink += solveAll(solves[k]) + solveAll(solves[k + 1]);
    }
    floorMeans.push((performance.now() - start) / batch);
    for (let i = 0; i < batch; i++) {
      const k = (b * batch * 2 + i * 2) % points.length;
      solveCount += (solves[k].length + solves[k + 1].length) / 4;
    }
  }
  const indexMs = median(batchMeans);
  const floorMs = median(floorMeans);
  const solvesPerQuery = solveCount / (200 * batch);

  // turf: one warm-up, then each query timed on its own.
  const line = lineString(fc.features[0].geometry.coordinates);
  sink += turfAlong(line, points[0], points[1]);
  const turfTimes: number[] = [];
  for (let i = 0; i < turfSamples; i++) {
    const start = performance.now();
    sink += turfAlong(line, points[2 + 2 * i], points[3 + 2 * i]);
    turfTimes.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) console.log('(sink)');
  return { label, vertices: coords.length, buildMs, memoryMB, indexMB, indexMs, solvesPerQuery, floorMs, turfMs: median(turfTimes), turfSamples };
}

function along(index: BorderIndex, a: LonLat, b: LonLat): number {
  const r = index.along(a, b);
  return r.sameLine ? r.km : -1;
}

function turfAlong(line: ReturnType<typeof lineString>, a: LonLat, b: LonLat): number {
  const pa = nearestPointOnLine(line, [a[0], a[1]]);
  const pb = nearestPointOnLine(line, [b[0], b[1]]);
  return length(lineSlice(pa, pb, line), { units: 'kilometers' });
}

const mainland = lonLats(borderLine(readBorder(), 'mainland'));
if (!(globalThis as { gc?: unknown }).gc) console.log('(run node with --expose-gc for exact memory figures)');
const rows = [
  benchSize('real mainland', mainland, 100),
  benchSize('densified 100k', densify(mainland, 100_000), 10),
  benchSize('densified 1M', densify(mainland, 1_000_000), 3),
];

const ms = (x: number) => (x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(2) : x.toFixed(0));
for (const r of rows) {
  console.log(
    `${r.label}: ${r.vertices} vertices, build ${ms(r.buildMs)} ms, +${r.memoryMB.toFixed(1)} MB heap (arrays ${r.indexMB.toFixed(1)} MB), ` +
      `index ${ms(r.indexMs)} ms/query, geodesic floor ${ms(r.floorMs)} ms/query (${r.solvesPerQuery.toFixed(2)} solves), index/floor ${(r.indexMs / r.floorMs).toFixed(2)}x, ` +
      `turf ${ms(r.turfMs)} ms/query (n=${r.turfSamples}), turf/index ${Math.round(r.turfMs / r.indexMs)}x`,
  );
}
console.log('\n| line | vertices | build (ms) | memory (MB) | index (ms/query) | turf (ms/query) | turf/index | geodesic floor (ms/query) | index/floor |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.vertices.toLocaleString('en')} | ${ms(r.buildMs)} | ${r.memoryMB.toFixed(1)} | ${ms(r.indexMs)} | ${ms(r.turfMs)} | ${Math.round(r.turfMs / r.indexMs).toLocaleString('en')}x | ` +
      `${ms(r.floorMs)} (${r.solvesPerQuery.toFixed(2)} solves) | ${(r.indexMs / r.floorMs).toFixed(2)}x |`,
  );
}
const [real, k100, m1] = rows;
const checks: Array<[string, boolean]> = [
  [`query at 1M ≤ ${TARGETS.maxMsAt1M} ms (${ms(m1.indexMs)} ms)`, m1.indexMs <= TARGETS.maxMsAt1M],
  [`≥ ${TARGETS.minSpeedupAt100k}x faster than turf at 100k (${Math.round(k100.turfMs / k100.indexMs)}x)`, k100.turfMs / k100.indexMs >= TARGETS.minSpeedupAt100k],
  [`query at 1M ≤ ${TARGETS.maxSlowdown1MvsReal}x the real line's (${(m1.indexMs / real.indexMs).toFixed(2)}x)`, m1.indexMs / real.indexMs <= TARGETS.maxSlowdown1MvsReal],
  [
    `query on the real line ≤ ${TARGETS.maxRealOverFloor}x its geodesic floor (${(real.indexMs / real.floorMs).toFixed(2)}x: ${ms(real.indexMs)} ms against ${ms(real.floorMs)} ms for ${real.solvesPerQuery.toFixed(2)} solves)`,
    real.indexMs / real.floorMs <= TARGETS.maxRealOverFloor,
  ],
];
console.log('');
for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${what}`);
