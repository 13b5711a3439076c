/** A named section of one border line, as in data/border-sections.geojson. */
export interface Section {
  id: string;
  name: string;
  kind: 'river' | 'land';
  line: string;
  fromKm: number;
  toKm: number;
}

/** A section with how many km of it lie between two chainages. */
export interface SectionCovered extends Section {
  km: number;
}

/** Reads sections from a GeoJSON FeatureCollection, naming the feature of any bad value. */
export function readSections(collection: unknown, source = 'border-sections.geojson'): Section[] {
  const features = (collection as { features?: unknown })?.features;
  if (!Array.isArray(features)) throw new TypeError(`${source}: not a FeatureCollection with features`);
  return features.map((f: unknown, i: number) => {
    const p = (f as { properties?: Record<string, unknown> })?.properties ?? {};
    const { id, name, kind, line, from_km: fromKm, to_km: toKm } = p;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof line !== 'string') {
      throw new TypeError(`${source} feature ${i}: id, name and line must be strings`);
    }
    if (kind !== 'river' && kind !== 'land') throw new TypeError(`${source} feature ${i}: kind '${String(kind)}' is not river or land`);
    if (typeof fromKm !== 'number' || typeof toKm !== 'number' || !(toKm >= fromKm)) {
      throw new TypeError(`${source} feature ${i}: from_km ${String(fromKm)} / to_km ${String(toKm)} are not an increasing pair`);
    }
    return { id, name, kind, line, fromKm, toKm };
  });
}

/** The sections of `line` that overlap the chainage interval between a and b (either order), in order. */
export function sectionsCovered(sections: readonly Section[], line: string, a: number, b: number): SectionCovered[] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const out: SectionCovered[] = [];
  for (const s of sections) {
    if (s.line !== line) continue;
    const km = Math.min(hi, s.toKm) - Math.max(lo, s.fromKm);
    // A zero-length interval still lies in the section that holds it.
    if (km > 0 || (lo === hi && lo >= s.fromKm && lo <= s.toKm && out.length === 0)) out.push({ ...s, km: Math.max(km, 0) });
  }
  return out.sort((x, y) => x.fromKm - y.fromKm);
}
