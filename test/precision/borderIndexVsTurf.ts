/**
 * The full precision sweep: BorderIndex against turf on 10,000 seeded points near the border
 * (the unit suite runs a 400-point prefix of the same sweep). Prints worst and median errors and
 * exits non-zero when a tolerance is broken.
 *
 *   node --import tsx test/precision/borderIndexVsTurf.ts   (part of npm run precision)
 */
import { performance } from 'node:perf_hooks';
import { FULL_SWEEP, ROUNDING_KM, SNAP_TOLERANCE_M, SPHERE_TOLERANCE, alongSweep, snapSweep } from '../geo/turfOracle';

const pct = (x: number): string => `${(x * 100).toFixed(3)} %`;
const mm = (m: number): string => `${(m * 1000).toPrecision(3)} mm`;
const failures: string[] = [];

let t0 = performance.now();
const snap = snapSweep(FULL_SWEEP);
console.log(`snap, ${snap.points} points vs turf nearestPointOnLine: worst ${mm(snap.worstM)}, median ${mm(snap.medianM)} (tolerance ${SNAP_TOLERANCE_M} m) [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
if (!(snap.worstM < SNAP_TOLERANCE_M)) failures.push(`snap: worst ${snap.worstM} m is not under ${SNAP_TOLERANCE_M} m`);

t0 = performance.now();
const along = alongSweep(FULL_SWEEP);
console.log(
  `along, ${along.pairs} pairs on one line vs turf lineSlice + length: worst ${pct(along.worstRelative)}, median ${pct(along.medianRelative)} over pairs ≥ 1 km apart; ` +
    `largest |ours − turf| − ${pct(SPHERE_TOLERANCE)} × turf: ${mm(along.worstExcessKm * 1000)} (must stay under ${mm(ROUNDING_KM * 1000)}) [${((performance.now() - t0) / 1000).toFixed(1)} s]`,
);
if (!(along.worstExcessKm < ROUNDING_KM)) failures.push(`along: ${along.worstExcessKm} km beyond the ${pct(SPHERE_TOLERANCE)} tolerance`);
// Most of the 5,000 pairs must have been measured, or the sweep checked little.
if (!(along.pairs > 0.4 * (FULL_SWEEP / 2))) failures.push(`along: only ${along.pairs} pairs on one line`);

for (const f of failures) console.error(`FAIL ${f}`);
process.exitCode = failures.length ? 1 : 0;
