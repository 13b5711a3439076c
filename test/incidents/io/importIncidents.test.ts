import { describe, expect, it } from 'vitest';
import { importIncidents } from '../../../src/incidents/io';
import { collection, validFeature } from '../fixtures';
import { CSV_HEADER, csvRow, geojsonText, kmlText, parseXml, placemark, SOURCE_JSON } from './importFixtures';

describe('importIncidents: good files', () => {
  it('imports every feature of a good GeoJSON file', () => {
    const result = importIncidents(geojsonText('a', 'b', 'c'), 'mine.geojson');
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('geojson');
    expect(result.incidents.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('imports every row of a good CSV file with its fields coerced', () => {
    const text = [CSV_HEADER, csvRow('a'), csvRow('b', { on_border: 'no', date: '2022-10' })].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('csv');
    expect(result.incidents).toHaveLength(2);
    expect(result.incidents[0]).toMatchObject({
      id: 'a',
      date_precision: 'day',
      actors: ['Iran', 'Azerbaijan'],
      on_border: true,
      coordinates: [46.6525, 39.0857],
      quotes: [],
      sources: [{ title: 'An article', publisher: 'A publisher', date: '2023-03-20' }],
    });
    expect(result.incidents[1]).toMatchObject({ date: '2022-10', date_precision: 'month', on_border: false });
  });

  it('matches CSV headers case-insensitively and accepts lat/lng and simple source columns', () => {
    const text = [
      'Title,Date,Category,Actors,Location,Geo_Precision,On_Border,Description,LAT,Lng,Source_Title,Source_Publisher,Source_Date,Source_URL',
      'A flight,2023,airspace,Iran,Border,region,1,Words,39.5,47.5,An article,A publisher,2023-03-20,https://example.org/a',
    ].join('\r\n');
    const result = importIncidents(text, 'Field notes.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]).toMatchObject({
      id: 'import-field-notes-row-1',
      date_precision: 'year',
      coordinates: [47.5, 39.5],
      sources: [{ title: 'An article', publisher: 'A publisher', date: '2023-03-20', url: 'https://example.org/a' }],
    });
  });

  it('imports every Point placemark of a good KML file, name as title and ExtendedData as fields', () => {
    const result = importIncidents(kmlText(placemark('First'), placemark('Second', { id: 'second' })), 'mine.kml', { parseXml });
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('kml');
    expect(result.incidents).toHaveLength(2);
    expect(result.incidents[0]).toMatchObject({
      id: 'import-mine-placemark-1',
      title: 'First',
      description: 'About First.',
      date_precision: 'month',
      on_border: false,
      coordinates: [46.6525, 39.0857],
    });
    expect(result.incidents[1]?.id).toBe('second');
  });

  it('reads a typed KML SimpleData boolean "false" as false', () => {
    const text = kmlText(
      placemark('Typed', {}, '<Point><coordinates>46.6,39.0</coordinates></Point>').replace(
        '<ExtendedData>',
        '<ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="on_border">false</SimpleData></SchemaData>',
      ),
    ).replace('<Document>', '<Document><Schema id="s"><SimpleField name="on_border" type="bool"/></Schema>');
    const result = importIncidents(text.replace('<Data name="on_border"><value>false</value></Data>', ''), 'typed.kml', { parseXml });
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]?.on_border).toBe(false);
  });

  it('sniffs the format from the content when the file name has no known extension', () => {
    expect(importIncidents(geojsonText('a'), 'download').format).toBe('geojson');
    expect(importIncidents([CSV_HEADER, csvRow('a')].join('\n'), 'download').format).toBe('csv');
    expect(importIncidents(kmlText(placemark('A')), 'download', { parseXml }).format).toBe('kml');
  });

  it('splits a semicolon-separated CSV into columns and reads a decimal-comma coordinate', () => {
    const text = ['title;date;category;actors;location;geo_precision;on_border;description;lat;lon;sources', `A;2023;airspace;Iran;B;region;no;C;39.5;"47,5";"${SOURCE_JSON.replace(/"/g, '""')}"`].join('\n');
    const result = importIncidents(text, 'semicolons.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]?.coordinates).toEqual([47.5, 39.5]);
  });

  it('splits a pipe-separated file', () => {
    const result = importIncidents(['title|date|lat|lon', 'A|2023-03-11|39.5|47.5'].join('\n'), 'pipes.csv');
    expect(result.incidents.map((i) => [i.title, i.date])).toEqual([['A', '2023-03-11']]);
  });

  it('reads a CSV saved with a byte-order mark', () => {
    const result = importIncidents(`\uFEFF${[CSV_HEADER, csvRow('a')].join('\n')}`, 'excel.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => i.id)).toEqual(['a']);
  });
});

describe('importIncidents: bad records', () => {
  it('reports each bad CSV row by row and line number and reason, and keeps the good rows', () => {
    const text = [
      CSV_HEADER,
      csvRow('good-1'),
      csvRow('bad-date', { date: '2023-13-01' }),
      '',
      csvRow('bad-lat', { latitude: 'north' }),
      csvRow('good-2', { description: 'Two\nlines' }),
      csvRow('bad-border', { on_border: 'maybe' }),
    ].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.incidents.map((i) => i.id)).toEqual(['good-1', 'good-2']);
    expect(result.errors).toEqual([
      { index: 2, field: 'date not understood', message: "mine.csv row 2 (line 3): date '2023-13-01' not understood; skipped" },
      { index: 3, field: 'geometry.coordinates not valid', message: "mine.csv row 3 (line 5): geometry.coordinates[1] 'north' (latitude) is not a finite number" },
      { index: 5, field: 'on_border not valid', message: "mine.csv row 5 (line 8): on_border 'maybe' is not true or false" },
    ]);
  });

  it('reports a CSV row with too many cells by its row number and skips it', () => {
    const text = [CSV_HEADER, csvRow('a'), `${csvRow('b')},extra`].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.incidents.map((i) => i.id)).toEqual(['a']);
    expect(result.errors).toEqual([
      { index: 2, field: 'cannot be read', message: 'mine.csv row 2 (line 3): has 13 cells but the header has 12; skipped' },
    ]);
  });

  it('names a repeated CSV id by both rows', () => {
    const result = importIncidents([CSV_HEADER, csvRow('same'), csvRow('same')].join('\n'), 'mine.csv');
    expect(result.incidents).toHaveLength(1);
    expect(result.errors).toEqual([{ index: 2, field: 'id not valid', message: "mine.csv row 2 (line 3): id 'same' duplicates row 1 (line 2)" }]);
  });

  it('reports a CSV row Papaparse cannot read by its row and line and skips it', () => {
    const text = [CSV_HEADER, csvRow('a'), `${csvRow('b')}"`].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.incidents.map((i) => i.id)).toEqual(['a']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ index: 2, field: 'cannot be read' });
    expect(result.errors[0]?.message).toMatch(/^mine\.csv row 2 \(line 3\): cannot be read as CSV \(.+\); skipped$/);
  });

  it('reads a GeoJSON feature that is not in the model by its properties, and reports a bad one by its 0-based index', () => {
    const text = JSON.stringify(collection(
      validFeature({ id: 'a' }),
      validFeature({ id: 'b', properties: { on_border: 'yes' } }),
      validFeature({ id: 'c', properties: { on_border: 'perhaps' } }),
    ));
    const result = importIncidents(text, 'mine.geojson');
    expect(result.incidents.map((i) => [i.id, i.on_border])).toEqual([['a', true], ['b', true]]);
    expect(result.errors).toEqual([{ index: 2, field: 'on_border not valid', message: "mine.geojson feature 2: on_border 'perhaps' is not true or false" }]);
  });

  it('names a repeated GeoJSON id by both features', () => {
    const result = importIncidents(geojsonText('same', 'other', 'same'), 'mine.geojson');
    expect(result.incidents.map((i) => i.id)).toEqual(['same', 'other']);
    expect(result.errors).toEqual([{ index: 2, field: 'id not valid', message: "mine.geojson feature 2: id 'same' duplicates feature 0" }]);
  });

  it('leaves a placemark’s geometry to the incident model: a kind it does not take is reported by the placemark’s number', () => {
    const polygon = '<Polygon><outerBoundaryIs><LinearRing><coordinates>46.6,39.0 46.7,39.1 46.6,39.1 46.6,39.0</coordinates></LinearRing></outerBoundaryIs></Polygon>';
    const result = importIncidents(kmlText(placemark('Point'), placemark('Area', {}, `<MultiGeometry>${polygon}${polygon}</MultiGeometry>`)), 'mine.kml', { parseXml });
    expect(result.incidents.map((i) => i.title)).toContain('Point');
    for (const e of result.errors) expect(e.message).toMatch(/^mine\.kml placemark 2: geometry/);
  });

  it('reports a KML placemark without geometry by its number and skips it', () => {
    const result = importIncidents(kmlText(placemark('Nowhere', {}, ''), placemark('Point')), 'mine.kml', { parseXml });
    expect(result.incidents.map((i) => i.title)).toEqual(['Point']);
    expect(result.errors).toEqual([
      { index: 1, field: 'no coordinates', message: 'mine.kml placemark 1: has no coordinates (no geometry and no latitude/longitude columns mapped); skipped' },
    ]);
  });

  it('names a repeated KML id by both placemarks', () => {
    const result = importIncidents(kmlText(placemark('A', { id: 'same' }), placemark('B', { id: 'same' })), 'mine.kml', { parseXml });
    expect(result.incidents.map((i) => i.title)).toEqual(['A']);
    expect(result.errors).toEqual([{ index: 2, field: 'id not valid', message: "mine.kml placemark 2: id 'same' duplicates placemark 1" }]);
  });

  it('reports a bad KML field by its placemark number', () => {
    const result = importIncidents(kmlText(placemark('A'), placemark('B', { on_border: 'sometimes' })), 'mine.kml', { parseXml });
    expect(result.errors).toEqual([
      { index: 2, field: 'on_border not valid', message: "mine.kml placemark 2: on_border 'sometimes' is not true or false" },
    ]);
  });

  it('keeps a file’s own category word', () => {
    const result = importIncidents(kmlText(placemark('B', { category: 'picnic' })), 'mine.kml', { parseXml });
    expect(result.incidents[0]?.category).toBe('picnic');
  });
});

