import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { inThreadImportChannel, type OpenImportChannel } from '../../src/app/FileImport';
import { ImportedIncidents, type ImportReport } from '../../src/app/ImportedIncidents';
import { validateIncident, type Incident } from '../../src/incidents';
import { openImportedStore, type ImportedStore } from '../../src/store';
import { collection, validFeature } from '../incidents/fixtures';

interface Reported {
  title: string;
  lines: readonly string[];
  actions: readonly { label: string; run: () => void }[];
}

let opened: ImportedStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

async function freshStore(): Promise<{ store: ImportedStore; name: string }> {
  const name = `test-imported-${Math.random().toString(36).slice(2)}`;
  const store = await openImportedStore(name);
  opened.push(store);
  return { store, name };
}

/** The same database opened again, as another tab of the app would. */
async function otherTab(name: string): Promise<ImportedStore> {
  const store = await openImportedStore(name);
  opened.push(store);
  return store;
}

function incident(id: string): Incident {
  const { incident: valid } = validateIncident(validFeature({ id }), 0, { source: 'test' });
  if (!valid) throw new Error(`fixture ${id} is invalid`);
  return valid;
}

function build(store: ImportedStore | null, committedIds: string[] = []): { imported: ImportedIncidents; reports: Reported[]; changes: () => number } {
  const reports: Reported[] = [];
  let changes = 0;
  const report: ImportReport = (title, lines, _kind, actions = []) => void reports.push({ title, lines, actions });
  const imported = new ImportedIncidents({ store, report, committedIds: new Set(committedIds), onChange: () => void (changes += 1) });
  return { imported, reports, changes: () => changes };
}

function geojsonFile(name: string, ...ids: string[]): File {
  return new File([JSON.stringify(collection(...ids.map((id) => validFeature({ id }))))], name, { type: 'application/geo+json' });
}

