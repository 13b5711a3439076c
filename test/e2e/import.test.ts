import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { zippedPointShapefile } from '../fixtures/import/shapefile';
import { flightTrackerCsv, gpxFile, outAndBack } from '../fixtures/tracks';
import { pixelStats } from './pixels';
import { launch, sharedApp, storedRecords, type SharedApp } from './browser';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

let browser: Browser;
// Files whose ids do not collide are imported into one loaded app; the preview's tests share another.
const files = sharedApp(() => browser);
const previews = sharedApp(() => browser);
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await files.close();
  await previews.close();
  await browser?.close();
});

async function listIds(page: Page): Promise<string[]> {
  return page.locator('.incident-list-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.incidentId ?? ''));
}

/** Picks a file and waits for its preview: the dialog open and its summary counting what would be imported. */
async function pick(page: Page, name: string, mimeType: string, buffer: Buffer = fixture(name)): Promise<void> {
  await page.locator('.data-file-input').setInputFiles({ name, mimeType, buffer });
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await expect.poll(() => page.getByRole('dialog').locator('.import-summary').innerText()).toContain('to import');
}

/** How many records the browser's store of imports holds. */
async function storedCount(page: Page): Promise<number> {
  return (await storedRecords(page)).length;
}

/** A CSV of `rows` valid rows, large enough that reading and checking it takes a visible while. */
function largeCsv(rows: number): Buffer {
  const lines = ['title,date,latitude,longitude,notes'];
  for (let i = 1; i <= rows; i++) lines.push(`Event ${i},2023-03-${String(1 + (i % 28)).padStart(2, '0')},39.${4000 + (i % 5000)},47.${1000 + (i % 8000)},Seen near the river by residents (${i})`);
  return Buffer.from(lines.join('\n'));
}

async function popupOf(page: Page, id: string): Promise<string> {
  await page.locator(`.incident-list-item[data-incident-id="${id}"]`).click();
  const card = page.locator(`.maplibregl-popup .incident-card[data-incident-id="${id}"]`);
  await expect.poll(() => card.count()).toBe(1);
  return card.innerText();
}

/**
 * Imports the fixture into `app` through its preview as proposed, and checks the count and the notice.
 * (Every format is stored as the same records: that they outlive a reload is explore.test's and stored.test's.)
 */
async function importFixture(app: SharedApp, name: string, mimeType: string, expected: { ids: string[]; read: string }): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await app.visit();
  await pick(page, name, mimeType);
  const dialog = page.getByRole('dialog');
  expect(await dialog.getByRole('heading', { level: 2 }).innerText()).toBe(`Import ${name}`);
  expect(await dialog.locator('.import-summary').innerText()).toContain(expected.read);
  const n = expected.ids.length;
  const confirm = dialog.getByRole('button', { name: `Import ${n} incident${n === 1 ? '' : 's'}` });
  await confirm.click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('data-import') ?? false)).toBe(true);
  await expect.poll(() => listIds(page)).toEqual(expect.arrayContaining(expected.ids));
  expect(await page.locator('.notice').last().innerText()).toContain(`${name}: ${n} incident${n === 1 ? '' : 's'} imported`);
  return { page, errors };
}

