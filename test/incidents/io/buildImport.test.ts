import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildImport, groupProblems, importIncidents, type ImportOptions } from '../../../src/incidents/io';
import { matchColumns } from '../../../src/incidents/io/matchColumns';
import { readImportTable, type ImportTable } from '../../../src/incidents/io/readImportTable';
import { kmlText, parseXml, placemark } from './importFixtures';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
/** Within 5 km of the border only at Zangilan, for the on_border tests. */
const nearZangilan = ([lon, lat]: [number, number]): number => Math.hypot(lon - 46.6525, lat - 39.0857) * 100;
const options: ImportOptions = { parseXml, today: '2025-06-01', distanceToBorderKm: nearZangilan };

function table(text: string, name: string): ImportTable {
  const t = readImportTable(text, name, { parseXml });
  if ('fileError' in t) throw new Error(t.fileError);
  return t;
}

describe('importing an ACLED export', () => {
  const result = importIncidents(fixture('acled_export.csv'), 'acled_export.csv', options);

  it('imports every row with event_id_cnty as the id', () => {
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => i.id)).toEqual(['AZE1001', 'AZE1002', 'AZE1003', 'AZE1004']);
  });

  it('takes event_type as the category, both actors and the associated ones, and the admin areas after the location', () => {
    const [, landmine] = result.incidents;
    expect(landmine?.category).toBe('Explosions/Remote violence');
    expect(landmine?.actors).toEqual(['Unidentified Armed Group (Azerbaijan)', 'Civilians (Azerbaijan)', 'Farmers (Azerbaijan)', 'Shepherds (Azerbaijan)']);
    expect(landmine?.location).toBe('Mahmudlu, Jabrayil');
  });

  it('maps geo_precision 1/2/3 to exact/near/region and time_precision 3 to a month', () => {
    expect(result.incidents.map((i) => i.geo_precision)).toEqual(['near', 'exact', 'region', 'exact']);
    expect(result.incidents.map((i) => [i.date, i.date_precision])).toEqual([
      ['2023-03-11', 'day'], ['2023-09-25', 'day'], ['2023-06', 'month'], ['2024-01-01', 'day'],
    ]);
    expect(result.incidents[0]?.date_original).toBe('11 March 2023');
  });

  it('takes the title from the notes, says so, and keeps the sources by name', () => {
    expect(result.incidents[3]?.title).toBe('Border guards exchanged fire with smugglers crossing from Iran.');
    expect(groupProblems(result.preview?.warnings ?? [])).toContainEqual(expect.objectContaining({ kind: "no title: using 'notes'", count: 4 }));
    expect(result.incidents[0]?.sources).toEqual([{ title: 'Trend' }, { title: 'APA' }]);
  });

  it('keeps fatalities and every other column under their own names', () => {
    expect(result.incidents[3]?.extra).toMatchObject({ fatalities: '1', sub_event_type: 'Armed clash', country: 'Azerbaijan', timestamp: '1704200000' });
  });

  it('computes on_border from the distance to the border and says it did', () => {
    expect(result.incidents.map((i) => i.on_border)).toEqual([true, false, false, false]);
    expect(result.incidents.every((i) => i.on_border_computed === true)).toBe(true);
  });

  it('keeps markup in the notes as text', () => {
    expect(result.incidents[2]?.description).toContain('<img src=x onerror=alert(1)>');
    expect(result.incidents[2]?.description_html).toBeUndefined();
  });
});

