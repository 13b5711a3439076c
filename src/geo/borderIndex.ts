import { LineIndex, type LineIndexOptions, type LineSnap } from './lineIndex';
import { assertLonLat, show, type LonLat } from './lonLat';

/** Options for {@link BorderIndex}. */
export type BorderIndexOptions = LineIndexOptions;

/** Where a point snaps to on the border: the nearest point of the nearest line. */
export interface Snap extends LineSnap {
  /** The line's id, e.g. "mainland" or "nakhchivan". */
  lineId: string;
  /** The line's human-readable name (properties.name, else the id). */
  lineName: string;
}

/** Km along the border between two snaps on the same line. */
export interface AlongSameLine {
  sameLine: true;
  lineId: string;
  /** |toKm - fromKm|: ellipsoidal km along the line. */
  km: number;
  /** Chainage of the first point. */
  fromKm: number;
  /** Chainage of the second point. */
  toKm: number;
  from: Snap;
  to: Snap;
}

/** Two points that snap to different lines: there is no along-border distance between them. */
export interface AlongDifferentLines {
  sameLine: false;
  from: Snap;
  to: Snap;
}

export type Along = AlongSameLine | AlongDifferentLines;

/** A point to measure from: a [lon, lat] pair (snapped first) or a snap from this index. */
export type SnapOrPoint = LonLat | Snap;

/**
 * Linear referencing over a border made of several lines (GeoJSON LineStrings with ids):
 * snap a point to the nearest line, measure along it, slice it, find the point at a chainage.
 * Built once; each query costs O(log N) (slices O(log N + k)).
 *
 * Chainage runs from each line's first vertex (the Armenia tripoint in data/border.geojson).
 * Distances are ellipsoidal (WGS84, GeographicLib); segments are great-circle arcs, as in turf.
 */
export class BorderIndex {
  readonly lines: readonly LineIndex[];
  private readonly byId: ReadonlyMap<string, LineIndex>;

  /**
   * @param collection a GeoJSON FeatureCollection of LineStrings, each with a string id
   *   (feature.id, else properties.id) and optionally properties.name.
   */
  constructor(collection: unknown, options: BorderIndexOptions = {}) {
    const where = 'BorderIndex';
    if (typeof collection !== 'object' || collection === null || (collection as { type?: unknown }).type !== 'FeatureCollection') {
      throw new TypeError(`${where}: ${show(collection)} is not a GeoJSON FeatureCollection`);
    }
    const features: unknown = (collection as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new TypeError(`${where}: features ${show(features)} is not an array`);
    if (features.length === 0) throw new RangeError(`${where}: the FeatureCollection has no features; need at least one LineString`);
    const lines: LineIndex[] = [];
    const byId = new Map<string, LineIndex>();
    features.forEach((feature: unknown, i) => {
      const f = (typeof feature === 'object' && feature !== null ? feature : {}) as {
        id?: unknown;
        properties?: { id?: unknown; name?: unknown } | null;
        geometry?: { type?: unknown; coordinates?: unknown } | null;
      };
      const id = f.id ?? f.properties?.id;
      if (typeof id !== 'string' || id === '') throw new TypeError(`${where}: feature ${i} has id ${show(id)}; need a non-empty string id`);
      if (byId.has(id)) throw new RangeError(`${where}: feature ${i} repeats id '${id}'`);
      const type = f.geometry?.type;
      if (type !== 'LineString') throw new TypeError(`${where}: feature ${i} ('${id}') has geometry type ${show(type)}; need LineString`);
      const name = typeof f.properties?.name === 'string' ? f.properties.name : id;
      const coordinates = f.geometry?.coordinates;
      if (!Array.isArray(coordinates)) throw new TypeError(`${where}: feature ${i} ('${id}') coordinates ${show(coordinates)} is not an array`);
      const line = new LineIndex(id, name, coordinates, options);
      lines.push(line);
      byId.set(id, line);
    });
    this.lines = lines;
    this.byId = byId;
  }

  /** The line with this id; throws naming the id and the ids there are. */
  line(id: string): LineIndex {
    const line = this.byId.get(id);
    if (!line) throw new RangeError(`BorderIndex: no line with id ${show(id)} (lines: ${[...this.byId.keys()].join(', ')})`);
    return line;
  }

  /** Nearest point on any line to `point`, with its line, chainage and distance. */
  snap(point: LonLat): Snap {
    assertLonLat(point, 'snap: point');
    const [lon, lat] = point;
    // Search the nearer line first so its result prunes the others at their roots.
    let first = this.lines[0];
    if (this.lines.length > 1) {
      let firstBound = Infinity;
      for (const line of this.lines) {
        const bound = line.boundChord2(lon, lat);
        if (bound < firstBound) {
          firstBound = bound;
          first = line;
        }
      }
    }
    let bestLine = first;
    let bestSegment = first.nearestSegment(lon, lat, Infinity);
    let best = first.lastChord2;
    for (const line of this.lines) {
      if (line === first) continue;
      const segment = line.nearestSegment(lon, lat, best);
      if (segment >= 0) {
        bestLine = line;
        bestSegment = segment;
        best = line.lastChord2;
      }
    }
    return bestLine.namedSnapOnSegment(bestSegment, lon, lat);
  }

  /**
   * Km along the border between a and b (points or snaps). Points on different lines get
   * { sameLine: false }: Nakhchivan and the mainland do not add up.
   */
  along(a: SnapOrPoint, b: SnapOrPoint): Along {
    const from = this.toSnap(a, 'along: first point');
    const to = this.toSnap(b, 'along: second point');
    if (from.lineId !== to.lineId) return { sameLine: false, from, to };
    return { sameLine: true, lineId: from.lineId, km: Math.abs(to.chainageKm - from.chainageKm), fromKm: from.chainageKm, toKm: to.chainageKm, from, to };
  }

  /**
   * Coordinates of the border between a and b (points or snaps), from a's snap to b's, for a
   * LineString. Throws if they snap to different lines.
   */
  slice(a: SnapOrPoint, b: SnapOrPoint): LonLat[] {
    const from = this.toSnap(a, 'slice: first point');
    const to = this.toSnap(b, 'slice: second point');
    if (from.lineId !== to.lineId) {
      throw new RangeError(`slice: the points snap to different lines ('${from.lineId}' and '${to.lineId}'); a slice follows one line`);
    }
    return this.line(from.lineId).slice(from, to);
  }

  /** The point `km` along line `lineId` from its first vertex. */
  chainageToPoint(lineId: string, km: number): LonLat {
    return this.line(lineId).pointAtKm(km);
  }

  private toSnap(value: SnapOrPoint, where: string): Snap {
    if (Array.isArray(value)) return this.snap(value as LonLat);
    const snap = value as Snap;
    if (typeof snap !== 'object' || snap === null || typeof snap.lineId !== 'string' || typeof snap.chainageKm !== 'number') {
      throw new TypeError(`${where} ${show(value)} is neither a [lon, lat] pair nor a snap`);
    }
    const line = this.line(snap.lineId);
    if (!(snap.segment >= 0 && snap.segment < line.vertexCount - 1)) {
      throw new RangeError(`${where}: snap segment ${show(snap.segment)} is not a segment of line '${line.id}'`);
    }
    return snap;
  }
}
