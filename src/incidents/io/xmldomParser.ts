import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { XmlDocument } from './parseXmlFile';

/** Parses XML where the browser's DOMParser is missing (a worker, node): strictly, throwing on any XML error. */
export function parseXmlWithXmldom(text: string): XmlDocument {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'application/xml');
}
