import { Marker, Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { Incident } from '../incidents';
import { CATEGORY_LABELS, formatIncidentDate } from '../incidents';
import { categoryColor } from './categoryColors';
import { buildIncidentCard } from './incidentCard';

export interface IncidentMarkersOptions {
  /** Extra figures for an incident's popup (e.g. its distance to the border); default none. */
  details?: (incident: Incident) => Node | undefined;
  /** Called when an incident is opened or closed (null); default none. */
  onChange?: (id: string | null) => void;
  /** Zoom to fly to when an incident is chosen from outside the map; default 8. */
  flyZoom?: number;
}

// Pixels between markers that share a spot, so each stays clickable.
const SPREAD_PX = 14;

/** One keyboard-reachable marker per incident, and the popup that reads it. */
export class IncidentMarkers {
  private readonly incidents: Map<string, Incident> = new Map();
  private readonly markers: Marker[] = [];
  private readonly options: IncidentMarkersOptions;
  private map: MapLibreMap | undefined;
  private popup: Popup | undefined;
  private openId: string | null = null;

  constructor(incidents: readonly Incident[], options: IncidentMarkersOptions = {}) {
    this.options = options;
    for (const incident of incidents) this.incidents.set(incident.id, incident);
  }

  addTo(map: MapLibreMap): this {
    this.map = map;
    const offsets = spreadOffsets([...this.incidents.values()]);
    for (const incident of this.incidents.values()) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'incident-marker';
      element.dataset.incidentId = incident.id;
      element.dataset.category = incident.category;
      element.style.setProperty('--category-color', categoryColor(incident.category));
      element.setAttribute(
        'aria-label',
        `${incident.title}: ${CATEGORY_LABELS[incident.category]}, ${formatIncidentDate(incident)}`,
      );
      element.title = incident.title;
      element.addEventListener('click', (event) => {
        event.stopPropagation();
        this.open(incident.id, { fly: false });
      });
      const marker = new Marker({ element, offset: offsets.get(incident.id) ?? [0, 0] })
        .setLngLat(incident.coordinates)
        .addTo(map);
      this.markers.push(marker);
    }
    return this;
  }

  remove(): void {
    this.popup?.remove();
    for (const marker of this.markers) marker.remove();
    this.markers.length = 0;
    this.map = undefined;
  }

  has(id: string): boolean {
    return this.incidents.has(id);
  }

  /** Opens an incident's popup; `fly` moves the map to it first. */
  open(id: string, { fly = true }: { fly?: boolean } = {}): boolean {
    const incident = this.incidents.get(id);
    const map = this.map;
    if (!incident || !map) return false;
    if (fly) map.flyTo({ center: incident.coordinates, zoom: Math.max(map.getZoom(), this.options.flyZoom ?? 8), essential: true });
    this.popup?.remove();
    const content = buildIncidentCard(incident, this.options.details?.(incident));
    const popup = new Popup({ maxWidth: '380px', focusAfterOpen: false, className: 'incident-popup' })
      .setLngLat(incident.coordinates)
      .setDOMContent(content);
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = undefined;
      this.openId = null;
      this.options.onChange?.(null);
    });
    this.popup = popup;
    popup.addTo(map);
    // Focus the title, not the last link, so the card opens at its top for keyboard and screen-reader users.
    content.querySelector<HTMLElement>('.incident-title')?.focus({ preventScroll: true });
    this.openId = id;
    this.options.onChange?.(id);
    return true;
  }

  get current(): string | null {
    return this.openId;
  }
}

/** Pixel offsets that fan out incidents sharing the same coordinates. */
function spreadOffsets(incidents: readonly Incident[]): Map<string, [number, number]> {
  const groups = new Map<string, Incident[]>();
  for (const incident of incidents) {
    const key = incident.coordinates.map((c) => c.toFixed(5)).join(',');
    const group = groups.get(key) ?? [];
    group.push(incident);
    groups.set(key, group);
  }
  const offsets = new Map<string, [number, number]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((incident, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      offsets.set(incident.id, [Math.round(SPREAD_PX * Math.cos(angle)), Math.round(SPREAD_PX * Math.sin(angle))]);
    });
  }
  return offsets;
}
