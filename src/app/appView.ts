import { CATEGORIES, parsePartialDate, type Category } from '../incidents';
import type { LonLat } from '../geo';
import type { ListOrder } from '../ui/IncidentListControl';

/** Where the map looks: the `#zoom/lat/lng[/bearing[/pitch]]` part of a link. */
export interface Camera {
  zoom: number;
  center: LonLat;
  bearing?: number;
  pitch?: number;
}

/** Everything a link restores: the map's camera, the filters, the open incident and a measurement. */
export interface AppView {
  camera?: Camera;
  /** First day shown, YYYY-MM-DD. */
  from?: string;
  /** Last day shown, YYYY-MM-DD. */
  to?: string;
  /** Categories shown; absent means all. */
  categories?: Category[];
  /** Only incidents within this many km of the border. */
  within?: number;
  /** Words to find in the incidents (the list's search box). */
  query?: string;
  /** Only incidents naming this actor. */
  actor?: string;
  /** The list's order; absent means by date. */
  sort?: ListOrder;
  /** The open incident. */
  incident?: string;
  /** The two ends of an along-border measurement. */
  measure?: [LonLat, LonLat];
}

export interface ParsedView {
  view: AppView;
  /** One line for each value that was ignored, naming it and why. */
  problems: string[];
}

const KEYS = ['from', 'to', 'category', 'within', 'q', 'actor', 'sort', 'incident', 'measure'] as const;
type Key = (typeof KEYS)[number];
const DECIMAL = /^\d+(\.\d+)?$/;

function isDay(value: string): boolean {
  return parsePartialDate(value)?.precision === 'day';
}

function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Parses `lon,lat;lon,lat` (the ?measure= form); an error names the bad part. */
export function parseMeasureParam(value: string): { points: [LonLat, LonLat] } | { error: string } {
  const parts = value.split(';');
  if (parts.length !== 2) return { error: `measure='${clip(value)}' needs two points, lon,lat;lon,lat: ignored` };
  const points: LonLat[] = [];
  for (const part of parts) {
    const nums = part.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    const [lon, lat] = nums;
    if (nums.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return { error: `measure: '${clip(part)}' is not a lon,lat pair: ignored` };
    }
    points.push([lon, lat]);
  }
  return { points: [points[0], points[1]] };
}

/** Writes the ?measure= form of two points, to 6 decimals (about 0.1 m). */
export function formatMeasureParam(points: readonly LonLat[]): string {
  return points.map((p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`).join(';');
}

/** Reads `#zoom/lat/lng[/bearing[/pitch]]`; an empty hash is no camera, a malformed one is a problem. */
export function parseCameraHash(hash: string): { camera?: Camera; problem?: string } {
  const text = hash.replace(/^#/, '');
  if (text === '') return {};
  const parts = text.split('/');
  const nums = parts.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
  const [zoom, lat, lng, bearing, pitch] = nums;
  const ok = parts.length >= 3 && parts.length <= 5 && nums.every(Number.isFinite)
    && zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    && (pitch === undefined || (pitch >= 0 && pitch <= 85));
  if (!ok) return { problem: `map position '#${clip(text)}' is not #zoom/lat/lng (zoom 0–24): ignored` };
  const camera: Camera = { zoom, center: [lng, lat] };
  if (bearing !== undefined && bearing !== 0) camera.bearing = bearing;
  if (pitch !== undefined && pitch !== 0) camera.pitch = pitch;
  return { camera };
}

/** `#zoom/lat/lng` with as many decimals as the zoom can show (about a pixel), bearing and pitch when set. */
export function formatCameraHash(camera: Camera): string {
  const zoom = Math.round(camera.zoom * 100) / 100;
  const digits = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const round = (x: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);
  const parts = [String(zoom), round(camera.center[1]), round(camera.center[0])];
  const bearing = Math.round((camera.bearing ?? 0) * 10) / 10;
  const pitch = Math.round(camera.pitch ?? 0);
  if (bearing !== 0 || pitch !== 0) parts.push(String(bearing));
  if (pitch !== 0) parts.push(String(pitch));
  return `#${parts.join('/')}`;
}

/** Reads a view from a link's query and hash; each unknown, repeated or malformed value is named in `problems`. */
export function parseAppView(search: string, hash: string): ParsedView {
  const params = new URLSearchParams(search);
  const view: AppView = {};
  const problems: string[] = [];
  const one = (key: Key): string | null => {
    const all = params.getAll(key);
    if (all.length > 1) problems.push(`${key} is given ${all.length} times: the first is used`);
    return all.length > 0 ? all[0] : null;
  };
  for (const key of new Set(params.keys())) {
    if (!(KEYS as readonly string[]).includes(key)) problems.push(`unknown parameter '${clip(key)}': ignored`);
  }
  for (const key of ['from', 'to'] as const) {
    const value = one(key);
    if (value === null) continue;
    if (isDay(value)) view[key] = value;
    else problems.push(`${key}='${clip(value)}' is not a date (YYYY-MM-DD): ignored`);
  }
  if (view.from && view.to && view.from > view.to) {
    problems.push(`from=${view.from} is after to=${view.to}: both ignored`);
    delete view.from;
    delete view.to;
  }
  const category = one('category');
  if (category !== null) {
    const names = category.split(',').filter((s) => s !== '');
    const isKnown = (n: string): n is Category => (CATEGORIES as readonly string[]).includes(n);
    const unknown = names.filter((n) => !isKnown(n));
    if (unknown.length > 0) problems.push(`unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `'${clip(u)}'`).join(', ')}: ignored`);
    if (names.length === 0) problems.push('category= names no category: no incident is shown');
    const known = names.filter(isKnown);
    if (known.length > 0 || names.length === 0) view.categories = known;
  }
  const within = one('within');
  if (within !== null) {
    if (DECIMAL.test(within.trim())) view.within = Number(within.trim());
    else problems.push(`within='${clip(within)}' is not a distance in km: ignored`);
  }
  const query = one('q');
  if (query !== null && query.trim() !== '') view.query = query.trim();
  const actor = one('actor');
  if (actor !== null && actor.trim() !== '') view.actor = actor.trim();
  const sort = one('sort');
  if (sort === 'distance' || sort === 'date') view.sort = sort;
  else if (sort !== null) problems.push(`sort='${clip(sort)}' is not date or distance: ignored`);
  const incident = one('incident');
  if (incident) view.incident = incident;
  const measure = one('measure');
  if (measure !== null) {
    const parsed = parseMeasureParam(measure);
    if ('error' in parsed) problems.push(parsed.error);
    else view.measure = parsed.points;
  }
  const { camera, problem } = parseCameraHash(hash);
  if (camera) view.camera = camera;
  if (problem) problems.push(problem);
  return { view, problems };
}

/** The query string and hash of a view, in a fixed order, with `,` and `;` left readable. */
export function formatAppView(view: AppView): { search: string; hash: string } {
  const params = new URLSearchParams();
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.categories) params.set('category', view.categories.join(','));
  if (view.within !== undefined) params.set('within', String(view.within));
  if (view.query) params.set('q', view.query);
  if (view.actor) params.set('actor', view.actor);
  if (view.sort === 'distance') params.set('sort', 'distance');
  if (view.incident) params.set('incident', view.incident);
  if (view.measure) params.set('measure', formatMeasureParam(view.measure));
  // Commas and semicolons are legal in a query; left unescaped, links stay readable.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3B/g, ';');
  return { search: text ? `?${text}` : '', hash: view.camera ? formatCameraHash(view.camera) : '' };
}
