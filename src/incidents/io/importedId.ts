/**
 * A stable id for an imported record that has none, from the file name and the record's number:
 * `import-<file-slug>-row-3` for a CSV row, `import-<file-slug>-placemark-3` for a KML placemark.
 * Importing the same file again gives the same ids, so re-imports can be recognised.
 */
export function importedId(fileName: string, kind: 'row' | 'placemark' | 'feature' | 'track', number: number): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  const slug = base
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `import-${slug === '' ? 'file' : slug}-${kind}-${number}`;
}
