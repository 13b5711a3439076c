import { CATEGORIES, parsePartialDate, type Category } from '../incidents';

/** What a link restores besides the map view (the hash) and a measurement. */
export interface ViewState {
  /** First day shown, YYYY-MM-DD. */
  from?: string;
  /** Last day shown, YYYY-MM-DD. */
  to?: string;
  /** Categories shown; absent means all. */
  categories?: Category[];
  /** Only incidents within this many km of the border. */
  within?: number;
  /** The open incident. */
  incident?: string;
}

const KEYS = ['from', 'to', 'category', 'within', 'incident'] as const;

function isDay(value: string): boolean {
  return parsePartialDate(value)?.precision === 'day';
}

/** Reads the view from a query string; each unknown or malformed value is dropped and named in `problems`. */
export function parseViewState(search: string): { state: ViewState; problems: string[] } {
  const params = new URLSearchParams(search);
  const state: ViewState = {};
  const problems: string[] = [];
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (isDay(value)) state[key] = value;
    else problems.push(`${key}='${value}' is not a date (YYYY-MM-DD): ignored`);
  }
  if (state.from && state.to && state.from > state.to) {
    problems.push(`from=${state.from} is after to=${state.to}: both ignored`);
    delete state.from;
    delete state.to;
  }
  const category = params.get('category');
  if (category !== null) {
    const names = category.split(',').filter((s) => s !== '');
    const known = names.filter((n): n is Category => (CATEGORIES as readonly string[]).includes(n));
    const unknown = names.filter((n) => !(CATEGORIES as readonly string[]).includes(n));
    if (unknown.length > 0) problems.push(`unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `'${u}'`).join(', ')}: ignored`);
    if (known.length > 0 || names.length === 0) state.categories = known;
  }
  const within = params.get('within');
  if (within !== null) {
    const km = Number(within);
    if (within.trim() !== '' && Number.isFinite(km) && km >= 0) state.within = km;
    else problems.push(`within='${within}' is not a distance in km: ignored`);
  }
  const incident = params.get('incident');
  if (incident) state.incident = incident;
  return { state, problems };
}

/** The query string for a view, keeping any other parameters (such as ?measure=) as they were. */
export function viewStateToSearch(state: ViewState, current: string): string {
  const params = new URLSearchParams(current);
  for (const key of KEYS) params.delete(key);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.categories) params.set('category', state.categories.join(','));
  if (state.within !== undefined) params.set('within', String(state.within));
  if (state.incident) params.set('incident', state.incident);
  // Commas and semicolons are legal in a query; left unescaped, links stay readable.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3B/g, ';');
  return text ? `?${text}` : '';
}
