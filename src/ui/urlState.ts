/** Reads a query parameter of the page URL; the map's own view lives in the hash. */
export function readParam(name: string): string | null {
  return new URL(window.location.href).searchParams.get(name);
}

/** Sets or clears a query parameter without a reload, keeping the hash (the map view). */
export function writeParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  const href = url.href.replace(/%2C/g, ',').replace(/%3B/g, ';');
  if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
}

/** Parses `lon,lat;lon,lat` (the ?measure= form); an error names the bad part. */
export function parseMeasureParam(value: string): { points: [[number, number], [number, number]] } | { error: string } {
  const parts = value.split(';');
  if (parts.length !== 2) return { error: `measure='${value}' needs two points, lon,lat;lon,lat` };
  const points: [number, number][] = [];
  for (const part of parts) {
    const nums = part.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    const [lon, lat] = nums;
    if (nums.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return { error: `measure: '${part}' is not a lon,lat pair` };
    }
    points.push([lon, lat]);
  }
  return { points: [points[0], points[1]] };
}

/** Writes the ?measure= form of two points, to 6 decimals (about 0.1 m). */
export function formatMeasureParam(points: readonly (readonly [number, number])[]): string {
  return points.map((p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`).join(';');
}
