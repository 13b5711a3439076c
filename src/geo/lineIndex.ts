import Flatbush from 'flatbush';
import { cumulativeKm, inverseKm, pointTowardKm } from './geodesic';
import { assertLonLat, lonLatProblem, show, type LonLat } from './lonLat';
import { MinQueue } from './minQueue';
import { arcChord2Within, arcLatRange, footOnArc, unitVector } from './nearestOnArc';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;
// Numbers per inner node in LineIndex.chords: chord ends (two unit vectors) and reach.
const CHORD = 7;
// Cells per side of the grid of first guesses around a line (16 KB of segment indices).
const GUESS_GRID = 64;
// Most steps of the walk downhill from a first guess (each halves, doubles or turns; a stretch of a
// million vertices takes about 40), bounded for lines that spiral around the point.
const WALK_STEPS = 200;
// Arcs narrower than this in longitude (degrees, ~10 m) bulge past their endpoints' latitudes by
// micrometres: their boxes skip the exact bulge computation.
const BULGE_FREE_DEG = 1e-4;

/** Options for {@link LineIndex}. */
export interface LineIndexOptions {
  /** Children per flatbush tree node. Default 16 (flatbush's default). */
  nodeSize?: number;
}

/** Where a point snaps to on one line. */
export interface LineSnap {
  /**
   * Index i of the segment from vertex i to vertex i + 1 that holds the snapped point; where that
   * point is a vertex, the segment ending there (t = 1), except at the first vertex.
   */
  segment: number;
  /** Position in that segment as a fraction of its ellipsoidal length, in [0, 1]. */
  t: number;
  /** The snapped point, [lon, lat]. */
  point: LonLat;
  /** Ellipsoidal km along the line from its first vertex to the snapped point. */
  chainageKm: number;
  /** Ellipsoidal km from the query point to the snapped point. */
  distanceKm: number;
}

/**
 * One polyline prepared for linear referencing: cumulative ellipsoidal km per vertex and a
 * flatbush index over its segments, each tree node also bounded by a chord along its stretch of
 * line. Snapping costs O(log N), slicing O(log N + k).
 *
 * Segments are great-circle arcs and "nearest" is exact on the sphere (geodetic latitudes taken as
 * spherical ones), the model of turf's nearestPointOnLine; every reported distance is ellipsoidal
 * (WGS84). Where two stretches of line are equidistant to within ~0.4 %, the ellipsoid may
 * prefer the other one. Lines must not cross the antimeridian.
 */
export class LineIndex {
  readonly id: string;
  readonly name: string;
  /** Vertices as [lon0, lat0, lon1, lat1, ...]. */
  readonly coords: Float64Array;
  /** Unit vectors of the vertices as [x0, y0, z0, x1, ...]: spares the search any trigonometry. */
  readonly xyz: Float64Array;
  /** Ellipsoidal km from the first vertex to each vertex. */
  readonly cumKm: Float64Array;
  /** Ellipsoidal length of the line in km. */
  readonly lengthKm: number;
  readonly vertexCount: number;

  private readonly tree: Flatbush;
  private readonly boxes: Float64Array;
  private readonly children: Uint32Array;
  private readonly levelEnds: readonly number[];
  private readonly nodeSize4: number;
  private readonly leafEnd: number;
  /**
   * Per inner node (by (position - leafEnd) / 4), CHORD numbers: the unit vectors its chord joins
   * and how far in space its arcs stray from that chord (see measureChords).
   */
  private readonly chords: Float64Array;
  private readonly queue = new MinQueue();
  private readonly scratch = new Float64Array(2);
  private readonly rect = new Float64Array(4);
  private readonly measured = new Float64Array(5);
  /** The last query point searched and its unit vector. */
  private queryLon = NaN;
  private queryLat = NaN;
  private readonly queryXyz = new Float64Array(3);
  /** Per cell of a grid around the line, the answer for the last point searched in it, or -1. */
  private readonly guesses: Int32Array;
  private readonly guessWest: number;
  private readonly guessSouth: number;
  private readonly guessPerLon: number;
  private readonly guessPerLat: number;
  private foundChord2 = Infinity;

