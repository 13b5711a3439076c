import type { FeatureCollection } from 'geojson';
import { BorderIndex, readSections, readStretches, type Section } from '../geo';
import { parseIncidents, type Incident } from '../incidents';
import type { BorderContext } from '../ui/incidentMeasures';

/** How a loader tells the user what went wrong: a title, detail lines and how serious it is. */
export type Report = (title: string, lines: readonly string[], kind: 'info' | 'warning' | 'error') => void;

/** Where the data files are served from (URLs Vite gives the committed files). */
export interface DataUrls {
  incidents: string;
  border: string;
  sections: string;
  segments: string;
  regionLand: string;
}

export interface BorderData {
  context: BorderContext;
  sections: Section[];
  /** The border's GeoJSON as loaded: the import worker builds its own index from it. */
  lines: unknown;
}

/** How a file is fetched: `fetch`, or a response the page asked for before this module loaded. */
export type Fetch = (url: string) => Promise<Response>;

async function fetchJson(url: string, name: string, fetcher: Fetch): Promise<unknown> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

/** The committed incidents that validate; each bad one is reported by its index and field, and skipped. */
export async function loadIncidents(url: string, report: Report, fetcher: Fetch = fetch): Promise<Incident[]> {
  try {
    const { incidents, errors } = parseIncidents(await fetchJson(url, 'incidents.geojson', fetcher), 'incidents.geojson');
    if (errors.length > 0) {
      report(`${errors.length} incident${errors.length > 1 ? 's' : ''} skipped: bad data`, errors.map((e) => e.message), 'warning');
    }
    return incidents;
  } catch (err) {
    report('Could not load incidents.geojson', [String(err)], 'error');
    return [];
  }
}

/** The border index, sections, stretches and land sides; null (and a report) when any file fails. */
export async function loadBorder(urls: DataUrls, report: Report, fetcher: Fetch = fetch): Promise<BorderData | null> {
  try {
    const [border, sections, segments, land] = await Promise.all([
      fetchJson(urls.border, 'border.geojson', fetcher),
      fetchJson(urls.sections, 'border-sections.geojson', fetcher),
      fetchJson(urls.segments, 'segments.geojson', fetcher),
      fetchJson(urls.regionLand, 'land-region.geojson', fetcher) as Promise<FeatureCollection>,
    ]);
    const context: BorderContext = { index: new BorderIndex(border), land, stretches: readStretches(segments) };
    return { context, sections: readSections(sections), lines: border };
  } catch (err) {
    report('Could not load the border data: measuring is off', [String(err)], 'error');
    return null;
  }
}
