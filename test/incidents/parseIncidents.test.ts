import { describe, expect, it } from 'vitest';
import { parseIncidents } from '../../src/incidents';
import { collection, validFeature, validProperties, withProperties } from './fixtures';

const SOURCE = 'incidents.geojson';

function errorsOf(value: unknown): { field: string; message: string; index: number }[] {
  return parseIncidents(value, SOURCE).errors;
}

describe('parseIncidents: a valid file', () => {
  it('turns a valid feature into an incident with its coordinates and properties', () => {
    const { incidents, errors } = parseIncidents(collection(validFeature()), SOURCE);
    expect(errors).toEqual([]);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ id: 'test-incident', date: '2023-03-11', category: 'airspace', coordinates: [47.5, 39.5] });
  });

  it('ignores unknown extra properties', () => {
    const { incidents, errors } = parseIncidents(withProperties({ colour: 'red', imported: true }), SOURCE);
    expect(errors).toEqual([]);
    expect(incidents[0]).not.toHaveProperty('colour');
    expect(incidents[0]).not.toHaveProperty('imported');
  });

  it('accepts month and year dates with matching precision', () => {
    const f1 = validFeature({ id: 'a', properties: { date: '2022-10', date_precision: 'month' } });
    const f2 = validFeature({ id: 'b', properties: { date: '2022', date_precision: 'year' } });
    const { incidents, errors } = parseIncidents(collection(f1, f2), SOURCE);
    expect(errors).toEqual([]);
    expect(incidents.map((i) => i.date)).toEqual(['2022-10', '2022']);
  });

  it('accepts 29 February in a leap year', () => {
    expect(errorsOf(withProperties({ date: '2024-02-29' }))).toEqual([]);
  });

  it('keeps hostile text in a title exactly as written', () => {
    const title = '<img src=x onerror=alert(1)>';
    const { incidents, errors } = parseIncidents(withProperties({ title }), SOURCE);
    expect(errors).toEqual([]);
    expect(incidents[0]?.title).toBe(title);
  });

  it('keeps optional fields when present and omits them when absent', () => {
    const { incidents } = parseIncidents(
      withProperties({ duration_minutes: 40, stretch: 'zangilan-bilasuvar', date_latest: '2023-03-20' }),
      SOURCE,
    );
    expect(incidents[0]).toMatchObject({ duration_minutes: 40, stretch: 'zangilan-bilasuvar', date_latest: '2023-03-20' });
    const plain = parseIncidents(collection(validFeature()), SOURCE).incidents[0];
    expect(plain).not.toHaveProperty('duration_minutes');
    expect(plain).not.toHaveProperty('stretch');
  });

  it('accepts a source without a url', () => {
    const source = { title: 'An article', publisher: 'A publisher', date: '2023-03-20' };
    expect(errorsOf(withProperties({ sources: [source] }))).toEqual([]);
  });
});

