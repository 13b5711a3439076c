/** What the readers use of a DOM node: the browser's and xmldom's both have it. */
export interface XmlNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly parentNode: XmlNode | null;
}

/** What the readers use of a DOM element. */
export interface XmlElement extends XmlNode {
  readonly localName: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

/** What the readers use of a DOM document. */
export interface XmlRoot {
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === 1;
}

/** Descendants of `node` with this local name, in any namespace (gpx, kml, gx), in document order. */
export function descendants(node: XmlRoot, localName: string): XmlElement[] {
  return Array.from(node.getElementsByTagNameNS('*', localName));
}

/** Direct children of `element` with this local name, in any namespace. */
export function children(element: XmlElement, localName: string): XmlElement[] {
  return Array.from(element.childNodes).filter((n): n is XmlElement => isElement(n) && n.localName === localName);
}

/** Trimmed text of the first child with this local name, or undefined. */
export function childText(element: XmlElement, localName: string): string | undefined {
  return children(element, localName)[0]?.textContent?.trim();
}

/** The nearest ancestor of `node` with this local name, or undefined. */
export function ancestor(node: XmlNode, localName: string): XmlElement | undefined {
  for (let n = node.parentNode; n !== null; n = n.parentNode) if (isElement(n) && n.localName === localName) return n;
  return undefined;
}
