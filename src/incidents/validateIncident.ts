import { describeValue } from './describeValue';
import { isObject, type JsonObject as Json } from './jsonObject';
import { firstDayOf, parsePartialDate } from './partialDate';
import { readGeometry } from './readGeometry';
import { featureLabel, recordError, type RecordLabel } from './recordError';
import { readTimes } from './trackTimes';
import {
  CATEGORIES,
  DATE_PRECISIONS,
  GEO_PRECISIONS,
  type GeoPrecision,
  type Incident,
  type IncidentError,
  type Quote,
  type Source,
} from './types';

export interface ValidateOptions {
  /** Names the file in messages, e.g. "incidents.geojson" or an imported file's name. */
  source: string;
  /** If given, `stretch` must be one of these ids (from data/segments.geojson). */
  knownStretches?: ReadonlySet<string>;
  /** Names the record in messages from the index it was given; default "feature <index>". */
  label?: RecordLabel;
  /**
   * Reads an analyst's import, not the committed data; default false. Then any category word is
   * kept, geo_precision may be 'unknown', location and description may be empty, a source needs
   * only a title, date_original, on_border_computed and extra are read, and lengths are capped
   * (IMPORT_LIMITS).
   */
  imported?: boolean;
}

/** The longest text an import may bring, in characters, per field. */
export const IMPORT_LIMITS = { title: 500, description: 20_000, field: 2_000 } as const;

export interface ValidateResult {
  /** Set only when the feature has no errors. */
  incident?: Incident;
  errors: IncidentError[];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const STRETCH_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Collects the problems of one feature; each reader returns the value or undefined. */
class FeatureReader {
  readonly errors: IncidentError[] = [];

  constructor(
    private readonly index: number,
    private readonly options: ValidateOptions,
  ) {}

  fail(field: string, value: unknown, problem: string): undefined {
    const what = value === undefined ? `${field} is missing` : `${field} ${describeValue(value)} ${problem}`;
    this.errors.push(recordError(this.options.source, this.options.label ?? featureLabel, this.index, field, what));
    return undefined;
  }

  string(obj: Json, key: string, field = key): string | undefined {
    const value = obj[key];
    if (typeof value !== 'string' || value.trim() === '') return this.fail(field, value, 'is not a non-empty string');
    return value;
  }

  /** A string, empty allowed, at most `max` characters. */
  text(obj: Json, key: string, max: number, field = key): string | undefined {
    const value = obj[key];
    if (typeof value !== 'string') return this.fail(field, value, 'is not a string');
    if (value.length > max) return this.fail(field, `${value.slice(0, 40)}…`, `is ${value.length} characters long; at most ${max} are kept`);
    return value;
  }

  optionalString(obj: Json, key: string, field = key): string | undefined {
    return isAbsent(obj[key]) ? undefined : this.string(obj, key, field);
  }

  oneOf<T extends string>(obj: Json, key: string, allowed: readonly T[]): T | undefined {
    const value = obj[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(key, value, `is not one of ${allowed.join(', ')}`);
  }

  boolean(obj: Json, key: string): boolean | undefined {
    const value = obj[key];
    if (typeof value !== 'boolean') return this.fail(key, value, 'is not true or false');
    return value;
  }

  /** A YYYY, YYYY-MM or YYYY-MM-DD date that exists in the calendar. */
  date(obj: Json, key: string, field = key): string | undefined {
    const value = obj[key];
    if (typeof value !== 'string' || parsePartialDate(value) === null) {
      return this.fail(field, value, 'is not a date (YYYY-MM-DD, YYYY-MM or YYYY)');
    }
    return value;
  }

  array(obj: Json, key: string, field = key): unknown[] | undefined {
    const value = obj[key];
    if (!Array.isArray(value)) return this.fail(field, value, 'is not an array');
    return value;
  }

  /** An array of non-empty strings. */
  strings(obj: Json, key: string, { nonEmpty }: { nonEmpty: boolean }): string[] | undefined {
    const items = this.array(obj, key);
    if (items === undefined) return undefined;
    if (nonEmpty && items.length === 0) return this.fail(key, items, 'is empty');
    const before = this.errors.length;
    items.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') this.fail(`${key}[${i}]`, item, 'is not a non-empty string');
    });
    return this.errors.length === before ? (items as string[]) : undefined;
  }

