import { describeValue } from '../describeValue';
import { isObject, type JsonObject as Json } from '../jsonObject';
import { CATEGORIES, ON_BORDER_KM, UNSPECIFIED_CATEGORY, type DatePrecision, type Incident, type LonLat } from '../types';
import { validateFeatures, type IndexedFeature } from '../validateFeatures';
import { readGeometry } from '../readGeometry';
import type { Shape } from '../../geo/shapes';
import { validateIncident } from '../validateIncident';
import { importedId } from './importedId';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './matchColumns';
import { numericDayOrder, readLooseDate, type DayOrder } from './readLooseDate';
import { KML_TIME, type ImportRecord, type ImportTable } from './readImportTable';
import { numberCell, recordToProperties, textRecord } from './recordToProperties';
import { lineTimesOf } from '../trackTimes';

/** What the user settled in the preview: which columns fill which field, and how to read 03/04/2023. */
export interface ImportChoice {
  mapping: ColumnMapping;
  /** How numeric dates that could be either are read; default 'day-first'. */
  dayOrder?: DayOrder;
}

export interface BuildImportOptions {
  /** Distance from a point to the border in km; without it on_border is false and not computed. */
  distanceToBorderKm?: (at: LonLat) => number;
  /** Distance from a line or area (its nearest part, 0 where it crosses) to the border in km; default: the nearest of its positions by distanceToBorderKm. */
  shapeDistanceToBorderKm?: (geometry: Shape) => number;
  /** A point this close to the border (km) is on it; default ON_BORDER_KM (5). */
  onBorderKm?: number;
  /** Farther than this from the border (km) is implausible for this map; default 1,500. */
  farKm?: number;
  /** Today as YYYY-MM-DD, for the implausible-date check; default the clock's (UTC). */
  today?: string;
  /** If given, an incident's `stretch` must be one of these ids. */
  knownStretches?: ReadonlySet<string>;
  /** Told how many records are built, every PROGRESS_STEP records and at the end; default none. */
  onProgress?: (done: number, total: number) => void;
}

/** Every [lon, lat] of a geometry's (nested) coordinates. */
function positionsOf(coordinates: unknown): LonLat[] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [[coordinates[0], coordinates[1] as number]];
  return coordinates.flatMap(positionsOf);
}

