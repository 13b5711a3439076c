/**
 * Large imports in the built app (npm run bench:import): a generated ACLED-style CSV picked in the
 * Import control, previewed and confirmed as proposed, in Chromium. For each size it prints
 *   - preview: pick → the dialog showing the first rows as they will be imported;
 *   - checked: pick → every row checked, the Import button enabled with the count;
 *   - stored: Import clicked → the "N incidents imported" notice;
 *   - shown: that notice → the map idle with the incidents counted;
 *   - reload: the page reloaded → the map idle with the stored incidents counted again;
 *   - the longest main-thread task (PerformanceObserver 'longtask') in each phase;
 *   - peak memory: the largest sum of the RSS of every Chromium process, sampled every 250 ms;
 * and, as the baseline measured in the same run, the same file read and checked by the import
 * pipeline alone in this node process (readImportTable + buildImport, one thread, no page):
 * "checked ÷ pipeline" is what the worker, the transfer and the dialog add to the bare work.
 *
 *   node --import tsx test/bench/importLarge.ts            (builds the app first)
 *   node --import tsx test/bench/importLarge.ts --no-build (reuses dist/)
 *   IMPORT_SIZES=50MB,100MB,200MB (default; a file over the app's limit is timed to its refusal)
 *
 * Run it on an otherwise idle machine; the figures go in the README, never into timed assertions.
 */
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { IMPORT_MAX_BYTES, buildImport, matchColumns, readImportTable } from '../../src/incidents/io';
import { BENCH_FLAGS, findChromium } from '../e2e/chromium';
import { mulberry32 } from './generateIncidents';
import { serveBuild } from './servedBuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA_DIR = `${ROOT}node_modules/.bench-data`;
const SIZES = (process.env.IMPORT_SIZES ?? '50MB,100MB,200MB').split(',');

