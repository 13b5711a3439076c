/**
 * Scale benchmark in Chromium: the built app with 100, 100,000 and 300,000 generated incidents.
 *
 * - first render: navigation start → the map is idle with the incidents drawn, the list and the
 *   timeline count populated ("N of N incidents shown"); one warm-up load per size, then the
 *   median of RUNS loads, each in a fresh browser context, sizes interleaved;
 * - range change: the timeline's end thumb set (input + change, as Playwright's fill does) to the
 *   middle of the axis and back to its end, alternately; input event → the map idle again with the
 *   new count; median of CHANGES changes;
 * - drag: the end thumb dragged with the mouse from the axis end to 30 % of it in 30 moves ~16 ms
 *   apart, while the page records requestAnimationFrame deltas and long tasks; median, p95 and max
 *   frame time, long tasks and their total, and the time from mouse up to the map idle again.
 *
 * Also main-thread task time per range change (CDP TaskDuration) and the JS heap once idle. Markdown
 * tables for the README: figures per size, then ratios to the smallest size and to the size before,
 * and the heap per incident. Numbers, not assertions: nothing here fails on a slow machine.
 *
 *   node --import tsx test/bench/scale.ts            (builds dist/ first)
 *   node --import tsx test/bench/scale.ts --no-build (reuses dist/)
 *   env: CHROMIUM_PATH, RUNS (default 3), CHANGES (default 8), SIZES (default 100,100000,300000),
 *        PROFILE=1 (CPU profile of one 100k load and one 100k range change, top functions printed)
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { BENCH_FLAGS, findChromium } from '../e2e/chromium';
import { generateIncidents } from './generateIncidents';
import { serveBuild, type ServedBuild } from './servedBuild';

const RUNS = Number(process.env.RUNS ?? 3);
const CHANGES = Number(process.env.CHANGES ?? 8);
const SIZES = (process.env.SIZES ?? '100,100000,300000').split(',').map(Number);
const TARGETS = { kbPerIncident: 0.3 };
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
/** Half the thumb width: the thumb centres travel from 8 px to width − 8 px (Timeline.ts THUMB_HALF). */
const THUMB_HALF = 8;

// ---- In the page ----

