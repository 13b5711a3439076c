import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importIncidents, kmzToKml } from '../../../src/incidents/io';
import { kmlText, parseXml, placemark } from './importFixtures';

describe('kmzToKml', () => {
  it('unpacks doc.kml, which then imports like a KML file', () => {
    const kml = kmlText(placemark('Zipped'));
    const zip = zipSync({ 'files/icon.png': new Uint8Array([1, 2, 3]), 'doc.kml': strToU8(kml) });
    const text = kmzToKml(zip, 'map.kmz');
    expect(text).toBe(kml);
    expect(importIncidents(text as string, 'map.kmz', { parseXml }).incidents.map((i) => i.title)).toEqual(['Zipped']);
  });

  it('names a zip without KML and bytes that are not a zip', () => {
    expect(kmzToKml(zipSync({ 'a.txt': strToU8('x') }), 'empty.kmz')).toEqual({ fileError: 'empty.kmz: the KMZ holds no .kml file' });
    expect(kmzToKml(strToU8('not a zip'), 'bad.kmz')).toMatchObject({ fileError: expect.stringMatching(/^bad\.kmz: not a readable KMZ \(zip\) file/) });
  });
});
