import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { zippedShapefileToGeoJson } from '../../../src/incidents/io';
import { zippedPointShapefile } from '../../fixtures/import/shapefile';

const points = [
  { lon: 47.33, lat: 39.45, fields: { title: 'Shots near Horadiz', date: '2024-02-10', notes: 'Reported by farmers' } },
  { lon: 46.65, lat: 39.08, fields: { title: 'Drone over Zangilan', date: '2024-03-01', notes: '' } },
];

describe('zippedShapefileToGeoJson', () => {
  test('reads each point with its attributes, in WGS84', async () => {
    const text = await zippedShapefileToGeoJson(zippedPointShapefile(points), 'layer.zip');
    if (typeof text !== 'string') throw new Error(text.fileError);
    const fc = JSON.parse(text) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].properties).toMatchObject({ title: 'Shots near Horadiz', date: '2024-02-10', notes: 'Reported by farmers' });
    expect(fc.features[1].geometry.coordinates[0]).toBeCloseTo(46.65, 9);
    expect(fc.features[1].geometry.coordinates[1]).toBeCloseTo(39.08, 9);
  });

  test('reads a layer without a .prj as it is', async () => {
    const text = await zippedShapefileToGeoJson(zippedPointShapefile(points, { prj: false }), 'layer.zip');
    if (typeof text !== 'string') throw new Error(text.fileError);
    expect((JSON.parse(text) as { features: unknown[] }).features).toHaveLength(2);
  });

  test('names a zip without a .shp', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('no layers here') });
    expect(await zippedShapefileToGeoJson(zip, 'empty.zip')).toEqual({ fileError: 'empty.zip: the zip holds no shapefile (.shp)' });
  });

  test('names a file that is not a zip', async () => {
    const result = await zippedShapefileToGeoJson(strToU8('title,date\nx,2024-01-01'), 'table.zip');
    expect(typeof result === 'string' ? result : result.fileError).toMatch(/^table\.zip: not a readable zip file/);
  });
});
