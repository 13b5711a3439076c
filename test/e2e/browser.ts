import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject, onTestFinished } from 'vitest';
import { CHROMIUM_FLAGS } from './chromium';

export interface AppPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests that left localhost. */
  external: string[];
}


export async function launch(): Promise<Browser> {
  // CPU compositing can leave a moved popup's old place painted white in screenshots: the README's are taken without it.
  const args = process.env.DOCS_SCREENSHOTS === '1' ? CHROMIUM_FLAGS.filter((f) => f !== '--disable-gpu-compositing') : CHROMIUM_FLAGS;
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args });
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Runs before the page loads, e.g. to serve other data with page.route. */
  before?: (page: Page) => Promise<unknown>;
  /** A phone: touch events and a mobile viewport (coarse pointer); default false. */
  touch?: boolean;
  /** Lets the test inject scripts (axe-core) past the page's Content-Security-Policy; default false. */
  bypassCSP?: boolean;
  /** Asks for less motion (prefers-reduced-motion: reduce); default false. */
  reducedMotion?: boolean;
}

/**
 * Opens the app at `path` (query and hash included) and records errors and off-host requests.
 * Call it inside a test: the page closes when the test ends, so no map is left running.
 */
export async function openApp(browser: Browser, path = '', options: OpenOptions = {}): Promise<AppPage> {
  const app = await openPage(browser, path, options);
  onTestFinished(() => app.page.close());
  return app;
}

async function openPage(browser: Browser, path: string, options: OpenOptions): Promise<AppPage> {
  const base = new URL(inject('baseUrl'));
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    bypassCSP: options.bypassCSP ?? false,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== base.hostname) external.push(req.url());
  });
  await page.addInitScript(RECORD_MAP_SIZES);
  await options.before?.(page);
  await page.goto(new URL(path, base).href);
  return { page, errors, external };
}

// A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
const RECORD_MAP_SIZES = `
  window.__mapSizes = [];
  document.addEventListener('DOMContentLoaded', () => {
    const map = document.getElementById('map');
    if (map) new ResizeObserver(() => window.__mapSizes.push(map.offsetWidth + 'x' + map.offsetHeight)).observe(map);
  });
`;

/** Every size the map's container has had since the page loaded (its first layout included). */
export function mapSizes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes);
}

/**
 * One loaded app for the tests of a file or block that each start from an address: the first
 * `visit` loads the page, later ones go to their address as back/forward would (the app restores
 * the whole view from it, naming what it ignored), which costs a camera move instead of a page
 * load. Notices are dismissed, focus dropped and open panels closed (Escape) between visits.
 */
export interface SharedApp {
  visit(path?: string): Promise<AppPage>;
  close(): Promise<void>;
}

export function sharedApp(browser: () => Browser, options: OpenOptions = {}): SharedApp {
  let app: AppPage | undefined;
  return {
    async visit(path = '') {
      if (!app) {
        app = await openPage(browser(), path, options);
      } else {
        const { page } = app;
        await page.keyboard.press('Escape');
        await page.evaluate((href) => {
          // No notice left from the test before: each is dismissed as a user would.
          for (const close of document.querySelectorAll<HTMLButtonElement>('.notice-close')) close.click();
          (document.activeElement as HTMLElement | null)?.blur();
          history.pushState(null, '', href);
          dispatchEvent(new PopStateEvent('popstate'));
        }, new URL(path, inject('baseUrl')).href);
        app.errors.length = 0;
        app.external.length = 0;
      }
      await mapIdle(app.page);
      return app;
    },
    async close() {
      await app?.page.close();
      app = undefined;
    },
  };
}

/** Resolves once the map has loaded its style and every source and rendered a frame. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', undefined, { timeout: 60_000 });
}

/** Serves `data` in place of the committed incidents file. */
export function serveIncidents(data: unknown): (page: Page) => Promise<unknown> {
  return (page) =>
    page.route(/incidents[^/]*\.geojson/, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
}

/** Makes every WebGL context request fail, as in a browser without WebGL. */
export function withoutWebGL(page: Page): Promise<unknown> {
  return page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
      return (original as (this: HTMLCanvasElement, ...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
}

/** Picks files through the Import control and confirms each preview dialog as proposed. */
export async function importThroughPreview(page: Page, ...files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await page.locator('.data-file-input').setInputFiles(files);
  for (let i = 0; i < files.length; i++) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Import \d/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }
}

/** The id and category of every record in the browser's store of imports (IndexedDB), as a reload would read them. */
export function storedRecords(page: Page): Promise<{ id: string; category: string }[]> {
  return page.evaluate(() => new Promise<{ id: string; category: string }[]>((resolve, reject) => {
    const open = indexedDB.open('border-incidents');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('incidents').objectStore('incidents').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        open.result.close();
        resolve((all.result as { id: string; properties?: { category?: string } }[]).map((r) => ({ id: r.id, category: r.properties?.category ?? '' })));
      };
    };
  }));
}
