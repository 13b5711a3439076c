import type { Map as MapLibreMap } from 'maplibre-gl';

/** Mirrors the map's state (loading, moving, idle) on `<html data-map-state>`, for browser tests and benchmarks to wait on. */
export function exposeMapState(map: MapLibreMap, target: HTMLElement = document.documentElement): void {
  const state = target.dataset;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('dataloading', () => (state.mapState = 'loading'));
  map.on('idle', () => (state.mapState = 'idle'));
}