  /** An array of objects ("an object with <shape>"), each read by `read`; undefined if the array or any item has a problem. */
  objects<T>(obj: Json, key: string, shape: string, read: (item: Json, field: string) => T | undefined): T[] | undefined {
    const items = this.array(obj, key);
    if (items === undefined) return undefined;
    const values: T[] = [];
    const before = this.errors.length;
    items.forEach((item, i) => {
      const field = `${key}[${i}]`;
      const value = isObject(item) ? read(item, field) : this.fail(field, item, `is not an object with ${shape}`);
      if (value !== undefined) values.push(value);
    });
    return this.errors.length === before ? values : undefined;
  }

  url(obj: Json, key: string, field: string): string | undefined {
    const value = this.optionalString(obj, key, field);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(field, value, 'is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return this.fail(field, value, 'is not an http(s) URL');
    return value;
  }
}

/** What only an import carries: the date as written, whether on_border was computed, the file's other fields. */
type ImportedFields = Pick<Incident, 'date_original' | 'on_border_computed' | 'description_html' | 'extra'>;

function readImportedFields(r: FeatureReader, props: Json): ImportedFields {
  const out: ImportedFields = {};
  if (!isAbsent(props.description_html)) {
    const html = r.boolean(props, 'description_html');
    if (html !== undefined) out.description_html = html;
  }
  if (!isAbsent(props.date_original)) {
    const original = r.text(props, 'date_original', 200);
    if (original !== undefined) out.date_original = original;
  }
  if (!isAbsent(props.on_border_computed)) {
    const computed = r.boolean(props, 'on_border_computed');
    if (computed !== undefined) out.on_border_computed = computed;
  }
  if (!isAbsent(props.extra)) {
    const extra = props.extra;
    if (!isObject(extra)) {
      r.fail('extra', extra, 'is not an object of text fields');
    } else {
      // No prototype: a field named __proto__ is just a field.
      const fields = Object.create(null) as Record<string, string>;
      for (const [name, value] of Object.entries(extra)) {
        if (name.length > 200) r.fail('extra', name, 'is a field name longer than 200 characters');
        else if (typeof value !== 'string') r.fail(`extra.${name}`, value, 'is not text');
        else if (value.length > IMPORT_LIMITS.field) {
          r.fail(`extra.${name}`, `${value.slice(0, 40)}…`, `is ${value.length} characters long; at most ${IMPORT_LIMITS.field} are kept`);
        } else fields[name] = value;
      }
      if (Object.keys(fields).length > 0) out.extra = fields;
    }
  }
  return out;
}

function readQuotes(r: FeatureReader, props: Json): Quote[] | undefined {
  return r.objects(props, 'quotes', 'speaker and text', (item, field) => {
    const speaker = r.string(item, 'speaker', `${field}.speaker`);
    const role = r.optionalString(item, 'role', `${field}.role`);
    const text = r.string(item, 'text', `${field}.text`);
    if (speaker === undefined || text === undefined) return undefined;
    return role === undefined ? { speaker, text } : { speaker, role, text };
  });
}

function readSources(r: FeatureReader, props: Json, imported: boolean): Source[] | undefined {
  const sources = r.objects(props, 'sources', imported ? 'a title' : 'title, publisher and date', (item, field): Source | undefined => {
    const title = r.string(item, 'title', `${field}.title`);
    const publisher = imported ? r.optionalString(item, 'publisher', `${field}.publisher`) : r.string(item, 'publisher', `${field}.publisher`);
    const author = r.optionalString(item, 'author', `${field}.author`);
    const date = imported && isAbsent(item.date) ? undefined : r.date(item, 'date', `${field}.date`);
    const url = r.url(item, 'url', `${field}.url`);
    if (title === undefined || (!imported && (publisher === undefined || date === undefined))) return undefined;
    return {
      title,
      ...(publisher === undefined ? {} : { publisher }),
      ...(author === undefined ? {} : { author }),
      ...(date === undefined ? {} : { date }),
      ...(url === undefined ? {} : { url }),
    };
  });
  if (sources?.length === 0) return r.fail('sources', sources, 'is empty: every incident cites at least one source');
  return sources;
}

/**
 * Checks one GeoJSON Feature of an incidents file and turns it into an Incident. Every problem is
 * reported (not only the first), each with `index` and naming the record (`options.label` of the
 * index: "feature 3", "row 3 (line 4)"), the field and the bad value.
 * Unknown extra properties are ignored; strings are kept exactly as written (they are shown with
 * textContent, never parsed as HTML).
 */
export function validateIncident(feature: unknown, index: number, options: ValidateOptions): ValidateResult {
  const r = new FeatureReader(index, options);
  if (!isObject(feature) || feature.type !== 'Feature') {
    r.fail('type', isObject(feature) ? feature.type : feature, "is not a GeoJSON Feature (type 'Feature')");
    return { errors: r.errors };
  }

  const id = feature.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    r.fail('id', id, 'is not a stable string id (letters, digits, . _ : -)');
  }
  const shape = readGeometry((field, value, problem) => r.fail(field, value, problem), feature.geometry);

