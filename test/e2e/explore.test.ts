import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, mapIdle, openApp, sharedApp, storedRecords } from './browser';

interface FeatureLike { id: string; type: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } }
const committed = (): { type: string; features: FeatureLike[] } =>
  JSON.parse(readFileSync(new URL('../../data/incidents.geojson', import.meta.url), 'utf8'));
const committedIds = (): Set<string> => new Set(committed().features.map((f) => f.id));

const SOURCE = { title: 'Analyst notes', publisher: 'Our team', date: '2024-05-02' };

function importedFeature(id: string, title: string, date: string, coordinates: [number, number]): FeatureLike {
  return {
    type: 'Feature', id,
    properties: {
      title, date, date_precision: 'day', category: 'military-exercise', actors: ['Test actor'], location: 'Near the Aras',
      geo_precision: 'near', on_border: true, description: 'Imported for a test.', quotes: [], sources: [SOURCE],
    },
    geometry: { type: 'Point', coordinates },
  };
}

async function listIds(page: Page): Promise<string[]> {
  return page.locator('.incident-list-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.incidentId ?? ''));
}

/** Picks a file; it is not imported until its preview is confirmed. */
async function pickFile(page: Page, name: string, mimeType: string, body: string): Promise<void> {
  await page.locator('.data-file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
}

/** Confirms the open import preview with its proposed mapping. */
async function confirmPreview(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Import \d/ }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** Picks a file and confirms its preview as proposed. */
async function importFile(page: Page, name: string, mimeType: string, body: string): Promise<void> {
  await pickFile(page, name, mimeType, body);
  await confirmPreview(page);
}

let browser: Browser;
// One loaded app for the tests that start from a link, another for imports that keep their own ids.
const app = sharedApp(() => browser);
const importing = sharedApp(() => browser);
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await app.close();
  await importing.close();
  await browser?.close();
});

describe('the timeline', () => {
  test('dragging the end of the range filters the map and the list, and the link keeps it', async () => {
    const { page, errors } = await app.visit('#4.3/37.5/43');
    const total = committed().features.length;
    expect(await page.locator('.timeline-count').innerText()).toContain(`${total} of ${total}`);
    const thumb = await page.locator('input.timeline-thumb-to').boundingBox();
    if (!thumb) throw new Error('no end thumb');
    const y = thumb.y + thumb.height / 2;
    await page.mouse.move(thumb.x + thumb.width - 8, y);
    await page.mouse.down();
    await page.mouse.move(thumb.x + thumb.width * 0.3, y, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.incident-list-item').count()).toBeLessThan(total);
    const listed = await page.locator('.incident-list-item').count();
    expect(listed).toBeGreaterThan(0);
    expect(await page.locator('.timeline-count').innerText()).toContain(`${listed} of ${total}`);
    const to = new URL(page.url()).searchParams.get('to');
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('time.timeline-to-date').getAttribute('datetime')).toBe(to);
    await mapIdle(page);
    const marked = await page.locator('.incident-marker').count()
      + (await page.locator('.incident-cluster').evaluateAll((els) => els.reduce((s, e) => s + Number((e as HTMLElement).dataset.count), 0)));
    expect(marked).toBe(listed);
    await page.screenshot({ path: 'test-results/timeline-drag.png' });
    expect(errors).toEqual([]);
  });

  test('the keyboard moves the range a day at a time', async () => {
    const { page } = await app.visit('?from=2023-01-01&to=2023-03-31');
    await page.locator('input.timeline-thumb-from').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2023-01-02');
  });

  test('playback moves the range through time and pauses, and the link gets the range on pausing, not on each step', async () => {
    const { page } = await app.visit();
    const before = await page.locator('time.timeline-from-date').getAttribute('datetime');
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('4');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.locator('time.timeline-from-date').getAttribute('datetime')).not.toBe(before);
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    const paused = await page.locator('time.timeline-from-date').getAttribute('datetime');
    expect(new URL(page.url()).searchParams.get('from')).toBe(paused);
    // Let the page's own timers run three playback steps' worth: a playback still running would have moved the range.
    await page.evaluate(() => new Promise<void>((resolve) => {
      let ticks = 0;
      const timer = setInterval(() => { if (++ticks === 3) { clearInterval(timer); resolve(); } }, 100);
    }));
    expect(await page.locator('time.timeline-from-date').getAttribute('datetime')).toBe(paused);
  });
});

