import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { importThroughPreview, launch, mapIdle, openApp, sharedApp } from './browser';

interface FeatureLike { id: string; type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } }

function importedFeature(id: string, title: string, coordinates: [number, number] = [47.1, 39.4]): FeatureLike {
  return {
    type: 'Feature', id,
    properties: {
      title, date: '2024-05-01', date_precision: 'day', category: 'military-exercise', actors: ['Test actor'], location: 'Near the Aras',
      geo_precision: 'near', on_border: true, description: 'Imported for a test.', quotes: [],
      sources: [{ title: 'Analyst notes', publisher: 'Our team', date: '2024-05-02' }],
    },
    geometry: { type: 'Point', coordinates },
  };
}

async function listIds(page: Page): Promise<string[]> {
  return page.locator('.incident-list-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.incidentId ?? ''));
}

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
}

const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Content-Security-Policy', () => {
  test('the built page and its server declare the policy', async () => {
    const response = await fetch(inject('baseUrl'));
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The attribute as the page reads it: the build writes its quotes as &#39;.
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(await response.text())?.[1]?.replaceAll('&#39;', "'");
    expect(meta).toContain("default-src 'none'");
    expect(meta).not.toContain('unsafe');
  });

  test('load, import, a popup, an export, removal with its dialog and undo, and a measurement cause no violation', async () => {
    const failed: string[] = [];
    const { page, errors } = await openApp(browser, '', {
      before: async (p) => {
        // A blocked request fails; one blocked in MapLibre's worker also shows as a map error notice (checked below).
        p.on('requestfailed', (r) => failed.push(`${r.url().slice(0, 80)}: ${r.failure()?.errorText}`));
        await recordViolations(p);
      },
    });
    await mapIdle(page);
    const fc = { type: 'FeatureCollection', features: [importedFeature('csp-1', 'Imported under the policy')] };
    await importThroughPreview(page, { name: 'mine.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
    await expect.poll(() => listIds(page)).toContain('csp-1');
    await page.locator('.incident-list-item[data-incident-id="csp-1"]').click();
    await expect.poll(() => page.locator('.maplibregl-popup .incident-title').innerText()).toBe('Imported under the policy');
    await mapIdle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
    expect(readFileSync(await download.path(), 'utf8')).toContain('csp-1');
    await page.locator('.data-clear').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove 1' }).click();
    await expect.poll(() => listIds(page)).not.toContain('csp-1');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => listIds(page)).toContain('csp-1');
    // Followed as back/forward would: the measurement comes from the address.
    await page.evaluate((href) => {
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL('?measure=46.9,39.2;47.6,39.55', page.url()).href);
    await mapIdle(page);
    await expect.poll(() => page.locator('.measure-panel .measure-along').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('.notice-error').allInnerTexts()).toEqual([]);
  });
});

describe('links', () => {
  // The first link is loaded, the others are gone to as an edited address would be: each is named either way.
  const app = sharedApp(() => browser);
  afterAll(() => app.close());
  for (const hash of ['#abc', '#1e400/0/0', '#30/39/47']) {
    test(`every unknown, repeated or malformed value of a link with ${hash} is named in one notice`, async () => {
      const { page, errors } = await app.visit(`?colour=red&from=2023-01-01&from=2023-02-01&within=0x10&category=${hash}`);
      const notice = page.locator('.notice', { hasText: 'Some values in the link were ignored' });
      await expect.poll(() => notice.count()).toBe(1);
      const lines = await notice.locator('li').allInnerTexts();
      expect(lines).toEqual(expect.arrayContaining([
        "unknown parameter 'colour': ignored",
        'from is given 2 times: the first is used',
        "within='0x10' is not a distance in km: ignored",
        'category= names no category: no incident is shown',
        `map position '${hash}' is not #zoom/lat/lng (zoom 0–24): ignored`,
      ]));
      expect(errors).toEqual([]);
    });
  }
});
