/**
 * Regenerates the committed data files from the npm data packages:
 *   npx tsx data/build/build.ts        (npm run data)
 * Deterministic: same packages, same bytes.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBorder } from './borderLines';
import { buildSections } from './sections';
import { buildStretch } from './stretch';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildCorridor, withCorridor, FLIGHT_ID } from './corridor';
import { REGION_BBOX, buildBoundaries, buildLandRegion, buildWorldLand } from './basemap';
import { emptyStats } from './simplifyPolygon';
import { buildPlaces } from './places';
import { buildCountryLabels } from './countryLabels';
import { buildCrossings } from './crossings';
import { ROOT, loadCities, loadLand, loadMaritime, loadWorldAtlasLand } from './sources';
import { writeGeoJSON } from './write';
import { OUTPUTS } from './outputs';


function main(): void {
  const t0 = performance.now();
  const lap = (what: string): void => console.log(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const write = (key: keyof typeof OUTPUTS, fc: Parameters<typeof writeGeoJSON>[1]): void => {
    const bytes = writeGeoJSON(path.join(ROOT, OUTPUTS[key]), fc);
    console.log(`  wrote ${OUTPUTS[key]} (${(bytes / 1024).toFixed(1)} KiB, ${fc.features.length} features)`);
  };

  // Only the countries whose box meets the region's: every output lies inside it.
  const maritime = loadMaritime({ within: REGION_BBOX });
  const land = loadLand({ within: REGION_BBOX });
  lap('loaded sources');

  const border = buildBorder(maritime, land);
  write('border', border.fc);
  for (const f of border.fc.features) console.log(`  ${f.id}: ${f.properties.length_km} km, ${f.properties.vertices} vertices, ${JSON.stringify(f.geometry.coordinates[0])} → ${JSON.stringify(f.geometry.coordinates.at(-1))}`);
  console.log(`  maritime vertices dropped: ${JSON.stringify(border.maritimeDropped)}; coast vertex ${border.coastDistanceM.toFixed(1)} m from the land outline`);

  const sections = buildSections(border.fc);
  write('sections', sections);
  for (const f of sections.features) console.log(`  ${f.properties.id}: ${f.properties.from_km}–${f.properties.to_km} km (${f.properties.length_km} km, ${f.geometry.coordinates.length} vertices)`);

  const stretch = buildStretch(border.fc);
  write('segments', stretch);
  const s = stretch.features[0];
  console.log(`  ${s.properties.id}: ${s.properties.length_km} km to ${JSON.stringify(s.geometry.coordinates.at(-1))}, ${s.properties.bilasuvar_distance_km} km from Bilasuvar`);
  const corridor = buildCorridor(border.fc, stretch, maritime);
  const incidentsFile = path.join(ROOT, 'data/incidents.geojson');
  writeFileSync(incidentsFile, withCorridor(readFileSync(incidentsFile, 'utf8'), corridor.geometry));
  console.log(`  data/incidents.geojson: ${FLIGHT_ID} drawn as its corridor (${corridor.geometry.coordinates[0].length} vertices)`);
  lap('border files');

  const landStats = emptyStats();
  const landRegion = buildLandRegion(land, REGION_BBOX, landStats);
  write('landRegion', landRegion);
  console.log(`  ${landRegion.features.reduce((n, f) => n + f.geometry.coordinates.reduce((m, p) => m + p.length, 0), 0)} rings; dropped ${landStats.holesOutside} holes outside their outer ring and ${landStats.negligible} negligible rings; ${landStats.refined} rings simplified less (${landStats.unsimplified} not at all) to avoid new self-intersections or crossings`);
  const labels = buildCountryLabels(landRegion, { border: border.fc, maritime });
  write('countryLabels', labels);
  for (const f of labels.features) console.log(`  ${f.properties.name}: ${JSON.stringify(f.geometry.coordinates)}`);
  lap('land-region');
  const worldLand = buildWorldLand(loadWorldAtlasLand());
  write('worldLand', worldLand);
  write('boundaries', buildBoundaries(maritime, landRegion, worldLand));
  lap('boundaries');
  const places = buildPlaces(loadCities());
  write('places', places);
  const crossings = buildCrossings(border.fc, places);
  write('crossings', crossings);
  for (const f of crossings.features) console.log(`  ${f.properties.name}: ${JSON.stringify(f.geometry.coordinates)}, ${f.properties.town_distance_km} km from ${f.properties.placed_from}`);
  lap('done');
}

main();
