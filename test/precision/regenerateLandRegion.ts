/**
 * npm run data reproduces basemap/land-region.geojson byte for byte. Kept out of npm test: it reads
 * the 161 MB land package and simplifies every ring of the region (about 7 s on an idle 2-core
 * machine); test/data/regenerate.test.ts checks every other output.
 *
 *   node --import tsx test/precision/regenerateLandRegion.ts   (part of npm run precision)
 */
import { performance } from 'node:perf_hooks';
import { REGION_BBOX, buildLandRegion } from '../../data/build/basemap';
import { loadLand } from '../../data/build/sources';
import { serialize } from '../../data/build/write';
import { committedText } from '../data/committed';

const t0 = performance.now();
const same = serialize(buildLandRegion(loadLand({ within: REGION_BBOX }))) === committedText('landRegion');
console.log(`land-region regenerated: ${same ? 'identical to' : 'DIFFERS from'} the committed file [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
process.exitCode = same ? 0 : 1;
