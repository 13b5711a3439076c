import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BorderIndex, distanceKm, readStretches, type LonLat } from '../../src/geo';
import { launch, mapIdle, sharedApp, type AppPage } from './browser';
import { pixelStats } from './pixels';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
/** The committed marker of an incident. */
const markerOf = (id: string): LonLat => {
  const features = (read('incidents.geojson') as { features: { id: string; geometry: { coordinates: LonLat } }[] }).features;
  const found = features.find((f) => f.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found.geometry.coordinates;
};
const km = (x: number): string => `${x.toFixed(2)} km`;
const VIEW = { zoom: 8, lat: 39.2, lon: 47.0 };
const VIEWPORT = { width: 1280, height: 800 };

/** Pixel of a point in the page, for the VIEW centred in the map's box (Web Mercator, 512 px tiles). */
async function pixelOf(page: Page, [lon, lat]: LonLat): Promise<{ x: number; y: number }> {
  const box = await page.locator('#map').boundingBox();
  if (!box) throw new Error('no map on the page');
  const scale = 512 * 2 ** VIEW.zoom;
  const mx = (l: number): number => ((l + 180) / 360) * scale;
  const my = (p: number): number => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * scale;
  return { x: box.x + box.width / 2 + mx(lon) - mx(VIEW.lon), y: box.y + box.height / 2 + my(lat) - my(VIEW.lat) };
}

async function figure(page: Page, cls: string): Promise<string> {
  return page.locator(`.measure-panel .${cls}`).innerText();
}

let browser: Browser;
let index: BorderIndex;
// Tests that start from a link share one loaded app; those that switch the tool on load their own.
const app = sharedApp(() => browser, { viewport: VIEWPORT });
beforeAll(async () => {
  browser = await launch();
  index = new BorderIndex(read('border.geojson'));
});
afterAll(async () => {
  await app.close();
  await browser?.close();
});

describe('a shared measurement link', () => {
  test('?measure= shows the along-border and straight-line km the geo module computes', async () => {
    const a: LonLat = [46.9, 39.2];
    const b: LonLat = [47.6, 39.55];
    const along = index.along(a, b);
    if (!along.sameLine) throw new Error('fixture points should snap to one line');
    const straight = distanceKm(along.from.point, along.to.point);
    const { page, errors, external } = await app.visit(`?measure=${a.join(',')};${b.join(',')}`);
    expect(await figure(page, 'measure-along')).toBe(km(along.km));
    expect(await figure(page, 'measure-straight')).toBe(km(straight));
    expect(await figure(page, 'measure-ratio')).toBe((along.km / straight).toFixed(3));
    expect(await figure(page, 'measure-from')).toContain(`km ${along.fromKm.toFixed(2)}`);
    await page.screenshot({ path: 'test-results/measure-link.png' });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('the Zangilan–Bilasuvar stretch measured with the tool gives its stated length', async () => {
    const stretch = readStretches(read('segments.geojson')).get('zangilan-bilasuvar');
    if (!stretch) throw new Error('segments.geojson has no zangilan-bilasuvar stretch');
    const first = stretch.coordinates[0];
    const last = stretch.coordinates[stretch.coordinates.length - 1];
    const { page } = await app.visit(`?measure=${first.join(',')};${last.join(',')}`);
    expect(await figure(page, 'measure-along')).toBe(km(stretch.lengthKm));
    const sections = await page.locator('.measure-sections li').allInnerTexts();
    expect(sections.map((s) => s.replace(/ \((river|land)\): .*$/, ''))).toEqual([
      'Aras River (tripoint to Mughan)', 'Mughan steppe straight lines', 'Bolgarchay – Talysh hills – Astarachay',
    ]);
  });

  test('points on the Nakhchivan and mainland lines are not added up', async () => {
    const { page } = await app.visit('?measure=45.5,38.95;47.5,39.5');
    expect(await page.locator('.measure-warning').innerText()).toContain('different border lines');
    expect(await page.locator('.measure-panel .measure-along').count()).toBe(0);
  });

  test('a malformed ?measure= is ignored with a notice', async () => {
    const { page } = await app.visit('?measure=47,abc;48,39');
    expect(await page.locator('.notice').innerText()).toContain("'47,abc' is not a lon,lat pair");
  });
});

describe('measuring by hand', () => {
  const hash = `#${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`;
  // Tests that switch a tool on share their own app; each starts with that tool on and nothing measured.
  const tools = sharedApp(() => browser, { viewport: VIEWPORT });
  afterAll(() => tools.close());
  async function withTool(name: 'Along border' | 'Ruler'): Promise<AppPage> {
    const app = await tools.visit(hash);
    const { page } = app;
    const button = page.getByRole('button', { name, exact: true });
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect.poll(() => page.locator('.measure-handle').count()).toBe(0);
    return app;
  }

  test('clicking two points snaps them, draws the slice and shows the figures', async () => {
    const { page, errors } = await withTool('Along border');
    const a: LonLat = [46.75, 39.12];
    const b: LonLat = [47.35, 39.40];
    for (const p of [a, b]) {
      const { x, y } = await pixelOf(page, p);
      await page.mouse.click(x, y);
    }
    await mapIdle(page);
    const expected = index.along(a, b);
    if (!expected.sameLine) throw new Error('fixture points should snap to one line');
    const shown = parseFloat(await figure(page, 'measure-along'));
    // One pixel at zoom 8 is ~0.5 km, so the clicked points differ from a and b by about that much.
    expect(Math.abs(shown - expected.km)).toBeLessThan(2);
    expect(await page.locator('.measure-handle').count()).toBe(2);
    const png = await page.screenshot({ path: 'test-results/measure-click.png' });
    const stats = await pixelStats(page, png, { slice: '#111111' }, 30);
    expect(stats.share.slice).toBeGreaterThan(0.0005);
    const url = new URL(page.url());
    expect(url.searchParams.get('measure')?.split(';')).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('dragging an end moves it along the border and the figures follow', async () => {
    const a: LonLat = [46.75, 39.12];
    const b: LonLat = [47.35, 39.40];
    const { page } = await app.visit(`?measure=${a.join(',')};${b.join(',')}${hash}`);
    const before = await figure(page, 'measure-along');
    const handle = page.locator('.measure-handle[data-end="to"]');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no end handle');
    const target = await pixelOf(page, [47.0, 39.3]);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await page.mouse.up();
    await mapIdle(page);
    const after = await figure(page, 'measure-along');
    expect(after).not.toBe(before);
    expect(parseFloat(after)).toBeLessThan(parseFloat(before));
    expect(new URL(page.url()).searchParams.get('measure')).not.toBe(`${a.join(',')};${b.join(',')}`);
  });

  test('Escape clears the measurement and the link', async () => {
    const { page } = await app.visit(`?measure=46.75,39.12;47.35,39.4${hash}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.measure-panel .measure-along').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('measure')).toBeNull();
  });

  test('the keyboard alone can measure: Enter adds the map centre', async () => {
    const { page } = await withTool('Along border');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await mapIdle(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.measure-panel .measure-along').count()).toBe(1);
  });

  test('the ruler shows each leg and the total in geodesic km', async () => {
    const { page } = await withTool('Ruler');
    const pts: LonLat[] = [[46.6, 39.0], [47.0, 39.5], [47.4, 39.1]];
    for (const p of pts) {
      const { x, y } = await pixelOf(page, p);
      await page.mouse.click(x, y);
    }
    const legs = await page.locator('.measure-figures dd').allInnerTexts();
    expect(legs).toHaveLength(3);
    const total = parseFloat(legs[2]);
    const expected = distanceKm(pts[0], pts[1]) + distanceKm(pts[1], pts[2]);
    expect(Math.abs(total - expected)).toBeLessThan(1.5);
  });

  test('hovering near the border shows its chainage and the distance to it', async () => {
    const { page } = await withTool('Along border');
    const onBorder = index.chainageToPoint('mainland', 60);
    const { x, y } = await pixelOf(page, onBorder);
    await page.mouse.move(x + 3, y + 3);
    await expect.poll(() => page.locator('.measure-tooltip').isVisible()).toBe(true);
    const text = await page.locator('.measure-tooltip').innerText();
    const shown = Number(/km (\d+\.\d\d) from the tripoint/.exec(text)?.[1]);
    expect(Math.abs(shown - 60)).toBeLessThan(1.5);
    expect(text).toMatch(/\d+\.\d\d km from the border/);
  });

  test('exports the measurement as GeoJSON with its figures', async () => {
    const { page } = await app.visit(`?measure=46.75,39.12;47.35,39.4${hash}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GeoJSON' }).click()]);
    const path = await download.path();
    const data = JSON.parse(readFileSync(path, 'utf8')) as { features: { geometry: { type: string }; properties: Record<string, unknown> }[] };
    const line = data.features.find((f) => f.geometry.type === 'LineString');
    expect(line?.properties.measurement).toBe('along-border');
    expect(km(Number(line?.properties.along_km))).toBe(await figure(page, 'measure-along'));
  });
});

describe('incidents measured', () => {
  test('the flight shows the stretch length and the out-and-back speed its 42 minutes imply, with that assumption', async () => {
    const stretch = readStretches(read('segments.geojson')).get('zangilan-bilasuvar');
    if (!stretch) throw new Error('no stretch');
    const { page } = await app.visit('?incident=2023-03-11-aircraft-flight-zangilan-bilasuvar');
    const card = page.locator('.maplibregl-popup .incident-card');
    await expect.poll(() => card.locator('.stretch-length').count()).toBe(1);
    expect(await card.locator('.stretch-length').innerText()).toContain(km(stretch.lengthKm));
    const speed = await card.locator('.stretch-speed').innerText();
    expect(speed).toContain(`${((2 * stretch.lengthKm) / (42 / 60)).toFixed(0)} km/h`);
    expect(speed).toContain('out and back');
    expect(speed).toContain('no track');
    expect(await card.innerText()).not.toContain(`${(stretch.lengthKm / (40 / 60)).toFixed(0)} km/h`);
    // The flight is drawn as its corridor on Iran's side, 3–5 km from the border: measured as an area.
    expect(await card.locator('.measure-area').innerText()).toMatch(/km² on the WGS84 ellipsoid/);
    expect(await card.locator('.measure-touches').innerText()).toMatch(/^No: its nearest part is/);
  });

  test('an incident in Tehran says it is far from the border instead of measuring it', async () => {
    const { page } = await app.visit('?incident=2023-01-embassy-attack-tehran');
    const card = page.locator('.maplibregl-popup .incident-card');
    await expect.poll(() => card.locator('.measure-far').count()).toBe(1);
    const tehran = index.snap(markerOf('2023-01-embassy-attack-tehran'));
    expect(await card.locator('.measure-far').innerText()).toContain(`${km(tehran.distanceKm)} from the nearest point of the border`);
    expect(await card.locator('.measure-chainage').count()).toBe(0);
  });
});
