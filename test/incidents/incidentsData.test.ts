import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BorderIndex, countryAt, distanceKm, inPolygon, readStretches, type LonLat } from '../../src/geo';
import { CATEGORIES, DATE_PRECISIONS, GEO_PRECISIONS, parseIncidents, type Incident } from '../../src/incidents';
import { firstDayOf, parsePartialDate, type PartialDate } from '../../src/incidents/partialDate';

const FILE = new URL('../../data/incidents.geojson', import.meta.url);
const BORDER = new URL('../../data/border.geojson', import.meta.url);
const SEGMENTS = new URL('../../data/segments.geojson', import.meta.url);
const LAND = new URL('../../data/basemap/land-region.geojson', import.meta.url);
const SEED = new URL('../../../shared/seed/azerbaijan-iran-warplane-2023-03-20.txt', import.meta.url);
const ARTICLE_URL = 'https://www.caspianpolicy.org/research/security-and-politics-program-spp/azerbaijan-iran-relations-further-deteriorate-as-iran-flies-warplane-along-border';
const JOINT_STATEMENT_URL = 'https://brussels.mfa.gov.az/en/news/4054/azerbaycan-respublikasi-xarici-isler-nazirliyi-ve-azerbaycan-respublikasi-mudafie-nazirliyinin-birge-beyanati';
const BAKU: LonLat = [49.8671, 40.4093];
const TEHRAN: LonLat = [51.389, 35.6892];

type Json = Record<string, unknown>;

function raw(): { features: { id?: unknown; geometry?: Json; properties?: Json }[] } {
  return JSON.parse(readFileSync(FILE, 'utf8')) as { features: { id?: unknown; geometry?: Json; properties?: Json }[] };
}

function load(): { incidents: Incident[]; errors: unknown[] } {
  return parseIncidents(JSON.parse(readFileSync(FILE, 'utf8')) as unknown, 'incidents.geojson');
}

function byId(id: string): Incident {
  const incident = load().incidents.find((i) => i.id === id);
  if (incident === undefined) throw new Error(`no incident ${id}`);
  return incident;
}

function json(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

/** The last day a partial date covers, as YYYY-MM-DD. */
function lastDayOf(date: PartialDate): string {
  if (date.precision === 'day') return firstDayOf(date);
  const month = date.month ?? 12;
  const last = new Date(Date.UTC(date.year, month, 0)).getUTCDate();
  return `${String(date.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function parsed(text: string): PartialDate {
  const date = parsePartialDate(text);
  if (date === null) throw new Error(`'${text}' is not a date`);
  return date;
}

describe('data/incidents.geojson: every incident', () => {
  it('validates with no errors', () => {
    const { incidents, errors } = load();
    expect(errors).toEqual([]);
    expect(incidents.length).toBe(raw().features.length);
  });

  it('has, read straight from the file, every field the model requires, of the right kind', () => {
    const ids = new Set<string>();
    for (const [i, f] of raw().features.entries()) {
      const where = `feature ${i} (${String(f.id)})`;
      expect(typeof f.id, where).toBe('string');
      expect(ids.has(f.id as string), `${where}: repeated id`).toBe(false);
      ids.add(f.id as string);
      // The flight is drawn as the corridor its source describes; every other incident is a point.
      expect(f.geometry?.type, where).toBe(f.id === '2023-03-11-aircraft-flight-zangilan-bilasuvar' ? 'Polygon' : 'Point');
      const [lon, lat] = (f.geometry?.type === 'Polygon' ? (f.geometry.coordinates as number[][][])[0][0] : f.geometry?.coordinates) as number[];
      expect(Math.abs(lon ?? NaN), where).toBeLessThanOrEqual(180);
      expect(Math.abs(lat ?? NaN), where).toBeLessThanOrEqual(90);
      const p = f.properties ?? {};
      for (const key of ['title', 'date', 'location', 'description']) {
        expect(typeof p[key] === 'string' && (p[key] as string).trim() !== '', `${where}: ${key}`).toBe(true);
      }
      expect(DATE_PRECISIONS, `${where}: date_precision`).toContain(p.date_precision);
      expect(GEO_PRECISIONS, `${where}: geo_precision`).toContain(p.geo_precision);
      expect(CATEGORIES, `${where}: category`).toContain(p.category);
      expect(typeof p.on_border, `${where}: on_border`).toBe('boolean');
      expect(Array.isArray(p.actors), `${where}: actors`).toBe(true);
      expect(Array.isArray(p.quotes), `${where}: quotes`).toBe(true);
      expect(Array.isArray(p.sources) && (p.sources as unknown[]).length > 0, `${where}: sources`).toBe(true);
      if (p.duration_minutes !== undefined) expect(p.duration_minutes, `${where}: duration_minutes`).toBeGreaterThan(0);
    }
  });

  it('cites at least one source with an http(s) address, each source titled, published and dated', () => {
    for (const incident of load().incidents) {
      const web = incident.sources.filter((s) => s.url !== undefined && /^https?:\/\//.test(s.url));
      expect(web.length, incident.id).toBeGreaterThan(0);
      for (const s of incident.sources) {
        expect(s.title.trim(), incident.id).not.toBe('');
        expect(s.publisher?.trim(), incident.id).not.toBe('');
        expect(parsePartialDate(s.date ?? ''), `${incident.id}: source date ${s.date}`).not.toBeNull();
      }
    }
  });

  it('gives dates that fall inside their stated precision and inside what the sources could report', () => {
    for (const incident of load().incidents) {
      const date = parsed(incident.date);
      expect(date.precision, incident.id).toBe(incident.date_precision);
      const first = firstDayOf(date);
      // A window: its last day is a real day, not before the first day of `date`.
      const last = incident.date_latest ?? lastDayOf(date);
      if (incident.date_latest !== undefined) {
        expect(parsed(incident.date_latest).precision, incident.id).toBe('day');
        expect(incident.date_latest >= first, incident.id).toBe(true);
      }
      // No event is dated after everything that reports it was published.
      const latestSource = incident.sources.map((s) => lastDayOf(parsed(s.date ?? ''))).sort().at(-1) ?? '';
      expect(first <= latestSource, `${incident.id}: ${first} after its latest source ${latestSource}`).toBe(true);
      expect(last >= first, incident.id).toBe(true);
    }
  });

  it('keeps the ids unique and stable in form', () => {
    const ids = load().incidents.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^\d{4}(-[a-z0-9]+)+$/);
  });

  it('quotes either the seed article verbatim or says whose wording it is', () => {
    const article = existsSync(SEED) ? readFileSync(SEED, 'utf8') : null;
    for (const incident of load().incidents) {
      for (const quote of incident.quotes) {
        const role = quote.role ?? '';
        expect(role, `${incident.id}: a quote names its speaker's role and whose wording it is`).not.toBe('');
        if (role.includes('Caspian Policy Center article') && article !== null) expect(article, incident.id).toContain(quote.text);
        if (!role.includes('Caspian Policy Center article')) expect(role, incident.id).toMatch(/as given by|statement/);
      }
    }
  });

  it('states the map’s own border figures as drawn, never as the border on the ground, and no single flight speed', () => {
    for (const incident of load().incidents) {
      const text = `${incident.title} ${incident.description} ${incident.location}`;
      if (/\b(248\.8|502\.98|503\.0|223\.12|124\.4|351\.9|100\.4)\b/.test(text)) expect(text, incident.id).toContain('as drawn');
      expect(text, incident.id).not.toMatch(/km\/h/);
    }
  });

  it('says what a region or near marker stands for', () => {
    for (const incident of load().incidents) {
      if (incident.geo_precision === 'exact') continue;
      expect(incident.description, incident.id).toMatch(/marker/i);
    }
  });
});

