const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

// Result of the last arcChord2 call: nearest point's unit vector and which part of the arc holds it.
const foot = new Float64Array(3);
let footAt: 'a' | 'b' | 'inside' = 'inside';
const vectors = new Float64Array(9);

/** Writes the unit vector of (lon, lat) into out[offset..offset + 2]. */
export function unitVector(lon: number, lat: number, out: Float64Array, offset: number): void {
  const cosLat = Math.cos(lat * RAD);
  out[offset] = cosLat * Math.cos(lon * RAD);
  out[offset + 1] = cosLat * Math.sin(lon * RAD);
  out[offset + 2] = Math.sin(lat * RAD);
}

/**
 * Squared chord length, on the unit sphere, from q to the nearest point of the great-circle arc
 * from a to b, all given as unit vectors (geodetic latitudes taken as spherical ones: the model of
 * turf's nearestPointOnLine). The chord is monotone in the angle, so it ranks like the distance.
 * No trigonometry, no allocation (hot path).
 */
export function arcChord2(
  ax: number, ay: number, az: number, bx: number, by: number, bz: number, qx: number, qy: number, qz: number,
): number {
  // Normal of the arc's plane; its length is sin of the arc's angle.
  let nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const nLen = Math.sqrt(nx * nx + ny * ny + nz * nz);
  if (nLen > 1e-15) {
    nx /= nLen; ny /= nLen; nz /= nLen;
    // Foot of q on the great circle: q minus its component along the normal.
    const qn = qx * nx + qy * ny + qz * nz;
    let fx = qx - qn * nx, fy = qy - qn * ny, fz = qz - qn * nz;
    const fLen = Math.sqrt(fx * fx + fy * fy + fz * fz);
    if (fLen > 1e-15) {
      fx /= fLen; fy /= fLen; fz /= fLen;
      // Inside the arc iff a→foot and foot→b both turn the arc's way around the normal.
      const afn = (ay * fz - az * fy) * nx + (az * fx - ax * fz) * ny + (ax * fy - ay * fx) * nz;
      const fbn = (fy * bz - fz * by) * nx + (fz * bx - fx * bz) * ny + (fx * by - fy * bx) * nz;
      if (afn > 0 && fbn > 0) {
        foot[0] = fx; foot[1] = fy; foot[2] = fz;
        footAt = 'inside';
        return chord2(qx, qy, qz, fx, fy, fz);
      }
    }
  }
  const toA = chord2(qx, qy, qz, ax, ay, az), toB = chord2(qx, qy, qz, bx, by, bz);
  footAt = toA <= toB ? 'a' : 'b';
  return toA <= toB ? toA : toB;
}

/**
 * arcChord2 for the arc from the unit vector at v[k..k + 2] to the one at v[k + 3..k + 5], with the
 * same value, but cheaper where the answer cannot be below `bound`: when both ends are at least
 * `bound` away and q's foot falls clearly outside the arc, the answer is the nearer end's chord,
 * found without roots or divisions (most of the segments a search measures).
 */
export function arcChord2Within(v: Float64Array, k: number, qx: number, qy: number, qz: number, bound: number): number {
  const ax = v[k], ay = v[k + 1], az = v[k + 2], bx = v[k + 3], by = v[k + 4], bz = v[k + 5];
  const toA = chord2(qx, qy, qz, ax, ay, az), toB = chord2(qx, qy, qz, bx, by, bz);
  const ends = toA <= toB ? toA : toB;
  if (ends < bound) return arcChord2(ax, ay, az, bx, by, bz, qx, qy, qz);
  // With n = a × b unnormalised, (a × q)·n and (q × b)·n have the signs of arcChord2's two
  // inside tests; only a clear negative (beyond 1e-10 of |n|, far above rounding) decides here.
  const nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const margin = 1e-20 * (nx * nx + ny * ny + nz * nz);
  const fromA = (ay * qz - az * qy) * nx + (az * qx - ax * qz) * ny + (ax * qy - ay * qx) * nz;
  if (fromA < 0 && fromA * fromA > margin) return ends;
  const toEnd = (qy * bz - qz * by) * nx + (qz * bx - qx * bz) * ny + (qx * by - qy * bx) * nz;
  if (toEnd < 0 && toEnd * toEnd > margin) return ends;
  return arcChord2(ax, ay, az, bx, by, bz, qx, qy, qz);
}