const HEADER = 'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities';
const TYPES = [['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Strategic developments', 'Disrupted weapons use'], ['Protests', 'Peaceful protest']];
const ACTORS = ['Military Forces of Azerbaijan (2003-)', 'Military Forces of Iran (1989-)', 'Border Guards of Azerbaijan', 'Unidentified Armed Group', 'Protesters (Iran)'];
const PLACES = [['Fuzuli', 'Horadiz'], ['Jabrayil', 'Soltanli'], ['Zangilan', 'Aghband'], ['Bilasuvar', 'Bilasuvar'], ['Astara', 'Astara'], ['Nakhchivan', 'Ordubad']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function row(i: number, r: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const [type, sub] = pick(TYPES);
  const [admin, place] = pick(PLACES);
  const year = 2018 + Math.floor(r() * 8);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = r() < 0.5 ? `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `${day} ${MONTHS[month]} ${year}`;
  const lat = (38.4 + r() * 2.6).toFixed(4);
  const lon = (44.8 + r() * 4.2).toFixed(4);
  const notes = `On ${date}, ${pick(ACTORS)} reported ${sub.toLowerCase()} near ${place} (${admin}); report ${i}, ${Math.floor(r() * 1e6)}.`;
  return [`AZE${i}`, date, year, 1 + Math.floor(r() * 3), type, sub, pick(ACTORS), pick(ACTORS), admin, place, lat, lon, 1 + Math.floor(r() * 3), 'Trend News Agency', `"${notes}"`, Math.floor(r() * 3)].join(',');
}

/** Writes (once) the CSV for a size: "100000rows" or "50MB"; returns its path and row count. */
async function csvFile(size: string): Promise<{ path: string; rows: number; bytes: number }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = `${DATA_DIR}/import-${size}.csv`;
  const rowsWanted = size.endsWith('rows') ? Number(size.slice(0, -4)) : Number.POSITIVE_INFINITY;
  const bytesWanted = size.endsWith('MB') ? Number(size.slice(0, -2)) * 1024 * 1024 : Number.POSITIVE_INFINITY;
  if (!Number.isFinite(rowsWanted) && !Number.isFinite(bytesWanted)) throw new Error(`IMPORT_SIZES: '${size}' is neither N rows ("100000rows") nor N MB ("50MB")`);
  const out = createWriteStream(path);
  const r = mulberry32(11);
  let bytes = HEADER.length + 2;
  let rows = 0;
  let chunk = `${HEADER}\r\n`;
  while (rows < rowsWanted) {
    const line = `${row(rows + 1, r)}\r\n`;
    if (bytes + line.length > bytesWanted) break;
    chunk += line;
    bytes += line.length;
    rows += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise((resolve) => out.once('finish', resolve));
  return { path, rows, bytes: statSync(path).size };
}

/** The sum of the resident memory of every Chromium process now, in bytes. */
function chromiumRss(): number {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) sum += Number(rss[1]) * 1024;
    } catch {
      // The process ended while it was read.
    }
  }
  return sum;
}

const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

/** The longest main-thread task that started between two page times, in ms (0 if none over 50 ms). */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  const tasks = await page.evaluate('window.__longTasks') as [number, number][];
  return Math.max(0, ...tasks.filter(([start]) => start >= from && start < to).map(([, d]) => d));
}

const now = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>;

interface Figures {
  previewMs: number;
  checkedMs: number;
  storedMs: number;
  shownMs: number;
  reloadMs: number;
  longest: { preview: number; store: number; show: number; reload: number };
  peakBytes: number;
  pipelineMs: number;
  outcome: string;
}

/** The import pipeline alone on the same file, in this process: the baseline. */
function pipelineMs(path: string): number {
  const start = performance.now();
  const table = readImportTable(readFileSync(path, 'utf8'), 'bench.csv');
  if ('fileError' in table) throw new Error(table.fileError);
  buildImport(table, { mapping: matchColumns(table.headers) });
  return performance.now() - start;
}

/** Runs `work` on the app at `url` (loaded and idle, long tasks recorded) in a fresh Chromium; with the peak memory of all its processes. */
async function inApp<R>(url: string, work: (page: Page) => Promise<R>): Promise<R & { peakBytes: number }> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: BENCH_FLAGS });
  let peakBytes = 0;
  const sampler = setInterval(() => {
    peakBytes = Math.max(peakBytes, chromiumRss());
  }, 250);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(LONG_TASKS);
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', undefined, { timeout: 120_000 });
    return { ...(await work(page)), peakBytes };
  } finally {
    clearInterval(sampler);
    await browser.close();
  }
}

async function measure(url: string, path: string, rows: number): Promise<Omit<Figures, 'pipelineMs'>> {
  return inApp(url, async (page) => {
    const t0 = await now(page);
    await page.locator('.data-file-input').setInputFiles(path);
    const dialog = page.getByRole('dialog');
    await page.waitForFunction(() => document.querySelector('dialog[open] .import-preview td') !== null, undefined, { timeout: 600_000, polling: 50 });
    const tPreview = await now(page);
    const confirm = dialog.getByRole('button', { name: /^Import \d/ });
    await confirm.waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => !(document.querySelector('.import-confirm') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 600_000 });
    const tChecked = await now(page);
    const label = await confirm.innerText();
    if (label !== `Import ${rows.toLocaleString('en')} incidents`) console.warn(`  the preview offers '${label}' for ${rows.toLocaleString('en')} rows`);
    await confirm.click();
    const tConfirm = await now(page);
    const notice = page.locator('.notice', { hasText: /imported|nothing imported|could not/ }).last();
    await notice.waitFor({ timeout: 1_200_000 });
    const tStored = await now(page);
    const outcome = `${label}; notice: ${(await notice.innerText()).split('\n')[0]}`;
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', undefined, { timeout: 1_200_000, polling: 250 });
    const tShown = await now(page);
    const longest = {
      preview: await longestTask(page, t0, tChecked),
      store: await longestTask(page, tConfirm, tStored),
      show: await longestTask(page, tStored, tShown + 1),
    };
    const total = /of ([\d,]+)/.exec(await page.locator('.timeline-count').innerText())?.[1] ?? '?';
    await page.reload();
    await page.waitForFunction((text) => document.documentElement.dataset.mapState === 'idle' && (document.querySelector('.timeline-count')?.textContent ?? '').includes(`${text} of ${text}`), total, { timeout: 1_200_000, polling: 250 });
    const tReloaded = await now(page);
    return {
      previewMs: tPreview - t0,
      checkedMs: tChecked - t0,
      storedMs: tStored - tConfirm,
      shownMs: tShown - tStored,
      // After a reload the page's clock starts again.
      reloadMs: tReloaded,
      longest: { ...longest, reload: await longestTask(page, 0, tReloaded + 1) },
      outcome,
    };
  });
}

/** A file over the app's limit: the time to its refusal (the notice naming the limit), the longest task meanwhile, peak memory. */
async function measureRefusal(url: string, path: string): Promise<{ refusedMs: number; longestMs: number; peakBytes: number; notice: string }> {
  return inApp(url, async (page) => {
    const t0 = await now(page);
    await page.locator('.data-file-input').setInputFiles(path);
    const notice = page.locator('.notice', { hasText: /nothing imported/ }).last();
    await notice.waitFor({ timeout: 600_000 });
    const tRefused = await now(page);
    return { refusedMs: tRefused - t0, longestMs: await longestTask(page, t0, tRefused + 1), notice: (await notice.innerText()).replace(/\s+/g, ' ') };
  });
}

const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) await build({ root: ROOT, logLevel: 'warn' });
  const served = await serveBuild(`${ROOT}dist`);
  const table: string[] = [
    '| file | preview (first rows) | checked (Import enabled) | pipeline alone (node) | checked ÷ pipeline | stored | shown | reload | longest main-thread task: preview / store / show / reload | peak memory (all Chromium) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  try {
    for (const size of SIZES) {
      const { path, rows, bytes } = await csvFile(size);
      const name = `${(bytes / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString('en')} rows`;
      if (bytes > IMPORT_MAX_BYTES) {
        console.log(`${name}: over the app's limit, picking it in Chromium…`);
        const r = await measureRefusal(served.url, path);
        console.log(`  ${r.notice}`);
        table.push(`| ${name} | refused in ${ms(r.refusedMs)} (the import takes up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB) | | | | | | | ${ms(r.longestMs)} | ${(r.peakBytes / 1024 ** 3).toFixed(2)} GB |`);
        console.log(table.at(-1));
        continue;
      }
      console.log(`${name}: importing in Chromium…`);
      const f = await measure(served.url, path, rows);
      console.log(`  ${f.outcome}`);
      const pipeline = pipelineMs(path);
      const { preview, store, show, reload } = f.longest;
      table.push(`| ${name} | ${ms(f.previewMs)} | ${ms(f.checkedMs)} | ${ms(pipeline)} | **${(f.checkedMs / pipeline).toFixed(2)}** | ${ms(f.storedMs)} | ${ms(f.shownMs)} | ${ms(f.reloadMs)} | ${ms(preview)} / ${ms(store)} / ${ms(show)} / ${ms(reload)} | ${(f.peakBytes / 1024 ** 3).toFixed(2)} GB |`);
      console.log(table.at(-1));
    }
  } finally {
    await served.close();
  }
  console.log(`\n${table.join('\n')}`);
}

await main();
