import './timeline.css';
import { el } from './dom';
import { formatDay } from '../incidents/dayNumber';

/** A window of days, both ends inclusive, as day numbers (days since 1970-01-01 UTC). */
export interface TimelineRange {
  from: number;
  to: number;
}

/** What the axis draws: one [start[i], end[i]] span of day numbers per incident (typed arrays for 100k). */
export interface TimelineMarks {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

export interface TimelineOptions {
  /** Called while the range moves (coalesced to one call per animation frame, final=false) and once it settles (final=true: pointer released, key released, playback step). */
  onChange: (range: TimelineRange, final: boolean) => void;
  /** Playback speeds offered; default [1, 2, 4, 8]. */
  speeds?: readonly number[];
}

const DEFAULT_SPEEDS: readonly number[] = [1, 2, 4, 8];
/** Below this many marks each incident is drawn on its own; from it on, a histogram. */
const TICK_LIMIT = 200;
/** Days moved by PageUp / PageDown on a thumb. */
const PAGE_DAYS = 30;
/** Playback: one step every TICK_MS, of (domain length / STEPS_PER_DOMAIN) × speed days. */
const TICK_MS = 100;
const STEPS_PER_DOMAIN = 200;
/** Half the thumb width in CSS px: the thumbs' centres travel from THUMB_HALF to width − THUMB_HALF. Must match --tl-thumb-w / 2 in timeline.css. */
const THUMB_HALF = 8;
const NAV_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

const BAR_COLOR = '#0072b2';
const GRID_COLOR = 'rgba(0,0,0,.12)';
const LABEL_COLOR = '#444';
const PLOT_BG = '#f3f6f9';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PLAY_PATH = 'M7 4.5v15l12-7.5z';
const PAUSE_PATH = 'M6 4.5h4.5v15H6zM13.5 4.5H18v15h-4.5z';
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const NUMBER = new Intl.NumberFormat('en');

/** Day number of 1 January of a year (UTC). */
function yearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return Math.round(d.getTime() / 86_400_000);
}

function monthStart(year: number, month0: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, 1);
  return Math.round(d.getTime() / 86_400_000);
}