/** A `times` cell of our CSV export for a LineString: a JSON list of texts, or undefined (the cell stays a field). */
function lineTimesCell(text: string, geometry: unknown): string[] | undefined {
  if (!text.trim().startsWith('[')) return undefined;
  try {
    return lineTimesOf(geometry, JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** How many records are built between two progress reports. */
const PROGRESS_STEP = 5000;

/** One problem with one record, of a kind that groups it with its like ("date not understood"). */
export interface ImportProblem {
  /** The record's number as its label names it; -1 for the file. */
  index: number;
  /** What sort of problem, worded as a group title. */
  kind: string;
  /** Names the file, the record, the field and the bad value. */
  message: string;
}

/** What an import would store, and what it would leave out or warn about, before anything is stored. */
export interface ImportPreview {
  table: ImportTable;
  /** The incidents that would be imported, in file order (`imported` not set). */
  incidents: Incident[];
  /** Records left out, each with its reason. */
  errors: ImportProblem[];
  /** Incidents that are imported but look wrong (dates, places), or defaults worth knowing. */
  warnings: ImportProblem[];
  /** How the date column's numeric dates read: 'ambiguous' when the user must say. */
  detectedDayOrder: DayOrder | 'ambiguous' | undefined;
  /** How many dates were read in each form ("ISO", "Solar Hijri", …). */
  dateForms: ReadonlyMap<string, number>;
}

/** Our own column names that are not mapped but read as the model writes them (our export's CSV). */
const MODEL_COLUMNS = new Set([
  'on_border', 'date_latest', 'duration_minutes', 'stretch', 'quotes', 'sources', 'source_title', 'source_publisher', 'source_author',
  'source_date', 'date_original', 'on_border_computed', 'description_html', 'geometry',
]);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const HTTP = /^https?:\/\/\S+$/i;
const ACLED_GEO_PRECISION: Readonly<Record<string, Incident['geo_precision']>> = { '1': 'exact', '2': 'near', '3': 'region' };
const GEO_PRECISION_WORDS = ['exact', 'near', 'region', 'unknown'] as const;
const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 0, month: 1, year: 2 };
/** A point this far (km) from the border whose swap lies within it is likely swapped. */
const SWAP_KM = 200;
/** Roughly the middle of the border, for the distance check when no border index is given. */
const REGION_CENTRE: LonLat = [47.2, 39.1];

function haversineKm([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A decimal number, with a decimal comma accepted ("39,45"); other text is passed on as written for validation to name. */
function coordinate(text: string): number | string | undefined {
  return numberCell(text.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2'));
}

/** The record's non-blank values of a field's columns, in column order, as written (prose keeps its spaces). */
function values(r: ImportRecord, mapping: ColumnMapping, field: ImportField): { column: string; value: string }[] {
  const out: { column: string; value: string }[] = [];
  for (const column of mapping[field]) {
    const value = r.fields[column];
    if (value !== undefined && value.trim() !== '') out.push({ column, value });
  }
  return out;
}

/** What a field name is to the builder, mapped or not: one of our model's columns, a source_url, or other text. */
type Role = 'model' | 'source_url' | 'free';

/** Actors from one cell: a JSON array of names (our export, when a name holds ';'), else ';'-separated names. */
function actorsOf(value: string): string[] {
  if (value.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed as string[];
    } catch {
      // Not JSON: read as names.
    }
  }
  return value.split(';').map((a) => a.trim()).filter((a) => a !== '');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** A title from other text: its first line, tags removed, at most 120 characters (cut with …). */
function titleFrom(text: string): string {
  const line = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** An id for an imported record: its own if usable, else with unusable characters as '-', else from the file and the record's number. */
function recordId(own: unknown, table: ImportTable, r: ImportRecord): string {
  const text = typeof own === 'number' && Number.isFinite(own) ? String(own) : typeof own === 'string' ? own.trim() : '';
  if (ID_PATTERN.test(text)) return text;
  const cleaned = text.replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 200);
  if (cleaned !== '') return cleaned;
  return importedId(table.fileName, table.noun === 'row' || table.noun === 'placemark' || table.noun === 'track' ? table.noun : 'feature', r.index);
}

/** Sources from mapped columns: a URL becomes a linked source, other text a source by that name (';' separates several). */
function sourcesFrom(items: readonly { value: string }[]): Json[] {
  const out: Json[] = [];
  for (const { value } of items) {
    for (const part of value.split(/;\s*/)) {
      const p = part.trim();
      if (p === '') continue;
      out.push(HTTP.test(p) ? { title: p, url: p } : { title: p });
    }
  }
  return out;
}

/** The date truncated to a coarser precision ("2023-03-11" to month is "2023-03"); never made finer. */
function atPrecision(date: string, from: DatePrecision, to: DatePrecision): [string, DatePrecision] {
  if (PRECISION_RANK[to] <= PRECISION_RANK[from]) return [date, from];
  return [to === 'month' ? date.slice(0, 7) : date.slice(0, 4), to];
}

/** The precision a date_precision column states: ours (day, month, year) or ACLED's time_precision (1 day, 2 within a week, 3 within a month). */
function statedPrecision(value: string | undefined): DatePrecision | undefined {
  const v = value?.trim().toLowerCase();
  if (v === 'day' || v === 'month' || v === 'year') return v;
  if (v === '1' || v === '2') return 'day';
  if (v === '3') return 'month';
  return undefined;
}

class Builder {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  readonly dateForms = new Map<string, number>();
  readonly features: IndexedFeature[] = [];
  private readonly mapped: Set<string>;
  private readonly today: string;
  /** Each field name's role, worked out once per name rather than once per record. */
  private readonly roles = new Map<string, Role>();
  /** The names that read as source_title, met so far. */
  private readonly sourceTitles = new Set<string>();

  constructor(
    private readonly table: ImportTable,
    private readonly choice: ImportChoice,
    private readonly options: BuildImportOptions,
  ) {
    this.mapped = new Set(IMPORT_FIELDS.flatMap((f) => choice.mapping[f]));
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
  }

  private role(name: string): Role {
    let role = this.roles.get(name);
    if (role === undefined) {
      const lower = name.toLowerCase();
      if (lower === 'source_title') this.sourceTitles.add(name);
      role = MODEL_COLUMNS.has(lower) ? 'model' : lower === 'source_url' ? 'source_url' : 'free';
      this.roles.set(name, role);
    }
    return role;
  }

  problem(list: ImportProblem[], r: ImportRecord, kind: string, detail: string): void {
    list.push({ index: r.index, kind, message: `${this.table.fileName} ${this.table.label(r.index)}: ${detail}` });
  }

  /** A GeoJSON feature already in the incident model, taken as it is (our own export). */
  private asModelFeature(r: ImportRecord): IndexedFeature | undefined {
    if (!isObject(r.properties) || typeof r.properties.title !== 'string' || !Array.isArray(r.properties.sources)) return undefined;
    const feature = { type: 'Feature', id: recordId(r.featureId, this.table, r), geometry: r.geometry, properties: r.properties };
    return validateIncident(feature, r.index, { source: this.table.fileName, imported: true }).incident ? { index: r.index, feature } : undefined;
  }

  add(r: ImportRecord): void {
    if (r.problem !== undefined) return this.problem(this.errors, r, 'cannot be read', `${r.problem}; skipped`);
    const model = this.asModelFeature(r);
    if (model !== undefined) {
      this.features.push(model);
      return;
    }
    const { mapping } = this.choice;
    const one = (field: ImportField): { column: string; value: string } | undefined => values(r, mapping, field)[0];
    // Our own columns (on_border, quotes, sources as JSON, source_title …) read as the model writes them.
    // source_url belongs to our one-source columns only beside a source_title; alone it is a mapped source column.
    const ours: [string, string][] = [];
    let withTitle = false;
    for (const name in r.fields) {
      const role = this.role(name);
      const value = r.fields[name] ?? '';
      if (role !== 'free') ours.push([name, value]);
      if (this.sourceTitles.has(name) && value.trim() !== '') withTitle = true;
    }
    const modelRecord = textRecord(withTitle ? ours : ours.filter(([name]) => this.role(name) === 'model'));
    const base = recordToProperties(modelRecord);

    let geometry: unknown = r.geometry;
    if (mapping.latitude.length > 0 || mapping.longitude.length > 0) {
      const lat = one('latitude');
      const lon = one('longitude');
      if (lat === undefined || lon === undefined) {
        if (geometry === undefined || geometry === null) {
          const missing = [lat === undefined ? 'latitude' : undefined, lon === undefined ? 'longitude' : undefined].filter((m) => m !== undefined).join(' and ');
          return this.problem(this.errors, r, 'no coordinates', `no ${missing} (column ${describeValue(mapping[lat === undefined ? 'latitude' : 'longitude'][0] ?? '')} is empty); skipped`);
        }
      } else geometry = { type: 'Point', coordinates: [coordinate(lon.value), coordinate(lat.value)] };
    }
    // Our own export keeps a line's or area's whole geometry as GeoJSON in a `geometry` column.
    const geometryCell = modelRecord.geometry?.trim();
    if (geometryCell) {
      try {
        geometry = JSON.parse(geometryCell) as unknown;
      } catch {
        return this.problem(this.errors, r, 'geometry not GeoJSON', `geometry ${describeValue(geometryCell.slice(0, 40))} is not GeoJSON; skipped`);
      }
    }
    if (geometry === undefined || geometry === null) {
      return this.problem(this.errors, r, 'no coordinates', 'has no coordinates (no geometry and no latitude/longitude columns mapped); skipped');
    }

    const dateCell = one('date');
    if (dateCell === undefined) {
      return this.problem(this.errors, r, 'no date', mapping.date.length === 0 ? 'no date column is mapped; skipped' : `the date (column ${describeValue(dateCell ?? mapping.date[0])}) is empty; skipped`);
    }
    const read = readLooseDate(dateCell.value, { dayOrder: this.choice.dayOrder });
    dateCell.value = dateCell.value.trim();
    if (read === undefined) return this.problem(this.errors, r, 'date not understood', `date ${describeValue(dateCell.value)} not understood; skipped`);
    this.dateForms.set(read.form, (this.dateForms.get(read.form) ?? 0) + 1);
    const stated = statedPrecision(one('date_precision')?.value);
    const [date, precision] = stated === undefined ? [read.date, read.precision] : atPrecision(read.date, read.precision, stated);
    const year = Number(date.slice(0, 4));
    const latest = `${Number(this.today.slice(0, 4)) + 1}${this.today.slice(4)}`;
    if (year < 1900 || date > latest) {
      this.problem(this.warnings, r, `date outside 1900–${latest.slice(0, 4)}`, `date ${describeValue(dateCell.value)} read as ${date}, outside 1900 to a year from today`);
    }

    const titleCell = one('title');
    let title = titleCell?.value;
    if (title === undefined) {
      const fallback = values(r, mapping, 'description')[0] ?? this.firstText(r);
      if (fallback !== undefined) {
        title = titleFrom(fallback.value);
        this.problem(this.warnings, r, `no title: using '${fallback.column}'`, `no title; the title is taken from ${describeValue(fallback.column)}`);
      } else {
        title = 'Untitled';
        this.problem(this.warnings, r, "no title: 'Untitled'", "no title and no other text; titled 'Untitled'");
      }
    }

    const categoryValue = one('category')?.value.trim();
    const known = categoryValue === undefined ? undefined : CATEGORIES.find((c) => c === categoryValue.toLowerCase());
    const category = known ?? categoryValue ?? UNSPECIFIED_CATEGORY;
    const actors = unique(values(r, mapping, 'actors').flatMap(({ value }) => actorsOf(value)));
    const location = unique(values(r, mapping, 'location').map(({ value }) => value)).join(', ');
    const geoCell = one('geo_precision');
    const geoValue = geoCell?.value.trim().toLowerCase();
    let geoPrecision: Incident['geo_precision'] = 'unknown';
    if (geoValue !== undefined) {
      const known = ACLED_GEO_PRECISION[geoValue] ?? GEO_PRECISION_WORDS.find((p) => p === geoValue);
      if (known !== undefined) geoPrecision = known;
      else this.problem(this.warnings, r, 'location precision not understood', `location precision ${describeValue(geoCell?.value)} not understood: read as not stated`);
    }
    const description = values(r, mapping, 'description').map(({ value }) => value).join('\n\n');
    const sources = Array.isArray(base.sources) ? base.sources : sourcesFrom(values(r, mapping, 'source'));
    if (sources.length === 0) sources.push({ title: `Imported from ${this.table.fileName}` });

    const props: Json = {
      ...base,
      title,
      date,
      date_precision: precision,
      category,
      actors,
      location,
      geo_precision: geoPrecision,
      description,
      sources,
    };
    if (read.date !== dateCell.value || read.form === 'Solar Hijri') props.date_original = dateCell.value;
    // A KML TimeSpan's end bounds the event when the span began at its date.
    const spanEnd = dateCell.column === KML_TIME.begin ? readLooseDate(r.fields[KML_TIME.end] ?? '') : undefined;
    if (spanEnd?.precision === 'day' && spanEnd.date > date.padEnd(10, '-01').slice(0, 10)) props.date_latest = spanEnd.date;
    // Our own export's columns give back what an earlier import recorded.
    if (modelRecord.date_original !== undefined && modelRecord.date_original !== '') props.date_original = modelRecord.date_original;
    if ((r.htmlDescription === true || modelRecord.description_html === 'true') && description !== '') props.description_html = true;
    if (modelRecord.on_border_computed === 'true' && base.on_border !== undefined) props.on_border_computed = true;
    // A line's times: the reader's, or our export's `times` column; a column of that name beside any other geometry is just a field.
    const timesColumn = r.times === undefined ? Object.keys(r.fields).find((name) => name.toLowerCase() === 'times') : undefined;
    const times = r.times ?? (timesColumn === undefined ? undefined : lineTimesCell(r.fields[timesColumn] ?? '', geometry));
    if (times !== undefined) props.times = times;
    const extra = Object.create(null) as Record<string, string>;
    for (const name in r.fields) {
      const role = this.role(name);
      const value = r.fields[name] ?? '';
      if ((name === KML_TIME.end && props.date_latest !== undefined) || (name === timesColumn && times !== undefined)) continue;
      if (this.mapped.has(name) || role === 'model' || (withTitle && role === 'source_url') || value.trim() === '') continue;
      extra[name] = value;
    }
    if (Object.keys(extra).length > 0) props.extra = extra;
    if (base.on_border === undefined) {
      const near = this.nearestKm(geometry);
      if (near !== undefined) {
        props.on_border = near <= (this.options.onBorderKm ?? ON_BORDER_KM);
        props.on_border_computed = true;
      } else props.on_border = false;
    }
    const id = recordId(one('id')?.value.trim() ?? r.featureId, this.table, r);
    this.features.push({ index: r.index, feature: { type: 'Feature', id, geometry, properties: props } });
  }

  /** The first field, in the record's order, that is neither mapped nor ours and holds a letter: a title of last resort. */
  private firstText(r: ImportRecord): { column: string; value: string } | undefined {
    for (const name in r.fields) {
      const role = this.role(name);
      const value = r.fields[name] ?? '';
      if (role !== 'model' && !this.mapped.has(name) && /\p{L}/u.test(value)) return { column: name, value };
    }
    return undefined;
  }

  /** Km from a point, a line or an area to the border (a line or area by its nearest part); undefined without a border or for a geometry that is not valid. */
  private nearestKm(geometry: unknown): number | undefined {
    const distance = this.options.distanceToBorderKm;
    if (distance === undefined) return undefined;
    const at = this.pointOf(geometry);
    if (at !== undefined) return distance(at);
    const shape = readGeometry(() => undefined, geometry);
    if (shape === undefined) return undefined;
    if (this.options.shapeDistanceToBorderKm) return this.options.shapeDistanceToBorderKm(shape.geometry);
    let nearest: number | undefined;
    for (const p of positionsOf(shape.geometry.coordinates)) nearest = Math.min(nearest ?? Infinity, distance(p));
    return nearest;
  }

  private pointOf(geometry: unknown): LonLat | undefined {
    if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return undefined;
    const [lon, lat] = geometry.coordinates as unknown[];
    // Off the globe: validation names it; nothing is measured from it.
    const onGlobe = typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    return onGlobe ? [lon, lat] : undefined;
  }

  /** Warns of places that look wrong: [0, 0], latitude and longitude swapped, far from the region. */
  checkPlace(incident: Incident, r: ImportRecord): void {
    const [lon, lat] = incident.coordinates;
    const far = this.options.farKm ?? 1500;
    const distance = (at: LonLat): number => this.options.distanceToBorderKm?.(at) ?? haversineKm(at, REGION_CENTRE);
    if (lon === 0 && lat === 0) return this.problem(this.warnings, r, 'at [0, 0]', 'is at latitude 0, longitude 0, which usually means no place was given');
    const here = distance([lon, lat]);
    // Here the two numbers are alike (39 and 47), so swapping moves a point only about 1,000 km: compare with the swapped place.
    if (here > SWAP_KM && Math.abs(lon) <= 90 && distance([lat, lon]) <= SWAP_KM) {
      return this.problem(this.warnings, r, 'latitude and longitude likely swapped', `is at latitude ${lat}, longitude ${lon}; swapped, it would lie near the border`);
    }
    if (here <= far) return;
    this.problem(this.warnings, r, `more than ${far.toLocaleString('en')} km from the border`, `is at latitude ${lat}, longitude ${lon}, far outside the region`);
  }
}

/**
 * Turns an imported file's records into incidents with the user's column mapping: only coordinates
 * and a date are required. What the file does not say gets an honest default: title from the
 * description or the first text column ('Untitled' if none, each said in a warning), category
 * 'unspecified', no actors, geo_precision 'unknown', on_border computed from the distance to the
 * border (said so), a source "Imported from <file>". Dates are read in every form readLooseDate
 * knows, kept as written in date_original; other columns are kept in `extra`. A record already in
 * the incident model (our own GeoJSON export) is taken as it is. Pure: nothing is stored.
 */
export function buildImport(table: ImportTable, choice: ImportChoice, options: BuildImportOptions = {}): ImportPreview {
  const b = new Builder(table, choice, options);
  const total = table.records.length;
  table.records.forEach((r, i) => {
    b.add(r);
    if ((i + 1) % PROGRESS_STEP === 0) options.onProgress?.(i + 1, total);
  });
  options.onProgress?.(total, total);
  const label = table.label;
  const { incidents, errors } = validateFeatures(b.features, { source: table.fileName, label, imported: true, knownStretches: options.knownStretches });
  const byIndex = new Map(table.records.map((r) => [r.index, r]));
  const indexOfId = new Map<unknown, number>();
  for (const f of b.features) if (isObject(f.feature) && !indexOfId.has(f.feature.id)) indexOfId.set(f.feature.id, f.index);
  for (const incident of incidents) {
    const r = byIndex.get(indexOfId.get(incident.id) ?? Number.NaN);
    if (r !== undefined) b.checkPlace(incident, r);
  }
  const validation = errors.map((e) => ({ index: e.index, kind: `${e.field.replace(/\[\d+\]/g, '') || 'record'} not valid`, message: e.message }));
  const dates = table.records.flatMap((r) => values(r, choice.mapping, 'date').map(({ value }) => value));
  return {
    table,
    incidents,
    errors: [...b.errors, ...validation].sort((x, y) => x.index - y.index),
    warnings: [...(table.notes ?? []).map((message) => ({ index: -1, kind: 'read with changes (positions or values left out)', message })), ...b.warnings.sort((x, y) => x.index - y.index)],
    detectedDayOrder: numericDayOrder(dates),
    dateForms: b.dateForms,
  };
}

/** An incident's content without its id and the app's mark: the same file imported twice gives the same keys. */
export function contentKey(incident: Incident): string {
  const { id: _id, imported: _imported, ...content } = incident;
  return JSON.stringify(content);
}


/** Problems of one kind: how many, and the first few messages. */
export interface ProblemGroup {
  kind: string;
  count: number;
  examples: string[];
  /** Set when the problems are the file's, not any record's: what to count them as ("note"). */
  noun?: string;
}

/** Problems grouped by kind, largest group first, with at most `examples` (default 3) messages each. */
export function groupProblems(problems: readonly ImportProblem[], { examples = 3 }: { examples?: number } = {}): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const g = groups.get(p.kind) ?? { kind: p.kind, count: 0, examples: [], ...(p.index === -1 ? { noun: 'note' } : {}) };
    if (p.index !== -1) delete g.noun;
    g.count += 1;
    if (g.examples.length < examples) g.examples.push(p.message);
    groups.set(p.kind, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
