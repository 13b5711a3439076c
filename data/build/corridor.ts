/**
 * The corridor of the 11 March 2023 flight as the joint statement of Azerbaijan's Foreign and
 * Defence ministries describes it: along the Zangilan–Bilasuvar stretch, "at a distance of 3-5 km
 * from the state border", drawn on the Iranian side (where Iran said the aircraft stayed).
 *
 * Method: every STEP_KM along the stretch, a point is put NEAR_KM and FAR_KM from the stretch,
 * perpendicular to its local direction (over ±TANGENT_KM) on Iran's side, then moved to exactly that
 * distance from the nearest point of the mainland border (three passes along the border-to-point
 * geodesic). Offsets that would fold back where the river bends (their nearest border point lies
 * behind the previous one's) or that meet another part of the band are dropped. The band is the
 * far line, then the near line reversed, closed.
 */
import geodesic from 'geographiclib-geodesic';
import type { Feature, Polygon, Position } from 'geojson';
import { BorderIndex } from '../../src/geo/borderIndex';
import type { LonLat } from '../../src/geo/lonLat';
import { type BorderFC, lineById } from './borderLines';
import { round } from './geodesy';
import { inRing, ringMeets } from './rings';
import type { CountryFC } from './sources';
import type { StretchFC } from './stretch';

const WGS84 = geodesic.Geodesic.WGS84;

/** Id of the incident in data/incidents.geojson whose geometry is this corridor. */
export const FLIGHT_ID = '2023-03-11-aircraft-flight-zangilan-bilasuvar';
/** The statement's "3-5 km from the state border". */
export const NEAR_KM = 3;
export const FAR_KM = 5;
/** Spacing of the band's vertices along the stretch. */
export const STEP_KM = 0.5;
/** Half the span over which the stretch's local direction is taken. */
export const TANGENT_KM = 2;
export const CORRIDOR_DECIMALS = 5;

function direct(from: LonLat, azimuth: number, km: number): LonLat {
  const r = WGS84.Direct(from[1], from[0], azimuth, km * 1000);
  if (r.lat2 === undefined || r.lon2 === undefined) throw new Error(`corridor: no point ${km} km from ${JSON.stringify(from)}`);
  return [r.lon2, r.lat2];
}

function azimuth(a: LonLat, b: LonLat): number {
  const r = WGS84.Inverse(a[1], a[0], b[1], b[0]);
  if (r.azi1 === undefined) throw new Error(`corridor: no azimuth from ${JSON.stringify(a)} to ${JSON.stringify(b)}`);
  return r.azi1;
}

function inCountry(p: LonLat, fc: CountryFC, a3: string): boolean {
  const f = fc.features.find((x) => x.properties.A3 === a3);
  if (!f) throw new Error(`corridor: no ${a3} polygon in the maritime data`);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.some((poly) => inRing(p, poly[0]) && !poly.slice(1).some((h) => inRing(p, h)));
}

/** One offset line: `km` from the border on Iran's side, following the stretch; folds dropped. */
function offsetLine(index: BorderIndex, stretch: BorderIndex, side: number, km: number): { line: LonLat[]; chainage: number[] } {
  const s = stretch.lines[0];
  const line: LonLat[] = [];
  const chainage: number[] = [];
  for (let k = 0; ; k = Math.min(s.lengthKm, k + STEP_KM)) {
    const at = s.pointAtKm(k);
    const tangent = azimuth(s.pointAtKm(Math.max(0, k - TANGENT_KM)), s.pointAtKm(Math.min(s.lengthKm, k + TANGENT_KM)));
    const p = toDistance(index, direct(at, tangent + side * 90, km), km);
    const c = index.snap(p).chainageKm;
    if (chainage.length === 0 || c > chainage[chainage.length - 1]) {
      line.push(p);
      chainage.push(c);
    }
    if (k >= s.lengthKm) break;
  }
  return { line: fillGaps(index, line, km), chainage };
}

