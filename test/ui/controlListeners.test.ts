// @vitest-environment happy-dom
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BorderIndex } from '../../src/geo';
import { ImportControl } from '../../src/ui/ImportControl';
import { IncidentListControl } from '../../src/ui/IncidentListControl';
import { LegendControl } from '../../src/ui/LegendControl';
import { MeasureControl } from '../../src/ui/MeasureControl';

/** The object in `target`'s prototype chain that defines addEventListener. */
function ownerOf(target: object): EventTarget {
  let p: object | null = target;
  while (p && !Object.prototype.hasOwnProperty.call(p, 'addEventListener')) p = Object.getPrototypeOf(p);
  if (!p) throw new Error('no addEventListener found');
  return p as EventTarget;
}

/** Counts the DOM listeners currently added, per target, type and listener. */
function trackDomListeners(): { live: () => number } {
  const live = new Set<string>();
  const tracking = { paused: false };
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (target: object, type: string, listener: unknown): string => {
    for (const o of [target, listener as object]) if (!ids.has(o)) ids.set(o, next++);
    return `${ids.get(target)}:${type}:${ids.get(listener as object)}`;
  };
  // Elements and the window may each define their own add/remove (happy-dom does): patch every owner.
  const owners = new Set([ownerOf(document.createElement('div')), ownerOf(window)]);
  for (const owner of owners) {
    const add = owner.addEventListener;
    const remove = owner.removeEventListener;
    vi.spyOn(owner, 'addEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      // Only the component's own calls count, not those the DOM makes while handling them.
      if (tracking.paused || !listener) {
        add.call(this, type, listener, options);
        return;
      }
      tracking.paused = true;
      try {
        add.call(this, type, listener, options);
        const k = key(this, type, listener);
        live.add(k);
        // A listener added with an AbortSignal goes when the signal aborts, without removeEventListener.
        const signal = typeof options === 'object' ? options.signal : undefined;
        signal?.addEventListener('abort', () => live.delete(k), { once: true });
      } finally {
        tracking.paused = false;
      }
    });
    vi.spyOn(owner, 'removeEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      if (listener) live.delete(key(this, type, listener));
      remove.call(this, type, listener, options);
    });
  }
  return { live: () => live.size };
}

/** Just enough of a map for a control to add itself to and remove itself from; counts map listeners. */
function fakeMap(): { map: MapLibreMap; mapListeners: () => number } {
  const container = document.createElement('div');
  const canvasContainer = document.createElement('div');
  const canvas = document.createElement('canvas');
  container.append(canvasContainer);
  canvasContainer.append(canvas);
  document.body.append(container);
  let listeners = 0;
  const fake = {
    getContainer: () => container,
    getCanvasContainer: () => canvasContainer,
    getCanvas: () => canvas,
    isStyleLoaded: () => false,
    getSource: () => undefined,
    getLayer: () => undefined,
    on: () => (listeners += 1, fake),
    once: () => (listeners += 1, fake),
    off: () => (listeners -= 1, fake),
  };
  return { map: fake as unknown as MapLibreMap, mapListeners: () => listeners };
}

function tinyIndex(): BorderIndex {
  return new BorderIndex({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { id: 'test', name: 'Test line' }, geometry: { type: 'LineString', coordinates: [[46, 39], [47, 39]] } }],
  });
}

const controls: [string, () => IControl][] = [
  ['MeasureControl', () => new MeasureControl({ index: tinyIndex() })],
  ['ImportControl', () => new ImportControl({ onFiles: () => undefined, onExport: () => undefined, onClearImported: () => undefined })],
  ['LegendControl', () => new LegendControl({ onCategories: () => undefined, onWithin: () => undefined })],
  ['IncidentListControl', () => new IncidentListControl({ onSelect: () => undefined })],
];

describe('controls pair every listener', () => {
  let tracker: ReturnType<typeof trackDomListeners>;
  beforeEach(() => {
    tracker = trackDomListeners();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  test.each(controls)('%s leaves no listener after onRemove, and adds the same number again', (_name, make) => {
    const { map, mapListeners } = fakeMap();
    const control = make();
    const before = tracker.live();
    control.onAdd(map);
    const added = tracker.live() - before;
    expect(added).toBeGreaterThan(0);
    const addedOnMap = mapListeners();
    control.onRemove(map);
    expect(tracker.live()).toBe(before);
    expect(mapListeners()).toBe(0);
    control.onAdd(map);
    expect(tracker.live() - before).toBe(added);
    expect(mapListeners()).toBe(addedOnMap);
    control.onRemove(map);
    expect(tracker.live()).toBe(before);
  });
});
