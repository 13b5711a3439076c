import { kml } from '@tmcw/togeojson';
import { recordError } from '../recordError';
import { importedId } from './importedId';
import type { ConvertedRecords, FileProblem } from './importRecords';
import { parseXmlFile, type ParseXml } from './parseXmlFile';
import { recordToProperties, textRecord } from './recordToProperties';

/** The text of a KML description, which togeojson gives as { value } when it was CDATA. */
function descriptionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string') return value.value;
  return undefined;
}

/**
 * Turns a KML file into GeoJSON features for the incident validation, one per Placemark, numbered
 * from 1 in document order ("placemark 3"). The placemark's name is the title and its description
 * the description (kept as text, never as HTML); ExtendedData fields give the other properties,
 * with the same coercions as CSV. The id is an ExtendedData `id`, else the Placemark's id
 * attribute, else `import-<file>-placemark-<n>`. A placemark whose geometry is not a Point is
 * reported and left out.
 */
export function kmlToFeatures(text: string, fileName: string, parseXml?: ParseXml): ConvertedRecords | FileProblem {
  const doc = parseXmlFile(text, fileName, 'kml', 'KML', parseXml);
  if ('fileError' in doc) return doc;
  // togeojson turns typed SimpleData bool "false" into true; untyped, every value stays text.
  const fields = doc.getElementsByTagName('SimpleField');
  for (let i = 0; i < fields.length; i += 1) fields[i]?.removeAttribute('type');
  // Placemarks come first in togeojson's output, before ground overlays and network links.
  const placemarkCount = doc.getElementsByTagName('Placemark').length;
  const placemarks = kml(doc).features.slice(0, placemarkCount);

  const label = (number: number): string => `placemark ${number}`;
  const converted: ConvertedRecords = { features: [], errors: [], label };
  placemarks.forEach((placemark, i) => {
    const number = i + 1;
    const skip = (field: string, problem: string): void => {
      converted.errors.push(recordError(fileName, label, number, field, `${problem}; placemark skipped`));
    };
    const geometry = placemark.geometry;
    if (geometry === null) return skip('geometry', 'has no geometry: an incident needs a Point');
    if (geometry.type !== 'Point') {
      return skip('geometry.type', `geometry is a ${geometry.type}, not a Point: only Point placemarks are incidents`);
    }
    const props = placemark.properties ?? {};
    const record = textRecord(Object.entries(props).filter((field): field is [string, string] => typeof field[1] === 'string'));
    const title = typeof props.name === 'string' ? props.name : record.title;
    if (title !== undefined) record.title = title;
    const description = descriptionText(props.description) ?? record.description;
    if (description !== undefined) record.description = description;

    const dataId = record.id?.trim();
    const id =
      dataId !== undefined && dataId !== ''
        ? dataId
        : typeof placemark.id === 'string'
          ? placemark.id
          : importedId(fileName, 'placemark', number);
    converted.features.push({ index: number, feature: { type: 'Feature', id, geometry, properties: recordToProperties(record) } });
  });
  return converted;
}
