import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, mapIdle, mapSizes, openApp, sharedApp, type SharedApp } from './browser';

const DOCS = 'docs';
mkdirSync(DOCS, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FLIGHT = '2023-03-11-aircraft-flight-zangilan-bilasuvar';
/** Points that mark the border's extent: both ends of the Nakhchivan line, the tripoint, where the Aras is left, the coast. */
const BORDER_POINTS: [number, number][] = [[44.80938, 39.62734], [46.14486, 38.8422], [46.53398, 38.86717], [47.98561, 39.70915], [48.88229, 38.44179]];

interface Size { name: string; viewport: { width: number; height: number }; touch: boolean }
const SIZES: Size[] = [
  { name: 'phone', viewport: { width: 375, height: 812 }, touch: true },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, touch: false },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false },
];

interface Finding { id: string; impact: string; targets: string[]; why: string }
interface AxeResult { violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }
interface AxeWindow { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }

/** axe-core's WCAG 2.2 AA findings on the page as it is now. */
async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as AxeWindow).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'none', targets: v.nodes.map((n) => n.target.join(' ')), why: v.nodes[0]?.failureSummary ?? '' }));
  }, TAGS);
}

const counts: Record<string, Record<string, number>> = {};

/** Records the findings by impact under `label` and expects no critical or serious one. */
async function expectNoSeriousFindings(page: Page, label: string): Promise<void> {
  const findings = await axe(page);
  const byImpact: Record<string, number> = {};
  for (const f of findings) byImpact[f.impact] = (byImpact[f.impact] ?? 0) + f.targets.length;
  counts[label] = byImpact;
  expect(findings.filter((f) => f.impact === 'critical' || f.impact === 'serious')).toEqual([]);
}

/** Where a lon/lat lies in the page, from the map's camera (web Mercator, 512-px tiles). */
async function projectFromHash(page: Page, points: [number, number][]): Promise<{ x: number; y: number }[]> {
  return page.evaluate((pts) => {
    const [zoom, lat, lon] = (document.documentElement.dataset.mapView ?? '').split('/').map(Number);
    const rect = (document.getElementById('map') as HTMLElement).getBoundingClientRect();
    const scale = 512 * 2 ** zoom;
    const mx = (lng: number): number => ((lng + 180) / 360) * scale;
    const my = (la: number): number => ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * scale;
    return pts.map(([x, y]) => ({ x: rect.left + rect.width / 2 + mx(x) - mx(lon), y: rect.top + rect.height / 2 + my(y) - my(lat) }));
  }, points);
}

/** The boxes of everything drawn over the map: controls, panels, notices. */
async function overlayBoxes(page: Page): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll('.maplibregl-ctrl, .notice')]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })));
}

/** Expects what shows of `selector` (its popup, when it is in one) to lie inside the viewport. */
async function expectInsideViewport(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).evaluate((e) => {
    const r = (e.closest('.maplibregl-popup') ?? e).getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error(`${selector} is not shown`);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
}

const focusedIncident = (page: Page): Promise<string | null> =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.incidentId ?? null);

/** Presses Tab until `selector` has focus (at most `max` times); true when it got there. */
async function tabTo(page: Page, selector: string, max = 120): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  writeFileSync('test-results/axe-counts.json', JSON.stringify(counts, null, 2));
});