  const props = feature.properties;
  if (!isObject(props)) {
    r.fail('properties', props, 'is not an object');
    return { errors: r.errors };
  }

  const imported = options.imported === true;
  const title = r.string(props, 'title');
  if (imported && title !== undefined && title.length > IMPORT_LIMITS.title) r.fail('title', `${title.slice(0, 40)}…`, `is ${title.length} characters long; at most ${IMPORT_LIMITS.title} are kept`);
  const date = r.date(props, 'date');
  const precision = r.oneOf(props, 'date_precision', DATE_PRECISIONS);
  const parsedDate = date === undefined ? null : parsePartialDate(date);
  if (parsedDate !== null && precision !== undefined && parsedDate.precision !== precision) {
    r.fail('date', date, `does not match date_precision '${precision}'`);
  }

  let dateLatest: string | undefined;
  if (!isAbsent(props.date_latest)) {
    const latest = props.date_latest;
    const parsedLatest = typeof latest === 'string' ? parsePartialDate(latest) : null;
    if (parsedLatest === null || parsedLatest.precision !== 'day') {
      r.fail('date_latest', latest, 'is not a date (YYYY-MM-DD)');
    } else if (parsedDate !== null && firstDayOf(parsedLatest) < firstDayOf(parsedDate)) {
      r.fail('date_latest', latest, `is before date '${date}'`);
    } else {
      dateLatest = latest as string;
    }
  }

  let duration: number | undefined;
  if (!isAbsent(props.duration_minutes)) {
    const d = props.duration_minutes;
    if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0) {
      r.fail('duration_minutes', d, 'is not a positive number of minutes');
    } else {
      duration = d;
    }
  }

  const category = imported ? r.text(props, 'category', 200) : r.oneOf(props, 'category', CATEGORIES);
  if (category === '') r.fail('category', category, 'is empty');
  // An empty list says the actors are unknown, which analysts' own lists often are.
  const actors = r.strings(props, 'actors', { nonEmpty: false });
  const location = imported ? r.text(props, 'location', IMPORT_LIMITS.field) : r.string(props, 'location');
  const geoPrecision = r.oneOf<GeoPrecision>(props, 'geo_precision', imported ? [...GEO_PRECISIONS, 'unknown'] : GEO_PRECISIONS);
  const onBorder = r.boolean(props, 'on_border');
  const description = imported ? r.text(props, 'description', IMPORT_LIMITS.description) : r.string(props, 'description');
  const importedFields = imported ? readImportedFields(r, props) : {};
  const quotes = readQuotes(r, props);
  const sources = readSources(r, props, imported);

  const times = isAbsent(props.times) ? undefined : readTimes(props.times, feature.geometry, (field, value, problem) => r.fail(field, value, problem));

  let stretch: string | undefined;
  if (!isAbsent(props.stretch)) {
    const s = props.stretch;
    if (typeof s !== 'string' || !STRETCH_PATTERN.test(s)) {
      r.fail('stretch', s, 'is not a stretch id (lower-case words joined by -)');
    } else if (options.knownStretches !== undefined && !options.knownStretches.has(s)) {
      r.fail('stretch', s, 'is not a known border stretch');
    } else {
      stretch = s;
    }
  }

  if (
    r.errors.length > 0 ||
    typeof id !== 'string' ||
    shape === undefined ||
    title === undefined ||
    date === undefined ||
    precision === undefined ||
    category === undefined ||
    actors === undefined ||
    location === undefined ||
    geoPrecision === undefined ||
    onBorder === undefined ||
    description === undefined ||
    quotes === undefined ||
    sources === undefined
  ) {
    return { errors: r.errors };
  }

  const incident: Incident = {
    id,
    title,
    date,
    date_precision: precision,
    ...(dateLatest === undefined ? {} : { date_latest: dateLatest }),
    ...(duration === undefined ? {} : { duration_minutes: duration }),
    category,
    actors,
    location,
    geo_precision: geoPrecision,
    on_border: onBorder,
    description,
    quotes,
    sources,
    ...(stretch === undefined ? {} : { stretch }),
    ...importedFields,
    ...(times === undefined ? {} : { times }),
    coordinates: shape.coordinates,
    geometry: shape.geometry,
  };
  return { incident, errors: [] };
}
