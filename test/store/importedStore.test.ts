import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { validateIncident, type Incident } from '../../src/incidents';
import { openImportedStore, type ImportedStore } from '../../src/store';
import { validFeature } from '../incidents/fixtures';

let opened: ImportedStore[] = [];
let counter = 0;

/** A store in a database of its own, so no test sees another's records. */
async function freshStore(): Promise<{ store: ImportedStore; name: string }> {
  counter += 1;
  const name = `test-imports-${counter}-${Math.random().toString(36).slice(2)}`;
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

/** Valid incidents with these ids, repeats allowed. */
function incidents(...ids: string[]): Incident[] {
  return ids.map((id) => {
    const { incident } = validateIncident(validFeature({ id }), 0, { source: 'test' });
    if (incident === undefined) throw new Error(`fixture ${id} is invalid`);
    return incident;
  });
}

afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

describe('openImportedStore', () => {
  it('recategorizes only the records of the category named, and says how many', async () => {
    const { store } = await freshStore();
    const [a, b, c] = incidents('a', 'b', 'c');
    await store.addAll([{ ...a, category: 'Shelling' }, { ...b, category: 'Shelling' }, { ...c, category: 'Drones' }]);
    expect(await store.recategorize('Shelling', 'attack')).toBe(2);
    const byId = new Map((await store.all()).map((i) => [i.id, i.category]));
    expect(Object.fromEntries(byId)).toEqual({ a: 'attack', b: 'attack', c: 'Drones' });
  });

  it('recategorizes nothing when no record has the category', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a'));
    expect(await store.recategorize('Nowhere', 'attack')).toBe(0);
  });

  it('gives back what addAll stored, each marked imported', async () => {
    const { store } = await freshStore();
    const batch = incidents('a', 'b');
    await store.addAll(batch);
    expect(await store.all()).toStrictEqual(batch.map((i) => ({ ...i, imported: true })));
  });

  it('stores incidents that already carry the imported mark', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a').map((i) => ({ ...i, imported: true })));
    expect((await store.all()).map((i) => i.id)).toEqual(['a']);
  });

  it('keeps incidents across reopening the database', async () => {
    const { store, name } = await freshStore();
    await store.addAll(incidents('a'));
    store.close();
    const again = await openImportedStore(name);
    opened.push(again);
    expect((await again.all()).map((i) => i.id)).toEqual(['a']);
  });

  it('removes one incident by id', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a', 'b', 'c'));
    await store.remove('b');
    expect((await store.all()).map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('clears every incident', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    await store.clear();
    expect(await store.all()).toEqual([]);
  });

  it('writes nothing when an id of the batch is already stored', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a'));
    await expect(store.addAll(incidents('new-1', 'a', 'new-2'))).rejects.toThrow(/nothing stored/);
    expect((await store.all()).map((i) => i.id)).toEqual(['a']);
  });

  it('writes nothing when the batch repeats an id', async () => {
    const { store } = await freshStore();
    await expect(store.addAll(incidents('x', 'y', 'x'))).rejects.toThrow(/id 'x' repeats an earlier incident/);
    expect(await store.all()).toEqual([]);
  });

  it('writes nothing when an incident of the batch is invalid', async () => {
    const { store } = await freshStore();
    const [good, other] = incidents('good', 'bad');
    if (good === undefined || other === undefined) throw new Error('fixture');
    const bad = { ...other, date: '2023-02-30' };
    await expect(store.addAll([good, bad])).rejects.toThrow(/date '2023-02-30' is not a date/);
    expect(await store.all()).toEqual([]);
  });

  it('skips a tampered stored record on read and reports it', async () => {
    const { store, name } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    const raw = await openDB(name);
    const record: unknown = await raw.get('incidents', 'b');
    await raw.put('incidents', { ...(record as object), properties: { title: '<img src=x onerror=alert(1)>' } });
    raw.close();
    const { incidents: read, errors } = await store.read();
    expect(read.map((i) => i.id)).toEqual(['a']);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/^stored imports \(IndexedDB 'test-imports-[^']+'\) feature 1: /);
    expect((await store.all()).map((i) => i.id)).toEqual(['a']);
  });

  it('names a tampered stored record by its key, so it can be removed', async () => {
    const { store, name } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    await tamper(name, 'b');
    const { rejected } = await store.read();
    expect(rejected.map((r) => r.key)).toEqual(['b']);
    expect(rejected[0]?.errors.length).toBeGreaterThan(0);
    for (const error of rejected[0]?.errors ?? []) expect(error).toContain("(stored as 'b')");
    await store.remove('b');
    expect((await store.read()).rejected).toEqual([]);
  });

  it('lists every stored key, set-aside records included', async () => {
    const { store, name } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    await tamper(name, 'b');
    expect(await store.keys()).toEqual(['a', 'b']);
  });

  it('renames stored incidents under their new ids', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    await store.rename([{ from: 'a', to: 'imported-a' }]);
    expect((await store.all()).map((i) => i.id)).toEqual(['b', 'imported-a']);
  });

  it('renames nothing when one of the ids is not stored', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a'));
    await expect(store.rename([{ from: 'a', to: 'x' }, { from: 'nope', to: 'y' }])).rejects.toThrow(/no stored incident 'nope'/);
    expect((await store.all()).map((i) => i.id)).toEqual(['a']);
  });
});

describe('two tabs on one store', () => {
  it('addNew renames an id another connection stored, deciding in the same transaction', async () => {
    const { store, name } = await freshStore();
    const other = await otherTab(name);
    await other.addAll(incidents('x'));
    const { incidents: stored, renamed } = await store.addNew(incidents('x', 'y'), new Set(['y']));
    expect(stored.map((i) => i.id)).toEqual(['imported-x', 'imported-y']);
    expect(renamed).toEqual([{ from: 'x', to: 'imported-x' }, { from: 'y', to: 'imported-y' }]);
    expect(await store.keys()).toEqual(['imported-x', 'imported-y', 'x']);
  });

  it('addNew writes nothing when an incident is invalid', async () => {
    const { store } = await freshStore();
    const [bad] = incidents('bad');
    await expect(store.addNew([...incidents('ok'), { ...bad, date: '2023-13-01' }], new Set())).rejects.toThrow(/nothing stored: .*'2023-13-01'/);
    expect(await store.keys()).toEqual([]);
  });

  it('tells the other connection after each write, not itself', async () => {
    const { store, name } = await freshStore();
    const other = await otherTab(name);
    let heardThere = 0;
    let heardHere = 0;
    other.onOtherTabChange(() => (heardThere += 1));
    store.onOtherTabChange(() => (heardHere += 1));
    await store.addAll(incidents('a'));
    await expect.poll(() => heardThere).toBe(1);
    await store.remove('a');
    await expect.poll(() => heardThere).toBe(2);
    expect(heardHere).toBe(0);
  });

  it('clear gives back the removed records; restore puts back those whose key is still free', async () => {
    const { store } = await freshStore();
    await store.addAll(incidents('a', 'b'));
    const removed = await store.clear();
    expect(removed.map((r) => r.key)).toEqual(['a', 'b']);
    expect(await store.keys()).toEqual([]);
    await store.addAll(incidents('b'));
    expect(await store.restore(removed)).toEqual(['b']);
    expect((await store.all()).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

/** Overwrites a stored record's properties behind the store's back, as other code could. */
async function tamper(name: string, key: string): Promise<void> {
  const raw = await openDB(name);
  const record: unknown = await raw.get('incidents', key);
  await raw.put('incidents', { ...(record as object), properties: { title: 'no longer an incident' } });
  raw.close();
}
