import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Runs `run` once the map's style can take sources and layers: now, or at the first 'load' or
 * 'idle'. isStyleLoaded() is also false while tiles load after the first 'load', when only 'idle'
 * will come. Returns a function that cancels the wait.
 */
export function whenStyleReady(map: MapLibreMap, run: () => void): () => void {
  if (map.isStyleLoaded()) {
    run();
    return () => undefined;
  }
  const ready = (): void => {
    cancel();
    run();
  };
  const cancel = (): void => {
    map.off('load', ready);
    map.off('idle', ready);
  };
  map.on('load', ready);
  map.on('idle', ready);
  return cancel;
}
