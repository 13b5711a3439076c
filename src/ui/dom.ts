/** Creates an element with a class and, optionally, text; data only ever enters as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Saves text as a file the user downloads. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Saves a blob (text, an image) as a file the user downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Appends a term and its value (text, or a node) to a description list. */
export function addRow(dl: HTMLDListElement, term: string, value: string | Node, className?: string): void {
  const dd = el('dd', className);
  if (typeof value === 'string') dd.textContent = value;
  else dd.append(value);
  dl.append(el('dt', undefined, term), dd);
}