describe('parseIncidents: dates', () => {
  it('rejects month 13', () => {
    const errors = errorsOf(withProperties({ date: '2023-13-01' }));
    expect(errors).toEqual([
      { index: 0, field: 'date', message: "incidents.geojson feature 0: date '2023-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)" },
    ]);
  });

  it('rejects 30 February', () => {
    expect(errorsOf(withProperties({ date: '2023-02-30' })).map((e) => e.field)).toEqual(['date']);
  });

  it('rejects 29 February in a common year', () => {
    expect(errorsOf(withProperties({ date: '2023-02-29' })).map((e) => e.field)).toEqual(['date']);
  });

  it('rejects a month date whose precision says day', () => {
    const errors = errorsOf(withProperties({ date: '2023-03', date_precision: 'day' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe("incidents.geojson feature 0: date '2023-03' does not match date_precision 'day'");
  });

  it('rejects a date with a time or other format', () => {
    for (const date of ['2023-03-11T10:00:00Z', '11/03/2023', ' 2023-03-11', '2023-3-11', 20230311]) {
      expect(errorsOf(withProperties({ date })).map((e) => e.field), String(date)).toEqual(['date']);
    }
  });

  it('rejects a date_latest before the date', () => {
    const errors = errorsOf(withProperties({ date: '2023-03', date_precision: 'month', date_latest: '2023-02-28' }));
    expect(errors.map((e) => e.field)).toEqual(['date_latest']);
  });

  it('rejects a date_latest that is not a full day', () => {
    expect(errorsOf(withProperties({ date_latest: '2023-03' })).map((e) => e.field)).toEqual(['date_latest']);
  });

  it('rejects a source date that is not a real date', () => {
    const source = { title: 'T', publisher: 'P', date: '2023-02-30' };
    expect(errorsOf(withProperties({ sources: [source] })).map((e) => e.field)).toEqual(['sources[0].date']);
  });
});

describe('parseIncidents: coordinates', () => {
  it('rejects a latitude of 95', () => {
    const errors = errorsOf(collection(validFeature({ coordinates: [47.5, 95] })));
    expect(errors).toEqual([
      {
        index: 0,
        field: 'geometry.coordinates[1]',
        message: 'incidents.geojson feature 0: geometry.coordinates[1] 95 (latitude) is outside [-90, 90]',
      },
    ]);
  });

  it('rejects a longitude beyond 180', () => {
    expect(errorsOf(collection(validFeature({ coordinates: [180.5, 39] }))).map((e) => e.field)).toEqual(['geometry.coordinates[0]']);
  });

  it('rejects NaN', () => {
    const errors = errorsOf(collection(validFeature({ coordinates: [Number.NaN, 39.5] })));
    expect(errors.map((e) => e.message)).toEqual(['incidents.geojson feature 0: geometry.coordinates[0] NaN (longitude) is not a finite number']);
  });

  it('rejects Infinity', () => {
    expect(errorsOf(collection(validFeature({ coordinates: [47.5, Infinity] }))).map((e) => e.field)).toEqual(['geometry.coordinates[1]']);
  });

  it('rejects a coordinate given as a string', () => {
    const errors = errorsOf(collection(validFeature({ coordinates: ['47.5', 39.5] })));
    expect(errors.map((e) => e.message)).toEqual(["incidents.geojson feature 0: geometry.coordinates[0] '47.5' (longitude) is not a finite number"]);
  });

  it('rejects a single number as coordinates', () => {
    expect(errorsOf(collection(validFeature({ coordinates: 47.5 }))).map((e) => e.field)).toEqual(['geometry.coordinates']);
  });

  it('rejects a geometry type an incident cannot have', () => {
    const geometry = { type: 'GeometryCollection', geometries: [] };
    const errors = errorsOf(collection(validFeature({ geometry })));
    expect(errors.map((e) => e.message)).toEqual([
      "incidents.geojson feature 0: geometry.type 'GeometryCollection' is not one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon",
    ]);
  });

  it('rejects a missing geometry', () => {
    expect(errorsOf(collection(validFeature({ geometry: null }))).map((e) => e.field)).toEqual(['geometry']);
  });
});

describe('parseIncidents: required fields and types', () => {
  it('reports each missing required field', () => {
    const properties = validProperties();
    for (const key of ['title', 'date', 'date_precision', 'category', 'actors', 'location', 'geo_precision', 'on_border', 'description', 'quotes', 'sources']) {
      const { [key]: _omitted, ...rest } = properties;
      const feature = { type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [47, 39] }, properties: rest };
      const errors = errorsOf(collection(feature));
      expect(errors.map((e) => e.field), key).toContain(key);
      expect(errors.find((e) => e.field === key)?.message).toBe(`incidents.geojson feature 0: ${key} is missing`);
    }
  });

  it('rejects an empty title', () => {
    expect(errorsOf(withProperties({ title: '   ' })).map((e) => e.field)).toEqual(['title']);
  });

  it('rejects a missing id', () => {
    expect(errorsOf(collection(validFeature({ id: undefined }))).map((e) => e.field)).toEqual(['id']);
  });

  it('rejects a numeric id', () => {
    expect(errorsOf(collection(validFeature({ id: 7 }))).map((e) => e.field)).toEqual(['id']);
  });

  it('rejects actors that are not an array', () => {
    const errors = errorsOf(withProperties({ actors: 'Iran' }));
    expect(errors.map((e) => e.message)).toEqual(["incidents.geojson feature 0: actors 'Iran' is not an array"]);
  });

  it('rejects an actor that is not a string', () => {
    expect(errorsOf(withProperties({ actors: ['Iran', 3] })).map((e) => e.field)).toEqual(['actors[1]']);
  });

  it('accepts an empty actors list (actors unknown)', () => {
    expect(errorsOf(withProperties({ actors: [] }))).toEqual([]);
  });

  it('rejects on_border given as "yes"', () => {
    const errors = errorsOf(withProperties({ on_border: 'yes' }));
    expect(errors.map((e) => e.message)).toEqual(["incidents.geojson feature 0: on_border 'yes' is not true or false"]);
  });

  it('rejects a duration that is not a positive number', () => {
    for (const duration_minutes of [0, -5, '40', Number.NaN]) {
      expect(errorsOf(withProperties({ duration_minutes })).map((e) => e.field), String(duration_minutes)).toEqual(['duration_minutes']);
    }
  });

  it('rejects a quote without text', () => {
    expect(errorsOf(withProperties({ quotes: [{ speaker: 'Someone' }] })).map((e) => e.field)).toEqual(['quotes[0].text']);
  });

  it('rejects a quote that is a bare string', () => {
    expect(errorsOf(withProperties({ quotes: ['Words.'] }))).toEqual([
      { index: 0, field: 'quotes[0]', message: "incidents.geojson feature 0: quotes[0] 'Words.' is not an object with speaker and text" },
    ]);
  });

  it('rejects an empty sources list', () => {
    expect(errorsOf(withProperties({ sources: [] }))).toEqual([
      { index: 0, field: 'sources', message: 'incidents.geojson feature 0: sources [] is empty: every incident cites at least one source' },
    ]);
  });

  it('rejects a source without a publisher', () => {
    expect(errorsOf(withProperties({ sources: [{ title: 'T', date: '2023' }] }))).toEqual([
      { index: 0, field: 'sources[0].publisher', message: 'incidents.geojson feature 0: sources[0].publisher is missing' },
    ]);
  });

  it('rejects properties that are not an object', () => {
    const feature = { type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [47, 39] }, properties: 'oops' };
    expect(errorsOf(collection(feature)).map((e) => e.field)).toEqual(['properties']);
  });

  it('rejects an entry that is not a Feature', () => {
    expect(errorsOf(collection(42)).map((e) => e.field)).toEqual(['type']);
  });

  it('reports every problem of a feature, not only the first', () => {
    const errors = errorsOf(withProperties({ date: '2023-13-01', on_border: 'yes', category: 'riot' }));
    expect(errors.map((e) => e.field)).toEqual(['date', 'category', 'on_border']);
  });
});

describe('parseIncidents: enums', () => {
  it('rejects an unknown category', () => {
    const errors = errorsOf(withProperties({ category: 'riot' }));
    expect(errors.map((e) => e.message)).toEqual([
      "incidents.geojson feature 0: category 'riot' is not one of airspace, military-exercise, attack, diplomatic, statement, border-security, infrastructure, cross-border-fire",
    ]);
  });

  it('rejects an unknown date precision', () => {
    expect(errorsOf(withProperties({ date_precision: 'week' })).map((e) => e.field)).toEqual(['date_precision']);
  });

  it('rejects an unknown geo precision', () => {
    expect(errorsOf(withProperties({ geo_precision: 'approximate' })).map((e) => e.field)).toEqual(['geo_precision']);
  });

  it('rejects a stretch id that is not a slug', () => {
    expect(errorsOf(withProperties({ stretch: 'Zangilan Bilasuvar' })).map((e) => e.field)).toEqual(['stretch']);
  });

  it('rejects a stretch not among the known stretches when they are given', () => {
    const { errors } = parseIncidents(withProperties({ stretch: 'nowhere' }), SOURCE, { knownStretches: new Set(['zangilan-bilasuvar']) });
    expect(errors.map((e) => e.message)).toEqual(["incidents.geojson feature 0: stretch 'nowhere' is not a known border stretch"]);
  });
});

describe('parseIncidents: urls', () => {
  it('rejects a javascript: url', () => {
    const source = { title: 'T', publisher: 'P', date: '2023', url: 'javascript:alert(1)' };
    const errors = errorsOf(withProperties({ sources: [source] }));
    expect(errors).toEqual([
      {
        index: 0,
        field: 'sources[0].url',
        message: "incidents.geojson feature 0: sources[0].url 'javascript:alert(1)' is not an http(s) URL",
      },
    ]);
  });

  it('rejects a javascript: url hidden behind case and whitespace', () => {
    const source = { title: 'T', publisher: 'P', date: '2023', url: '  JavaScript:alert(1)' };
    expect(errorsOf(withProperties({ sources: [source] })).map((e) => e.field)).toEqual(['sources[0].url']);
  });

  it('rejects a data: url', () => {
    const source = { title: 'T', publisher: 'P', date: '2023', url: 'data:text/html,<script>alert(1)</script>' };
    expect(errorsOf(withProperties({ sources: [source] })).map((e) => e.field)).toEqual(['sources[0].url']);
  });

  it('rejects a relative url', () => {
    const source = { title: 'T', publisher: 'P', date: '2023', url: '/article' };
    expect(errorsOf(withProperties({ sources: [source] })).map((e) => e.field)).toEqual(['sources[0].url']);
  });
});

describe('parseIncidents: the collection', () => {
  it('skips a bad feature and keeps the good ones', () => {
    const good1 = validFeature({ id: 'good-1' });
    const bad = validFeature({ id: 'bad', properties: { date: '2023-02-30' } });
    const good2 = validFeature({ id: 'good-2' });
    const { incidents, errors } = parseIncidents(collection(good1, bad, good2), SOURCE);
    expect(incidents.map((i) => i.id)).toEqual(['good-1', 'good-2']);
    expect(errors.map((e) => e.index)).toEqual([1]);
  });

  it('names the feature index and the bad value in the message', () => {
    const features = [validFeature({ id: 'a' }), validFeature({ id: 'b' }), validFeature({ id: 'c' })];
    features.push(validFeature({ id: 'd', properties: { date: '2023-13-01' } }));
    const { errors } = parseIncidents(collection(...features), SOURCE);
    expect(errors[0]?.index).toBe(3);
    expect(errors[0]?.message).toMatch(/^incidents\.geojson feature 3: date '2023-13-01' is not a date/);
  });

  it('names the given source in messages', () => {
    const { errors } = parseIncidents(withProperties({ date: 'soon' }), 'my-upload.geojson');
    expect(errors[0]?.message).toMatch(/^my-upload\.geojson feature 0: date 'soon'/);
  });

  it('rejects a duplicate id on the later feature and keeps the first', () => {
    const first = validFeature({ id: 'same', properties: { title: 'First' } });
    const second = validFeature({ id: 'same', properties: { title: 'Second' } });
    const { incidents, errors } = parseIncidents(collection(first, second), SOURCE);
    expect(incidents.map((i) => i.title)).toEqual(['First']);
    expect(errors).toEqual([{ index: 1, field: 'id', message: "incidents.geojson feature 1: id 'same' duplicates feature 0" }]);
  });

  it('gives one error with index -1 for an array', () => {
    const { incidents, errors } = parseIncidents([validFeature()], SOURCE);
    expect(incidents).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.index).toBe(-1);
  });

  it('gives one error with index -1 for a single Feature', () => {
    const errors = errorsOf(validFeature());
    expect(errors).toEqual([{ index: -1, field: 'type', message: "incidents.geojson: type 'Feature' is not 'FeatureCollection'" }]);
  });

  it('gives one error with index -1 for null, a string or a number', () => {
    for (const value of [null, 'hello', 3, undefined]) {
      const errors = errorsOf(value);
      expect(errors, String(value)).toHaveLength(1);
      expect(errors[0]?.index).toBe(-1);
    }
  });

  it('gives one error with index -1 when features is not an array', () => {
    const errors = errorsOf({ type: 'FeatureCollection', features: {} });
    expect(errors).toEqual([{ index: -1, field: 'features', message: 'incidents.geojson: features {} is not an array' }]);
  });

  it('accepts an empty collection', () => {
    expect(parseIncidents(collection(), SOURCE)).toEqual({ incidents: [], errors: [] });
  });

  it('clips a very long bad value in the message', () => {
    const errors = errorsOf(withProperties({ date: 'x'.repeat(500) }));
    expect(errors[0]?.message.length).toBeLessThan(200);
  });
});