function yearOf(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** The first n values as whole days, in an array of our own. */
function copyDays(values: ArrayLike<number>, n: number): Int32Array {
  if (values instanceof Int32Array) return values.slice(0, n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(values[i]);
  return out;
}

type Drag =
  | { kind: 'window'; pointerId: number; x0: number; from0: number; to0: number }
  | { kind: 'thumb'; pointerId: number; which: 'from' | 'to' };

/**
 * A timeline bar: the incidents as a histogram (or, when few, one mark each) on a time axis, a
 * window of days chosen with two sliders (or by dragging the window itself), playback that moves
 * the window through time, and a count of what is shown.
 *
 * Histogram: one bin per device pixel of the axis. An incident spanning several bins counts in
 * every bin it overlaps, so a bar's height is the number of incidents that may have happened in
 * that bin's days — the same overlap test a window of days filters by — and the bar's height is
 * proportional to the square root of that count (the tallest bar is the busiest bin). Binning is O(n + bins) with
 * a difference array, done in setMarks and again only when the domain or the canvas size changes;
 * moving the window never redraws the canvas (the highlight and the dimming are positioned DOM).
 */
export class Timeline {
  private readonly onChange: TimelineOptions['onChange'];
  private readonly speeds: readonly number[];

  private readonly root: HTMLDivElement;
  private readonly playButton: HTMLButtonElement;
  private readonly playIcon: SVGPathElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly axis: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly dimBefore: HTMLDivElement;
  private readonly dimAfter: HTMLDivElement;
  private readonly windowEl: HTMLDivElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly fromText: HTMLTimeElement;
  private readonly toText: HTMLTimeElement;
  private readonly countText: HTMLSpanElement;

  private readonly listeners = new AbortController();
  private readonly resizeObserver: ResizeObserver;

  private min = 0;
  private max = 0;
  private hasDomain = false;
  private from = 0;
  private to = 0;

  private markStart: Int32Array = new Int32Array(0);
  private markEnd: Int32Array = new Int32Array(0);
  private bins = new Uint32Array(0);
  private binMax = 0;

  /** Canvas size in CSS px and the plot (histogram) height within it. */
  private cssWidth = 0;
  private cssHeight = 0;
  private plotHeight = 0;
  private dpr = 1;

  private frame = 0;
  private pendingEmit = false;
  private lastEmitted: { from: number; to: number; final: boolean } | null = null;
  private keyHeld = false;
  private drag: Drag | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private speed: number;

  constructor(container: HTMLElement, options: TimelineOptions) {
    this.onChange = options.onChange;
    this.speeds = options.speeds && options.speeds.length > 0 ? options.speeds : DEFAULT_SPEEDS;
    this.speed = this.speeds[0];

    this.root = el('div', 'timeline');
    this.root.setAttribute('role', 'group');
    this.root.setAttribute('aria-label', 'Timeline');
    const bar = el('div', 'timeline-bar');

    // Controls: play/pause and speed.
    const controls = el('div', 'timeline-controls');
    this.playButton = el('button', 'timeline-play');
    this.playButton.type = 'button';
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    this.playIcon = document.createElementNS(SVG_NS, 'path');
    svg.append(this.playIcon);
    this.playButton.append(svg);
    this.speedSelect = el('select', 'timeline-speed');
    this.speedSelect.setAttribute('aria-label', 'Playback speed');
    for (const s of this.speeds) {
      const option = el('option', undefined, `${s}×`);
      option.value = String(s);
      this.speedSelect.append(option);
    }
    controls.append(this.playButton, this.speedSelect);

    // Axis: canvas, dimming, the draggable window, and the two sliders over it.
    this.axis = el('div', 'timeline-axis');
    this.canvas = el('canvas', 'timeline-canvas');
    this.canvas.setAttribute('role', 'img');
    this.dimBefore = el('div', 'timeline-dim timeline-dim-before');
    this.dimAfter = el('div', 'timeline-dim timeline-dim-after');
    this.windowEl = el('div', 'timeline-window');
    this.windowEl.setAttribute('aria-hidden', 'true');
    this.fromInput = this.makeSlider('timeline-thumb timeline-thumb-from', 'Start date');
    this.toInput = this.makeSlider('timeline-thumb timeline-thumb-to', 'End date');
    this.axis.append(this.canvas, this.dimBefore, this.dimAfter, this.windowEl, this.fromInput, this.toInput);

    // Read-out: the window's dates and the count.
    const readout = el('div', 'timeline-readout');
    const dates = el('div', 'timeline-dates');
    this.fromText = el('time', 'timeline-from-date');
    this.toText = el('time', 'timeline-to-date');
    dates.append(this.fromText, el('span', 'timeline-dates-sep', ' – '), this.toText);
    this.countText = el('span', 'timeline-count');
    this.countText.setAttribute('aria-live', 'polite');
    readout.append(dates, this.countText);

    bar.append(controls, this.axis, readout);
    this.root.append(bar);
    container.append(this.root);

    this.listen();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.axis);
    this.updatePlayButton();
    this.renderRange();
  }

  // ---- Public API ----

  /** Sets the axis to the days min..max (inclusive). The window is kept, clamped into it; if no domain was set before, it becomes the whole domain. */
  setDomain(min: number, max: number): void {
    const lo = Math.round(Math.min(min, max));
    const hi = Math.round(Math.max(min, max));
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`Timeline domain is not finite: ${min}..${max}`);
    this.min = lo;
    this.max = hi;
    for (const input of [this.fromInput, this.toInput]) {
      input.min = String(lo);
      input.max = String(hi);
    }
    if (!this.hasDomain) {
      this.hasDomain = true;
      this.setState(lo, hi);
    } else {
      this.setState(this.from, this.to);
    }
    this.rebin();
    this.draw();
  }

  /** The incidents to draw, as spans of day numbers. Copied; binning is done here, once. */
  setMarks(spans: TimelineMarks): void {
    const n = Math.min(spans.start.length, spans.end.length);
    this.markStart = copyDays(spans.start, n);
    this.markEnd = copyDays(spans.end, n);
    this.rebin();
    this.draw();
  }

  /** Sets the window programmatically; does not call onChange. */
  setRange(from: number, to: number): void {
    this.setState(from, to);
    this.lastEmitted = { from: this.from, to: this.to, final: true };
  }

  get range(): TimelineRange {
    return { from: this.from, to: this.to };
  }

  /** "5 of 8 incidents shown". */
  setCount(shown: number, total: number): void {
    const noun = total === 1 ? 'incident' : 'incidents';
    this.countText.textContent = `${NUMBER.format(shown)} of ${NUMBER.format(total)} ${noun} shown`;
  }

  /** Starts playback: the window moves forward, keeping its width, until it reaches the end of the domain. */
  play(): void {
    if (this.timer !== null || !this.hasDomain) return;
    let width = this.to - this.from;
    // A window over the whole domain has nowhere to go: play a tenth of it instead.
    if (width >= this.max - this.min) width = Math.max(1, Math.round((this.max - this.min) / 10));
    if (this.to >= this.max || width !== this.to - this.from) {
      this.setState(this.min, this.min + width);
      this.emitFinal();
    }
    this.timer = setInterval(() => this.step(), TICK_MS);
    this.updatePlayButton();
  }

  pause(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.updatePlayButton();
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  /** Stops playback, removes every listener and observer it added and its elements. */
  destroy(): void {
    this.pause();
    this.listeners.abort();
    this.resizeObserver.disconnect();
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.root.remove();
  }

  // ---- Building ----

  private makeSlider(className: string, label: string): HTMLInputElement {
    const input = el('input', className);
    input.type = 'range';
    input.step = '1';
    input.setAttribute('aria-label', label);
    return input;
  }

  private listen(): void {
    const opts = { signal: this.listeners.signal };
    this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()), opts);
    this.speedSelect.addEventListener(
      'change',
      () => {
        const s = Number(this.speedSelect.value);
        if (Number.isFinite(s) && s > 0) this.speed = s;
      },
      opts,
    );

    for (const [input, which] of [
      [this.fromInput, 'from'],
      [this.toInput, 'to'],
    ] as const) {
      input.addEventListener('input', () => this.onSliderInput(which), opts);
      input.addEventListener(
        'change',
        () => {
          if (!this.keyHeld) this.emitFinal();
        },
        opts,
      );
      input.addEventListener('keydown', (e) => this.onKeyDown(e, which), opts);
      input.addEventListener(
        'keyup',
        (e) => {
          if (!NAV_KEYS.has(e.key)) return;
          this.keyHeld = false;
          this.emitFinal();
        },
        opts,
      );
      input.addEventListener('pointerdown', () => this.pause(), opts);
      input.addEventListener('pointerup', () => this.emitFinal(), opts);
      input.addEventListener(
        'blur',
        () => {
          if (!this.keyHeld) return;
          this.keyHeld = false;
          this.emitFinal();
        },
        opts,
      );
    }

    this.axis.addEventListener('pointerdown', (e) => this.onAxisPointerDown(e), opts);
    this.axis.addEventListener('pointermove', (e) => this.onAxisPointerMove(e), opts);
    this.axis.addEventListener('pointerup', (e) => this.endDrag(e), opts);
    this.axis.addEventListener('pointercancel', (e) => this.endDrag(e), opts);
  }

  // ---- Interaction ----

  private onSliderInput(which: 'from' | 'to'): void {
    this.pause();
    const from = Number(this.fromInput.value);
    const to = Number(this.toInput.value);
    // The moved thumb pushes the other one.
    if (which === 'from') this.setState(from, Math.max(from, to));
    else this.setState(Math.min(from, to), to);
    this.scheduleEmit();
  }

  private onKeyDown(e: KeyboardEvent, which: 'from' | 'to'): void {
    if (!NAV_KEYS.has(e.key)) return;
    this.pause();
    this.keyHeld = true;
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return; // arrows, Home, End: native
    e.preventDefault();
    const delta = e.key === 'PageUp' ? PAGE_DAYS : -PAGE_DAYS;
    const input = which === 'from' ? this.fromInput : this.toInput;
    input.value = String(Number(input.value) + delta); // the input clamps to min..max
    this.onSliderInput(which);
  }

  private onAxisPointerDown(e: PointerEvent): void {
    if (e.target === this.fromInput || e.target === this.toInput || !this.hasDomain) return;
    if (e.button !== 0) return;
    this.pause();
    e.preventDefault();
    this.axis.setPointerCapture(e.pointerId);
    if (e.target === this.windowEl) {
      this.drag = { kind: 'window', pointerId: e.pointerId, x0: e.clientX, from0: this.from, to0: this.to };
      this.root.classList.add('timeline-dragging');
      return;
    }
    // On the track outside the window: the nearer thumb jumps there and follows the pointer.
    const day = this.dayAt(e.clientX);
    const dFrom = Math.abs(day - this.from);
    const dTo = Math.abs(day - this.to);
    const which = dFrom < dTo || (dFrom === dTo && day < this.from) ? 'from' : 'to';
    this.drag = { kind: 'thumb', pointerId: e.pointerId, which };
    this.moveThumbTo(which, day);
    (which === 'from' ? this.fromInput : this.toInput).focus({ preventScroll: true });
  }

  private onAxisPointerMove(e: PointerEvent): void {
    const drag = this.drag;
    if (drag === null || drag.pointerId !== e.pointerId) return;
    if (drag.kind === 'thumb') {
      this.moveThumbTo(drag.which, this.dayAt(e.clientX));
      return;
    }
    const trackWidth = Math.max(1, this.axis.clientWidth - 2 * THUMB_HALF);
    let delta = Math.round(((e.clientX - drag.x0) / trackWidth) * (this.max - this.min));
    delta = Math.max(this.min - drag.from0, Math.min(this.max - drag.to0, delta));
    if (drag.from0 + delta === this.from) return;
    this.setState(drag.from0 + delta, drag.to0 + delta);
    this.scheduleEmit();
  }

  private endDrag(e: PointerEvent): void {
    if (this.drag === null || this.drag.pointerId !== e.pointerId) return;
    this.drag = null;
    this.root.classList.remove('timeline-dragging');
    if (this.axis.hasPointerCapture(e.pointerId)) this.axis.releasePointerCapture(e.pointerId);
    this.emitFinal();
  }

  private moveThumbTo(which: 'from' | 'to', day: number): void {
    if (which === 'from') this.setState(day, Math.max(day, this.to));
    else this.setState(Math.min(day, this.from), day);
    this.scheduleEmit();
  }

  /** The day under a client x, clamped to the domain. */
  private dayAt(clientX: number): number {
    const rect = this.axis.getBoundingClientRect();
    const trackWidth = Math.max(1, rect.width - 2 * THUMB_HALF);
    const fraction = (clientX - rect.left - THUMB_HALF) / trackWidth;
    const day = Math.round(this.min + fraction * (this.max - this.min));
    return Math.max(this.min, Math.min(this.max, day));
  }

  private step(): void {
    const width = this.to - this.from;
    const stepDays = Math.max(1, Math.round(((this.max - this.min) / STEPS_PER_DOMAIN) * this.speed));
    const to = Math.min(this.max, this.to + stepDays);
    this.setState(to - width, to);
    this.emitFinal();
    if (to >= this.max) this.pause();
  }

  // ---- State and emitting ----

  /** Clamps and orders a window, stores it and updates the sliders, texts and overlays (not the canvas). */
  private setState(from: number, to: number): void {
    let f = Math.round(Number.isFinite(from) ? from : this.min);
    let t = Math.round(Number.isFinite(to) ? to : this.max);
    if (f > t) [f, t] = [t, f];
    this.from = Math.max(this.min, Math.min(this.max, f));
    this.to = Math.max(this.min, Math.min(this.max, t));
    this.renderRange();
  }

  private renderRange(): void {
    const { from, to } = this;
    if (this.fromInput.value !== String(from)) this.fromInput.value = String(from);
    if (this.toInput.value !== String(to)) this.toInput.value = String(to);
    const fromLabel = this.hasDomain ? formatDay(from) : '';
    const toLabel = this.hasDomain ? formatDay(to) : '';
    this.fromInput.setAttribute('aria-valuetext', fromLabel);
    this.toInput.setAttribute('aria-valuetext', toLabel);
    this.fromText.textContent = fromLabel;
    this.toText.textContent = toLabel;
    if (this.hasDomain) {
      this.fromText.dateTime = new Date(from * 86_400_000).toISOString().slice(0, 10);
      this.toText.dateTime = new Date(to * 86_400_000).toISOString().slice(0, 10);
    }
    // Overlays, positioned in % of the axis so that resizing needs no JS.
    const span = Math.max(1, this.max - this.min);
    const a = (from - this.min) / span;
    const b = (to - this.min) / span;
    const x = (f: number): string => `calc(${THUMB_HALF}px + ${f} * (100% - ${2 * THUMB_HALF}px))`;
    this.dimBefore.style.width = x(a);
    this.dimAfter.style.left = x(b);
    this.windowEl.style.left = x(a);
    this.windowEl.style.width = `calc(${b - a} * (100% - ${2 * THUMB_HALF}px))`;
    // When the thumbs meet at the end, the start thumb must be on top to be movable.
    this.root.classList.toggle('timeline-from-on-top', from === to && to >= this.max);
  }

  private scheduleEmit(): void {
    this.pendingEmit = true;
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.pendingEmit) return;
      this.pendingEmit = false;
      this.emit(false);
    });
  }

  private emitFinal(): void {
    this.pendingEmit = false; // the final call supersedes a pending one
    const last = this.lastEmitted;
    if (last !== null && last.final && last.from === this.from && last.to === this.to) return;
    this.emit(true);
  }

  private emit(final: boolean): void {
    this.lastEmitted = { from: this.from, to: this.to, final };
    this.onChange({ from: this.from, to: this.to }, final);
  }

  private updatePlayButton(): void {
    const playing = this.playing;
    const label = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-label', label);
    this.playButton.title = label;
    this.playIcon.setAttribute('d', playing ? PAUSE_PATH : PLAY_PATH);
    // Announcing every playback step would drown a screen reader; the count is live only when still.
    this.countText.setAttribute('aria-live', playing ? 'off' : 'polite');
    this.root.classList.toggle('timeline-playing', playing);
  }

  // ---- Drawing ----

  private resize(): void {
    const width = this.axis.clientWidth;
    const height = this.axis.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    const plotHeight = this.fromInput.offsetHeight || Math.round(height * 0.75);
    if (width === this.cssWidth && height === this.cssHeight && dpr === this.dpr && plotHeight === this.plotHeight) return;
    this.cssWidth = width;
    this.cssHeight = height;
    this.dpr = dpr;
    this.plotHeight = plotHeight;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.rebin();
    this.draw();
  }

  /** Device pixels across the track (between the thumbs' extreme centres): one bin each. */
  private binCount(): number {
    return Math.max(1, Math.round((this.cssWidth - 2 * THUMB_HALF) * this.dpr));
  }

  /** Per-bin counts of the incidents overlapping each bin: O(n + bins) with a difference array. */
  private rebin(): void {
    const n = this.markStart.length;
    if (!this.hasDomain || this.cssWidth === 0 || n < TICK_LIMIT) {
      this.bins = new Uint32Array(0);
      this.binMax = 0;
      return;
    }
    const nBins = this.binCount();
    const diff = new Int32Array(nBins + 1);
    const { min, max } = this;
    const scale = nBins / Math.max(1, max - min);
    const last = nBins - 1;
    const starts = this.markStart;
    const ends = this.markEnd;
    for (let i = 0; i < n; i++) {
      let s = starts[i];
      let e = ends[i];
      if (e < s) [s, e] = [e, s];
      if (e < min || s > max) continue;
      const b0 = s <= min ? 0 : Math.min(last, Math.floor((s - min) * scale));
      const b1 = e >= max ? last : Math.min(last, Math.floor((e - min) * scale));
      diff[b0]++;
      diff[b1 + 1]--;
    }
    const bins = new Uint32Array(nBins);
    let running = 0;
    let top = 0;
    for (let b = 0; b < nBins; b++) {
      running += diff[b];
      bins[b] = running;
      if (running > top) top = running;
    }
    this.bins = bins;
    this.binMax = top;
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (ctx === null || this.cssWidth === 0) return;
    const dpr = this.dpr;
    const W = this.canvas.width;
    const H = this.canvas.height;
    const pad = THUMB_HALF * dpr;
    const trackW = Math.max(1, W - 2 * pad);
    const plotH = Math.min(H, Math.round(this.plotHeight * dpr));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = PLOT_BG;
    ctx.fillRect(0, 0, W, plotH);
    if (!this.hasDomain) return;

    const { min, max } = this;
    const span = Math.max(1, max - min);
    const xOf = (day: number): number => pad + ((day - min) / span) * trackW;
    this.canvas.setAttribute(
      'aria-label',
      `Incidents over time, ${formatDay(min)} to ${formatDay(max)}${this.markStart.length >= TICK_LIMIT ? ' (histogram)' : ''}`,
    );

    this.drawAxisLabels(ctx, xOf, plotH, H, trackW, span);

    const barTop = 3 * dpr;
    const barRoom = plotH - barTop;
    ctx.fillStyle = BAR_COLOR;
    if (this.bins.length > 0) {
      const bins = this.bins;
      const binW = trackW / bins.length;
      // Height ∝ √count, so that quiet periods stay visible next to a burst.
      const scale = this.binMax > 0 ? barRoom / Math.sqrt(this.binMax) : 0;
      ctx.beginPath();
      for (let b = 0; b < bins.length; b++) {
        const c = bins[b];
        if (c === 0) continue;
        const h = Math.max(dpr, Math.sqrt(c) * scale);
        ctx.rect(pad + b * binW, plotH - h, Math.max(binW, 1), h);
      }
      ctx.fill();
    } else {
      // Few incidents: each one on its own — a tick at its start, a translucent band over a longer span.
      const tickH = barRoom * 0.7;
      ctx.globalAlpha = 0.22;
      for (let i = 0; i < this.markStart.length; i++) {
        const s = Math.max(min, Math.min(this.markStart[i], this.markEnd[i]));
        const e = Math.min(max, Math.max(this.markStart[i], this.markEnd[i]));
        if (e < s || e - s < 1) continue;
        ctx.fillRect(xOf(s), plotH - tickH, Math.max(dpr, xOf(e) - xOf(s)), tickH);
      }
      ctx.globalAlpha = 1;
      for (let i = 0; i < this.markStart.length; i++) {
        const s = Math.min(this.markStart[i], this.markEnd[i]);
        if (s < min || s > max) continue;
        ctx.fillRect(Math.round(xOf(s) - dpr), plotH - tickH, 2 * dpr, tickH);
      }
    }
    ctx.fillStyle = 'rgba(0,0,0,.35)';
    ctx.fillRect(0, plotH - dpr, W, dpr);
  }

  /** Year (or, when there is room, month) gridlines across the plot and their labels below it. */
  private drawAxisLabels(
    ctx: CanvasRenderingContext2D,
    xOf: (day: number) => number,
    plotH: number,
    H: number,
    trackW: number,
    span: number,
  ): void {
    const dpr = this.dpr;
    const pxPerDay = trackW / span / dpr; // CSS px
    const monthPx = pxPerDay * 30.44;
    const yearPx = pxPerDay * 365.25;
    const labelY = plotH + 2 * dpr;
    const minGap = 40; // CSS px between labels
    ctx.font = `${11 * dpr}px system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    const firstYear = yearOf(this.min);
    const lastYear = yearOf(this.max);
    const labelled: { x: number; text: string }[] = [];
    const grid: number[] = [];

    if (monthPx >= 30) {
      const monthStep = monthPx >= minGap ? 1 : 3;
      for (let y = firstYear; y <= lastYear; y++) {
        for (let m = 0; m < 12; m++) {
          const day = monthStart(y, m);
          if (day < this.min || day > this.max) continue;
          grid.push(day);
          if (m % monthStep === 0) labelled.push({ x: xOf(day), text: m === 0 ? String(y) : SHORT_MONTHS[m] });
        }
      }
    } else {
      const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((k) => k * yearPx >= minGap) ?? 1000;
      const quarters = yearPx >= 4 * 12; // minor gridlines each quarter when there is room
      for (let y = firstYear; y <= lastYear; y++) {
        if (quarters) {
          for (const m of [3, 6, 9]) {
            const day = monthStart(y, m);
            if (day >= this.min && day <= this.max) grid.push(-day - 1); // negative: minor
          }
        }
        const day = yearStart(y);
        if (day < this.min || day > this.max) continue;
        if (y % step === 0) {
          grid.push(day);
          labelled.push({ x: xOf(day), text: String(y) });
        } else if (step <= 2) grid.push(-day - 1);
      }
    }

    for (const g of grid) {
      const minor = g < 0;
      const day = minor ? -g - 1 : g;
      ctx.fillStyle = minor ? 'rgba(0,0,0,.06)' : GRID_COLOR;
      ctx.fillRect(Math.round(xOf(day)), 0, Math.max(1, Math.round(dpr)), plotH);
    }
    ctx.fillStyle = LABEL_COLOR;
    const right = this.canvas.width;
    let lastEnd = -Infinity;
    for (const { x, text } of labelled) {
      const w = ctx.measureText(text).width;
      const left = x + 3 * dpr;
      if (left < lastEnd + 4 * dpr || left + w > right) continue;
      ctx.fillRect(Math.round(x), plotH, Math.max(1, Math.round(dpr)), 4 * dpr);
      if (labelY + 11 * dpr <= H + dpr) ctx.fillText(text, left, labelY);
      lastEnd = left + w;
    }
  }
}
