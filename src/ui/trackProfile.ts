import type { TrackAnalysis, TrackPoint } from '../geo';
import { el } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 340, HEIGHT = 150;
const PAD = { left: 44, right: 8, top: 10, bottom: 24 };

export interface TrackProfileOptions {
  /** Told the point the reader moved to (hover, arrow keys, playback); default none. */
  onCursor?: (index: number) => void;
  /** Describes a point for screen readers and the readout under the chart. */
  describe: (index: number) => string;
}

/** The chart and its cursor: `setCursor` moves the cursor without telling `onCursor`. */
export interface TrackProfile {
  element: HTMLElement;
  setCursor(index: number): void;
  /** The point the cursor is at. */
  readonly cursor: number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The index whose x is nearest to `x` in the sorted `xs`. */
function nearestIndex(xs: ArrayLike<number>, x: number): number {
  let lo = 0, hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}

/**
 * A track's profile: time (or km along the track, without times) across, signed distance to the
 * border up (Azerbaijan's side) and down (Iran's), the band of ±withinKm shaded, crossings marked
 * on the line, gaps dashed. A slider for the keyboard: arrows step a point, Page keys a tenth, Home
 * and End the ends; each step is described in words. `alongKm` is each point's km from the first.
 */
export function buildTrackProfile(points: readonly TrackPoint[], analysis: TrackAnalysis, alongKm: ArrayLike<number>, options: TrackProfileOptions): TrackProfile {
  const n = points.length;
  const xs: ArrayLike<number> = analysis.hasTimes ? points.map((p) => p.time as number) : alongKm;
  const ys = analysis.vertices.map((v) => v.signedKm);
  const band = analysis.withinKm;
  // A loop, not Math.max(...ys): a long track has more points than a call takes arguments.
  let yMax = band * 1.6, yMin = -band * 1.6;
  for (const y of ys) {
    if (y > yMax) yMax = y;
    if (y < yMin) yMin = y;
  }
  if (yMax === yMin) [yMin, yMax] = [-1, 1];
  const x0 = xs[0] ?? 0, x1 = xs[n - 1] ?? 1;
  const sx = (x: number): number => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number): number => PAD.top + ((yMax - y) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);

  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'track-profile-chart', 'aria-hidden': 'true', focusable: 'false' });
  chart.append(svg('rect', { class: 'track-band', x: PAD.left, y: sy(band), width: WIDTH - PAD.left - PAD.right, height: sy(-band) - sy(band) }));
  chart.append(svg('line', { class: 'track-zero', x1: PAD.left, x2: WIDTH - PAD.right, y1: sy(0), y2: sy(0) }));
  const label = (y: number, text: string, cls = 'track-axis'): void => {
    const t = svg('text', { class: cls, x: PAD.left - 4, y: y + 4, 'text-anchor': 'end' });
    t.textContent = text;
    chart.append(t);
  };
  label(sy(band), `+${band}`);
  label(sy(0), '0');
  label(sy(-band), `−${band}`);
  const side = (y: number, text: string): void => {
    const t = svg('text', { class: 'track-side', x: PAD.left + 4, y });
    t.textContent = text;
    chart.append(t);
  };
  side(PAD.top + 10, 'Azerbaijan ↑');
  side(HEIGHT - PAD.bottom - 4, 'Iran ↓');
  const axis = svg('text', { class: 'track-axis', x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' });
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const hm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
  axis.textContent = !analysis.hasTimes ? `0–${(x1 - x0).toFixed(1)} km along the line`
    : day(x0) === day(x1) ? `${hm(x0)}–${hm(x1)} UTC` : `${day(x0)} ${hm(x0)} – ${day(x1)} ${hm(x1)} UTC`;
  const yAxis = svg('text', { class: 'track-axis', x: PAD.left, y: HEIGHT - 6 });
  yAxis.textContent = 'km from the border';
  chart.append(axis, yAxis);

  const gapAt = new Set(analysis.gaps.map((g) => g.segment));
  let solid = '', dashed = '';
  for (let i = 0; i < n; i++) {
    const at = `${sx(xs[i]).toFixed(1)},${sy(ys[i]).toFixed(1)}`;
    solid += `${i === 0 || gapAt.has(i - 1) ? 'M' : 'L'}${at}`;
    if (gapAt.has(i)) dashed += `M${at}L${sx(xs[i + 1]).toFixed(1)},${sy(ys[i + 1]).toFixed(1)}`;
  }
  chart.append(svg('path', { class: 'track-line', d: solid }));
  if (dashed !== '') chart.append(svg('path', { class: 'track-gap', d: dashed }));
  for (const c of analysis.crossings) {
    const x = c.time !== undefined ? c.time : (xs[c.fromPoint] + xs[c.toPoint]) / 2;
    chart.append(svg('circle', { class: 'track-crossing', cx: sx(x), cy: sy(0), r: 4 }));
  }
  const cursorLine = svg('line', { class: 'track-cursor', y1: PAD.top, y2: HEIGHT - PAD.bottom });
  const cursorDot = svg('circle', { class: 'track-cursor-dot', r: 4 });
  chart.append(cursorLine, cursorDot);

  const slider = el('div', 'track-profile');
  slider.tabIndex = 0;
  slider.setAttribute('role', 'slider');
  slider.setAttribute('aria-label', analysis.hasTimes ? 'Position along the track, by time' : 'Position along the track, by km');
  slider.setAttribute('aria-valuemin', '1');
  slider.setAttribute('aria-valuemax', String(Math.max(1, n)));
  const readout = el('p', 'track-readout');
  slider.append(chart);
  const element = el('div', 'track-profile-box');
  element.append(slider, readout);

  let cursor = 0;
  const setCursor = (index: number): void => {
    cursor = Math.max(0, Math.min(n - 1, index));
    if (n === 0) return;
    const x = sx(xs[cursor]).toFixed(1), y = sy(ys[cursor]).toFixed(1);
    cursorLine.setAttribute('x1', x);
    cursorLine.setAttribute('x2', x);
    cursorDot.setAttribute('cx', x);
    cursorDot.setAttribute('cy', y);
    const text = options.describe(cursor);
    slider.setAttribute('aria-valuenow', String(cursor + 1));
    slider.setAttribute('aria-valuetext', text);
    readout.textContent = text;
  };
  const move = (index: number): void => {
    setCursor(index);
    options.onCursor?.(cursor);
  };
  slider.addEventListener('keydown', (e) => {
    const page = Math.max(1, Math.round(n / 10));
    const next = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? cursor + 1
      : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? cursor - 1
      : e.key === 'PageUp' ? cursor + page : e.key === 'PageDown' ? cursor - page
      : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    move(next);
  });
  slider.addEventListener('pointermove', (e) => {
    const box = chart.getBoundingClientRect();
    if (box.width === 0) return;
    const svgX = ((e.clientX - box.left) / box.width) * WIDTH;
    const x = x0 + ((svgX - PAD.left) / (WIDTH - PAD.left - PAD.right)) * (x1 - x0);
    move(nearestIndex(xs, x));
  });
  setCursor(0);
  return { element, setCursor, get cursor() { return cursor; } };
}
