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

  for (const delimiter of [',', ';', '\t']) {
    it(`leaves no cell a spreadsheet splitting on ${JSON.stringify(delimiter)} would run as a formula`, () => {
      const titled = (title: string): Incident => ({ ...hostile(), id: `t-${title.length}`, title });
      const rows = toCsv([titled(';=1+1;'), titled('a,=2+2'), titled('b\t@SUM(A1)'), titled('c;-3')]);
      // Split as a spreadsheet might: on the delimiter, quote-aware, whatever the file's own delimiter.
      const cells = Papa.parse<string[]>(rows, { delimiter, skipEmptyLines: true }).data.flat();
      const risky = cells.filter((cell) => /^[=+@]|^-(?!\d+(\.\d+)?$)/.test(cell.replace(/^"/, '')));
      expect(risky).toEqual([]);
    });
  }

  it('quotes every text cell holding a comma, semicolon, tab, quote or line break', () => {
    const row = toCsv([{ ...hostile(), title: 'a;b', location: 'c\td', description: 'plain' }]).split('\r\n')[1];
    expect(row).toContain(',"a;b",');
    expect(row).toContain(',"c\td",');
    expect(row).toContain(',plain,');
  });

  it('gives back titles with formulas after delimiters when imported again', () => {
    const titles = [';=1+1;', 'a,=2+2', 'b\t@SUM(A1)', "c;'-3", '=x;+y'];
    const incidents = titles.map((title, i) => ({ ...hostile(), id: `t-${i}`, title }));
    const result = importIncidents(toCsv(incidents), 'export.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => i.title)).toEqual(titles);
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