  constructor(id: string, name: string, coordinates: readonly unknown[], options: LineIndexOptions = {}) {
    const { nodeSize = 16 } = options;
    this.id = id;
    this.name = name;
    const where = `line '${id}'`;
    if (!Array.isArray(coordinates)) throw new TypeError(`${where}: coordinates ${show(coordinates)} is not an array`);
    const n = coordinates.length;
    if (n < 2) throw new RangeError(`${where}: has ${n} vertices; a line needs at least 2`);
    const flat = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const p: unknown = coordinates[i];
      const problem = lonLatProblem(p);
      if (problem !== undefined) throw new TypeError(`${where}: coordinate ${i} ${show(p)} is not a [lon, lat] pair (${problem})`);
      const [lon, lat] = p as LonLat;
      if (i > 0 && Math.abs(lon - flat[2 * i - 2]) > 180) {
        throw new RangeError(`${where}: segment ${i - 1} from ${show([flat[2 * i - 2], flat[2 * i - 1]])} to ${show([lon, lat])} crosses the antimeridian, which is not supported`);
      }
      flat[2 * i] = lon;
      flat[2 * i + 1] = lat;
    }
    this.coords = flat;
    this.vertexCount = n;
    this.xyz = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) unitVector(flat[2 * i], flat[2 * i + 1], this.xyz, 3 * i);
    this.cumKm = cumulativeKm(flat);
    this.lengthKm = this.cumKm[n - 1];

    const tree = new Flatbush(n - 1, nodeSize, Float64Array);
    for (let i = 0; i < n - 1; i++) {
      const x0 = flat[2 * i], y0 = flat[2 * i + 1], x1 = flat[2 * i + 2], y1 = flat[2 * i + 3];
      let minY = Math.min(y0, y1), maxY = Math.max(y0, y1);
      // An arc bulges poleward beyond its endpoints: box the arc, not its chord.
      if (Math.abs(x1 - x0) > BULGE_FREE_DEG) [minY, maxY] = arcLatRange(x0, y0, x1, y1);
      tree.add(Math.min(x0, x1), minY, Math.max(x0, x1), maxY);
    }
    tree.finish();
    // The best-first search below walks flatbush's packed tree directly, as geoflatbush does,
    // because neighbors() ranks boxes by plain lon/lat distance, not by distance on the sphere.
    this.tree = tree;
    this.boxes = tree._boxes as Float64Array;
    // One element type for every line keeps the hot loop's array loads monomorphic.
    this.children = tree._indices instanceof Uint32Array ? tree._indices : Uint32Array.from(tree._indices);
    this.levelEnds = tree._levelBounds;
    this.nodeSize4 = tree.nodeSize * 4;
    this.leafEnd = tree.numItems * 4;
    this.chords = this.measureChords();
    // The grid of guesses reaches a quarter of the line's extent beyond its box, so points tens
    // of km off a border-sized line start from a guess.
    const root = this.boxes.length - 4;
    const width = this.boxes[root + 2] - this.boxes[root], height = this.boxes[root + 3] - this.boxes[root + 1];
    const margin = Math.max(0.25 * Math.max(width, height), 1e-6);
    this.guessWest = this.boxes[root] - margin;
    this.guessSouth = this.boxes[root + 1] - margin;
    this.guessPerLon = GUESS_GRID / (width + 2 * margin);
    this.guessPerLat = GUESS_GRID / (height + 2 * margin);
    this.guesses = new Int32Array(GUESS_GRID * GUESS_GRID).fill(-1);
  }

  /**
   * For each inner node, a chord and its reach: the straight line in space from the first vertex
   * of its lowest segment to the last vertex of its highest, and a distance within which it holds
   * every point of the node's arcs. A box bounds a diagonal stretch loosely (half its length toward
   * the query), so on a densified line hundreds of boxes reach below the nearest distance; the
   * chord of a straight stretch is exact. Children are measured before parents (flatbush stores
   * levels bottom-up).
   */
  private measureChords(): Float64Array {
    const { boxes, children, leafEnd, nodeSize4, xyz: v } = this;
    const inner = (boxes.length - leafEnd) >> 2;
    const chords = new Float64Array(CHORD * inner);
    const from = new Int32Array(inner), to = new Int32Array(inner), reaches = new Float64Array(inner);
    for (let pos = leafEnd; pos < boxes.length; pos += 4) {
      const id = (pos - leafEnd) >> 2;
      const first = children[pos >> 2];
      const end = Math.min(first + nodeSize4, this.levelEnd(first));
      const leaves = first < leafEnd;
      let lo = Infinity, hi = -1;
      for (let c = first; c < end; c += 4) {
        lo = Math.min(lo, leaves ? children[c >> 2] : from[(c - leafEnd) >> 2]);
        hi = Math.max(hi, leaves ? children[c >> 2] + 1 : to[(c - leafEnd) >> 2]);
      }
      from[id] = lo;
      to[id] = hi;
      const o = CHORD * id;
      chords.set(v.subarray(3 * lo, 3 * lo + 3), o);
      chords.set(v.subarray(3 * hi, 3 * hi + 3), o + 3);
      let reach = 0;
      for (let c = first; c < end; c += 4) {
        if (leaves) {
          // An arc lies in the triangle of its ends and the meeting point of its end tangents.
          const k = 3 * children[c >> 2];
          const ux = v[k], uy = v[k + 1], uz = v[k + 2], wx = v[k + 3], wy = v[k + 4], wz = v[k + 5];
          const scale = 1 / (1 + ux * wx + uy * wy + uz * wz);
          reach = Math.max(
            reach,
            Math.sqrt(chordDist2(chords, o, ux, uy, uz)),
            Math.sqrt(chordDist2(chords, o, wx, wy, wz)),
            Math.sqrt(chordDist2(chords, o, (ux + wx) * scale, (uy + wy) * scale, (uz + wz) * scale)),
          );
        } else {
          // A child's points lie within its reach of its chord, whose points lie within the
          // farther of its ends of this chord (distance to a segment is convex along a segment).
          const child = (c - leafEnd) >> 2, k = CHORD * child;
          const ends = Math.max(chordDist2(chords, o, chords[k], chords[k + 1], chords[k + 2]), chordDist2(chords, o, chords[k + 3], chords[k + 4], chords[k + 5]));
          reach = Math.max(reach, reaches[child] + Math.sqrt(ends));
        }
      }
      // Rounding in these sums is ~1e-16 per term.
      reaches[id] = reach * (1 + 1e-12) + 1e-14;
      // A chord that strays a quarter of its box's narrower side is no tighter than the box: the
      // search skips it (Infinity).
      const narrower = Math.min((boxes[pos + 2] - boxes[pos]) * Math.cos(boxes[pos + 3] * RAD), boxes[pos + 3] - boxes[pos + 1]) * RAD;
      chords[o + 6] = reaches[id] < 0.25 * narrower ? reaches[id] : Infinity;
    }
    return chords;
  }

  /** Bytes held by this index's arrays (vertices, unit vectors, chainages, tree, chords, guesses). */
  get byteLength(): number {
    return this.coords.byteLength + this.xyz.byteLength + this.cumKm.byteLength + this.tree.data.byteLength +
      this.chords.byteLength + this.guesses.byteLength;
  }

  /** Vertex i as [lon, lat]. */
  vertex(i: number): LonLat {
    return [this.coords[2 * i], this.coords[2 * i + 1]];
  }

  /** Nearest point of the line to `point`, with its chainage and ellipsoidal distance. */
  snap(point: LonLat): LineSnap {
    assertLonLat(point, `snap on line '${this.id}': point`);
    const segment = this.nearestSegment(point[0], point[1], Infinity);
    return this.snapOnSegment(segment, point[0], point[1]);
  }

  /**
   * Lower bound of the squared chord (unit sphere) from a point to anything on the line.
   * @internal used by BorderIndex to search the nearer line first.
   */
  boundChord2(lon: number, lat: number): number {
    return boxChord2(this.boxes, this.boxes.length - 4, lon, lat, Math.cos(lat * RAD), Math.sin(lat * RAD));
  }

  /**
   * Index of the segment nearest to (lon, lat) on the sphere if its squared chord is below
   * `bound`, else -1; that squared chord is left in `lastChord2`. Starts from a guess (the answer
   * for the last point searched in the same grid cell, walked downhill), then best-first over the
   * tree: expands the node with the smallest lower bound (its box's, or its chord's when tighter)
   * until that bound exceeds the best segment. The answer does not depend on the guess: ties are
   * explored, the lower index wins.
   * @internal
   */
  nearestSegment(lon: number, lat: number, bound: number): number {
    const boxes = this.boxes, children = this.children, queue = this.queue, v = this.xyz;
    const nodeSize4 = this.nodeSize4, leafEnd = this.leafEnd;
    const chords = this.chords;
    const cosQ = Math.cos(lat * RAD), sinQ = Math.sin(lat * RAD);
    const qx = cosQ * Math.cos(lon * RAD), qy = cosQ * Math.sin(lon * RAD), qz = sinQ;
    this.queryLon = lon;
    this.queryLat = lat;
    this.queryXyz[0] = qx;
    this.queryXyz[1] = qy;
    this.queryXyz[2] = qz;
    let best = bound;
    let bestSegment = -1;
    // A first guess, walked downhill, is usually the answer: the tree then only confirms it,
    // pruning from the root. It is the answer for the last point searched in the same cell.
    const column = Math.floor((lon - this.guessWest) * this.guessPerLon), row = Math.floor((lat - this.guessSouth) * this.guessPerLat);
    const cell = column >= 0 && column < GUESS_GRID && row >= 0 && row < GUESS_GRID ? row * GUESS_GRID + column : -1;
    const guess = cell >= 0 ? this.guesses[cell] : -1;
    if (guess >= 0) {
      this.foundChord2 = arcChord2Within(v, 3 * guess, qx, qy, qz, Infinity);
      const segment = this.walkDownhill(guess, qx, qy, qz);
      if (this.foundChord2 < best) {
        best = this.foundChord2;
        bestSegment = segment;
      }
    }
    // From `best`, padded: its chord (a node whose chord lies farther than this plus its reach is
    // pruned) and the lon/lat rectangle around its cap (a box outside it is pruned by 4 compares).
    let boundFor = NaN, chord = Infinity;
    let west = -Infinity, south = -Infinity, east = Infinity, north = Infinity;
    queue.clear();
    let group = boxes.length - 4;
    for (;;) {
      if (best !== boundFor) {
        boundFor = best;
        chord = Math.sqrt(best) * (1 + 1e-9);
        const rect = this.rect;
        capRect(lon, lat, cosQ, best, rect);
        west = rect[0];
        south = rect[1];
        east = rect[2];
        north = rect[3];
      }
      const end = Math.min(group + nodeSize4, this.levelEnd(group));
      const leaves = group < leafEnd;
      for (let pos = group; pos < end; pos += 4) {
        if (boxes[pos] > east || boxes[pos + 1] > north || boxes[pos + 2] < west || boxes[pos + 3] < south) continue;
        const lower = boxChord2(boxes, pos, lon, lat, cosQ, sinQ);
        if (lower > best) continue;
        const child = children[pos >> 2];
        if (!leaves) {
          const o = CHORD * ((pos - leafEnd) >> 2);
          const reach = chords[o + 6];
          let key = lower;
          if (reach !== Infinity) {
            // Lower bound of the chord to the node's arcs (less the rounding of chordDist2).
            const near = Math.sqrt(chordDist2(chords, o, qx, qy, qz)) - reach - 1e-13;
            if (near > chord) continue;
            if (near > 0 && near * near * (1 - 1e-9) > key) key = near * near * (1 - 1e-9);
          }
          queue.push(child, key);
          continue;
        }
        const d2 = arcChord2Within(v, 3 * child, qx, qy, qz, best);
        if (d2 < best || (d2 === best && child < bestSegment)) {
          best = d2;
          bestSegment = child;
        }
      }
      if (queue.length === 0 || queue.peekKey() > best) break;
      group = queue.pop();
    }
    // At a vertex the segments before and after tie exactly, and rounding in the boxes' bounds can
    // hide either: name the one ending there, whichever the search met first.
    while (bestSegment > 0) {
      const d2 = arcChord2Within(v, 3 * (bestSegment - 1), qx, qy, qz, best);
      if (!(d2 <= best)) break;
      best = d2;
      bestSegment--;
    }
    if (cell >= 0 && bestSegment >= 0) this.guesses[cell] = bestSegment;
    this.foundChord2 = best;
    return bestSegment;
  }

  /**
   * A segment at least as near as `segment` (squared chord foundChord2): from its nearer end, the
   * vertices downhill along the line with steps that double while they descend and halve when they
   * overshoot, to a vertex nearer than both its neighbours, then the exact chords of the two
   * segments at that vertex. Leaves the squared chord of the one returned in foundChord2.
   */
  private walkDownhill(segment: number, qx: number, qy: number, qz: number): number {
    const v = this.xyz, last = this.vertexCount - 1;
    let j = segment, cj = vertexChord2(v, j, qx, qy, qz);
    let dir = 1;
    const next = vertexChord2(v, j + 1, qx, qy, qz);
    if (next < cj) {
      j++;
      cj = next;
    } else dir = -1;
    let step = 1, turned = false;
    for (let guard = 0; guard < WALK_STEPS; guard++) {
      const k = j + dir * step;
      const ck = k >= 0 && k <= last ? vertexChord2(v, k, qx, qy, qz) : Infinity;
      if (ck < cj) {
        j = k;
        cj = ck;
        step *= 2;
        turned = false;
      } else if (step > 1) step >>= 1;
      else if (!turned) {
        dir = -dir;
        turned = true;
      } else break;
    }
    let best = this.foundChord2, bestSegment = segment;
    for (let s = Math.max(0, j - 1); s <= Math.min(j, last - 1); s++) {
      const d2 = arcChord2Within(v, 3 * s, qx, qy, qz, best);
      if (d2 < best || (d2 === best && s < bestSegment)) {
        best = d2;
        bestSegment = s;
      }
    }
    this.foundChord2 = best;
    return bestSegment;
  }

  /** @internal squared chord found by the last nearestSegment call. */
  get lastChord2(): number {
    return this.foundChord2;
  }

  /**
   * The snap on segment `segment` (found by nearestSegment): the point on its arc, then chainage
   * and distance on the ellipsoid (at most two GeographicLib calls).
   * @internal
   */
  snapOnSegment(segment: number, lon: number, lat: number): LineSnap {
    const m = this.measureSnap(segment, lon, lat);
    return { segment, t: m[0], point: [m[1], m[2]], chainageKm: m[3], distanceKm: m[4] };
  }

  /**
   * snapOnSegment with this line's id and name, as BorderIndex returns it (one object, not two).
   * @internal
   */
  namedSnapOnSegment(segment: number, lon: number, lat: number): LineSnap & { lineId: string; lineName: string } {
    const m = this.measureSnap(segment, lon, lat);
    return { lineId: this.id, lineName: this.name, segment, t: m[0], point: [m[1], m[2]], chainageKm: m[3], distanceKm: m[4] };
  }

  /** The snap's numbers into `measured`: t, lon, lat, chainage and distance. */
  private measureSnap(segment: number, lon: number, lat: number): Float64Array {
    const c = this.coords, out = this.scratch, q = this.queryXyz;
    // The search just made q's unit vector, the same numbers unitVector gives.
    if (lon !== this.queryLon || lat !== this.queryLat) {
      unitVector(lon, lat, q, 0);
      this.queryLon = lon;
      this.queryLat = lat;
    }
    footOnArc(this.xyz, 3 * segment, q[0], q[1], q[2], c[2 * segment], c[2 * segment + 1], c[2 * segment + 2], c[2 * segment + 3], out);
    const pLon = out[0], pLat = out[1];
    const startKm = this.cumKm[segment], endKm = this.cumKm[segment + 1];
    let chainageKm: number;
    if (pLon === c[2 * segment + 2] && pLat === c[2 * segment + 3]) chainageKm = endKm;
    else chainageKm = Math.min(startKm + inverseKm(c[2 * segment], c[2 * segment + 1], pLon, pLat), endKm);
    const m = this.measured;
    m[0] = endKm > startKm ? (chainageKm - startKm) / (endKm - startKm) : 0;
    m[1] = pLon;
    m[2] = pLat;
    m[3] = chainageKm;
    m[4] = inverseKm(lon, lat, pLon, pLat);
    return m;
  }

  /** The point `km` along the line from its first vertex (binary search, then the geodesic). */
  pointAtKm(km: number): LonLat {
    if (typeof km !== 'number' || !Number.isFinite(km) || km < 0 || km > this.lengthKm) {
      throw new RangeError(`line '${this.id}': chainage ${show(km)} km is outside [0, ${this.lengthKm}]`);
    }
    const i = this.segmentAtKm(km);
    const startKm = this.cumKm[i];
    if (km === startKm) return this.vertex(i);
    if (km === this.cumKm[i + 1]) return this.vertex(i + 1);
    return pointTowardKm(this.vertex(i), this.vertex(i + 1), km - startKm);
  }

  /**
   * Coordinates of the line between two snaps on it, in the direction from `from` to `to`:
   * the snapped endpoints and the vertices between them. O(k).
   */
  slice(from: LineSnap, to: LineSnap): LonLat[] {
    if (from.chainageKm > to.chainageKm) return this.slice(to, from).reverse();
    const out: LonLat[] = [from.point];
    for (let v = from.segment + 1; v <= to.segment; v++) pushDistinct(out, this.vertex(v));
    pushDistinct(out, to.point);
    // A LineString needs two positions even when both ends are the same point.
    if (out.length === 1) out.push(from.point);
    return out;
  }

  /** Segment i with cumKm[i] <= km <= cumKm[i + 1] (the first such, except at the end). */
  private segmentAtKm(km: number): number {
    let lo = 0, hi = this.vertexCount - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cumKm[mid] <= km) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** End (exclusive) of the tree level holding the box at `pos`. */
  private levelEnd(pos: number): number {
    const ends = this.levelEnds;
    let i = 0;
    while (ends[i] <= pos) i++;
    return ends[i];
  }
}

