import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { importThroughPreview, launch, mapIdle, openApp, withoutWebGL } from './browser';

interface FeatureLike { id: string; type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } }

function storedFeature(id: string, title: string, coordinates: [number, number] = [47.1, 39.4]): FeatureLike {
  return {
    type: 'Feature', id,
    properties: {
      id, title, date: '2024-05-01', date_precision: 'day', category: 'military-exercise', actors: ['Test actor'], location: 'Near the Aras',
      geo_precision: 'near', on_border: true, description: 'Stored for a test.', quotes: [],
      sources: [{ title: 'Analyst notes', publisher: 'Our team', date: '2024-05-02' }],
    },
    geometry: { type: 'Point', coordinates },
  };
}

/** Writes records straight into the app's IndexedDB store, as another tab or a hand edit could. */
async function seedStore(page: Page, records: readonly unknown[]): Promise<void> {
  await page.evaluate((rows) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('border-incidents', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('incidents', { keyPath: 'id' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('incidents', 'readwrite');
      for (const row of rows) tx.objectStore('incidents').put(row);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), records);
}

/** The keys the app's IndexedDB store holds. */
async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('border-incidents', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('incidents').objectStore('incidents').getAllKeys();
      request.onsuccess = () => { open.result.close(); resolve(request.result.map(String)); };
    };
  }));
}

