import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { XmlDocument } from '../../../src/incidents/io';
import { collection, validFeature } from '../fixtures';

/** Parses KML text in node, strictly as a browser would: xmldom throws on any XML error, quietly. */
export function parseXml(text: string): XmlDocument {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'application/xml');
}

export const SOURCE_JSON = JSON.stringify([{ title: 'An article', publisher: 'A publisher', date: '2023-03-20' }]);

export const CSV_HEADER = 'id,title,date,category,actors,location,geo_precision,on_border,description,latitude,longitude,sources';

/** One valid CSV data row with this id and title; pass cells to override by column name. */
export function csvRow(id: string, overrides: Record<string, string> = {}): string {
  const cells: Record<string, string> = {
    id,
    title: `Incident ${id}`,
    date: '2023-03-11',
    category: 'airspace',
    actors: 'Iran;Azerbaijan',
    location: 'Zangilan',
    geo_precision: 'near',
    on_border: 'yes',
    description: 'Something happened.',
    latitude: '39.0857',
    longitude: '46.6525',
    sources: SOURCE_JSON,
    ...overrides,
  };
  return CSV_HEADER.split(',')
    .map((column) => `"${(cells[column] ?? '').replace(/"/g, '""')}"`)
    .join(',');
}

/** A GeoJSON file text with valid features of these ids. */
export function geojsonText(...ids: string[]): string {
  return JSON.stringify(collection(...ids.map((id) => validFeature({ id }))));
}

/** A KML Placemark with a Point and the incident fields as ExtendedData. */
export function placemark(name: string, data: Record<string, string> = {}, geometry = '<Point><coordinates>46.6525,39.0857</coordinates></Point>'): string {
  const fields: Record<string, string> = {
    date: '2023-03',
    category: 'statement',
    actors: 'Iran',
    location: 'Tehran',
    geo_precision: 'region',
    on_border: 'false',
    source_title: 'An article',
    source_publisher: 'A publisher',
    source_date: '2023-03-20',
    ...data,
  };
  const extended = Object.entries(fields)
    .map(([key, value]) => `<Data name="${key}"><value>${value}</value></Data>`)
    .join('');
  return `<Placemark><name>${name}</name><description>About ${name}.</description><ExtendedData>${extended}</ExtendedData>${geometry}</Placemark>`;
}

export function kmlText(...placemarks: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
}
