import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Mirrors the map's state (loading, moving, idle) on `<html data-map-state>` and its camera on
 * `data-map-view`, for browser tests and benchmarks to wait on. The map is drawn before the app's
 * data arrives: until `ready` resolves (the incidents are on the map), it is never reported idle.
 */
export function exposeMapState(map: MapLibreMap, ready: Promise<unknown>, target: HTMLElement = document.documentElement): void {
  const state = target.dataset;
  let started = false;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('dataloading', () => (state.mapState = 'loading'));
  map.on('idle', () => {
    // The camera as the address writes it (zoom/lat/lng), so tests can place points without the address.
    const c = map.getCenter();
    state.mapView = `${map.getZoom()}/${c.lat}/${c.lng}`;
    if (started) state.mapState = 'idle';
  });
  void ready.finally(() => {
    started = true;
    if (map.loaded()) state.mapState = 'idle';
  });
}
