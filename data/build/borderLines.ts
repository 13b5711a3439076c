/**
 * The Azerbaijan–Iran border as two LineStrings, from the shared arcs of the AZE and IRN
 * polygons of countries-maritime-10m (topojson-server `topology` + topojson-client `mesh`).
 *
 * - Which line is which: the mainland line is the one with an end out at sea (farther than
 *   SEA_END_M from the AZE/IRN land outlines of countries-land-10m); the other is Nakhchivan.
 * - Orientation: each line starts at its end nearest the Armenia (ARM) polygon, so chainage 0
 *   is the Armenia–Azerbaijan–Iran tripoint (mainland) or the Armenia–Nakhchivan–Iran tripoint.
 * - Coast: walking in from the sea end, the first vertex within COAST_M of the AZE/IRN land
 *   outlines of countries-land-10m is the coast; the vertices seaward of it (the maritime
 *   line) are dropped.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { topology } from 'topojson-server';
import { mesh } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { CountryFC, CountryProps } from './sources';
import { cumulativeM, km, planarPointSegmentM, roundPos, type Position2 } from './geodesy';

export const SEA_END_M = 1_000;
export const COAST_M = 250;

export type LineId = 'nakhchivan' | 'mainland';

export interface BorderProps {
  id: LineId;
  name: string;
  from: string;
  to: string;
  origin: string;
  length_km: number;
  vertices: number;
}
export type BorderFeature = Feature<LineString, BorderProps> & { id: LineId };
export interface BorderFC {
  type: 'FeatureCollection';
  features: BorderFeature[];
}

const DESCRIPTIONS: Record<LineId, Omit<BorderProps, 'id' | 'length_km' | 'vertices'>> = {
  nakhchivan: {
    name: 'Nakhchivan–Iran border (Aras)',
    from: 'Armenia–Azerbaijan (Nakhchivan)–Iran tripoint',
    to: 'Azerbaijan (Nakhchivan)–Iran–Turkey tripoint',
    origin: 'Armenia–Azerbaijan (Nakhchivan)–Iran tripoint, east end of the Nakhchivan–Iran border',
  },
  mainland: {
    name: 'Azerbaijan–Iran border (mainland)',
    from: 'Armenia–Azerbaijan–Iran tripoint (Zangilan district)',
    to: 'Caspian coast at Astara',
    origin: 'Armenia–Azerbaijan–Iran tripoint (Zangilan district)',
  },
};

function polygonsOf(f: CountryFC['features'][number]): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** All ring edges of some land features, bucketed by 0.1° cells for quick nearby look-ups. */
export class RingEdgeIndex {
  private readonly cells = new Map<string, Array<[Position2, Position2]>>();
  constructor(features: CountryFC['features']) {
    for (const f of features)
      for (const poly of polygonsOf(f))
        for (const ring of poly)
          for (let i = 1; i < ring.length; i++) {
            const a: Position2 = [ring[i - 1][0], ring[i - 1][1]];
            const b: Position2 = [ring[i][0], ring[i][1]];
            for (let cx = Math.floor(Math.min(a[0], b[0]) * 10); cx <= Math.floor(Math.max(a[0], b[0]) * 10); cx++)
              for (let cy = Math.floor(Math.min(a[1], b[1]) * 10); cy <= Math.floor(Math.max(a[1], b[1]) * 10); cy++) {
                const k = `${cx},${cy}`;
                const list = this.cells.get(k);
                if (list) list.push([a, b]);
                else this.cells.set(k, [[a, b]]);
              }
          }
  }
  /** Distance in metres to the nearest edge within the 3×3 cells around p (Infinity if none, i.e. > ~8 km). */
  distanceM(p: Position2): number {
    let best = Number.POSITIVE_INFINITY;
    const cx = Math.floor(p[0] * 10), cy = Math.floor(p[1] * 10);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const [a, b] of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) best = Math.min(best, planarPointSegmentM(p, a, b).d);
    return best;
  }
}

