import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FileImport, inThreadImportChannel, type CommitTarget, type OpenImportChannel } from '../../src/app/FileImport';
import type { FromImportTask } from '../../src/app/importProtocol';
import { INCIDENTS_PER_MESSAGE } from '../../src/app/importTask';
import type { ImportProgress } from '../../src/incidents';
import { openImportedStore, type ImportedStore } from '../../src/store';

let opened: ImportedStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

function csvFile(rows: number, name = 'events.csv'): File {
  const lines = ['title,date,latitude,longitude'];
  for (let i = 1; i <= rows; i++) lines.push(`Event ${i},2023-03-${String(1 + (i % 28)).padStart(2, '0')},39.${400 + (i % 500)},47.${100 + (i % 800)}`);
  return new File([lines.join('\n')], name, { type: 'text/csv' });
}

const pageOnly = (): CommitTarget => ({ store: null, committedIds: [], existing: [] });

/** The in-thread channel, with every message it delivers recorded. */
function recorded(): { open: OpenImportChannel; messages: FromImportTask[] } {
  const messages: FromImportTask[] = [];
  return {
    messages,
    open: (onMessage) => inThreadImportChannel((m) => {
      messages.push(m);
      onMessage(m);
    }),
  };
}

describe('FileImport', () => {
  it('reads a CSV into its table summary and proposes the mapping of its columns', async () => {
    const session = new FileImport(csvFile(3), { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error(`not read: ${JSON.stringify(read)}`);
    expect(read.table).toMatchObject({ fileName: 'events.csv', format: 'csv', records: 3, noun: 'row' });
    expect(read.proposed.mapping.latitude).toEqual(['latitude']);
  });

  it('reports reading and checking progress up to the whole file', async () => {
    const session = new FileImport(csvFile(12_000), { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    const seen: ImportProgress[] = [];
    session.onProgress((p) => seen.push(p));
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error('not read');
    await session.preview(read.proposed);
    const checking = seen.filter((p) => p.stage === 'checking');
    expect(seen[0]?.stage).toBe('reading');
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.at(-1)).toEqual({ stage: 'checking', done: 12_000, total: 12_000 });
  });

  it('gives a bounded preview: the first rows and at most listLimit problems, whatever the file holds', async () => {
    const bad = new File([['title,date,latitude,longitude', ...Array.from({ length: 500 }, (_, i) => `Bad ${i},not a date,39.5,47.5`)].join('\n')], 'bad.csv');
    const session = new FileImport(bad, { border: null, target: pageOnly, openChannel: inThreadImportChannel, listLimit: 20, previewRows: 5 });
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error('not read');
    const preview = await session.preview(read.proposed);
    expect(preview?.incidents).toBe(0);
    expect(preview?.errors).toMatchObject({ count: 500, records: 500 });
    expect(preview?.errors.listed).toHaveLength(20);
    expect(preview?.errors.groups).toEqual([expect.objectContaining({ kind: 'date not understood', count: 500 })]);
  });

  it('answers only the latest preview: one overtaken by another resolves to null', async () => {
    const session = new FileImport(csvFile(5), { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error('not read');
    const first = session.preview({ mapping: { ...read.proposed.mapping, title: [] } });
    const second = session.preview(read.proposed);
    expect(await first).toBeNull();
    expect((await second)?.incidents).toBe(5);
  });

  it('names the file when it cannot be read, and answers nothing after', async () => {
    const session = new FileImport(new File(['{"type": "FeatureCollection", '], 'broken.geojson'), { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    const read = await session.read();
    expect(read).toEqual({ fileError: expect.stringContaining('broken.geojson: not valid JSON') });
    expect(await session.preview({ mapping: {} as never })).toBeNull();
  });

  it('refuses a file over the stated limit by its size, without reading it', async () => {
    const huge = { name: 'huge.csv', size: 200 * 1024 * 1024, type: 'text/csv' } as unknown as File;
    const session = new FileImport(huge, { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    expect(await session.read()).toEqual({ fileError: 'huge.csv is 200 MB; the import takes files up to 100 MB' });
  });

  it('settles every waiting step when cancelled: nothing read, previewed or committed', async () => {
    const session = new FileImport(csvFile(2_000), { border: null, target: pageOnly, openChannel: inThreadImportChannel });
    const read = session.read();
    session.cancel();
    expect(await read).toBeNull();
    expect(await session.commit({ mapping: {} as never })).toBe(false);
    expect(session.committed).toBeUndefined();
  });

  it('commits into the store in one write and sends the incidents back in bounded messages', async () => {
    const name = `test-file-import-${Math.random().toString(36).slice(2)}`;
    const store = await openImportedStore(name);
    opened.push(store);
    const { open, messages } = recorded();
    const rows = INCIDENTS_PER_MESSAGE * 2 + 1;
    const session = new FileImport(csvFile(rows), { border: null, target: () => ({ store: name, committedIds: [], existing: [] }), openChannel: open });
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error('not read');
    expect(await session.commit(read.proposed)).toBe(true);
    expect(session.committed?.incidents).toHaveLength(rows);
    expect(session.committed?.summary).toMatchObject({ stored: rows, already: 0, heldBefore: 0, renamedCount: 0 });
    expect(messages.filter((m) => m.type === 'incidents').map((m) => (m.type === 'incidents' ? m.incidents.length : 0))).toEqual([2000, 2000, 1]);
    expect(messages.some((m) => m.type === 'progress' && m.progress.stage === 'storing' && m.progress.done === rows)).toBe(true);
    expect((await store.keys()).length).toBe(rows);
  });

  it('sees a write through once the store holds it: Cancel then changes nothing', async () => {
    const name = `test-file-import-${Math.random().toString(36).slice(2)}`;
    const store = await openImportedStore(name);
    opened.push(store);
    let session: FileImport | undefined;
    // As a worker would (its terminate aborts writes), but cancelled just after the write committed.
    const cancelOnceStored: OpenImportChannel = (onMessage) => ({
      ...inThreadImportChannel((m) => {
        onMessage(m);
        if (m.type === 'stored') session?.cancel();
      }),
      abortsWrites: true,
    });
    session = new FileImport(csvFile(10), { border: null, target: () => ({ store: name, committedIds: [], existing: [] }), openChannel: cancelOnceStored });
    const read = await session.read();
    if (read === null || 'fileError' in read) throw new Error('not read');
    expect(await session.commit(read.proposed)).toBe(true);
    await session.ended;
    expect(session.committed?.incidents).toHaveLength(10);
    expect((await store.keys()).length).toBe(10);
  });
});