/**
 * Lower bound of the squared chord (unit sphere) from (lon, lat) to anything in the box at `pos`,
 * from the haversine formula chord²/4 = hav Δlat + cos lat₁·cos lat₂·hav Δlon, with each factor
 * bounded below by a Taylor polynomial: tight to ~1e-9 for the small boxes near the query
 * (so few segments are measured), cheap, and valid for any box.
 */
function boxChord2(b: Float64Array, pos: number, lon: number, lat: number, cosQ: number, sinQ: number): number {
  const minX = b[pos], minY = b[pos + 1], maxX = b[pos + 2], maxY = b[pos + 3];
  const dy = (minY > lat ? minY - lat : lat > maxY ? lat - maxY : 0) * RAD;
  const dx = (minX > lon ? minX - lon : lon > maxX ? lon - maxX : 0) * RAD;
  const dy2 = dy * dy;
  // hav x >= x²/4 - x⁴/48 for all x.
  let hav = 0.25 * dy2 - dy2 * dy2 / 48;
  if (hav < 0) hav = 0;
  if (dx === 0) return 4 * hav;
  // cos(lat + h) >= cos lat - h·sin lat - h²·cos lat / 2 - |h|³/6; cos is least at a box edge.
  const h1 = (minY - lat) * RAD, h2 = (maxY - lat) * RAD;
  const c1 = cosQ - h1 * sinQ - 0.5 * h1 * h1 * cosQ - Math.abs(h1 * h1 * h1) / 6;
  const c2 = cosQ - h2 * sinQ - 0.5 * h2 * h2 * cosQ - Math.abs(h2 * h2 * h2) / 6;
  const cosP = c1 < c2 ? c1 : c2;
  const dx2 = dx * dx;
  const havX = 0.25 * dx2 - dx2 * dx2 / 48;
  if (cosP > 0 && havX > 0) hav += cosQ * cosP * havX;
  return 4 * hav;
}