function pick(fc: CountryFC, a3: string): CountryFC['features'][number] {
  const f = fc.features.find((x) => x.properties.A3 === a3);
  if (!f) throw new Error(`no feature with A3 '${a3}'`);
  return f;
}

/** The AZE–IRN shared arcs of the maritime data, merged into continuous lines. */
export function sharedArcs(maritime: CountryFC, a: string, b: string): Position2[][] {
  const pair = maritime.features.filter((f) => f.properties.A3 === a || f.properties.A3 === b);
  const topo = topology({ countries: { type: 'FeatureCollection', features: pair } as FeatureCollection });
  const obj = topo.objects.countries as GeometryObject<CountryProps>;
  const m: MultiLineString = mesh(topo, obj, (x, y) => x !== y);
  return m.coordinates.map((line) => line.map((p) => [p[0], p[1]] as Position2));
}

function minVertexDistanceM(p: Position2, f: CountryFC['features'][number]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const poly of polygonsOf(f))
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) best = Math.min(best, planarPointSegmentM(p, [ring[i - 1][0], ring[i - 1][1]], [ring[i][0], ring[i][1]]).d);
  return best;
}

export interface BorderBuild {
  fc: BorderFC;
  /** Diagnostics for the report: the dropped maritime vertices and the coast vertex's distance to land. */
  maritimeDropped: Position2[];
  coastDistanceM: number;
}

function feature(id: LineId, coords: Position2[]): BorderFeature {
  const rounded = coords.map((p) => roundPos(p, 6));
  const cum = cumulativeM(rounded);
  const d = DESCRIPTIONS[id];
  return {
    type: 'Feature',
    id,
    properties: { id, name: d.name, from: d.from, to: d.to, origin: d.origin, length_km: km(cum[cum.length - 1]), vertices: rounded.length },
    geometry: { type: 'LineString', coordinates: rounded },
  };
}

export function buildBorder(maritime: CountryFC, land: CountryFC): BorderBuild {
  const lines = sharedArcs(maritime, 'AZE', 'IRN');
  if (lines.length !== 2) throw new Error(`expected 2 AZE–IRN shared lines in the maritime data, found ${lines.length}`);
  const landIndex = new RingEdgeIndex(land.features.filter((f) => f.properties.A3 === 'AZE' || f.properties.A3 === 'IRN'));
  const arm = pick(maritime, 'ARM');

  // Orient each line to start at its end nearest Armenia.
  const oriented = lines.map((l) => {
    const first = l[0], last = l[l.length - 1];
    return minVertexDistanceM(first, arm) <= minVertexDistanceM(last, arm) ? l : l.slice().reverse();
  });
  const seaEnded = oriented.filter((l) => landIndex.distanceM(l[l.length - 1]) > SEA_END_M);
  if (seaEnded.length !== 1) throw new Error(`expected exactly one AZE–IRN line ending at sea, found ${seaEnded.length}`);
  const mainlandFull = seaEnded[0];
  const nakhchivan = oriented.find((l) => l !== mainlandFull);
  if (!nakhchivan) throw new Error('no Nakhchivan line');

  // Walk in from the sea end to the first vertex on the coast.
  let coast = -1;
  for (let i = mainlandFull.length - 1; i >= 0; i--) {
    if (landIndex.distanceM(mainlandFull[i]) <= COAST_M) {
      coast = i;
      break;
    }
  }
  if (coast <= 0) throw new Error('mainland line: no vertex within COAST_M of the land outlines');
  const mainland = mainlandFull.slice(0, coast + 1);

  return {
    fc: { type: 'FeatureCollection', features: [feature('nakhchivan', nakhchivan), feature('mainland', mainland)] },
    maritimeDropped: mainlandFull.slice(coast + 1),
    coastDistanceM: landIndex.distanceM(mainlandFull[coast]),
  };
}

export function lineById(fc: BorderFC, id: LineId): BorderFeature {
  const f = fc.features.find((x) => x.id === id);
  if (!f) throw new Error(`border.geojson: no line with id '${id}'`);
  return f;
}