describe('importing a spreadsheet', () => {
  const result = importIncidents(fixture('spreadsheet.csv'), 'spreadsheet.csv', options);

  it('reads day-first dates, quoted newlines and source URLs, and names the date that does not exist', () => {
    expect(result.incidents.map((i) => i.date)).toEqual(['2023-09-25', '2023-10-03', '2023-11-14']);
    expect(result.incidents[0]?.description).toBe('Shots heard across the river.\nResidents said it lasted ten minutes.');
    expect(result.incidents[0]?.sources).toEqual([{ title: 'https://example.org/horadiz', url: 'https://example.org/horadiz' }]);
    expect(result.incidents[2]?.sources).toEqual([{ title: 'Imported from spreadsheet.csv' }]);
    expect(result.errors).toEqual([
      { index: 4, field: 'date not understood', message: "spreadsheet.csv row 4 (line 6): date '31/02/2023' not understood; skipped" },
    ]);
  });

  it('gives honest defaults: category unspecified, no actors, precision unknown', () => {
    expect(result.incidents[0]).toMatchObject({ category: 'unspecified', actors: [], geo_precision: 'unknown', location: 'Horadiz' });
    expect(result.incidents[0]?.extra).toEqual({ 'Reported by': 'Our field team' });
  });

  it('says when numeric dates could be read either way and reads them as asked', () => {
    const t = table('Date,Lat,Lon\n03/04/2023,39,47\n05/06/2023,39,47', 'ambiguous.csv');
    const mapping = matchColumns(t.headers);
    expect(buildImport(t, { mapping }).detectedDayOrder).toBe('ambiguous');
    expect(buildImport(t, { mapping, dayOrder: 'day-first' }).incidents.map((i) => i.date)).toEqual(['2023-04-03', '2023-06-05']);
    expect(buildImport(t, { mapping, dayOrder: 'month-first' }).incidents.map((i) => i.date)).toEqual(['2023-03-04', '2023-05-06']);
  });

  it('uses the mapping it is given', () => {
    const t = table('When,Where,N,E,Said\n2023-03-11,Zangilan,39.08,46.65,Smoke', 'own.csv');
    const mapping = { ...matchColumns(t.headers), date: ['When'], location: ['Where'], latitude: ['N'], longitude: ['E'], title: ['Said'] };
    const [incident] = buildImport(t, { mapping }).incidents;
    expect(incident).toMatchObject({ title: 'Smoke', date: '2023-03-11', location: 'Zangilan', coordinates: [46.65, 39.08] });
  });
});

