import { BorderIndex, shapeDistanceKm, type Shape } from '../geo';
import { compareByDate, type Incident, type LonLat } from '../incidents';
import {
  buildImport, contentKey, matchColumns, readImportFile, resolveIdCollisions, summarizePreview, summarizeProblems, summarizeTable,
  type ImportChoice, type ImportPreview, type ImportStage, type ImportTable, type ParseXml, type ResolvedIds,
} from '../incidents/io';
import { openImportedStore } from '../store';
import type { CommitSummary, FromImportTask, ToImportTask } from './importProtocol';

/** Incidents per 'incidents' message: each is cloned in one task of the page, so it stays short. */
export const INCIDENTS_PER_MESSAGE = 2000;
/** A file with more records than this is first previewed from this many, while the rest is checked. */
export const EARLY_RECORDS = 1000;
/** Renames named one by one in a commit summary. */
const RENAMES_NAMED = 3;

export interface ImportTaskOptions {
  /** Parses KML text: a worker has no DOMParser (pass parseXmlWithXmldom). */
  parseXml?: ParseXml;
}

/**
 * The import's work for one file, away from the page: read, preview (the latest build kept for the
 * commit), store; or the reading and checking of what the store holds. Answers through `post`; returns the handler of the page's messages. Any failure
 * is posted, never thrown.
 */
export function createImportTask(post: (message: FromImportTask) => void, options: ImportTaskOptions = {}): (message: ToImportTask) => Promise<void> {
  let table: ImportTable | undefined;
  let distances: BorderDistances | undefined;
  let built: { key: string; preview: ImportPreview } | undefined;
  const progress = (stage: ImportStage) => (done: number, total: number): void => post({ type: 'progress', progress: { stage, done, total } });

  const isBuilt = (choice: ImportChoice): boolean => built?.key === JSON.stringify(choice);
  const build = (choice: ImportChoice): ImportPreview => {
    if (table === undefined) throw new Error('the file has not been read');
    if (built === undefined || !isBuilt(choice)) built = { key: JSON.stringify(choice), preview: buildImport(table, choice, { ...distances, onProgress: progress('checking') }) };
    return built.preview;
  };

  const commit = async (message: Extract<ToImportTask, { type: 'commit' }>): Promise<void> => {
    // Only what is stored and reported is kept: a commit is the file's last step, so its records
    // (the preview refers to them) go now, before the store's copies are made.
    const { incidents, errors, warnings } = build(message.choice);
    table = undefined;
    built = undefined;
    progress('storing')(0, incidents.length);
    const store = message.store === null ? null : await openImportedStore(message.store, { announces: false });
    try {
      const existing = store ? (await store.read()).incidents : message.existing;
      // The same content already stored (a file imported twice) is not stored again.
      const keys = new Set(existing.map(contentKey));
      const fresh = incidents.filter((i) => !keys.has(contentKey(i)));
      const taken = new Set([...message.committedIds, ...existing.map((i) => i.id)]);
      // The store checks its own ids again inside the write: another tab may have stored since.
      const resolved: ResolvedIds = fresh.length === 0 ? { incidents: [], renamed: [] }
        : store ? await store.addNew(fresh, taken, progress('storing')) : resolveIdCollisions(fresh, taken);
      post({ type: 'stored' });
      // Marked here, so that the page need not copy every incident to mark it.
      sendIncidents(post, resolved.incidents.map((i) => ({ ...i, imported: true })));
      const result: CommitSummary = {
        stored: resolved.incidents.length,
        already: incidents.length - fresh.length,
        heldBefore: existing.length,
        renamed: resolved.renamed.slice(0, RENAMES_NAMED),
        renamedCount: resolved.renamed.length,
        errors: summarizeProblems(errors),
        warnings: summarizeProblems(warnings),
      };
      post({ type: 'committed', result });
    } finally {
      store?.close();
    }
  };

  return async (message) => {
    try {
      switch (message.type) {
        case 'read': {
          distances = borderDistances(message.border);
          progress('reading')(0, message.file.size);
          const read = await readImportFile(message.file, { parseXml: options.parseXml, onProgress: progress('reading') });
          if ('fileError' in read) return post({ type: 'fileError', message: read.fileError });
          table = read;
          return post({ type: 'table', table: summarizeTable(read), proposed: { mapping: matchColumns(read.headers) } });
        }
        case 'preview': {
          const options = { rows: message.rows, listLimit: message.listLimit };
          if (table !== undefined && table.records.length > EARLY_RECORDS && !isBuilt(message.choice)) {
            // The first records answer in milliseconds: the dialog shows them while the whole file is checked.
            const head = buildImport({ ...table, records: table.records.slice(0, EARLY_RECORDS) }, message.choice, { ...distances });
            post({ type: 'preview', seq: message.seq, preview: summarizePreview(head, options), early: true });
          }
          return post({ type: 'preview', seq: message.seq, preview: summarizePreview(build(message.choice), options), early: false });
        }
        case 'commit':
          return await commit(message);
        case 'load': {
          const store = await openImportedStore(message.store, { announces: false });
          try {
            const read = await store.read();
            sendIncidents(post, read.incidents);
            return post({ type: 'loaded', rejected: read.rejected });
          } finally {
            store.close();
          }
        }
      }
    } catch (err) {
      post({ type: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  };
}

/** Sends incidents in bounded messages, in the list's order: the page then sorts them in about one comparison each. */
function sendIncidents(post: (message: FromImportTask) => void, unsorted: readonly Incident[]): void {
  const incidents = [...unsorted].sort(compareByDate);
  for (let i = 0; i < incidents.length; i += INCIDENTS_PER_MESSAGE) post({ type: 'incidents', incidents: incidents.slice(i, i + INCIDENTS_PER_MESSAGE) });
}

/** How far a point, and a line or area, is from the border. */
interface BorderDistances {
  distanceToBorderKm: (at: LonLat) => number;
  shapeDistanceToBorderKm: (geometry: Shape) => number;
}

/** Distances to the border in km from its GeoJSON; undefined (on_border not computed) without it. */
function borderDistances(border: unknown): BorderDistances | undefined {
  if (border === null || border === undefined) return undefined;
  const index = new BorderIndex(border);
  return { distanceToBorderKm: (at) => index.snap(at).distanceKm, shapeDistanceToBorderKm: (geometry) => shapeDistanceKm(index, geometry) };
}