for (const size of SIZES) {
  describe(`at ${size.viewport.width}×${size.viewport.height} (${size.name})`, () => {
    // One loaded app per size; each test goes to its own address in it (the list test, which leaves the
    // phone's list open, after the marker test).
    const app = sharedApp(() => browser, { viewport: size.viewport, touch: size.touch, bypassCSP: true });
    afterAll(() => app.close());
    const open = (path = ''): ReturnType<SharedApp['visit']> => app.visit(path);

    test('the first view frames the whole border clear of the panels, with a title, and axe finds nothing serious', async () => {
      const { page, errors } = await open();
      await mapIdle(page);
      // The panels built as the data arrives take the room kept for them: the map is never resized (a full redraw).
      expect(await mapSizes(page)).toHaveLength(1);
      expect(await page.locator('h1').innerText()).toBe('Azerbaijan–Iran border incidents');
      const map = await page.locator('#map').boundingBox();
      if (!map) throw new Error('no map');
      const boxes = await overlayBoxes(page);
      for (const p of await projectFromHash(page, BORDER_POINTS)) {
        expect(p.x).toBeGreaterThan(map.x);
        expect(p.x).toBeLessThan(map.x + map.width);
        expect(p.y).toBeGreaterThan(map.y);
        expect(p.y).toBeLessThan(map.y + map.height);
        const under = boxes.filter((b) => p.x >= b.left && p.x <= b.right && p.y >= b.top && p.y <= b.bottom);
        expect(under).toEqual([]);
      }
      await page.screenshot({ path: `${DOCS}/${size.name}.png` });
      await expectNoSeriousFindings(page, `${size.name}: first view`);
      expect(errors).toEqual([]);
    });

    test('an incident opened from its marker is inside the viewport; Escape returns focus to the marker', async () => {
      const { page } = await open('#12/39.2546/47.1584');
      await mapIdle(page);
      const marker = page.locator(`.incident-marker[data-incident-id="${FLIGHT}"]`);
      if (size.touch) await marker.tap();
      else await marker.click();
      const dialog = page.locator('[role="dialog"].incident-details');
      await expect.poll(() => dialog.count()).toBe(1);
      await mapIdle(page);
      await page.waitForTimeout(400);
      await expectInsideViewport(page, '[role="dialog"].incident-details');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('incident-marker'))).toBe(true);
      expect(await focusedIncident(page)).toBe(FLIGHT);
    });

    test('an incident opened from the list is a labelled dialog inside the viewport; Escape returns focus to the list', async () => {
      const { page } = await open();
      await mapIdle(page);
      const summary = page.locator('.incident-list summary');
      if (!(await page.locator('.incident-list details').evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
      const item = page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`);
      await item.click();
      const dialog = page.locator('[role="dialog"].incident-details');
      await expect.poll(() => dialog.count()).toBe(1);
      const name = await dialog.getAttribute('aria-labelledby');
      expect(await page.locator(`#${name}`).innerText()).toContain('aircraft');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await mapIdle(page);
      await page.waitForTimeout(400);
      await expectInsideViewport(page, '[role="dialog"].incident-details');
      if (size.name === 'phone') expect(await dialog.getAttribute('class')).toContain('incident-sheet');
      await page.screenshot({ path: `${DOCS}/${size.name}-incident.png` });
      await expectNoSeriousFindings(page, `${size.name}: incident open`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await focusedIncident(page)).toBe(FLIGHT);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('incident-list-item'))).toBe(true);
      expect(new URL(page.url()).searchParams.get('incident')).toBeNull();
    });

    test('with the along-border tool measuring, axe finds nothing serious and the ends are named buttons', async () => {
      // Its own load: a first load frames the measurement, which a later visit would not.
      const { page } = await openApp(browser, '?measure=46.9,39.2;47.6,39.5', { viewport: size.viewport, touch: size.touch, bypassCSP: true });
      await mapIdle(page);
      await expect.poll(() => page.locator('button.measure-handle').count()).toBe(2);
      expect(await page.locator('button.measure-handle').first().getAttribute('aria-label')).toContain('Measurement start');
      await expectNoSeriousFindings(page, `${size.name}: measuring`);
    });

    test('an import error is announced by its title only, its details scroll by keyboard, Escape dismisses it', async () => {
      const { page } = await open();
      await mapIdle(page);
      // Rows broken in several ways, so the report lists several kinds of problem with examples; one good row,
      // so the import preview can be confirmed and the report is a notice.
      const bad = [
        (i: number) => `39.2,46.9,Bad ${i},2024-01-02T25:00,Drone sightings`,
        (i: number) => `39.2,east,Bad ${i},2024-01-02,Drone sightings`,
        (i: number) => `39.2,46.9,Bad ${i},2024-13-01,Drone sightings`,
        () => `39.2,46.9,,2024-01-02,Drone sightings`,
        (i: number) => `,46.9,Bad ${i},2024-01-02,Drone sightings`,
        (i: number) => `39.2,46.9,Bad ${i},,Drone sightings`,
        (i: number) => `north,46.9,Bad ${i},2024-01-02,Drone sightings`,
        (i: number) => `39.2,46.9,Bad ${i},2024-01-02 to 2023-01-01,Drone sightings`,
      ];
      const rows = ['latitude,longitude,title,date,category', '39.2,46.9,Good one,2024-01-02,Drone sightings',
        ...Array.from({ length: 160 }, (_, i) => bad[i % bad.length](i))];
      await page.locator('.data-file-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
      const preview = page.getByRole('dialog');
      await preview.getByRole('button', { name: /^Import \d/ }).click();
      await expect.poll(() => preview.count()).toBe(0);
      const notice = page.locator('.notice').last();
      await expect.poll(() => notice.innerText()).toContain('broken.csv');
      expect(await notice.locator('[role="alert"], [role="status"]').count()).toBe(1);
      expect(await notice.locator('[role="alert"] li, [role="status"] li').count()).toBe(0);
      const list = notice.locator('.notice-details');
      expect(await list.getAttribute('tabindex')).toBe('0');
      const box = await list.boundingBox();
      expect(box?.height ?? 0).toBeLessThanOrEqual(size.viewport.height * 0.3 + 1);
      expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
      await expectNoSeriousFindings(page, `${size.name}: import error`);
      await list.focus();
      await page.keyboard.press('PageDown');
      await expect.poll(() => list.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
      const before = await page.locator('.notice').count();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.notice').count()).toBe(before - 1);
    });
  });
}

