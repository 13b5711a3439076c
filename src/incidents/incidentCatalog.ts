import { incidentSpan } from './dayNumber';
import { Selection } from './selection';
import { runNow } from './steps';
import { categoryLabel, type Incident } from './types';

/** What the map and list show; every field left out lets everything through. */
export interface IncidentFilter {
  /** First day shown (days since 1970-01-01); an incident shows if any day of its span is in range. */
  from?: number;
  /** Last day shown. */
  to?: number;
  /** Categories shown; default all. */
  categories?: ReadonlySet<string>;
  /** Only incidents whose geometry comes within this many km of the border (its nearest part); default no limit. */
  withinKm?: number;
  /**
   * Words to find: an incident passes when each appears (ignoring case and accents) in its title,
   * description, place, actors, category or an imported file's other fields; default no search.
   */
  text?: string;
  /** Only incidents with this actor among their actors (ignoring case and accents); default every actor. */
  actor?: string;
}

/** An actor named by the incidents, with how many name it. */
export interface ActorCount {
  name: string;
  count: number;
}

/**
 * Lower case without accents, with Azerbaijani ı and ə as English spellings write them (i, a): so
 * "Horadiz" finds "Horadız", "Bilasuvar" finds "Biləsuvar" and "ARAS" finds "Aras".
 */
export function searchForm(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i').replace(/ə/g, 'a');
}

/** The words of a search, in search form; none for blank text. */
export function searchWords(text: string): string[] {
  return searchForm(text).split(/\s+/).filter((w) => w !== '');
}

/** Each incident's first and last day (days since 1970-01-01), pausing after every `budget` incidents. */
function* daySpans(incidents: readonly Incident[], budget = 20_000): Generator<void, { start: Int32Array; end: Int32Array }> {
  const start = new Int32Array(incidents.length);
  const end = new Int32Array(incidents.length);
  for (let i = 0; i < incidents.length; i++) {
    if (i > 0 && i % budget === 0) yield;
    [start[i], end[i]] = incidentSpan(incidents[i]);
  }
  return { start, end };
}

/** Folds actors to search form, each distinct spelling once: a few hundred names recur across thousands of incidents. */
function actorFolder(): (actor: string) => string {
  const folded = new Map<string, string>();
  return (actor) => {
    let form = folded.get(actor);
    if (form === undefined) folded.set(actor, (form = searchForm(actor.trim())));
    return form;
  };
}

/**
 * Incidents with their day spans and border distances computed once, so that filtering on every
 * frame of a timeline drag is a flat O(n) scan over typed arrays.
 */