/** Moves p to exactly `km` from its nearest border point, away from it (three passes). */
function toDistance(index: BorderIndex, p: LonLat, km: number): LonLat {
  let q = p;
  for (let pass = 0; pass < 3; pass++) {
    const snap = index.snap(q);
    q = direct(snap.point, azimuth(snap.point, q), km);
  }
  return q;
}

/** Where dropping folds left a gap (a chord across a bend, which would cut closer to the border), adds points on the chord moved out to `km`. */
function fillGaps(index: BorderIndex, line: LonLat[], km: number): LonLat[] {
  const out: LonLat[] = [line[0]];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const gap = WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
    const pieces = Math.ceil(gap / (STEP_KM * 1000));
    for (let k = 1; k < pieces; k++) out.push(toDistance(index, [a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces], km));
    out.push(b);
  }
  return out;
}

/** The corridor polygon, built from the border and stretch files and checked against the maritime polygons. */
export function buildCorridor(border: BorderFC, stretchFc: StretchFC, maritime: CountryFC): Feature<Polygon> {
  const index = new BorderIndex({ type: 'FeatureCollection', features: [lineById(border, 'mainland')] });
  const stretch = new BorderIndex(stretchFc);
  // Iran's side: the side where a point FAR_KM off the stretch's middle lies in Iran's polygon.
  const mid = stretch.lines[0].pointAtKm(stretch.lines[0].lengthKm / 2);
  const midAzimuth = azimuth(stretch.lines[0].pointAtKm(stretch.lines[0].lengthKm / 2 - TANGENT_KM), stretch.lines[0].pointAtKm(stretch.lines[0].lengthKm / 2 + TANGENT_KM));
  const side = inCountry(direct(mid, midAzimuth + 90, FAR_KM), maritime, 'IRN') ? 1 : -1;
  if (!inCountry(direct(mid, midAzimuth + side * 90, FAR_KM), maritime, 'IRN')) throw new Error('corridor: neither side of the stretch’s middle is in Iran');
  let far = offsetLine(index, stretch, side, FAR_KM).line;
  let near = offsetLine(index, stretch, side, NEAR_KM).line;
  const close = (f: LonLat[], n: LonLat[]): Position[] => [...f, ...[...n].reverse(), f[0]].map((p) => [round(p[0], CORRIDOR_DECIMALS), round(p[1], CORRIDOR_DECIMALS)]);
  // Drop a vertex at each place the band meets itself (a tight bend), until it meets itself nowhere.
  for (let pass = 0; pass < 200; pass++) {
    const ring = close(far, near);
    const meets = ringMeets([ring]);
    if (meets.length === 0) break;
    const at = meets[0].at;
    const nearest = (line: LonLat[]): { i: number; d: number } => line.reduce((best, p, i) => {
      const d = Math.hypot(p[0] - at[0], p[1] - at[1]);
      return d < best.d ? { i, d } : best;
    }, { i: -1, d: Infinity });
    const f = nearest(far), n = nearest(near);
    if (f.d <= n.d) far = far.filter((_, i) => i !== f.i);
    else near = near.filter((_, i) => i !== n.i);
  }
  const ring = close(far, near);
  if (ringMeets([ring]).length > 0) throw new Error('corridor: the band still meets itself after dropping folded vertices');
  for (const p of ring) if (!inCountry([p[0], p[1]], maritime, 'IRN')) throw new Error(`corridor: vertex ${JSON.stringify(p)} is not in Iran`);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** data/incidents.geojson with the flight's geometry replaced by the corridor, in the file's own layout. */
export function withCorridor(incidentsText: string, corridor: Polygon): string {
  const fc = JSON.parse(incidentsText) as { features: { id?: unknown; geometry: unknown }[] };
  const flight = fc.features.find((f) => f.id === FLIGHT_ID);
  if (!flight) throw new Error(`corridor: no incident '${FLIGHT_ID}' in data/incidents.geojson`);
  flight.geometry = corridor;
  return `${JSON.stringify(fc, null, 2)}\n`;
}