/** Installed before the app runs: records when the first full render is reached, and map idles. */
function pageProbe(expectedCount: string): void {
  const probe: Probe = { idles: [], frames: [], longTasks: [], recording: false };
  (window as unknown as { __bench: Probe }).__bench = probe;
  // The init script runs before <html> exists: watch the document, and read the root each time.
  const countText = (): string | null | undefined => document.querySelector('.timeline-count')?.textContent;
  new MutationObserver(() => {
    if (document.documentElement.dataset.mapState !== 'idle') return;
    const now = performance.now();
    probe.idles.push(now);
    if (probe.firstRender === undefined && countText() === expectedCount && document.querySelector('.incident-list li') !== null) {
      probe.firstRender = now;
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-state'] });
  const watchCount = new MutationObserver(() => {
    if (probe.countAt === undefined && countText() === expectedCount) {
      probe.countAt = performance.now();
      watchCount.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => watchCount.observe(document.body, { childList: true, subtree: true, characterData: true }));
  document.addEventListener('input', (e) => {
    if ((e.target as Element | null)?.matches?.('input.timeline-thumb-to')) probe.inputAt ??= performance.now();
  }, true);
  try {
    new PerformanceObserver((list) => {
      if (!probe.recording) return;
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    /* no long task API */
  }
  let last = 0;
  const loop = (t: number): void => {
    if (probe.recording && last > 0) probe.frames.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

interface Probe {
  firstRender?: number;
  countAt?: number;
  idles: number[];
  inputAt?: number;
  frames: number[];
  longTasks: { start: number; duration: number }[];
  recording: boolean;
}

// ---- Driving ----

const fmt = new Intl.NumberFormat('en');
const countFor = (n: number): string => `${fmt.format(n)} of ${fmt.format(n)} incidents shown`;

async function openPage(browser: Browser, n: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); give the page one.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(pageProbe, countFor(n));
  return { context, page, errors };
}

interface Load {
  /** Navigation start → first full render, in-page clock. */
  firstRenderMs: number;
  /** Navigation start → the count reads "N of N" (before the map has drawn them). */
  countMs: number;
  /** Wall clock around goto + wait, for reference. */
  wallMs: number;
  /** The incidents response finished (resource timing). */
  dataMs: number;
}

async function load(page: Page, baseUrl: string): Promise<Load> {
  const t0 = performance.now();
  await page.goto(baseUrl);
  if (process.env.DEBUG) {
    await page.waitForTimeout(10_000);
    console.log(await page.evaluate(() => ({ probe: (window as unknown as { __bench: Probe }).__bench, state: document.documentElement.dataset.mapState, count: document.querySelector('.timeline-count')?.textContent, li: document.querySelectorAll('.incident-list li').length })));
  }
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.firstRender !== undefined, undefined, { timeout: Number(process.env.LOAD_TIMEOUT ?? 180_000), polling: 100 });
  const wallMs = performance.now() - t0;
  const r = await page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    const data = performance.getEntriesByType('resource').find((e) => /incidents[^/]*\.geojson/.test(e.name)) as PerformanceResourceTiming | undefined;
    return { firstRenderMs: p.firstRender as number, countMs: p.countAt ?? Number.NaN, dataMs: data?.responseEnd ?? Number.NaN };
  });
  return { ...r, wallMs };
}

/** Sets the end thumb to `day` and waits for the map to be idle with the new count; returns ms from the input event. */
async function rangeChange(page: Page, day: number): Promise<number> {
  const before = await page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    p.inputAt = undefined;
    return document.querySelector('.timeline-count')?.textContent ?? '';
  });
  await page.locator('input.timeline-thumb-to').fill(String(day));
  const handle = await page.waitForFunction(
    (prev) => {
      const p = (window as unknown as { __bench: Probe }).__bench;
      const text = document.querySelector('.timeline-count')?.textContent ?? '';
      if (p.inputAt === undefined || text === prev || document.documentElement.dataset.mapState !== 'idle') return false;
      const idle = p.idles.find((t) => t > (p.inputAt as number));
      return idle === undefined ? false : idle - p.inputAt;
    },
    before,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

interface Drag {
  frames: number[];
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  settleMs: number;
  moves: number;
}

async function drag(page: Page): Promise<Drag> {
  const input = page.locator('input.timeline-thumb-to');
  const box = await input.boundingBox();
  if (!box) throw new Error('no end thumb');
  const { min, max, value } = await input.evaluate((el: HTMLInputElement) => ({ min: Number(el.min), max: Number(el.max), value: Number(el.value) }));
  const xOf = (f: number): number => box.x + THUMB_HALF + f * (box.width - 2 * THUMB_HALF);
  const y = box.y + box.height / 2;
  const x0 = xOf((value - min) / Math.max(1, max - min));
  const x1 = xOf(0.3);
  const steps = 30;
  await page.mouse.move(x0, y);
  await page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    p.frames = [];
    p.longTasks = [];
    p.recording = true;
  });
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y);
    await page.waitForTimeout(16);
  }
  const upAt = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await page.waitForTimeout(50); // the long-task observer reports after the task
  const r = await page.evaluate(() => {
    const p = (window as unknown as { __bench: Probe }).__bench;
    p.recording = false;
    return { frames: p.frames, longTasks: p.longTasks };
  });
  // Settle: mouse up → the map idle with the final range (the first idle after up, once the state is idle).
  const settle = await page.waitForFunction(
    (up) => {
      const p = (window as unknown as { __bench: Probe }).__bench;
      if (document.documentElement.dataset.mapState !== 'idle') return false;
      const idle = p.idles.find((t) => t > up);
      return idle === undefined ? false : idle - up;
    },
    upAt,
    { timeout: 60_000, polling: 'raf' },
  );
  const settleMs = (await settle.jsonValue()) as number;
  return {
    frames: r.frames,
    longTasks: r.longTasks.length,
    longTaskMs: r.longTasks.reduce((s, t) => s + t.duration, 0),
    longestTaskMs: Math.max(0, ...r.longTasks.map((t) => t.duration)),
    settleMs,
    moves: steps,
  };
}

// ---- Profiling ----

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

function topSelf(profile: { nodes: CpuNode[]; samples?: number[]; timeDeltas?: number[] }, limit = 15): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
}

