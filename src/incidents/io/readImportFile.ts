import type { FileProblem } from './fileProblem';
import { kmzToKml } from './kmzToKml';
import { readImportTable, type ImportTable, type ReadTableOptions } from './readImportTable';
import { zippedShapefileToGeoJson } from './zippedShapefile';

/**
 * The largest file the import takes, in bytes (100 MB, ~340,000 ACLED rows): up to it no task of the
 * page takes over ~0.1 s while a file is read, stored and shown (npm run bench:import); at 200 MB one
 * takes over half a second and Chromium needs over 6 GB.
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/** What the reader needs of a picked or dropped file (a File, or a Blob with a name). */
export interface NamedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Reads a picked file into an import table: a KMZ as the KML inside it, a zipped shapefile as
 * GeoJSON, anything else as text (GeoJSON, CSV/TSV, KML). A file larger than `maxBytes` (default
 * IMPORT_MAX_BYTES), or one that cannot be read, is a FileProblem naming the file and why.
 */
export async function readImportFile(file: NamedFile, options: ReadTableOptions & { maxBytes?: number } = {}): Promise<ImportTable | FileProblem> {
  const maxBytes = options.maxBytes ?? IMPORT_MAX_BYTES;
  if (file.size > maxBytes) {
    return { fileError: `${file.name} is ${megabytes(file.size)}; the import takes files up to ${megabytes(maxBytes)}` };
  }
  const shapefile = /\.zip$/i.test(file.name);
  let text: string | FileProblem;
  try {
    text = /\.kmz$/i.test(file.name) ? kmzToKml(new Uint8Array(await file.arrayBuffer()), file.name)
      : shapefile ? await zippedShapefileToGeoJson(new Uint8Array(await file.arrayBuffer()), file.name)
        : await file.text();
  } catch (err) {
    return { fileError: `${file.name} could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof text !== 'string') return text;
  return readImportTable(text, file.name, shapefile ? { ...options, originalFormat: 'Zipped shapefile' } : options);
}
