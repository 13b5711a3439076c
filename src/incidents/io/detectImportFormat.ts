import { firstLine } from './firstLine';

/** The file formats incidents can be imported from. */
export type ImportFormat = 'geojson' | 'csv' | 'kml' | 'gpx';

const BY_EXTENSION: ReadonlyMap<string, ImportFormat> = new Map([
  ['geojson', 'geojson'],
  ['json', 'geojson'],
  ['csv', 'csv'],
  ['tsv', 'csv'],
  ['kml', 'kml'],
  ['kmz', 'kml'],
  ['gpx', 'gpx'],
]);

/**
 * The format of an incidents file: by its extension (.geojson/.json, .csv, .kml, .gpx), else by
 * its first character ('{' JSON, '<' XML: GPX when its root is <gpx>, else KML), else CSV if its
 * first line holds a delimiter. Undefined when none of these fits.
 */
export function detectImportFormat(text: string, fileName: string): ImportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : BY_EXTENSION.get(extension);
  if (byExtension !== undefined) return byExtension;
  const start = text.trimStart();
  if (start.startsWith('{')) return 'geojson';
  if (start.startsWith('<')) return /<gpx[\s>]/.test(start.slice(0, 2000)) ? 'gpx' : 'kml';
  return /[,;\t|]/.test(firstLine(start)) ? 'csv' : undefined;
}
