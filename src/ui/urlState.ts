/** Reads a query parameter of the page URL; the map's own view lives in the hash. */
export function readParam(name: string): string | null {
  return new URL(window.location.href).searchParams.get(name);
}

/** Sets or clears a query parameter without a reload, keeping the hash (the map view). */
export function writeParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url.href);
}
