/**
 * Basemap layers for the region: land polygons (countries-land-10m), country boundary lines
 * (shared arcs of countries-maritime-10m), and world land (Natural Earth via world-atlas).
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip, simplify } from '@turf/turf';
import { topology } from 'topojson-server';
import { feature as topoFeature, mesh } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { CountryFC, CountryProps } from './sources';
import { LandTest } from './pointInLand';
import { cleanRing, emptyStats, simplifyPolygon, type SimplifyStats } from './simplifyPolygon';

/** [west, south, east, north]: eastern Turkey to Turkmenistan, Tehran to the Greater Caucasus. */
export const REGION_BBOX: [number, number, number, number] = [38, 34, 56, 44.5];
/** Douglas–Peucker tolerance in degrees (~35 m): fine up to about zoom 12. */
export const SIMPLIFY_DEG = 0.0003;
export const BASEMAP_DECIMALS = 5;
export const WORLD_DECIMALS = 3;

export const COUNTRY_NAMES: Record<string, string> = {
  AFG: 'Afghanistan', ARM: 'Armenia', AZE: 'Azerbaijan', GEO: 'Georgia', IRN: 'Iran', IRQ: 'Iraq',
  KAZ: 'Kazakhstan', RUS: 'Russia', SYR: 'Syria', TKM: 'Turkmenistan', TUR: 'Turkey', UZB: 'Uzbekistan',
};

function countryName(a3: string): string {
  const n = COUNTRY_NAMES[a3];
  if (!n) throw new Error(`basemap: no name for country '${a3}' (add it to COUNTRY_NAMES)`);
  return n;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const poly of polygonsOf(g)) for (const p of poly[0]) { w = Math.min(w, p[0]); e = Math.max(e, p[0]); s = Math.min(s, p[1]); n = Math.max(n, p[1]); }
  return [w, s, e, n];
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function clipAndSimplify(g: Polygon | MultiPolygon, bbox: readonly number[], tolerance: number, decimals: number, stats: SimplifyStats): Position[][][] {
  const clipped = bboxClip(g, [bbox[0], bbox[1], bbox[2], bbox[3]]).geometry as Polygon | MultiPolygon;
  const out: Position[][][] = [];
  for (const poly of polygonsOf(clipped)) {
    if (!poly.length || poly[0].length < 4) continue;
    const rings = simplifyPolygon(poly, tolerance, decimals, stats);
    if (rings.length) out.push(rings);
  }
  return out;
}

export interface LandProps {
  A3: string;
  name: string;
}

/**
 * Country land polygons clipped to the region and simplified without creating self-intersections,
 * crossings between rings, or holes outside their outer ring (see simplifyPolygon.ts).
 */
export function buildLandRegion(land: CountryFC, bbox = REGION_BBOX, stats: SimplifyStats = emptyStats()): FeatureCollection<MultiPolygon, LandProps> {
  const features: Feature<MultiPolygon, LandProps>[] = [];
  const selected = land.features.filter((f) => intersects(bboxOf(f.geometry), bbox)).sort((a, b) => a.properties.A3.localeCompare(b.properties.A3));
  for (const f of selected) {
    const polys = clipAndSimplify(f.geometry, bbox, SIMPLIFY_DEG, BASEMAP_DECIMALS, stats);
    if (!polys.length) continue;
    features.push({ type: 'Feature', properties: { A3: f.properties.A3, name: countryName(f.properties.A3) }, geometry: { type: 'MultiPolygon', coordinates: polys } });
  }
  return { type: 'FeatureCollection', features };
}

export interface BoundaryProps {
  a: string;
  b: string;
  maritime: boolean;
}

/**
 * Country boundary lines in the region: shared arcs of the maritime data for each pair of
 * countries, simplified, split into runs by whether each segment's midpoint is at sea
 * (outside both the countries-land-10m land and Natural Earth land; the second test keeps
 * river boundaries, cut out of the OSM land as water, from counting as maritime).
 */
