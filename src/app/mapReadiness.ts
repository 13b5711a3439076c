import type { Map as MapLibreMap } from 'maplibre-gl';

/** Mirrors the map's state (loading, moving, idle) on `<html data-map-state>` and its camera on `data-map-view`, for browser tests and benchmarks. */
export function exposeMapState(map: MapLibreMap, target: HTMLElement = document.documentElement): void {
  const state = target.dataset;
  state.mapState = 'loading';
  map.on('movestart', () => (state.mapState = 'moving'));
  map.on('dataloading', () => (state.mapState = 'loading'));
  map.on('idle', () => {
    // The camera as the address writes it (zoom/lat/lng), so tests can place points without the address.
    const c = map.getCenter();
    state.mapView = `${map.getZoom()}/${c.lat}/${c.lng}`;
    state.mapState = 'idle';
  });
}
