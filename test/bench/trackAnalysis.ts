/**
 * Track analysis: analyseTrack on a seeded 100,000-point track (one point a second, wandering
 * up to 15 km either side of the mainland border, back and forth along it), warm-up, median of
 * RUNS runs. Baseline: turf's nearestPointOnLine over both border lines for the same per-point
 * distances. turf is O(N) per point, so it is timed on a 2,000-point sample of the track and
 * extrapolated to 100,000 (linear in points), said as such in the output; our analysis is timed on
 * the same sample too, for a like-for-like ratio.
 *
 *   node --import tsx test/bench/trackAnalysis.ts   (or: npm run bench:track)
 *   env: RUNS (default 7), POINTS (default 100000), SAMPLE (default 2000)
 */
import { multiLineString, nearestPointOnLine } from '@turf/turf';
import { BorderIndex, analyseTrack, type LonLat, type TrackPoint } from '../../src/geo';
import { borderLine, lonLats, mulberry32, readBorder } from '../geo/fixtures';

const RUNS = Number(process.env.RUNS ?? 7);
const POINTS = Number(process.env.POINTS ?? 100_000);
const SAMPLE = Number(process.env.SAMPLE ?? 2_000);
const TARGET_MS = 1_000;

/**
 * A seeded track of `count` points, one a second: along the line's vertices (interpolated in
 * lon/lat) back and forth, moved off it by a slowly varying offset of up to ~15 km plus jitter.
 */
function wanderingTrack(line: readonly LonLat[], count: number, seed: number): TrackPoint[] {
  const random = mulberry32(seed);
  const points: TrackPoint[] = [];
  const start = Date.UTC(2023, 2, 11, 5, 44);
  const span = line.length - 1;
  for (let k = 0; k < count; k++) {
    // Position along the line in vertex units: there and back every 40,000 points.
    const phase = (k % 40_000) / 20_000;
    const u = (phase <= 1 ? phase : 2 - phase) * span;
    const i = Math.min(span - 1, Math.floor(u)), f = u - i;
    const [a, b] = [line[i], line[i + 1]];
    const lon = a[0] + f * (b[0] - a[0]), lat = a[1] + f * (b[1] - a[1]);
    // North is Azerbaijan's side nearly everywhere; the jitter is a few metres, as GPS noise.
    const offsetKm = 15 * Math.sin(k / 3_000) + 0.01 * (random() - 0.5);
    points.push({
      lon,
      lat: lat + offsetKm / 110.57,
      time: start + k * 1000,
    });
  }
  return points;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeRuns(runs: number, run: () => number): { ms: number; sink: number } {
  let sink = run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    sink += run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), sink };
}

const fc = readBorder();
const index = new BorderIndex(fc);
const track = wanderingTrack(lonLats(borderLine(fc, 'mainland')), POINTS, 11);
const sample = track.filter((_, k) => k % Math.floor(POINTS / SAMPLE) === 0).slice(0, SAMPLE);
const turfLines = multiLineString(fc.features.map((f) => f.geometry.coordinates));

const full = timeRuns(RUNS, () => analyseTrack(index, track).lengthWithinKm);
const oursSample = timeRuns(RUNS, () => analyseTrack(index, sample).lengthKm);
const turfSample = timeRuns(Math.min(RUNS, 3), () => {
  let s = 0;
  for (const p of sample) s += nearestPointOnLine(turfLines, [p.lon, p.lat]).properties.dist as number;
  return s;
});
const turfExtrapolated = (turfSample.ms * POINTS) / sample.length;
const a = analyseTrack(index, track);
if (Number.isNaN(full.sink + oursSample.sink + turfSample.sink)) console.log('(sink)');

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
console.log(
  `track: ${POINTS.toLocaleString('en')} points, ${a.lengthKm.toFixed(0)} km, ${(a.timeWithinMs! / 60_000).toFixed(0)} min and ${a.lengthWithinKm.toFixed(0)} km within 5 km, ` +
    `${a.crossings.length} crossings, along ${a.alongUnionKm.toFixed(1)} km (union) / ${a.alongTravelledKm.toFixed(0)} km (travelled)`,
);
console.log(`analyseTrack, ${POINTS.toLocaleString('en')} points: ${ms(full.ms)} ms (median of ${RUNS}, after a warm-up), ${((full.ms * 1000) / POINTS).toFixed(2)} µs/point`);
console.log(`analyseTrack, ${sample.length.toLocaleString('en')}-point sample: ${ms(oursSample.ms)} ms`);
console.log(`turf nearestPointOnLine, same ${sample.length.toLocaleString('en')}-point sample: ${ms(turfSample.ms)} ms (median of ${Math.min(RUNS, 3)})`);
console.log(`turf extrapolated to ${POINTS.toLocaleString('en')} points (linear): ${ms(turfExtrapolated)} ms`);
console.log(`turf / analyseTrack: ${Math.round(turfSample.ms / oursSample.ms)}x on the sample, ${Math.round(turfExtrapolated / full.ms)}x at ${POINTS.toLocaleString('en')} (turf extrapolated)`);
console.log(`${full.ms < TARGET_MS ? 'ok  ' : 'MISS'} ${POINTS.toLocaleString('en')} points in < ${TARGET_MS} ms (${ms(full.ms)} ms)`);
