// shpjs ships no types: the one entry point used here, as its README documents it.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  type Layer = FeatureCollection & { fileName?: string };
  /** Reads a zipped shapefile (every .shp layer, with its .dbf, .prj and .cpg): one collection per layer. */
  export default function getShapefile(zip: ArrayBuffer | Uint8Array): Promise<Layer | Layer[]>;
}
