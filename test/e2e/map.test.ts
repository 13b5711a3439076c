import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COLORS } from '../../src/map/palette';
import { launch, mapIdle, openApp, serveIncidents, sharedApp, withoutWebGL } from './browser';
import { pixelStats } from './pixels';
import { generateIncidents } from '../bench/generateIncidents';

const FLIGHT = '2023-03-11-aircraft-flight-zangilan-bilasuvar';
const SHOTS = 'test-results';

interface FeatureLike { id: string; properties: Record<string, unknown>; geometry: unknown; type: string }
function committedIncidents(): { type: string; features: FeatureLike[] } {
  return JSON.parse(readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'));
}

/** Incidents on the map: one per marker button, plus each cluster's count. */
async function markedCount(page: Page): Promise<number> {
  const markers = await page.locator('.incident-marker').count();
  const clusters = await page.locator('.incident-cluster').evaluateAll((els) => els.reduce((s, e) => s + Number((e as HTMLElement).dataset.count), 0));
  return markers + clusters;
}

let browser: Browser;
// Tests that only read share one loaded app, each going to its own address.
const app = sharedApp(() => browser);
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await app.close();
  await browser?.close();
});

describe('the first view', () => {
  test('draws land, water, the border and the stretch (the screenshot is not blank)', async () => {
    const { page, errors, external } = await app.visit();
    const png = await page.screenshot({ path: `${SHOTS}/first-view.png` });
    const stats = await pixelStats(page, png, {
      border: COLORS.border, river: COLORS.river, stretch: COLORS.stretch, water: COLORS.water,
    });
    expect(stats.distinctColors).toBeGreaterThan(50);
    expect(stats.share.water).toBeGreaterThan(0.01);
    expect(stats.share.border).toBeGreaterThan(0.0005);
    expect(stats.share.river).toBeGreaterThan(0.0005);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('shows every incident as a marker or inside a cluster, and lists them all', async () => {
    // Zoomed out to hold them all: Tel Aviv, Tehran, Baku and the border.
    const { page } = await app.visit('#4.3/37.5/43');
    const count = committedIncidents().features.length;
    await expect.poll(() => markedCount(page)).toBe(count);
    expect(await page.locator('.incident-list-item').count()).toBe(count);
  });

  test('credits OpenStreetMap contributors', async () => {
    const { page } = await app.visit();
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('OpenStreetMap contributors');
  });

  test('draws place labels with the bundled font, sending no request off localhost', async () => {
    const { page, external, errors } = await app.visit('#8/39.3/47.2');
    // Every file the page fetched since it loaded (the first test checked that load sent nothing off localhost).
    const fonts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => /\.woff2$/.test(u)));
    expect(fonts.some((u) => /noto-sans-latin-400-normal[^/]*\.woff2$/.test(u))).toBe(true);
    expect(fonts.every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('reading an incident', () => {
  test('clicking a marker opens its popup with its title, date, duration and source link', async () => {
    // Zoomed in past clustering, at the flight's marker (a point inside its corridor).
    const { page, errors } = await app.visit('#12/39.2546/47.1584');
    const feature = committedIncidents().features.find((f) => f.id === FLIGHT);
    expect(feature).toBeDefined();
    await page.locator(`.incident-marker[data-incident-id="${FLIGHT}"]`).click();
    const card = page.locator('.maplibregl-popup .incident-card');
    await expect.poll(() => card.locator('h2').innerText()).toBe(String(feature?.properties.title));
    const text = await card.innerText();
    expect(text).toContain('11 March 2023');
    expect(text).toContain('about 42 minutes');
    expect(text).toContain('On the border');
    expect(await card.locator('.incident-sources li').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('incident')).toBe(FLIGHT);
    await page.screenshot({ path: `${SHOTS}/popup.png` });
    expect(errors).toEqual([]);
  });

  test('?incident=<id> opens that incident on load', async () => {
    const { page } = await openApp(browser, `?incident=${FLIGHT}`);
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe(FLIGHT);
  });

  test('an unknown ?incident= id says so and still shows the map', async () => {
    const { page } = await app.visit('?incident=no-such-thing');
    await expect.poll(() => page.locator('.notice').innerText()).toContain("No incident with id 'no-such-thing'");
    expect(await markedCount(page)).toBeGreaterThan(0);
  });

  test('choosing an incident in the list takes the map to it and opens its popup', async () => {
    const { page } = await app.visit('#7/39.3/47.5');
    const embassy = committedIncidents().features.find((f) => f.properties.category === 'attack');
    expect(embassy).toBeDefined();
    await page.locator(`.incident-list-item[data-incident-id="${embassy?.id}"]`).click();
    await mapIdle(page);
    // The map flies to it, then pans as little as needed to show the whole popup beside it.
    const center = await page.evaluate(() => window.location.hash);
    const [zoom, lat, lon] = center.slice(1).split('/').map(Number);
    const [elon, elat] = (embassy?.geometry as { coordinates: [number, number] }).coordinates;
    expect(zoom).toBeGreaterThanOrEqual(8);
    expect(Math.abs(lat - elat)).toBeLessThan(1);
    expect(Math.abs(lon - elon)).toBeLessThan(1);
    // Where the incident lies on the map, from the camera (web Mercator, 512-px tiles): inside it.
    const at = await page.evaluate(([x, y]) => {
      const [z, la, lo] = (document.documentElement.dataset.mapView ?? '').split('/').map(Number);
      const scale = 512 * 2 ** z;
      const mx = (v: number): number => ((v + 180) / 360) * scale;
      const my = (v: number): number => ((1 - Math.log(Math.tan(Math.PI / 4 + (v * Math.PI) / 360)) / Math.PI) / 2) * scale;
      const r = (document.getElementById('map') as HTMLElement).getBoundingClientRect();
      return { x: r.width / 2 + mx(x) - mx(lo), y: r.height / 2 + my(y) - my(la), width: r.width, height: r.height };
    }, [elon, elat]);
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(at.width);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(at.height);
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe(embassy?.id);
  });

  test('a marker is reachable by keyboard and Enter opens it', async () => {
    const { page } = await app.visit('#12/39.2546/47.1584');
    const marker = page.locator(`.incident-marker[data-incident-id="${FLIGHT}"]`);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe(FLIGHT);
  });
});

describe('more incidents than the map takes in one part', () => {
  // 8,000 seeded incidents over lon 44.5–50, lat 38–41 (a part is 5,000 at first): a first fill goes in parts, unclustered and hidden, then clustered.
  const N = 8_000;
  const many = sharedApp(() => browser, { before: serveIncidents(generateIncidents(N)) });
  afterAll(() => many.close());
  const shownCount = async (page: Page): Promise<number> => Number((/([\d,]+) of/.exec(await page.locator('.timeline-count').innerText())?.[1] ?? '').replace(/,/g, ''));

  test('a first load draws every incident, clustered, once the map is idle', async () => {
    const { page, errors } = await many.visit('#5/39.5/47.25');
    expect(await shownCount(page)).toBe(N);
    await expect.poll(() => markedCount(page)).toBe(N);
    expect(await page.locator('.incident-cluster').count()).toBeGreaterThan(0);
    // Drawn, not only counted: under the clusters' buttons, above and below their counts, the map shows
    // their dark discs (~#536068, luma ~92, over land of luma ~235); a place name drawn over one may not.
    const png = await page.screenshot({ path: `${SHOTS}/many-incidents.png` });
    const centres = await page.locator('.incident-cluster').evaluateAll((els) => els.slice(0, 20).map((e) => {
      const r = e.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
    }));
    const lumas = await page.evaluate(async ({ dataUrl, points }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const luma = (x: number, y: number): number => {
        const [r, g, b] = ctx.getImageData(Math.round(x * devicePixelRatio), Math.round(y * devicePixelRatio), 1, 1).data;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return points.map(([x, y]) => Math.min(luma(x, y - 8), luma(x, y + 8)));
    }, { dataUrl: `data:image/png;base64,${png.toString('base64')}`, points: centres });
    expect(lumas.filter((l) => l < 150).length).toBeGreaterThanOrEqual(0.8 * lumas.length);
    expect(errors).toEqual([]);
  });

  test('a range change after it draws what the timeline counts', async () => {
    const { page } = await many.visit('#5/39.5/47.25');
    const end = page.locator('input.timeline-thumb-to');
    const { min, max } = await end.evaluate((el: HTMLInputElement) => ({ min: Number(el.min), max: Number(el.max) }));
    await end.fill(String(Math.round((min + max) / 2)));
    await mapIdle(page);
    const shown = await shownCount(page);
    expect(shown).toBeGreaterThan(N / 3);
    expect(shown).toBeLessThan((2 * N) / 3);
    await expect.poll(() => markedCount(page)).toBe(shown);
  });
});

describe('hostile and broken data', () => {
  // One served file for both tests: feature 0 hostile, feature 1 with a bad date.
  const HOSTILE = '<img src=x onerror="window.__pwned=1">';
  function brokenData(): ReturnType<typeof committedIncidents> {
    const data = committedIncidents();
    data.features[0].properties.title = HOSTILE;
    data.features[0].properties.description = '<script>window.__pwned=2</script>';
    data.features[1].properties.date = '2023-13-01';
    return data;
  }
  const broken = sharedApp(() => browser, { before: serveIncidents(brokenData()) });
  afterAll(() => broken.close());

  test('a bad feature is reported by index and field, skipped, and the rest still shows', async () => {
    const total = committedIncidents().features.length;
    const { page } = await broken.visit('#4.3/37.5/43');
    const notice = await page.locator('.notice').innerText();
    expect(notice).toContain('feature 1');
    expect(notice).toContain("'2023-13-01'");
    await expect.poll(() => markedCount(page)).toBe(total - 1);
  });

  test('an incident titled <img src=x onerror=...> is shown as text and runs nothing', async () => {
    const { page, errors } = await broken.visit(`?incident=${brokenData().features[0].id}`);
    const card = page.locator('.maplibregl-popup .incident-card');
    await expect.poll(() => card.locator('h2').innerText()).toBe(HOSTILE);
    expect(await card.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.incident-list-item img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('without WebGL the page says so and still lists the incidents', async () => {
    const { page } = await openApp(browser, '', { before: withoutWebGL });
    await expect.poll(() => page.locator('.notice').innerText()).toContain('WebGL is unavailable');
    const count = committedIncidents().features.length;
    await expect.poll(() => page.locator('.incident-list-item').count()).toBe(count);
    await page.locator('.incident-list-item').first().click();
    expect(await page.locator('.fallback-reader .incident-card h2').count()).toBe(1);
  });
});