/**
 * Nearest point to q on the great-circle arc from a to b (see arcChord2). Writes its [lon, lat]
 * into out[0], out[1] (an endpoint keeps its exact input coordinates) and returns the angle from
 * q in radians.
 */
export function nearestOnArc(
  aLon: number, aLat: number, bLon: number, bLat: number, qLon: number, qLat: number, out: Float64Array,
): number {
  const v = vectors;
  unitVector(aLon, aLat, v, 0);
  unitVector(bLon, bLat, v, 3);
  unitVector(qLon, qLat, v, 6);
  return chordToAngle(footOnArc(v, 0, v[6], v[7], v[8], aLon, aLat, bLon, bLat, out));
}

/**
 * nearestOnArc with the unit vectors already at hand (a line index keeps its vertices' and the
 * query's): a at v[k..k + 2], b at v[k + 3..k + 5], q given. Same point, no trigonometry but the
 * foot's atan2; returns the squared chord instead of the angle.
 */
export function footOnArc(
  v: Float64Array, k: number, qx: number, qy: number, qz: number, aLon: number, aLat: number, bLon: number, bLat: number, out: Float64Array,
): number {
  const c2 = arcChord2(v[k], v[k + 1], v[k + 2], v[k + 3], v[k + 4], v[k + 5], qx, qy, qz);
  if (footAt === 'a') {
    out[0] = aLon; out[1] = aLat;
  } else if (footAt === 'b') {
    out[0] = bLon; out[1] = bLat;
  } else {
    out[0] = Math.atan2(foot[1], foot[0]) * DEG;
    out[1] = Math.atan2(foot[2], Math.sqrt(foot[0] * foot[0] + foot[1] * foot[1])) * DEG;
  }
  return c2;
}

/** Angle in radians subtended by a chord of the unit sphere, from its square. */
export function chordToAngle(chordSquared: number): number {
  return 2 * Math.asin(Math.min(1, Math.sqrt(chordSquared) / 2));
}

function chord2(ux: number, uy: number, uz: number, vx: number, vy: number, vz: number): number {
  const dx = ux - vx, dy = uy - vy, dz = uz - vz;
  return dx * dx + dy * dy + dz * dz;
}

/**
 * Latitude range [min, max] in degrees swept by the great-circle arc from a to b: wider than its
 * endpoints' when the arc bulges poleward (about 13 m for a 29 km east–west arc at 38°N).
 */
export function arcLatRange(aLon: number, aLat: number, bLon: number, bLat: number): [number, number] {
  let min = Math.min(aLat, bLat), max = Math.max(aLat, bLat);
  const ca = Math.cos(aLat * RAD), cb = Math.cos(bLat * RAD);
  const ax = ca * Math.cos(aLon * RAD), ay = ca * Math.sin(aLon * RAD), az = Math.sin(aLat * RAD);
  const bx = cb * Math.cos(bLon * RAD), by = cb * Math.sin(bLon * RAD), bz = Math.sin(bLat * RAD);
  let nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
  const nLen = Math.sqrt(nx * nx + ny * ny + nz * nz);
  if (nLen < 1e-15) return [min, max];
  nx /= nLen; ny /= nLen; nz /= nLen;
  // The circle's northernmost point: the pole's direction minus its component along the normal.
  let vx = -nz * nx, vy = -nz * ny, vz = 1 - nz * nz;
  const vLen = Math.sqrt(vx * vx + vy * vy + vz * vz);
  if (vLen < 1e-15) return [min, max];
  vx /= vLen; vy /= vLen; vz /= vLen;
  for (const s of [1, -1]) {
    const px = s * vx, py = s * vy, pz = s * vz;
    const apn = (ay * pz - az * py) * nx + (az * px - ax * pz) * ny + (ax * py - ay * px) * nz;
    const pbn = (py * bz - pz * by) * nx + (pz * bx - px * bz) * ny + (px * by - py * bx) * nz;
    if (apn >= 0 && pbn >= 0) {
      const lat = Math.atan2(pz, Math.sqrt(px * px + py * py)) * DEG;
      if (lat < min) min = lat;
      if (lat > max) max = lat;
    }
  }
  return [min, max];
}
