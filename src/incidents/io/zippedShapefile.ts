import { unzipSync } from 'fflate';
import type { FileProblem } from './fileProblem';

/** The most a zipped shapefile may unpack to (its .shp, .dbf, .prj, .cpg and .json parts), in bytes. */
export const SHAPEFILE_MAX_BYTES = 100 * 1024 * 1024;

const PART = /\.(shp|dbf|prj|cpg|json)$/i;

/**
 * The layers of a zipped shapefile (as QGIS and ArcGIS users send them) as one GeoJSON text, each
 * feature's layer name kept in `layer` when the zip holds several; coordinates are reprojected to
 * WGS84 from the .prj. The reader (shpjs) is loaded on first use. A zip that unpacks to more than
 * SHAPEFILE_MAX_BYTES, has no .shp or cannot be read is a FileProblem naming the file.
 */
export async function zippedShapefileToGeoJson(bytes: Uint8Array, fileName: string): Promise<string | FileProblem> {
  let unpacked = 0;
  let layers = 0;
  try {
    // Sizes from the zip's directory, before anything is unpacked.
    unzipSync(bytes, {
      filter: (entry) => {
        // macOS's resource forks (__MACOSX/) are not read.
        if (!entry.name.includes('__MACOSX') && PART.test(entry.name)) {
          unpacked += entry.originalSize;
          if (/\.shp$/i.test(entry.name)) layers++;
        }
        return false;
      },
    });
  } catch (error) {
    return { fileError: `${fileName}: not a readable zip file (${error instanceof Error ? error.message : String(error)})` };
  }
  if (layers === 0) return { fileError: `${fileName}: the zip holds no shapefile (.shp)` };
  if (unpacked > SHAPEFILE_MAX_BYTES) {
    return { fileError: `${fileName}: its shapefile parts unpack to ${unpacked.toLocaleString('en')} bytes; at most ${SHAPEFILE_MAX_BYTES.toLocaleString('en')} are read` };
  }
  try {
    const { default: getShapefile } = await import('shpjs');
    const read = await getShapefile(bytes);
    const all = Array.isArray(read) ? read : [read];
    const features = all.flatMap((layer) => layer.features.map((f) => (
      all.length > 1 ? { ...f, properties: { ...f.properties, layer: layer.fileName ?? '' } } : f
    )));
    return JSON.stringify({ type: 'FeatureCollection', features });
  } catch (error) {
    return { fileError: `${fileName}: could not be read as a shapefile (${error instanceof Error ? error.message : String(error)})` };
  }
}
