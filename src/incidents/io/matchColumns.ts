/** The incident fields an imported file's columns can be mapped onto. */
export const IMPORT_FIELDS = [
  'id', 'title', 'date', 'latitude', 'longitude', 'description', 'location', 'actors', 'category', 'source', 'geo_precision', 'date_precision',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that take several columns at once, joined in column order (ACLED's actor1, actor2, assoc_actor_1 …). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set(['actors', 'location', 'source']);

/** For each field, the file's columns (headers as written) that fill it, in order; empty when none. A single-value field takes its first non-empty column. */
export type ColumnMapping = Record<ImportField, string[]>;

/**
 * Header names each field recognises, normalised (lower case, runs of spaces, dots and dashes as
 * '_'), best first. A pattern ending in '*' matches any header starting with the rest.
 */
const KNOWN: Readonly<Record<ImportField, readonly string[]>> = {
  id: ['id', 'event_id_cnty', 'event_id', 'incident_id', 'uid', 'fid', 'objectid'],
  title: ['title', 'name', 'event', 'headline', 'event_name', 'subject'],
  date: ['date', 'event_date', 'time', 'timestamp', 'when', 'datetime', 'date_time', 'day', 'begin', 'start_date', 'date_start'],
  latitude: ['latitude', 'lat', 'y', 'lat_dd', 'latitude_dd', 'point_y'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x', 'lon_dd', 'longitude_dd', 'point_x'],
  description: ['description', 'notes', 'details', 'desc', 'summary', 'comment', 'comments', 'note'],
  location: ['location', 'place', 'place_name', 'city', 'town', 'village', 'admin3', 'admin2', 'admin1', 'admin*'],
  actors: ['actors', 'actor', 'actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2', 'actor_*', 'assoc_actor*', 'actor*'],
  category: ['category', 'event_type', 'type', 'sub_event_type', 'kind', 'folder'],
  source: ['source_url', 'url', 'link', 'source', 'sources_url', 'href', 'source_link'],
  geo_precision: ['geo_precision', 'location_precision', 'precision'],
  date_precision: ['date_precision', 'time_precision'],
};

/** A header as KNOWN writes names: trimmed, lower case, separators as single '_'. */
export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s.\-]+/g, '_');
}

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** A mapping with no column for any field. */
export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, []])) as unknown as ColumnMapping;
}

/**
 * Proposes which of a file's columns fill which incident field, from our own names and the common
 * ones (ACLED, spreadsheets, QGIS, My Maps): each column fills at most one field; a single-column
 * field takes the best-ranked match, a multi-column field (actors, location, source) every match in
 * rank order. Pure: same headers, same mapping.
 */
export function matchColumns(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const used = new Set<string>();
  const names = headers.map((h) => ({ header: h, name: normaliseHeader(h) }));
  // Exact names claim their columns before prefixes do, field by field in IMPORT_FIELDS order.
  for (const exactPass of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (!MULTI_COLUMN_FIELDS.has(field) && mapping[field].length > 0) continue;
      for (const pattern of KNOWN[field]) {
        if (pattern.endsWith('*') === exactPass) continue;
        for (const { header, name } of names) {
          if (used.has(header) || !matches(pattern, name)) continue;
          mapping[field].push(header);
          used.add(header);
          if (!MULTI_COLUMN_FIELDS.has(field)) break;
        }
        if (!MULTI_COLUMN_FIELDS.has(field) && mapping[field].length > 0) break;
      }
    }
  }
  // A KML placemark's own TimeStamp or TimeSpan dates it where no date column does.
  for (const { header, name } of names) if ((name === 'kml:timestamp' || name === 'kml:timespan_begin') && !used.has(header)) mapping.date.push(header);
  return mapping;
}
