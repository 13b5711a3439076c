/**
 * Border sections: each line cut at split vertices into river / land stretches that tile it.
 * Split points are the vertices named in DESIGN.md (where the mainland border leaves the Aras,
 * and where the straight Mughan-steppe lines end); each must be a vertex of the line.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { type BorderFC, type LineId, lineById } from './borderLines';
import { cumulativeM, km, type Position2 } from './geodesy';

export type SectionKind = 'river' | 'land';

export interface SectionProps {
  id: string;
  name: string;
  kind: SectionKind;
  line: LineId;
  from_km: number;
  to_km: number;
  length_km: number;
  note?: string;
}
export type SectionFC = FeatureCollection<LineString, SectionProps>;

interface SectionSpec {
  id: string;
  name: string;
  kind: SectionKind;
  line: LineId;
  /** The vertex where the section ends; null = the end of the line. */
  until: Position2 | null;
  note?: string;
}

/** Where the mainland border leaves the Aras (DESIGN.md). */
export const ARAS_EXIT: Position2 = [47.98561, 39.70915];
/** End of the straight Mughan-steppe lines (DESIGN.md). */
export const MUGHAN_END: Position2 = [48.3322, 39.4287];

export const SECTION_SPECS: readonly SectionSpec[] = [
  { id: 'nakhchivan-aras', name: 'Aras River (Nakhchivan–Iran)', kind: 'river', line: 'nakhchivan', until: null },
  { id: 'mainland-aras', name: 'Aras River (tripoint to Mughan)', kind: 'river', line: 'mainland', until: ARAS_EXIT },
  { id: 'mughan-lines', name: 'Mughan steppe straight lines', kind: 'land', line: 'mainland', until: MUGHAN_END },
  {
    id: 'bolgarchay-talysh-astarachay',
    name: 'Bolgarchay – Talysh hills – Astarachay',
    kind: 'land',
    line: 'mainland',
    until: null,
    note:
      'Mostly a land boundary through the Talysh hills, but it includes river stretches (the Bolgarchay after the Mughan lines, the Astarachay down to the coast). The sources carry no river data, so the river ends cannot be located from the geometry and the whole stretch is kept as one section, marked land.',
  },
];

function vertexIndex(coords: Position2[], p: Position2, from: number, what: string): number {
  for (let i = from; i < coords.length; i++) if (coords[i][0] === p[0] && coords[i][1] === p[1]) return i;
  throw new Error(`section '${what}': split point [${p.join(', ')}] is not a vertex of the line after vertex ${from}`);
}

export function buildSections(border: BorderFC): SectionFC {
  const features: Feature<LineString, SectionProps>[] = [];
  const cursor = new Map<LineId, number>();
  for (const spec of SECTION_SPECS) {
    const line = lineById(border, spec.line).geometry.coordinates as Position2[];
    const cum = cumulativeM(line);
    const start = cursor.get(spec.line) ?? 0;
    const end = spec.until ? vertexIndex(line, spec.until, start + 1, spec.id) : line.length - 1;
    const coords = line.slice(start, end + 1);
    const props: SectionProps = {
      id: spec.id,
      name: spec.name,
      kind: spec.kind,
      line: spec.line,
      from_km: km(cum[start]),
      to_km: km(cum[end]),
      length_km: km(cumulativeM(coords)[coords.length - 1]),
    };
    if (spec.note) props.note = spec.note;
    features.push({ type: 'Feature', id: spec.id, properties: props, geometry: { type: 'LineString', coordinates: coords } });
    cursor.set(spec.line, end);
  }
  for (const f of border.features) {
    if ((cursor.get(f.id) ?? 0) !== f.geometry.coordinates.length - 1) throw new Error(`sections do not reach the end of line '${f.id}'`);
  }
  return { type: 'FeatureCollection', features };
}
