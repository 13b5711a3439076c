import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, mapIdle, openApp, sharedApp } from './browser';
import { DOCS, FLIGHT, expectNoSeriousFindings, focusedIncident, tabTo, writeAxeCounts } from './accessibility';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  writeAxeCounts('flows');
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