describe('importIncidents: unreadable files', () => {
  function expectOneFileError(result: ReturnType<typeof importIncidents>, pattern: RegExp): void {
    expect(result.incidents).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.index).toBe(-1);
    expect(result.errors[0]?.message).toMatch(pattern);
  }

  it('gives one error and no incidents for broken JSON', () => {
    expectOneFileError(importIncidents('{"type": "FeatureCollection", "features": [', 'broken.geojson'), /^broken\.geojson: not valid JSON \(/);
  });

  it('gives one error and no incidents for malformed XML', () => {
    expectOneFileError(importIncidents('<kml><Document><Placemark></Document></kml>', 'broken.kml', { parseXml }), /^broken\.kml: not well-formed XML \(/);
  });

  it('reports every row of a CSV without coordinate columns and imports none', () => {
    const result = importIncidents('id,title,date\na,A,2023\nb,B,2024', 'nocoords.csv');
    expect(result.incidents).toEqual([]);
    expect(result.errors.map((e) => [e.index, e.field])).toEqual([[1, 'no coordinates'], [2, 'no coordinates']]);
  });

  it('gives one error and no incidents for a file of unknown format', () => {
    const result = importIncidents('just some words', 'notes.txt');
    expectOneFileError(result, /^notes\.txt: unknown file format/);
    expect(result.format).toBe('unknown');
  });

  it('gives one error and no incidents for XML that is not KML', () => {
    expectOneFileError(importIncidents('<gpx></gpx>', 'track.kml', { parseXml }), /^track\.kml: the XML root element is 'gpx', not 'kml'$/);
  });
});

describe('importIncidents: hostile text', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';

  it('keeps HTML in a CSV title as text', () => {
    const result = importIncidents([CSV_HEADER, csvRow('a', { title: HOSTILE })].join('\n'), 'mine.csv');
    expect(result.incidents[0]?.title).toBe(HOSTILE);
  });

  it('keeps HTML in a KML CDATA description as text', () => {
    const text = kmlText(placemark('A').replace('<description>About A.</description>', `<description><![CDATA[${HOSTILE}]]></description>`));
    const result = importIncidents(text, 'mine.kml', { parseXml });
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]?.description).toBe(HOSTILE);
  });

  it('reads the first of two columns with the same name, whatever their case', () => {
    const text = [`${CSV_HEADER},TITLE`, `${csvRow('a', { title: 'First' })},Second`].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]?.title).toBe('First');
  });

  it('treats a column named __proto__ as an ordinary column', () => {
    const text = [`${CSV_HEADER},__proto__`, `${csvRow('a')},x`].join('\n');
    const result = importIncidents(text, 'mine.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents).toHaveLength(1);
  });
});
