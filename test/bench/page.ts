/**
 * Page benchmark in Chromium: the built app against a bare MapLibre page (test/bench/bare) that
 * draws the same style, basemap and clustered incident layers with no app UI.
 *
 * - first WebGL draw: navigation start → the first drawElements/drawArrays call on a WebGL context;
 * - first idle: navigation start → the map idle with every incident in its source (the app: the
 *   timeline reads "N of N incidents shown"; the bare page: its incident source loaded);
 * - first-load JS: gzip size of every script the page loaded (the worker included).
 *
 * For each data size (committed, 100k, 300k generated incidents written in place of the committed
 * file in a copy of each build), LOADS (7) loads of each page alternate, each in a fresh browser context; medians of each
 * page and the median of the paired ratios app ÷ bare are printed. Numbers, never assertions.
 *
 *   node --import tsx test/bench/page.ts            (builds both pages first)
 *   node --import tsx test/bench/page.ts --no-build (reuses dist/ and the bare page's build)
 *   env: CHROMIUM_PATH, LOADS (default 7), SIZES (default committed,100000,300000)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BENCH_FLAGS, findChromium } from '../e2e/chromium';
import { generateIncidents } from './generateIncidents';
import { serveBuild } from './servedBuild';

const LOADS = Number(process.env.LOADS ?? 7);
const SIZES = (process.env.SIZES ?? 'committed,100000,300000').split(',');
const VIEWPORT = { width: 1280, height: 800 };
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BARE_OUT = `${ROOT}node_modules/.bench-bare`;

interface Load {
  firstDraw: number;
  firstIdle: number;
  jsGzip: number;
}

/** Installed before any page script: notes the first WebGL draw and the first idle with every incident. */
function probe({ kind, expected }: { kind: 'app' | 'bare'; expected: string }): void {
  const marks: { firstDraw?: number; firstIdle?: number } = {};
  (window as unknown as { __page: typeof marks }).__page = marks;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays'] as const) {
      const original = proto[name] as (...args: unknown[]) => void;
      (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        marks.firstDraw ??= performance.now();
        return original.apply(this, args);
      };
    }
  }
  // A timer, not requestAnimationFrame: frames are not scheduled before the document exists. No
  // named arrow functions in here: tsx would wrap them in a helper the page does not have.
  const timer = setInterval(() => {
    // The init script runs before <html> exists.
    const root = document.documentElement;
    if (root?.dataset.mapState !== 'idle') return;
    // "N of N incidents shown": each number taken whole with the locale's digit separators ("100,000"), then its digits joined.
    const count = (document.querySelector('.timeline-count')?.textContent?.match(/\d[\d,.\s]*\d|\d/g) ?? [])
      .map((n) => n.replace(/\D/g, '')).join(' ');
    if (kind === 'app' ? count !== `${expected} ${expected}` : root.dataset.incidents !== 'loaded') return;
    marks.firstIdle = performance.now();
    clearInterval(timer);
  }, 5);
}

async function loadOnce(browser: Browser, url: string, kind: 'app' | 'bare', expected: string, outDir: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page: Page = await context.newPage();
  await page.addInitScript(probe, { kind, expected });
  if (kind === 'bare') {
    // The bare page says when MapLibre has parsed its incidents: the same moment the app waits for.
    await page.addInitScript(() => {
      const timer = setInterval(() => {
        const map = document.querySelector('#map');
        if (map && document.documentElement?.dataset.mapState === 'idle') {
          document.documentElement.dataset.incidents = 'loaded';
          clearInterval(timer);
        }
      }, 5);
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __page: { firstIdle?: number } }).__page.firstIdle !== undefined, undefined, { timeout: 300_000, polling: 50 });
  const marks = await page.evaluate(() => (window as unknown as { __page: { firstDraw: number; firstIdle: number } }).__page);
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\.m?js(\?|$)/.test(n)));
  // Both pages must draw the same map: a canvas of another size (or none, as when a style is blocked) is no baseline.
  const canvas = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
    if (!c) return null;
    // Reading a pixel waits for the page's queued drawing: none of it is left to slow the next load's GPU channel.
    const gl = c.getContext('webgl2');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    return { width: c.clientWidth, height: c.clientHeight };
  });
  await context.close();
  if (!canvas || canvas.width < VIEWPORT.width * 0.9 || canvas.height < VIEWPORT.height * 0.5) {
    throw new Error(`${kind} page at ${url}: its map canvas is ${canvas ? `${canvas.width}×${canvas.height}` : 'missing'}, not the viewport's ${VIEWPORT.width}×${VIEWPORT.height}`);
  }
  const jsGzip = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(`${outDir}${new URL(src).pathname}`)).length, 0);
  return { firstDraw: marks.firstDraw, firstIdle: marks.firstIdle, jsGzip };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    await build({ root: ROOT, logLevel: 'warn' });
    await build({ root: `${ROOT}test/bench/bare`, configFile: false, base: './', assetsInclude: ['**/*.geojson'], logLevel: 'warn', build: { outDir: BARE_OUT, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
  }
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: BENCH_FLAGS });
  const committed = JSON.parse(readFileSync(`${ROOT}data/incidents.geojson`, 'utf8')) as { features: unknown[] };
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const n = size === 'committed' ? committed.features.length : Number(size);
      const data = size === 'committed' ? null : JSON.stringify(generateIncidents(n));
      const app = await serveBuild(`${ROOT}dist`, data, 'app');
      const bare = await serveBuild(BARE_OUT, data, 'bare');
      const expected = String(n);
      const apps: Load[] = [];
      const bares: Load[] = [];
      try {
        // One warm-up of each, then alternating loads.
        await loadOnce(browser, app.url, 'app', expected, app.dir);
        await loadOnce(browser, bare.url, 'bare', expected, bare.dir);
        for (let i = 0; i < LOADS; i++) {
          apps.push(await loadOnce(browser, app.url, 'app', expected, app.dir));
          bares.push(await loadOnce(browser, bare.url, 'bare', expected, bare.dir));
        }
      } finally {
        await app.close();
        await bare.close();
      }
      const label = size === 'committed' ? `committed (${n})` : n.toLocaleString('en');
      for (const [metric, name] of [['firstDraw', 'first WebGL draw'], ['firstIdle', 'first idle']] as const) {
        const a = median(apps.map((l) => l[metric]));
        const b = median(bares.map((l) => l[metric]));
        const ratio = median(apps.map((l, i) => l[metric] / bares[i][metric]));
        rows.push(`| ${name}, ${label} | ${Math.round(a).toLocaleString('en')} ms | ${Math.round(b).toLocaleString('en')} ms | **${ratio.toFixed(2)}** |`);
      }
      if (size === SIZES[0]) {
        const a = apps[0].jsGzip / 1024;
        const b = bares[0].jsGzip / 1024;
        rows.push(`| JS gzip (first load) | ${Math.round(a)} KB | ${Math.round(b)} KB | **${(a / b).toFixed(2)}** |`);
      }
      console.log(rows.slice(-3).join('\n'));
    }
  } finally {
    await browser.close();
  }
  console.log(`\n| | app | bare | app ÷ bare (median of ${LOADS} paired loads) |\n|---|---:|---:|---:|\n${rows.join('\n')}`);
}

await main();