describe('importing KML from My Maps', () => {
  const result = importIncidents(fixture('mymaps.kml'), 'mymaps.kml', options);

  it('takes the folder name as the category, the Data date and the TimeStamp', () => {
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => [i.title, i.category, i.date])).toEqual([
      ['Shells near Khudafarin', 'Shelling', '2023-03-19'],
      ['Drone over Bilasuvar', 'Drone sightings', '2023-04-02'],
    ]);
    expect(result.incidents[0]?.extra).toEqual({ 'Reported by': 'Village head' });
  });

  it('reads a TimeSpan as a date and the latest day it bounds', () => {
    const pm = '<Placemark><name>Span</name><TimeSpan><begin>2023-03-01</begin><end>2023-03-05</end></TimeSpan><Point><coordinates>47,39</coordinates></Point></Placemark>';
    const [incident] = importIncidents(kmlText(pm), 'span.kml', options).incidents;
    expect(incident).toMatchObject({ date: '2023-03-01', date_precision: 'day', date_latest: '2023-03-05' });
    expect(incident?.extra).toBeUndefined();
  });

  it('marks HTML descriptions, to be shown sanitised', () => {
    expect(result.incidents.map((i) => i.description_html)).toEqual([true, true]);
  });

  it('makes a parser’s exception that file’s error: a SimpleData named __proto__, hasOwnProperty or valueOf', () => {
    for (const name of ['__proto__', 'hasOwnProperty', 'valueOf']) {
      const pm = `<Placemark><name>A</name><ExtendedData><SchemaData><SimpleData name="${name}">x</SimpleData></SchemaData></ExtendedData><Point><coordinates>47,39</coordinates></Point></Placemark>`;
      const r = importIncidents(kmlText(pm), 'hostile.kml', options);
      expect(r.incidents).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.message).toMatch(/^hostile\.kml: could not be read as KML \(/);
    }
  });

  it('refuses a DOCTYPE with entity declarations', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${kmlText(placemark('&b;')).replace(/^<\?xml[^>]*>/, '')}`;
    const r = importIncidents(text, 'bomb.kml', options);
    expect(r.incidents).toEqual([]);
    expect(r.errors[0]?.message).toBe('bomb.kml: the KML declares XML entities (<!DOCTYPE … [<!ENTITY …]>), which are refused');
  });
});

describe('importing GeoJSON from QGIS and geojson.io', () => {
  it('reads a QGIS export with fid ids, year-first and month dates, and null properties', () => {
    const result = importIncidents(fixture('qgis.geojson'), 'qgis.geojson', options);
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => [i.id, i.title, i.date, i.category, i.location])).toEqual([
      ['1', 'Checkpoint closed', '2023-05-04', 'Border closure', 'Astara'],
      ['2', 'Patrol boats', '2023-05-07', 'Patrol', 'Jabrayil'],
      ['3', 'Lights on the hills', '2023-06', 'Patrol', 'Lerik'],
    ]);
    expect(result.incidents[1]?.description).toBe('');
  });

  it('reads geojson.io’s numeric ids and Solar Hijri dates, drops its marker styling, and links its source', () => {
    const result = importIncidents(fixture('geojsonio.geojson'), 'geojsonio.geojson', options);
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => [i.id, i.date, i.date_original])).toEqual([
      ['0', '2023-03-10', '19 Esfand 1401'],
      ['1', '2023-03-21', '1 Farvardin 1402'],
    ]);
    expect(result.incidents[0]?.extra).toBeUndefined();
    expect(result.incidents[0]?.sources).toEqual([{ title: 'https://example.org/julfa', url: 'https://example.org/julfa' }]);
  });

  it('gives a feature without an id one from the file and its number', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { date: '2023' }, geometry: { type: 'Point', coordinates: [47, 39] } }] });
    expect(importIncidents(text, 'No Ids.geojson', options).incidents[0]).toMatchObject({ id: 'import-no-ids-feature-0', title: 'Untitled' });
  });
});

describe('implausible data', () => {
  const warned = (csv: string): string[] => groupProblems(importIncidents(csv, 'odd.csv', options).warnings.map((w) => ({ ...w, kind: w.field }))).map((g) => g.kind);

  it('warns of dates before 1900 or more than a year ahead', () => {
    expect(warned('title,date,lat,lon\nA,1850-01-01,39,47\nB,2027-01-01,39,47')).toContain('date outside 1900–2026');
  });

  it('warns of [0, 0], far-away points and swapped coordinates', () => {
    expect(warned('title,date,lat,lon\nA,2023,0,0')).toEqual(['at [0, 0]']);
    expect(warned('title,date,lat,lon\nA,2023,40.7,-74')).toEqual(['more than 1,500 km from the border']);
    expect(warned('title,date,lat,lon\nA,2023,46.6525,39.0857')).toEqual(['latitude and longitude likely swapped']);
  });
});

describe('groupProblems', () => {
  it('counts problems by kind, largest first, with a few examples each', () => {
    const problems = Array.from({ length: 250 }, (_, i) => ({ index: i, kind: i % 5 === 0 ? 'no date' : 'date not understood', message: `row ${i}` }));
    expect(groupProblems(problems)).toEqual([
      { kind: 'date not understood', count: 200, examples: ['row 1', 'row 2', 'row 3'] },
      { kind: 'no date', count: 50, examples: ['row 0', 'row 5', 'row 10'] },
    ]);
  });
});

describe('exporting imports', () => {
  it('writes the files’ own fields and what the import recorded, and reads them back the same', async () => {
    const { toCsv, toGeoJSON } = await import('../../../src/incidents/io');
    const first = importIncidents(fixture('acled_export.csv'), 'acled_export.csv', options).incidents;
    const kml = importIncidents(fixture('mymaps.kml'), 'mymaps.kml', options).incidents;
    const all = [...first, ...kml];
    const again = importIncidents(toCsv(all), 'export.csv', options);
    expect(again.errors).toEqual([]);
    expect(again.incidents).toEqual(all);
    expect(importIncidents(toGeoJSON(all), 'export.geojson', options).incidents).toEqual(all);
  });
});

describe('location precision', () => {
  it('reads ours and ACLED’s, and takes another word as not stated, with a warning naming it', () => {
    const result = importIncidents('title,date,lat,lon,geo_precision\nA,2023,39,47,near\nB,2023,39,47,3\nC,2023,39,47,Approximate', 'p.csv', options);
    expect(result.incidents.map((i) => i.geo_precision)).toEqual(['near', 'region', 'unknown']);
    expect(result.warnings.map((w) => w.field)).toEqual(['location precision not understood']);
  });
});

describe('a coordinate off the globe', () => {
  it('is named by validation and never measured against the border', () => {
    const measured: [number, number][] = [];
    const strict = ([lon, lat]: [number, number]): number => {
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`measured [${lon}, ${lat}]`);
      measured.push([lon, lat]);
      return 100;
    };
    const csv = 'date,latitude,longitude,title\n2023-03-11,99,47,Off the globe\n2023-03-12,39,47,On the globe\n';
    const result = importIncidents(csv, 'bad.csv', { ...options, distanceToBorderKm: strict });
    expect(result.incidents.map((i) => i.title)).toEqual(['On the globe']);
    expect(result.errors.map((e) => e.message).join('\n')).toContain('99');
    expect(new Set(measured.map((p) => p.join(",")))).toEqual(new Set(["47,39"]));
  });
});