describe('on a phone', () => {
  const phone = { viewport: { width: 375, height: 812 }, touch: true, bypassCSP: true };

  test('the tools sit behind one button, and the details sheet resizes by keyboard', async () => {
    const { page } = await openApp(browser, '', phone);
    await mapIdle(page);
    expect(await page.locator('.measure-control').isVisible()).toBe(false);
    const tools = page.locator('.tools-button');
    expect(await tools.getAttribute('aria-expanded')).toBe('false');
    await tools.tap();
    expect(await page.locator('.measure-control').isVisible()).toBe(true);
    expect(await page.locator('.data-control').isVisible()).toBe(true);
    const zoom = await page.locator('.maplibregl-ctrl-zoom-in').boundingBox();
    expect(zoom?.width).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${DOCS}/phone-tools.png` });
    await tools.tap();
    await page.locator('.incident-list summary').tap();
    await page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`).tap();
    const sheet = page.locator('.incident-sheet');
    await expect.poll(() => sheet.getAttribute('data-size')).toBe('half');
    await page.locator('.sheet-grip').focus();
    await page.keyboard.press('ArrowUp');
    expect(await sheet.getAttribute('data-size')).toBe('full');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await sheet.getAttribute('data-size')).toBe('peek');
    await expectInsideViewport(page, '.incident-sheet');
  });
});

describe('by keyboard alone', () => {
  test('open an incident, filter a category, move the timeline, measure two points and open the import picker', async () => {
    const { page } = await openApp(browser, '', { bypassCSP: true });
    await mapIdle(page);
    // The skip link is the first stop and goes to the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('.incident-list') !== null)).toBe(true);
    expect(await tabTo(page, `.incident-list-item[data-incident-id="${FLIGHT}"]`)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('incident')).toBe(FLIGHT);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedIncident(page)).toBe(FLIGHT);
    // A category.
    expect(await tabTo(page, '.legend input[value="airspace"]')).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).not.toBeNull();
    // The timeline.
    expect(await tabTo(page, 'input.timeline-thumb-from')).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBeNull();
    // Two points along the border: the tool, then the map, arrows to pan, Enter to add the centre.
    await page.keyboard.press('Shift+Tab');
    expect(await tabTo(page, 'button.measure-along')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await tabTo(page, 'canvas.maplibregl-canvas')).toBe(true);
    await page.keyboard.press('Enter');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await mapIdle(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('measure')).not.toBeNull();
    // The import picker.
    expect(await tabTo(page, 'button.data-import')).toBe(true);
    // The picker's own click is seen and cancelled here: a native file dialog cannot be waited on reliably.
    await page.evaluate(() => {
      const input = document.querySelector('.data-file-input') as HTMLInputElement;
      input.addEventListener('click', (e) => {
        e.preventDefault();
        document.documentElement.dataset.pickerOpened = String(input.multiple);
      }, { once: true });
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.pickerOpened)).toBe('true');
  });
});

describe('about, share, print and image', () => {
  const app = sharedApp(() => browser, { bypassCSP: true });
  afterAll(() => app.close());

  test('About is a modal dialog that says what the map is and returns focus on Escape', async () => {
    const { page } = await app.visit();
    await page.locator('.title-about').click();
    const dialog = page.locator('dialog.about-dialog');
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('248.80 km');
    expect(text).toContain('OpenStreetMap');
    expect(text).toContain('ODbL');
    await expectNoSeriousFindings(page, 'desktop: about');
    await page.keyboard.press('Escape');
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('title-about'))).toBe(true);
  });

  test('Share copies the link of the current view and says so', async () => {
    const { page } = await app.visit('?category=attack');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await page.locator('.title-share').click();
    await expect.poll(() => page.locator('.title-status').innerText()).toContain('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  test('print shows the map, title, range, legend and the open incident, without controls', async () => {
    const { page } = await openApp(browser, `?incident=${FLIGHT}`, { bypassCSP: true, viewport: { width: 1000, height: 1400 } });
    await mapIdle(page);
    await expect.poll(() => page.locator('#print-details .incident-card').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(500);
    await mapIdle(page);
    expect(await page.locator('.maplibregl-ctrl-top-right').isVisible()).toBe(false);
    expect(await page.locator('#timeline').isVisible()).toBe(false);
    expect(await page.locator('.title-range').isVisible()).toBe(true);
    expect(await page.locator('.legend').isVisible()).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
    expect(await page.locator('#print-details .incident-title').innerText()).toContain('aircraft');
    await page.screenshot({ path: `${DOCS}/print.png`, fullPage: true });
  });

  test('Save image downloads a PNG of the view with room for title, legend and scale, and it is not blank', async () => {
    const { page } = await app.visit();
    const download = page.waitForEvent('download');
    await page.locator('.title-image').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const path = `${DOCS}/saved-image.png`;
    await file.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      return { width: c.width, height: c.height, ratio: c.width / c.clientWidth };
    });
    expect(width).toBe(canvas.width);
    expect(height).toBe(canvas.height + Math.round(108 * canvas.ratio));
    // Not blank: many colours, read back through the page's own image decoder.
    const colours = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.drawImage(bitmap, 0, 0);
      const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(50);
  });
});
