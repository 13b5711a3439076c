import type { Incident } from './types';

/** Compares titles as localeCompare does, without building a collator per comparison. */
const TITLES = new Intl.Collator();

/**
 * The list's order: by date (ISO dates sort as plain text, a month before its days), then title as
 * the reader's language sorts it. Incidents handed over already in this order (an import) sort again
 * in about one comparison each.
 */
export function compareByDate(a: Incident, b: Incident): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : TITLES.compare(a.title, b.title);
}
