/** A WGS84 position: longitude then latitude, in degrees. */
export type LonLat = readonly [lon: number, lat: number];

/** How a value prints in an error message: arrays as [a, b], NaN and Infinity kept visible. */
export function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Why `value` is not a [lon, lat] pair, or undefined if it is one. */
export function lonLatProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length < 2) return 'expected an array [lon, lat]';
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon)) return `lon ${show(lon)} is not a finite number`;
  if (typeof lat !== 'number' || !Number.isFinite(lat)) return `lat ${show(lat)} is not a finite number`;
  if (lon < -180 || lon > 180) return `lon ${lon} is outside [-180, 180]`;
  if (lat < -90 || lat > 90) return `lat ${lat} is outside [-90, 90]`;
  return undefined;
}

/**
 * Throws unless `value` is a [lon, lat] pair of finite degrees in range.
 * `where` names the value for the message, e.g. "snap: point".
 */
export function assertLonLat(value: unknown, where: string): asserts value is LonLat {
  const problem = lonLatProblem(value);
  if (problem !== undefined) throw new TypeError(`${where} ${show(value)} is not a [lon, lat] pair (${problem})`);
}
