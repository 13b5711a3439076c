import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { BorderIndex, Snap } from './borderIndex';
import { distanceKm } from './geodesic';
import type { LonLat } from './lonLat';
import { sectionsCovered, type Section, type SectionCovered } from './sectionsCovered';

/** An along-border measurement between two points, everything the measuring panel shows. */
export type AlongMeasurement =
  | {
      sameLine: true;
      from: Snap;
      to: Snap;
      /** Ellipsoidal km along the border. */
      alongKm: number;
      /** Ellipsoidal (geodesic) km in a straight line between the two snapped points. */
      straightKm: number;
      /** alongKm / straightKm; NaN when both points are the same. */
      ratio: number;
      sections: SectionCovered[];
      slice: LonLat[];
    }
  | { sameLine: false; from: Snap; to: Snap; straightKm: number };

/** Snaps two points to the border and measures between them. */
export function measureAlong(index: BorderIndex, a: LonLat, b: LonLat, sections: readonly Section[] = []): AlongMeasurement {
  const along = index.along(a, b);
  const straightKm = distanceKm(along.from.point, along.to.point);
  if (!along.sameLine) return { sameLine: false, from: along.from, to: along.to, straightKm };
  return {
    sameLine: true,
    from: along.from,
    to: along.to,
    alongKm: along.km,
    straightKm,
    ratio: straightKm > 0 ? along.km / straightKm : Number.NaN,
    sections: sectionsCovered(sections, along.lineId, along.fromKm, along.toKm),
    slice: index.slice(along.from, along.to),
  };
}

/** Per-leg and total geodesic km of a free polyline. */
export interface RulerMeasurement {
  points: LonLat[];
  legsKm: number[];
  totalKm: number;
}

export function measureRuler(points: readonly LonLat[]): RulerMeasurement {
  const legsKm: number[] = [];
  for (let i = 1; i < points.length; i++) legsKm.push(distanceKm(points[i - 1], points[i]));
  return { points: [...points], legsKm, totalKm: legsKm.reduce((s, x) => s + x, 0) };
}

const round = (x: number, d = 6): number => Number(x.toFixed(d));
const pt = (p: LonLat): [number, number] => [round(p[0]), round(p[1])];

/** A measurement as GeoJSON, with its figures in the properties, for export. */
export function measurementToGeoJSON(m: AlongMeasurement | RulerMeasurement): FeatureCollection<LineString | Point> {
  const features: Feature<LineString | Point>[] = [];
  if ('legsKm' in m) {
    features.push({
      type: 'Feature',
      properties: { measurement: 'ruler', total_km: round(m.totalKm), legs_km: m.legsKm.map((k) => round(k)), ellipsoid: 'WGS84' },
      geometry: { type: 'LineString', coordinates: m.points.map(pt) },
    });
    return { type: 'FeatureCollection', features };
  }
  const ends: [string, Snap][] = [['from', m.from], ['to', m.to]];
  for (const [end, s] of ends) {
    features.push({
      type: 'Feature',
      properties: { measurement: 'along-border', end, line: s.lineId, line_name: s.lineName, chainage_km: round(s.chainageKm) },
      geometry: { type: 'Point', coordinates: pt(s.point) },
    });
  }
  if (m.sameLine) {
    features.unshift({
      type: 'Feature',
      properties: {
        measurement: 'along-border',
        line: m.from.lineId,
        line_name: m.from.lineName,
        from_km: round(m.from.chainageKm),
        to_km: round(m.to.chainageKm),
        along_km: round(m.alongKm),
        straight_km: round(m.straightKm),
        ratio: Number.isFinite(m.ratio) ? round(m.ratio, 4) : null,
        sections: m.sections.map((s) => ({ id: s.id, name: s.name, kind: s.kind, km: round(s.km) })),
        ellipsoid: 'WGS84',
      },
      geometry: { type: 'LineString', coordinates: m.slice.map(pt) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Average ground speed in km/h for `km` covered in `minutes`; throws on a non-positive duration.
 * The distance is the caller's assumption (e.g. a stretch flown out and back is twice its length):
 * whoever shows the figure must state that assumption with it.
 */
export function impliedSpeedKmh(km: number, minutes: number): number {
  if (!(minutes > 0) || !Number.isFinite(minutes)) throw new RangeError(`impliedSpeedKmh: duration ${minutes} min is not a positive number`);
  return km / (minutes / 60);
}