describe('data/incidents.geojson: the record of the 2023 flight and the events around it', () => {
  it('has the flight from the joint statement: 11 March 2023, 09:44–10:26 (42 minutes), out and back, both sides’ accounts', () => {
    const flight = byId('2023-03-11-aircraft-flight-zangilan-bilasuvar');
    expect(flight).toMatchObject({
      date: '2023-03-11',
      date_precision: 'day',
      duration_minutes: 42,
      category: 'airspace',
      stretch: 'zangilan-bilasuvar',
      geo_precision: 'region',
      on_border: true,
    });
    expect(flight.sources[0]?.url).toBe(JOINT_STATEMENT_URL);
    expect(flight.sources.map((s) => s.url)).toContain(ARTICLE_URL);
    expect(flight.sources.some((s) => s.publisher?.startsWith('IRNA') === true && s.date === '2023-03-13')).toBe(true);
    expect(flight.description).toContain('09:44 to 10:26');
    expect(flight.description).toMatch(/3–5 km/);
    expect(flight.description).toMatch(/over Iranian territory/);
    expect(flight.description).toMatch(/corridor/);
  });

  it.skipIf(!existsSync(BORDER) || !existsSync(SEGMENTS) || !existsSync(LAND))(
    'draws the flight as its corridor, with the marker inside it, in Iran, 3–5 km from the border',
    () => {
      const flight = byId('2023-03-11-aircraft-flight-zangilan-bilasuvar');
      expect(flight.geometry.type).toBe('Polygon');
      const rings = flight.geometry.type === 'Polygon' ? flight.geometry.coordinates : [];
      expect(inPolygon(flight.coordinates[0], flight.coordinates[1], rings)).toBe(true);
      const index = new BorderIndex(json(BORDER));
      const snap = index.snap(flight.coordinates);
      expect(snap.lineId).toBe('mainland');
      expect(snap.distanceKm).toBeGreaterThanOrEqual(3);
      expect(snap.distanceKm).toBeLessThanOrEqual(5);
      const stretch = readStretches(json(SEGMENTS)).get('zangilan-bilasuvar');
      if (!stretch) throw new Error('no stretch zangilan-bilasuvar');
      expect(snap.chainageKm).toBeLessThan(stretch.lengthKm);
      expect(countryAt(json(LAND) as Parameters<typeof countryAt>[0], flight.coordinates)).toBe('IRN');
    },
  );

  it('has the summoning in Baku on 11 March 2023 with the joint statement’s own words, at Baku’s centre, said to be near', () => {
    const summoning = byId('2023-03-11-iranian-ambassador-summoned-baku');
    expect(summoning).toMatchObject({ date: '2023-03-11', date_precision: 'day', category: 'diplomatic', on_border: false, geo_precision: 'near', coordinates: BAKU });
    expect(summoning.actors).toContain('Seyyed Abbas Mousavi');
    expect(summoning.sources[0]?.url).toBe(JOINT_STATEMENT_URL);
    const quoted = summoning.quotes.map((q) => q.text).join(' ');
    expect(quoted).toContain('near the liberated territories of Azerbaijan');
    expect(quoted).toContain('urge them to provide an appropriate explanation, and refrain from such confrontational steps');
  });

  it('has the “Mighty Iran” drills from 17 October 2022, saying where each report puts them', () => {
    const drills = byId('2022-10-mighty-iran-drills-aras');
    expect(drills).toMatchObject({ date: '2022-10-17', date_precision: 'day', category: 'military-exercise', geo_precision: 'region', on_border: true });
    expect(drills.description).toMatch(/three days/);
    expect(drills.description).toMatch(/Fuzuli/);
    expect(drills.description).toMatch(/Nakhchivan/);
  });

  it('has the embassy attack on 27 January 2023 at about 08:00 in Pasdaran, with the embassy as target, not actor', () => {
    const attack = byId('2023-01-embassy-attack-tehran');
    expect(attack).toMatchObject({ date: '2023-01-27', date_precision: 'day', category: 'attack', on_border: false, geo_precision: 'near' });
    expect(attack.location).toContain('16 Rastovan Street, Pasdaran');
    expect(attack.description).toContain('08:00');
    expect(attack.actors.join(' ')).not.toMatch(/embassy/i);
    // Pasdaran, about 10 km north-east of the city-centre point, not the centre itself.
    const fromCentre = distanceKm(TEHRAN, attack.coordinates);
    expect(fromCentre).toBeGreaterThan(8);
    expect(fromCentre).toBeLessThan(12);
    expect(attack.coordinates[0]).toBeGreaterThan(TEHRAN[0]);
    expect(attack.coordinates[1]).toBeGreaterThan(TEHRAN[1]);
  });

  it('dates the statements as their sources do: Aliyev 25 Nov 2022 in Baku, Kanaani 13 Mar 2023 in Tehran, Mammadov by 10 Mar 2023', () => {
    expect(byId('2022-10-to-2023-03-aliyev-on-border-drills')).toMatchObject({ date: '2022-11-25', date_precision: 'day', geo_precision: 'near', coordinates: BAKU });
    expect(byId('2022-10-to-2023-03-aliyev-on-border-drills').location).toContain('ADA University');
    expect(byId('2023-03-kanani-criticises-summoning')).toMatchObject({ date: '2023-03-13', date_precision: 'day', coordinates: TEHRAN });
    expect(byId('2023-mammadov-rejects-iranian-claims')).toMatchObject({ date: '2023-03', date_precision: 'month', date_latest: '2023-03-10' });
    expect(byId('2023-mammadov-rejects-iranian-claims').description).toMatch(/Haaretz/);
  });

  it('bounds the undated Azerbaijani drills by the Mighty Iran drills and Aliyev’s speech', () => {
    expect(byId('2022-10-to-2023-03-azerbaijani-drills-iranian-border')).toMatchObject({
      date: '2022-10-17',
      date_precision: 'day',
      date_latest: '2022-11-25',
      category: 'military-exercise',
      geo_precision: 'region',
      on_border: true,
    });
  });

  it.skipIf(!existsSync(BORDER))('puts the Azerbaijani drills marker where its text says: the midpoint of the mainland land border as drawn', () => {
    const drills = byId('2022-10-to-2023-03-azerbaijani-drills-iranian-border');
    const snap = new BorderIndex(json(BORDER)).snap(drills.coordinates);
    // Land sections of the mainland line run from 200.788 km (the border leaves the Aras) to 502.976 km.
    expect(snap.chainageKm).toBeCloseTo((200.788196 + 502.976021) / 2, 1);
    expect(snap.distanceKm).toBeLessThan(0.01);
    expect(drills.description).toContain('351.9 km');
  });

  // data/segments.geojson is generated by data/build; skip until it is there.
  it.skipIf(!existsSync(SEGMENTS))('names only stretches that exist in data/segments.geojson', () => {
    const segments = json(SEGMENTS) as { features: { id?: unknown; properties?: { id?: unknown } }[] };
    const known = new Set(segments.features.map((f) => String(f.properties?.id ?? f.id)));
    const { errors } = parseIncidents(json(FILE), 'incidents.geojson', { knownStretches: known });
    expect(errors).toEqual([]);
  });
});
