import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseIncidents, type Incident } from '../../../src/incidents';
import { CSV_COLUMNS, importIncidents, toCsv, toGeoJSON } from '../../../src/incidents/io';

const FILE = new URL('../../../data/incidents.geojson', import.meta.url);

function committed(): Incident[] {
  const { incidents, errors } = parseIncidents(JSON.parse(readFileSync(FILE, 'utf8')) as unknown, 'incidents.geojson');
  expect(errors).toEqual([]);
  return incidents;
}

/** An incident whose text tries every way to break a CSV or a spreadsheet. */
function hostile(): Incident {
  return {
    id: 'hostile-1',
    title: '=HYPERLINK("http://evil.example","click"), <img src=x onerror=alert(1)>',
    date: '2023-03',
    date_precision: 'month',
    date_latest: '2023-03-20',
    duration_minutes: 40.5,
    category: 'statement',
    actors: ['+Iran', 'A; B', ' spaced '],
    location: '-Zangilan, "quoted"',
    geo_precision: 'exact',
    on_border: false,
    description: "Line one,\nline two\r\nwith \"quotes\" and 'apostrophes'",
    quotes: [{ speaker: '@someone', role: '=role', text: "'=already guarded?" }],
    sources: [{ title: "'@title", publisher: '\tTabbed', date: '2023', url: 'https://example.org/a?b=1,2' }],
    stretch: 'zangilan-bilasuvar',
    coordinates: [-46.123456789, -39.987654321],
    geometry: { type: 'Point', coordinates: [-46.123456789, -39.987654321] },
  };
}

function roundTripIncidents(): Incident[] {
  return [...committed(), hostile()];
}

describe('toGeoJSON', () => {
  it('gives back the same incidents when imported again', () => {
    const incidents = roundTripIncidents();
    const result = importIncidents(toGeoJSON(incidents), 'export.geojson');
    expect(result.errors).toEqual([]);
    expect(result.incidents).toStrictEqual(incidents);
  });

  it('never writes the imported mark', () => {
    const text = toGeoJSON([{ ...hostile(), imported: true }]);
    expect(text).not.toContain('imported');
    expect(importIncidents(text, 'export.geojson').incidents).toStrictEqual([hostile()]);
  });
});

describe('toCsv', () => {
  it('writes a header row of the documented columns', () => {
    expect(toCsv([]).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('gives back the same incidents when imported again', () => {
    const incidents = roundTripIncidents();
    const result = importIncidents(toCsv(incidents), 'export.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents).toStrictEqual(incidents);
  });

  it("prefixes text a spreadsheet would run as a formula with '", () => {
    const row = toCsv([hostile()]);
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example""`);
    expect(row).toContain(`"'-Zangilan, ""quoted"""`);
    const cells = Papa.parse<string[]>(row, { skipEmptyLines: true }).data.flat();
    const risky = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));
    expect(risky).toEqual([]);
  });

  it('writes negative coordinates as plain numbers', () => {
    const row = toCsv([hostile()]);
    expect(row).toContain(',-39.987654321,-46.123456789,');
  });

  it('never writes the imported mark', () => {
    const text = toCsv([{ ...hostile(), imported: true }]);
    expect(text.split('\r\n')[0]).not.toContain('imported');
    expect(importIncidents(text, 'export.csv').incidents).toStrictEqual([hostile()]);
  });
});