async function profile(browser: Browser, baseUrl: string, n: number): Promise<void> {
  const { context, page } = await openPage(browser, n);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await load(page, baseUrl);
  const loadProfile = (await cdp.send('Profiler.stop')).profile;
  console.log(`\nCPU profile (main thread), first render with ${fmt.format(n)}: top self time`);
  for (const line of topSelf(loadProfile as never)) console.log(line);
  const { min, max } = await page.locator('input.timeline-thumb-to').evaluate((el: HTMLInputElement) => ({ min: Number(el.min), max: Number(el.max) }));
  await cdp.send('Profiler.start');
  for (let i = 0; i < 4; i++) await rangeChange(page, i % 2 === 0 ? Math.round((min + max) / 2) : max);
  const changeProfile = (await cdp.send('Profiler.stop')).profile;
  console.log(`\nCPU profile (main thread), 4 range changes with ${fmt.format(n)}: top self time`);
  for (const line of topSelf(changeProfile as never)) console.log(line);
  await cdp.send('Profiler.start');
  await drag(page);
  const dragProfile = (await cdp.send('Profiler.stop')).profile;
  console.log(`\nCPU profile (main thread), drag with ${fmt.format(n)}: top self time`);
  for (const line of topSelf(dragProfile as never)) console.log(line);
  await context.close();
}

// ---- Statistics and report ----

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (v: readonly number[]): number => quantile(v, 0.5);
const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'n/a');

interface SizeResult {
  n: number;
  loads: Load[];
  changes: number[];
  /** Main-thread task time (CDP TaskDuration) from just before each range change until the map is idle with it. */
  changeTasks: number[];
  /** JS heap in use once idle after the first load, after a garbage collection. */
  heapBytes: number;
  drag: Drag;
  errors: string[];
}

/** A CDP metric of the page (Performance domain), e.g. TaskDuration (s of main-thread tasks so far) or JSHeapUsedSize (bytes). */
async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function measureSize(browser: Browser, baseUrl: string, n: number, loads: Load[]): Promise<Omit<SizeResult, 'loads'>> {
  const { context, page, errors } = await openPage(browser, n);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  loads.push(await load(page, baseUrl));
  await page.waitForTimeout(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBytes = await metric(cdp, 'JSHeapUsedSize');
  const { min, max } = await page.locator('input.timeline-thumb-to').evaluate((el: HTMLInputElement) => ({ min: Number(el.min), max: Number(el.max) }));
  const half = Math.round((min + max) / 2);
  await rangeChange(page, half); // warm-up change
  await rangeChange(page, max);
  const changes: number[] = [];
  const changeTasks: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const before = await metric(cdp, 'TaskDuration');
    changes.push(await rangeChange(page, i % 2 === 0 ? half : max));
    changeTasks.push((await metric(cdp, 'TaskDuration') - before) * 1000);
  }
  const dragResult = await drag(page);
  await context.close();
  return { n, changes, changeTasks, heapBytes, drag: dragResult, errors };
}