export class IncidentCatalog {
  readonly incidents: readonly Incident[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  private readonly distanceOf: (incident: Incident) => number;
  private distances: Float64Array | undefined;
  private texts: string[] | undefined;
  private actorForms: string[][] | undefined;

  /**
   * @param distanceKm the distance of the incident's nearest part to the border; default unknown (NaN: never "within").
   * @param spans each incident's first and last day, when already computed (see {@link IncidentCatalog.inSteps}).
   */
  constructor(incidents: readonly Incident[], distanceKm: (incident: Incident) => number = () => Number.NaN, spans?: { start: Int32Array; end: Int32Array }) {
    this.incidents = incidents;
    this.distanceOf = distanceKm;
    ({ start: this.start, end: this.end } = spans ?? runNow(daySpans(incidents)));
  }

  /** A catalog built with pauses after every `budget` incidents (for many incidents: each pause can end a task). */
  static *inSteps(incidents: readonly Incident[], distanceKm?: (incident: Incident) => number, budget = 20_000): Generator<void, IncidentCatalog> {
    return new IncidentCatalog(incidents, distanceKm, yield* daySpans(incidents, budget));
  }

  /** Every actor named, most often named first (then by name); spellings that differ only in case or accents count as one. */
  actors(): ActorCount[] {
    return runNow(this.actorsInSteps());
  }

  /** actors(), pausing after every `budget` incidents (for many incidents: each pause can end a task). */
  *actorsInSteps(budget = 20_000): Generator<void, ActorCount[]> {
    const fold = actorFolder();
    const forms: string[][] = [];
    const byForm = new Map<string, ActorCount>();
    for (let i = 0; i < this.incidents.length; i++) {
      if (i > 0 && i % budget === 0) yield;
      const { actors } = this.incidents[i];
      const mine = actors.map(fold);
      forms.push(mine);
      const counted = new Set<string>();
      mine.forEach((form, k) => {
        if (form === '' || counted.has(form)) return;
        counted.add(form);
        const known = byForm.get(form);
        if (known) known.count++;
        else byForm.set(form, { name: actors[k].trim(), count: 1 });
      });
    }
    this.actorForms ??= forms;
    return [...byForm.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Each incident's actors in search form (by position), built on first use. */
  private get actorsInSearchForm(): readonly (readonly string[])[] {
    const fold = actorFolder();
    this.actorForms ??= this.incidents.map((i) => i.actors.map(fold));
    return this.actorForms;
  }

  /** Each incident's searchable text in search form, built on first search. */
  private get haystacks(): readonly string[] {
    this.texts ??= this.incidents.map((i) => searchForm([
      i.title, i.description, i.location, i.actors.join(' '), i.category, categoryLabel(i.category), ...Object.values(i.extra ?? {}),
    ].join('\n')));
    return this.texts;
  }

  /** Each incident's distance to the border, computed on first use: most views never filter by it. */
  get distanceKm(): Float64Array {
    this.distances ??= Float64Array.from(this.incidents, this.distanceOf);
    return this.distances;
  }

  /** The first and last day any incident covers; [0, 0] when empty. */
  get domain(): [number, number] {
    if (this.incidents.length === 0) return [0, 0];
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < this.start.length; i++) {
      if (this.start[i] < lo) lo = this.start[i];
      if (this.end[i] > hi) hi = this.end[i];
    }
    return [lo, hi];
  }

  /** The incidents that pass, as a mask over the catalog's incidents (`.incidents` lists them in catalog order). */
  select(filter: IncidentFilter): Selection {
    const mask = new Uint8Array(this.incidents.length);
    this.scan(filter, false, (i) => { mask[i] = 1; });
    return new Selection(this.incidents, mask);
  }

  /** Catalog indices of the incidents that pass; `ignoreTime` skips the date range (for the timeline's marks). */
  indices(filter: IncidentFilter, { ignoreTime = false }: { ignoreTime?: boolean } = {}): number[] {
    const out: number[] = [];
    this.scan(filter, ignoreTime, (i) => { out.push(i); });
    return out;
  }

  private scan(filter: IncidentFilter, ignoreTime: boolean, pass: (index: number) => void): void {
    const from = ignoreTime || filter.from === undefined ? -Infinity : filter.from;
    const to = ignoreTime || filter.to === undefined ? Infinity : filter.to;
    const { categories, withinKm } = filter;
    const distances = withinKm === undefined ? undefined : this.distanceKm;
    const words = searchWords(filter.text ?? '');
    const actor = filter.actor === undefined ? undefined : searchForm(filter.actor.trim());
    const texts = words.length > 0 ? this.haystacks : undefined;
    const actorForms = actor === undefined ? undefined : this.actorsInSearchForm;
    for (let i = 0; i < this.incidents.length; i++) {
      if (this.end[i] < from || this.start[i] > to) continue;
      if (categories && !categories.has(this.incidents[i].category)) continue;
      if (distances && withinKm !== undefined && !(distances[i] <= withinKm)) continue;
      if (texts && !words.every((w) => texts[i].includes(w))) continue;
      if (actor !== undefined && actorForms && !actorForms[i].includes(actor)) continue;
      pass(i);
    }
  }
}