/**
 * The lon/lat rectangle [west, south, east, north] (degrees) holding every point whose squared
 * chord from (lon, lat) is at most `chord2`, padded by 1e-9 relative and 1e-9° against rounding;
 * unbounded in longitude when the cap reaches a pole or the antimeridian (boxes are not wrapped).
 * Roots and divisions only: asin x ≤ x / √(1 − x²) bounds both the radius and the longitude.
 */
function capRect(lon: number, lat: number, cosLat: number, chord2: number, out: Float64Array): void {
  out[0] = -Infinity;
  out[1] = -Infinity;
  out[2] = Infinity;
  out[3] = Infinity;
  if (!(chord2 < 1)) return;
  // The cap's radius r = 2 asin(c / 2) for chord c; sin r = c √(1 − c²/4).
  const half2 = chord2 / 4, cosHalf = Math.sqrt(1 - half2);
  const radius = Math.sqrt(chord2) / cosHalf;
  const dLat = radius * DEG * (1 + 1e-9) + 1e-9;
  out[1] = lat - dLat;
  out[3] = lat + dLat;
  // The cap's widest longitude: sin Δλ = sin r / cos φ (below 1/2, the cap is far from a pole).
  const sinLon = (Math.sqrt(chord2) * cosHalf) / cosLat;
  if (!(sinLon < 0.5)) return;
  const dLon = (sinLon / Math.sqrt(1 - sinLon * sinLon)) * DEG * (1 + 1e-9) + 1e-9;
  if (lon - dLon < -180 || lon + dLon > 180) return;
  out[0] = lon - dLon;
  out[2] = lon + dLon;
}

