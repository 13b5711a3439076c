import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, mapIdle, sharedApp } from './browser';

/** What the user sees of the view: the address, the open incident, the list, the filter and the measurement. */
interface Seen {
  search: string;
  hash: string;
  popupTitle: string | null;
  listCurrent: string | null;
  statementShown: boolean;
  listSummary: string;
  alongKm: string | null;
}

async function seen(page: Page): Promise<Seen> {
  await mapIdle(page);
  return page.evaluate(() => {
    const text = (selector: string): string | null => document.querySelector<HTMLElement>(selector)?.innerText ?? null;
    return {
      search: location.search,
      hash: location.hash,
      popupTitle: text('.maplibregl-popup .incident-title'),
      listCurrent: document.querySelector<HTMLElement>('.incident-list-item[aria-current="true"]')?.dataset.incidentId ?? null,
      statementShown: document.querySelector<HTMLInputElement>('input[name="category"][value="statement"]')?.checked ?? false,
      listSummary: text('.incident-list summary') ?? '',
      alongKm: text('.measure-panel .measure-along'),
    };
  });
}

/** Goes back or forward and waits until the page has applied the entry. */
async function go(page: Page, direction: 'back' | 'forward', expected: Seen): Promise<void> {
  if (direction === 'back') await page.goBack({ waitUntil: 'commit' });
  else await page.goForward({ waitUntil: 'commit' });
  await expect.poll(() => seen(page)).toEqual(expected);
}

let browser: Browser;
// The tests share one loaded app, asking for less motion (the walk needs it; the others do not mind).
const app = sharedApp(() => browser, { reducedMotion: true });
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await app.close();
  await browser?.close();
});

describe('history', () => {
  test('back and forward walk filter, incident and measurement, restoring the map, list and measurement at each step', async () => {
    // With less motion the map jumps to the incident at once: that jump's camera must not leak into the entry before.
    const { page, errors } = await app.visit('#8/39.2/47');
    const start = await seen(page);
    expect(start.search).toBe('');

    await page.locator('input[name="category"][value="statement"]').uncheck();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('category=');
    const filtered = await seen(page);
    expect(filtered.statementShown).toBe(false);
    expect(filtered.listSummary).not.toBe(start.listSummary);

    const item = page.locator('.incident-list-item').first();
    const id = await item.getAttribute('data-incident-id');
    await item.click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain(`incident=${id}`);
    const selected = await seen(page);
    expect(selected.listCurrent).toBe(id);
    expect(selected.popupTitle).not.toBeNull();

    // Measure with the keyboard: Enter adds the map's centre, arrows pan between the two ends.
    await page.getByRole('button', { name: 'Along border' }).click();
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await mapIdle(page);
    const panned = await seen(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('measure=');
    const measured = await seen(page);
    expect(measured.alongKm).toMatch(/^\d+\.\d\d km$/);
    expect(measured.popupTitle).toBe(selected.popupTitle);

    // The pan after selecting moved that entry's camera with it (camera moves replace, not push).
    await go(page, 'back', { ...selected, hash: panned.hash });
    await go(page, 'back', filtered);
    await go(page, 'forward', { ...selected, hash: panned.hash });
    await go(page, 'forward', measured);
    expect(errors).toEqual([]);
  });

  test('a link with a camera opens its incident there without flying', async () => {
    const { page } = await app.visit('?incident=2023-01-embassy-attack-tehran#7/39.5/47.5');
    await expect.poll(() => page.locator('.maplibregl-popup .incident-title').count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toBe('#7/39.5/47.5');
  });

  test('a start date past the last incident is moved to it and said so', async () => {
    const { page } = await app.visit('?from=2099-01-01');
    expect(await page.locator('.notice').innerText()).toContain('from=2099-01-01 is outside the incidents');
    expect(await page.locator('.incident-list summary').innerText()).not.toMatch(/\(0 of/);
  });

  test('closing the incident by opening a cluster list takes it out of the address', async () => {
    const { page } = await app.visit('?incident=2023-03-11-iranian-ambassador-summoned-baku#9/40.4093/49.8671');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('incident=');
    // Markers under the popup are hidden: click one that shows.
    await page.locator('button.incident-cluster:not(.marker-covered)').first().click();
    await expect.poll(() => page.locator('.cluster-list').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('incident=');
  });
});