async function listIds(page: Page): Promise<string[]> {
  return page.locator('.incident-list-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.incidentId ?? ''));
}

const EMBASSY = '2023-01-embassy-attack-tehran';

function committedIds(): string[] {
  const data = JSON.parse(readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8')) as { features: { id: string }[] };
  return data.features.map((f) => f.id);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('stored imports', () => {
  test('a tampered record is set aside and removable; a stored record with a committed id is renamed and the committed one opens', async () => {
    const { page, errors } = await openApp(browser);
    await mapIdle(page);
    const tampered = { ...storedFeature('tampered-1', 'Edited by hand'), geometry: { type: 'Point', coordinates: [999, 39.4] } };
    await seedStore(page, [tampered, storedFeature(EMBASSY, 'A stored copy under the embassy id')]);
    await page.goto(new URL(`?incident=${EMBASSY}`, page.url()).href);
    await mapIdle(page);
    const notices = page.locator('.notice');
    await expect.poll(() => notices.allInnerTexts()).toEqual(expect.arrayContaining([
      expect.stringContaining('1 stored import is set aside'),
      expect.stringContaining(`'${EMBASSY}' is now 'imported-${EMBASSY}'`),
    ]));
    expect((await notices.allInnerTexts()).join('\n')).toContain('tampered-1');
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe(EMBASSY);
    expect(await page.locator('.maplibregl-popup .incident-title').innerText()).not.toBe('A stored copy under the embassy id');
    expect(await listIds(page)).toContain(`imported-${EMBASSY}`);
    expect(await listIds(page)).not.toContain('tampered-1');
    expect(await page.locator('.data-clear').innerText()).toBe('Remove imported (2)');
    await page.getByRole('button', { name: 'Remove it from this browser' }).click();
    await expect.poll(() => storedKeys(page)).toEqual([`imported-${EMBASSY}`]);
    await expect.poll(() => page.locator('.data-clear').innerText()).toBe('Remove imported (1)');
    expect(errors).toEqual([]);
  });

  test('without WebGL the list shows the imported incidents too', async () => {
    const { page } = await openApp(browser, '', { before: withoutWebGL });
    await expect.poll(() => page.locator('.notice').first().innerText()).toContain('WebGL is unavailable');
    const committedCount = committedIds().length;
    await expect.poll(() => page.locator('.incident-list-item').count()).toBe(committedCount);
    await seedStore(page, [storedFeature('kept-1', 'Imported before the WebGL loss')]);
    await page.reload();
    await expect.poll(() => page.locator('.incident-list-item').count()).toBe(committedCount + 1);
    await page.locator('.incident-list-item[data-incident-id="kept-1"]').click();
    expect(await page.locator('.fallback-reader .incident-card h2').innerText()).toBe('Imported before the WebGL loss');
  });
});

/** Opens the app in another tab of the same browser profile (shared IndexedDB); collects its errors. */
async function openTab(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
  await page.goto(inject('baseUrl'));
  await mapIdle(page);
  return page;
}

async function importFile(page: Page, name: string, ...features: FeatureLike[]): Promise<void> {
  const body = JSON.stringify({ type: 'FeatureCollection', features });
  await importThroughPreview(page, { name, mimeType: 'application/geo+json', buffer: Buffer.from(body) });
}

describe('two tabs', () => {
  // Two tabs of one browser profile, shared by these tests (removal first: it counts what is stored; Undo puts it back).
  let tabs: { context: BrowserContext; first: Page; second: Page; errors: string[] } | undefined;
  async function twoTabs(): Promise<{ first: Page; second: Page; errors: string[] }> {
    if (!tabs) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      tabs = { context, first: await openTab(context, errors), second: await openTab(context, errors), errors };
    }
    tabs.errors.length = 0;
    return tabs;
  }
  afterAll(async () => {
    await tabs?.context.close();
  });

  test('"Remove imported" asks first naming the count, removes in every tab, and Undo brings them back everywhere', async () => {
    const { first: here, second: there, errors } = await twoTabs();
    await importFile(here, 'two.geojson', storedFeature('rm-1', 'First to remove'), storedFeature('rm-2', 'Second to remove', [47.2, 39.3]));
    for (const page of [here, there]) await expect.poll(() => listIds(page)).toEqual(expect.arrayContaining(['rm-1', 'rm-2']));
    await expect.poll(() => there.locator('.data-clear').innerText()).toBe('Remove imported (2)');

    await there.locator('.data-clear').click();
    const dialog = there.getByRole('dialog');
    await expect.poll(() => dialog.locator('h2').innerText()).toBe('Remove 2 imported incidents?');
    await dialog.getByRole('button', { name: 'Keep them' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await listIds(there)).toEqual(expect.arrayContaining(['rm-1', 'rm-2']));

    await there.locator('.data-clear').click();
    await there.getByRole('dialog').getByRole('button', { name: 'Remove 2' }).click();
    for (const page of [there, here]) {
      await expect.poll(() => listIds(page)).not.toContain('rm-1');
      expect(await listIds(page)).not.toContain('rm-2');
    }
    await expect.poll(() => here.locator('.data-clear').isHidden()).toBe(true);

    await there.locator('.notice', { hasText: 'Removed 2 imported incidents' }).getByRole('button', { name: 'Undo' }).click();
    for (const page of [there, here]) await expect.poll(() => listIds(page)).toEqual(expect.arrayContaining(['rm-1', 'rm-2']));
    await expect.poll(() => here.locator('.data-clear').innerText()).toBe('Remove imported (2)');
    expect(errors).toEqual([]);
  });

  test("a stale tab imports an id the other tab stored under a new id, and both tabs show both", async () => {
    const { first: stale, second: other, errors } = await twoTabs();
    // Stored behind the stale tab's back, with no message to it.
    await seedStore(other, [storedFeature('shared-1', 'Stored in the other tab')]);
    await importFile(stale, 'late.geojson', storedFeature('shared-1', 'Imported in the stale tab'));
    const notices = stale.locator('.notice');
    await expect.poll(() => notices.allInnerTexts().then((t) => t.join('\n'))).toContain("id 'shared-1' is taken: imported as 'imported-shared-1'");
    expect((await notices.allInnerTexts()).join('\n')).not.toContain('ConstraintError');
    for (const page of [stale, other]) await expect.poll(() => listIds(page)).toEqual(expect.arrayContaining(['shared-1', 'imported-shared-1']));
    expect(errors).toEqual([]);
  });
});
