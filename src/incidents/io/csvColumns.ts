/**
 * The columns `toCsv` writes, in order; `importIncidents` reads all of them back. `actors` is
 * ';'-joined (a JSON array when an actor itself holds ';' or spaces at its ends), `quotes` and
 * `sources` are JSON arrays, `on_border` is true/false, empty cells are absent optional fields.
 * `geometry` holds a line's or an area's GeoJSON geometry as JSON (empty for a point, whose
 * position is latitude/longitude); latitude/longitude are then its representative point.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'date',
  'date_precision',
  'date_latest',
  'duration_minutes',
  'category',
  'actors',
  'location',
  'geo_precision',
  'on_border',
  'description',
  'stretch',
  'latitude',
  'longitude',
  'quotes',
  'sources',
  'geometry',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