export function buildBoundaries(maritime: CountryFC, landRegion: FeatureCollection<MultiPolygon, LandProps>, worldLand: FeatureCollection<MultiPolygon>, bbox = REGION_BBOX): FeatureCollection<MultiLineString, BoundaryProps> {
  const selected = maritime.features.filter((f) => intersects(bboxOf(f.geometry), bbox)).sort((a, b) => a.properties.A3.localeCompare(b.properties.A3));
  const clipped = selected.map((f) => ({ type: 'Feature' as const, properties: f.properties, geometry: bboxClip(f.geometry, [...bbox]).geometry as Polygon | MultiPolygon }));
  const topo = topology({ countries: { type: 'FeatureCollection', features: clipped } as FeatureCollection });
  const obj = topo.objects.countries as GeometryObject<CountryProps> & { geometries: GeometryObject<CountryProps>[] };

  // Which pairs share arcs.
  const owners = new Map<number, Set<string>>();
  const visit = (arcs: unknown, a3: string): void => {
    if (typeof arcs === 'number') {
      const k = arcs < 0 ? ~arcs : arcs;
      const s = owners.get(k) ?? new Set<string>();
      s.add(a3);
      owners.set(k, s);
    } else if (Array.isArray(arcs)) for (const x of arcs) visit(x, a3);
  };
  for (const g of obj.geometries) if ('arcs' in g) visit(g.arcs, g.properties?.A3 ?? '');
  const pairs = new Set<string>();
  for (const s of owners.values()) if (s.size === 2) pairs.add([...s].sort().join('|'));

  // Two tests: even-odd over overlapping layers would cancel out.
  const osmLand = new LandTest(landRegion.features.map((f) => f.geometry));
  const neLand = new LandTest(worldLand.features.map((f) => f.geometry));
  const features: Feature<MultiLineString, BoundaryProps>[] = [];
  for (const pair of [...pairs].sort()) {
    const [a, b] = pair.split('|');
    const a3 = (g: GeometryObject): string => (g.properties as CountryProps | undefined)?.A3 ?? '';
    const m = mesh(topo, obj, (x, y) => x !== y && [a3(x), a3(y)].sort().join('|') === pair);
    const runs: Record<'land' | 'sea', Position[][]> = { land: [], sea: [] };
    for (const line of m.coordinates) {
      const simple = (simplify({ type: 'LineString', coordinates: line }, { tolerance: SIMPLIFY_DEG, highQuality: true }) as LineString).coordinates;
      const pts = cleanRing(simple, BASEMAP_DECIMALS);
      let current: Position[] = [];
      let currentSea: boolean | null = null;
      for (let i = 1; i < pts.length; i++) {
        const mid = [(pts[i - 1][0] + pts[i][0]) / 2, (pts[i - 1][1] + pts[i][1]) / 2];
        const sea = !osmLand.contains(mid) && !neLand.contains(mid);
        if (sea !== currentSea) {
          if (current.length >= 2 && currentSea !== null) runs[currentSea ? 'sea' : 'land'].push(current);
          current = [pts[i - 1]];
          currentSea = sea;
        }
        current.push(pts[i]);
      }
      if (current.length >= 2 && currentSea !== null) runs[currentSea ? 'sea' : 'land'].push(current);
    }
    for (const kind of ['land', 'sea'] as const) {
      if (!runs[kind].length) continue;
      features.push({ type: 'Feature', properties: { a, b, maritime: kind === 'sea' }, geometry: { type: 'MultiLineString', coordinates: runs[kind] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Natural Earth 1:50m land (world-atlas land-50m) as one MultiPolygon, for zoomed-out views. */
export function buildWorldLand(topo: Topology): FeatureCollection<MultiPolygon> {
  const land = topoFeature(topo, topo.objects.land as GeometryObject) as FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>;
  const geoms = land.type === 'FeatureCollection' ? land.features.map((f) => f.geometry) : [land.geometry];
  const polys: Position[][][] = [];
  for (const g of geoms) for (const poly of polygonsOf(g)) {
    const [outer, ...holes] = poly.map((r) => cleanRing(r, WORLD_DECIMALS));
    if (outer && outer.length >= 4) polys.push([outer, ...holes.filter((r) => r.length >= 4)]);
  }
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { source: 'Natural Earth 1:50m land (world-atlas land-50m)' }, geometry: { type: 'MultiPolygon', coordinates: polys } }] };
}
