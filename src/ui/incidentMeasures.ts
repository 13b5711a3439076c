import type { FeatureCollection } from 'geojson';
import {
  countryAt, distanceKm, impliedSpeedKmh, lengthWithinKm, shapeAreaKm2, shapeDistanceKm, shapeLines,
  type BorderIndex, type LonLat, type Stretch,
} from '../geo';
import { hasShape, type Incident } from '../incidents';
import { el } from './dom';
import { chainage, km } from './format';

export interface BorderContext {
  index: BorderIndex;
  /** Land polygons with properties.A3, to tell Azerbaijan's side from Iran's; null if not loaded. */
  land: FeatureCollection | null;
  stretches: ReadonlyMap<string, Stretch>;
  /** Beyond this many km an incident is "far from the border" and not measured; default 25. */
  farKm?: number;
  /** Closer than this many km a point is "on the border line"; default 0.05. */
  onLineKm?: number;
}

/** What the popup measures a line or area against. */
export interface MeasureOptions {
  /** The "within N km" of a line's figures: the legend's value; default 5. */
  withinKm?: number;
  /** Largest step, in km, at which a line is sampled for its within-N length; default 0.25. */
  maxStepKm?: number;
}

const COUNTRY: Record<string, string> = { AZE: 'Azerbaijan', IRN: 'Iran' };

function row(dl: HTMLDListElement, term: string, value: string, className?: string): void {
  dl.append(el('dt', undefined, term), el('dd', className, value));
}

/** Where an incident lies relative to the border, and what a reported duration along a stretch implies. */
export function buildIncidentMeasures(incident: Incident, ctx: BorderContext, options: MeasureOptions = {}): HTMLElement {
  const box = el('section', 'incident-measures');
  box.append(el('h3', undefined, 'Measured against the border'));
  if (hasShape(incident)) {
    box.append(shapeFigures(incident, ctx, options));
    const stretch = incident.stretch ? ctx.stretches.get(incident.stretch) : undefined;
    if (stretch && incident.on_border) box.append(stretchFigures(stretch, incident.duration_minutes));
    return box;
  }
  const point: LonLat = incident.coordinates;
  const snap = ctx.index.snap(point);
  const far = snap.distanceKm > (ctx.farKm ?? 25);
  if (!incident.on_border || far) {
    box.append(el('p', 'measure-far',
      `Not on the border: the marker is ${km(snap.distanceKm)} from the nearest point of the border ` +
      `(${snap.lineName}, ${chainage(snap.chainageKm)}). Shown on the map, not measured along the border.`));
    return box;
  }
  const dl = el('dl', 'incident-facts');
  row(dl, 'Distance to border', km(snap.distanceKm), 'measure-distance');
  row(dl, 'Nearest chainage', `${chainage(snap.chainageKm)} along the ${snap.lineName}, from the Armenia tripoint`, 'measure-chainage');
  row(dl, 'Side', sideText(ctx, point, snap.distanceKm), 'measure-side');
  box.append(dl);
  if (incident.geo_precision !== 'exact') {
    box.append(el('p', 'measure-caveat', 'The marker stands for a reported area, not a reported position: these figures are for the marker.'));
  }
  const stretch = incident.stretch ? ctx.stretches.get(incident.stretch) : undefined;
  if (stretch) box.append(stretchFigures(stretch, incident.duration_minutes));
  return box;
}

/** A line's length and how much of it runs near the border; an area's size and whether it touches the border. */
function shapeFigures(incident: Incident, ctx: BorderContext, { withinKm = 5, maxStepKm = 0.25 }: MeasureOptions): HTMLElement {
  const dl = el('dl', 'incident-facts');
  const geometry = incident.geometry;
  const nearest = shapeDistanceKm(ctx.index, geometry);
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    row(dl, 'Area', `${shapeAreaKm2(geometry).toFixed(1)} km² on the WGS84 ellipsoid, as drawn`, 'measure-area');
    row(dl, 'Touches the border', nearest === 0
      ? 'Yes: it crosses the border or holds part of it'
      : `No: its nearest part is ${km(nearest)} from the border`, 'measure-touches');
    const outline = lengthWithinKm(ctx.index, shapeLines(geometry), withinKm, { maxStepKm });
    row(dl, 'Along the border', `${km(outline.alongKm)} of border lies beside the parts of its outline within ${withinKm} km`, 'measure-along-border');
    // Along a stretch the stretch's figures give the one speed the sources allow, with its assumption.
    if (incident.duration_minutes !== undefined && incident.stretch === undefined) {
      row(dl, 'Speed', 'not measured: an area is not a track, and the sources give a duration but no path', 'measure-speed');
    }
    return dl;
  }
  const within = lengthWithinKm(ctx.index, shapeLines(geometry), withinKm, { maxStepKm });
  const share = within.totalKm > 0 ? (100 * within.withinKm) / within.totalKm : 0;
  row(dl, 'Length', `${km(within.totalKm)} on the WGS84 ellipsoid, as drawn`, 'measure-length');
  // A timed track's within-N figures leave its gaps out: the track section gives them.
  if (incident.times === undefined) {
    row(dl, `Within ${withinKm} km of the border`,
      `${km(within.withinKm)} of it (${share.toFixed(0)} %); sampled every ${(maxStepKm * 1000).toFixed(0)} m or less`, 'measure-within');
    row(dl, 'Along the border', `${km(within.alongKm)} of border lies beside the parts within ${withinKm} km`, 'measure-along-border');
  }
  row(dl, 'Nearest to the border', nearest === 0 ? 'it crosses or touches the border' : km(nearest), 'measure-distance');
  return dl;
}

function sideText(ctx: BorderContext, point: LonLat, distance: number): string {
  if (distance < (ctx.onLineKm ?? 0.05)) return 'on the border line';
  if (!ctx.land) return 'unknown (land data not loaded)';
  const a3 = countryAt(ctx.land, point);
  return a3 ? (COUNTRY[a3] ?? a3) : 'neither side’s mapped land (river or reservoir)';
}

function stretchFigures(stretch: Stretch, minutes: number | undefined): HTMLElement {
  const box = el('div', 'stretch-figures');
  const dl = el('dl', 'incident-facts');
  row(dl, 'Stretch', `${stretch.name}: ${km(stretch.lengthKm)} of border as drawn from OpenStreetMap data`, 'stretch-length');
  const first = stretch.coordinates[0];
  const last = stretch.coordinates[stretch.coordinates.length - 1];
  const straight = first && last ? distanceKm(first, last) : Number.NaN;
  if (Number.isFinite(straight)) row(dl, 'Straight ends', `${km(straight)} apart, between this map's own ends of the stretch`, 'stretch-straight');
  if (minutes !== undefined) {
    // One figure, with its assumption in the same sentence: the sources give a duration, not a track.
    const speed = impliedSpeedKmh(2 * stretch.lengthKm, minutes);
    row(dl, 'Implied speed',
      `If it flew the whole ${km(stretch.lengthKm)} stretch out and back in ${minutes} minutes: about ${speed.toFixed(0)} km/h on average; the sources give no track.`,
      'stretch-speed');
  }
  box.append(dl);
  box.append(el('p', 'measure-caveat',
    'The sources name districts, not end points: the stretch and its length are this map’s own, measured along the border as drawn.'));
  return box;
}
