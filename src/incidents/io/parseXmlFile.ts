import type { kml } from '@tmcw/togeojson';
import { describeValue } from '../describeValue';
import { firstLine } from './firstLine';
import type { FileProblem } from './fileProblem';

/** A parsed XML document, from the browser's DOMParser or @xmldom/xmldom (as togeojson takes). */
export type XmlDocument = Parameters<typeof kml>[0];

/** Parses XML text; may throw (xmldom does) or return a document with a parsererror element (browsers do). */
export type ParseXml = (text: string) => XmlDocument;

function browserParseXml(text: string): XmlDocument {
  return new DOMParser().parseFromString(text, 'application/xml');
}

/**
 * The document, or what is wrong with the XML: not well-formed, or its root element is not
 * `root` ("kml", "gpx"). `format` names the file type in messages. Without `parseXml`, the
 * browser's DOMParser.
 */
export function parseXmlFile(text: string, fileName: string, root: string, format: string, parseXml: ParseXml | undefined): XmlDocument | FileProblem {
  if (parseXml === undefined && typeof DOMParser === 'undefined') {
    return { fileError: `${fileName}: no XML parser is available here to read ${format}` };
  }
  const notWellFormed = (complaint: string): FileProblem => ({
    fileError: `${fileName}: not well-formed XML (${firstLine(complaint).trim()})`,
  });
  let doc: XmlDocument;
  try {
    doc = (parseXml ?? browserParseXml)(text);
  } catch (error) {
    return notWellFormed(error instanceof Error ? error.message : String(error));
  }
  const parserError = doc.getElementsByTagName('parsererror')[0];
  if (parserError !== undefined) return notWellFormed(parserError.textContent ?? '');
  const rootName = doc.documentElement?.localName;
  if (rootName !== root) return { fileError: `${fileName}: the XML root element is ${describeValue(rootName)}, not '${root}'` };
  return doc;
}