describe('importing analysts’ files through the preview', () => {
  test('an ACLED export: every row, its categories, actors and other columns in the popup', async () => {
    const { page, errors } = await importFixture(files, 'acled_export.csv', 'text/csv', { ids: ['AZE1001', 'AZE1002', 'AZE1003', 'AZE1004'], read: 'CSV file, 4 rows read' });
    const text = await popupOf(page, 'AZE1002');
    expect(text).toContain('Explosions/Remote violence');
    expect(text).toContain('Farmers (Azerbaijan)');
    expect(text).toMatch(/more fields/i);
    expect(text).toMatch(/sub_event_type\s+Remote explosive\/landmine\/IED/);
    expect(text).toMatch(/computed: (within|more than) 5 km of the border/);
    const hostile = await popupOf(page, 'AZE1003');
    expect(hostile).toContain('<img src=x onerror=alert(1)>');
    expect(hostile).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('.maplibregl-popup img, .maplibregl-popup script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('a spreadsheet with Date, Location, Lat, Lon, Description and Source URL columns', async () => {
    const { page: first } = await files.visit();
    await pick(first, 'spreadsheet.csv', 'text/csv');
    const dialog = first.getByRole('dialog');
    expect(await dialog.getByRole('combobox', { name: 'Column for Date', exact: true }).inputValue()).toBe('Date');
    expect(await dialog.getByRole('combobox', { name: 'Column for Latitude' }).inputValue()).toBe('Lat');
    expect(await dialog.getByRole('combobox', { name: 'Column for Source' }).inputValue()).toBe('Source URL');
    expect(await dialog.innerText()).toContain('1 row: date not understood');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const { page, errors } = await importFixture(files, 'spreadsheet.csv', 'text/csv', {
      ids: ['import-spreadsheet-row-1', 'import-spreadsheet-row-2', 'import-spreadsheet-row-3'], read: 'CSV file, 4 rows read; 3 incidents to import',
    });
    const text = await popupOf(page, 'import-spreadsheet-row-1');
    expect(text).toContain('Shots heard across the river.');
    expect(text).toContain('25 September 2023');
    expect(await page.locator('.maplibregl-popup a[href="https://example.org/horadiz"]').count()).toBe(1);
    expect(text).toMatch(/Reported by\s+Our field team/);
    expect(errors).toEqual([]);
  });

  test('a My Maps KML: folders as categories, HTML descriptions sanitised with their links kept', async () => {
    const { page, errors } = await importFixture(files, 'mymaps.kml', 'application/vnd.google-earth.kml+xml', {
      ids: ['import-mymaps-placemark-1', 'import-mymaps-placemark-2'], read: 'KML file, 2 placemarks read',
    });
    const text = await popupOf(page, 'import-mymaps-placemark-1');
    expect(text).toContain('Shelling');
    expect(text).toContain('Two shells landed near the dam.');
    expect(text).not.toMatch(/<br>|<a |<script/);
    const link = page.locator('.maplibregl-popup .incident-description a');
    expect(await link.getAttribute('href')).toBe('https://example.org/khudafarin');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.locator('.maplibregl-popup script, .maplibregl-popup img').count()).toBe(0);
    const second = await popupOf(page, 'import-mymaps-placemark-2');
    expect(second).toContain('Seen at dusk');
    expect(await page.locator('.maplibregl-popup .incident-description a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('.legend li[data-category="Drone sightings"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __kmlRan?: boolean }).__kmlRan)).toBeUndefined();
    // Parsing the balloon for the sanitiser lets Chromium try the hostile onerror in an inert
    // document; the page's CSP blocks it and says so. That report is the only error allowed.
    expect(errors.filter((e) => !/^Executing inline event handler violates .*The action has been blocked\.$/.test(e))).toEqual([]);
  });

  test('a QGIS GeoJSON export with fid ids and year-first dates', async () => {
    const { page, errors } = await importFixture(files, 'qgis.geojson', 'application/geo+json', { ids: ['1', '2', '3'], read: 'GeoJSON file, 3 features read' });
    const text = await popupOf(page, '3');
    expect(text).toContain('Lights on the hills');
    expect(text).toContain('month only');
    expect(errors).toEqual([]);
  });

  test('a geojson.io file with numeric ids and Solar Hijri dates, shown converted with the original kept', async () => {
    // Not beside the QGIS file: its ids 0 and 1 would collide with that file's.
    const { page, errors } = await importFixture(previews, 'geojsonio.geojson', 'application/geo+json', { ids: ['0', '1'], read: 'GeoJSON file, 2 features read' });
    const text = await popupOf(page, '0');
    expect(text).toContain('10 March 2023');
    expect(text).toContain('19 Esfand 1401');
    expect(errors).toEqual([]);
  });
});