/**
 * Squared distance in space (not along the sphere) from a point to the straight segment between
 * the unit vectors at c[o..o + 2] and c[o + 3..o + 5].
 */
function chordDist2(c: Float64Array, o: number, px: number, py: number, pz: number): number {
  const ax = c[o], ay = c[o + 1], az = c[o + 2];
  const abx = c[o + 3] - ax, aby = c[o + 4] - ay, abz = c[o + 5] - az;
  const apx = px - ax, apy = py - ay, apz = pz - az;
  const ab2 = abx * abx + aby * aby + abz * abz;
  let t = ab2 > 0 ? (apx * abx + apy * aby + apz * abz) / ab2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = apx - t * abx, dy = apy - t * aby, dz = apz - t * abz;
  return dx * dx + dy * dy + dz * dz;
}

/** Squared chord from q to vertex i of a flat unit-vector array. */
function vertexChord2(v: Float64Array, i: number, qx: number, qy: number, qz: number): number {
  const dx = qx - v[3 * i], dy = qy - v[3 * i + 1], dz = qz - v[3 * i + 2];
  return dx * dx + dy * dy + dz * dz;
}

function pushDistinct(out: LonLat[], p: LonLat): void {
  const last = out[out.length - 1];
  if (last[0] !== p[0] || last[1] !== p[1]) out.push(p);
}
