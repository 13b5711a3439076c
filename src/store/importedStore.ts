import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  incidentsToFeatureCollection,
  resolveIdCollisions,
  validateIncident,
  type ResolvedIds,
  type Incident,
  type IncidentGeometry,
  type IncidentProperties,
  type ParseResult,
} from '../incidents';
import type { Feature } from 'geojson';

/** An incident as stored: its GeoJSON Feature (the committed file's form), keyed by id. */
type StoredFeature = Feature<IncidentGeometry, IncidentProperties> & { id: string };

interface ImportedDB extends DBSchema {
  incidents: { key: string; value: StoredFeature };
}

const STORE = 'incidents';
const VERSION = 1;

/** A stored record that no longer validates: set aside, not shown, removable by its key. */
export interface RejectedRecord {
  key: string;
  errors: string[];
}

export interface StoredRead extends ParseResult {
  /** One entry per stored record that failed validation, with its key. */
  rejected: RejectedRecord[];
}

/** A record as it was stored, kept by a removal so that it can be put back. */
export interface RemovedRecord {
  key: string;
  value: unknown;
}

/** Incidents the analyst imported, kept in this browser across visits. */
export interface ImportedStore {
  /** The stored incidents that still validate, by id order, each with `imported: true`. */
  all(): Promise<Incident[]>;
  /** Like all(), with an error for each stored record that no longer validates (it is skipped) and its key. */
  read(): Promise<StoredRead>;
  /** Every stored key, valid or not: an import must not reuse one. */
  keys(): Promise<string[]>;
  /** How many records are stored, valid or not. */
  count(): Promise<number>;
  /** Gives stored incidents new ids, all in one transaction (e.g. when the committed data took their ids). */
  rename(renames: readonly { from: string; to: string }[]): Promise<void>;
  /**
   * Stores the incidents in one transaction: if any is invalid, repeats an id of the batch or
   * has an id already stored, nothing is written and the promise rejects. Resolve ids against
   * the committed and stored ones first (resolveIdCollisions). The `imported` mark is not stored.
   */
  addAll(incidents: readonly Incident[]): Promise<void>;
  /**
   * Stores the incidents in one transaction, giving each id taken by `takenIds` or by a key read
   * in that same transaction (another tab may have stored it) a new one (resolveIdCollisions).
   * Rejects, writing nothing, if any is invalid.
   */
  addNew(incidents: readonly Incident[], takenIds: ReadonlySet<string>, onProgress?: (done: number, total: number) => void): Promise<ResolvedIds>;
  remove(id: string): Promise<void>;
  /** Gives every stored incident of category `from` the category `to` (a rename, or a merge into one that exists), in one transaction; returns how many. */
  recategorize(from: string, to: string): Promise<number>;
  /** Removes every record, set-aside ones included, and gives back what was removed. */
  clear(): Promise<RemovedRecord[]>;
  /** Puts removed records back, in one transaction, except those whose key is taken again; returns those keys. */
  restore(records: readonly RemovedRecord[]): Promise<string[]>;
  /** Calls `listener` when another tab changed the stored records; returns the unsubscribe. */
  onOtherTabChange(listener: () => void): () => void;
  /** Tells the other tabs the records changed: for writes made through another connection (the import worker's). */
  announce(): void;
  /** The database's name, for opening it again elsewhere (the import worker). */
  readonly name: string;
  close(): void;
}

function toStored(incidents: readonly Incident[]): StoredFeature[] {
  const plain = incidents.map(({ imported: _imported, ...incident }) => incident);
  return incidentsToFeatureCollection(plain).features.map((feature) => ({ ...feature, id: feature.properties.id }));
}

/**
 * Refuses the batch before any write: what goes into storage is as valid as what comes out. A
 * batch checked in parts passes where its part starts (`from`, for the messages) and the ids seen.
 */
function checkBatch(features: readonly StoredFeature[], source: string, from = 0, seen = new Set<string>()): void {
  const problems: string[] = [];
  features.forEach((feature, i) => {
    problems.push(...validateIncident(feature, from + i, { source, imported: true }).errors.map((e) => e.message));
    if (seen.has(feature.id)) problems.push(`${source} feature ${from + i}: id '${feature.id}' repeats an earlier incident of the batch`);
    seen.add(feature.id);
  });
  if (problems.length > 0) throw new Error(`nothing stored: ${problems.join('; ')}`);
}

