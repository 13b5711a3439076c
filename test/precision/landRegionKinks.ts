/**
 * Every ring of land-region.geojson checked with turf's kinks, the largest included (the unit suite
 * checks rings up to 2,000 vertices). Exits non-zero on a self-intersection the source does not have.
 *
 *   node --import tsx test/precision/landRegionKinks.ts   (part of npm run precision)
 */
import { performance } from 'node:perf_hooks';
import { landRegionKinks } from '../data/landRegionKinks';

const t0 = performance.now();
const sweep = landRegionKinks(Number.POSITIVE_INFINITY);
console.log(
  `land-region kinks: ${sweep.checked} rings checked with turf, ${sweep.touching} keep their source's self-touches, ` +
    `${sweep.extra.length} new self-intersections [${((performance.now() - t0) / 1000).toFixed(1)} s]`,
);
for (const e of sweep.extra) console.error(`FAIL ${e}`);
process.exitCode = sweep.extra.length || sweep.skipped ? 1 : 0;