async function main(): Promise<void> {
  const noBuild = process.argv.includes('--no-build');
  if (!noBuild) {
    console.log('building…');
    await build({ logLevel: 'warn' });
  }
  // Each size served from its own copy of the build, its incidents file replaced.
  const served = new Map<number, ServedBuild>();
  for (const n of SIZES) {
    const body = JSON.stringify(generateIncidents(n));
    console.log(`${fmt.format(n)} incidents: ${(body.length / 1e6).toFixed(1)} MB of GeoJSON`);
    served.set(n, await serveBuild(DIST, body, `scale-${n}`));
  }
  const urls = new Map([...served].map(([n, s]) => [n, s.url]));
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: BENCH_FLAGS });
  try {

    if (process.env.PROFILE) {
      const n = Math.max(...SIZES);
      await profile(browser, urls.get(n) as string, n);
      return;
    }

    // Warm-up: one throwaway load per size.
    for (const [n, url] of urls) {
      const { context, page } = await openPage(browser, n);
      await load(page, url);
      await context.close();
    }
    const loads = new Map<number, Load[]>(SIZES.map((n) => [n, []]));
    const results = new Map<number, SizeResult>();
    // First renders, sizes interleaved; the last run of each size also measures range changes and the drag.
    for (let run = 0; run < RUNS; run++) {
      for (const [n, url] of urls) {
        const list = loads.get(n) as Load[];
        if (run < RUNS - 1) {
          const { context, page } = await openPage(browser, n);
          list.push(await load(page, url));
          await context.close();
        } else {
          const r = await measureSize(browser, url, n, list);
          results.set(n, { ...r, loads: list });
        }
      }
    }

    console.log('');
    for (const r of results.values()) {
      const label = `${fmt.format(r.n).padStart(7)} incidents`;
      const first = r.loads.map((l) => l.firstRenderMs);
      console.log(`${label}  first render   median ${ms(median(first))}  (runs ${first.map((v) => v.toFixed(0)).join(', ')}; count shown at ${ms(median(r.loads.map((l) => l.countMs)))}, data received at ${ms(median(r.loads.map((l) => l.dataMs)))}, wall ${ms(median(r.loads.map((l) => l.wallMs)))})`);
      console.log(`${label}  range change   median ${ms(median(r.changes))}  (${r.changes.map((v) => v.toFixed(0)).join(', ')})`);
      const f = r.drag.frames;
      console.log(`${label}  main thread per range change   median ${ms(median(r.changeTasks))}  (${r.changeTasks.map((v) => v.toFixed(0)).join(', ')})`);
      console.log(`${label}  drag frames    median ${ms(median(f))}, p95 ${ms(quantile(f, 0.95))}, max ${ms(Math.max(...f))} over ${f.length} frames; ${r.drag.longTasks} long tasks (${ms(r.drag.longTaskMs)} total, longest ${ms(r.drag.longestTaskMs)}); settle after release ${ms(r.drag.settleMs)}`);
      console.log(`${label}  JS heap once idle ${(r.heapBytes / 1e6).toFixed(1)} MB`);
      if (r.errors.length > 0) console.log(`${label}  page errors: ${r.errors.slice(0, 5).join(' | ')}`);
    }

    const sizes = [...results.values()].sort((a, b) => a.n - b.n);
    const small = sizes[0];
    if (sizes.length < 2) return;
    const firstMs = (r: SizeResult): number => median(r.loads.map((l) => l.firstRenderMs));
    const x = (v: number): string => `${v.toFixed(2)}x`;
    const row = (r: SizeResult): string => {
      const f = r.drag.frames;
      return `| ${fmt.format(r.n)} | ${ms(firstMs(r))} | ${ms(median(r.changes))} | ${ms(median(r.changeTasks))} | ${ms(median(f))} / ${ms(quantile(f, 0.95))} / ${ms(Math.max(...f))} | ${r.drag.longTasks} (${ms(r.drag.longTaskMs)}, longest ${ms(r.drag.longestTaskMs)}) | ${ms(r.drag.settleMs)} | ${(r.heapBytes / 1e6).toFixed(0)} MB |`;
    };
    console.log('\n| incidents | first render | range change | main thread per change | drag frame median / p95 / max | long tasks in drag (total, longest) | settle after release | JS heap idle |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of sizes) console.log(row(r));
    // Targets: first render ≤ 3x and main thread per change ≤ 2x the smallest size's at 100,000; at 300,000 the
    // first render ≤ 2x the smallest's and a range change ≤ 2x that at 100,000 (the size before).
    console.log(`\n| incidents | first render ÷ ${fmt.format(small.n)} | main thread per change ÷ ${fmt.format(small.n)} | range change ÷ the size before | main thread per change ÷ the size before | JS heap per incident over ${fmt.format(small.n)} (target ≤ ${TARGETS.kbPerIncident} KB) |`);
    console.log('|---:|---:|---:|---:|---:|---:|');
    sizes.slice(1).forEach((r, i) => {
      const before = sizes[i];
      const kb = (r.heapBytes - small.heapBytes) / (r.n - small.n) / 1000;
      console.log(`| ${fmt.format(r.n)} | ${x(firstMs(r) / firstMs(small))} | ${x(median(r.changeTasks) / median(small.changeTasks))} | ${x(median(r.changes) / median(before.changes))} | ${x(median(r.changeTasks) / median(before.changeTasks))} | ${kb.toFixed(2)} KB |`);
    });
  } finally {
    await browser.close();
    for (const s of served.values()) await s.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