describe('tracks', () => {
  test('a GPX file and a flight tracker CSV: previewed as tracks, analysed against the border, explored by keyboard, exported', async () => {
    // A camera on the Horadiz end of the stretch, where the chart's cursor will be shown on the map.
    const { page, errors } = await files.visit('#9/39.2/47.05');
    await pick(page, 'patrol.gpx', 'application/gpx+xml', Buffer.from(gpxFile('Patrol 11 March', outAndBack())));
    let dialog = page.getByRole('dialog');
    expect(await dialog.locator('.import-summary').innerText()).toContain('GPX file, 1 track read; 1 incident to import');
    // Name, start, positions, duration and length on the ellipsoid (the fixture's out-and-back path).
    expect(await dialog.locator('.import-preview-wrap tbody tr').first().innerText()).toMatch(/^Patrol 11 March\s+2023-03-11 09:44:00\s+41\s+42 min\s+\d{3}\.\d\d km$/);
    await dialog.getByRole('button', { name: 'Import 1 incident' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await pick(page, 'flights.csv', 'text/csv', Buffer.from(flightTrackerCsv()));
    dialog = page.getByRole('dialog');
    expect(await dialog.locator('.import-summary').innerText()).toContain('CSV file, 2 tracks read; 2 incidents to import');
    await dialog.getByRole('button', { name: 'Import 2 incidents' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const text = await popupOf(page, 'import-flights-track-1');
    const track = page.locator('.maplibregl-popup .track-figures');
    await expect.poll(() => track.count()).toBe(1);
    const figures = await track.innerText();
    expect(figures).toContain('IRN501: 29 min (16 min of it with positions, 13 min in a gap)');
    expect(figures).toMatch(/Crossings\s+into Azerbaijan at 2023-03-11 09:47:\d\d UTC, near km \d+\.\d\d; into Iran at 2023-03-11 09:50:\d\d UTC/);
    expect(figures).toMatch(/Gaps\s+1: after point 16, 13 min/);
    expect(figures).toMatch(/Speed\s+average \d+ km\/h/);
    expect(text).not.toContain('sampled every');
    // The figures load after the details open: printing copies them again.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('#print-details .track-figures').count()).toBe(1);

    // The chart is a slider: each step is told in words, and moves the marker on the map.
    const chart = page.locator('.maplibregl-popup .track-profile');
    await chart.focus();
    await page.keyboard.press('End');
    expect(await chart.getAttribute('aria-valuetext')).toMatch(/^2023-03-11 10:13:00 UTC \(point 18 of 18\): \d+\.\d\d km from the border on Iran’s side/);
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await chart.getAttribute('aria-valuetext')).toMatch(/\(point 6 of 18\): \d\.\d\d km from the border on Azerbaijan’s side/);
    expect(await page.locator('.maplibregl-popup .track-readout').innerText()).toBe(await chart.getAttribute('aria-valuetext'));
    const popupVisibility = (value: string): Promise<void> => page.locator('.maplibregl-popup').evaluate((e, v) => void ((e as HTMLElement).style.visibility = v), value);
    await popupVisibility('hidden');
    // The marker is drawn a frame or two after the step: the map may already have been idle.
    const cursorShare = async (): Promise<number> => (await pixelStats(page, await page.locator('#map canvas').screenshot(), { cursor: '#e6007e' }, 30)).share.cursor;
    await expect.poll(cursorShare, { timeout: 10_000 }).toBeGreaterThan(0);
    await popupVisibility('');

    await page.locator('.maplibregl-popup .track-table summary').click();
    expect(await page.locator('.maplibregl-popup .track-table tbody tr').count()).toBe(18);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export analysis (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('import-flights-track-1-analysis.csv');
    const rows = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('point,time_utc,latitude,longitude,distance_km,side,border_line,chainage_km,within_5_km');
    expect(rows).toHaveLength(19);
    expect(rows[6]).toMatch(/^6,2023-03-11T09:49:00\.000Z,[\d.]+,[\d.]+,[\d.]+,Azerbaijan,mainland,[\d.]+,true$/);
    expect(errors).toEqual([]);
  });
});

describe('a zipped shapefile', () => {
  test('is read as its points with their attributes, shown as a shapefile in the preview', async () => {
    const { page, errors } = await files.visit();
    const zip = zippedPointShapefile([
      { lon: 47.33, lat: 39.45, fields: { title: 'Shots near Horadiz', date: '2024-02-10', notes: 'Reported by farmers' } },
      { lon: 46.65, lat: 39.08, fields: { title: 'Drone over Zangilan', date: '2024-03-01', notes: 'Seen at dusk' } },
    ], { name: 'qgis_layer' });
    await pick(page, 'qgis_layer.zip', 'application/zip', Buffer.from(zip));
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('.import-summary').innerText()).toContain('Zipped shapefile, 2 features read; 2 incidents to import');
    await dialog.getByRole('button', { name: 'Import 2 incidents' }).click();
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('qgis_layer.zip: 2 incidents imported');
    const ids = (await listIds(page)).filter((id) => id.startsWith('import-qgis-layer-'));
    expect(ids).toEqual(['import-qgis-layer-feature-0', 'import-qgis-layer-feature-1']);
    const text = await popupOf(page, ids[0]);
    expect(text).toMatch(/Shots near Horadiz|Drone over Zangilan/);
    // The notes column is read as the description.
    expect(text).toMatch(/Reported by farmers|Seen at dusk/);
    expect(errors).toEqual([]);
  });
});

describe('the import preview', () => {
  test('Escape cancels: nothing is stored and focus returns to the Import button', async () => {
    const { page } = await previews.visit();
    const before = await listIds(page);
    const stored = await storedCount(page);
    await pick(page, 'qgis.geojson', 'application/geo+json');
    expect(await page.evaluate(() => document.querySelector('dialog')?.contains(document.activeElement) ?? false)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The close event (which returns the focus) follows the dialog's closing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('data-import') ?? false)).toBe(true);
    expect(await listIds(page)).toEqual(before);
    expect(await storedCount(page)).toBe(stored);
  });

  test('asks how ambiguous numeric dates are written and reads them as told; the mapping is remembered', async () => {
    const { page } = await previews.visit();
    const csv = Buffer.from('When,Where,N,E\n03/04/2023,Horadiz,39.45,47.33\n05/06/2023,Zangilan,39.08,46.65\n');
    await pick(page, 'ambiguous.csv', 'text/csv', csv);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Column for Latitude' }).selectOption('N');
    await dialog.getByRole('combobox', { name: 'Column for Longitude' }).selectOption('E');
    await expect.poll(() => dialog.getByRole('button', { name: /^Import/ }).innerText()).toBe('Import 2 incidents');
    await dialog.getByRole('radio', { name: /Month first/ }).check();
    await expect.poll(() => dialog.locator('.import-preview td').nth(1).innerText()).toBe('2023-03-04 (03/04/2023)');
    await dialog.getByRole('button', { name: 'Import 2 incidents' }).click();
    await expect.poll(() => listIds(page)).toContain('import-ambiguous-row-1');
    expect(await popupOf(page, 'import-ambiguous-row-1')).toContain('4 March 2023');
    await page.keyboard.press('Escape');

    await pick(page, 'again.csv', 'text/csv', Buffer.from('E,N,When,Where\n48.5,39.4,2024-01-01,Bilasuvar\n'));
    expect(await page.getByRole('dialog').getByRole('combobox', { name: 'Column for Latitude' }).inputValue()).toBe('N');
  });

  test('sums up 500 bad rows by kind, lists at most 200 on demand, and warns of implausible places', async () => {
    const { page } = await previews.visit();
    const bad = Array.from({ length: 500 }, (_, i) => `Bad ${i},31/02/2023,39,47`);
    const csv = ['title,date,lat,lon', 'Swapped,2023-01-01,46.6525,39.0857', 'Fine,2023-01-02,39.1,47.1', ...bad].join('\n');
    await pick(page, 'many.csv', 'text/csv', Buffer.from(csv));
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('500 rows: date not understood');
    expect(await dialog.innerText()).toContain('1 row: latitude and longitude likely swapped');
    expect(await dialog.locator('.import-errors li').count()).toBe(4);
    await dialog.locator('.import-errors summary').click();
    await expect.poll(() => dialog.locator('.import-errors ol > li').count()).toBe(200);
    expect(await dialog.locator('.import-errors details').innerText()).toContain('300 more not listed.');
    await dialog.getByRole('button', { name: 'Import 2 incidents' }).click();
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('many.csv: 2 incidents imported, 500 skipped');
    expect(await page.locator('.notice').last().locator('li').count()).toBeLessThanOrEqual(10);
  });

  test('a large file shows its progress while it is read, checked and stored; Cancel during the write keeps none of it', async () => {
    const { page } = await previews.visit();
    const before = await storedCount(page);
    await page.locator('.data-file-input').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: largeCsv(40_000) });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('progressbar').waitFor();
    expect(await dialog.getByRole('status').innerText()).toMatch(/^(Reading the file|Checking rows)…$/);
    // The work runs in the import worker, not on the page's thread.
    expect(page.workers().some((w) => /importWorker/.test(w.url()))).toBe(true);
    // A column changed while the rows are checked asks again; the dialog stays and previews the new choice.
    await dialog.getByRole('combobox', { name: 'Column for Description' }).selectOption('');
    await dialog.getByRole('button', { name: 'Import 40,000 incidents' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toBe('Storing the incidents…');
    // Some written, not all: the write is under way when it is cancelled.
    await expect.poll(() => dialog.locator('.import-progress-figures').innerText(), { timeout: 30_000, interval: 20 }).toMatch(/^\s*[1-9][\d,]* of 40,000$/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('data-import') ?? false)).toBe(true);
    expect(await storedCount(page)).toBe(before);
    expect(await page.locator('.notice').allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringContaining('large.csv: 40,000 incidents imported')]));
  });

  test('importing the same file again stores nothing new and says so', async () => {
    const { page } = await previews.visit();
    for (let i = 0; i < 2; i++) {
      await pick(page, 'qgis.geojson', 'application/geo+json');
      await page.getByRole('dialog').getByRole('button', { name: 'Import 3 incidents' }).click();
    }
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('3 already imported, skipped');
    expect((await listIds(page)).filter((id) => ['1', '2', '3'].includes(id))).toHaveLength(3);
  });

  test('a KML that makes the parser throw is that file’s error; the other file of the batch imports', async () => {
    const { page } = await previews.visit();
    const hostile = '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>A</name><ExtendedData><SchemaData><SimpleData name="__proto__">x</SimpleData></SchemaData></ExtendedData><Point><coordinates>47,39</coordinates></Point></Placemark></Document></kml>';
    const good = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'batch-1', properties: { name: 'Patrol seen', date: '2024-06-01' }, geometry: { type: 'Point', coordinates: [47.2, 39.3] } }] };
    await page.locator('.data-file-input').setInputFiles([
      { name: 'hostile.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: Buffer.from(hostile) },
      { name: 'batch.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(good)) },
    ]);
    await page.getByRole('dialog').getByRole('button', { name: 'Import 1 incident' }).click();
    await expect.poll(() => listIds(page)).toContain('batch-1');
    expect(await page.locator('.notice').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('hostile.kml: could not be read as KML')]));
  });
});
