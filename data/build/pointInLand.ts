/** Even-odd point-in-polygon over many disjoint polygons, with edges bucketed in latitude bands. */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const BAND = 0.05;

export class LandTest {
  private readonly bands = new Map<number, Array<[number, number, number, number]>>();
  constructor(geoms: ReadonlyArray<Polygon | MultiPolygon>) {
    for (const g of geoms) {
      const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      for (const poly of polys)
        for (const ring of poly)
          for (let i = 1; i < ring.length; i++) {
            const [x1, y1] = ring[i - 1], [x2, y2] = ring[i];
            if (y1 === y2) continue;
            for (let b = Math.floor(Math.min(y1, y2) / BAND); b <= Math.floor(Math.max(y1, y2) / BAND); b++) {
              const list = this.bands.get(b);
              if (list) list.push([x1, y1, x2, y2]);
              else this.bands.set(b, [[x1, y1, x2, y2]]);
            }
          }
    }
  }
  /** True if [lon, lat] is inside any of the polygons (ray cast eastwards, even-odd). */
  contains(p: readonly number[]): boolean {
    const [x, y] = p;
    let inside = false;
    for (const [x1, y1, x2, y2] of this.bands.get(Math.floor(y / BAND)) ?? []) {
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }
}
