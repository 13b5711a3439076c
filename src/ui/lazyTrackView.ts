import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Incident } from '../incidents';
import type { TrackView, TrackViewOptions } from './TrackView';
import { el } from './dom';

/**
 * The track section of a line incident's details, loaded with the first line opened: the analysis,
 * chart and overlay are not in the first bundle. The section's place is kept in the details at once.
 */
export class LazyTrackView {
  private view: Promise<TrackView> | undefined;
  private loaded: TrackView | undefined;
  private serial = 0;

  constructor(private readonly map: MapLibreMap, private readonly options: TrackViewOptions) {}

  /** A holder the section fills once loaded, or undefined (clearing any shown track) when the incident is no line. */
  section(incident: Incident, withinKm: number): HTMLElement | undefined {
    const serial = ++this.serial;
    if (incident.geometry.type !== 'LineString') {
      this.loaded?.clear();
      return undefined;
    }
    const holder = el('div', 'track-holder');
    if (this.loaded) {
      const section = this.loaded.section(incident, withinKm);
      if (section) holder.append(section);
      return holder;
    }
    this.view ??= import('./TrackView').then(({ TrackView: View }) => (this.loaded = new View(this.map, this.options)));
    this.view.then((view) => {
      // Another incident opened, or the details closed, while the module loaded.
      if (serial !== this.serial || !holder.isConnected) return;
      const section = view.section(incident, withinKm);
      if (section) holder.append(section);
    }, (err: unknown) => {
      // Tried again with the next line opened (the files may have been replaced by a new version).
      this.view = undefined;
      holder.append(el('p', 'measure-caveat', `The track figures could not be loaded (${err instanceof Error ? err.message : String(err)}); reload the page to try again.`));
    });
    return holder;
  }

  /** Removes the shown track, if any. */
  clear(): void {
    this.serial++;
    this.loaded?.clear();
  }

  remove(): void {
    this.serial++;
    this.loaded?.remove();
  }
}
