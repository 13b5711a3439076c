import './timeline.css';
import { el } from './dom';
import { Subscriptions } from './subscriptions';
import { drawTimeline } from './timelineCanvas';
import { dayToIso, formatDay } from '../incidents/dayNumber';
import { binDaySpans, clampRange, playbackStart, playbackStep, type DayDomain, type DayRange, type Histogram } from '../time';

/** A window of days, both ends inclusive, as day numbers (days since 1970-01-01 UTC). */
export type TimelineRange = DayRange;

/** What the axis draws: one [start[i], end[i]] span of day numbers per incident (typed arrays for 100k). */
export interface TimelineMarks {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

export interface TimelineOptions {
  /**
   * Called whenever the window moves. While it is still moving, `final` is false, at most once per
   * animation frame (dragging, holding a key) or once per playback step. Once it settles, `final`
   * is true, once: the pointer or key is released, or playback pauses or reaches the end. Write
   * lasting state (the URL) on final calls only. Not called by setRange() or destroy().
   */
  onChange: (range: TimelineRange, final: boolean) => void;
  /** Playback speeds offered, the first being the initial one; default [1, 2, 4, 8]. */
  speeds?: readonly number[];
}

const DEFAULT_SPEEDS: readonly number[] = [1, 2, 4, 8];
/** Below this many marks each incident is drawn on its own; from it on, a histogram. */
const TICK_LIMIT = 200;
/** Days moved by PageUp / PageDown on a thumb. */
const PAGE_DAYS = 30;
/** Playback: one step every TICK_MS (its length: see playbackStep). */
const TICK_MS = 100;
/** Half the thumb width in CSS px when --tl-thumb-w (timeline.css) cannot be read: the thumbs' centres travel from it to width − it. */
const THUMB_HALF = 8;
const NAV_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

const SVG_NS = 'http://www.w3.org/2000/svg';
const PLAY_PATH = 'M7 4.5v15l12-7.5z';
const PAUSE_PATH = 'M6 4.5h4.5v15H6zM13.5 4.5H18v15h-4.5z';
const NUMBER = new Intl.NumberFormat('en');

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
 * Histogram: one bin per device pixel of the axis, counting every incident that overlaps the bin
 * (binDaySpans), drawn by drawTimeline. Binning is done in setMarks and again only when the domain
 * or the canvas size changes; moving the window never redraws the canvas (the highlight and the
 * dimming are positioned DOM).
 */
export class Timeline {
  private readonly onChange: TimelineOptions['onChange'];
  private readonly speeds: readonly number[];

  private readonly root: HTMLDivElement;
  private thumbHalfPx: number | undefined;
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

  /** Every listener, observer, timer and frame added here; destroy() undoes them all. */
  private readonly subs = new Subscriptions();

  private min = 0;
  private max = 0;
  private hasDomain = false;
  private from = 0;
  private to = 0;

  private markStart: Int32Array = new Int32Array(0);
  private markEnd: Int32Array = new Int32Array(0);
  /** Null while the marks are few enough to draw one by one (or there is nothing to bin into). */
  private histogram: Histogram | null = null;

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
    const resizeObserver = new ResizeObserver(() => this.resize());
    resizeObserver.observe(this.axis);
    this.subs.add(() => resizeObserver.disconnect());
    this.subs.add(() => this.stopTimer());
    this.subs.add(() => {
      if (this.frame !== 0) cancelAnimationFrame(this.frame);
      this.frame = 0;
    });
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

  /**
   * Starts playback: the window moves forward, keeping its width, until it reaches the end of the
   * domain (see playbackStart for where it starts). Each step calls onChange with final = false;
   * pausing or reaching the end calls it once with final = true.
   */
  play(): void {
    if (this.timer !== null || !this.hasDomain || this.subs.disposed) return;
    const start = playbackStart(this.range, this.bounds);
    if (start.from !== this.from || start.to !== this.to) {
      this.setState(start.from, start.to);
      this.emit(false);
    }
    this.timer = setInterval(() => this.step(), TICK_MS);
    this.updatePlayButton();
  }

