import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { categoryColor } from '../../src/map/palette';
import { launch, sharedApp } from './browser';
import { pixelStats } from './pixels';

const FLIGHT = '2023-03-11-aircraft-flight-zangilan-bilasuvar';

/** The corridor's ring, read fresh from the committed file. */
function corridorRing(): number[][] {
  const fc = JSON.parse(readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8')) as { features: { id: string; geometry: { type: string; coordinates: number[][][] } }[] };
  const flight = fc.features.find((f) => f.id === FLIGHT);
  if (flight?.geometry.type !== 'Polygon') throw new Error(`${FLIGHT} is not a Polygon`);
  return flight.geometry.coordinates[0];
}

/** A point inside the band far from its marker: half-way between a vertex of the 5 km line and the nearest vertex of the 3 km line. */
function insideBand(): [number, number] {
  const ring = corridorRing();
  const half = Math.floor(ring.length / 2);
  const far = ring[Math.floor(half * 0.8)];
  const near = ring.slice(half).reduce((a, b) => (Math.hypot(b[0] - far[0], b[1] - far[1]) < Math.hypot(a[0] - far[0], a[1] - far[1]) ? b : a));
  return [(far[0] + near[0]) / 2, (far[1] + near[1]) / 2];
}

let browser: Browser;
// The tests only read: one loaded app, each test at its own address.
const app = sharedApp(() => browser);
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await app.close();
  await browser?.close();
});

describe('an incident drawn as an area: the 2023-03-11 flight corridor', () => {
  test('is drawn in its category’s colour, and a click inside it opens its popup with its area and whether it touches the border', async () => {
    const [lon, lat] = insideBand();
    const { page, errors } = await app.visit(`#11/${lat}/${lon}`);
    const png = await page.screenshot({ path: 'test-results/corridor.png' });
    const stats = await pixelStats(page, png, { airspace: categoryColor('airspace') });
    // Its dashed outline in the category's colour (the fill is translucent and blends with the land).
    expect(stats.share.airspace).toBeGreaterThan(0.0004);
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.locator('.maplibregl-popup .incident-card');
    await expect.poll(() => card.getAttribute('data-incident-id')).toBe(FLIGHT);
    await expect.poll(() => card.locator('.measure-area').innerText()).toMatch(/^\d+\.\d km² on the WGS84 ellipsoid, as drawn$/);
    const area = Number((await card.locator('.measure-area').innerText()).split(' ')[0]);
    expect(area).toBeGreaterThan(300);
    expect(area).toBeLessThan(500);
    expect(await card.locator('.measure-touches').innerText()).toMatch(/^No: its nearest part is 2\.9\d km from the border$/);
    expect(errors).toEqual([]);
  });

  test('is listed, and its marker button inside the band is reachable by keyboard', async () => {
    const { page } = await app.visit('#9/39.25/47.16');
    expect(await page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`).count()).toBe(1);
    const marker = page.locator(`.incident-marker[data-incident-id="${FLIGHT}"]`);
    await expect.poll(() => marker.count()).toBe(1);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe(FLIGHT);
  });

  test('passes "within 3 km" (its nearest part, not its marker, counts) and is filtered out at "within 2 km"', async () => {
    const { page } = await app.visit('?within=3#7/39.3/47.5');
    await expect.poll(() => page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`).count()).toBe(1);
    await app.visit('?within=2#7/39.3/47.5');
    await expect.poll(() => page.locator('.incident-list-item').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`.incident-list-item[data-incident-id="${FLIGHT}"]`).count()).toBe(0);
  });
});
