import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, mapIdle, mapSizes, sharedApp, type SharedApp } from './browser';
import {
  BORDER_POINTS, DOCS, FLIGHT, SIZES, expectInsideViewport, expectNoSeriousFindings, focusedIncident, overlayBoxes, projectFromHash, writeAxeCounts,
} from './accessibility';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  writeAxeCounts('sizes');
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

    // Phones only: the tools menu and the bottom sheet.
    if (size.name === 'phone') {
      test('the tools sit behind one button, and the details sheet resizes by keyboard', async () => {
        const { page } = await open();
        expect(await page.locator('.measure-control').isVisible()).toBe(false);
        const tools = page.locator('.tools-button');
        expect(await tools.getAttribute('aria-expanded')).toBe('false');
        await tools.tap();
        expect(await page.locator('.measure-control').isVisible()).toBe(true);
        expect(await page.locator('.data-control').isVisible()).toBe(true);
        // Every control a finger can reach is at least 44 px each way, a checkbox by its label (attribution links: 24).
        const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, input, select, summary, [role="slider"], a')]
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.skip-link'))
          .map((e) => ({ e, box: (e.closest('label') ?? e).getBoundingClientRect(), min: e.closest('.maplibregl-ctrl-attrib') ? 24 : 44 }))
          .filter(({ box, min }) => box.width > 0 && (Math.round(box.width) < min || Math.round(box.height) < min))
          .map(({ e, box }) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(box.width)}×${Math.round(box.height)}`));
        expect(small).toEqual([]);
        await page.screenshot({ path: `${DOCS}/phone-tools.png` });
        await tools.tap();
        // The list and the legend open as bottom sheets, one at a time, resized by their grips.
        const list = page.locator('.incident-list');
        if (!(await list.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await list.locator('summary').tap();
        await expect.poll(() => list.getAttribute('data-size')).toBe('half');
        await expectInsideViewport(page, '.incident-list');
        await list.locator('.panel-grip').focus();
        await page.keyboard.press('ArrowUp');
        expect(await list.getAttribute('data-size')).toBe('full');
        await page.keyboard.press('ArrowDown');
        expect(await list.getAttribute('data-size')).toBe('half');
        await page.locator('.legend summary').tap();
        await expect.poll(() => page.locator('.legend').getAttribute('data-size')).toBe('half');
        expect(await list.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        await page.screenshot({ path: `${DOCS}/phone-legend.png` });
        await page.locator('.legend summary').tap();
        if (!(await page.locator('.incident-list details').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('.incident-list summary').tap();
        await page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`).tap();
        const sheet = page.locator('.incident-sheet');
        await expect.poll(() => sheet.getAttribute('data-size')).toBe('half');
        await page.locator('.incident-sheet .sheet-grip').focus();
        await page.keyboard.press('ArrowUp');
        expect(await sheet.getAttribute('data-size')).toBe('full');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await sheet.getAttribute('data-size')).toBe('peek');
        await expectInsideViewport(page, '.incident-sheet');
        await page.keyboard.press('Escape');
      });
    }

    test('with the along-border tool measuring, axe finds nothing serious and the ends are named buttons', async () => {
      const { page } = await open('?measure=46.9,39.2;47.6,39.5');
      await mapIdle(page);
      await expect.poll(() => page.locator('button.measure-handle').count()).toBe(2);
      expect(await page.locator('button.measure-handle').first().getAttribute('aria-label')).toContain('Measurement start');
      await expectNoSeriousFindings(page, `${size.name}: measuring`);
    });

    test('the import preview passes axe; an import error is announced by its title only, its details scroll by keyboard, Escape dismisses it', async () => {
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
      await expect.poll(() => preview.locator('.import-summary').innerText()).toContain('to import');
      await expectNoSeriousFindings(page, `${size.name}: import preview`);
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
