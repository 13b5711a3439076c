import { formatDay } from '../incidents/dayNumber';
import { axisTicks, type DayDomain, type Histogram } from '../time';

const BAR_COLOR = '#0072b2';
const GRID_COLOR = 'rgba(0,0,0,.12)';
const MINOR_GRID_COLOR = 'rgba(0,0,0,.06)';
const BASELINE_COLOR = 'rgba(0,0,0,.35)';
const LABEL_COLOR = '#444';
const PLOT_BG = '#f3f6f9';

/** Label font size in CSS px. */
const LABEL_PX = 11;
const LABEL_FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
/** Translucency of the band over a span longer than a day, when incidents are drawn one by one. */
const SPAN_ALPHA = 0.22;

/** What the timeline's canvas shows. */
export interface TimelinePlot {
  /** The days across the track; without one only the background is drawn. */
  domain: DayDomain | null;
  /** Incident spans [start[i], end[i]] in day numbers, drawn one by one when there is no histogram. */
  start: Int32Array;
  end: Int32Array;
  /** Bars to draw instead of the single spans; null to draw each span. */
  histogram: Histogram | null;
  /** CSS px left free at each end of the track (half a thumb). */
  padding: number;
  /** CSS px from the top used by the plot; the axis labels go below it. */
  plotHeight: number;
  /** Device pixels per CSS px. */
  dpr: number;
}

/**
 * Draws the plot over the whole canvas (sized in device pixels): background, gridlines and
 * labels, then the histogram — bar height ∝ √count so quiet periods stay visible beside a burst —
 * or, with few incidents, a tick at each start and a translucent band over each longer span.
 */
export function drawTimeline(canvas: HTMLCanvasElement, plot: TimelinePlot): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const { dpr, domain } = plot;
  const W = canvas.width;
  const H = canvas.height;
  const pad = plot.padding * dpr;
  const trackW = Math.max(1, W - 2 * pad);
  const plotH = Math.min(H, Math.round(plot.plotHeight * dpr));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = PLOT_BG;
  ctx.fillRect(0, 0, W, plotH);
  if (domain === null) return;

  const { min, max } = domain;
  const span = Math.max(1, max - min);
  const xOf = (day: number): number => pad + ((day - min) / span) * trackW;
  canvas.setAttribute('aria-label', `Incidents over time, ${formatDay(min)} to ${formatDay(max)}${plot.histogram !== null ? ' (histogram)' : ''}`);

  drawAxis(ctx, domain, xOf, trackW / span / dpr, plotH, H, dpr);

  const barTop = 3 * dpr;
  const barRoom = plotH - barTop;
  ctx.fillStyle = BAR_COLOR;
  if (plot.histogram !== null) drawBars(ctx, plot.histogram, pad, trackW, plotH, barRoom, dpr);
  else drawSpans(ctx, plot, xOf, plotH, barRoom * 0.7);
  ctx.fillStyle = BASELINE_COLOR;
  ctx.fillRect(0, plotH - dpr, W, dpr);
}

/** One bar per bin, the tallest filling the plot. */
function drawBars(ctx: CanvasRenderingContext2D, histogram: Histogram, pad: number, trackW: number, plotH: number, barRoom: number, dpr: number): void {
  const { counts, max } = histogram;
  const binW = trackW / counts.length;
  const scale = max > 0 ? barRoom / Math.sqrt(max) : 0;
  ctx.beginPath();
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    if (c === 0) continue;
    const h = Math.max(dpr, Math.sqrt(c) * scale);
    ctx.rect(pad + b * binW, plotH - h, Math.max(binW, 1), h);
  }
  ctx.fill();
}

/** Each incident on its own: a band over a span longer than a day, then a tick at its start. */
function drawSpans(ctx: CanvasRenderingContext2D, plot: TimelinePlot, xOf: (day: number) => number, plotH: number, tickH: number): void {
  const { start, end, dpr } = plot;
  const { min, max } = plot.domain ?? { min: 0, max: 0 };
  ctx.globalAlpha = SPAN_ALPHA;
  for (let i = 0; i < start.length; i++) {
    const s = Math.max(min, Math.min(start[i], end[i]));
    const e = Math.min(max, Math.max(start[i], end[i]));
    if (e < s || e - s < 1) continue;
    ctx.fillRect(xOf(s), plotH - tickH, Math.max(dpr, xOf(e) - xOf(s)), tickH);
  }
  ctx.globalAlpha = 1;
  for (let i = 0; i < start.length; i++) {
    const s = Math.min(start[i], end[i]);
    if (s < min || s > max) continue;
    ctx.fillRect(Math.round(xOf(s) - dpr), plotH - tickH, 2 * dpr, tickH);
  }
}

/** Gridlines across the plot, and below it the labels that fit without overlapping. */
function drawAxis(
  ctx: CanvasRenderingContext2D,
  domain: DayDomain,
  xOf: (day: number) => number,
  pxPerDay: number,
  plotH: number,
  H: number,
  dpr: number,
): void {
  const ticks = axisTicks(domain, pxPerDay);
  const lineW = Math.max(1, Math.round(dpr));
  for (const tick of ticks) {
    ctx.fillStyle = tick.major ? GRID_COLOR : MINOR_GRID_COLOR;
    ctx.fillRect(Math.round(xOf(tick.day)), 0, lineW, plotH);
  }
  ctx.font = `${LABEL_PX * dpr}px ${LABEL_FONT}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = LABEL_COLOR;
  const labelY = plotH + 2 * dpr;
  const right = ctx.canvas.width;
  let lastEnd = -Infinity;
  for (const { day, label } of ticks) {
    if (label === undefined) continue;
    const x = xOf(day);
    const w = ctx.measureText(label).width;
    const left = x + 3 * dpr;
    if (left < lastEnd + 4 * dpr || left + w > right) continue;
    ctx.fillRect(Math.round(x), plotH, lineW, 4 * dpr);
    if (labelY + LABEL_PX * dpr <= H + dpr) ctx.fillText(label, left, labelY);
    lastEnd = left + w;
  }
}