class IndexedDbImportedStore implements ImportedStore {
  /** Tells the other tabs of this browser that the records changed, and hears when they did. */
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly db: IDBPDatabase<ImportedDB>,
    private readonly source: string,
    readonly name: string,
    announces: boolean,
  ) {
    this.channel = announces && typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  }

  private changed(): void {
    this.channel?.postMessage({ type: 'changed' });
  }

  announce(): void {
    this.changed();
  }

  onOtherTabChange(listener: () => void): () => void {
    const channel = this.channel;
    if (!channel) return () => undefined;
    const onMessage = (): void => listener();
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }

  async read(): Promise<StoredRead> {
    // Anything in browser storage may have been edited by hand or by other code: validate it.
    const tx = this.db.transaction(STORE, 'readonly');
    const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll() as Promise<unknown[]>, tx.done]);
    const result: StoredRead = { incidents: [], errors: [], rejected: [] };
    records.forEach((record, i) => {
      const { incident, errors } = validateIncident(record, i, { source: this.source, imported: true });
      result.errors.push(...errors);
      if (incident !== undefined) result.incidents.push({ ...incident, imported: true });
      else result.rejected.push({ key: String(keys[i]), errors: errors.map((e) => `${e.message} (stored as '${String(keys[i])}')`) });
    });
    return result;
  }

  async keys(): Promise<string[]> {
    return (await this.db.getAllKeys(STORE)).map(String);
  }

  count(): Promise<number> {
    return this.db.count(STORE);
  }

  async rename(renames: readonly { from: string; to: string }[]): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const records = await Promise.all(renames.map(({ from }) => tx.store.get(from)));
    const missing = renames.find((_, i) => records[i] === undefined);
    if (missing) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error(`${this.source}: no stored incident '${missing.from}' to rename`);
    }
    const writes = renames.flatMap(({ from, to }, i) => {
      const record = records[i] as StoredFeature;
      return [tx.store.delete(from), tx.store.add({ ...record, id: to, properties: { ...record.properties, id: to } })];
    });
    await Promise.all([...writes, tx.done]);
    this.changed();
  }

  async all(): Promise<Incident[]> {
    return (await this.read()).incidents;
  }

  async addAll(incidents: readonly Incident[]): Promise<void> {
    const features = toStored(incidents);
    checkBatch(features, `import batch for ${this.source}`);
    const tx = this.db.transaction(STORE, 'readwrite');
    try {
      // A failed add aborts the whole transaction, so either all are written or none.
      await Promise.all([...features.map((feature) => tx.store.add(feature)), tx.done]);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`nothing stored in ${this.source}: ${reason} (is one of the ids already stored?)`, { cause: error });
    }
    this.changed();
  }

  async addNew(incidents: readonly Incident[], takenIds: ReadonlySet<string>, onProgress?: (done: number, total: number) => void): Promise<ResolvedIds> {
    const tx = this.db.transaction(STORE, 'readwrite');
    let resolved: ResolvedIds;
    try {
      // Keys read and written in one transaction: no other tab can store one of these ids in between.
      const stored = (await tx.store.getAllKeys()).map(String);
      resolved = resolveIdCollisions(incidents, new Set([...takenIds, ...stored]));
      // Converted, checked and written a part at a time within the one transaction: a large import
      // never holds a second copy of itself waiting to be written. Any failure aborts it all.
      const total = resolved.incidents.length;
      const seen = new Set<string>();
      for (let from = 0; from < total; from += WRITE_PART) {
        const features = toStored(resolved.incidents.slice(from, from + WRITE_PART));
        checkBatch(features, `import batch for ${this.source}`, from, seen);
        await Promise.all(features.map((feature) => tx.store.add(feature)));
        onProgress?.(Math.min(from + WRITE_PART, total), total);
      }
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw error;
    }
    this.changed();
    return resolved;
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(STORE, id);
    this.changed();
  }

  async recategorize(from: string, to: string): Promise<number> {
    const tx = this.db.transaction(STORE, 'readwrite');
    let changed = 0;
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const record = cursor.value as StoredFeature;
      if (record.properties?.category !== from) continue;
      await cursor.update({ ...record, properties: { ...record.properties, category: to } });
      changed++;
    }
    await tx.done;
    if (changed > 0) this.changed();
    return changed;
  }

  async clear(): Promise<RemovedRecord[]> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll() as Promise<unknown[]>]);
    await Promise.all([tx.store.clear(), tx.done]);
    this.changed();
    return keys.map((key, i) => ({ key: String(key), value: values[i] }));
  }

  async restore(records: readonly RemovedRecord[]): Promise<string[]> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const present = new Set((await tx.store.getAllKeys()).map(String));
    const taken = records.filter((r) => present.has(r.key)).map((r) => r.key);
    // The records are put back as they were read; read() validates them again like any other.
    const writes = records.filter((r) => !present.has(r.key)).map((r) => tx.store.add(r.value as StoredFeature));
    await Promise.all([...writes, tx.done]);
    this.changed();
    return taken;
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }
}

/** Aborts a transaction unless it already finished or aborted. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing to undo.
  }
}

/** How many records are converted, checked and written at a time (and between two progress reports). */
const WRITE_PART = 5000;

export interface OpenStoreOptions {
  /** Whether writes tell the other tabs (BroadcastChannel) and their writes are heard; default true. */
  announces?: boolean;
}

/**
 * Opens (creating if needed) the IndexedDB database that keeps imported incidents. Rejects when
 * the browser refuses storage (private mode, disabled storage); the caller then goes without.
 */
export async function openImportedStore(name = 'border-incidents', { announces = true }: OpenStoreOptions = {}): Promise<ImportedStore> {
  const db = await openDB<ImportedDB>(name, VERSION, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id' });
    },
    blocking() {
      // Another tab wants a newer version: let it, rather than hang it.
      db.close();
    },
  });
  return new IndexedDbImportedStore(db, `stored imports (IndexedDB '${name}')`, name, announces);
}
