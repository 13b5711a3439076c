import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Mirrors the map's state (loading, moving, idle) on `<html data-map-state>`, for browser tests and
 * benchmarks to wait on. The map is drawn before the app's data arrives: until `ready` resolves
 * (the incidents are on the map), it is never reported idle.
 */
export function exposeMapState(map: MapLibreMap, ready: Promise<unknown>, target: HTMLElement = document.documentElement): void {
  const state = target.dataset;
  let started = false;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('dataloading', () => (state.mapState = 'loading'));
  map.on('idle', () => {
    if (started) state.mapState = 'idle';
  });
  void ready.finally(() => {
    started = true;
    if (map.loaded()) state.mapState = 'idle';
  });
}
