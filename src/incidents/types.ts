import type { Shape } from '../geo/shapes';

/**
 * The incident model: one reported event or statement, with where and when it happened as
 * precisely as its sources allow, and the sources themselves.
 *
 * In the spirit of ACLED's codebook (date and geo precision, actors, one event per row) and
 * Forensic Architecture's timemap (events with sources and a place on a map). On disk an incident
 * is a GeoJSON Feature whose geometry is what was reported (Point, LineString or Polygon, or their
 * Multi forms; the marker goes at a representative point), the incident id as the
 * Feature's `id`, and the other fields below as `properties`.
 */

/** How precisely `date` is known: it is written YYYY-MM-DD, YYYY-MM or YYYY accordingly. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * How precisely the marker places the event:
 * - exact: the event happened at the marker (within a few hundred metres);
 * - near: within a few km, e.g. a city centre for an event somewhere in that city;
 * - region: somewhere in a wider area (a stretch of border, a country); the marker only
 *   stands for that area and must not be measured as if it were the event's position.
 */
export const GEO_PRECISIONS = ['exact', 'near', 'region'] as const;
/** 'unknown' only for imported incidents whose file does not say how precise the point is. */
export type GeoPrecision = (typeof GEO_PRECISIONS)[number] | 'unknown';

/** What kind of event the committed data records: a closed set. Imported incidents may use their file's own words. */
/** An imported point this close to the border (km) is on it, when the file does not say. */
export const ON_BORDER_KM = 5;

export const CATEGORIES = [
  'airspace',
  'military-exercise',
  'attack',
  'diplomatic',
  'statement',
  'border-security',
  'infrastructure',
  'cross-border-fire',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Legend labels for the categories. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  airspace: 'Airspace and aviation',
  'military-exercise': 'Military exercise',
  attack: 'Attack',
  diplomatic: 'Diplomatic action',
  statement: 'Official statement',
  'border-security': 'Border security',
  infrastructure: 'Infrastructure and crossings',
  'cross-border-fire': 'Cross-border fire',
};

/** The category of an imported incident whose file names none. */
export const UNSPECIFIED_CATEGORY = 'unspecified';

/** True for one of the committed data's categories. */
export function isKnownCategory(category: string): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** A category's legend label: ours for the known ones, an imported file's own words as written. */
export function categoryLabel(category: string): string {
  if (isKnownCategory(category)) return CATEGORY_LABELS[category];
  return category === UNSPECIFIED_CATEGORY ? 'Unspecified' : category;
}

/** Labels for the geo precisions, for popups and the legend. */
export const GEO_PRECISION_LABELS: Readonly<Record<GeoPrecision, string>> = {
  exact: 'exact location',
  near: 'approximate location (within a few km)',
  region: 'general area only',
  unknown: 'precision not stated',
};

/** An incident's geometry: a point, a line (a flight, a road) or an area (a drill area), or several of one kind. */
export type IncidentGeometry = Shape;

/** [longitude, latitude] in degrees, WGS84, as GeoJSON writes them. */
export type LonLat = [lon: number, lat: number];

/** Words quoted verbatim from a source. */
export interface Quote {
  speaker: string;
  /** The speaker's office or function, e.g. "spokesman, Iran's Foreign Ministry". */
  role?: string;
  /** Verbatim, ellipses as in the source. Plain text: never rendered as HTML. */
  text: string;
}

/** Where a fact comes from. */
export interface Source {
  title: string;
  /** Required in the committed data; an imported file may not say. */
  publisher?: string;
  author?: string;
  /** Publication date: YYYY-MM-DD, YYYY-MM or YYYY. Required in the committed data; an imported file may not say. */
  date?: string;
  /** http(s) only; absent when the address could not be confirmed. */
  url?: string;
}

export interface Incident {
  /** Stable, unique, e.g. "2023-03-11-aircraft-flight-zangilan-bilasuvar". */
  id: string;
  title: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY, matching `date_precision`; a real calendar date. */
  date: string;
  date_precision: DatePrecision;
  /**
   * Set when the source does not date the event but bounds it: the event happened no later than
   * this day (YYYY-MM-DD, not before the start of `date`). `date` is then the earliest the source
   * allows, at its precision, and the event lies somewhere between the two.
   */
  date_latest?: string;
  /** How long it lasted, when reported; a positive number of minutes. */
  duration_minutes?: number;
  /** One of CATEGORIES in the committed data; for imports, the file's own word or UNSPECIFIED_CATEGORY. */
  category: string;
  actors: string[];
  /** Place name as reported, e.g. "Azerbaijan–Iran border between Zangilan and Bilasuvar". */
  location: string;
  geo_precision: GeoPrecision;
  /** Whether the event happened on (or along) the border; only these are measured against it. */
  on_border: boolean;
  /** What happened, in our own words; says what the sources do and do not establish. */
  description: string;
  quotes: Quote[];
  /** At least one. */
  sources: Source[];
  /** Id of a border stretch (data/segments.geojson) the incident was reported along. */
  stretch?: string;
  /**
   * The marker, list and cluster position: a Point's own coordinates; for a line its middle by
   * ellipsoidal length, for an area a point inside it (see representativePoint).
   */
  coordinates: LonLat;
  /** What the sources describe, as validated: for a Point the same position as `coordinates`. */
  geometry: IncidentGeometry;
  /** The date as the imported file wrote it, when it was not already YYYY-MM-DD (e.g. "19 Esfand 1401"). */
  date_original?: string;
  /** True when an imported description is HTML (a KML balloon): shown sanitised, links kept, never run. */
  description_html?: boolean;
  /** True when an import's `on_border` was computed from the distance to the border, not read from the file. */
  on_border_computed?: boolean;
  /**
   * When each position of a LineString was recorded (a GPS or flight track): ISO 8601 UTC date-times,
   * one per position, never decreasing. Only on LineString incidents.
   */
  times?: string[];
  /** An imported file's other fields, by their names in the file: shown under "More fields" and exported again. */
  extra?: Record<string, string>;
  /** Set by the app for incidents loaded from a user's file; never read from a file. */
  imported?: boolean;
}

/** One problem with one feature of an incidents file. */
export interface IncidentError {
  /** Index of the feature in the file's `features`, or -1 for the file as a whole. */
  index: number;
  /** The property path, e.g. "date", "geometry.coordinates", "sources[0].url". */
  field: string;
  /** Names the source, the feature, the field and the bad value. */
  message: string;
}

export interface ParseResult {
  /** The valid incidents, in file order. */
  incidents: Incident[];
  /** One entry per problem; a feature with any problem is left out of `incidents`. */
  errors: IncidentError[];
}