describe('ImportedIncidents', () => {
  it('reads the stored incidents on load', async () => {
    const { store } = await freshStore();
    await store.addAll([incident('a')]);
    const { imported } = build(store);
    await imported.load();
    expect(imported.all.map((i) => i.id)).toEqual(['a']);
  });

  it('reads an empty store without starting the import pipeline, and a filled one through it', async () => {
    const { store } = await freshStore();
    let channels = 0;
    const openChannel: OpenImportChannel = (onMessage) => {
      channels += 1;
      return inThreadImportChannel(onMessage);
    };
    const imported = new ImportedIncidents({ store, report: () => undefined, committedIds: new Set(), onChange: () => undefined, openChannel });
    await imported.load();
    expect(channels).toBe(0);
    expect(imported.all).toEqual([]);
    await store.addAll([incident('a')]);
    await imported.refresh();
    expect(channels).toBe(1);
    expect(imported.all.map((i) => i.id)).toEqual(['a']);
  });

  it('renames a stored incident whose id the committed data now uses, and says so', async () => {
    const { store } = await freshStore();
    await store.addAll([incident('taken'), incident('free')]);
    const { imported, reports } = build(store, ['taken']);
    await imported.load();
    expect(imported.all.map((i) => i.id).sort()).toEqual(['free', 'imported-taken']);
    expect((await store.all()).map((i) => i.id)).toEqual(['free', 'imported-taken']);
    expect(reports[0]?.lines).toEqual(["'taken' is now 'imported-taken'"]);
  });

  it('sets aside a stored record that no longer validates, counts it and offers its removal', async () => {
    const { store, name } = await freshStore();
    await store.addAll([incident('good'), incident('bad')]);
    const raw = await openDB(name);
    await raw.put('incidents', { id: 'bad', type: 'Feature', properties: {}, geometry: null });
    raw.close();
    const { imported, reports } = build(store);
    await imported.load();
    expect(imported.all.map((i) => i.id)).toEqual(['good']);
    expect(imported.storedCount).toBe(2);
    expect(reports[0]?.title).toMatch(/^1 stored import is set aside/);
    reports[0]?.actions[0]?.run();
    await expect.poll(async () => store.keys()).toEqual(['good']);
    expect(imported.storedCount).toBe(1);
  });

  it('imports a file whose id a set-aside record holds under a new id instead of failing', async () => {
    const { store, name } = await freshStore();
    await store.addAll([incident('x')]);
    const raw = await openDB(name);
    await raw.put('incidents', { id: 'x', type: 'Feature', properties: {}, geometry: null });
    raw.close();
    const { imported, reports } = build(store);
    await imported.load();
    const added = await imported.importFiles([geojsonFile('again.geojson', 'x')]);
    expect(added.map((i) => i.id)).toEqual(['imported-x']);
    expect(reports.at(-1)?.title).toBe('again.geojson: 1 incident imported');
  });

  it('imports each file of a batch even when one cannot be parsed', async () => {
    const { imported, reports, changes } = build(null);
    const broken = new File(['{ not json'], 'broken.geojson');
    const added = await imported.importFiles([broken, geojsonFile('good.geojson', 'g')]);
    expect(added.map((i) => i.id)).toEqual(['g']);
    expect(reports.map((r) => r.title)).toEqual(['broken.geojson: nothing imported', 'good.geojson: 1 incident imported']);
    expect(changes()).toBe(1);
  });

  it('renames an imported id the committed data uses', async () => {
    const { imported, reports } = build(null, ['c']);
    const added = await imported.importFiles([geojsonFile('c.geojson', 'c')]);
    expect(added.map((i) => i.id)).toEqual(['imported-c']);
    expect(reports[0]?.lines).toEqual(["id 'c' is taken: imported as 'imported-c'"]);
  });

  it('removes one incident and clears all, set-aside records included', async () => {
    const { store } = await freshStore();
    const { imported } = build(store);
    await imported.importFiles([geojsonFile('two.geojson', 'a', 'b')]);
    expect(await imported.remove('a')).toBe(true);
    expect(imported.all.map((i) => i.id)).toEqual(['b']);
    expect(await imported.clear()).not.toBeNull();
    expect(imported.storedCount).toBe(0);
    expect(await store.keys()).toEqual([]);
  });

  it('imports an id another tab stored since this one read the store under a new id, instead of failing', async () => {
    const { store, name } = await freshStore();
    const { imported: stale, reports } = build(store);
    await stale.load();
    // The same id with other content: a different incident, not a repeat.
    const { incident: other } = validateIncident(validFeature({ id: 'shared', coordinates: [47.6, 39.4] }), 0, { source: 'test' });
    if (!other) throw new Error('fixture shared is invalid');
    await (await otherTab(name)).addAll([other]);
    const added = await stale.importFiles([geojsonFile('late.geojson', 'shared')]);
    expect(added.map((i) => i.id)).toEqual(['imported-shared']);
    expect(reports.at(-1)?.lines).toEqual(["id 'shared' is taken: imported as 'imported-shared'"]);
    expect((await store.keys()).sort()).toEqual(['imported-shared', 'shared']);
    // The other tab's incident arrives with its announcement.
    await expect.poll(() => stale.all.map((i) => i.id).sort()).toEqual(['imported-shared', 'shared']);
  });

  it("follows another tab's imports and removals", async () => {
    const { store, name } = await freshStore();
    const { imported: here, changes } = build(store);
    await here.load();
    const { imported: there } = build(await otherTab(name));
    await there.load();
    await there.importFiles([geojsonFile('there.geojson', 'from-there')]);
    await expect.poll(() => here.all.map((i) => i.id)).toEqual(['from-there']);
    expect(changes()).toBeGreaterThan(0);
    await there.clear();
    await expect.poll(() => here.all.map((i) => i.id)).toEqual([]);
    here.dispose();
  });

  it('restore puts back what clear removed, set-aside records included', async () => {
    const { store, name } = await freshStore();
    await store.addAll([incident('a'), incident('bad')]);
    const raw = await openDB(name);
    await raw.put('incidents', { id: 'bad', type: 'Feature', properties: {}, geometry: null });
    raw.close();
    const { imported } = build(store);
    await imported.load();
    const cleared = await imported.clear();
    if (!cleared) throw new Error('clear refused');
    expect(imported.storedCount).toBe(0);
    await imported.restore(cleared);
    expect(imported.all.map((i) => i.id)).toEqual(['a']);
    expect(imported.storedCount).toBe(2);
    expect((await store.keys()).sort()).toEqual(['a', 'bad']);
  });

  it('restore without a store puts the incidents back in this page', async () => {
    const { imported } = build(null);
    await imported.importFiles([geojsonFile('two.geojson', 'a', 'b')]);
    const cleared = await imported.clear();
    if (!cleared) throw new Error('clear refused');
    await imported.restore(cleared);
    expect(imported.all.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('ImportedIncidents: the preview and repeated imports', () => {
  it('says a file was not imported when the browser could not store it, and keeps nothing', async () => {
    const { store } = await freshStore();
    const reports: Reported[] = [];
    // The import task as it runs, except that storing fails as a full disk would make it.
    const failingStore: OpenImportChannel = (onMessage) => {
      const channel = inThreadImportChannel(onMessage);
      return {
        post: (message) => (message.type === 'commit' ? onMessage({ type: 'failed', message: 'QuotaExceededError: the disk is full' }) : channel.post(message)),
        terminate: () => channel.terminate(),
        abortsWrites: channel.abortsWrites,
      };
    };
    const imported = new ImportedIncidents({
      store, committedIds: new Set(), onChange: () => undefined, openChannel: failingStore,
      report: (title, lines) => void reports.push({ title, lines, actions: [] }),
    });
    expect(await imported.importFiles([geojsonFile('full.geojson', 'a')])).toEqual([]);
    expect(reports.at(-1)).toMatchObject({ title: 'full.geojson: nothing imported, the browser could not store it', lines: ['QuotaExceededError: the disk is full'] });
    expect(imported.all).toEqual([]);
    expect(await store.keys()).toEqual([]);
  });

  it('stores nothing when the preview is cancelled', async () => {
    const { store } = await freshStore();
    const reports: Reported[] = [];
    const imported = new ImportedIncidents({
      store, committedIds: new Set(), onChange: () => undefined, confirm: async (session) => session.cancel(),
      report: (title, lines) => void reports.push({ title, lines, actions: [] }),
    });
    expect(await imported.importFiles([geojsonFile('a.geojson', 'a')])).toEqual([]);
    expect((await store.read()).incidents).toEqual([]);
  });

  it('recognises incidents already stored from the same file and says how many it skipped', async () => {
    const { store } = await freshStore();
    const { imported, reports } = build(store);
    await imported.importFiles([geojsonFile('a.geojson', 'a', 'b')]);
    await imported.importFiles([geojsonFile('a.geojson', 'a', 'b')]);
    expect(imported.all.map((i) => i.id)).toEqual(['a', 'b']);
    expect(reports.at(-1)?.title).toBe('a.geojson: nothing imported');
    expect(reports.at(-1)?.lines).toContain('2 already imported, skipped');
  });

  it('imports the other files of a batch when one cannot be read', async () => {
    const { imported, reports } = build(null);
    const broken = new File(['{"type": "FeatureCollection", "features": ['], 'broken.geojson');
    const added = await imported.importFiles([broken, geojsonFile('good.geojson', 'good')]);
    expect(added.map((i) => i.id)).toEqual(['good']);
    expect(reports.map((r) => r.title)).toEqual(['broken.geojson: nothing imported', 'good.geojson: 1 incident imported']);
  });

  it('sums up thousands of bad rows by kind in a few lines', async () => {
    const { imported, reports } = build(null);
    const rows = Array.from({ length: 5000 }, (_, i) => `Row ${i},31/02/2023,39,47`);
    await imported.importFiles([new File([['title,date,lat,lon', 'Good,2023-01-01,39,47', ...rows].join('\n')], 'big.csv')]);
    const [last] = reports.slice(-1);
    expect(last?.title).toBe('big.csv: 1 incident imported, 5,000 skipped');
    expect(last?.lines.length).toBeLessThanOrEqual(10);
    expect(last?.lines[0]).toBe('5,000 rows: date not understood');
  });
});
