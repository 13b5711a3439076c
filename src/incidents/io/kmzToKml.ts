import { strFromU8, unzipSync } from 'fflate';
import type { FileProblem } from './fileProblem';

/** The largest KML a KMZ may unpack to, in bytes: a small zip cannot become gigabytes in memory. */
export const KMZ_MAX_KML_BYTES = 50 * 1024 * 1024;

/**
 * The KML inside a KMZ (a zip): its doc.kml, else its first .kml file, as text. Only that file is
 * unpacked, and only if it unpacks to at most KMZ_MAX_KML_BYTES; a zip that cannot be read, or has
 * no KML, is a FileProblem naming the file.
 */
export function kmzToKml(bytes: Uint8Array, fileName: string): string | FileProblem {
  let chosen: string | undefined;
  let tooBig: number | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (!/\.kml$/i.test(entry.name) || (chosen !== undefined && chosen.toLowerCase() === 'doc.kml')) return false;
        if (entry.originalSize > KMZ_MAX_KML_BYTES) {
          tooBig = entry.originalSize;
          return false;
        }
        chosen = entry.name;
        return true;
      },
    });
  } catch (error) {
    return { fileError: `${fileName}: not a readable KMZ (zip) file (${error instanceof Error ? error.message : String(error)})` };
  }
  const kml = chosen === undefined ? undefined : files[chosen];
  if (kml === undefined) {
    return {
      fileError: tooBig !== undefined
        ? `${fileName}: its KML unpacks to ${tooBig.toLocaleString('en')} bytes; at most ${KMZ_MAX_KML_BYTES.toLocaleString('en')} are read`
        : `${fileName}: the KMZ holds no .kml file`,
    };
  }
  return strFromU8(kml);
}