  /** Stops playback and, if the window moved since the last final call, calls onChange(range, true). */
  pause(): void {
    if (!this.stopTimer()) return;
    this.updatePlayButton();
    this.emitFinal();
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  /** Stops playback without calling onChange, removes every listener, observer and frame it added, and its elements. */
  destroy(): void {
    this.subs.dispose();
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
    const on = this.subs.listen.bind(this.subs);
    on(this.playButton, 'click', () => (this.playing ? this.pause() : this.play()));
    on(this.speedSelect, 'change', () => {
      const s = Number(this.speedSelect.value);
      if (Number.isFinite(s) && s > 0) this.speed = s;
    });

    for (const [input, which] of [
      [this.fromInput, 'from'],
      [this.toInput, 'to'],
    ] as const) {
      on(input, 'input', () => this.onSliderInput(which));
      on(input, 'change', () => {
        if (!this.keyHeld) this.emitFinal();
      });
      on(input, 'keydown', (e) => this.onKeyDown(e, which));
      on(input, 'keyup', (e) => {
        if (!NAV_KEYS.has(e.key)) return;
        this.keyHeld = false;
        this.emitFinal();
      });
      on(input, 'pointerdown', () => this.pause());
      on(input, 'pointerup', () => this.emitFinal());
      on(input, 'blur', () => {
        if (!this.keyHeld) return;
        this.keyHeld = false;
        this.emitFinal();
      });
    }

    on(this.axis, 'pointerdown', (e) => this.onAxisPointerDown(e));
    on(this.axis, 'pointermove', (e) => this.onAxisPointerMove(e));
    on(this.axis, 'pointerup', (e) => this.endDrag(e));
    on(this.axis, 'pointercancel', (e) => this.endDrag(e));
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
    const trackWidth = Math.max(1, this.axis.clientWidth - 2 * this.thumbHalf);
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

  /** Half the thumb width in CSS px, from --tl-thumb-w (wider on touch screens). */
  /** Half a thumb's width in px, read from the CSS once per size: reading styles while the page is being built forces a layout. */
  private get thumbHalf(): number {
    if (this.thumbHalfPx === undefined) {
      const w = parseFloat(getComputedStyle(this.root).getPropertyValue('--tl-thumb-w'));
      this.thumbHalfPx = Number.isFinite(w) && w > 0 ? w / 2 : THUMB_HALF;
    }
    return this.thumbHalfPx;
  }

  /** The day under a client x, clamped to the domain. */
  private dayAt(clientX: number): number {
    const rect = this.axis.getBoundingClientRect();
    const trackWidth = Math.max(1, rect.width - 2 * this.thumbHalf);
    const fraction = (clientX - rect.left - this.thumbHalf) / trackWidth;
    const day = Math.round(this.min + fraction * (this.max - this.min));
    return Math.max(this.min, Math.min(this.max, day));
  }

  /** One playback step: final = false on the way, final = true (via pause) on reaching the end. */
  private step(): void {
    const next = playbackStep(this.range, this.bounds, this.speed);
    this.setState(next.from, next.to);
    if (next.to >= this.max) this.pause();
    else this.emit(false);
  }

  /** Clears the playback timer; false if there was none. */
  private stopTimer(): boolean {
    if (this.timer === null) return false;
    clearInterval(this.timer);
    this.timer = null;
    return true;
  }

  // ---- State and emitting ----

  /** Clamps and orders a window, stores it and updates the sliders, texts and overlays (not the canvas). */
  private setState(from: number, to: number): void {
    ({ from: this.from, to: this.to } = clampRange(from, to, this.bounds));
    this.renderRange();
  }

  private get bounds(): DayDomain {
    return { min: this.min, max: this.max };
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
      this.fromText.dateTime = dayToIso(from);
      this.toText.dateTime = dayToIso(to);
    }
    // Overlays, positioned in % of the axis so that resizing needs no JS.
    const span = Math.max(1, this.max - this.min);
    const a = (from - this.min) / span;
    const b = (to - this.min) / span;
    const x = (f: number): string => `calc(${this.thumbHalf}px + ${f} * (100% - ${2 * this.thumbHalf}px))`;
    this.dimBefore.style.width = x(a);
    this.dimAfter.style.left = x(b);
    this.windowEl.style.left = x(a);
    this.windowEl.style.width = `calc(${b - a} * (100% - ${2 * this.thumbHalf}px))`;
    // When the thumbs meet at the end, the start thumb must be on top to be movable.
    this.root.classList.toggle('timeline-from-on-top', from === to && to >= this.max);
  }

  private scheduleEmit(): void {
    this.pendingEmit = true;
    if (this.frame !== 0 || this.subs.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.pendingEmit) return;
      this.pendingEmit = false;
      this.emit(false);
    });
  }

  private emitFinal(): void {
    this.pendingEmit = false;
    const last = this.lastEmitted;
    if (last !== null && last.final && last.from === this.from && last.to === this.to) return;
    this.emit(true);
  }

  private emit(final: boolean): void {
    this.pendingEmit = false; // this call supersedes a pending one
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
    // A new size may come with other thumbs (touch screens, narrow layouts).
    this.thumbHalfPx = undefined;
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
    return Math.max(1, Math.round((this.cssWidth - 2 * this.thumbHalf) * this.dpr));
  }

  /** Bins the marks, one bin per device pixel of the track, when there are too many to draw one by one. */
  private rebin(): void {
    const tooFew = this.markStart.length < TICK_LIMIT;
    this.histogram = !this.hasDomain || this.cssWidth === 0 || tooFew ? null : binDaySpans(this.markStart, this.markEnd, this.bounds, this.binCount());
  }

  private draw(): void {
    if (this.cssWidth === 0) return;
    drawTimeline(this.canvas, {
      domain: this.hasDomain ? this.bounds : null,
      start: this.markStart,
      end: this.markEnd,
      histogram: this.histogram,
      padding: this.thumbHalf,
      plotHeight: this.plotHeight,
      dpr: this.dpr,
    });
  }
}