describe('filters', () => {
  test('unticking a category hides its incidents from the map and the list, and the link keeps it', async () => {
    const { page } = await app.visit();
    const all = committed().features;
    const statements = all.filter((f) => f.properties.category === 'statement').length;
    await page.locator('.legend input[value="statement"]').uncheck();
    await expect.poll(() => page.locator('.incident-list-item').count()).toBe(all.length - statements);
    const url = new URL(page.url());
    expect(url.searchParams.get('category')?.split(',')).not.toContain('statement');
    await mapIdle(page);
    const ids = await page.locator('.incident-marker').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.category));
    expect(ids).not.toContain('statement');
  });

  test('"within N km of the border" keeps only incidents that close', async () => {
    const { page } = await app.visit();
    const input = page.locator('.legend-within input');
    await input.fill('5');
    await input.press('Enter');
    await expect.poll(() => listIds(page)).not.toContain('2023-01-embassy-attack-tehran');
    const ids = await listIds(page);
    expect(ids).toContain('2023-03-11-aircraft-flight-zangilan-bilasuvar');
    expect(new URL(page.url()).searchParams.get('within')).toBe('5');
  });

  test('a permalink restores the range, categories and open incident; back undoes a change', async () => {
    const path = '?from=2023-01-01&to=2023-03-31&category=attack,airspace,diplomatic&incident=2023-03-11-aircraft-flight-zangilan-bilasuvar#7/39.3/47.5';
    const { page, errors } = await app.visit(path);
    const ids = await listIds(page);
    expect(ids.sort()).toEqual(['2023-01-embassy-attack-tehran', '2023-03-11-aircraft-flight-zangilan-bilasuvar', '2023-03-11-iranian-ambassador-summoned-baku', '2023-03-28-mp-fazil-mustafa-shot-baku'].sort());
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').getAttribute('data-incident-id')).toBe('2023-03-11-aircraft-flight-zangilan-bilasuvar');
    expect(await page.locator('.legend input[value="statement"]').isChecked()).toBe(false);
    // By keyboard: a click could land elsewhere if the panels shift as the incident opens.
    await page.locator('.legend input[value="attack"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => listIds(page)).not.toContain('2023-01-embassy-attack-tehran');
    await page.goBack();
    await expect.poll(() => listIds(page)).toContain('2023-01-embassy-attack-tehran');
    expect(await page.locator('.legend input[value="attack"]').isChecked()).toBe(true);
    await page.reload();
    await mapIdle(page);
    expect((await listIds(page)).length).toBe(4);
    expect(errors).toEqual([]);
  });

  test('words typed in the list\'s Find box keep the incidents that contain them, and the link keeps the words', async () => {
    const { page } = await app.visit('#4.3/37.5/43');
    const all = committed().features;
    const text = (f: FeatureLike): string => [f.properties.title, f.properties.description, f.properties.location, ...(f.properties.actors as string[])].join(' ').toLowerCase();
    const expected = all.filter((f) => text(f).includes('embassy')).map((f) => f.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    await page.getByRole('searchbox', { name: 'Find' }).fill('Embassy');
    await expect.poll(async () => (await listIds(page)).sort()).toEqual(expected);
    expect(await page.locator('.timeline-count').innerText()).toContain(`${expected.length} of ${all.length}`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Embassy');
    await app.visit('?q=embassy');
    expect(await page.getByRole('searchbox', { name: 'Find' }).inputValue()).toBe('embassy');
    await expect.poll(async () => (await listIds(page)).sort()).toEqual(expected);
  });

  test('the list orders by distance to the border and keeps one actor\'s incidents, and the link keeps both', async () => {
    const { page } = await app.visit('#4.3/37.5/43');
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('distance');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('distance');
    // The embassy in Tehran, about 400 km from the border, comes after every incident on it.
    const order = await listIds(page);
    expect(order.indexOf('2023-01-embassy-attack-tehran')).toBeGreaterThan(order.indexOf('2023-03-11-aircraft-flight-zangilan-bilasuvar'));
    const actors = committed().features.flatMap((f) => f.properties.actors as string[]);
    const actor = actors.find((a) => actors.filter((b) => b === a).length >= 2) ?? actors[0];
    const naming = committed().features.filter((f) => (f.properties.actors as string[]).includes(actor)).map((f) => f.id).sort();
    await page.getByRole('combobox', { name: 'Actor' }).selectOption(actor);
    await expect.poll(async () => (await listIds(page)).sort()).toEqual(naming);
    expect(new URL(page.url()).searchParams.get('actor')).toBe(actor);
    await page.goBack();
    await expect.poll(() => page.getByRole('combobox', { name: 'Actor' }).inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('distance');
  });

  test('malformed link values are ignored with a notice, never a blank page', async () => {
    const { page } = await app.visit('?from=2023-02-30&category=attack,bogus&within=far');
    const notice = await page.locator('.notice').innerText();
    expect(notice).toContain("from='2023-02-30' is not a date");
    expect(notice).toContain("'bogus'");
    expect(notice).toContain("within='far'");
    expect((await listIds(page)).sort()).toEqual(['2023-01-embassy-attack-tehran', '2023-03-28-mp-fazil-mustafa-shot-baku']);
  });

  test('clicking a cluster of incidents on one spot lists them', async () => {
    const { page } = await app.visit('#9/40.4093/49.8671');
    const cluster = page.locator('.incident-cluster').first();
    await expect.poll(() => cluster.count()).toBe(1);
    await cluster.click();
    const items = page.locator('.cluster-popup .cluster-list-item');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    await items.first().click();
    await expect.poll(() => page.locator('.maplibregl-popup .incident-card').count()).toBe(1);
  });
});

describe('bring your own data', () => {
  test('imports a GeoJSON file, marks its incidents as imported and keeps them across a reload', async () => {
    const { page, errors } = await importing.visit();
    const fc = { type: 'FeatureCollection', features: [importedFeature('mine-1', 'Drill seen near Horadiz', '2024-05-01', [47.1, 39.4])] };
    await importFile(page, 'mine.geojson', 'application/geo+json', JSON.stringify(fc));
    await expect.poll(() => listIds(page)).toContain('mine-1');
    expect(await page.locator('li.imported .imported-badge').count()).toBe(1);
    await page.reload();
    await mapIdle(page);
    await expect.poll(() => listIds(page)).toContain('mine-1');
    await page.locator('.incident-remove[data-incident-id="mine-1"]').click();
    await expect.poll(() => listIds(page)).not.toContain('mine-1');
    expect((await storedRecords(page)).map((r) => r.id)).not.toContain('mine-1');
    expect(errors).toEqual([]);
  });

  test('imports a CSV file with latitude/longitude columns', async () => {
    const { page } = await importing.visit();
    const csv = [
      'id,title,date,category,location,geo_precision,on_border,description,latitude,longitude,source_title,source_publisher,source_date',
      'csv-1,Shots heard across the river,2024-02-10,attack,Horadiz,near,yes,"Reported by residents, unconfirmed.",39.45,47.33,Notes,Our team,2024-02-11',
    ].join('\n');
    await importFile(page, 'list.csv', 'text/csv', csv);
    await expect.poll(() => listIds(page)).toContain('csv-1');
  });

  test('imports a KML file', async () => {
    const { page } = await importing.visit();
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Patrol boat on the Aras</name><description>Seen from the bank.</description>
<ExtendedData>
<Data name="id"><value>kml-1</value></Data><Data name="date"><value>2024-03-05</value></Data>
<Data name="category"><value>military-exercise</value></Data><Data name="location"><value>Aras near Zangilan</value></Data>
<Data name="geo_precision"><value>near</value></Data><Data name="on_border"><value>true</value></Data>
<Data name="source_title"><value>Field notes</value></Data><Data name="source_publisher"><value>Our team</value></Data><Data name="source_date"><value>2024-03-06</value></Data>
</ExtendedData><Point><coordinates>46.8,39.0</coordinates></Point></Placemark>
</Document></kml>`;
    await importFile(page, 'places.kml', 'application/vnd.google-earth.kml+xml', kml);
    await expect.poll(() => listIds(page)).toContain('kml-1');
  });

  test('a file with bad rows reports each by number and reason and keeps the good rows', async () => {
    const { page } = await importing.visit();
    const header = 'id,title,date,category,location,geo_precision,on_border,description,latitude,longitude,source_title,source_publisher,source_date';
    const csv = [
      header,
      'ok-1,Good row,2024-01-05,attack,Somewhere,near,no,Fine.,39.4,47.0,Notes,Us,2024-01-06',
      'bad-1,Bad date,2024-13-01,attack,Somewhere,near,no,Bad.,39.4,47.0,Notes,Us,2024-01-06',
      'bad-2,Bad latitude,2024-01-05,attack,Somewhere,near,no,Bad.,95,47.0,Notes,Us,2024-01-06',
    ].join('\n');
    await pickFile(page, 'mixed.csv', 'text/csv', csv);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: /^Import/ }).innerText()).toBe('Import 1 incident');
    expect(await dialog.innerText()).toContain('2 rows will be skipped');
    await confirmPreview(page);
    await expect.poll(() => listIds(page)).toContain('ok-1');
    const ids = await listIds(page);
    expect(ids).not.toContain('bad-1');
    expect(ids).not.toContain('bad-2');
    const notice = await page.locator('.notice').last().innerText();
    expect(notice).toContain('1 incident imported');
    expect(notice).toMatch(/row 2\b/);
    expect(notice).toContain("'2024-13-01'");
    expect(notice).toMatch(/row 3\b/);
  });

  test('a broken file is reported and changes nothing', async () => {
    const { page } = await importing.visit();
    const fc = { type: 'FeatureCollection', features: [importedFeature('keep-1', 'Kept', '2024-05-01', [47.1, 39.4])] };
    await importFile(page, 'first.geojson', 'application/geo+json', JSON.stringify(fc));
    await expect.poll(() => listIds(page)).toContain('keep-1');
    const before = await listIds(page);
    await pickFile(page, 'broken.geojson', 'application/geo+json', '{"type":"FeatureCollection","features":[{"type":"Feat');
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('broken.geojson');
    expect(await listIds(page)).toEqual(before);
    expect((await storedRecords(page)).map((r) => r.id).sort()).toEqual(before.filter((id) => !committedIds().has(id)).sort());
  });

  test('hostile text in an imported file is shown as text and runs nothing', async () => {
    const { page, errors } = await importing.visit();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const fc = { type: 'FeatureCollection', features: [importedFeature('evil-1', hostile, '2024-05-01', [47.1, 39.4])] };
    await importFile(page, 'evil.geojson', 'application/geo+json', JSON.stringify(fc));
    await expect.poll(() => listIds(page)).toContain('evil-1');
    await page.locator('.incident-list-item[data-incident-id="evil-1"]').click();
    await expect.poll(() => page.locator('.maplibregl-popup .incident-title').innerText()).toBe(hostile);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('an imported category renamed to one of ours merges into it, also in the browser’s store', async () => {
    const { page } = await importing.visit();
    const csv = ['title,date,latitude,longitude,category', 'Shells near the dam,2024-04-01,39.2,47.0,Shelling', 'More shells,2024-04-02,39.21,47.01,Shelling'].join('\n');
    await importFile(page, 'shelling.csv', 'text/csv', csv);
    const entry = page.locator('.legend li[data-category="Shelling"]');
    await expect.poll(() => entry.count()).toBe(1);
    // By keyboard: the legend moves down as the list grows with the import, and a click could land elsewhere.
    await page.getByRole('button', { name: 'Rename or merge the category Shelling' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Rename or merge a category' });
    await dialog.getByLabel('New name').fill('Attack');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('2 imported incidents moved from “Shelling” to “Attack” (merged)');
    expect(await entry.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('attack');
    // Stored so: a reload reads them as attacks.
    expect((await storedRecords(page)).filter((r) => r.id.startsWith('import-shelling')).map((r) => r.category)).toEqual(['attack', 'attack']);
    expect((await listIds(page)).filter((id) => id.startsWith('import-shelling'))).toHaveLength(2);
    await page.locator('.legend input[value="attack"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await listIds(page)).filter((id) => id.startsWith('import-shelling'))).toEqual([]);
  });

  test('a file dropped on the map is imported', async () => {
    const { page } = await importing.visit();
    const fc = { type: 'FeatureCollection', features: [importedFeature('drop-1', 'Dropped', '2024-05-01', [47.1, 39.4])] };
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.geojson', { type: 'application/geo+json' }));
      return dt;
    }, JSON.stringify(fc));
    await page.dispatchEvent('#map', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#map', 'drop', { dataTransfer: transfer });
    await confirmPreview(page);
    await expect.poll(() => listIds(page)).toContain('drop-1');
  });

  test('export as GeoJSON and as CSV, then import, gives back the same incidents', async () => {
    const { page } = await app.visit('?category=attack,statement');
    const shown = await listIds(page);
    const exported: { name: string; text: string }[] = [];
    for (const format of ['GeoJSON', 'CSV']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format}` }).click()]);
      exported.push({ name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') });
    }
    // A fresh browser with no incidents of its own but the files: import must rebuild them exactly.
    const { page: fresh } = await openApp(browser, '', {
      before: (p) => p.route(/incidents[^/]*\.geojson/, (r) => r.fulfill({ contentType: 'application/json', body: '{"type":"FeatureCollection","features":[]}' })),
    });
    await mapIdle(fresh);
    const [geojson, csv] = exported;
    if (!geojson || !csv) throw new Error('the exports did not download');
    await importFile(fresh, geojson.name, 'application/geo+json', geojson.text);
    await expect.poll(() => listIds(fresh)).toHaveLength(shown.length);
    expect((await listIds(fresh)).sort()).toEqual([...shown].sort());
    const source = committed().features.find((f) => f.id === shown[0]);
    await fresh.locator(`.incident-list-item[data-incident-id="${shown[0]}"]`).click();
    await expect.poll(() => fresh.locator('.maplibregl-popup .incident-description').innerText()).toBe(String(source?.properties.description));
    await fresh.keyboard.press('Escape');
    // The CSV reads back to the very same content: every incident is recognised as already imported.
    await importFile(fresh, csv.name, 'text/csv', csv.text);
    await expect.poll(() => fresh.locator('.notice').last().innerText()).toContain(`${csv.name}: nothing imported`);
    expect(await fresh.locator('.notice').last().innerText()).toContain(`${shown.length} already imported, skipped`);
    expect(await listIds(fresh)).toHaveLength(shown.length);
  });
});
